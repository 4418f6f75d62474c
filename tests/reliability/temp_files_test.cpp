// Files left behind and folders made (issue 17): the temporaries of killed writes
// are removed at every start, and only they; the data folder and every parent made
// for it are 0700 whatever the umask; `demo --out` on a full disk leaves no file.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "atomic_file.hpp"
#include "rel_util.hpp"
#include "temp_cleanup.hpp"

using namespace ndrel;

namespace {

// A file with `mode`, last changed `age_s` seconds ago.
void make_file(const std::string& path, int mode, std::int64_t age_s, const std::string& bytes = "health data") {
    write_bytes(path, bytes);
    REQUIRE(::chmod(path.c_str(), static_cast<mode_t>(mode)) == 0);
    const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(age_s);
    struct timespec times[2] = {{t, 0}, {t, 0}};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

bool exists_no_follow(const std::string& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;
}

struct Run {
    int status = -1;
    std::string err;
};

// Runs the CLI with extra environment, a umask, and optionally a file-size limit
// (writes past it fail with EFBIG, SIGXFSZ ignored: a disk that is full for this process).
Run run_cli(const std::vector<std::string>& args, const std::map<std::string, std::string>& env, mode_t mask,
            long fsize_limit, const std::string& err_file) {
    std::vector<std::string> argv{ND_CLI_PATH};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
        ::umask(mask);
        if (fsize_limit > 0) {
            ::signal(SIGXFSZ, SIG_IGN);
            struct rlimit r {static_cast<rlim_t>(fsize_limit), static_cast<rlim_t>(fsize_limit)};
            ::setrlimit(RLIMIT_FSIZE, &r);
        }
        const int fd = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        std::vector<char*> a;
        for (auto& s : argv) a.push_back(s.data());
        a.push_back(nullptr);
        ::execv(a[0], a.data());
        ::_exit(127);
    }
    Run r;
    ::waitpid(pid, &r.status, 0);
    r.err = read_bytes(err_file);
    return r;
}

}  // namespace

TEST_CASE("Stale temporaries of killed writes are removed at start, and nothing else", "[temporaries]") {
    TempDir t("tmpclean");
    const std::string xdg = t.file("xdg");
    const std::string data = xdg + "/numbness-diary";
    const std::string backups = data + "/backups";
    const std::string docs = t.file("docs");
    fs::create_directories(backups);
    fs::create_directories(docs);
    const std::int64_t old = 3600, fresh = 5;

    // Removed: ours, private, old.
    const std::vector<std::string> gone = {
        data + "/export.json.tmp-Ab12Cd",            // write_file_atomic's name
        data + "/diary.sqlite.tmp-zZ09aQ",           // a restore killed mid-copy
        backups + "/diary-20260101-101010.sqlite.tmp-backup",
        backups + "/diary-20260101-101010.sqlite.tmp-backup-journal",
        docs + "/my.sqlite.tmp-Qw3rTy",              // the --db diary's own temporary
    };
    for (const auto& p : gone) make_file(p, 0600, old);

    // Kept: everything else.
    std::vector<std::string> kept = {
        data + "/diary.sqlite",
        data + "/notes.tmp-Ab12Cd.txt",              // not the pattern
        data + "/notes.tmp-Ab12C",                   // five characters
        data + "/notes.tmp-Ab!2Cd",                  // not mkstemp's letters
        data + "/.tmp-Ab12Cd",                       // no name before it
        data + "/shared.tmp-Ab12Cd",                 // readable by others: not one of ours
        data + "/fresh.tmp-Ab12Cd",                  // a write in progress elsewhere
        backups + "/diary-20260102-101010.sqlite",   // a real backup
        backups + "/diary-20260102-101010.sqlite.tmp-backup",   // a backup being made now
        backups + "/other-20260101-101010.sqlite.tmp-backup",   // another diary's
        backups + "/stray.tmp-Ab12Cd",               // not a name the backups folder gets
        docs + "/report.pdf.tmp-Ab12Cd",             // the person's folder: not the diary's temporary
        docs + "/my.sqlite.tmp-Ab12Cd.bak",
    };
    for (const auto& p : kept) {
        const bool is_fresh = p.find("fresh") != std::string::npos || p.find("20260102-101010.sqlite.tmp") != std::string::npos;
        make_file(p, p.find("shared") != std::string::npos ? 0644 : 0600, is_fresh ? fresh : old);
    }
    // A link to an old private file, a folder and a second name of a file: never ours.
    const std::string target = t.file("elsewhere.txt");
    make_file(target, 0600, old);
    REQUIRE(::symlink(target.c_str(), (data + "/link.tmp-Ab12Cd").c_str()) == 0);
    kept.push_back(data + "/link.tmp-Ab12Cd");
    kept.push_back(target);
    fs::create_directories(data + "/folder.tmp-Ab12Cd");
    kept.push_back(data + "/folder.tmp-Ab12Cd");
    make_file(t.file("hardlinked"), 0600, old);
    REQUIRE(::link(t.file("hardlinked").c_str(), (data + "/second.tmp-Ab12Cd").c_str()) == 0);
    kept.push_back(data + "/second.tmp-Ab12Cd");

    SECTION("the core sweep") {
        std::vector<std::string> removed = nd::clean_stale_temporaries(data + "/diary.sqlite", data);
        auto removed_docs = nd::clean_stale_temporaries(docs + "/my.sqlite", data);
        removed.insert(removed.end(), removed_docs.begin(), removed_docs.end());
        CHECK(removed.size() == gone.size());
    }
    SECTION("numbness-diary-cli at start, default diary and --db") {
        const std::map<std::string, std::string> env{{"XDG_DATA_HOME", xdg}, {"HOME", t.file("home")}};
        Run r = run_cli({"list"}, env, 077, 0, t.file("out1"));
        INFO(r.err);
        CHECK(WIFEXITED(r.status));
        Run r2 = run_cli({"--db", docs + "/my.sqlite", "list"}, env, 077, 0, t.file("out2"));
        INFO(r2.err);
        CHECK(WIFEXITED(r2.status));
    }
    for (const auto& p : gone) {
        INFO(p);
        CHECK_FALSE(exists_no_follow(p));
    }
    for (const auto& p : kept) {
        INFO(p);
        CHECK(exists_no_follow(p));
    }
    CHECK(read_bytes(target) == "health data");
}

TEST_CASE("The data folder and every parent made for it are 0700 whatever the umask", "[temporaries][privacy]") {
    TempDir t("mkdirs");
    SECTION("core, umask 000 and 777") {
        for (const mode_t mask : {mode_t{0}, mode_t{0777}}) {
            const std::string top = t.file("m" + std::to_string(mask));
            const mode_t before = ::umask(mask);
            nd::make_private_dirs(top + "/a/b/numbness-diary");
            ::umask(before);
            for (const std::string& p : {top, top + "/a", top + "/a/b", top + "/a/b/numbness-diary"}) {
                INFO(p << " umask " << mask);
                CHECK(file_mode(p) == 0700);
            }
        }
        // An existing parent is left as it is; the data folder itself is tightened.
        fs::create_directories(t.file("open/numbness-diary"));
        ::chmod(t.file("open").c_str(), 0755);
        ::chmod(t.file("open/numbness-diary").c_str(), 0777);
        nd::make_private_dirs(t.file("open/numbness-diary"));
        CHECK(file_mode(t.file("open")) == 0755);
        CHECK(file_mode(t.file("open/numbness-diary")) == 0700);
        // A file in the way is named.
        write_bytes(t.file("afile"), "x");
        try {
            nd::make_private_dirs(t.file("afile/numbness-diary"));
            FAIL("no error");
        } catch (const nd::FileError& e) {
            CHECK(std::string(e.what()).find("afile is a file, not a folder") != std::string::npos);
        }
    }
    SECTION("numbness-diary-cli under umask 000 creates the default path's parents 0700") {
        const std::string xdg = t.file("x/y/share");
        Run r = run_cli({"log", "--region", "left:toes", "--sensation", "numbness"},
                        {{"XDG_DATA_HOME", xdg}, {"HOME", t.file("home")}}, 0, 0, t.file("out"));
        INFO(r.err);
        REQUIRE(WIFEXITED(r.status));
        REQUIRE(WEXITSTATUS(r.status) == 0);
        for (const std::string& p : {t.file("x"), t.file("x/y"), xdg, xdg + "/numbness-diary"}) {
            INFO(p);
            CHECK(file_mode(p) == 0700);
        }
        CHECK(file_mode(xdg + "/numbness-diary/diary.sqlite") == 0600);
    }
}

TEST_CASE("demo --out on a full disk says so and leaves no file", "[temporaries][fault]") {
    TempDir t("demofull");
    const std::map<std::string, std::string> env{{"HOME", t.file("home")}, {"XDG_DATA_HOME", t.file("xdg")}};

    auto check_refused = [&](const std::string& out, const Run& r) {
        INFO(r.err);
        REQUIRE(WIFEXITED(r.status));
        CHECK(WEXITSTATUS(r.status) == 1);
        CHECK(r.err.find("could not write the demo diary " + out) != std::string::npos);
        CHECK(r.err.find("Nothing was left behind") != std::string::npos);
        for (const std::string suffix : {"", "-wal", "-shm", "-journal"}) {
            INFO(out + suffix);
            CHECK_FALSE(exists_no_follow(out + suffix));
        }
    };

    SECTION("a file-size limit (EFBIG), any user") {
        // 64 KiB: the schema fits, the year of demo entries does not.
        const std::string out = t.file("demo.sqlite");
        const Run r = run_cli({"demo", "--out", out}, env, 077, 64 * 1024, t.file("err"));
        check_refused(out, r);
        // With room, the same command works (the limit was the only cause).
        const Run ok = run_cli({"demo", "--out", out}, env, 077, 0, t.file("err2"));
        INFO(ok.err);
        CHECK(WEXITSTATUS(ok.status) == 0);
        CHECK(file_mode(out) == 0600);
    }
    SECTION("a full tmpfs (root only; skipped where mounting is not allowed)") {
        const std::string mnt = t.file("small");
        fs::create_directories(mnt);
        if (::geteuid() != 0 || ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=96k,mode=0700") != 0) {
            WARN("[temporaries] cannot mount a small tmpfs here (not root, or no permission): skipped");
            return;
        }
        struct Unmount {
            std::string at;
            ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
        } unmount{mnt};
        const std::string out = mnt + "/demo.sqlite";
        const Run r = run_cli({"demo", "--out", out}, env, 077, 0, t.file("err"));
        check_refused(out, r);
        CHECK(r.err.find("full") != std::string::npos);
        // Nothing else left on the small disk either.
        CHECK(fs::is_empty(mnt));
    }
    SECTION("an existing file is never removed, even when the demo fails") {
        const std::string out = t.file("existing.sqlite");
        write_bytes(out, "");   // an empty file the person made
        const Run r = run_cli({"demo", "--out", out}, env, 077, 1024, t.file("err"));
        INFO(r.err);
        CHECK(WEXITSTATUS(r.status) == 1);
        CHECK(exists_no_follow(out));
    }
}

TEST_CASE("The window app removes stale temporaries at start (Xvfb)", "[temporaries]") {
    const std::string app = ND_APP_PATH;
    if (app.empty() || !fs::exists(app) || std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
        WARN("the desktop app or xvfb-run is missing; the app's start-up sweep is not tested here");
        return;
    }
    TempDir t("tmpclean-app");
    const std::string data = t.file("xdg") + "/numbness-diary";
    const std::string docs = t.file("docs");
    fs::create_directories(data);
    fs::create_directories(docs + "/backups");
    const std::vector<std::string> gone = {data + "/export.csv.tmp-Ab12Cd", docs + "/my.sqlite.tmp-Qw3rTy",
                                           docs + "/backups/my-20260101-101010.sqlite.tmp-backup"};
    const std::vector<std::string> kept = {data + "/fresh.tmp-Ab12Cd", docs + "/report.pdf.tmp-Ab12Cd"};
    for (const auto& p : gone) make_file(p, 0600, 3600);
    make_file(kept[0], 0600, 5);
    make_file(kept[1], 0600, 3600);
    const std::string cmd = "cd '" + t.dir.string() + "' && env XDG_DATA_HOME='" + t.file("xdg") +
                            "' ASAN_OPTIONS=detect_leaks=0 xvfb-run -a -s '-screen 0 1024x768x24' '" + app + "' --db '" +
                            docs + "/my.sqlite' --page log --size 900x700 --screenshot '" + t.file("log.png") +
                            "' >'" + t.file("out.txt") + "' 2>&1";
    const int status = std::system(cmd.c_str());
    INFO(read_bytes(t.file("out.txt")));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (const auto& p : gone) {
        INFO(p);
        CHECK_FALSE(exists_no_follow(p));
    }
    for (const auto& p : kept) {
        INFO(p);
        CHECK(exists_no_follow(p));
    }
}
