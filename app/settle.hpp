// No half-drawn frames. Dear ImGui lays a page out while drawing it: a card knows
// its height only after its first frame, a click changes the page half-way
// through a frame, the side bar learns its width from the fonts. So after any
// input or change, the app is drawn again, without being shown, until its layout
// (every window's place, size and content size, and the page) stops changing;
// only then is a frame presented. Capped, so something that never settles (an
// animation) cannot keep the app busy: at most kMaxSettleFrames frames per
// presented frame.
#pragma once

#include <functional>

namespace nd::app {

class App;

inline constexpr int kMaxSettleFrames = 4;   // the frame shown plus up to three unshown before it

// Runs NewFrame / app.frame() / Render, calling begin_frame() before each (the
// platform's backends), until app.layout_settled() or the cap. Returns the number
// of frames run; the draw data of the last one is what the caller presents.
int run_until_settled(App& app, const std::function<void()>& begin_frame);

}  // namespace nd::app
