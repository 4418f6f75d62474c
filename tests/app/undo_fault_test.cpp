// Undo when the diary refuses the write (issue 17): a step leaves the history only
// once its revert is on disk, and the steps of one user action undo as one. The
// failures are real SQLite write / sync errors and "disk full", injected by the
// reliability suite's fault VFS (tests/support/fault_vfs.*) under a diary file.
#include <catch2/catch.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "fault_vfs.hpp"
#include "record_commands.hpp"
#include "store.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"

using namespace nd;
using namespace nd::app;
namespace fs = std::filesystem;
namespace fv = ndrel::faultvfs;

namespace {

struct DiaryFile {
    std::string dir;
    std::string path;
    DiaryFile() {
        std::string templ = (fs::temp_directory_path() / "nd-undo-fault-XXXXXX").string();
        REQUIRE(::mkdtemp(templ.data()) != nullptr);
        dir = templ;
        path = dir + "/diary.sqlite";
    }
    ~DiaryFile() {
        fv::disarm();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

Episode episode(int n) {
    Episode e;
    e.start = {1'767'000'000 + n * 3600, 60};
    e.duration_min = 10 + n;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.numbness = n % 10;
    e.note = "episode " + std::to_string(n);
    return e;
}

std::vector<std::string> live_ids(const Store& s) {
    std::vector<std::string> out;
    for (const Episode& e : s.episodes()) out.push_back(e.id);
    return out;
}

// Three episodes moved to the bin as one action (what a multi-record action records).
Command bin_three(const std::vector<Episode>& eps) {
    std::vector<Command> parts;
    for (const Episode& e : eps) parts.push_back(delete_episode_command(e));
    return group_command("delete 3 episodes", std::move(parts));
}

}  // namespace

TEST_CASE("A failed undo or redo keeps the step in the history and changes nothing", "[app][undo][fault]") {
    fv::install();
    DiaryFile f;
    auto store = Store::open(f.path);
    UndoStack undo;
    Episode e = store->add_episode(episode(1));
    Episode after = e;
    after.numbness = 9;
    undo.run(*store, add_episode_command(episode(2)));
    undo.run(*store, edit_episode_command(e, after));
    REQUIRE(undo.size() == 2);
    const Diary before_failure = store->load_diary();

    for (const fv::Error err : {fv::Error::Full, fv::Error::IoErr}) {
        fv::arm(1, true, err);   // every write and sync fails from now on
        CHECK_THROWS_AS(undo.undo(*store), StoreError);
        fv::disarm();
        CHECK(undo.size() == 2);
        CHECK(undo.can_undo());
        CHECK(undo.undo_label() == "edit episode");
        CHECK_FALSE(undo.can_redo());
        CHECK(store->load_diary() == before_failure);
    }
    // Once the disk has room again, the same undo goes through.
    REQUIRE(undo.undo(*store));
    CHECK(store->episode(e.id)->numbness == e.numbness);
    CHECK(undo.size() == 1);
    REQUIRE(undo.redo_label() == "edit episode");

    // Redo refused: it stays on the redo side, and the undo side is as it was.
    const Diary after_undo = store->load_diary();
    fv::arm(1, true, fv::Error::Full);
    CHECK_THROWS_AS(undo.redo(*store), StoreError);
    fv::disarm();
    CHECK(undo.can_redo());
    CHECK(undo.redo_label() == "edit episode");
    CHECK(undo.size() == 1);
    CHECK(undo.undo_label() == "add episode");
    CHECK(store->load_diary() == after_undo);
    REQUIRE(undo.redo(*store));
    CHECK(store->episode(e.id)->numbness == 9);

    // And after reopening, the file holds what the history says.
    store.reset();
    auto reopened = Store::open(f.path);
    CHECK(reopened->integrity_check() == "ok");
    CHECK(reopened->episode(e.id)->numbness == 9);
    CHECK(reopened->episodes().size() == 2);
}

TEST_CASE("A multi-record action undoes as one step, whole or not at all, whichever write fails",
          "[app][undo][fault]") {
    fv::install();
    // A clean run first: how many writes and syncs the group's undo makes.
    long undo_calls = 0;
    {
        DiaryFile f;
        auto store = Store::open(f.path);
        std::vector<Episode> eps;
        for (int i = 0; i < 3; ++i) eps.push_back(store->add_episode(episode(i)));
        UndoStack undo;
        undo.run(*store, bin_three(eps));
        CHECK(undo.size() == 1);   // one step for the three
        CHECK(undo.undo_label() == "delete 3 episodes");
        CHECK(store->episodes().empty());
        fv::arm(0, false, fv::Error::Full);   // count only
        REQUIRE(undo.undo(*store));
        undo_calls = fv::calls();
        fv::disarm();
        CHECK(store->episodes().size() == 3);   // one undo brings all three back
        CHECK_FALSE(undo.can_undo());
        REQUIRE(undo.redo(*store));
        CHECK(store->episodes().empty());
    }
    REQUIRE(undo_calls > 0);

    int refused = 0, done = 0;
    for (long n = 1; n <= undo_calls + 1; ++n) {
        for (const bool forever : {false, true}) {
            INFO("failing call " << n << (forever ? " and every later one" : " once"));
            DiaryFile f;
            auto store = Store::open(f.path);
            std::vector<Episode> eps;
            for (int i = 0; i < 3; ++i) eps.push_back(store->add_episode(episode(i)));
            UndoStack undo;
            undo.run(*store, bin_three(eps));
            fv::arm(n, forever, fv::Error::Full);
            bool threw = false;
            try {
                undo.undo(*store);
            } catch (const StoreError&) {
                threw = true;
            }
            fv::disarm();
            const std::size_t live = live_ids(*store).size();
            if (threw) {
                ++refused;
                // Nothing half-done, and the step is still there to try again.
                CHECK(live == 0);
                CHECK(undo.can_undo());
                CHECK(undo.undo_label() == "delete 3 episodes");
                CHECK_FALSE(undo.can_redo());
                REQUIRE(undo.undo(*store));
            } else {
                ++done;
                CHECK(undo.can_redo());
                CHECK_FALSE(undo.can_undo());
            }
            CHECK(live_ids(*store).size() == 3);
            store.reset();
            auto reopened = Store::open(f.path);
            CHECK(reopened->integrity_check() == "ok");
            CHECK(reopened->episodes().size() == 3);
        }
    }
    CHECK(refused > 0);
    WARN("[undo] group undo: " << undo_calls << " writes/syncs in a clean run; " << refused << " fault runs refused whole, "
                               << done << " done (fault past the commit)");
}

TEST_CASE("The app says an undo failed, keeps it, and its cached diary stays the file's", "[app][undo][fault]") {
    fv::install();
    DiaryFile f;
    test::Ui ui;
    ui.app->use_store(Store::open(f.path));
    AppState& s = ui.state();
    std::vector<Episode> eps;
    for (int i = 0; i < 3; ++i) eps.push_back(s.store->add_episode(episode(i)));
    s.refresh();
    REQUIRE(s.run(bin_three(eps)));
    CHECK(s.episodes_newest_first.empty());

    fv::arm(1, true, fv::Error::Full);
    CHECK_FALSE(s.undo());
    fv::disarm();
    CHECK(s.toast.find("Could not undo delete 3 episodes") != std::string::npos);
    CHECK(s.toast.find("full") != std::string::npos);
    CHECK(s.toast.find("Nothing was changed") != std::string::npos);
    CHECK(s.undo_stack.can_undo());
    CHECK(s.episodes_newest_first.empty());
    CHECK(s.diary == s.store->load_diary());

    REQUIRE(s.undo());
    CHECK(s.episodes_newest_first.size() == 3);
    CHECK(s.diary == s.store->load_diary());
    CHECK(s.toast == "Undone: delete 3 episodes");
}
