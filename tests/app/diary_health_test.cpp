// The diary file's health in the app: the quick_check and the daily backup after
// the first frame, and the way back from a damaged file through the newest good
// backup, with the damaged file kept.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sqlite3.h>

#include <cstdlib>

#include "auto_backup.hpp"
#include "ui_harness.hpp"
#include "temp_dir.hpp"

using namespace nd;
using namespace nd::app;
using namespace nd::app::test;
namespace fs = std::filesystem;

namespace {

// A fresh folder, removed at the end (tests/support/temp_dir.hpp).
struct Folder : nd::test::TempDir {
    Folder() : TempDir("nd_health_test") {}
};

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

// A diary file with `n` episodes whose notes are "note <i>".
void write_diary(const std::string& path, int n, std::int64_t now) {
    auto store = Store::open(path);
    for (int i = 0; i < n; ++i) {
        Episode e;
        e.start = {now - 3600 * (i + 1), 60};
        e.regions = {{Region::Toes, Side::Left}};
        e.sensations = {Sensation::Tingling};
        e.numbness = 3;
        e.note = "note " + std::to_string(i) + std::string(200, 'x');   // several pages
        store->add_episode(e);
    }
}

// Everything after the first page becomes garbage: the header and schema still
// read, the episodes do not.
void damage_after_first_page(const std::string& path) {
    std::string bytes = bytes_of(path);
    REQUIRE(bytes.size() > 3 * 4096);
    for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5 ^ (i & 0xff));
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace

TEST_CASE("The diary is checked and backed up after the first frame, once a day", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 3, ui.services.clock);
    ui.app->open_diary(diary);
    // Opening did not wait for the check or the backup.
    CHECK(ui.app->health().check == DiaryHealth::Check::NotRun);
    CHECK(list_backups(diary).empty());
    ui.frame();
    ui.app->finish_background_work();
    CHECK(ui.app->health().check == DiaryHealth::Check::Sound);
    const auto backups = list_backups(diary);
    REQUIRE(backups.size() == 1);
    CHECK(check_backup(backups[0].path).episodes == 3);
    CHECK(ui.app->health().backups_kept == 1);
    CHECK(ui.state().open_error.empty());

    // Started again the same day: no second backup.
    ui.app->open_diary(diary);
    ui.frame();
    ui.app->finish_background_work();
    CHECK(list_backups(diary).size() == 1);
    // The next day: a new one.
    ui.services.clock += 24 * 3600;
    ui.app->open_diary(diary);
    ui.frame();
    ui.app->finish_background_work();
    CHECK(list_backups(diary).size() == 2);
}

TEST_CASE("A damaged diary offers the newest good backup and restoring keeps the damaged file", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 40, ui.services.clock);
    make_backup(diary, ui.services.clock - 2 * 24 * 3600);
    // A newer backup that is itself damaged is passed over.
    const auto bad = make_backup(diary, ui.services.clock - 24 * 3600);
    damage_after_first_page(bad.path);
    damage_after_first_page(diary);
    const std::string damaged_bytes = bytes_of(diary);

    ui.app->open_diary(diary);
    ui.settle();
    ui.app->finish_background_work();
    ui.settle();
    CHECK(ui.state().store == nullptr);
    CHECK(ui.app->health().check == DiaryHealth::Check::Damaged);
    CHECK_FALSE(ui.state().open_error.empty());
    REQUIRE(ui.app->health().offer);
    CHECK(ui.app->health().offer->taken_utc == ui.services.clock - 2 * 24 * 3600);
    CHECK(ui.app->health().offer_episodes == 40);
    CHECK(bytes_of(diary) == damaged_bytes);   // nothing written to it

    ui.click("restore_backup");
    REQUIRE(ui.state().store != nullptr);
    CHECK(ui.state().open_error.empty());
    CHECK(ui.state().diary.episodes.size() == 40);
    CHECK(ui.state().toast.find("restored") != std::string::npos);
    // The damaged file is kept beside the diary, byte for byte.
    int kept = 0;
    for (const auto& e : fs::directory_iterator(f.dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("diary.sqlite.damaged-", 0) == 0 && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos) {
            ++kept;
            CHECK(bytes_of(e.path().string()) == damaged_bytes);
        }
    }
    CHECK(kept == 1);
    // The restored diary takes new episodes.
    Episode e;
    e.start = {ui.services.clock, 60};
    e.regions = {{Region::Heel, Side::Right}};
    ui.store().add_episode(e);
    CHECK(ui.store().episodes().size() == 41);
}

TEST_CASE("A damaged diary with no backup says where backups would be and offers no restore", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 40, ui.services.clock);
    damage_after_first_page(diary);
    ui.app->open_diary(diary);
    ui.settle();
    ui.app->finish_background_work();
    ui.settle();
    CHECK(ui.app->health().check == DiaryHealth::Check::Damaged);
    CHECK_FALSE(ui.app->health().offer);
    CHECK_FALSE(ui.has("restore_backup"));
    CHECK(list_backups(diary).empty());   // never a backup of a damaged file
}

TEST_CASE("Damage that only the deferred check finds closes the diary and offers the backup", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 40, ui.services.clock);
    make_backup(diary, ui.services.clock - 24 * 3600);
    // Damage an index page: loading the diary (a table scan) still works, quick_check does not pass.
    {
        auto store = Store::open(diary);
        REQUIRE(store->quick_check() == "ok");
    }
    // The episodes' primary-key index (not the by-start index that loading reads): found by
    // name, since where it sits depends on the schema's migrations (schema 2 rebuilt the table).
    int root = 0;
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(diary.c_str(), &db) == SQLITE_OK);
        sqlite3_exec(
            db, "SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_episodes_1'",
            [](void* out, int, char** v, char**) {
                *static_cast<int*>(out) = std::atoi(v[0]);
                return 0;
            },
            &root, nullptr);
        sqlite3_close(db);
    }
    REQUIRE(root > 1);
    std::string bytes = bytes_of(diary);
    const std::size_t pg = static_cast<std::size_t>(root - 1);
    REQUIRE((pg + 1) * 4096 <= bytes.size());
    // 0x0a: a leaf page of an index b-tree (40 keys fit in one page).
    bool found = static_cast<unsigned char>(bytes[pg * 4096]) == 0x0a;
    if (found)
        for (std::size_t i = pg * 4096 + 8; i < pg * 4096 + 40; ++i) bytes[i] = '\x7f';
    REQUIRE(found);
    std::ofstream(diary, std::ios::binary | std::ios::trunc) << bytes;

    ui.app->open_diary(diary);
    // Opening read the diary (a table scan does not touch the index)...
    CHECK(ui.state().open_error.empty());
    CHECK(ui.state().diary.episodes.size() == 40);
    ui.frame();
    // ...and the first frame drew the pages (its items are recorded while drawing,
    // before the check starts after it); the check then found the damage.
    CHECK(ui.has("nav:diary"));
    ui.app->finish_background_work();
    ui.settle();
    CHECK(ui.state().store == nullptr);
    CHECK(ui.app->health().check == DiaryHealth::Check::Damaged);
    REQUIRE(ui.app->health().offer);
    CHECK(ui.has("restore_backup"));
}

TEST_CASE("Settings shows the backups, backs up on request, and delete all takes the copies too", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 3, ui.services.clock);
    ui.app->open_diary(diary);
    ui.state().page = Page::Settings;
    ui.frame();
    ui.app->finish_background_work();
    ui.settle();
    CHECK(ui.app->health().backups_kept == 1);
    ui.services.clock += 60;
    ui.click("backup_now");
    CHECK(list_backups(diary).size() == 2);
    CHECK(ui.app->health().backups_kept == 2);
    CHECK(ui.state().toast.find("Backed up") != std::string::npos);

    ui.click("Delete all my data");
    ui.click("Yes, continue");
    ui.click("Erase everything for good");
    ui.settle();
    CHECK(ui.store().load_diary().episodes.empty());
    CHECK(list_backups(diary).empty());
    CHECK(ui.app->health().backups_kept == 0);
}

TEST_CASE("Emptying the bin leaves no old backup holding the erased entries", "[app][health]") {
    Folder f;
    Ui ui;
    const std::string diary = f.file("diary.sqlite");
    write_diary(diary, 3, ui.services.clock);
    {
        auto store = Store::open(diary);
        Episode secret;
        secret.start = {ui.services.clock - 100, 60};
        secret.regions = {{Region::Heel, Side::Left}};
        secret.note = "a private note to erase";
        store->delete_episode(store->add_episode(secret).id);
    }
    make_backup(diary, ui.services.clock - 3 * 24 * 3600);
    ui.app->open_diary(diary);
    ui.state().page = Page::Settings;
    ui.frame();
    ui.app->finish_background_work();
    ui.settle();
    REQUIRE(list_backups(diary).size() == 2);
    for (const auto& b : list_backups(diary)) CHECK(bytes_of(b.path).find("a private note to erase") != std::string::npos);

    ui.services.clock += 60;
    ui.click("Empty the bin");
    ui.click("Yes, empty the bin");
    ui.settle();
    const auto after = list_backups(diary);
    REQUIRE(after.size() == 1);
    CHECK(bytes_of(after[0].path).find("a private note to erase") == std::string::npos);
    CHECK(check_backup(after[0].path).episodes == 3);
}
