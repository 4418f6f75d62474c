// Builds the font atlas: DejaVu Sans with FontAwesome icons merged in, rasterised
// at display scale x the person's font size, so text is crisp on HiDPI screens.
#pragma once

#include "app_state.hpp"

namespace nd::app {

// Clears io.Fonts and adds body, bold, heading and huge fonts into state.fonts.
// Falls back to ImGui's built-in font when the TTF files are missing (tests).
// The caller (the platform) must then re-upload the atlas texture.
void build_fonts(AppState& state);

// The body font size in pixels before scaling.
inline constexpr float kBodyFontPx = 18.0f;

}  // namespace nd::app
