// nd_bench_commands: the commands as a person runs them, each a whole process
// (exec, dynamic linking, first-touch page faults, exit), timed side by side in one
// run (issue 19, "Honest benchmarks"). tools/bench-commands.sh builds and runs it.
//
//   nd_bench_commands --cli PATH [--app PATH] [--sqlite3 PATH] [--tmp DIR] [--runs N]
//
//  - `numbness-diary-cli log` against the sqlite3 command-line shell inserting the
//    same row with the same settings (WAL, synchronous=FULL, secure_delete,
//    foreign_keys), on two copies of the same diary file (10k and 100k episodes),
//    alternating, so both see the same machine and files of the same size;
//  - `numbness-diary-cli match --json` at 100k (output to a file);
//  - the app's start in a fresh process, exec to its first frame on screen (the app
//    stamps it when ND_EXIT_AFTER_FIRST_FRAME names a file: platform/first_frame_probe),
//    with an empty diary and with 100k episodes, alternating; needs a display (xvfb-run).
//
// Figures are medians of N runs (default 15) with the minimum beside them; CPU is the
// child's user + system time (wait4). The targets table follows; docs/performance.md
// explains each figure.
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "demo_diary.hpp"
#include "store.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;   // as nd_bench: the generated diaries end here
constexpr std::uint32_t kSeed = 20260921u;

std::int64_t monotonic_ns() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

struct Sample {
    double wall_ms = 0;
    double cpu_ms = 0;
    int status = -1;
    std::int64_t started_ns = 0;   // monotonic, just before the exec
};

// Runs argv with extra environment `env` ("NAME=value"), stdout to `out_path`
// (/dev/null by default), stderr to `err_path`; waits, returns wall and CPU time.
Sample run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
           const std::string& out_path = "/dev/null", const std::string& err_path = "/dev/null") {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    Sample s;
    s.started_ns = monotonic_ns();
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (out >= 0) ::dup2(out, 1);
        if (err >= 0) ::dup2(err, 2);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    rusage ru{};
    ::wait4(pid, &status, 0, &ru);
    s.wall_ms = static_cast<double>(monotonic_ns() - s.started_ns) / 1e6;
    s.cpu_ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    s.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return s;
}

Sample must_run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                const std::string& out_path = "/dev/null") {
    const std::string err = fs::temp_directory_path() / "nd-bench-commands-stderr.txt";
    Sample s = run(argv, env, out_path, err);
    if (s.status != 0) {
        std::ifstream in(err);
        std::stringstream text;
        text << in.rdbuf();
        throw std::runtime_error(argv[0] + " " + (argv.size() > 1 ? argv[1] : "") + " ... exited with " +
                                 std::to_string(s.status) + ": " + text.str());
    }
    return s;
}

struct Stats {
    double median = 0, min = 0, cpu_median = 0;
};

Stats stats_of(std::vector<Sample> v) {
    Stats st;
    if (v.empty()) return st;
    std::vector<double> wall, cpu;
    for (const auto& s : v) {
        wall.push_back(s.wall_ms);
        cpu.push_back(s.cpu_ms);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    st.median = wall[wall.size() / 2];
    st.min = wall.front();
    st.cpu_median = cpu[cpu.size() / 2];
    return st;
}

double median_of(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void remove_db(const std::string& path) {
    for (const char* s : {"", "-wal", "-shm", "-journal"}) fs::remove(path + s);
}

// A diary file of `n` generated episodes (first run done), closed (checkpointed).
void make_diary(const std::string& path, std::size_t n) {
    remove_db(path);
    auto store = nd::Store::open(path);
    if (n > 0) store->replace_diary(nd::make_generated_diary(n, kSeed, kNow));
    store->set_setting("ui.first_run_done", "1");
}

std::string file_size_text(const std::string& path) {
    std::error_code ec;
    const auto n = fs::file_size(path, ec);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", ec ? 0.0 : static_cast<double>(n) / 1e6);
    return buf;
}

struct Options {
    std::string cli, app, sqlite3 = "/usr/bin/sqlite3", tmp;
    int runs = 15;
};

// A typical entry, logged at ND_NOW. With `spread`, a fast spread down one leg
// (sciatica-like): the one kind of entry whose red-flag judgement reads the older
// history (earlier spreads from the same place: a scan of the table), so the
// slowest `log` there is.
std::vector<std::string> log_args(const Options& o, const std::string& db, bool spread) {
    std::vector<std::string> a{o.cli, "--db", db, "log", "--ago", "30", "--duration", "20", "--sensation",
                               "burning,tingling", "--numbness", "3", "--onset", "gradual", "--worse-at-night", "yes",
                               "--note", "evening, after the walk"};
    if (spread) {
        for (const char* x : {"--region", "left:buttock,left:thigh_back,left:calf", "--spread-from", "buttock",
                              "--spread-to", "calf", "--spread-speed", "minutes"})
            a.push_back(x);
    } else {
        for (const char* x : {"--region", "both:toes,both:sole"}) a.push_back(x);
    }
    return a;
}

struct LogFigures {
    Stats log, log_spread, sqlite;
};

// `log` and the sqlite3 shell's INSERT of the same row, alternating, on two
// copies of one diary file.
LogFigures bench_log(const Options& o, const std::string& dir, std::size_t n) {
    const std::string a = dir + "/log-" + std::to_string(n) + "-cli.sqlite";
    const std::string b = dir + "/log-" + std::to_string(n) + "-sqlite3.sqlite";
    make_diary(a, n);
    const std::vector<std::string> env{"ND_NOW=2026-09-21T12:00:00+02:00"};
    // The template row: logged once by the command, then the file copied, so both
    // files hold the same rows and the shell inserts a copy of exactly that row.
    const std::string out = dir + "/log-id.txt";
    must_run(log_args(o, a, false), env, out);
    std::string id;
    std::ifstream(out) >> id;
    if (id.size() != 36) throw std::runtime_error("log printed no id");
    fs::copy_file(a, b, fs::copy_options::overwrite_existing);
    const std::string insert_sql =
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
        "INSERT INTO episodes SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
        "substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), "
        "start_utc, offset_min, duration_min, ongoing, regions, sensations, numbness, pain, activities, reliefs, "
        "relief_after_min, onset, spread, spread_from, spread_to, spread_speed, signs, worse_at_night, "
        "effect_walking, effect_sleep, effect_work, note, created_utc, updated_utc, deleted_utc "
        "FROM episodes WHERE id = '" + id + "';";
    const std::vector<std::string> shell{o.sqlite3, b, insert_sql};
    // Warm both (page cache, the dynamic loader's cache), then alternate.
    must_run(shell);
    must_run(log_args(o, a, false), env);
    std::vector<Sample> cli, cli_spread, sql;
    for (int i = 0; i < o.runs; ++i) {
        if (i % 2 == 0) {
            sql.push_back(must_run(shell));
            cli.push_back(must_run(log_args(o, a, false), env));
        } else {
            cli.push_back(must_run(log_args(o, a, false), env));
            sql.push_back(must_run(shell));
        }
        cli_spread.push_back(must_run(log_args(o, a, true), env));
        sql.push_back(must_run(shell));   // keeps the two files the same size
    }
    std::printf("  %zu episodes: files %s and %s\n", n, file_size_text(a).c_str(), file_size_text(b).c_str());
    remove_db(a);
    remove_db(b);
    return {stats_of(cli), stats_of(cli_spread), stats_of(sql)};
}

Stats bench_match(const Options& o, const std::string& dir, std::size_t n, std::uintmax_t& bytes) {
    const std::string db = dir + "/match-" + std::to_string(n) + ".sqlite";
    make_diary(db, n);
    const std::string out = dir + "/match.json";
    const std::vector<std::string> args{o.cli, "--db", db, "match", "--json"};
    must_run(args, {}, out);   // warm
    std::vector<Sample> v;
    for (int i = 0; i < std::max(3, o.runs / 3); ++i) v.push_back(must_run(args, {}, out));
    bytes = fs::file_size(out);
    remove_db(db);
    fs::remove(out);
    return stats_of(v);
}

struct StartFigures {
    double first_frame_ms = 0;   // median, exec to first frame
    double first_frame_min = 0;
    double cpu_ms = 0;           // median, the app's CPU until its first frame
    bool ok = false;
};

// One start of the app in a fresh process: exec to first frame, and its CPU by then.
std::optional<std::pair<double, double>> start_once(const Options& o, const std::string& db, const std::string& home) {
    const std::string stamp = home + "/first-frame.txt";
    fs::remove(stamp);
    const Sample s = run({o.app, "--db", db}, {"ND_EXIT_AFTER_FIRST_FRAME=" + stamp, "HOME=" + home,
                                               "XDG_DATA_HOME=" + home + "/data", "XDG_CONFIG_HOME=" + home + "/config",
                                               "XDG_STATE_HOME=" + home + "/state", "XDG_CACHE_HOME=" + home + "/cache"},
                         "/dev/null", home + "/app-stderr.txt");
    std::ifstream in(stamp);
    std::string key1, key2;
    long long frame_ns = 0, cpu_ns = 0;
    if (s.status != 0 || !(in >> key1 >> frame_ns >> key2 >> cpu_ns)) return std::nullopt;
    return std::make_pair(static_cast<double>(frame_ns - s.started_ns) / 1e6, static_cast<double>(cpu_ns) / 1e6);
}

std::pair<StartFigures, StartFigures> bench_start(const Options& o, const std::string& dir) {
    const std::string empty = dir + "/start-empty.sqlite", big = dir + "/start-100k.sqlite";
    make_diary(empty, 0);
    make_diary(big, 100'000);
    const std::string home = dir + "/home";
    fs::create_directories(home);
    StartFigures e, b;
    std::vector<double> ef, ec, bf, bc;
    if (!start_once(o, empty, home) || !start_once(o, big, home)) {   // warm, and: does it work here?
        std::printf("  the app did not report a first frame (no display? see %s/app-stderr.txt)\n", home.c_str());
        return {e, b};
    }
    for (int i = 0; i < o.runs; ++i) {
        for (int k = 0; k < 2; ++k) {
            const bool is_big = (i + k) % 2 == 1;
            if (auto r = start_once(o, is_big ? big : empty, home)) {
                (is_big ? bf : ef).push_back(r->first);
                (is_big ? bc : ec).push_back(r->second);
            }
        }
    }
    auto fill = [](StartFigures& f, const std::vector<double>& frame, const std::vector<double>& cpu) {
        f.ok = !frame.empty();
        f.first_frame_ms = median_of(frame);
        f.first_frame_min = frame.empty() ? 0 : *std::min_element(frame.begin(), frame.end());
        f.cpu_ms = median_of(cpu);
    };
    fill(e, ef, ec);
    fill(b, bf, bc);
    remove_db(empty);
    remove_db(big);
    return {e, b};
}

const char* verdict(bool met) { return met ? "MET" : "MISSED"; }

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        try {
            if (a == "--cli") o.cli = value();
            else if (a == "--app") o.app = value();
            else if (a == "--sqlite3") o.sqlite3 = value();
            else if (a == "--tmp") o.tmp = value();
            else if (a == "--runs") o.runs = std::max(1, std::atoi(value().c_str()));
            else {
                std::fprintf(stderr, "usage: nd_bench_commands --cli PATH [--app PATH] [--sqlite3 PATH] [--tmp DIR] [--runs N]\n");
                return 2;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "nd_bench_commands: %s\n", e.what());
            return 2;
        }
    }
    if (o.cli.empty()) {
        std::fprintf(stderr, "nd_bench_commands: --cli PATH is required\n");
        return 2;
    }
    std::string root = o.tmp.empty() ? fs::temp_directory_path().string() : o.tmp;
    fs::create_directories(root);
    std::string tmpl = root + "/nd-bench-commands-XXXXXX";
    if (!::mkdtemp(tmpl.data())) {
        std::fprintf(stderr, "nd_bench_commands: cannot create a folder under %s\n", root.c_str());
        return 1;
    }
    const std::string dir = fs::absolute(tmpl).string();
    int rc = 0;
    try {
        std::printf("Whole processes, median of %d runs (min beside it); CPU = the child's user + system time\n", o.runs);
        LogFigures l10 = bench_log(o, dir, 10'000);
        LogFigures l100 = bench_log(o, dir, 100'000);
        std::uintmax_t match_bytes = 0;
        const Stats m = bench_match(o, dir, 100'000, match_bytes);
        std::pair<StartFigures, StartFigures> start;
        const bool want_app = !o.app.empty();
        if (want_app) start = bench_start(o, dir);

        std::printf("\n%-54s %10s %10s %10s %12s  %s\n", "figure", "wall ms", "min ms", "cpu ms", "target", "status");
        auto row = [](const char* what, const Stats& s, const char* target = "", const char* status = "") {
            std::printf("%-54s %10.1f %10.1f %10.1f %12s  %s\n", what, s.median, s.min, s.cpu_median, target, status);
        };
        row("sqlite3 shell INSERT, 10k-episode file", l10.sqlite);
        row("numbness-diary-cli log, 10k", l10.log);
        row("numbness-diary-cli log (a fast spread), 10k", l10.log_spread);
        row("sqlite3 shell INSERT, 100k-episode file", l100.sqlite);
        row("numbness-diary-cli log, 100k", l100.log);
        row("numbness-diary-cli log (a fast spread), 100k", l100.log_spread);
        const double r10 = l10.log.median / l10.sqlite.median, r100 = l100.log.median / l100.sqlite.median;
        const double r100s = l100.log_spread.median / l100.sqlite.median;
        std::printf("%-54s %10.2f %10s %10s %12s  %s\n", "ratio log / sqlite3 insert, 10k", r10, "", "", "<= 1.5",
                    verdict(r10 <= 1.5));
        std::printf("%-54s %10.2f %10s %10s %12s  %s\n", "ratio log / sqlite3 insert, 100k", r100, "", "", "<= 1.5",
                    verdict(r100 <= 1.5));
        std::printf("%-54s %10.2f %10s %10s %12s  %s\n", "ratio log (a fast spread) / sqlite3 insert, 100k", r100s, "", "",
                    "<= 1.5", verdict(r100s <= 1.5));
        char what[96];
        std::snprintf(what, sizeof what, "numbness-diary-cli match --json, 100k (%.1f MB out)",
                      static_cast<double>(match_bytes) / 1e6);
        row(what, m);
        if (want_app) {
            const auto& [e, b] = start;
            if (e.ok && b.ok) {
                std::printf("%-54s %10.1f %10.1f %10.1f %12s\n", "app start to first frame, empty diary", e.first_frame_ms,
                            e.first_frame_min, e.cpu_ms, "");
                const double ratio = b.first_frame_ms / e.first_frame_ms;
                std::printf("%-54s %10.1f %10.1f %10.1f %12s\n", "app start to first frame, 100k", b.first_frame_ms,
                            b.first_frame_min, b.cpu_ms, "");
                std::printf("%-54s %10.2f %10s %10s %12s  %s\n", "ratio first frame 100k / empty", ratio, "", "",
                            "<= 1.25", verdict(ratio <= 1.25));
                std::printf("%-54s %10s %10s %10.1f %12s  %s\n", "app CPU before first frame, 100k minus empty", "", "",
                            b.cpu_ms - e.cpu_ms, "<= 100", verdict(b.cpu_ms - e.cpu_ms <= 100));
            } else {
                std::printf("app start: not measured (the app reported no first frame)\n");
            }
        } else {
            std::printf("app start: not measured (no --app)\n");
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench_commands: %s\n", e.what());
        rc = 1;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}
