// The body map's shapes, read from assets/body_map/legs.json (written by
// tools/body-map-shapes.py). Data, not code: the app draws these polygons and
// uses each region's bounding box as its tap area. No UI here (core).
//
// Convention, every view: the person's left is on the left of the picture (the
// front as when you look down at your own legs, the back from behind, the soles
// from behind and below), so "Left" and "Right" sit under the same leg in all.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "model.hpp"

namespace nd {

struct OutlinePoint {
    float x = 0, y = 0;   // fractions of the panel's width and height (0 at the top)
};

struct OutlineRegion {
    RegionMark mark;                    // side: Left, Right or Middle
    std::vector<OutlinePoint> points;   // a simple polygon (convex or not)
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;   // bounding box (the tap area)
};

struct OutlineView {
    std::string id;        // "front", "back", "soles"
    std::string caption;   // shown above the view
    float aspect = 1;      // height / width
    std::vector<OutlineRegion> regions;
};

struct BodyOutline {
    std::vector<OutlineView> views;   // front, back, soles, in that order
};

struct BodyOutlineError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Strict: unknown fields, unknown regions or sides, a missing view, coordinates
// outside 0..1, fewer than 3 points, a repeated region, a self-intersecting or
// empty polygon, or two tap areas (bounding boxes) of a view overlapping are
// refused with a message naming the place.
BodyOutline load_body_outline_json(const std::string& text);
BodyOutline load_body_outline_file(const std::string& path);

}  // namespace nd
