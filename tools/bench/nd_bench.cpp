// nd_bench: the performance targets of issue 6, measured in one run with Google
// Benchmark. Diaries come from make_generated_diary (1k / 10k / 100k episodes,
// deterministic). Every file lives in a fresh folder under --tmp (default
// $TMPDIR or /tmp), removed at exit.
//
//   nd_bench [--tmp DIR] [google benchmark flags, e.g. --benchmark_filter=Match]
//   nd_bench --make-db PATH N      write a diary file of N generated episodes, exit
//   nd_bench --headless-start PATH PAGE   start the app headless on PATH (no GL),
//                                         draw PAGE, print the peak RSS (VmHWM)
//   nd_bench --first-frame APP [RUNS] / --frames-during-jobs / --frames-during-reload
//                                         ui_wait_bench.cpp
//
// After the benchmarks it prints a "Targets" table: each figure against its
// target (wall-clock time per operation; CPU time beside it, since the machines
// are shared). docs/performance.md explains each measurement.
#include <benchmark/benchmark.h>
#include <malloc.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "atomic_file.hpp"
#include "catalog.hpp"
#include "csv_export.hpp"
#include "demo_diary.hpp"
#include "fhir_export.hpp"
#include "matching.hpp"
#include "report_model.hpp"
#include "store.hpp"
#include "time_util.hpp"

#ifdef ND_BENCH_HAVE_APP
#include <imgui.h>

#include "app.hpp"
#include "fonts.hpp"
#include "services.hpp"
#include "undo.hpp"
#include "views.hpp"
#endif

#ifdef ND_HAVE_PDF
#include "report_pdf.hpp"
#endif

namespace fs = std::filesystem;

namespace {

// The generated diaries end here; the app's clock (FakeServices) says the same.
constexpr std::int64_t kNow = 1'790'000'000;   // 2026-09-21
constexpr std::uint32_t kSeed = 20260921u;

std::string g_tmp_root;   // --tmp
std::string g_dir;        // our folder under it

const std::string& bench_dir() {
    if (g_dir.empty()) {
        std::string root = g_tmp_root;
        if (root.empty()) {
            const char* t = std::getenv("TMPDIR");
            root = t && *t ? t : "/tmp";
        }
        fs::create_directories(root);
        std::string tmpl = root + "/nd-bench-XXXXXX";
        if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot create a folder under " + root);
        g_dir = fs::absolute(tmpl).string();
    }
    return g_dir;
}

std::string bench_file(const std::string& name) { return bench_dir() + "/" + name; }

void remove_db(const std::string& path) {
    for (const char* s : {"", "-wal", "-shm", "-journal"}) fs::remove(path + s);
}

const nd::Diary& diary_of(std::size_t episodes) {
    static std::map<std::size_t, nd::Diary> cache;
    auto it = cache.find(episodes);
    if (it == cache.end()) it = cache.emplace(episodes, nd::make_generated_diary(episodes, kSeed, kNow)).first;
    return it->second;
}

const nd::Catalog& catalog() {
    static const nd::Catalog c = nd::load_catalog_file(std::string(ND_BENCH_ASSETS_DIR) + "/catalog/causes.json");
    return c;
}

// A diary file of `episodes` generated episodes (written once per run).
const std::string& diary_file(std::size_t episodes) {
    static std::map<std::size_t, std::string> files;
    auto it = files.find(episodes);
    if (it != files.end()) return it->second;
    const std::string path = bench_file("diary-" + std::to_string(episodes) + ".sqlite");
    remove_db(path);
    {
        auto store = nd::Store::open(path);
        store->replace_diary(diary_of(episodes));
        store->set_setting("ui.first_run_done", "1");
    }
    return files.emplace(episodes, path).first->second;
}

// ---------------------------------------------------------------------------
// Saving an episode durably: Store::add_episode vs a bare sqlite3 INSERT of the
// same row with the same pragmas, on two files in the same folder, each holding
// the 10k-episode diary first.

constexpr std::size_t kSaveBase = 10'000;

// A typical logged episode (the generated diary's last one, with a new id).
nd::Episode template_episode() {
    nd::Episode e = diary_of(kSaveBase).episodes.back();
    e.id.clear();
    e.start.utc = kNow + 3600;
    e.deleted_utc.reset();
    return e;
}

// Opens a diary file through the Store (schema, WAL), filled with the base diary.
std::string fresh_save_file(const std::string& name) {
    const std::string path = bench_file(name);
    remove_db(path);
    auto store = nd::Store::open(path);
    store->replace_diary(diary_of(kSaveBase));
    return path;
}

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

// The bare baseline: one prepared INSERT of the 26 columns the Store writes for
// the template episode, autocommit (one durable transaction per row), with the
// Store's connection settings: WAL, synchronous=FULL, foreign_keys, secure_delete.
class BareInsert {
public:
    explicit BareInsert(const std::string& path) {
        check(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr), db_, "open");
        check(sqlite3_exec(db_,
                           "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; "
                           "PRAGMA synchronous = FULL;",
                           nullptr, nullptr, nullptr),
              db_, "pragmas");
        // The row exactly as the Store wrote it: add the template once, read it back.
        {
            auto store = nd::Store::open(path + ".row");
            const nd::Episode e = store->add_episode(template_episode());
            sqlite3* src = nullptr;
            check(sqlite3_open_v2((path + ".row").c_str(), &src, SQLITE_OPEN_READONLY, nullptr), src, "open row");
            sqlite3_stmt* q = nullptr;
            check(sqlite3_prepare_v2(src, "SELECT * FROM episodes WHERE id = ?", -1, &q, nullptr), src, "select");
            sqlite3_bind_text(q, 1, e.id.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(q) != SQLITE_ROW) throw std::runtime_error("template row missing");
            cols_ = sqlite3_column_count(q);
            for (int i = 0; i < cols_; ++i) values_.push_back(sqlite3_value_dup(sqlite3_column_value(q, i)));
            sqlite3_finalize(q);
            sqlite3_close_v2(src);
        }
        remove_db(path + ".row");
        std::string sql = "INSERT INTO episodes VALUES (?";
        for (int i = 1; i < cols_; ++i) sql += ",?";
        sql += ")";
        check(sqlite3_prepare_v2(db_, sql.c_str(), -1, &ins_, nullptr), db_, "prepare insert");
    }
    ~BareInsert() {
        for (sqlite3_value* v : values_) sqlite3_value_free(v);
        sqlite3_finalize(ins_);
        sqlite3_close_v2(db_);
    }
    BareInsert(const BareInsert&) = delete;
    BareInsert& operator=(const BareInsert&) = delete;

    void insert(const std::string& id) {
        sqlite3_reset(ins_);
        sqlite3_bind_text(ins_, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        for (int i = 1; i < cols_; ++i) sqlite3_bind_value(ins_, i + 1, values_[static_cast<std::size_t>(i)]);
        if (sqlite3_step(ins_) != SQLITE_DONE) throw std::runtime_error(std::string("insert: ") + sqlite3_errmsg(db_));
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* ins_ = nullptr;
    int cols_ = 0;
    std::vector<sqlite3_value*> values_;
};

void BM_Save_StoreAddEpisode(benchmark::State& state) {
    const std::string path = fresh_save_file("save-store.sqlite");
    auto store = nd::Store::open(path);
    std::mt19937 rng(1);
    const nd::Episode tmpl = template_episode();
    for (auto _ : state) {
        nd::Episode e = tmpl;
        e.id = nd::uuid_from_rng(rng);
        benchmark::DoNotOptimize(store->add_episode(std::move(e)));
    }
    store.reset();
    remove_db(path);
}

void BM_Save_BareSqliteInsert(benchmark::State& state) {
    const std::string path = fresh_save_file("save-bare.sqlite");
    BareInsert bare(path);
    std::mt19937 rng(2);
    for (auto _ : state) bare.insert(nd::uuid_from_rng(rng));
    remove_db(path);
}

// Both, alternating row by row, so the disk's ups and downs (other builds on the
// machine) hit both alike. Reported time: the Store's; counters: both, and the ratio.
void BM_Save_Interleaved(benchmark::State& state) {
    const std::string store_path = fresh_save_file("inter-store.sqlite");
    const std::string bare_path = fresh_save_file("inter-bare.sqlite");
    auto store = nd::Store::open(store_path);
    BareInsert bare(bare_path);
    std::mt19937 rng(3);
    const nd::Episode tmpl = template_episode();
    double store_s = 0, bare_s = 0;
    using clock = std::chrono::steady_clock;
    for (auto _ : state) {
        const std::string id1 = nd::uuid_from_rng(rng), id2 = nd::uuid_from_rng(rng);
        const auto t0 = clock::now();
        bare.insert(id1);
        const auto t1 = clock::now();
        nd::Episode e = tmpl;
        e.id = id2;
        benchmark::DoNotOptimize(store->add_episode(std::move(e)));
        const auto t2 = clock::now();
        bare_s += std::chrono::duration<double>(t1 - t0).count();
        const double st = std::chrono::duration<double>(t2 - t1).count();
        store_s += st;
        state.SetIterationTime(st);
    }
    const double n = static_cast<double>(state.iterations());
    state.counters["bare_us"] = bare_s / n * 1e6;
    state.counters["store_us"] = store_s / n * 1e6;
    state.counters["ratio"] = bare_s > 0 ? store_s / bare_s : 0;
    store.reset();
    remove_db(store_path);
    remove_db(bare_path);
}

BENCHMARK(BM_Save_BareSqliteInsert)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_Save_StoreAddEpisode)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_Save_Interleaved)->Unit(benchmark::kMicrosecond)->MinTime(2.0)->UseManualTime();

// ---------------------------------------------------------------------------
// Matching every cause of the catalog.

void BM_Match(benchmark::State& state) {
    const nd::Diary& d = diary_of(static_cast<std::size_t>(state.range(0)));
    const nd::Catalog& c = catalog();
    for (auto _ : state) benchmark::DoNotOptimize(nd::match(c, d));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Match)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Heap held by what the app keeps in memory for a 100k diary (glibc mallinfo2:
// bytes allocated and not freed): the Diary snapshot, the MatchResult (its
// evidence lines list every supporting episode by index), and the number of those indices.
double heap_mb() { return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0); }

void BM_HeapHeld(benchmark::State& state) {
    const std::size_t n = static_cast<std::size_t>(state.range(0));
    auto store = nd::Store::open(diary_file(n));
    double diary_mb = 0, match_mb = 0;
    std::size_t ids = 0;
    for (auto _ : state) {
        const double h0 = heap_mb();
        const nd::Diary d = store->load_diary();
        const double h1 = heap_mb();
        const nd::MatchResult m = nd::match(catalog(), d);
        const double h2 = heap_mb();
        diary_mb = h1 - h0;
        match_mb = h2 - h1;
        ids = 0;
        for (const nd::CauseMatch& c : m.causes)
            for (const nd::EvidenceLine& l : c.evidence) ids += l.episode_indices.size();
    }
    state.counters["diary_MiB"] = diary_mb;
    state.counters["match_MiB"] = match_mb;
    state.counters["evidence_ids"] = static_cast<double>(ids);
}
BENCHMARK(BM_HeapHeld)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------
// Reading the diary back (what AppState::refresh does after every change).

void BM_LoadDiary(benchmark::State& state) {
    auto store = nd::Store::open(diary_file(static_cast<std::size_t>(state.range(0))));
    for (auto _ : state) benchmark::DoNotOptimize(store->load_diary());
}
BENCHMARK(BM_LoadDiary)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_StoreOpen(benchmark::State& state) {
    const std::string& path = diary_file(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(nd::Store::open(path));
}
BENCHMARK(BM_StoreOpen)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_CatalogLoad(benchmark::State& state) {
    const std::string path = std::string(ND_BENCH_ASSETS_DIR) + "/catalog/causes.json";
    for (auto _ : state) benchmark::DoNotOptimize(nd::load_catalog_file(path));
}
BENCHMARK(BM_CatalogLoad)->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------
// Exports of the 100k diary, and the PDF of one year.

void BM_ExportCsv(benchmark::State& state) {
    const nd::Diary& d = diary_of(static_cast<std::size_t>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string csv = nd::diary_to_csv(d);
        bytes = csv.size();
        benchmark::DoNotOptimize(csv.data());
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_ExportCsv)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Arg 1: the bundle's default, pretty-printed JSON (the app's export); Arg 0: compact.
void BM_ExportFhir(benchmark::State& state) {
    const nd::Diary& d = diary_of(static_cast<std::size_t>(state.range(0)));
    nd::FhirOptions options;
    options.pretty = state.range(1) != 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string json = nd::diary_to_fhir_json(d, options);
        bytes = json.size();
        benchmark::DoNotOptimize(json.data());
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_ExportFhir)->Args({10'000, 1})->Args({100'000, 1})->Args({100'000, 0})->Unit(benchmark::kMillisecond);

// The compact bundle streamed as `export-fhir --compact` writes it (write_fhir_json
// through its 256 KiB buffer), into a sink that only counts: the writer's own cost,
// without the 450 MB string of the in-memory form (its page faults and its free).
void BM_ExportFhirStreamed(benchmark::State& state) {
    struct Counting final : nd::ByteSink {
        std::size_t bytes = 0;
        void write(std::string_view b) override {
            bytes += b.size();
            benchmark::DoNotOptimize(b.data());
        }
    };
    const nd::Diary& d = diary_of(static_cast<std::size_t>(state.range(0)));
    nd::FhirOptions options;
    options.pretty = false;
    std::size_t bytes = 0;
    for (auto _ : state) {
        Counting sink;
        nd::write_fhir_json(sink, d, options);
        bytes = sink.bytes;
    }
    state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}
BENCHMARK(BM_ExportFhirStreamed)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// The report of the last 365 days: restrict, match, build the model, draw the PDF.
// Arg 0: the demo year (make_demo_diary); else the last year of a generated diary
// of that many episodes (about 3 a day, denser than the demo).
nd::Diary report_source(std::int64_t arg) {
    return arg == 0 ? nd::make_demo_diary(kSeed, kNow) : diary_of(static_cast<std::size_t>(arg));
}

nd::ReportModel year_report(const nd::Diary& d) {
    nd::ReportOptions ro;
    const nd::LocalDate today = nd::local_date({kNow, 60});
    ro.to = today;
    ro.from = nd::date_from_days(*nd::days_since_epoch(today) - 364);
    ro.generated_on = today;
    const nd::MatchResult m = nd::match(catalog(), nd::diary_in_range(d, ro.from, ro.to));
    return nd::build_report(d, m, ro);
}

void BM_ReportModelYear(benchmark::State& state) {
    const nd::Diary d = report_source(state.range(0));
    int rows = 0;
    for (auto _ : state) {
        const nd::ReportModel r = year_report(d);
        rows = r.episode_count;
        benchmark::DoNotOptimize(r.rows.data());
    }
    state.counters["episodes"] = rows;
}
BENCHMARK(BM_ReportModelYear)->Arg(0)->Arg(100'000)->Unit(benchmark::kMillisecond);

#ifdef ND_HAVE_PDF
void BM_PdfYear(benchmark::State& state) {
    const nd::Diary d = report_source(state.range(0));
    std::size_t bytes = 0;
    int rows = 0;
    for (auto _ : state) {
        const nd::ReportModel r = year_report(d);
        const std::string pdf = nd::render_report_pdf(r);
        bytes = pdf.size();
        rows = r.episode_count;
        benchmark::DoNotOptimize(pdf.data());
    }
    state.counters["episodes"] = rows;
    state.counters["KB"] = static_cast<double>(bytes) / 1e3;
}
BENCHMARK(BM_PdfYear)->Arg(0)->Arg(100'000)->Unit(benchmark::kMillisecond)->MinTime(2.0);
#endif

#ifdef ND_BENCH_HAVE_APP
// ---------------------------------------------------------------------------
// The app, headless: a Dear ImGui context with a display size and no backend;
// a frame is NewFrame + App::frame + Render (the draw lists are built, nothing
// is sent to a GPU). The diary is the 100k one, in memory.

class BenchServices : public nd::app::FakeServices {
public:
    BenchServices() {
        assets = ND_BENCH_ASSETS_DIR;
        clock = kNow;
        data = bench_dir();
        documents = bench_dir();
    }
    std::string font_file(const std::string& name) override {
        const std::string p = name == "fontawesome" ? std::string(ND_BENCH_FONT_FILE_AWESOME)
                                                    : std::string(ND_BENCH_FONT_DIR_DEJAVU) + "/" + name;
        return fs::exists(p) ? p : std::string();
    }
};

ImGuiContext* new_context(float w, float h) {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGui::SetCurrentContext(ctx);   // CreateContext makes it current only when none is
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.DeltaTime = 1.0f / 60.0f;
    return ctx;
}

void frame(nd::app::App& app) {
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
}

struct HeadlessApp {
    BenchServices services;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<nd::app::App> app;
    HeadlessApp(std::size_t episodes, float w, float h) {
        ctx = new_context(w, h);
        app = std::make_unique<nd::app::App>(services);
        auto store = nd::Store::open_in_memory();
        store->replace_diary(diary_of(episodes));
        store->set_setting("ui.first_run_done", "1");
        app->use_store(std::move(store));
        app->on_start(1.0f);
        app->rebuild_fonts();
        for (int i = 0; i < 3; ++i) frame(*app);
    }
    ~HeadlessApp() {
        app.reset();
        ImGui::DestroyContext(ctx);
    }
    HeadlessApp(const HeadlessApp&) = delete;
    HeadlessApp& operator=(const HeadlessApp&) = delete;
};

HeadlessApp& headless(bool narrow) {
    static std::unique_ptr<HeadlessApp> wide, phone;
    auto& h = narrow ? phone : wide;
    if (!h) h = std::make_unique<HeadlessApp>(100'000, narrow ? 390.0f : 1280.0f, narrow ? 844.0f : 800.0f);
    ImGui::SetCurrentContext(h->ctx);
    return *h;
}

// Arg 0: steady frame (caches valid). Arg 1: the frame right after a change
// (AppState::revision bumped, so the view rebuilds its cached rows / statistics;
// the refresh itself is measured apart, BM_AppRefresh).
template <nd::app::Page P, nd::app::PatternPeriod Period = nd::app::PatternPeriod::Days90, bool Narrow = false>
void BM_Frame(benchmark::State& state) {
    HeadlessApp& h = headless(Narrow);
    nd::app::AppState& s = h.app->state();
    h.app->go_to(P);
    h.app->pages().patterns.period = Period;
    for (int i = 0; i < 3; ++i) frame(*h.app);
    const bool after_change = state.range(0) != 0;
    for (auto _ : state) {
        if (after_change) ++s.revision;
        frame(*h.app);
    }
    state.counters["vertices"] = ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0;
}
using nd::app::Page;
using nd::app::PatternPeriod;
BENCHMARK(BM_Frame<Page::Diary>)->Name("BM_Frame/diary")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame<Page::Patterns>)->Name("BM_Frame/patterns_90d")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame<Page::Patterns, PatternPeriod::Year>)->Name("BM_Frame/patterns_year")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame<Page::Patterns, PatternPeriod::All>)->Name("BM_Frame/patterns_all")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame<Page::Diary, PatternPeriod::Days90, true>)->Name("BM_Frame/diary_phone")->Arg(0)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Frame<Page::Patterns, PatternPeriod::Days90, true>)->Name("BM_Frame/patterns_phone")->Arg(0)->Unit(benchmark::kMillisecond);

// The full refresh: AppState::refresh (reload the whole diary, match again, rebuild the
// index lists). Since the incremental refresh, only import, restore, merge and emptying
// the bin do this; a single saved change is BM_AppSaveEdit.
void BM_AppRefresh(benchmark::State& state) {
    HeadlessApp& h = headless(false);
    for (auto _ : state) h.app->state().refresh();
}
BENCHMARK(BM_AppRefresh)->Unit(benchmark::kMillisecond);

// What saving one edited episode costs the app: AppState::run of an edit command, that
// is the Store's update (an in-memory Store here: no fsync, the durable write is
// BM_Save_*) and AppState::refresh_after (the cached diary patched in place, the index
// lists rebuilt, the match marked or redone as the app does it).
void BM_AppSaveEdit(benchmark::State& state) {
    HeadlessApp& h = headless(false);
    nd::app::AppState& s = h.app->state();
    const nd::Episode picked = s.diary.episodes[s.episodes_newest_first[s.episodes_newest_first.size() / 2]];
    const auto before_in_order = [](const nd::Episode& a, const nd::Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    };
    bool flip = false;
    for (auto _ : state) {
        // Its start does not change: found by binary search, so the loop times the app only.
        const auto it = std::lower_bound(s.diary.episodes.begin(), s.diary.episodes.end(), picked, before_in_order);
        const nd::Episode before = *it;
        nd::Episode after = before;
        after.note = (flip = !flip) ? "edited" : "edited again";
        if (!s.run(nd::app::edit_episode_command(before, after))) state.SkipWithError("the edit failed");
    }
    state.counters["full_reloads"] = static_cast<double>(s.full_reloads);
}
BENCHMARK(BM_AppSaveEdit)->Unit(benchmark::kMillisecond);

// Cold start to the first drawn frame, as platform/main.cpp + shell.cpp do it,
// minus the window and GL: App::open_diary (Store::open with its quick_check,
// load_diary, match), App::on_start (catalog, settings, refresh again), the font
// atlas (DejaVu + FontAwesome rasterised), then one frame of the diary page.
// The database file is in the page cache (warm), as after any recent use.
void BM_ColdStart(benchmark::State& state) {
    const std::string& path = diary_file(static_cast<std::size_t>(state.range(0)));
    BenchServices services;
    for (auto _ : state) {
        ImGuiContext* ctx = new_context(1280, 800);
        {
            nd::app::App app(services);
            app.open_diary(path);
            app.on_start(1.0f);
            app.state().request_page = Page::Diary;
            if (app.fonts_dirty()) app.rebuild_fonts();
            frame(app);
            benchmark::DoNotOptimize(ImGui::GetDrawData());
            state.PauseTiming();   // tear-down is not part of the start
        }
        ImGui::DestroyContext(ctx);
        state.ResumeTiming();
    }
}
BENCHMARK(BM_ColdStart)->Arg(100'000)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_BuildFonts(benchmark::State& state) {
    BenchServices services;
    ImGuiContext* ctx = new_context(1280, 800);
    nd::app::AppState s;
    s.services = &services;
    for (auto _ : state) nd::app::build_fonts(s);
    ImGui::DestroyContext(ctx);
}
BENCHMARK(BM_BuildFonts)->Unit(benchmark::kMillisecond);
#endif

// ---------------------------------------------------------------------------
// Results and the targets table.

struct Figure {
    double real_ms = 0;
    double cpu_ms = 0;
    std::map<std::string, double> counters;
};

// "BM_PdfYear/0/min_time:2.000" -> "BM_PdfYear/0" (MinTime is not part of the figure).
std::string plain_name(std::string name) {
    for (const char* key : {"/min_time:", "/iterations:", "/repeats:"}) {
        for (auto p = name.find(key); p != std::string::npos; p = name.find(key)) {
            const auto end = name.find('/', p + 1);
            name.erase(p, end == std::string::npos ? std::string::npos : end - p);
        }
    }
    return name;
}

class Collector : public benchmark::ConsoleReporter {
public:
    Collector() : ConsoleReporter(OO_Tabular) {}   // no colour codes: the output goes to a results file
    std::map<std::string, Figure> figures;
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.error_occurred) continue;
            const double to_ms = 1e3 / benchmark::GetTimeUnitMultiplier(r.time_unit);
            Figure f{r.GetAdjustedRealTime() * to_ms, r.GetAdjustedCPUTime() * to_ms, {}};
            for (const auto& [k, c] : r.counters) f.counters[k] = c.value;
            figures[plain_name(r.benchmark_name())] = f;
        }
        ConsoleReporter::ReportRuns(runs);
    }
};

struct Target {
    const char* what;
    const char* bench;
    double limit_ms;   // < 0: no target (context)
};

constexpr Target kTargets[] = {
    {"save: Store::add_episode (interleaved)", "BM_Save_Interleaved/manual_time", -1},
    {"match every cause, 1k episodes", "BM_Match/1000", 0.5},
    {"match every cause, 10k episodes", "BM_Match/10000", -1},
    {"match every cause, 100k episodes", "BM_Match/100000", 20},
    {"diary frame, 100k (steady)", "BM_Frame/diary/0", 2},
    {"diary frame, 100k (after a change)", "BM_Frame/diary/1", -1},
    {"patterns frame 90 days, 100k (steady)", "BM_Frame/patterns_90d/0", 2},
    {"patterns frame 90 days (after a change)", "BM_Frame/patterns_90d/1", -1},
    {"patterns frame 1 year, 100k (steady)", "BM_Frame/patterns_year/0", 2},
    {"patterns frame all, 100k (steady)", "BM_Frame/patterns_all/0", 2},
    {"patterns frame all (after a change)", "BM_Frame/patterns_all/1", -1},
    {"diary frame, phone 390x844 (steady)", "BM_Frame/diary_phone/0", 2},
    {"patterns frame, phone (steady)", "BM_Frame/patterns_phone/0", 2},
    {"AppState::refresh, 100k (import/restore)", "BM_AppRefresh", -1},
    {"save one edited episode in the app, 100k", "BM_AppSaveEdit", -1},
    {"cold start to first frame, 100k", "BM_ColdStart/100000", 200},
    {"  of which Store::open (quick_check)", "BM_StoreOpen/100000", -1},
    {"  of which load_diary (x2 at start)", "BM_LoadDiary/100000", -1},
    {"  of which font atlas", "BM_BuildFonts", -1},
    {"  of which catalog", "BM_CatalogLoad", -1},
    {"PDF of one year (demo diary)", "BM_PdfYear/0", 300},
    {"PDF of one year (100k diary's last year)", "BM_PdfYear/100000", 300},
    {"CSV export, 100k", "BM_ExportCsv/100000", 1000},
    {"FHIR export, 100k (pretty, the default)", "BM_ExportFhir/100000/1", 1000},
    {"FHIR export, 100k (compact)", "BM_ExportFhir/100000/0", 1000},
    {"FHIR export, 100k (compact, streamed)", "BM_ExportFhirStreamed/100000", 1000},
};

void print_targets(const Collector& c) {
    std::printf("\nTargets (wall-clock time per operation; CPU time of this thread beside it)\n");
    std::printf("%-44s %12s %12s %10s  %s\n", "figure", "wall ms", "cpu ms", "target", "status");
    for (const Target& t : kTargets) {
        const auto it = c.figures.find(t.bench);
        if (it == c.figures.end()) {
            std::printf("%-44s %12s %12s %10s  %s\n", t.what, "-", "-", "", "not run");
            continue;
        }
        const Figure& f = it->second;
        char limit[32] = "";
        if (t.limit_ms >= 0) std::snprintf(limit, sizeof limit, "<= %g", t.limit_ms);
        // On a shared, loaded machine the wall time waits for other processes: when
        // only the CPU time is within the target, say so rather than call it met.
        const char* status = t.limit_ms < 0              ? ""
                             : f.real_ms <= t.limit_ms   ? "MET"
                             : f.cpu_ms <= t.limit_ms    ? "MET on CPU time only (machine loaded)"
                                                         : "MISSED";
        std::printf("%-44s %12.3f %12.3f %10s  %s\n", t.what, f.real_ms, f.cpu_ms, limit, status);
    }
    const auto inter = c.figures.find("BM_Save_Interleaved/manual_time");
    if (inter != c.figures.end()) {
        const auto& k = inter->second.counters;
        const double ratio = k.count("ratio") ? k.at("ratio") : 0;
        std::printf("%-44s %12.3f %12s %10s  %s\n", "save ratio Store / bare sqlite3 (interleaved)", ratio, "", "<= 1.5",
                    ratio <= 1.5 ? "MET" : "MISSED");
        std::printf("%-44s %12.3f / %.3f ms\n", "  bare insert / Store::add_episode",
                    (k.count("bare_us") ? k.at("bare_us") : 0) / 1e3, (k.count("store_us") ? k.at("store_us") : 0) / 1e3);
    }
    const auto heap = c.figures.find("BM_HeapHeld/100000");
    if (heap != c.figures.end()) {
        const auto& k = heap->second.counters;
        auto get = [&](const char* key) { return k.count(key) ? k.at(key) : 0.0; };
        std::printf("%-44s diary %.1f MiB, match result %.1f MiB (%.0f evidence episode indices)\n",
                    "heap held for a 100k diary", get("diary_MiB"), get("match_MiB"), get("evidence_ids"));
    }
    const auto bare = c.figures.find("BM_Save_BareSqliteInsert"), store = c.figures.find("BM_Save_StoreAddEpisode");
    if (bare != c.figures.end() && store != c.figures.end() && bare->second.real_ms > 0)
        std::printf("%-44s %12.3f %12s %10s  (separate runs: %.3f / %.3f ms)\n", "save ratio, separate runs",
                    store->second.real_ms / bare->second.real_ms, "", "", store->second.real_ms, bare->second.real_ms);
#ifndef ND_HAVE_PDF
    std::printf("(the PDF renderer nd_report_pdf was not built: no PDF figure)\n");
#endif
#ifndef ND_BENCH_HAVE_APP
    std::printf("(the app library nd_app was not built: no frame or cold-start figure)\n");
#endif
}

int make_db(const std::string& path, const std::string& count) {
    try {
        const std::size_t n = static_cast<std::size_t>(std::stoull(count));
        remove_db(path);
        auto store = nd::Store::open(path);
        store->replace_diary(nd::make_generated_diary(n, kSeed, kNow));
        store->set_setting("ui.first_run_done", "1");
        std::printf("wrote %zu episodes to %s\n", n, path.c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench --make-db: %s\n", e.what());
        return 1;
    }
}

#ifdef ND_BENCH_HAVE_APP
// The app's start without a window or GL driver, in a process of its own, so its
// peak resident memory (VmHWM) is the app's share alone: open the diary, catalog,
// fonts, three frames of `page`. tools/bench.sh runs it beside the real app.
int headless_start(const std::string& path, const std::string& page_name) {
    const auto page = nd::app::page_from_name(page_name);
    if (!page) {
        std::fprintf(stderr, "nd_bench --headless-start: unknown page %s\n", page_name.c_str());
        return 2;
    }
    BenchServices services;
    ImGuiContext* ctx = new_context(1280, 800);
    {
        nd::app::App app(services);
        app.open_diary(path);
        app.on_start(1.0f);
        app.state().request_page = *page;
        if (app.fonts_dirty()) app.rebuild_fonts();
        for (int i = 0; i < 3; ++i) frame(app);
    }
    ImGui::DestroyContext(ctx);
    std::FILE* f = std::fopen("/proc/self/status", "r");
    char line[256];
    while (f && std::fgets(line, sizeof line, f))
        if (std::string(line).rfind("VmHWM", 0) == 0) std::fputs(line, stdout);
    if (f) std::fclose(f);
    return 0;
}
#endif

}  // namespace

#ifdef ND_BENCH_HAVE_APP
int nd_bench_first_frame(const std::string& app, int runs);   // ui_wait_bench.cpp
int nd_bench_frames_during_jobs();
int nd_bench_frames_during_reload();
#endif

int main(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--make-db" && i + 2 < argc) return make_db(argv[i + 1], argv[i + 2]);
#ifdef ND_BENCH_HAVE_APP
        if (a == "--headless-start" && i + 2 < argc) return headless_start(argv[i + 1], argv[i + 2]);
        if (a == "--first-frame" && i + 1 < argc) return nd_bench_first_frame(argv[i + 1], i + 2 < argc ? std::atoi(argv[i + 2]) : 5);
        if (a == "--frames-during-jobs") return nd_bench_frames_during_jobs();
        if (a == "--frames-during-reload") return nd_bench_frames_during_reload();
#endif
        if (a == "--tmp" && i + 1 < argc) {
            g_tmp_root = argv[++i];
            continue;
        }
        args.push_back(argv[i]);
    }
    int n = static_cast<int>(args.size());
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 2;
    int rc = 0;
    try {
        benchmark::AddCustomContext("tmp", bench_dir());
        Collector collector;
        benchmark::RunSpecifiedBenchmarks(&collector);
        print_targets(collector);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nd_bench: %s\n", e.what());
        rc = 1;
    }
    benchmark::Shutdown();
    if (!g_dir.empty()) {
        std::error_code ec;
        fs::remove_all(g_dir, ec);
    }
    return rc;
}
