// The body map: both legs and feet seen from the front, the back and below
// (soles), drawn with ImDrawList so it scales to any width and can be tapped.
// Every region is also an ImGui item (an invisible button over its shape), so
// Tab / arrow keys reach it and Enter / Space toggles it.
#pragma once

#include <set>

#include "app_state.hpp"

namespace nd::app {

// Draws the map (three views side by side when there is room, else one view
// with a Front / Back / Soles switch) and toggles marks on tap. Fills s.log.hits
// with this frame's tappable rectangles. Returns true when `marks` changed.
bool body_map(AppState& s, std::set<RegionMark>& marks);

// Marks as stored: a region marked on the left and on the right becomes Side::Both.
std::vector<RegionMark> merge_sides(const std::set<RegionMark>& marks);
// The reverse, for reusing an episode's regions on the map.
std::set<RegionMark> split_sides(const std::vector<RegionMark>& regions);

}  // namespace nd::app
