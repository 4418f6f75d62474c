#include "diary_analysis.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <imgui.h>

#include "app_state.hpp"
#include "diary_copy.hpp"
#include "diary_steps.hpp"
#include "matching.hpp"
#include "patterns_page_state.hpp"
#include "time_util.hpp"

namespace nd::app {

namespace {

// One step for the engine's copy: the whole diary, or one record as it is now.
struct Delta {
    std::shared_ptr<Diary> whole;
    RecordType type = RecordType::Unknown;
    std::string id;
    std::optional<Episode> episode;        // Episode: its state now (none: gone)
    std::vector<CheckIn> checkins;         // CheckIn: the list (a put may replace a date's)
    std::vector<BackgroundFact> facts;
    std::vector<Medicine> medicines;
    Profile profile;
};

void apply(Diary& d, Delta& delta) {
    if (delta.whole) {
        d = std::move(*delta.whole);
        return;
    }
    switch (delta.type) {
        case RecordType::Episode: {
            auto& v = d.episodes;
            const auto it = std::find_if(v.begin(), v.end(), [&](const Episode& e) { return e.id == delta.id; });
            if (it != v.end()) v.erase(it);
            if (delta.episode) v.insert(std::lower_bound(v.begin(), v.end(), *delta.episode, episode_less), std::move(*delta.episode));
            break;
        }
        case RecordType::CheckIn: d.checkins = std::move(delta.checkins); break;
        case RecordType::Fact: d.facts = std::move(delta.facts); break;
        case RecordType::Medicine: d.medicines = std::move(delta.medicines); break;
        case RecordType::Profile: d.profile = std::move(delta.profile); break;
        case RecordType::Unknown: break;
    }
}

// True the first time it is asked in an ImGui frame (without an ImGui context, e.g. a
// bare AppState in a test: every time), and notes the frame in `last`: the work a
// frame does a slice of is done once however many rows or pages ask.
bool first_ask_this_frame(int& last) {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : -1;
    if (frame >= 0 && frame == last) return false;
    last = frame;
    return true;
}

struct PatternsAsk {
    PatternPeriod period{};
    LocalDate today;
    bool operator==(const PatternsAsk&) const = default;
};

}  // namespace

PatternStats compute_pattern_stats(const Diary& diary, PatternPeriod period, const LocalDate& today) {
    PatternStats st;
    st.period = period;
    st.today = today;
    ReportOptions opt;
    const auto t = days_since_epoch(today);
    const int days = period == PatternPeriod::Days30 ? 30 : period == PatternPeriod::Days90 ? 90
                     : period == PatternPeriod::Year ? 365 : 0;
    if (days && t) opt.from = date_from_days(*t - days + 1);
    opt.to = today;
    opt.sections = kSectionPerWeek | kSectionBodyMap | kSectionSensations | kSectionSeverity;
    // The report reads the red flags (and nothing else) from a match; they are the
    // whole diary's, as nd::match finds them (scan_red_flags), without ranking causes.
    MatchResult m;
    scan_red_flags(diary, m.red_flags, m.familiar_spreads);
    st.report = build_report(diary, m, opt);
    st.red_flag_groups = group_red_flags(m.red_flags, diary);
    st.red_flag_starts = flag_starts(m.red_flags, diary);
    st.red_flags = std::move(m.red_flags);
    const auto& weeks = st.report.per_week;
    std::vector<double> numb(weeks.size(), 0), pain(weeks.size(), 0);
    std::vector<int> n(weeks.size(), 0), np(weeks.size(), 0);
    const std::int64_t first_monday = weeks.empty() ? -1 : days_since_epoch(weeks.front().week_start).value_or(-1);
    for (const SeverityPoint& sp : st.report.severity) {
        const int hour = std::clamp(sp.minute_of_day / 60, 0, 23);
        ++st.hours[static_cast<std::size_t>(hour)];
        ++st.bands[static_cast<std::size_t>(hour / 6)];
        if (first_monday < 0 || sp.local_day < first_monday) continue;
        const auto w = static_cast<std::size_t>((sp.local_day - first_monday) / 7);
        if (w >= weeks.size()) continue;
        // Averages of the rated episodes only: "not rated" is unknown, not 0.
        if (sp.numbness) numb[w] += *sp.numbness, ++n[w];
        if (sp.pain) pain[w] += *sp.pain, ++np[w];
    }
    st.week_numbness.assign(weeks.size(), -1);
    st.week_pain.assign(weeks.size(), -1);
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        if (n[i]) st.week_numbness[i] = numb[i] / n[i];
        if (np[i]) st.week_pain[i] = pain[i] / np[i];
    }
    return st;
}

// Everything the worker touches. The UI thread only queues deltas and asks, under
// `mu`; the diary copy belongs to whoever runs process() (the worker, or the caller
// when there is none).
struct DiaryAnalysis::Core {
    mutable std::mutex mu;
    mutable std::condition_variable cv;
    std::vector<Delta> queued;
    std::uint64_t queued_revision = 0;     // the revision the copy reaches with `queued` applied
    bool copy_sent = false;                // a whole diary was queued once (the copy starts empty)
    bool want_flags = false;
    std::optional<PatternsAsk> want_patterns;
    bool want_match = false;
    std::shared_ptr<const Catalog> catalog;   // the catalog the match uses (copied when it changes)
    bool held = false;                     // tests: leave the asked figures until released
    bool stop = false;
    bool running = false;                  // the worker is computing
    std::shared_ptr<const FlaggedIds> flags;
    std::shared_ptr<const PatternStats> patterns;
    std::shared_ptr<const MatchFigures> match;

    Diary copy;                            // process() only
    std::uint64_t copy_revision = ~0ull;

    // Work left for the asked figures (under mu).
    bool has_work() const {
        if (held || !copy_sent) return false;   // nothing to compute from before the first copy arrives
        if (!queued.empty()) return true;
        if (want_match && catalog && (!match || match->revision != queued_revision)) return true;
        if (want_flags && (!flags || flags->revision != queued_revision)) return true;
        if (want_patterns && (!patterns || patterns->revision != queued_revision || patterns->period != want_patterns->period ||
                              patterns->today != want_patterns->today))
            return true;
        return false;
    }

    // A page's ask: `want` marks what it needs (under mu); then the engine makes it here
    // without a worker, or the worker wakes. Returns the latest of those figures, current or not.
    template <class Figures, class Want>
    std::shared_ptr<const Figures> ask(bool here, Want want, std::shared_ptr<const Figures> Core::*latest) {
        std::unique_lock<std::mutex> lock(mu);
        want();
        if (here) process(lock);
        else cv.notify_all();
        return this->*latest;
    }

    // Applies what is queued and computes what is asked; `lock` holds mu on entry and exit.
    void process(std::unique_lock<std::mutex>& lock) {
        while (has_work()) {
            std::vector<Delta> deltas = std::move(queued);
            queued.clear();
            const std::uint64_t rev = queued_revision;
            const bool do_flags = want_flags && (!flags || flags->revision != rev);
            std::optional<PatternsAsk> ask = want_patterns;
            if (ask && patterns && patterns->revision == rev && patterns->period == ask->period && patterns->today == ask->today)
                ask.reset();
            const bool do_match = want_match && catalog && (!match || match->revision != rev);
            const std::shared_ptr<const Catalog> cat = catalog;
            running = true;
            lock.unlock();
            for (Delta& d : deltas) apply(copy, d);
            copy_revision = rev;
            std::shared_ptr<FlaggedIds> f;
            if (do_flags) {
                f = std::make_shared<FlaggedIds>();
                f->revision = rev;
                f->ids = red_flag_episode_ids(copy);
            }
            std::shared_ptr<PatternStats> p;
            if (ask) {
                p = std::make_shared<PatternStats>(compute_pattern_stats(copy, ask->period, ask->today));
                p->revision = rev;
            }
            std::shared_ptr<MatchFigures> m;
            if (do_match) {
                m = std::make_shared<MatchFigures>(compute_match_figures(*cat, copy));
                m->revision = rev;
            }
            lock.lock();
            running = false;
            if (f) flags = std::move(f);
            if (p) patterns = std::move(p);
            if (m) match = std::move(m);
            cv.notify_all();
            if (stop) return;
        }
    }
};

namespace {
void worker_loop(std::shared_ptr<DiaryAnalysis::Core> core) {
    std::unique_lock<std::mutex> lock(core->mu);
    for (;;) {
        core->cv.wait(lock, [&] { return core->stop || core->has_work(); });
        if (core->stop) return;
        core->process(lock);
    }
}
}  // namespace

DiaryAnalysis::DiaryAnalysis(bool background) : core_(std::make_shared<Core>()) {
    background_ = background;
    if (background) std::thread(worker_loop, core_).detach();   // it holds the core; ends on stop
}

DiaryAnalysis::~DiaryAnalysis() {
    std::lock_guard<std::mutex> lock(core_->mu);
    core_->stop = true;
    core_->cv.notify_all();
}

bool record_changes_since(const AppState& s, std::uint64_t since, std::vector<const DiaryChange*>& out) {
    out.clear();
    if (since == s.revision) return true;
    if (s.changes.empty() || s.changes.back().revision != s.revision) return false;
    std::uint64_t expect = since + 1;
    for (const DiaryChange& c : s.changes) {
        if (c.revision <= since) continue;
        if (c.revision != expect++ || c.what == DiaryChange::What::Everything) return false;
        if (c.what == DiaryChange::What::Record) out.push_back(&c);
    }
    return expect == s.revision + 1;
}

void DiaryAnalysis::sync(AppState& s) {
    if (synced_ == s.revision) return;
    // Changes since synced_: a record each, unless the log does not reach back (then
    // the whole diary, as after it was read again).
    std::vector<const DiaryChange*> steps;
    const bool whole = synced_ == ~0ull || !record_changes_since(s, synced_, steps);
    std::vector<Delta> deltas;
    if (whole) {
        // The whole diary, a slice a frame (diary_copy.hpp: 100k at once stalled a frame for
        // 40-60 ms); a change meanwhile starts the copy over. Until it is whole, nothing is
        // sent and the pages show the figures they have.
        if (!copy_ || copy_revision_ != s.revision) {
            copy_ = std::make_unique<DiaryCopy>();
            copy_revision_ = s.revision;
            copied_frame_ = -1;
        }
        if (!first_ask_this_frame(copied_frame_)) return;
        if (!copy_->step(s.diary, step_budget_)) return;
        Delta d;
        d.whole = copy_->take();
        copy_.reset();
        deltas.push_back(std::move(d));
        ++full_copies_;
    } else {
        copy_.reset();   // a copy under way for an older revision (the log reaches back past it)
        for (const DiaryChange* c : steps) {
            Delta d;
            d.type = c->type;
            d.id = c->id;
            switch (c->type) {
                case RecordType::Episode:
                    if (const std::size_t i = s.episode_index(c->id); i < s.diary.episodes.size()) d.episode = s.diary.episodes[i];
                    break;
                case RecordType::CheckIn: d.checkins = s.diary.checkins; break;
                case RecordType::Fact: d.facts = s.diary.facts; break;
                case RecordType::Medicine: d.medicines = s.diary.medicines; break;
                case RecordType::Profile: d.profile = s.diary.profile; break;
                case RecordType::Unknown: break;
            }
            deltas.push_back(std::move(d));
        }
    }
    synced_ = s.revision;
    std::shared_ptr<const Catalog> catalog;
    if (catalog_synced_ != s.catalog_revision) {   // rare: the catalog was (re)loaded
        catalog = std::make_shared<const Catalog>(s.catalog);
        catalog_synced_ = s.catalog_revision;
    }
    std::lock_guard<std::mutex> lock(core_->mu);
    if (catalog) core_->catalog = std::move(catalog);
    if (whole) {
        core_->queued.clear();   // the copy replaces whatever was queued
        core_->copy_sent = true;
    }
    for (Delta& d : deltas) core_->queued.push_back(std::move(d));
    core_->queued_revision = s.revision;
    core_->cv.notify_all();
}

DiarySteps& DiaryAnalysis::steps(AppState& s) {
    if (!steps_) steps_ = std::make_unique<DiarySteps>();
    // One slice a frame, however many rows ask (without an ImGui context, e.g. a bare
    // AppState in a test: every call is one).
    if (first_ask_this_frame(stepped_frame_)) {
        if (steps_->step(s, step_budget_)) ++steps_taken_;
        steps_behind_ = steps_->busy(s);
    }
    return *steps_;
}

std::uint64_t DiaryAnalysis::full_copies() const { return full_copies_ + (steps_ ? steps_->full_passes() : 0); }

std::shared_ptr<const FlaggedIds> DiaryAnalysis::flagged(AppState& s) {
    if (!background_) {
        if (steps_) steps_->drop_patterns_ask();   // the Diary page: no Patterns figures to make meanwhile
        return steps(s).flagged();
    }
    sync(s);
    return core_->ask(!background_, [&] { core_->want_flags = true; }, &Core::flags);
}

std::shared_ptr<const PatternStats> DiaryAnalysis::patterns(AppState& s, PatternPeriod period, const LocalDate& today) {
    if (!background_) {
        if (!steps_) steps_ = std::make_unique<DiarySteps>();
        steps_->want_patterns(period, today);
        return steps(s).patterns();
    }
    sync(s);
    return core_->ask(!background_, [&] { core_->want_patterns = PatternsAsk{period, today}; }, &Core::patterns);
}

std::shared_ptr<const MatchFigures> DiaryAnalysis::match(AppState& s) {
    if (!background_) return match_in_steps(s);
    sync(s);
    return core_->ask(!background_, [&] { core_->want_match = true; }, &Core::match);
}

// Without a worker: one slice a frame of the match of s.diary as it is (no copy of the
// diary: a change bumps s.revision, and the match is started over before any step
// reads the changed diary). At most step_budget() units of work a frame, so a diary of
// a few hundred episodes is matched within the frame that asks, and 100k over about a
// second of frames, showing the previous match meanwhile.
std::shared_ptr<const MatchFigures> DiaryAnalysis::match_in_steps(AppState& s) {
    if (!first_ask_this_frame(match_frame_)) return stepped_match_;
    const bool current = stepped_match_ && stepped_match_->revision == s.revision &&
                         match_steps_catalog_ == s.catalog_revision;
    if (current) return stepped_match_;
    {
        std::lock_guard<std::mutex> lock(core_->mu);
        if (core_->held) return stepped_match_;   // tests: as a worker that lags
    }
    if (!match_steps_ || match_steps_revision_ != s.revision || match_steps_catalog_ != s.catalog_revision) {
        match_steps_ = std::make_unique<MatchSteps>(s.catalog, s.diary);
        match_steps_revision_ = s.revision;
        match_steps_catalog_ = s.catalog_revision;
    }
    const std::size_t budget = std::max<std::size_t>(1, step_budget_);
    const std::size_t start = match_steps_->work_done();
    while (!match_steps_->done() && match_steps_->work_done() - start < budget)
        match_steps_->step(budget - (match_steps_->work_done() - start));
    ++steps_taken_;
    if (match_steps_->done()) {
        auto figures = std::make_shared<MatchFigures>(match_figures_of(match_steps_->take(), s));
        figures->revision = match_steps_revision_;
        stepped_match_ = std::move(figures);
        match_steps_.reset();
    }
    return stepped_match_;
}

std::shared_ptr<const MatchFigures> DiaryAnalysis::latest_match() const {
    if (!background_) return stepped_match_;
    std::lock_guard<std::mutex> lock(core_->mu);
    return core_->match;
}

void DiaryAnalysis::hold(bool held) {
    std::lock_guard<std::mutex> lock(core_->mu);
    core_->held = held;
    core_->cv.notify_all();
}

bool DiaryAnalysis::busy() const {
    if (steps_behind_ || match_steps_) return true;   // without a worker: as of the last frame's slice
    if (copy_) return true;                           // the worker's copy of the diary, a slice a frame
    std::lock_guard<std::mutex> lock(core_->mu);
    return core_->running || core_->has_work();
}

void DiaryAnalysis::wait_idle() const {
    std::unique_lock<std::mutex> lock(core_->mu);
    if (!background_) return;
    core_->cv.wait(lock, [&] { return !core_->running && !core_->has_work(); });
}

DiaryAnalysis& analysis(AppState& s) {
    if (!s.analysis) s.analysis = std::make_shared<DiaryAnalysis>(s.services && s.services->threads_available());
    return *s.analysis;
}

}  // namespace nd::app
