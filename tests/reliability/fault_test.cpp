// Fault injection: every write, sync and truncate SQLite makes during a logging
// run, an import run and the creation of a new diary is failed in turn (I/O error
// or disk full, once or for good). Each time the caller must get a StoreError with
// a clear message, nothing reported saved may be missing, and once the fault is
// gone the reopened diary must pass integrity_check and be the state before or
// after the failed call. Also: real "file too large" errors (RLIMIT_FSIZE) for the
// store and for write_file_atomic.
#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "atomic_file.hpp"
#include "fault_vfs.hpp"
#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;
namespace vfs = ndrel::faultvfs;

namespace {

struct Op {
    std::string name;
    std::function<void(nd::Store&)> run;
};

struct State {
    nd::Diary diary;
    std::optional<std::string> theme;
    bool operator==(const State&) const = default;
};

State state_of(const nd::Store& s) { return {s.load_diary(), s.setting("theme")}; }

nd::Diary logging_baseline() {
    nd::Diary d;
    for (std::uint64_t i = 0; i < 30; ++i) {
        nd::Episode e = make_episode(i);
        e.created_utc = e.updated_utc = kClock;
        if (i == 5 || i == 6) e.deleted_utc = kClock;
        d.episodes.push_back(e);
    }
    nd::CheckIn c = make_checkin(1);
    c.created_utc = c.updated_utc = kClock;
    d.checkins.push_back(c);
    d.tombstones.push_back({episode_id(777), "episode", kClock});
    nd::normalize(d);
    return d;
}

std::vector<Op> logging_ops() {
    return {
        {"add 1000", [](nd::Store& s) { s.add_episode(make_episode(1000)); }},
        {"add 1001", [](nd::Store& s) { s.add_episode(make_episode(1001)); }},
        {"checkin 5", [](nd::Store& s) { s.put_checkin(make_checkin(5)); }},
        {"checkin 1 again", [](nd::Store& s) { s.put_checkin(make_checkin(1)); }},
        {"bin 3", [](nd::Store& s) { s.delete_episode(episode_id(3)); }},
        {"restore 5", [](nd::Store& s) { s.restore_episode(episode_id(5)); }},
        {"setting", [](nd::Store& s) { s.set_setting("theme", "dark"); }},
        {"update 1000",
         [](nd::Store& s) {
             nd::Episode e = make_episode(1000);
             e.note = "edited " + std::string(3000, 'x');
             s.update_episode(e);
         }},
        {"end 9", [](nd::Store& s) { s.end_episode(episode_id(9)); }},
        {"fact",
         [](nd::Store& s) {
             s.put_fact({episode_id(800), nd::FactKind::Diabetes, "type 2", "2020-01-01", std::nullopt, 0, 0, {}});
         }},
        {"profile", [](nd::Store& s) { s.set_profile({"Fault Test", "1960-02-29", 0}); }},
        {"empty bin", [](nd::Store& s) { s.empty_bin(); }},
        {"add 1002", [](nd::Store& s) { s.add_episode(make_episode(1002)); }},
    };
}

// Import size: ND_FAULT_IMPORT_SCALE (default 2: 24 then 34 episodes; the crash
// loop's diaries are scale 10).
int import_scale() { return static_cast<int>(std::max(1L, env_number("ND_FAULT_IMPORT_SCALE", 2))); }

std::vector<Op> import_ops() {
    return {
        {"import B", [](nd::Store& s) { s.replace_diary(import_diary(1, import_scale())); }},
        {"add 5000", [](nd::Store& s) { s.add_episode(make_episode(5000)); }},
    };
}

State replay(const State& base, const std::vector<Op>& ops, const std::vector<std::size_t>& which) {
    auto m = nd::Store::open_in_memory();
    m->set_clock([] { return kClock; });
    m->replace_diary(base.diary);
    if (base.theme) m->set_setting("theme", *base.theme);
    for (auto k : which) ops[k].run(*m);
    return state_of(*m);
}

std::unique_ptr<nd::Store> open_clocked(const std::string& path) {
    auto s = nd::Store::open(path);
    s->set_clock([] { return kClock; });
    return s;
}

void reset_files(const std::string& path, const std::string* bytes) {
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        std::error_code ec;
        fs::remove(path + suffix, ec);
    }
    std::error_code ec;
    fs::remove(path, ec);
    if (bytes) write_bytes(path, *bytes);
}

// A message a person can act on: it names the diary or database, and the cause.
void check_message(const std::string& msg, vfs::Error error) {
    INFO("message: " << msg);
    CHECK((msg.find("diary") != std::string::npos || msg.find("database") != std::string::npos));
    if (error == vfs::Error::Full)
        CHECK(msg.find("full") != std::string::npos);
    else
        CHECK(msg.find("I/O error") != std::string::npos);
}

struct FaultStats {
    long iterations = 0, injected = 0, failed_calls = 0, open_failures = 0, failed_op_found_done = 0,
         dependent_refusals = 0;
    std::set<std::string> messages;
};

// One run with call `n` failing. `baseline` is the file before (nullptr: no file).
void fault_run(const std::string& path, const std::string* baseline, const State& base, const std::vector<Op>& ops,
               long n, bool forever, vfs::Error error, FaultStats& st) {
    reset_files(path, baseline);
    std::vector<std::size_t> acked, failed;
    bool open_failed = false;
    vfs::arm(n, forever, error);
    {
        std::unique_ptr<nd::Store> store;
        try {
            store = open_clocked(path);
        } catch (const nd::StoreError& e) {
            open_failed = true;
            check_message(e.what(), error);
            st.messages.insert(e.what());
        }
        for (std::size_t k = 0; store && k < ops.size(); ++k) {
            const long faults_before = vfs::failures();
            try {
                ops[k].run(*store);
                acked.push_back(k);
            } catch (const nd::StoreError& e) {
                if (vfs::failures() == faults_before) {
                    // Not a fault of this call: it depends on an earlier call that failed
                    // ("There is no episode ... to update"), and fails on the model too.
                    std::vector<std::size_t> with = acked;
                    with.push_back(k);
                    CHECK_THROWS_AS(replay(base, ops, with), nd::StoreError);
                    ++st.dependent_refusals;
                    continue;
                }
                failed.push_back(k);
                check_message(e.what(), error);
                st.messages.insert(e.what());
                if (forever) break;
                // Fail-once: the failed call was rolled back on this connection.
                INFO("after failing '" << ops[k].name << "' at call " << n);
                CHECK(state_of(*store) == replay(base, ops, acked));
            } catch (const std::exception& e) {
                FAIL("'" << ops[k].name << "' threw something other than a StoreError: " << e.what());
            }
        }
    }
    st.injected += vfs::failures() > 0 ? 1 : 0;
    st.failed_calls += static_cast<long>(failed.size());
    st.open_failures += open_failed ? 1 : 0;
    vfs::disarm();

    auto store = open_clocked(path);
    INFO("call " << n << (forever ? " and after" : " once") << (error == vfs::Error::Full ? ", disk full" : ", I/O error")
                 << ": " << acked.size() << " calls returned, " << failed.size() << " failed"
                 << (open_failed ? ", open failed" : ""));
    REQUIRE(store->integrity_check() == "ok");
    REQUIRE(store->schema_version() == nd::Store::current_schema_version());
    const State actual = state_of(*store);
    bool ok = actual == replay(base, ops, acked);
    for (std::size_t f : failed) {
        if (ok) break;
        std::vector<std::size_t> with = acked;
        with.push_back(f);
        std::sort(with.begin(), with.end());
        ok = actual == replay(base, ops, with);
        st.failed_op_found_done += ok ? 1 : 0;
    }
    REQUIRE(ok);
    ++st.iterations;
}

// Counts the calls a clean run makes, then fails each of them in every mode.
FaultStats fault_loop(const char* what, const std::string& path, const std::string* baseline, const State& base,
                      const std::vector<Op>& ops) {
    vfs::install();
    reset_files(path, baseline);
    vfs::disarm();
    {
        auto store = open_clocked(path);
        for (const auto& op : ops) op.run(*store);
    }
    const long total = vfs::calls();
    REQUIRE(total > 0);
    const long stride = std::max(1L, env_number("ND_FAULT_STRIDE", 1));
    FaultStats st;
    for (bool forever : {false, true})
        for (vfs::Error error : {vfs::Error::IoErr, vfs::Error::Full})
            for (long n = 1; n <= total + 1; n += stride) fault_run(path, baseline, base, ops, n, forever, error, st);
    std::printf("[fault] %s: %ld write/sync/truncate calls in a clean run; %ld runs (each call failed once and for "
                "good, I/O error and disk full), %ld with a fault injected; %ld calls refused (%ld at open), %ld "
                "refused calls found done after reopening (%ld later calls refused because an earlier one failed); all "
                "reopened ok with nothing acknowledged lost\n",
                what, total, st.iterations, st.injected, st.failed_calls + st.open_failures, st.open_failures,
                st.failed_op_found_done, st.dependent_refusals);
    for (const auto& m : st.messages) std::printf("[fault]   message: %s\n", m.c_str());
    std::fflush(stdout);
    return st;
}

std::string make_baseline(const std::string& path, const nd::Diary& d) {
    reset_files(path, nullptr);
    { open_clocked(path)->replace_diary(d); }
    return read_bytes(path);
}

}  // namespace

TEST_CASE("Fault injection while logging: each write, sync and truncate failed in turn", "[fault]") {
    TempDir tmp("fault-log");
    const std::string path = tmp.file("diary.db");
    const nd::Diary d = logging_baseline();
    const std::string baseline = make_baseline(path, d);
    const auto st = fault_loop("logging", path, &baseline, State{d, std::nullopt}, logging_ops());
    CHECK(st.injected > 100);
}

TEST_CASE("Fault injection while importing: replace_diary is all or nothing under I/O errors", "[fault]") {
    TempDir tmp("fault-import");
    const std::string path = tmp.file("diary.db");
    const nd::Diary d = import_diary(0, import_scale());
    const std::string baseline = make_baseline(path, d);
    const auto st = fault_loop("import", path, &baseline, State{d, std::nullopt}, import_ops());
    CHECK(st.injected > 20);
}

TEST_CASE("Fault injection while creating a new diary: it opens as a valid diary afterwards", "[fault]") {
    TempDir tmp("fault-create");
    const std::string path = tmp.file("new.db");
    const std::vector<Op> ops = {{"add 0", [](nd::Store& s) { s.add_episode(make_episode(0)); }}};
    const auto st = fault_loop("create", path, nullptr, State{}, ops);
    CHECK(st.injected > 3);
}

TEST_CASE("A real file-size limit (EFBIG) while logging: a clear error, nothing acknowledged lost", "[fault]") {
    TempDir tmp("fault-fsize");
    const std::string path = tmp.file("diary.db");
    { open_clocked(path)->replace_diary(logging_baseline()); }
    const auto size = fs::file_size(path);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{static_cast<rlim_t>(size + 256 * 1024), static_cast<rlim_t>(size + 256 * 1024)};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        std::string out;
        int code = 3;
        try {
            auto s = open_clocked(path);
            for (std::uint64_t i = 2000; i < 4000; ++i) {
                s->add_episode(make_episode(i));
                out += "A " + std::to_string(i) + "\n";
            }
        } catch (const nd::StoreError& e) {
            out += std::string("E ") + e.what() + "\n";
            code = 0;
        } catch (...) {
            code = 4;
        }
        if (::write(fds[1], out.data(), out.size()) < 0) code = 5;
        ::_exit(code);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const auto err = out.substr(out.find("E "));
    INFO(err);
    CHECK(err.find("diary") != std::string::npos);
    std::set<std::string> acked;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("A ", 0) == 0) acked.insert(episode_id(std::stoull(line.substr(2))));
    CHECK(acked.size() > 5);
    auto s = open_clocked(path);
    REQUIRE(s->integrity_check() == "ok");
    for (const auto& id : acked) CHECK(s->episode(id));
    std::printf("[fault] file-size limit: %zu episodes saved before \"%s\"; all present after reopening\n", acked.size(),
                err.substr(2, err.find('\n') - 2).c_str());
}

TEST_CASE("write_file_atomic failures leave the previous file intact", "[fault][atomic_file]") {
    TempDir tmp("fault-atomic");
    const std::string path = tmp.file("report.json");
    nd::write_file_atomic(path, "previous export");
    auto entries = [&] {
        long n = 0;
        for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.dir)) ++n;
        return n;
    };
    SECTION("the folder is a file") {
        const std::string not_dir = tmp.file("plain");
        write_bytes(not_dir, "x");
        CHECK_THROWS_AS(nd::write_file_atomic(not_dir + "/report.json", "new"), nd::FileError);
    }
    SECTION("no file descriptors left (mkstemp fails)") {
        rlimit old{};
        REQUIRE(::getrlimit(RLIMIT_NOFILE, &old) == 0);
        std::vector<int> held;
        rlimit low = old;
        low.rlim_cur = 64;
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);
        for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) held.push_back(fd);
        std::string msg;
        try {
            nd::write_file_atomic(path, "new content");
        } catch (const nd::FileError& e) {
            msg = e.what();
        }
        for (int fd : held) ::close(fd);
        ::setrlimit(RLIMIT_NOFILE, &old);
        INFO(msg);
        CHECK(msg.find(path) != std::string::npos);
    }
    SECTION("the target's name is taken by a folder") {
        const std::string folder = tmp.file("folder.json");
        fs::create_directory(folder);
        CHECK_THROWS_AS(nd::write_file_atomic(folder, "new"), nd::FileError);
        CHECK(fs::is_directory(folder));
        fs::remove(folder);
    }
    CHECK(read_bytes(path) == "previous export");
    CHECK(file_mode(path) == 0600);
    CHECK(entries() <= 2);  // report.json (+ "plain" in its section); no temporary file left
}
