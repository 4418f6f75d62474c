// Figures about the whole diary that are too heavy to redo on the UI thread after
// every change at 100k episodes (issue 19): the Patterns page's statistics for a
// period (the report model's figures plus the red flags grouped by reason), the
// Diary list's red-flag marks (the ids of the flagged episodes) and the Causes page's
// match (app/match_figures.hpp).
//
// The engine keeps its own copy of the diary. After a change it is sent only the
// record that changed (AppState::changes; a full copy only after the whole diary was
// read again, made a slice a frame: diary_copy.hpp), so what the UI thread pays for a
// single change is one record's copy.
// Where Services::threads_available() is true (the desktop), the figures are computed
// on a worker thread and the views show the previous ones until the new ones are
// ready. Otherwise (the web build, the tests) the red-flag marks and the Patterns
// figures are kept by DiarySteps (diary_steps.hpp) on the calling thread: updated for
// the one record after a change, and whole-diary work done a slice per frame (a diary
// of at most step_budget() episodes is done within the frame that asks), and the match
// (Causes) is made of the diary as it is, a slice per frame (MatchSteps, core/matching.hpp),
// started over after a change while the previous match is shown.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "match_figures.hpp"
#include "model.hpp"
#include "pattern_figures.hpp"
#include "red_flags.hpp"
#include "report_model.hpp"

namespace nd::app {

struct AppState;
struct DiaryChange;
class DiarySteps;
class DiaryCopy;

// The Patterns figures for a period ending `today` (the first day from the period's length).
PatternStats compute_pattern_stats(const Diary& diary, PatternPeriod period, const LocalDate& today);

class DiaryAnalysis {
public:
    explicit DiaryAnalysis(bool background);
    ~DiaryAnalysis();   // a running computation is left to finish on its own (never waited for)
    DiaryAnalysis(const DiaryAnalysis&) = delete;
    DiaryAnalysis& operator=(const DiaryAnalysis&) = delete;

    // The latest flagged ids (current, or while the worker catches up the previous
    // revision's; null before the first are ready).
    std::shared_ptr<const FlaggedIds> flagged(AppState& s);
    // The latest Patterns figures for (period, today), as above; figures for another
    // period or day are returned (marked by their own fields) until the asked ones are ready.
    std::shared_ptr<const PatternStats> patterns(AppState& s, PatternPeriod period, const LocalDate& today);
    // The latest match of s.catalog (the Causes page), as above: current, or the previous
    // revision's while the worker matches again (null before the first is ready).
    std::shared_ptr<const MatchFigures> match(AppState& s);
    // Tests: while held, the worker leaves what is asked for later (the views go on
    // showing the figures they have); released, it catches up.
    void hold(bool held);
    // The latest match made, without asking for one (tests: whether anything asked).
    std::shared_ptr<const MatchFigures> latest_match() const;
    // True while the worker computes figures the views asked for (without a worker:
    // while the slices of the last frame left work for the next).
    bool busy() const;
    // Blocks until the worker is idle (tests and benchmarks). A copy of the diary still
    // under way (busy()) needs frames, not waiting.
    void wait_idle() const;
    // How many whole-diary copies were sent (tests: a single change sends a record only);
    // without a worker, how many times the figures were started over from the whole diary.
    std::uint64_t full_copies() const;
    // Without a worker: the most episodes a frame works through (tests make it small to
    // see the work spread over frames), and how many frames did some of that work. With a
    // worker: the most records of the diary a frame copies for it.
    static constexpr std::size_t kStepBudget = 4096;
    void set_step_budget(std::size_t episodes) { step_budget_ = episodes; }
    std::size_t step_budget() const { return step_budget_; }
    std::uint64_t steps_taken() const { return steps_taken_; }

    struct Core;   // shared with the worker thread (diary_analysis.cpp)

private:
    void sync(AppState& s);   // sends what changed since the last call
    std::shared_ptr<const MatchFigures> match_in_steps(AppState& s);   // without a worker
    DiarySteps& steps(AppState& s);   // without a worker: the engine, stepped once a frame
    std::shared_ptr<Core> core_;
    // With a worker: its whole copy of the diary, made a slice a frame (of s.diary at copy_revision_).
    std::unique_ptr<DiaryCopy> copy_;
    std::uint64_t copy_revision_ = ~0ull;
    int copied_frame_ = -1;
    std::unique_ptr<DiarySteps> steps_;
    std::size_t step_budget_ = kStepBudget;
    int stepped_frame_ = -1;
    std::uint64_t steps_taken_ = 0;
    bool steps_behind_ = false;
    // Without a worker: the match being made (of s.diary at match_steps_revision_, which
    // must not change while it lasts: a change starts it over) and the latest one made.
    std::unique_ptr<MatchSteps> match_steps_;
    std::uint64_t match_steps_revision_ = ~0ull;
    std::uint64_t match_steps_catalog_ = ~0ull;
    int match_frame_ = -1;
    std::shared_ptr<const MatchFigures> stepped_match_;
    bool background_ = false;
    std::uint64_t synced_ = ~0ull;
    std::uint64_t catalog_synced_ = ~0ull;
    std::uint64_t full_copies_ = 0;
};

// record_changes_since (the change log a view catches up from): app_state.hpp.

// The engine of an AppState, made on first use (background work as its Services say).
DiaryAnalysis& analysis(AppState& s);

}  // namespace nd::app
