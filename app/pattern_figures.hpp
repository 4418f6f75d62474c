// The figures DiaryAnalysis hands the pages (diary_analysis.hpp): the Patterns page's
// statistics and the Diary's flagged ids, whichever engine made them (the worker's
// from-scratch computation, or DiarySteps without threads, diary_steps.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model.hpp"
#include "red_flags.hpp"
#include "report_model.hpp"

namespace nd::app {

enum class PatternPeriod : std::uint8_t;   // patterns_page_state.hpp

// What the Patterns page draws for one (revision, period, today).
struct PatternStats {
    std::uint64_t revision = 0;
    PatternPeriod period{};
    LocalDate today;
    ReportModel report;
    std::array<int, 4> bands{};            // night, morning, afternoon, evening
    std::array<int, 24> hours{};
    std::vector<double> week_numbness;     // average per week (matches report.per_week), -1: none
    std::vector<double> week_pain;
    // Without a worker (DiarySteps), `report` holds only what the Patterns page reads:
    // from, to, period_text, days_in_period, episode_count, days_with_episodes,
    // red_flags (all but their `signs`), per_week, regions, sensations, triggers, and
    // the ratings' counts, medians and maxima.
    std::vector<RedFlagGroup> red_flag_groups;   // every red flag of the diary, grouped by reason
    // The same flags ungrouped (newest first) with their episodes' starts: the page makes
    // them current after a change without waiting for the worker (match_figures.hpp).
    std::vector<RedFlag> red_flags;
    std::vector<LocalTime> red_flag_starts;
};

// The ids of the diary's red-flag episodes (sorted), for one revision.
struct FlaggedIds {
    std::uint64_t revision = 0;
    std::vector<std::string> ids;
    bool contains(const std::string& id) const { return std::binary_search(ids.begin(), ids.end(), id); }
};

}  // namespace nd::app
