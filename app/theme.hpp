// The app's look: a calm consumer-health style (rounded corners, generous spacing,
// one accent colour) in light, dark and high-contrast variants.
#pragma once

#include <imgui.h>

#include "ui_settings.hpp"

namespace nd::app {

// Colours the views use beyond ImGui's style slots.
struct Palette {
    ImVec4 background, card, text, text_muted, accent, accent_text, accent_soft,
        border, danger, danger_text, warning_soft, success,
        focus,   // the keyboard focus ring
        pain;    // the pain series in charts (red means warning signs, nothing else)
};

const Palette& palette();
// Resets ImGui's style to the theme, scaled for the display (HiDPI).
void apply_theme(Theme theme, float scale);

// The UI scale apply_theme last applied (the display's content scale; 1 until then):
// sizes written in code (paddings, rings, touch targets) are multiplied by it.
float ui_scale();

// Minimum height of anything tappable: 44 px (Apple/Google touch guidance) times scale.
float touch_height();

}  // namespace nd::app
