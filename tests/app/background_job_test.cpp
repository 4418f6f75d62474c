// The UI thread never waits (issue #19): on a diary FILE with threads available
// (as on the desktop), a password backup and a merge run on a worker with its own
// connection while the UI keeps drawing frames and saving through its own; Cancel
// rolls back the worker's own work; a change made by another process is read on
// a worker and swapped in with the draft kept; and a large diary's first frame is
// drawn from its newest weeks, the rest swapped in after.
//
// No timing thresholds: a JobGate holds the worker before it starts, so the test
// can see the frames go on while the job is certainly still running.
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include "backup.hpp"
#include "background_job.hpp"
#include "export_actions.hpp"
#include "icons.hpp"
#include "temp_dir.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;
namespace fs = std::filesystem;

namespace {

using nd::test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Episode episode_at(std::int64_t utc, int numbness) {
    Episode e;
    e.start = {utc, 60};
    e.duration_min = 20;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.numbness = numbness;
    return e;
}

// The harness's App on a diary file (not in memory) with threads, as the desktop runs it.
void open_file_diary(Ui& ui, const TempDir& t, const std::string& db) {
    ui.services.threads = true;
    ui.services.documents = t.dir.string();
    ui.services.data = t.dir.string();
    ui.app->open_diary(db);
    REQUIRE(ui.state().open_error.empty());
    ui.app->finish_diary_load();
    ui.state().settings.first_run_done = true;
    ui.state().page = Page::Export;
    ui.settle();
}

// Frames until `done` (a generous hang guard, not a timing target).
template <class Done>
int frames_until(Ui& ui, Done done) {
    int n = 0;
    const auto start = std::chrono::steady_clock::now();
    while (!done()) {
        ui.frame();
        ++n;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (std::chrono::steady_clock::now() - start > std::chrono::seconds(60)) FAIL("hang guard: 60 s");
    }
    return n;
}

ExportPageState& page(Ui& ui) { return ui.pages().export_page; }

}  // namespace

TEST_CASE("A password backup runs on a worker: frames keep coming and a save made meanwhile lands",
          "[app][export][background]") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    Ui ui;
    { Store::open(db)->add_episode(episode_at(ui.services.clock - 7200, 4)); }
    open_file_diary(ui, t, db);
    REQUIRE(ui.state().diary.episodes.size() == 1);

    auto gate = std::make_shared<JobGate>(false);
    ui.state().job_gate = gate;
    ui.click("format:backup");
    page(ui).kdf = {kMinKdfOps, kMinKdfMem};
    ui.click(ND_ICON_LOCK " Protect with a password##pw");
    page(ui).password = page(ui).password_again = "correct horse battery";
    ui.settle();
    ui.click("export:go");

    // The backup has started and waits at the gate: the UI goes on drawing.
    REQUIRE(ui.state().export_job.active());
    CHECK(ui.state().export_job.threaded());
    CHECK(ui.has("export:cancel"));   // its progress and Cancel are on the page
    ui.settle(30);
    CHECK(ui.state().export_job.active());
    CHECK_FALSE(ui.state().export_job.finished());

    // A save through the UI's own connection lands while the worker is busy.
    Episode added;
    REQUIRE(ui.state().run(add_episode_command(episode_at(ui.services.clock - 600, 6), &added)));
    ui.settle(5);
    CHECK(ui.state().export_job.active());
    CHECK(Store::open(db)->episode(added.id).has_value());
    CHECK(ui.state().diary.episodes.size() == 2);

    gate->open();
    frames_until(ui, [&] { return !ui.state().export_job.active(); });
    ui.settle();
    INFO(page(ui).error);
    REQUIRE_FALSE(page(ui).done_path.empty());
    CHECK(page(ui).done_encrypted);
    const Diary inside = read_backup(slurp(page(ui).done_path), std::string("correct horse battery"));
    CHECK(inside.episodes.size() >= 1);
    CHECK(page(ui).password.empty());
}

TEST_CASE("Cancelling a merge on its worker leaves the diary unchanged", "[app][export][restore][background]") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    Ui ui;
    { Store::open(db)->add_episode(episode_at(ui.services.clock - 7200, 4)); }
    // A backup of another diary: merging it would add its two episodes.
    Diary other;
    other.episodes.push_back(episode_at(ui.services.clock - 90000, 2));
    other.episodes.push_back(episode_at(ui.services.clock - 80000, 3));
    other.episodes[0].id = "11111111-1111-4111-8111-111111111111";
    other.episodes[1].id = "22222222-2222-4222-8222-222222222222";
    for (Episode& e : other.episodes) e.created_utc = e.updated_utc = ui.services.clock - 1000;
    { std::ofstream(t.dir / "other.ndbackup", std::ios::binary) << write_backup(other); }
    open_file_diary(ui, t, db);
    const Diary before = Store::open(db)->load_diary();

    ui.click("format:restore");
    ui.click("restore:choose");
    REQUIRE(page(ui).picker.open);
    ui.click("picker:file:other.ndbackup");
    REQUIRE(page(ui).restore_file_ok);
    REQUIRE(page(ui).restore_mode == 0);   // combine

    // Another connection holds the write lock: the worker's merge transaction
    // waits for it on the busy timeout, and the cancel comes meanwhile.
    sqlite3* locker = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &locker) == SQLITE_OK);
    REQUIRE(sqlite3_exec(locker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);

    ui.click("restore:go");
    ui.click("restore:yes");
    REQUIRE(ui.state().restore_job.active());
    CHECK(ui.state().restore_job.threaded());
    frames_until(ui, [&] {
        JobControl* job = ui.state().restore_job.control();
        return job && job->words() == "Opening the backup";   // at (or in) restore_backup
    });
    ui.settle(5);
    REQUIRE(ui.has("restore:cancel"));
    ui.click("restore:cancel");
    sqlite3_exec(locker, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(locker);

    frames_until(ui, [&] { return !ui.state().restore_job.active(); });
    ui.settle();
    CHECK(page(ui).restore_error.find("Cancelled") != std::string::npos);
    CHECK(page(ui).restore_done.empty());
    CHECK(Store::open(db)->load_diary() == before);
    CHECK(ui.state().diary.episodes.size() == 1);

    // Not cancelled, the same merge goes through (the test above can fail).
    ui.click("restore:go");
    ui.click("restore:yes");
    frames_until(ui, [&] { return !ui.state().restore_job.active(); });
    ui.settle();
    INFO(page(ui).restore_error);
    CHECK_FALSE(page(ui).restore_done.empty());
    CHECK(Store::open(db)->episodes().size() == 3);
    CHECK(ui.state().diary.episodes.size() == 3);   // the outcome came back through the app state
    // The diary the worker read inside its transaction is the diary on disk.
    CHECK(ui.state().diary == Store::open(db)->load_diary());
}

TEST_CASE("Without threads the same jobs run at once on the UI's connection", "[app][export][background]") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    Ui ui;
    { Store::open(db)->add_episode(episode_at(ui.services.clock - 7200, 4)); }
    open_file_diary(ui, t, db);
    ui.services.threads = false;   // as the web build's Services says
    ui.click("format:csv");
    ui.click("Everything##exrange");
    ui.click("export:go");
    CHECK_FALSE(ui.state().export_job.active());
    INFO(page(ui).error);
    REQUIRE_FALSE(page(ui).done_path.empty());
    CHECK(slurp(page(ui).done_path).find(ui.state().diary.episodes[0].id) != std::string::npos);
}

TEST_CASE("A change by another process is read on a worker and swapped in, keeping the draft",
          "[app][background][outside]") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    Ui ui;
    { Store::open(db)->add_episode(episode_at(ui.services.clock - 7200, 4)); }
    open_file_diary(ui, t, db);
    ui.app->watch_outside_changes(true);
    ui.state().page = Page::Log;
    ui.pages().log.draft.numbness = 7;
    ui.settle();
    const std::uint64_t reloads = ui.state().full_reloads;

    { Store::open(db)->add_episode(episode_at(ui.services.clock - 3600, 5)); }   // "the CLI"
    REQUIRE(ui.app->reload_if_changed_elsewhere(true));
    // Not read on this thread: the diary is swapped in by a later frame.
    CHECK(ui.app->diary_loading());
    CHECK(ui.state().diary.episodes.size() == 1);
    frames_until(ui, [&] { return !ui.app->diary_loading(); });
    CHECK(ui.state().diary.episodes.size() == 2);
    CHECK(ui.state().full_reloads == reloads + 1);
    CHECK(ui.pages().log.draft.numbness == 7);
}

TEST_CASE("A large diary's first frame comes from its newest weeks, and the rest is swapped in after",
          "[app][background][start]") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    Ui ui;
    const std::int64_t now = ui.services.clock;
    {
        auto s = Store::open(db);
        Diary d;
        for (int i = 0; i < 300; ++i) d.episodes.push_back(episode_at(now - std::int64_t{i} * 2 * 86400 - 3600, 3));
        for (std::size_t i = 0; i < d.episodes.size(); ++i) {
            d.episodes[i].id = "00000000-0000-4000-8000-" + std::string(12 - std::to_string(i).size(), '0') +
                               std::to_string(i);
            d.episodes[i].created_utc = d.episodes[i].updated_utc = now - 100;
        }
        s->replace_diary(d);
    }
    ui.services.threads = true;
    ui.app->open_diary(db);
    REQUIRE(ui.state().open_error.empty());
    // Before the first frame: only the newest weeks (one episode every 2 days).
    CHECK(ui.state().diary_partial);
    const std::size_t first = ui.state().diary.episodes.size();
    CHECK(first >= App::kFirstFrameWeeks * 7 / 2 - 1);
    CHECK(first <= App::kFirstFrameWeeks * 7 / 2 + 1);
    CHECK(ui.app->busy());
    ui.state().page = Page::Diary;
    ui.frame();   // the first frame starts the full read
    CHECK(ui.app->diary_loading());
    // A save while the rest is read is kept when the whole diary comes in.
    Episode added;
    REQUIRE(ui.state().run(add_episode_command(episode_at(now - 60, 6), &added)));
    ui.app->finish_diary_load();
    CHECK_FALSE(ui.state().diary_partial);
    CHECK(ui.state().diary.episodes.size() == 301);
    bool found = false;
    for (const Episode& e : ui.state().diary.episodes) found = found || e.id == added.id;
    CHECK(found);
    // The file check and the backup start only now, after the whole diary is in.
    ui.frame();
    CHECK(ui.app->health().check != DiaryHealth::Check::NotRun);
    ui.app->finish_background_work();
}
