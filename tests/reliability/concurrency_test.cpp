// Two processes on one diary (the app beside the CLI is a supported setup): one
// logs with acknowledged saves (nd_crash_child add: "D" after the store returned)
// while the real `nd` merges a backup in (restore --merge) or imports a CSV file,
// round after round. Afterwards every acknowledged save must be there, field by
// field, and every acknowledged move to the bin must still be a move to the bin.
// Before merges and imports read and wrote inside one transaction
// (Store::update_diary), saves made between their read and their write vanished.
//
// Rounds: ND_CONCURRENCY_ROUNDS (default 200 of each); tools/crash-loop.sh runs
// more.
#include <catch2/catch.hpp>

#include <cstdio>
#include <functional>
#include <iostream>
#include <set>

#include "backup.hpp"
#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

// ND_CONCURRENCY_CHILD / ND_CONCURRENCY_CLI: copies of the programs, so a long run
// (tools/crash-loop.sh) is not disturbed by a rebuild.
std::string program(const char* env, const char* built) {
    const char* v = std::getenv(env);
    return v && *v ? v : built;
}
const std::string kChild = program("ND_CONCURRENCY_CHILD", ND_CRASH_CHILD_PATH);
const std::string kCli = program("ND_CONCURRENCY_CLI", ND_CLI_PATH);

bool have_programs() {
    if (!fs::exists(kChild) || kCli.empty() || !fs::exists(kCli)) {
        WARN("nd_crash_child or nd was not built; concurrency tests skipped");
        return false;
    }
    return true;
}

// Runs `nd --db DB ARGS` inside the test's folder (args quoted by the caller);
// returns the exit status and stderr.
std::pair<int, std::string> run_nd(const TempDir& tmp, const std::string& db, const std::string& args) {
    const std::string err = tmp.file("nd-stderr.txt");
    const std::string cmd = "cd '" + tmp.dir.string() + "' && env -u ND_DB XDG_DATA_HOME='" + tmp.file("xdg") + "' '" + kCli + "' --db '" + db + "' " +
                            args + " >/dev/null 2>'" + err + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_bytes(err)};
}

// The diary a merge round brings in: `which` 0 or 1, disjoint ids from the
// logger's (they start at 100000, the logger's at 0).
nd::Diary merge_source(int which) {
    nd::Diary d = import_diary(which, 5);
    if (which == 1)
        for (auto& e : d.episodes) e.note += " (from the other device)";
    return d;
}

// Five episodes without ids: every import adds five new ones.
std::string csv_file() {
    std::string csv = "start,duration_min,regions,numbness,pain,note\n";
    for (int k = 0; k < 5; ++k)
        csv += "2026-02-0" + std::to_string(k + 1) + " 08:30,15,left:toes," + std::to_string(k) + ",1,imported " +
               std::to_string(k) + "\n";
    return csv;
}

struct Outcome {
    long adds = 0, bins = 0;
};

// Checks every acknowledged operation of the logger's output against the diary.
Outcome check_acknowledged(const std::string& db, const ChildLog& log) {
    std::set<std::uint64_t> added, binned;
    for (const auto& op : log.acked) {
        std::istringstream in(op);
        std::string verb;
        std::uint64_t i = 0;
        in >> verb >> i;
        if (verb == "add") added.insert(i);
        else if (verb == "bin") binned.insert(i);
    }
    auto store = nd::Store::open(db);
    REQUIRE(store->integrity_check() == "ok");
    long missing = 0, unbinned = 0, altered = 0;
    for (const std::uint64_t i : added) {
        const auto e = store->episode(episode_id(i));
        if (!e) {
            ++missing;
            continue;
        }
        nd::Episode want = make_episode(i);
        want.created_utc = want.updated_utc = kClock;
        want.deleted_utc = e->deleted_utc;
        nd::normalize(want);
        if (!(*e == want)) ++altered;
        if (binned.count(i) && !e->deleted_utc) ++unbinned;
    }
    INFO("acknowledged: " << added.size() << " adds, " << binned.size() << " moves to the bin");
    CHECK(missing == 0);
    CHECK(altered == 0);
    CHECK(unbinned == 0);
    return {static_cast<long>(added.size()), static_cast<long>(binned.size())};
}

// Runs `rounds` of `args_for(round)` beside a logging child, then checks.
void run_beside_logger(const char* what, const std::function<std::string(long)>& args_for) {
    const long rounds = env_number("ND_CONCURRENCY_ROUNDS", 200);
    TempDir tmp("conc");
    const std::string db = tmp.file("diary.db");
    {
        auto s = nd::Store::open(db);
        s->set_clock([] { return kClock; });
        s->replace_diary(import_diary(0, 5));
    }
    write_bytes(tmp.file("a.ndbackup"), nd::write_backup(merge_source(0)));
    write_bytes(tmp.file("b.ndbackup"), nd::write_backup(merge_source(1)));
    write_bytes(tmp.file("new.csv"), csv_file());

    Child logger({kChild, "add", db, "0", "20000"});
    REQUIRE(logger.wait_for_line("ready"));
    const auto start = std::chrono::steady_clock::now();
    for (long r = 0; r < rounds; ++r) {
        logger.drain();   // a full pipe would stop the logger
        const auto [code, err] = run_nd(tmp, db, args_for(r));
        INFO(what << " round " << r << ": " << err);
        REQUIRE(code == 0);
    }
    const long seconds = elapsed_us(start) / 1000000;
    logger.kill_and_reap();
    const ChildLog log = parse_child_log(logger.output());
    const Outcome o = check_acknowledged(db, log);
    INFO("logger: " << log.error);
    REQUIRE(log.error.empty());   // e.g. it could not bin an episode a merge had erased
    CHECK(o.adds >= rounds / 10);   // the logger really ran alongside (how many depends on the machine's speed)
    CHECK(log.inflight.size() + log.acked.size() > 0);
    std::printf("[concurrency] %s: %ld rounds beside %ld acknowledged saves and %ld moves to the bin, none lost (%ld s)\n",
                what, rounds, o.adds, o.bins, seconds);
    std::fflush(stdout);
}

}  // namespace

TEST_CASE("Concurrency: restore --merge beside a logging process loses no acknowledged save", "[concurrency]") {
    if (!have_programs()) return;
    run_beside_logger("restore --merge", [](long r) {
        return std::string("restore '") + (r % 2 ? "b" : "a") + ".ndbackup' --merge";
    });
}

TEST_CASE("Concurrency: import-csv beside a logging process loses no acknowledged save", "[concurrency]") {
    if (!have_programs()) return;
    run_beside_logger("import-csv", [](long) { return std::string("import-csv new.csv"); });
}
