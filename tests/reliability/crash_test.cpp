// Crash safety: nd_crash_child works on a diary and is killed with SIGKILL at a
// seeded random moment; the diary is then reopened, must pass integrity_check,
// and must hold exactly the operations acknowledged before the kill, plus at most
// the one that was in flight (the state before it or after it, nothing else).
// Every episode is compared field by field with its deterministic content.
//
// Runs: ND_CRASH_RUNS (logging, default 200) and ND_CRASH_OTHER_RUNS (import,
// creation / migration, atomic file writes; default 60 each). tools/crash-loop.sh
// runs 1000 of each. ND_CRASH_SEED changes the seeded delays.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cstdio>
#include <iostream>

#include "atomic_file.hpp"
#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

const std::string kChild = ND_CRASH_CHILD_PATH;

std::uint32_t base_seed() { return static_cast<std::uint32_t>(env_number("ND_CRASH_SEED", 20260105)); }

std::unique_ptr<nd::Store> open_clocked(const std::string& path) {
    auto s = nd::Store::open(path);
    s->set_clock([] { return kClock; });
    return s;
}

// Applies one operation as the child names it to `s` (the model replay).
void apply(nd::Store& s, const std::string& op) {
    std::istringstream in(op);
    std::string verb;
    long long n = 0;
    in >> verb >> n;
    const auto id = episode_id(static_cast<std::uint64_t>(n));
    if (verb == "add") s.add_episode(make_episode(static_cast<std::uint64_t>(n)));
    else if (verb == "bin") s.delete_episode(id);
    else if (verb == "restore") s.restore_episode(id);
    else if (verb == "checkin") s.put_checkin(make_checkin(static_cast<unsigned>(n)));
    else if (verb == "empty") s.empty_bin();
    else if (verb == "import") s.replace_diary(import_diary(static_cast<int>(n)));
    else FAIL("unknown operation " << op);
}

nd::Diary replay(const nd::Diary& prior, const std::vector<std::string>& ops) {
    auto m = nd::Store::open_in_memory();
    m->set_clock([] { return kClock; });
    m->replace_diary(prior);
    for (const auto& op : ops) apply(*m, op);
    return m->load_diary();
}

std::string describe(const nd::Diary& d) {
    std::size_t binned = 0;
    for (const auto& e : d.episodes) binned += e.deleted_utc ? 1 : 0;
    return std::to_string(d.episodes.size()) + " episodes (" + std::to_string(binned) + " binned), " +
           std::to_string(d.checkins.size()) + " check-ins, " + std::to_string(d.tombstones.size()) + " tombstones";
}

// Every episode of the reliability workload is exactly make_episode(i) (times from the fixed clock).
void check_whole(const nd::Diary& d) {
    for (const auto& e : d.episodes) {
        const long long i = episode_index(e.id);
        REQUIRE(i >= 0);
        nd::Episode want = make_episode(static_cast<std::uint64_t>(i));
        want.created_utc = want.updated_utc = kClock;
        want.deleted_utc = e.deleted_utc;
        nd::normalize(want);
        REQUIRE(e == want);
    }
}

bool killed_by_sigkill(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }

struct Stats {
    long runs = 0, acked = 0, inflight_applied = 0, inflight_lost = 0, killed_before_ready = 0;
};

void print_stats(const char* what, const Stats& s) {
    std::printf("[crash] %s: %ld runs, %ld acknowledged operations, all present; in flight at the kill: %ld found done, "
                "%ld found not done; %ld kills while opening\n",
                what, s.runs, s.acked, s.inflight_applied, s.inflight_lost, s.killed_before_ready);
    std::fflush(stdout);
}

bool have_child() {
    if (!fs::exists(kChild)) {
        WARN("nd_crash_child was not built; crash tests skipped");
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("Crash while logging: every acknowledged save survives SIGKILL", "[crash]") {
    if (!have_child()) return;
    const long runs = env_number("ND_CRASH_RUNS", 200);
    const int per_series = 10;  // runs on one diary before starting a new file
    TempDir tmp("crash-log");
    Stats st;
    nd::Diary prior;
    std::string path;
    for (long run = 0; run < runs; ++run) {
        if (run % per_series == 0) {
            path = tmp.file("log-" + std::to_string(run / per_series) + ".db");
            prior = {};
        }
        std::mt19937 rng(base_seed() + static_cast<std::uint32_t>(run));
        const bool during_open = rng() % 6 == 0;
        const long delay_us = static_cast<long>(rng() % (during_open ? 6000 : 20000));
        ChildLog log;
        {
            Child child({kChild, "log", path, std::to_string(rng())});
            if (!during_open) REQUIRE(child.wait_for_line("ready"));
            sleep_us(delay_us);
            const int status = child.kill_and_reap();
            log = parse_child_log(child.output());
            INFO("run " << run << " child output tail: " << child.output().substr(child.output().size() > 300 ? child.output().size() - 300 : 0));
            REQUIRE(log.error.empty());
            REQUIRE(killed_by_sigkill(status));
        }
        st.killed_before_ready += log.ready ? 0 : 1;
        st.acked += static_cast<long>(log.acked.size());
        auto store = open_clocked(path);
        REQUIRE(store->integrity_check() == "ok");
        const nd::Diary actual = store->load_diary();
        const nd::Diary before = replay(prior, log.acked);
        bool ok = actual == before;
        if (!ok && !log.inflight.empty()) {
            auto with = log.acked;
            with.push_back(log.inflight);
            ok = actual == replay(prior, with);
            st.inflight_applied += ok ? 1 : 0;
        } else if (!log.inflight.empty()) {
            st.inflight_lost += 1;
        }
        INFO("run " << run << ": acknowledged " << log.acked.size() << ", in flight '" << log.inflight
                    << "'; expected " << describe(before) << ", found " << describe(actual));
        REQUIRE(ok);
        check_whole(actual);
        CHECK(file_mode(path) == 0600);
        prior = actual;
        ++st.runs;
    }
    print_stats("logging", st);
    CHECK(st.acked > runs);  // the kills did not all land before any work
}

TEST_CASE("Crash while importing: the diary is the old one or the new one, never a mix", "[crash]") {
    if (!have_child()) return;
    const long runs = env_number("ND_CRASH_OTHER_RUNS", 60);
    TempDir tmp("crash-import");
    const std::string path = tmp.file("import.db");
    { open_clocked(path)->replace_diary(import_diary(0)); }
    const nd::Diary a = import_diary(0), b = import_diary(1);
    int current = 0;
    // Calibration: how long two imports take on this machine now; kills land
    // anywhere in that window.
    long window_us = 0;
    {
        Child child({kChild, "import", path, "0"});
        REQUIRE(child.wait_for_line("ready"));
        const auto t0 = std::chrono::steady_clock::now();
        REQUIRE(child.wait_for_acks(2));
        window_us = std::max(2000L, elapsed_us(t0));
        child.kill_and_reap();
        current = open_clocked(path)->profile().name == "Import A" ? 0 : 1;
    }
    Stats st;
    for (long run = 0; run < runs; ++run) {
        std::mt19937 rng(base_seed() + 7919u * static_cast<std::uint32_t>(run));
        const long delay_us = static_cast<long>(rng() % static_cast<unsigned long>(window_us));
        ChildLog log;
        {
            Child child({kChild, "import", path, "0"});
            REQUIRE(child.wait_for_line("ready"));
            sleep_us(delay_us);
            REQUIRE(killed_by_sigkill(child.kill_and_reap()));
            log = parse_child_log(child.output());
            REQUIRE(log.error.empty());
        }
        st.acked += static_cast<long>(log.acked.size());
        int expected = log.acked.empty() ? current : std::stoi(log.acked.back().substr(7));
        auto store = open_clocked(path);
        REQUIRE(store->integrity_check() == "ok");
        const nd::Diary actual = store->load_diary();
        const nd::Diary& want = expected == 0 ? a : b;
        if (actual != want && !log.inflight.empty()) {
            expected = std::stoi(log.inflight.substr(7));
            st.inflight_applied += 1;
        } else if (!log.inflight.empty()) {
            st.inflight_lost += 1;
        }
        INFO("run " << run << ": acknowledged " << log.acked.size() << " imports, in flight '" << log.inflight
                    << "'; found " << describe(actual));
        REQUIRE(actual == (expected == 0 ? a : b));
        current = expected;
        ++st.runs;
    }
    print_stats("import (replace_diary)", st);
    std::printf("[crash] import: kills within %ld us of the child being ready (two imports)\n", window_us);
}

TEST_CASE("Crash while creating and migrating a new diary: it always reopens as a valid diary", "[crash]") {
    if (!have_child()) return;
    const long runs = env_number("ND_CRASH_OTHER_RUNS", 60);
    TempDir tmp("crash-create");
    Stats st;
    long opened_acked = 0;
    // Calibration: how long the child takes to start, create the diary and add an
    // episode; kills land anywhere in 1.2 times that.
    long window_us = 0;
    for (int k = 0; k < 2; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        Child child({kChild, "create", tmp.file("calibrate-" + std::to_string(k) + ".db"), "0"});
        REQUIRE(WIFEXITED(child.reap()));
        window_us = std::max(window_us, elapsed_us(t0) * 6 / 5);
    }
    for (long run = 0; run < runs; ++run) {
        const std::string path = tmp.file("create-" + std::to_string(run) + ".db");
        std::mt19937 rng(base_seed() + 104729u * static_cast<std::uint32_t>(run));
        if (run % 2 == 1) {
            // An empty SQLite database (schema version 0): the open migrates it.
            sqlite3* db = nullptr;
            REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
            REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x); DROP TABLE t;", nullptr, nullptr, nullptr) == SQLITE_OK);
            sqlite3_close(db);
        }
        const long delay_us = static_cast<long>(rng() % static_cast<unsigned long>(std::max(1000L, window_us)));
        ChildLog log;
        {
            Child child({kChild, "create", path, "0"});
            sleep_us(delay_us);
            const int status = child.kill_and_reap();
            log = parse_child_log(child.output());
            INFO("run " << run << " output: " << child.output());
            REQUIRE(log.error.empty());
            REQUIRE((killed_by_sigkill(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 0)));
        }
        const bool opened = !log.acked.empty();
        const bool added = log.acked.size() >= 2;
        opened_acked += opened ? 1 : 0;
        st.killed_before_ready += opened ? 0 : 1;
        if (!fs::exists(path)) continue;  // killed before it created the file
        auto store = open_clocked(path);
        INFO("run " << run << ": acknowledged " << log.acked.size() << ", in flight '" << log.inflight << "'");
        REQUIRE(store->integrity_check() == "ok");
        REQUIRE(store->schema_version() == nd::Store::current_schema_version());
        const auto eps = store->episodes({}, true);
        REQUIRE(eps.size() <= 1);
        if (added) REQUIRE(eps.size() == 1);
        check_whole(store->load_diary());
        CHECK(file_mode(path) == 0600);
        st.acked += static_cast<long>(log.acked.size());
        ++st.runs;
    }
    print_stats("create / migrate", st);
    std::printf("[crash] create / migrate: kills within %ld us of the start; %ld of %ld runs finished opening before "
                "the kill\n",
                window_us, opened_acked, runs);
}

TEST_CASE("Crash while writing a file atomically: the old content or the new, never a torn file", "[crash]") {
    if (!have_child()) return;
    const long runs = env_number("ND_CRASH_OTHER_RUNS", 60);
    TempDir tmp("crash-atomic");
    const std::string path = tmp.file("export.json");
    nd::write_file_atomic(path, file_content(0));
    const std::string c0 = file_content(0), c1 = file_content(1);
    std::string current = c0;
    Stats st;
    long leftovers = 0;
    for (long run = 0; run < runs; ++run) {
        std::mt19937 rng(base_seed() + 15485863u * static_cast<std::uint32_t>(run));
        const long delay_us = static_cast<long>(rng() % 15000);
        ChildLog log;
        {
            Child child({kChild, "atomic", path, "0"});
            REQUIRE(child.wait_for_line("ready"));
            sleep_us(delay_us);
            REQUIRE(killed_by_sigkill(child.kill_and_reap()));
            log = parse_child_log(child.output());
            REQUIRE(log.error.empty());
        }
        st.acked += static_cast<long>(log.acked.size());
        const std::string actual = read_bytes(path);
        std::string want = current;
        if (!log.acked.empty()) want = log.acked.back() == "write 0" ? c0 : c1;
        bool ok = actual == want;
        if (!ok && !log.inflight.empty()) {
            ok = actual == (log.inflight == "write 0" ? c0 : c1);
            st.inflight_applied += ok ? 1 : 0;
        } else if (!log.inflight.empty()) {
            st.inflight_lost += 1;
        }
        INFO("run " << run << ": " << log.acked.size() << " writes acknowledged; file has " << actual.size() << " bytes");
        REQUIRE(ok);
        CHECK(file_mode(path) == 0600);
        current = actual;
        // A kill between mkstemp and rename leaves the temporary file behind.
        for (const auto& entry : fs::directory_iterator(tmp.dir)) {
            if (entry.path().filename().string().rfind("export.json.tmp-", 0) == 0) {
                ++leftovers;
                CHECK(file_mode(entry.path().string()) == 0600);
                fs::remove(entry.path());
            }
        }
        ++st.runs;
    }
    print_stats("write_file_atomic", st);
    std::printf("[crash] write_file_atomic: %ld kills left a temporary file (owner-only) behind\n", leftovers);
}
