// The Log page's form as the person fills it in. Kept in AppState (not in function
// statics) so a half-filled form survives page changes and tests can inspect it.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "body_outline.hpp"
#include "model.hpp"

namespace nd::app {

// One tappable area of the body map, as laid out in the last frame (screen pixels).
struct RegionHit {
    RegionMark mark;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float cx() const { return (x0 + x1) * 0.5f; }
    float cy() const { return (y0 + y1) * 0.5f; }
};

enum class BodyView : std::uint8_t { Front, Back, Soles };

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

// The body map's shapes (assets/body_map/legs.json), loaded on first use, with each
// region's polygon cut into triangles (indices into its points) for filling.
struct BodyMapShapes {
    bool tried = false;
    std::string error;                                   // shown in place of the map
    BodyOutline outline;
    std::vector<std::vector<std::vector<int>>> triangles;   // [view][region] -> 3 indices a triangle
};

struct LogUi {
    LogDraft draft;
    std::string saved_note;                 // "Saved ..." shown above the form after Save
    double saved_until = 0;
    bool scroll_to_top = false;             // set by Save: the form goes back to its top
    int last_frame = -10;                   // the frame Log was last drawn (a gap: it was just opened)
    BodyView body_view = BodyView::Soles;   // phone: one view at a time; the feet first (most episodes)
    std::vector<RegionHit> hits;            // filled by the body map each frame (tests tap these)
    BodyMapShapes shapes;
    float column_h[2] = {0, 0};             // wide form: each column's content height, last frame
};

}  // namespace nd::app
