// What the body map (body_map.hpp) remembers between frames: its shapes, loaded once,
// the view a phone shows, and where each region was drawn in the last frame. One for
// the app (PageStates::body_map), shared by the Log page and the Diary's editor, which
// draw the same map; tests tap the regions through `hits`.
#pragma once

#include <cstdint>
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

// The body map's shapes (assets/body_map/legs.json), loaded on first use, with each
// region's polygon cut into triangles (indices into its points) for filling.
struct BodyMapShapes {
    bool tried = false;
    std::string error;                                   // shown in place of the map
    BodyOutline outline;
    std::vector<std::vector<std::vector<int>>> triangles;   // [view][region] -> 3 indices a triangle
};

struct BodyMapUi {
    BodyView view = BodyView::Soles;   // phone: one view at a time; the feet first (most episodes)
    std::vector<RegionHit> hits;       // filled by the body map each frame (tests tap these)
    BodyMapShapes shapes;
};

}  // namespace nd::app
