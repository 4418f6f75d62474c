// The Log page's form as the person fills it in. Held by App with the other pages'
// states (PageStates::log, not function statics) so a half-filled form survives page
// changes and tests can inspect it; unlike theirs it survives the diary being replaced
// too (PageStates::reset keeps it). The body map it draws keeps its own state
// (body_map_state.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model.hpp"

namespace nd::app {

// When it began: one of these, never two ("Now" and "A few minutes ago" exclude each other).
enum class Began : std::uint8_t { Now, FewMinutes, Min30, Min60, Picked };

struct LogDraft {
    std::set<RegionMark> marks;        // sides are Left / Right / Middle; merged to Both on save
    std::vector<Sensation> sensations;
    std::optional<int> numbness;       // unset until touched: stored as "not rated"
    std::optional<int> pain;
    std::vector<Activity> activities;
    Began began = Began::Now;
    std::string picked_time;           // "YYYY-MM-DD HH:MM" when began == Picked
    int duration_min = 0;              // 0: not said
    bool still_going = false;
    // "Any of these now?": the two toggles that need a second word (which leg, which of
    // saddle numbness / bladder or bowel) stay open until it is given.
    bool saddle_toggle = false;
    bool leg_weak_toggle = false;
    bool onset_not_sure = false;       // "Did it come on suddenly?" answered "Not sure"
    // More details
    bool details_open = false;
    Onset onset = Onset::Unknown;
    bool spread = false;
    SpreadSpeed spread_speed = SpreadSpeed::Unknown;
    std::vector<Sign> signs;
    std::vector<Relief> reliefs;
    int relief_after_min = 0;          // 0: not said
    TriState worse_at_night = TriState::Unknown;
    int effect_walking = 0, effect_sleep = 0, effect_work = 0;
    std::string note;
    std::string error;                 // why Save did nothing ("Mark where you felt it")
};

struct LogUi {
    LogDraft draft;
    std::string saved_note;                 // "Saved ..." shown above the form after Save
    double saved_until = 0;
    bool scroll_to_top = false;             // set by Save: the form goes back to its top
    int last_frame = -10;                   // the frame Log was last drawn (a gap: it was just opened)
};

}  // namespace nd::app
