// DiaryAnalysis where there is no worker thread (the web build; issue 19): the Diary
// page's red-flag marks and the Patterns page's figures kept up to date on the UI
// thread without ever costing a frame more than a slice of work.
//
// - After a single change the figures are updated for that record: the period's
//   counts (weeks, days, places, feelings, ratings, hours) lose the episode as it was
//   and gain it as it is now, and the red flags are judged again only from the
//   earlier of its start before and after (a flag reads only earlier episodes).
// - Whole-diary work (the first visit, a diary read again, another period or day,
//   a change far back in a long diary) is done in slices of at most `budget`
//   episodes a frame, resumed the next frame; the views show the figures they had,
//   with their "being updated" line, until it is done.
//
// The figures end identical to compute_pattern_stats() and red_flag_episode_ids()
// over the same diary (tests/app/diary_steps_test.cpp), for every field the pages
// read (PatternStats says which).
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pattern_figures.hpp"
#include "red_flag_walk.hpp"
#include "red_flags.hpp"

namespace nd::app {

struct AppState;

// What the Patterns figures read of one live episode (kept per id, so that a change
// can take the episode back out of the counts as it was before).
struct EpisodeGist {
    LocalTime start;
    std::int64_t day = 0;                 // local day number
    int minute = 0;                       // local minute of the day
    std::int16_t numbness = kNotRated, pain = kNotRated;
    static constexpr std::int16_t kNotRated = INT16_MIN;
    std::uint32_t left = 0, right = 0, middle = 0;   // region bits by side
    std::uint64_t sensations = 0, activities = 0;    // bits by enum value
};
EpisodeGist gist_of(const Episode& e);

// The counts of one period, episode by episode (added and taken away again).
class PeriodTally {
public:
    PeriodTally() = default;
    PeriodTally(PatternPeriod period, const LocalDate& today);
    void add(const EpisodeGist& g, int sign);   // +1: counts it, -1: takes it away
    bool in_period(const EpisodeGist& g) const { return g.day >= from_day_ && g.day <= to_day_; }
    // The page's figures, with the red flags (newest first, their starts) and the diary's
    // check-ins in Diary order (the start of "All" is the first episode or check-in).
    PatternStats figures(const std::vector<RedFlag>& flags, const std::vector<LocalTime>& starts,
                         const std::vector<CheckIn>& checkins) const;
    PatternPeriod period() const { return period_; }
    std::int64_t from_day() const { return from_day_; }   // INT64_MIN: "All"
    const LocalDate& today() const { return today_; }

private:
    struct Week {
        int episodes = 0;
        std::int64_t numb_sum = 0, pain_sum = 0;
        int numb_n = 0, pain_n = 0;
    };
    PatternPeriod period_{};
    LocalDate today_;
    LocalDate from_;                      // empty: "All"
    std::int64_t from_day_ = INT64_MIN, to_day_ = INT64_MAX;
    int episodes_ = 0;
    std::map<std::int64_t, int> days_;    // local day -> episodes
    // Every week from the first Monday counted on, in order (weeks_first_ + 7 * index), empty
    // ones included: the page's "All" at 100k walks about 4,800 weeks after every change, and a
    // flat list costs a tenth of what a map of them did. Times are kept within 1900..2199, so
    // at most about 15,700 weeks (0.5 MB).
    std::vector<Week> weeks_;
    std::int64_t weeks_first_ = 0;
    Week& week_at(std::int64_t monday);
    std::array<int, 24> hours_{};
    std::array<std::array<int, 3>, 32> regions_{};   // left, right, middle by region
    std::array<int, 64> sensations_{}, activities_{};
    std::map<int, int> numbness_, pain_;  // rating -> how many episodes were given it
    mutable std::vector<LocalDate> week_names_;   // the Mondays from week_names_first_, formatted
    mutable std::int64_t week_names_first_ = INT64_MIN;
};

class DiarySteps {
public:
    // Brings the figures toward s's revision with at most `budget` episodes' work
    // (a single change: its record and the red flags after it, at once). Returns
    // whether it did any work.
    bool step(const AppState& s, std::size_t budget);
    void want_patterns(PatternPeriod period, const LocalDate& today);
    // Another page (the Diary) asks: the period's counts are kept up to date (a change
    // costs them little) but their figures are no longer made after each change.
    void drop_patterns_ask() { ask_.reset(); }
    // Work left (the figures are not yet those of s's revision and what was asked).
    bool busy(const AppState& s) const;
    std::shared_ptr<const FlaggedIds> flagged() const { return flagged_; }
    std::shared_ptr<const PatternStats> patterns() const { return patterns_; }
    // Tests: how many times the whole diary was started over (not a record's change).
    std::uint64_t full_passes() const { return full_passes_; }

private:
    void start_over(const AppState& s);
    void take_changes(const AppState& s);
    void publish(const AppState& s);

    // Every live episode's gist by id (the shape of the counts before a change).
    std::unordered_map<std::string, EpisodeGist> gists_;
    bool gists_ready_ = false;
    std::size_t gists_next_ = 0;          // index into s.diary.episodes while reading them
    std::uint64_t revision_ = ~0ull;      // the revision taken in (gists, counts, flag entries)

    // Each flagged episode's flags, in Diary order (start, id).
    std::map<std::pair<std::int64_t, std::string>, std::pair<LocalTime, std::vector<RedFlag>>> flags_;
    std::optional<std::int64_t> walk_from_;   // red flags still to judge from here on
    std::unique_ptr<RedFlagWalk> walk_;       // of s.diary at revision_

    std::optional<PeriodTally> tally_;    // of ask_; complete when tally_ready_
    bool tally_ready_ = false;
    std::size_t tally_next_ = 0;          // index into s.diary.episodes while counting them
    std::optional<std::pair<PatternPeriod, LocalDate>> ask_;

    std::shared_ptr<const FlaggedIds> flagged_;
    std::shared_ptr<const PatternStats> patterns_;
    std::uint64_t full_passes_ = 0;
};

}  // namespace nd::app
