// Two processes, one diary: the command line logs an episode while the app has the
// diary open; within the polling interval the app's cache has it, and the draft on
// the Log page is kept. And one window per diary (platform/instance_lock).
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "app.hpp"
#include "instance_lock.hpp"
#include "services.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

using namespace nd;
using namespace nd::app;

namespace {

using nd::test::TempDir;

int run_cli(const std::string& args) {
    const std::string cmd = "env -u ND_DB TZ=Europe/Berlin '" + std::string(ND_CLI_PATH) + "' " + args + " >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("An episode logged with the CLI while the app is open appears in the app within the interval") {
    if (std::string(ND_CLI_PATH).empty()) {
        WARN("the nd binary was not built; skipped");
        return;
    }
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    REQUIRE(run_cli("--db '" + db + "' checkin --no-numbness") == 0);   // the diary exists

    FakeServices services;
    services.assets = ND_SOURCE_ASSETS_DIR;
    App app(services);
    app.open_diary(db);
    REQUIRE(app.state().store);
    app.watch_outside_changes(true);
    REQUIRE(app.state().diary.episodes.empty());
    // A half-made entry on the Log page.
    app.pages().log.draft.numbness = 7;
    app.pages().log.draft.marks.insert({Region::Heel, Side::Left});

    // Nothing changed yet: no reload.
    CHECK_FALSE(app.reload_if_changed_elsewhere(true));

    REQUIRE(run_cli("--db '" + db + "' log --region right:calf --numbness 3 --duration 5 --at '2026-01-10 10:00'") ==
            0);
    // Poll as the frame loop does, for at most a second.
    const auto start = std::chrono::steady_clock::now();
    bool reloaded = false;
    while (!reloaded && std::chrono::steady_clock::now() - start < std::chrono::seconds(1)) {
        reloaded = app.reload_if_changed_elsewhere();
        if (!reloaded) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(reloaded);
    CHECK(std::chrono::steady_clock::now() - start <= App::kOutsideCheckInterval + std::chrono::milliseconds(200));
    REQUIRE(app.state().diary.episodes.size() == 1);
    CHECK(app.state().diary.episodes[0].numbness == 3);
    // The draft is untouched.
    CHECK(app.pages().log.draft.numbness == 7);
    CHECK(app.pages().log.draft.marks.count({Region::Heel, Side::Left}) == 1);

    // Without the watch, the change would not be seen: the app reads the file only on refresh.
    App unwatched(services);
    unwatched.open_diary(db);
    REQUIRE(run_cli("--db '" + db + "' log --region left:toes --duration 5 --at '2026-01-11 10:00'") == 0);
    CHECK_FALSE(unwatched.reload_if_changed_elsewhere(true));
    CHECK(unwatched.state().diary.episodes.size() == 1);
}

TEST_CASE("A second app on the same diary is refused with where it is open") {
    TempDir t;
    const std::string db = (t.dir / "diary.sqlite").string();
    std::string message;
    auto first = platform::InstanceLock::acquire(db, message);
    REQUIRE(first);
    std::string second_message;
    CHECK_FALSE(platform::InstanceLock::acquire(db, second_message));
    CHECK(second_message.find("already open") != std::string::npos);
    CHECK(second_message.find(db) != std::string::npos);
    CHECK(second_message.find("process ") != std::string::npos);
    // Another diary is not affected; and once the first closes, the diary opens again.
    std::string other;
    CHECK(platform::InstanceLock::acquire((t.dir / "other.sqlite").string(), other));
    first.reset();
    CHECK(platform::InstanceLock::acquire(db, message));
}
