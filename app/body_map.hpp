// The body map: both legs and feet seen from the front, the back and below
// (soles), drawn with ImDrawList from the shapes in assets/body_map/legs.json
// (core/body_outline.*), so it scales to any width and grows with the text size.
// Every view puts the person's left on the left, with "Left" / "Right" over the legs.
// Every region is also an ImGui item (an invisible button over its shape), so
// Tab / arrow keys reach it and Enter / Space toggles it.
#pragma once

#include <set>
#include <vector>

#include <imgui.h>

#include "body_map_state.hpp"
#include "widget_log.hpp"

namespace nd::app {

class Services;   // services.hpp

// What the map draws with: where it notes its targets (tests, Tab order), the bold font
// of its "Where?" (a phone), the screen's scale and the text size (it grows with both),
// and the services that say where its shapes file is installed (null: the default).
struct BodyMapLook {
    WidgetLog& log;
    ImFont* bold = nullptr;
    float display_scale = 1.0f;
    float font_scale = 1.0f;
    Services* services = nullptr;
};

// The look of the app's state (an AppState, which is a WidgetLog): a template, so this
// header needs no AppState.
template <class State>
BodyMapLook body_map_look(State& s) {
    return {s, s.fonts.bold, s.display_scale, s.settings.font_scale, s.services};
}

// Draws the map (three views side by side when there is room; in a column of the
// wide form front and back side by side with the soles under them; on a phone one
// view with a Front / Back / Soles switch beside it) and toggles marks on tap. Fills map.hits
// with this frame's tappable rectangles. Returns true when `marks` changed.
bool body_map(const BodyMapLook& look, BodyMapUi& map, std::set<RegionMark>& marks);

// True where the map shows one view at a time (a phone): it then asks "Where?" itself.
bool body_map_one_view(const BodyMapLook& look);

// The fill of a region that is not marked, in the current theme. Between the card
// and the border on light pages; on dark ones (Dark, High contrast) a grey clearly
// lighter than the page, so the legs do not vanish into it (it was dark grey on
// dark grey) and a marked region (the accent) still stands out from it.
ImVec4 body_map_region_fill();

// Marks as stored: a region marked on the left and on the right becomes Side::Both.
std::vector<RegionMark> merge_sides(const std::set<RegionMark>& marks);
// The reverse, for reusing an episode's regions on the map.
std::set<RegionMark> split_sides(const std::vector<RegionMark>& regions);

}  // namespace nd::app
