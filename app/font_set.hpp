// The fonts the views draw with (fonts.cpp builds them into AppState::fonts): apart
// from app_state.hpp so that a widget can take the fonts it draws with, not AppState.
#pragma once

struct ImFont;

namespace nd::app {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* heading = nullptr;
    ImFont* huge = nullptr;             // the red-flag "Call 112 now"
};

}  // namespace nd::app
