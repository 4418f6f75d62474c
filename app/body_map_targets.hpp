// Tap areas for the body map's regions, at least a touch target in each
// direction (44 px times the UI scale) where the drawn region is smaller.
//
// A region's drawn band can be far smaller than a finger: at a phone's width the
// front view's ankles are about 11x25 px, the toes 33 px tall. The tap area of
// each region starts as its bounding box and is then laid out again:
//  - vertically, the bands of one leg (hip, thigh, knee, shin, ankles, top of the
//    foot, toes; a band across both legs such as the lower back counts too) keep
//    their order and touch, each at least the minimum tall: small bands borrow
//    from big neighbours (thigh, shin) and the ends may reach past the drawing.
//    The boundaries move as little as possible (least squares, through isotonic
//    regression), so each band's drawn middle stays inside its own tap area;
//  - horizontally, two regions side by side in one band (outer and inner ankle)
//    grow outward from the edge they share; a lone narrow one grows about its
//    middle; a region in the middle (between the legs) grows about its middle and
//    the legs' areas beside it give way.
// Tap areas never overlap (ImGui would give a tap to whichever came last).
// No ImGui here: the numbers only (tests/app/body_map_targets_test.cpp).
#pragma once

#include <vector>

#include "body_outline.hpp"

namespace nd::app {

struct TargetRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // panel pixels, (0, 0) the drawing's top left
};

// One rectangle per region of `v`, in the same order, for a drawing `w` x `h` px.
std::vector<TargetRect> region_targets(const OutlineView& v, float w, float h, float min_size);

// How tall to draw `v` at width `w`: its own height (w * aspect), or a little
// taller where a narrow drawing would leave its small bands' tap areas off the
// drawing (at 200 px wide the toes' area fell below the drawn toes): the least
// height, in steps of 1%, at which every band's area covers at least half of its
// drawn band and its middle. The legs grow longer, never the tap areas adrift.
float drawing_height(const OutlineView& v, float w, float min_size);

}  // namespace nd::app
