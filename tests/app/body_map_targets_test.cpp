// The body map's tap areas (app/body_map_targets.*): at least a touch target each
// way at every width a phone or a desktop draws the map at, never overlapping, and
// each region's drawn middle and most of its band inside its own area (a tap on
// the drawing selects what is drawn there), the drawing only a little taller. The shapes are the real ones (assets/body_map/legs.json).
#include <catch2/catch.hpp>

#include <string>

#include "body_map_targets.hpp"
#include "body_outline.hpp"
#include "catalog.hpp"
#include "enum_names.hpp"

using namespace nd;
using namespace nd::app;

namespace {

const BodyOutline& outline() {
    static const BodyOutline o = load_body_outline_file(default_assets_dir() + "/body_map/legs.json");
    return o;
}

std::string name(const OutlineRegion& r) {
    return std::string(enum_id(r.mark.region)) + ":" + std::string(enum_id(r.mark.side));
}

}  // namespace

TEST_CASE("Every body-map tap area is a touch target, none overlap, each holds its drawn middle", "[app][log][bodymap]") {
    const float m = 44.0f;
    // 248 px: the phone's one view at 390x844, 211 at the largest text; about 200
    // the desktop's front and back side by side; 300 the widest phone panel.
    for (const float w : {180.0f, 200.0f, 211.0f, 248.0f, 300.0f}) {
        for (const OutlineView& v : outline().views) {
            const float h = drawing_height(v, w, m);
            // Drawn a little taller where narrow, never much.
            CHECK(h >= w * v.aspect);
            CHECK(h <= w * v.aspect * 1.35f);
            const std::vector<TargetRect> t = region_targets(v, w, h, m);
            REQUIRE(t.size() == v.regions.size());
            for (std::size_t i = 0; i < t.size(); ++i) {
                const OutlineRegion& r = v.regions[i];
                INFO("view " << v.id << " at " << w << " px: " << name(r) << " [" << t[i].x0 << ", " << t[i].y0 << " .. "
                             << t[i].x1 << ", " << t[i].y1 << "]");
                CHECK(t[i].x1 - t[i].x0 >= m - 0.01f);
                CHECK(t[i].y1 - t[i].y0 >= m - 0.01f);
                const float cx = (r.x0 + r.x1) * 0.5f * w, cy = (r.y0 + r.y1) * 0.5f * h;
                CHECK((cx >= t[i].x0 && cx <= t[i].x1 && cy >= t[i].y0 && cy <= t[i].y1));
                // Most of the drawn band is its own: the tap areas do not drift off the drawing.
                const float covered = std::min(r.y1 * h, t[i].y1) - std::max(r.y0 * h, t[i].y0);
                CHECK(covered >= 0.5f * (r.y1 - r.y0) * h - 0.01f);
                for (std::size_t j = i + 1; j < t.size(); ++j) {
                    INFO("and " << name(v.regions[j]));
                    const bool overlap = t[i].x0 < t[j].x1 - 0.01f && t[j].x0 < t[i].x1 - 0.01f &&
                                         t[i].y0 < t[j].y1 - 0.01f && t[j].y0 < t[i].y1 - 0.01f;
                    CHECK_FALSE(overlap);
                }
            }
        }
    }
}

TEST_CASE("Body-map tap areas are the drawn bounding boxes where those are big enough", "[app][log][bodymap]") {
    // A desktop's wide panel: nothing needs to grow, so nothing moves.
    for (const OutlineView& v : outline().views) {
        const float w = 1200.0f, h = w * v.aspect;
        const std::vector<TargetRect> t = region_targets(v, w, h, 44.0f);
        for (std::size_t i = 0; i < t.size(); ++i) {
            const OutlineRegion& r = v.regions[i];
            INFO(v.id << " " << name(r));
            CHECK(t[i].x0 == Approx(r.x0 * w).margin(0.01));
            CHECK(t[i].x1 == Approx(r.x1 * w).margin(0.01));
            // Bands split a gap of under 1% between them at its middle.
            CHECK(t[i].y0 == Approx(r.y0 * h).margin(0.006 * h));
            CHECK(t[i].y1 == Approx(r.y1 * h).margin(0.006 * h));
        }
    }
}
