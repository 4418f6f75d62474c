// What the Patterns page remembers between frames (view_patterns.cpp): the period and
// the figures drawn (app/diary_analysis.hpp computes them).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "red_flags.hpp"

namespace nd::app {

enum class PatternPeriod : std::uint8_t { Days30, Days90, Year, All };

struct PatternStats;   // diary_analysis.hpp

struct PatternsPage {
    PatternPeriod period = PatternPeriod::Days90;
    bool show_numbers = false;
    // The figures drawn: for (revision, period, today), or the latest ones while the
    // worker computes those (app/diary_analysis.hpp).
    std::shared_ptr<const PatternStats> stats;
    // The red flags drawn: the figures' made current for this revision (match_figures.hpp).
    std::uint64_t flags_revision = ~0ull;
    std::uint64_t flags_stats_revision = ~0ull;
    std::vector<RedFlagGroup> red_flag_groups;
};

}  // namespace nd::app
