// What the Causes page remembers between frames (view_causes.cpp): the open rows and
// the red flags grouped for the match they were made with.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "red_flags.hpp"

namespace nd::app {

struct CausesPage {
    std::set<std::string> open_causes;        // cause ids shown in full
    std::set<std::string> open_evidence;      // "cause_id#line" keys
    std::uint64_t revision = ~0ull;
    std::uint64_t figures_revision = ~0ull;      // of the match the groups were made with
    std::vector<RedFlagGroup> red_flag_groups;   // the red flags, grouped by reason (count and dates)
};

}  // namespace nd::app
