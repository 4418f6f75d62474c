// The Export page driven through the UI on an in-memory diary, with a temporary
// folder as the Documents folder: CSV (a private 0600 file holding the
// episodes), overwrite asks first, backup then restore by combining into a
// diary that changed since, replace, a damaged file and a wrong password change
// nothing, the folder picker goes into a sub-folder and back and makes a new
// one, the PDF report (when this build has the renderer), and touch sizes.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "backup.hpp"
#include "export_actions.hpp"
#include "folder_picker.hpp"
#include "icons.hpp"
#include "temp_dir.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test, removed at the end.
using nd::test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Episode add(Ui& ui, std::int64_t hours_ago, int numbness, const std::string& note = "") {
    Episode e;
    e.start = {ui.services.clock - hours_ago * 3600, ui.services.offset_min};
    e.duration_min = 20;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.numbness = numbness;
    e.note = note;
    return ui.store().add_episode(e);
}

// The Export page on a diary whose Documents folder is `docs`, its store on the
// fake clock (so edit times are known).
void open_export(Ui& ui, const TempDir& docs, std::int64_t store_clock_offset = 0) {
    ui.services.documents = docs.str();
    const std::int64_t clock = ui.services.clock + store_clock_offset;
    ui.store().set_clock([clock] { return clock; });
    ui.state().refresh();
    ui.state().page = Page::Export;
    ui.settle();
}

std::string today(Ui& ui) { return local_date({ui.services.clock, ui.services.offset_min}); }

ExportPageState& page(Ui& ui) { return ui.pages().export_page; }

// Chooses a backup file through the restore card's file picker.
void pick_backup(Ui& ui, const std::string& name) {
    if (!page(ui).restoring) ui.click("format:restore");
    REQUIRE(page(ui).restoring);
    if (!ui.has("restore:choose")) ui.click("restore:other");
    else ui.click("restore:choose");
    REQUIRE(page(ui).picker.open);
    REQUIRE(page(ui).picker.pick_file);
    ui.click("picker:file:" + name);
    REQUIRE_FALSE(page(ui).picker.open);
}

void make_backup(Ui& ui, const std::string& password = "") {
    ui.click("format:backup");
    REQUIRE_FALSE(page(ui).restoring);
    REQUIRE(page(ui).format == ExportFormat::Backup);
    if (!password.empty()) {
        page(ui).kdf = {kMinKdfOps, kMinKdfMem};   // fast for tests
        ui.click(ND_ICON_LOCK " Protect with a password##pw");
        REQUIRE(page(ui).use_password);
        page(ui).password = password;
        page(ui).password_again = password;
        ui.settle();
    }
    ui.click("export:go");
    REQUIRE(page(ui).error.empty());
    REQUIRE_FALSE(page(ui).done_path.empty());
}

}  // namespace

TEST_CASE("Export page is in the side navigation and under More on a phone", "[app][export]") {
    {
        Ui ui;
        CHECK(ui.has("nav:export"));
        ui.click("nav:export");
        CHECK(ui.state().page == Page::Export);
    }
    {
        Ui ui(390, 3600);
        CHECK_FALSE(ui.has("tab:export"));
        ui.click("tab:more");
        REQUIRE(ui.has(ND_ICON_FILE_TEXT "  Export & backup"));
        ui.click(ND_ICON_FILE_TEXT "  Export & backup");
        CHECK(ui.state().page == Page::Export);
    }
    CHECK(page_from_name("export") == Page::Export);
}

TEST_CASE("Exporting CSV writes a private file with the episodes and offers to open its folder", "[app][export]") {
    TempDir docs;
    Ui ui;
    const Episode a = add(ui, 2, 4, "Left foot, after \"the long walk\"");
    const Episode b = add(ui, 30, 6);
    open_export(ui, docs);
    ui.click("format:csv");
    REQUIRE(page(ui).format == ExportFormat::Csv);
    CHECK(page(ui).file_name == "numbness-diary-episodes-" + today(ui) + ".csv");
    ui.click("Everything##exrange");
    CHECK(page(ui).count == 2);
    ui.click("export:go");
    ui.settle();   // the new card is measured on the frame after it appears
    INFO(page(ui).error);
    const fs::path file = docs.dir / ("numbness-diary-episodes-" + today(ui) + ".csv");
    REQUIRE(fs::exists(file));
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    const std::string csv = slurp(file);
    CHECK(csv.find(a.id) != std::string::npos);
    CHECK(csv.find(b.id) != std::string::npos);
    CHECK(csv.find("\"Left foot, after \"\"the long walk\"\"\"") != std::string::npos);
    CHECK(page(ui).done_path == file.string());
    CHECK(page(ui).done_summary.find("2 episodes") != std::string::npos);
    // Where it went, and that it is not encrypted.
    CHECK(ui.has("export:open_folder"));
    ui.click("export:open_folder");
    REQUIRE(ui.services.opened.size() == 1);
    CHECK(fs::path(ui.services.opened.back()) == docs.dir);
}

TEST_CASE("Exporting over a file that is already there asks first", "[app][export]") {
    TempDir docs;
    Ui ui;
    add(ui, 2, 4);
    open_export(ui, docs);
    ui.click("format:csv");
    ui.click("export:go");
    const fs::path file = docs.dir / page(ui).file_name;
    REQUIRE(fs::exists(file));
    const std::string first = slurp(file);
    const Episode later = add(ui, 1, 7);
    ui.state().refresh();
    ui.settle();
    ui.click("export:go");
    CHECK(page(ui).confirm_overwrite);
    CHECK(slurp(file) == first);
    ui.click("export:keep");
    CHECK_FALSE(page(ui).confirm_overwrite);
    CHECK(slurp(file) == first);
    ui.click("export:go");
    REQUIRE(page(ui).confirm_overwrite);
    ui.click("export:replace");
    CHECK(slurp(file).find(later.id) != std::string::npos);
}

TEST_CASE("A backup restored by combining into a diary that changed since keeps the newest of each", "[app][export][restore]") {
    TempDir docs;
    // Device 1: episodes a and b, backed up.
    Ui one;
    open_export(one, docs);
    const Episode a = add(one, 50, 3);
    const Episode b = add(one, 26, 5);
    one.state().refresh();
    one.settle();
    make_backup(one);
    const std::string name = fs::path(page(one).done_path).filename().string();
    CHECK(name == "numbness-diary-backup-" + today(one) + ".ndbackup");

    // Device 2 had a copy of a, edited it later, and has c of its own.
    Ui two;
    open_export(two, docs, 1000);
    Diary d2;
    d2.episodes.push_back(a);
    two.store().replace_diary(d2);
    Episode a2 = *two.store().episode(a.id);
    a2.numbness = 9;
    two.store().update_episode(a2);
    two.state().run(add_episode_command([&] {
        Episode c;
        c.start = {two.services.clock - 3600, two.services.offset_min};
        c.regions = {{Region::Sole, Side::Right}};
        c.numbness = 2;
        return c;
    }()));
    REQUIRE(two.state().undo_stack.can_undo());
    two.settle();

    pick_backup(two, name);
    CHECK(page(two).restore_file_ok);
    CHECK_FALSE(page(two).restore_encrypted);
    CHECK(page(two).restore_mode == 0);   // combine is the default
    two.click("restore:go");
    REQUIRE(page(two).restore_confirm);
    two.click("restore:yes");
    INFO(page(two).restore_error);
    CHECK_FALSE(page(two).restore_done.empty());
    const auto eps = two.store().episodes();
    CHECK(eps.size() == 3);
    REQUIRE(two.store().episode(a.id));
    CHECK(two.store().episode(a.id)->numbness == 9);   // the newer edit wins
    REQUIRE(two.store().episode(b.id));                // brought in from the backup
    CHECK(two.store().episode(b.id)->numbness == 5);
    CHECK(two.state().episodes_newest_first.size() == 3);   // AppState refreshed
    CHECK_FALSE(two.state().undo_stack.can_undo());          // undo cleared

    // Replace: the diary becomes the backup (c is gone, a as it was backed up).
    pick_backup(two, name);
    two.click("restoremode:Replace");
    REQUIRE(page(two).restore_mode == 1);
    two.click("restore:go");
    two.click("restore:yes");
    CHECK(two.store().episodes().size() == 2);
    CHECK(two.store().episode(a.id)->numbness == 3);
    CHECK(two.state().episodes_newest_first.size() == 2);
}

TEST_CASE("Restoring a damaged backup shows why and changes nothing", "[app][export][restore]") {
    TempDir docs;
    Ui ui;
    open_export(ui, docs);
    add(ui, 5, 4);
    ui.state().refresh();
    ui.settle();
    make_backup(ui);
    const fs::path file = page(ui).done_path;
    std::string bytes = slurp(file);
    REQUIRE(bytes.size() > 100);
    bytes[bytes.size() / 2] ^= 0x20;   // one flipped bit in the diary
    fs::path damaged = docs.dir / "damaged.ndbackup";
    { std::ofstream(damaged, std::ios::binary) << bytes; }
    { std::ofstream(docs.dir / "notes.json", std::ios::binary) << "hello, not a backup"; }

    add(ui, 1, 8);   // the diary moves on after the backup
    ui.state().refresh();
    ui.settle();
    const Diary before = ui.store().load_diary();

    pick_backup(ui, "damaged.ndbackup");
    CHECK_FALSE(page(ui).restore_file_ok);
    CHECK(page(ui).restore_error.find("damaged") != std::string::npos);
    CHECK(page(ui).restore_error.find("Nothing was changed") != std::string::npos);
    ui.click("restore:go");   // disabled: does nothing
    CHECK_FALSE(page(ui).restore_confirm);
    CHECK(ui.store().load_diary() == before);

    ui.click("restore:other");
    ui.click("picker:file:notes.json");
    CHECK_FALSE(page(ui).restore_file_ok);
    CHECK_FALSE(page(ui).restore_error.empty());
    CHECK(ui.store().load_diary() == before);
}

TEST_CASE("A password-protected backup refuses a wrong password and changes nothing", "[app][export][restore]") {
    TempDir docs;
    Ui ui;
    open_export(ui, docs);
    const Episode a = add(ui, 5, 4);
    ui.state().refresh();
    ui.settle();
    make_backup(ui, "correct horse battery");
    CHECK(page(ui).done_encrypted);
    CHECK(page(ui).password.empty());   // not kept after use
    const std::string name = fs::path(page(ui).done_path).filename().string();
    CHECK(inspect_backup(slurp(page(ui).done_path)).encrypted);

    ui.store().delete_episode(a.id);
    ui.state().refresh();
    ui.settle();
    const Diary before = ui.store().load_diary();

    pick_backup(ui, name);
    REQUIRE(page(ui).restore_file_ok);
    REQUIRE(page(ui).restore_encrypted);
    REQUIRE(ui.has("field:Password of the backup##restore"));
    page(ui).restore_password = "wrong horse battery";
    ui.settle();
    ui.click("restoremode:Replace");
    ui.click("restore:go");
    ui.click("restore:yes");
    CHECK(page(ui).restore_error.find("password is wrong") != std::string::npos);
    CHECK(page(ui).restore_done.empty());
    CHECK(ui.store().load_diary() == before);

    // The right one restores it (still on the same file, no need to pick again).
    page(ui).restore_password = "correct horse battery";
    ui.settle();
    ui.click("restore:go");
    ui.click("restore:yes");
    INFO(page(ui).restore_error);
    CHECK_FALSE(page(ui).restore_done.empty());
    REQUIRE(ui.store().episode(a.id));
    CHECK_FALSE(ui.store().episode(a.id)->deleted_utc.has_value());
}

TEST_CASE("A backup password must be typed twice the same and be long enough", "[app][export]") {
    TempDir docs;
    Ui ui;
    open_export(ui, docs);
    ui.click("format:backup");
    // The warning is on screen before a password is chosen.
    CHECK_FALSE(page(ui).use_password);
    ui.click(ND_ICON_LOCK " Protect with a password##pw");
    page(ui).password = "abcdefgh";
    page(ui).password_again = "abcdefgX";
    ui.settle();
    ui.click("export:go");
    CHECK(page(ui).error.find("not the same") != std::string::npos);
    page(ui).password = page(ui).password_again = "short";
    ui.settle();
    ui.click("export:go");
    CHECK(page(ui).error.find("at least 8") != std::string::npos);
    CHECK(fs::is_empty(docs.dir));
}

TEST_CASE("The folder picker goes into a sub-folder and back, makes a new folder, and chooses it", "[app][export][picker]") {
    TempDir docs;
    fs::create_directories(docs.dir / "Doctor");
    fs::create_directories(docs.dir / ".hidden");
    fs::create_directories(docs.dir / "apple");
    Ui ui;
    add(ui, 3, 5);
    open_export(ui, docs);
    ui.click("format:csv");
    ui.click("export:folder");
    FolderPickerState& p = page(ui).picker;
    REQUIRE(p.open);
    CHECK(fs::path(p.dir) == docs.dir);
    CHECK(ui.has("picker:folder:Doctor"));
    CHECK(ui.has("picker:folder:apple"));
    CHECK_FALSE(ui.has("picker:folder:.hidden"));
    CHECK(p.listing.folders == std::vector<std::string>{"apple", "Doctor"});   // case does not split the list

    ui.click("picker:folder:Doctor");
    CHECK(fs::path(p.dir) == docs.dir / "Doctor");
    CHECK_FALSE(ui.has("picker:folder:Doctor"));
    ui.click("picker:up");
    CHECK(fs::path(p.dir) == docs.dir);
    ui.click("picker:folder:Doctor");
    ui.click("picker:new");
    REQUIRE(p.new_folder);
    p.new_folder_name = "Visits";
    ui.settle();
    ui.click("picker:create");
    CHECK(p.new_folder_error.empty());
    REQUIRE(fs::is_directory(docs.dir / "Doctor" / "Visits"));
    CHECK(fs::path(p.dir) == docs.dir / "Doctor" / "Visits");
    ui.click("picker:home");
    CHECK(fs::path(p.dir) == docs.dir);
    ui.click("picker:folder:Doctor");
    ui.click("picker:folder:Visits");
    ui.click("picker:choose");
    CHECK_FALSE(page(ui).picker.open);
    CHECK(fs::path(page(ui).folder) == docs.dir / "Doctor" / "Visits");

    ui.click("export:go");
    CHECK(fs::exists(docs.dir / "Doctor" / "Visits" / page(ui).file_name));

    // Cancel leaves the folder as it was.
    ui.click("export:folder");
    ui.click("picker:up");
    ui.click("picker:cancel");
    CHECK_FALSE(page(ui).picker.open);
    CHECK(fs::path(page(ui).folder) == docs.dir / "Doctor" / "Visits");
}

TEST_CASE("Folder picker helpers refuse bad folder names", "[app][export][picker]") {
    TempDir docs;
    std::string error;
    CHECK(make_folder(docs.str(), "", error).empty());
    CHECK_FALSE(error.empty());
    CHECK(make_folder(docs.str(), "a/b", error).empty());
    CHECK(make_folder(docs.str(), ".secret", error).empty());
    CHECK_FALSE(make_folder(docs.str(), " Reports ", error).empty());
    CHECK(fs::is_directory(docs.dir / "Reports"));
    CHECK(make_folder(docs.str(), "Reports", error).empty());
    CHECK(error.find("already") != std::string::npos);
    CHECK(parent_folder("/") == "");
    CHECK(parent_folder("/home/anna") == "/home");
    CHECK(list_folder((docs.dir / "missing").string(), {}).error.find("cannot be opened") != std::string::npos);
}

TEST_CASE("File names get their extension and refuse folders in them", "[app][export]") {
    std::string problem;
    CHECK(checked_file_name("for dr smith", ExportFormat::Pdf, problem) == "for dr smith.pdf");
    CHECK(checked_file_name("x.csv", ExportFormat::Csv, problem) == "x.csv");
    CHECK(checked_file_name("../x", ExportFormat::Csv, problem).empty());
    CHECK_FALSE(problem.empty());
    CHECK(checked_file_name("   ", ExportFormat::Csv, problem).empty());
    CHECK(default_file_name(ExportFormat::Pdf, "2026-11-26") == "numbness-diary-report-2026-11-26.pdf");
}

TEST_CASE("The FHIR export writes a bundle with one observation per episode in the dates", "[app][export]") {
    TempDir docs;
    Ui ui;
    add(ui, 2, 4);
    add(ui, 24 * 200, 6);   // outside the last 90 days
    open_export(ui, docs);
    ui.click("format:fhir");
    ui.click("Last 90 days##exrange");
    CHECK(page(ui).count == 1);
    ui.click("export:go");
    const std::string json = slurp(page(ui).done_path);
    CHECK(json.find("\"resourceType\": \"Bundle\"") != std::string::npos);
    std::size_t n = 0;
    for (std::size_t at = 0; (at = json.find("\"resourceType\": \"Observation\"", at)) != std::string::npos; ++at) ++n;
    CHECK(n == 1);
}

TEST_CASE("A custom date range with an impossible date is refused", "[app][export]") {
    TempDir docs;
    Ui ui;
    open_export(ui, docs);
    ui.click("format:csv");
    ui.click("Choose dates##exrange");
    page(ui).from_text = "2026-02-30";
    ui.settle();
    ui.click("export:go");
    CHECK_FALSE(page(ui).error.empty());
    CHECK(fs::is_empty(docs.dir));
    page(ui).from_text = "2026-09-01";
    page(ui).to_text = "2026-08-01";
    ui.settle();
    ui.click("export:go");
    CHECK(page(ui).error.find("before") != std::string::npos);
}

TEST_CASE("The PDF report is written when this build has the renderer", "[app][export][pdf]") {
    TempDir docs;
    Ui ui;
    add(ui, 2, 4, "Worse after the bus");
    add(ui, 30, 6);
    open_export(ui, docs);
    if (!pdf_available()) {
        // The web build: the row says where the PDF comes from and cannot be chosen.
        CHECK(page(ui).format == ExportFormat::Csv);
        ui.click("format:pdf");
        CHECK(page(ui).format == ExportFormat::Csv);
        return;
    }
    CHECK(page(ui).format == ExportFormat::Pdf);   // the default where it exists
    CHECK(page(ui).file_name == "numbness-diary-report-" + today(ui) + ".pdf");
    // The default is page 1 and the figures; the notes are there when asked for.
    CHECK((page(ui).sections & kSectionNotes) == 0);
    ui.click("Your notes##sec");
    CHECK((page(ui).sections & kSectionNotes) != 0);
    // Warning signs are not a part anyone can untick (issue #14): no chip for them.
    CHECK(ui.has("Summary##sec"));
    CHECK_FALSE(ui.has("Warning signs##sec"));
    ui.click("export:go");
    INFO(page(ui).error);
    const fs::path file = docs.dir / ("numbness-diary-report-" + today(ui) + ".pdf");
    REQUIRE(fs::exists(file));
    CHECK(slurp(file).rfind("%PDF", 0) == 0);
    CHECK((fs::status(file).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("Export page touch targets are at least 44 px on a phone", "[app][export][layout]") {
    TempDir docs;
    fs::create_directories(docs.dir / "Doctor");
    Ui ui(390, 3600);
    open_export(ui, docs);
    REQUIRE(ui.state().narrow);
    for (const char* key : {"format:pdf", "format:csv", "format:fhir", "format:backup", "format:restore",
                            "export:folder", "export:go", "Last 30 days##exrange", "field:File name##export"}) {
        INFO(key);
        REQUIRE(ui.has(key));
        const ItemRect r = ui.state().items.at(key);
        CHECK(r.y1 - r.y0 >= 44.0f);
        CHECK(r.x1 <= 390.0f);
    }
    ui.click("export:folder");
    CHECK_FALSE(ui.has("picker:home"));   // already in Documents: no room spent on it on a phone
    REQUIRE(ui.has("picker:folder:Doctor"));
    CHECK(ui.state().items.at("picker:folder:Doctor").y1 - ui.state().items.at("picker:folder:Doctor").y0 >= 44.0f);
    ui.click("picker:folder:Doctor");
    for (const char* key : {"picker:up", "picker:home", "picker:new", "picker:choose", "picker:cancel"}) {
        INFO(key);
        REQUIRE(ui.has(key));
        const ItemRect r = ui.state().items.at(key);
        CHECK(r.y1 - r.y0 >= 44.0f);
        CHECK(r.x1 <= 390.0f);
    }
    ui.click("picker:cancel");
    ui.click("format:restore");
    const ItemRect r = ui.state().items.at("restore:choose");
    CHECK(r.y1 - r.y0 >= 44.0f);
}

TEST_CASE("After an export the Saved card scrolls into view on a short window", "[app][export][layout]") {
    TempDir docs;
    Ui ui(1280, 800);
    add(ui, 2, 4);
    open_export(ui, docs);
    ui.click("format:csv");
    // The Export button may be under the window's edge: scroll the page like a person would.
    ui.state().items.clear();
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 40 && !(ui.has("export:go") && ui.state().items.at("export:go").visible); ++i) {
        io.MousePos = ImVec2(700, 400);
        io.MouseWheel = -5.0f;
        ui.frame();
        io.MouseWheel = 0;
        ui.frame();
    }
    ui.click("export:go");
    ui.settle(3);
    REQUIRE(ui.has("export:open_folder"));
    CHECK(ui.state().items.at("export:open_folder").visible);
    CHECK(ui.state().items.at("export:open_folder").y1 <= 800.0f);
}

TEST_CASE("Where exports are downloads (the web), the file is downloaded and there is no folder", "[app][export]") {
    TempDir docs;
    Ui ui;
    ui.services.downloads = true;
    add(ui, 2, 4);
    open_export(ui, docs);
    ui.click("format:csv");
    CHECK_FALSE(ui.has("export:folder"));   // a page cannot choose a folder
    ui.click("export:go");
    ui.settle();
    INFO(page(ui).error);
    const fs::path file = docs.dir / ("numbness-diary-episodes-" + today(ui) + ".csv");
    REQUIRE(fs::exists(file));
    // The file itself goes to open_path: the browser downloads it.
    REQUIRE(ui.services.opened.size() == 1);
    CHECK(fs::path(ui.services.opened.back()) == file);
    CHECK_FALSE(ui.has("export:open_folder"));
    REQUIRE(ui.has("export:download_again"));
    ui.click("export:download_again");
    CHECK(ui.services.opened.size() == 2);
    // The same name again replaces the page's own copy: nothing to ask.
    ui.click("export:go");
    ui.settle();
    CHECK_FALSE(page(ui).confirm_overwrite);
    CHECK(ui.services.opened.size() == 3);
}
