// Frames right after a single change (issue 19), one benchmark per page at 100k
// episodes: each iteration saves one edit through AppState::run (untimed: the save
// is BM_AppSaveEdit), then times the next frame on the UI thread. The time reported
// is that frame's CPU time on the UI thread (the target: <= 2 ms); the counters give
// its wall time and the longest frame (UI-thread CPU) until the worker had the new
// figures ready (the target on Patterns: no frame over 16 ms).
//
// "bg" is the desktop (Services::threads_available(): Patterns figures and the Diary's
// red-flag marks on a worker); "sync" is the web build's fallback (no threads).
#ifdef ND_BENCH_HAVE_APP
#include <benchmark/benchmark.h>
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "app.hpp"
#include "demo_diary.hpp"
#include "diary_analysis.hpp"
#include "undo.hpp"
#include "services.hpp"
#include "store.hpp"
#include "views.hpp"

namespace {

using nd::app::Page;
using nd::app::PatternPeriod;

// The same diary as nd_bench.cpp's 100k one (seed and "now").
constexpr std::int64_t kNow = 1'790'000'000;
constexpr std::uint32_t kSeed = 20260921u;

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

class ChangeServices : public nd::app::FakeServices {
public:
    explicit ChangeServices(bool bg) {
        assets = ND_BENCH_ASSETS_DIR;
        clock = kNow;
        threads = bg;
        data = documents = std::filesystem::temp_directory_path().string();
    }
    std::string font_file(const std::string& name) override {
        const std::string p = name == "fontawesome" ? std::string(ND_BENCH_FONT_FILE_AWESOME)
                                                    : std::string(ND_BENCH_FONT_DIR_DEJAVU) + "/" + name;
        return std::filesystem::exists(p) ? p : std::string();
    }
};

const nd::Diary& diary_100k() {
    static const nd::Diary d = nd::make_generated_diary(100'000, kSeed, kNow);
    return d;
}

struct ChangeApp {
    ChangeServices services;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<nd::app::App> app;
    ChangeApp(bool bg, float w, float h) : services(bg) {
        ctx = ImGui::CreateContext();
        ImGui::SetCurrentContext(ctx);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(w, h);
        io.DeltaTime = 1.0f / 60.0f;
        app = std::make_unique<nd::app::App>(services);
        auto store = nd::Store::open_in_memory();
        store->replace_diary(diary_100k());
        store->set_setting("ui.first_run_done", "1");
        app->use_store(std::move(store));
        app->on_start(1.0f);
        app->rebuild_fonts();
    }
    ~ChangeApp() {
        app.reset();
        ImGui::DestroyContext(ctx);
    }
    void frame() {
        ImGui::NewFrame();
        app->frame();
        ImGui::Render();
    }
    // Frames until the page's figures are current (the worker idle), at most ~10 s.
    double settle() {
        double longest = 0;
        for (int i = 0; i < 2000; ++i) {
            const double t0 = thread_cpu_seconds();
            frame();
            longest = std::max(longest, thread_cpu_seconds() - t0);
            nd::app::AppState& s = app->state();
            if (i >= 2 && (!s.analysis || !s.analysis->busy())) {
                frame();   // the frame that takes the new figures
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return longest;
    }
};

// One app per (background, width): made once, shared by the pages.
ChangeApp& change_app(bool bg, bool phone) {
    static std::unique_ptr<ChangeApp> apps[2][2];
    auto& a = apps[bg ? 1 : 0][phone ? 1 : 0];
    if (!a) a = std::make_unique<ChangeApp>(bg, phone ? 390.0f : 1280.0f, phone ? 844.0f : 800.0f);
    ImGui::SetCurrentContext(a->ctx);
    return *a;
}

// Which episode each iteration edits; Added: a new episode logged (the most common change),
// then moved to the bin, in turn.
enum class Edited { Newest, Middle, Added };

template <Page P, PatternPeriod Period = PatternPeriod::Days90, bool Background = true, bool Phone = false,
          Edited Which = Edited::Newest>
void BM_FrameAfterChange(benchmark::State& state) {
    ChangeApp& h = change_app(Background, Phone);
    nd::app::AppState& s = h.app->state();
    h.app->go_to(P);
    h.app->pages().patterns.period = Period;
    // The page's first visit (or this period's): without a worker, its whole-diary work
    // in slices; the longest of those frames.
    const double first_visit = h.settle();
    // The newest episode: on screen in the Diary and inside every Patterns period. The
    // middle one: every red flag after it judged again (without a worker, over frames).
    const std::size_t newest = Which == Edited::Newest ? s.episodes_newest_first.front()
                                                        : s.episodes_newest_first[s.episodes_newest_first.size() / 2];
    const std::string id = s.diary.episodes[newest].id;
    int flip = 0;
    double longest = 0, wall_total = 0;
    std::string added_id;
    for (auto _ : state) {
        const auto it = std::find_if(s.diary.episodes.begin(), s.diary.episodes.end(),
                                     [&](const nd::Episode& e) { return e.id == (added_id.empty() ? id : added_id); });
        const nd::Episode before = *it;
        nd::Episode after = before;
        after.numbness = (flip ^= 1) ? 6 : 4;
        bool ok = false;
        if (Which != Edited::Added) {
            ok = s.run(nd::app::edit_episode_command(before, after));
        } else if (flip) {   // logged a minute after the newest, as on the Log page
            nd::Episode e = s.diary.episodes[s.episodes_newest_first.front()];
            e.id.clear();
            e.start.utc += 60;
            nd::Episode stored;
            ok = s.run(nd::app::add_episode_command(e, &stored));
            added_id = stored.id;
        } else {
            ok = s.run(nd::app::delete_episode_command(before));
            added_id.clear();
        }
        if (!ok) state.SkipWithError("the change failed");
        const auto w0 = std::chrono::steady_clock::now();
        const double t0 = thread_cpu_seconds();
        h.frame();
        const double cpu = thread_cpu_seconds() - t0;
        wall_total += std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        state.SetIterationTime(cpu);
        longest = std::max({longest, cpu, h.settle()});
    }
    state.counters["wall_ms"] = wall_total * 1e3 / static_cast<double>(state.iterations());
    state.counters["longest_frame_ms"] = longest * 1e3;
    state.counters["full_copies"] = s.analysis ? static_cast<double>(s.analysis->full_copies()) : 0;
    state.counters["first_visit_longest_ms"] = first_visit * 1e3;
}

#define ND_AFTER_CHANGE(name, ...) \
    BENCHMARK(BM_FrameAfterChange<__VA_ARGS__>)->Name("BM_FrameAfterChange/" name)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond)
ND_AFTER_CHANGE("log", Page::Log);
ND_AFTER_CHANGE("diary", Page::Diary);
ND_AFTER_CHANGE("diary_phone", Page::Diary, PatternPeriod::Days90, true, true);
ND_AFTER_CHANGE("patterns_30d", Page::Patterns, PatternPeriod::Days30);
ND_AFTER_CHANGE("patterns_90d", Page::Patterns, PatternPeriod::Days90);
ND_AFTER_CHANGE("patterns_year", Page::Patterns, PatternPeriod::Year);
ND_AFTER_CHANGE("patterns_all", Page::Patterns, PatternPeriod::All);
ND_AFTER_CHANGE("causes", Page::Causes);
// The web build's synchronous fallback (no worker): what a frame costs there.
ND_AFTER_CHANGE("diary_sync", Page::Diary, PatternPeriod::Days90, false);
ND_AFTER_CHANGE("patterns_90d_sync", Page::Patterns, PatternPeriod::Days90, false);
ND_AFTER_CHANGE("patterns_30d_sync", Page::Patterns, PatternPeriod::Days30, false);
ND_AFTER_CHANGE("patterns_year_sync", Page::Patterns, PatternPeriod::Year, false);
ND_AFTER_CHANGE("patterns_all_sync", Page::Patterns, PatternPeriod::All, false);
// The match in slices (MatchSteps): the ranking of the previous revision shown while it is redone.
ND_AFTER_CHANGE("causes_sync", Page::Causes, PatternPeriod::Days90, false);
ND_AFTER_CHANGE("causes_middle_sync", Page::Causes, PatternPeriod::Days90, false, false, Edited::Middle);
// An edit of the episode in the middle of the 100k diary: the red flags of the 50k after
// it are judged again (without a worker: a slice a frame; longest_frame_ms is the target).
ND_AFTER_CHANGE("diary_middle_sync", Page::Diary, PatternPeriod::Days90, false, false, Edited::Middle);
ND_AFTER_CHANGE("patterns_all_middle_sync", Page::Patterns, PatternPeriod::All, false, false, Edited::Middle);
// A new episode logged, then moved to the bin, in turn (rows come and go in the Diary).
ND_AFTER_CHANGE("diary_add", Page::Diary, PatternPeriod::Days90, true, false, Edited::Added);
ND_AFTER_CHANGE("patterns_90d_add", Page::Patterns, PatternPeriod::Days90, true, false, Edited::Added);
ND_AFTER_CHANGE("causes_add", Page::Causes, PatternPeriod::Days90, true, false, Edited::Added);
ND_AFTER_CHANGE("diary_add_sync", Page::Diary, PatternPeriod::Days90, false, false, Edited::Added);
ND_AFTER_CHANGE("patterns_90d_add_sync", Page::Patterns, PatternPeriod::Days90, false, false, Edited::Added);

}  // namespace
#endif
