// The first window fits the monitor's work area, and a remembered size and place
// come back where they still fit.
#include <catch2/catch.hpp>

#include "window_geometry.hpp"

using namespace nd::app;

TEST_CASE("The default window fits a 1280x800 screen's work area", "[app][window]") {
    // The old default, 1200x820, was taller than the screen: its bottom was cut off.
    const WorkArea area{0, 27, 1280, 773};   // a 1280x800 screen with a 27 px panel
    const WindowGeometry g = fit_window({0, 0, 1200, 820, false, false}, area);
    CHECK(g.w <= area.w);
    CHECK(g.h + 48 <= area.h);
    CHECK(g.x >= area.x);
    CHECK(g.y >= area.y);
    CHECK(g.y + g.h <= area.y + area.h);
    CHECK(g.w == 1200);   // only what does not fit is shrunk
}

TEST_CASE("A remembered window comes back, and is pulled on screen when its monitor is gone", "[app][window]") {
    const WorkArea area{0, 0, 1920, 1040};
    const auto saved = parse_window_geometry(format_window_geometry({100, 80, 900, 700, true, true}));
    REQUIRE(saved);
    CHECK(saved->maximized);
    const WindowGeometry same = fit_window(*saved, area);
    CHECK(same.x == 100);
    CHECK(same.y == 80);
    CHECK(same.w == 900);
    CHECK(same.h == 700);
    // Last time it was on a second monitor to the right.
    const WindowGeometry moved = fit_window({2500, 100, 900, 700, false, true}, area);
    CHECK(moved.x + moved.w <= area.x + area.w);
    CHECK(moved.x >= area.x);
}

TEST_CASE("A damaged window state file is ignored", "[app][window]") {
    CHECK_FALSE(parse_window_geometry(""));
    CHECK_FALSE(parse_window_geometry("garbage"));
    CHECK_FALSE(parse_window_geometry("1 2 3 4 5"));
    CHECK_FALSE(parse_window_geometry("0 0 -800 600 0"));
}
