// Privacy and the CLI boundary: no network socket, owner-only files whatever the
// umask, erased notes gone from the database and its WAL, and hostile backup
// files leaving the diary byte-for-byte unchanged.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

const std::string kNd = ND_CLI_PATH;

bool has_cli() {
    if (kNd.empty() || !fs::exists(kNd)) {
        WARN("the nd binary was not built; CLI privacy tests skipped");
        return false;
    }
    return true;
}

int sh(const std::string& cmd) {
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string q(const std::string& s) { return "'" + s + "'"; }

// Runs `nd ARGS` in `dir` with a fixed clock and the given umask; returns the exit status.
int nd_run(const TempDir& tmp, const std::string& args, const std::string& prefix = "") {
    const std::string cmd = "cd " + q(tmp.dir.string()) + " && umask 000 && env -u ND_DB XDG_DATA_HOME=" +
                            q(tmp.file("xdg")) + " ND_NOW=2026-03-01T12:00:00+01:00 " + prefix + " " + q(kNd) + " " +
                            args + " >>" + q(tmp.file("out.txt")) + " 2>>" + q(tmp.file("err.txt"));
    return sh(cmd);
}

std::string first_id(const std::string& out) { return out.substr(0, 36); }

bool contains_bytes(const std::string& path, const std::string& needle) {
    return fs::exists(path) && read_bytes(path).find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("The CLI opens no network socket (strace)", "[privacy]") {
    if (!has_cli()) return;
    if (sh("command -v strace >/dev/null 2>&1") != 0) {
        WARN("strace is not installed (apt-get install strace); the no-network test is skipped");
        return;
    }
    TempDir tmp("privacy-net");
    const std::string trace = tmp.file("trace.txt");
    // The detector works: bash's /dev/tcp opens an AF_INET socket, and strace sees it.
    if (sh("strace -f -qq -e trace=socket -o " + q(trace) + " bash -c 'echo > /dev/tcp/127.0.0.1/9' 2>/dev/null; true") !=
            0 ||
        !contains_bytes(trace, "AF_INET")) {
        WARN("strace cannot trace here (ptrace not permitted?); the no-network test is skipped");
        return;
    }
    fs::remove(trace);
    // LeakSanitizer cannot run under ptrace: off for these runs (tools/sanitize.sh builds).
    const std::string strace = "ASAN_OPTIONS=detect_leaks=0 strace -f -qq -e trace=socket,connect -o " + q(trace) + " ";
    const std::vector<std::string> commands = {
        "--db d.sqlite log --at 2026-01-05T20:30+01:00 --region left:toes --numbness 4 --note hello",
        "--db d.sqlite list",
        "--db d.sqlite checkin --no-numbness",
        "--db d.sqlite match",
        "--db d.sqlite export e.json",
        "--db e.sqlite import e.json",
        "--db d.sqlite check",
        "--db d.sqlite backup b.ndbackup",
        "--db r.sqlite restore b.ndbackup",
        "--db d.sqlite export-csv e.csv",
        "demo --out demo.sqlite",
        "--db demo.sqlite match --json",
        "--help",
    };
    long syscalls = 0;
    for (const auto& c : commands) {
        INFO("nd " << c << "\n" << read_bytes(tmp.file("err.txt")));
        CHECK(nd_run(tmp, c, strace) == 0);
        const std::string log = read_bytes(trace);
        INFO("strace: " << log);
        CHECK(log.find("AF_INET") == std::string::npos);  // also matches AF_INET6
        for (std::size_t at = 0; (at = log.find("socket(", at)) != std::string::npos; ++at) ++syscalls;
    }
    std::printf("[privacy] %zu nd commands under strace: no AF_INET / AF_INET6 socket (%ld socket calls at all)\n",
                commands.size(), syscalls);
}

TEST_CASE("The window app opens no network socket under strace and Xvfb", "[privacy]") {
    const std::string app = ND_APP_PATH;
    if (app.empty() || !fs::exists(app)) {
        WARN("the desktop app was not built; its no-network test is skipped");
        return;
    }
    if (sh("command -v strace >/dev/null 2>&1 && command -v xvfb-run >/dev/null 2>&1") != 0) {
        WARN("strace or xvfb-run is not installed; the app's no-network test is skipped");
        return;
    }
    TempDir tmp("privacy-app-net");
    const std::string trace = tmp.file("trace.txt");
    // The demo diary, every page drawn once, a screenshot written: the start-up
    // check and the daily backup run too (the app waits for them before exiting).
    const std::vector<std::string> pages = {"log", "diary", "patterns", "causes", "export", "settings"};
    long sockets = 0;
    for (const auto& page : pages) {
        // LeakSanitizer cannot run under ptrace: a sanitized app would end with "LeakSanitizer
        // has encountered a fatal error" and exit 1 at its leak check (the cause of this test's
        // failure under tools/sanitize.sh). Leaks are checked by the app's other tests.
        const std::string cmd = "cd " + q(tmp.dir.string()) + " && env XDG_DATA_HOME=" + q(tmp.file("xdg")) +
                                " ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1024x768x24' strace -f -qq -e trace=socket,connect -o " +
                                q(trace) + " " + q(app) + " --db " + q(tmp.file("diary.sqlite")) + " --demo --page " +
                                page + " --size 900x700 --screenshot " + q(tmp.file(page + ".png")) +
                                " >>" + q(tmp.file("out.txt")) + " 2>&1";
        INFO(cmd << "\n" << read_bytes(tmp.file("out.txt")));
        CHECK(sh(cmd) == 0);
        CHECK(fs::exists(tmp.file(page + ".png")));
        const std::string log = read_bytes(trace);
        INFO("strace: " << log);
        CHECK(!log.empty());
        CHECK(log.find("AF_INET") == std::string::npos);   // also matches AF_INET6; AF_UNIX (X11) is fine
        for (std::size_t at = 0; (at = log.find("socket(", at)) != std::string::npos; ++at) ++sockets;
    }
    // The start-up check made the daily backup of the person's diary.
    CHECK(fs::exists(tmp.file("backups")));
    std::printf("[privacy] the window app under strace, %zu pages: no AF_INET / AF_INET6 socket (%ld local socket "
                "calls: the X display)\n",
                pages.size(), sockets);
}

TEST_CASE("Diary, WAL, shared memory, exports and the data folder are owner-only whatever the umask", "[privacy]") {
    TempDir tmp("privacy-mode");
    const std::string path = tmp.file("diary.db");
    const mode_t old = ::umask(0);
    {
        auto s = nd::Store::open(path);
        s->add_episode(make_episode(1));
        for (const char* suffix : {"", "-wal", "-shm"}) {
            INFO(suffix);
            CHECK(file_mode(path + suffix) == 0600);
        }
    }
    // An existing diary with wider permissions is tightened on open.
    ::chmod(path.c_str(), 0644);
    { nd::Store::open(path); }
    CHECK(file_mode(path) == 0600);
    ::umask(old);

    if (!has_cli()) return;
    REQUIRE(nd_run(tmp, "log --at 2026-01-05T20:30+01:00 --region left:toes --numbness 4") == 0);
    CHECK(file_mode(tmp.file("xdg/numbness-diary")) == 0700);
    CHECK(file_mode(tmp.file("xdg/numbness-diary/diary.sqlite")) == 0600);
    REQUIRE(nd_run(tmp, "export e.json") == 0);
    CHECK(file_mode(tmp.file("e.json")) == 0600);
    REQUIRE(nd_run(tmp, "demo --out demo.sqlite") == 0);
    CHECK(file_mode(tmp.file("demo.sqlite")) == 0600);
    REQUIRE(nd_run(tmp, "backup b.ndbackup") == 0);
    CHECK(file_mode(tmp.file("b.ndbackup")) == 0600);
    REQUIRE(nd_run(tmp, "export-csv e.csv") == 0);
    CHECK(file_mode(tmp.file("e.csv")) == 0600);
}

TEST_CASE("secure_delete: an erased note is in neither the database nor its WAL", "[privacy]") {
    TempDir tmp("privacy-erase");
    const std::string path = tmp.file("diary.db");
    const std::string secret = "ZEBRA-SECRET-NOTE-7d1e";
    auto s = nd::Store::open(path);
    for (std::uint64_t i = 0; i < 20; ++i) s->add_episode(make_episode(i));
    nd::Episode e = make_episode(100);
    e.note = secret + " " + std::string(5000, 'z') + " " + secret;  // an overflow page too
    s->add_episode(e);
    nd::Episode small = make_episode(101);
    small.note = secret;
    s->add_episode(small);
    REQUIRE((contains_bytes(path, secret) || contains_bytes(path + "-wal", secret)));
    s->delete_episode(e.id);
    s->delete_episode(small.id);
    s->empty_bin();
    // With the connection still open (the app keeps it open for hours).
    CHECK_FALSE(contains_bytes(path, secret));
    CHECK_FALSE(contains_bytes(path + "-wal", secret));
    s->add_episode(make_episode(102));  // later writes do not bring it back
    CHECK_FALSE(contains_bytes(path, secret));
    CHECK_FALSE(contains_bytes(path + "-wal", secret));

    // delete_all_data: the profile and every note.
    s->set_profile({"Hidden Person Name", "1950-01-01", 0});
    s->delete_all_data();
    CHECK_FALSE(contains_bytes(path, "Hidden Person Name"));
    CHECK_FALSE(contains_bytes(path + "-wal", "Hidden Person Name"));
    CHECK_FALSE(contains_bytes(path, "#end-5"));
    CHECK_FALSE(contains_bytes(path + "-wal", "#end-5"));
    s.reset();
    CHECK_FALSE(contains_bytes(path, secret));

    if (!has_cli()) return;
    // The same through the CLI: log, delete, empty-bin.
    REQUIRE(nd_run(tmp, "--db c.sqlite log --at 2026-01-05T20:30+01:00 --region left:toes --numbness 4 --note " + secret) == 0);
    REQUIRE(nd_run(tmp, "--db c.sqlite log --at 2026-01-06T20:30+01:00 --region left:toes --numbness 2 --note kept") == 0);
    const std::string id = first_id(read_bytes(tmp.file("out.txt")));
    REQUIRE(contains_bytes(tmp.file("c.sqlite"), secret));
    REQUIRE(nd_run(tmp, "--db c.sqlite delete " + id) == 0);
    REQUIRE(nd_run(tmp, "--db c.sqlite empty-bin --yes") == 0);
    CHECK_FALSE(contains_bytes(tmp.file("c.sqlite"), secret));
    CHECK_FALSE(contains_bytes(tmp.file("c.sqlite-wal"), secret));
    CHECK(contains_bytes(tmp.file("c.sqlite"), "kept"));
}

TEST_CASE("numbness-diary-cli import and restore of hostile files: a clear message, and the diary byte-for-byte unchanged",
          "[hostile][cli]") {
    if (!has_cli()) return;
    TempDir tmp("hostile-cli");
    REQUIRE(nd_run(tmp, "--db d.sqlite demo --out d.sqlite") == 0);
    REQUIRE(nd_run(tmp, "--db d.sqlite export good.json") == 0);
    const std::string good = read_bytes(tmp.file("good.json"));
    const std::string before = read_bytes(tmp.file("d.sqlite"));
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        s.replace(at, from.size(), to);
        return s;
    };
    std::map<std::string, std::string> files = {
        {"empty", ""},
        {"deep", "{\"diary\": " + std::string(200000, '[')},
        {"truncated", good.substr(0, good.size() / 2)},
        {"nan", replaced("\"numbness\": ", "\"numbness\": NaN, \"x\": ")},
        {"severity", replaced("\"numbness\": ", "\"numbness\": 11, \"x\": ")},
        {"enum", replaced("\"onset\": \"", "\"onset\": \"sideways")},
        {"date", replaced("\"birth_date\": \"", "\"birth_date\": \"2023-02-29")},
        {"utf8", replaced("\"note\": \"", "\"note\": \"\xC3\x28")},
        {"binary", std::string("\x00\x01\x02\xff\xfe", 5) + std::string(5000, '\xee')},
        {"sqlite", before},
    };
    {
        // A damaged backup envelope: one byte flipped in the middle.
        REQUIRE(nd_run(tmp, "--db d.sqlite backup good.ndbackup") == 0);
        std::string b = read_bytes(tmp.file("good.ndbackup"));
        b[b.size() / 2] = static_cast<char>(~b[b.size() / 2]);
        files["envelope"] = b;
        files["envelope-truncated"] = b.substr(0, b.size() - 10);
    }
    long refused = 0;
    for (const auto& [name, bytes] : files) {
        write_bytes(tmp.file(name + ".json"), bytes);
        for (const char* cmd : {"import", "restore"}) {
            fs::remove(tmp.file("err.txt"));
            const int rc = nd_run(tmp, std::string("--db d.sqlite ") + cmd + " " + name + ".json --replace");
            const std::string err = read_bytes(tmp.file("err.txt"));
            INFO(cmd << " " << name << ": exit " << rc << ", " << err);
            CHECK(rc == 1);
            CHECK((err.find("othing was imported") != std::string::npos ||
                   err.find("othing was changed") != std::string::npos));
            CHECK(read_bytes(tmp.file("d.sqlite")) == before);
            CHECK_FALSE(fs::exists(tmp.file("d.sqlite-wal")));
            refused += rc == 1 ? 1 : 0;
        }
    }
    // Too large: a sparse 2 GiB file is refused before it is read.
    {
        const std::string huge = tmp.file("huge.json");
        write_bytes(huge, "{");
        fs::resize_file(huge, std::uintmax_t{2} << 30);
        CHECK(nd_run(tmp, "--db d.sqlite import huge.json --replace") == 1);
        CHECK(nd_run(tmp, "--db d.sqlite restore huge.json --replace") == 1);
        CHECK(read_bytes(tmp.file("d.sqlite")) == before);
        fs::remove(huge);
    }
    std::printf("[hostile] numbness-diary-cli import / restore: %ld refusals of hostile files (+2 of a 2 GiB file), the diary "
                "unchanged\n",
                refused);
}
