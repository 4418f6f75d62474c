// Issue #19's "a UI thread that never waits" and "first frame first", measured as
// a person sees them (docs/performance.md, section "The UI thread never waits"):
//
//   nd_bench --first-frame APP [RUNS]
//       Fresh processes: starts the real window app (APP, e.g.
//       build/platform/numbness-diary) RUNS times (default 5) on an empty diary
//       and on a 100k-episode diary, alternating, with ND_EXIT_AFTER_FIRST_FRAME=FILE
//       (platform/first_frame_probe.cpp writes CLOCK_MONOTONIC and its CPU time
//       to FILE once the first frame is on screen, then the app leaves). Exec to first frame = that moment minus
//       this process's clock just before fork. Needs a display: run under
//       xvfb-run -a -s "-screen 0 1280x800x24".
//       Targets: 100k's median within 1.25x the empty diary's; its CPU before
//       the first frame at most 100 ms more.
//
//   nd_bench --frames-during-jobs
//       In this process, headless (Dear ImGui without a window or GL): the app on
//       the demo diary FILE with threads, a password backup (Argon2id at the
//       shipped cost) started from the Export page and a PDF export of the whole
//       demo started beside it on its own worker; every frame is timed until both
//       are done, and a save is made through the UI's connection half-way.
//       Target: no frame over 50 ms.
//
//   nd_bench --frames-during-reload
//       Headless, the app on a 100k-episode diary FILE with threads and the
//       outside-change watch on: another connection ("the CLI") logs an episode;
//       every frame is timed until the reloaded diary is swapped in, beside the
//       time the same reload takes on the UI thread (what a frame used to wait).
//       Target: no frame over 50 ms (issue #16's "reloading off the UI thread").
#include <imgui.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app.hpp"
#include "demo_diary.hpp"
#include "export_actions.hpp"
#include "store.hpp"
#include "undo.hpp"

namespace fs = std::filesystem;

namespace {

std::int64_t monotonic_ns() {
    timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

std::string temp_folder() {
    const char* t = std::getenv("TMPDIR");
    std::string tmpl = std::string(t && *t ? t : "/tmp") + "/nd-uiwait-XXXXXX";
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a temporary folder");
    return tmpl;
}

struct FirstFrame {
    double ms = -1;       // exec to first frame
    double cpu_ms = -1;   // the app's CPU before it (all its threads)
};

// One fresh process of the app on `db`, to its first frame.
FirstFrame one_start(const std::string& app, const std::string& db, const std::string& home) {
    // The app writes the stamp itself (platform/first_frame_probe.hpp), the same
    // probe tools/bench/bench_commands.cpp uses.
    const std::string stamp = home + "/first-frame.txt";
    ::unlink(stamp.c_str());
    const std::int64_t t0 = monotonic_ns();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("ND_EXIT_AFTER_FIRST_FRAME", stamp.c_str(), 1);
        ::setenv("XDG_DATA_HOME", home.c_str(), 1);   // the window-state file, not the person's
        ::setenv("XDG_CONFIG_HOME", home.c_str(), 1);
        ::execl(app.c_str(), app.c_str(), "--db", db.c_str(), "--size", "1280x800", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    long long at = 0, cpu_ns = 0;
    std::FILE* f = std::fopen(stamp.c_str(), "r");
    if (!f) return {};
    const int got = std::fscanf(f, "first_frame_monotonic_ns %lld process_cpu_ns %lld", &at, &cpu_ns);
    std::fclose(f);
    if (got != 2) return {};
    return {static_cast<double>(at - t0) / 1e6, static_cast<double>(cpu_ns) / 1e6};
}

double median(std::vector<double> v) {
    if (v.empty()) return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Services with threads, as the desktop's (no window: the clipboard and xdg-open
// are not used here).
struct ThreadedServices : nd::app::FakeServices {
    ThreadedServices() { threads = true; }
};

}  // namespace

// The app on the diary file `db`, headless (Dear ImGui without a window or GL), with
// threads, the outside-change watch on and its start-up work (the check, the daily
// backup) done: what both in-process benchmarks below time frames of.
struct HeadlessImGui {   // a context for a 1280x800 window without one; destroyed last
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
};

struct HeadlessApp {
    HeadlessImGui imgui;   // before app: made first, destroyed after it
    nd::app::App app;
    HeadlessApp(nd::app::Services& services, const std::string& db) : app(services) {
        app.open_diary(db);
        app.watch_outside_changes(true);
        app.on_start(1.0f);
        app.rebuild_fonts();
        app.finish_background_work();   // the check and the daily backup: not what is measured
    }
    ~HeadlessApp() { app.on_exit(); }
    // One frame; its wall time in ms.
    double frame() {
        const auto t = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    }
};

int nd_bench_first_frame(const std::string& app, int runs) {
    try {
        const std::string dir = temp_folder();
        const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
        const std::string empty_db = dir + "/empty.sqlite", big_db = dir + "/100k.sqlite";
        for (const auto& [path, n] : {std::pair{empty_db, std::size_t{0}}, std::pair{big_db, std::size_t{100'000}}}) {
            auto store = nd::Store::open(path);
            if (n) store->replace_diary(nd::make_generated_diary(n, 20260921u, now));
            store->set_setting("ui.first_run_done", "1");
        }
        one_start(app, empty_db, dir);   // warm the page cache and the GL driver alike for both
        one_start(app, big_db, dir);
        std::vector<double> e_ms, e_cpu, b_ms, b_cpu;
        for (int i = 0; i < runs; ++i) {
            const FirstFrame e = one_start(app, empty_db, dir);
            const FirstFrame b = one_start(app, big_db, dir);
            if (e.ms < 0 || b.ms < 0) {
                std::fprintf(stderr, "nd_bench --first-frame: the app printed no first frame (a display? %s)\n",
                             app.c_str());
                return 1;
            }
            e_ms.push_back(e.ms), e_cpu.push_back(e.cpu_ms), b_ms.push_back(b.ms), b_cpu.push_back(b.cpu_ms);
        }
        const double em = median(e_ms), bm = median(b_ms), ec = median(e_cpu), bc = median(b_cpu);
        std::printf("First frame, fresh process (exec to first frame under the display), median of %d:\n", runs);
        std::printf("  %-34s %9.1f ms   CPU %7.1f ms\n", "empty diary", em, ec);
        std::printf("  %-34s %9.1f ms   CPU %7.1f ms\n", "100k episodes", bm, bc);
        std::printf("  %-34s %9.2fx     target <= 1.25x   %s\n", "100k / empty", bm / em, bm / em <= 1.25 ? "met" : "MISSED");
        std::printf("  %-34s %+9.1f ms   target <= +100 ms %s\n", "CPU before first frame, 100k - empty", bc - ec,
                    bc - ec <= 100 ? "met" : "MISSED");
        std::error_code ec2;
        fs::remove_all(dir, ec2);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench --first-frame: %s\n", e.what());
        return 1;
    }
}

int nd_bench_frames_during_jobs() {
    using namespace nd;
    using namespace nd::app;
    try {
        const std::string dir = temp_folder();
        const std::string db = dir + "/demo.sqlite";
        ThreadedServices services;
        services.documents = services.data = dir;
        services.assets = ND_BENCH_ASSETS_DIR;
        {
            auto store = Store::open(db);
            store->replace_diary(make_demo_diary(20260101u, services.clock));
            store->set_setting("ui.first_run_done", "1");
        }
        double longest = 0;
        int frames = 0;
        {
            HeadlessApp h(services, db);
            App& app = h.app;
            AppState& s = app.state();
            s.page = Page::Export;
            auto frame = [&] { return h.frame(); };
            for (int i = 0; i < 5; ++i) frame();
            // The password backup, as the page starts it (Argon2id at the shipped cost).
            ExportPageState& pg = app.pages().export_page;
            pg.format = ExportFormat::Backup;
            pg.use_password = true;
            pg.password = pg.password_again = "correct horse battery";
            pg.file_name = "bench.ndbackup";
            pg.working = 1;
            // The PDF of the whole demo beside it, on a worker of its own.
            BackgroundJob<ExportResult> pdf;
            ExportRequest r;
            r.format = pdf_available() ? ExportFormat::Pdf : ExportFormat::Csv;
            r.sections = kSectionAll;
            r.today = "2026-09-21";
            const Catalog catalog = s.catalog;
            pdf.start(&services, s.store, [&](Store& st, JobControl& job) {
                return write_export(st, catalog, r, dir + "/bench-report.pdf", job);
            });
            bool tried = false, saved = false;
            const auto start = std::chrono::steady_clock::now();
            while ((pg.working || s.export_job.active() || pdf.active()) &&
                   std::chrono::steady_clock::now() - start < std::chrono::seconds(120)) {
                longest = std::max(longest, frame());
                ++frames;
                if (pdf.finished()) pdf.take();
                // A save through the UI's connection meanwhile: early, since on a quiet
                // machine both jobs can end within ten frames.
                if (!tried && frames == 2) {
                    tried = true;
                    Episode e;
                    e.start = {services.clock - 60, services.offset_min};
                    e.regions = {{Region::Toes, Side::Left}};
                    e.numbness = 3;
                    saved = s.run(add_episode_command(e));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(16));   // a display's pace
            }
            const bool backup_ok = !pg.done_path.empty();
            std::printf("Frames while a password backup and a %s export of the demo ran on workers:\n",
                        r.format == ExportFormat::Pdf ? "PDF" : "CSV");
            std::printf("  %-34s %9d (a save made meanwhile: %s; backup written: %s)\n", "frames drawn", frames,
                        saved ? "landed" : tried ? "FAILED" : "not made, the jobs ended first", backup_ok ? "yes" : "NO");
            std::printf("  %-34s %9.1f ms   target <= 50 ms   %s\n", "longest frame", longest,
                        longest <= 50 ? "met" : "MISSED");
        }
        std::error_code ec;
        fs::remove_all(dir, ec);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench --frames-during-jobs: %s\n", e.what());
        return 1;
    }
}

int nd_bench_frames_during_reload() {
    using namespace nd;
    using namespace nd::app;
    try {
        const std::string dir = temp_folder();
        const std::string db = dir + "/100k.sqlite";
        ThreadedServices services;
        services.documents = services.data = dir;
        services.assets = ND_BENCH_ASSETS_DIR;
        {
            auto store = Store::open(db);
            store->replace_diary(make_generated_diary(100'000, 20260921u, services.clock));
            store->set_setting("ui.first_run_done", "1");
        }
        {
            HeadlessApp h(services, db);
            AppState& s = h.app.state();
            auto frame = [&] { return h.frame(); };
            const auto t0 = std::chrono::steady_clock::now();
            s.refresh();   // the reload as it ran on the UI thread before
            const double inline_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            std::printf("A change by another process at 100k episodes, reloaded on a worker:\n");
            std::printf("  %-34s %9.1f ms   (what a frame waited before)\n", "the reload on the UI thread", inline_ms);
            // On the Log page (it draws nothing of the past), and on the Diary page,
            // whose rows are rebuilt on the frame after any change (view_diary.cpp:
            // the "incremental after a change", not this reload).
            int minute = 1;
            for (const Page page : {Page::Log, Page::Diary}) {
                s.page = page;
                for (int i = 0; i < 5; ++i) frame();
                const std::size_t before = s.diary.episodes.size();
                {
                    Episode e;
                    e.start = {services.clock - 60 * minute++, services.offset_min};
                    e.regions = {{Region::Toes, Side::Left}};
                    e.numbness = 3;
                    Store::open(db, OpenCheck::Deferred)->add_episode(e);   // "the CLI"
                }
                double longest = 0, longest_before_swap = 0;
                int frames = 0;
                const auto start = std::chrono::steady_clock::now();
                while (s.diary.episodes.size() == before &&
                       std::chrono::steady_clock::now() - start < std::chrono::seconds(60)) {
                    const double f = frame();
                    longest = std::max(longest, f);
                    if (s.diary.episodes.size() == before) longest_before_swap = std::max(longest_before_swap, f);
                    ++frames;
                    std::this_thread::sleep_for(std::chrono::milliseconds(16));
                }
                const double swapped_ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
                const double after = frame();   // the first frame drawing the new diary
                const char* name = page == Page::Log ? "Log page" : "Diary page";
                std::printf("  %-34s %9.1f ms   (%d frames; swapped in: %s)\n",
                            (std::string(name) + ": seen and swapped in after").c_str(), swapped_ms, frames,
                            s.diary.episodes.size() > before ? "yes" : "NO");
                std::printf("  %-34s %9.1f ms   target <= 50 ms   %s\n",
                            (std::string(name) + ": longest frame while read").c_str(), longest_before_swap,
                            longest_before_swap <= 50 ? "met" : "MISSED");
                std::printf("  %-34s %9.1f ms   (the swap's frame; the frame after: %.1f ms)\n",
                            (std::string(name) + ": frame that swapped it in").c_str(), longest, after);
            }
        }
        std::error_code ec;
        fs::remove_all(dir, ec);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench --frames-during-reload: %s\n", e.what());
        return 1;
    }
}
