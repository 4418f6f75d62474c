// The body map's shapes file (assets/body_map/legs.json) and its strict loader.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "body_outline.hpp"
#include "catalog.hpp"
#include "enum_names.hpp"

using namespace nd;

namespace {
const std::string kShipped = std::string(ND_SOURCE_ASSETS_DIR) + "/body_map/legs.json";

const OutlineRegion* find(const OutlineView& v, Region r, Side s) {
    for (const OutlineRegion& x : v.regions)
        if (x.mark.region == r && x.mark.side == s) return &x;
    return nullptr;
}

std::string minimal(const std::string& soles_regions) {
    const std::string one = R"({"region": "toes", "side": "left", "points": [[0.1, 0.1], [0.3, 0.1], [0.3, 0.3], [0.1, 0.3]]})";
    return R"({"format": 1, "views": [
      {"view": "front", "caption": "Front", "aspect": 1.2, "regions": [)" + one + R"(]},
      {"view": "back", "caption": "Back", "aspect": 1.2, "regions": [)" + one + R"(]},
      {"view": "soles", "caption": "Soles", "aspect": 0.5, "regions": [)" + soles_regions + "]}]}";
}

void refused(const std::string& json, const std::string& words) {
    INFO(json);
    try {
        load_body_outline_json(json);
        FAIL("accepted");
    } catch (const BodyOutlineError& e) {
        INFO(e.what());
        CHECK(std::string(e.what()).find(words) != std::string::npos);
    }
}
}  // namespace

TEST_CASE("The shipped body map has every leg and foot region, both sides, left on the left in every view", "[body_outline]") {
    const BodyOutline o = load_body_outline_file(kShipped);
    REQUIRE(o.views.size() == 3);
    CHECK(o.views[0].id == "front");
    CHECK(o.views[1].id == "back");
    CHECK(o.views[2].id == "soles");
    // The places people mark, each on some view.
    for (Region r : {Region::Toes, Region::Sole, Region::TopOfFoot, Region::Heel, Region::InnerAnkle, Region::Ankle,
                     Region::Shin, Region::Calf, Region::Knee, Region::ThighFront, Region::ThighBack, Region::Hip,
                     Region::Buttock}) {
        INFO(enum_id(r));
        bool left = false, right = false;
        for (const OutlineView& v : o.views) {
            left |= find(v, r, Side::Left) != nullptr;
            right |= find(v, r, Side::Right) != nullptr;
        }
        CHECK(left);
        CHECK(right);
    }
    // The same orientation everywhere: the person's left leg on the picture's left.
    for (const OutlineView& v : o.views) {
        INFO(v.id);
        for (const OutlineRegion& r : v.regions) {
            if (r.mark.side == Side::Left) CHECK(r.x1 <= 0.5f);
            if (r.mark.side == Side::Right) CHECK(r.x0 >= 0.5f);
        }
    }
    // Soles are feet, not legs: shorter than wide-apart leg panels, toes at the top, heels at the bottom.
    const OutlineView& soles = o.views[2];
    CHECK(soles.aspect < o.views[0].aspect * 0.6f);
    const OutlineRegion* toes = find(soles, Region::Toes, Side::Left);
    const OutlineRegion* heel = find(soles, Region::Heel, Side::Left);
    REQUIRE(toes);
    REQUIRE(heel);
    CHECK(toes->y1 <= heel->y0 + 1e-4f);
}

TEST_CASE("The body map loader refuses what it cannot draw, naming the place", "[body_outline]") {
    const std::string ok = R"({"region": "heel", "side": "left", "points": [[0.1, 0.5], [0.3, 0.5], [0.3, 0.9], [0.1, 0.9]]})";
    CHECK_NOTHROW(load_body_outline_json(minimal(ok)));
    refused(minimal(R"({"region": "elbowz", "side": "left", "points": [[0.1, 0.5], [0.3, 0.5], [0.3, 0.9]]})"), "unknown region");
    refused(minimal(R"({"region": "heel", "side": "both", "points": [[0.1, 0.5], [0.3, 0.5], [0.3, 0.9]]})"), "left, right or middle");
    refused(minimal(R"({"region": "heel", "side": "left", "points": [[0.1, 0.5], [1.3, 0.5], [0.3, 0.9]]})"), "between 0 and 1");
    refused(minimal(R"({"region": "heel", "side": "left", "points": [[0.1, 0.5], [0.3, 0.5]]})"), "3 to 64 points");
    refused(minimal(R"({"region": "heel", "side": "left", "points": [[0.1, 0.5], [0.3, 0.9], [0.3, 0.5], [0.1, 0.9]]})"),
            "edges cross");
    refused(minimal(R"({"region": "heel", "side": "left", "points": [[0.1, 0.5], [0.2, 0.5], [0.3, 0.5]]})"), "no area");
    refused(minimal(ok + "," + ok), "repeats");
    // A second region whose tap area (bounding box) overlaps the first's.
    refused(minimal(ok + R"(, {"region": "sole", "side": "left", "points": [[0.2, 0.6], [0.4, 0.6], [0.4, 0.8]]})"), "overlaps");
    refused(minimal(R"({"region": "heel", "side": "left", "colour": "red", "points": [[0.1, 0.5], [0.3, 0.5], [0.3, 0.9]]})"),
            "unknown field");
    refused(R"({"format": 2, "views": []})", "format");
    refused(R"({"format": 1, "views": [)", "not valid JSON");
    refused(R"({"format": 1, "views": [{"view": "back", "caption": "B", "aspect": 1, "regions": []}, {}, {}]})", "must be 'front'");
    CHECK_THROWS_AS(load_body_outline_file("/nonexistent/legs.json"), BodyOutlineError);
}
