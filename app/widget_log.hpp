// What the widget wrappers (widgets.hpp, form_util.hpp, keyboard.hpp) note as they
// draw: each named item's place for the tests that click it, the layout test's
// probes, and the keyboard's tab stops. A widget takes this log, not the AppState:
// it reads no diary and no page. (AppState is one: a view hands its state over.)
#pragma once

#include <map>
#include <string>
#include <vector>

#include "keyboard_nav.hpp"

namespace nd::app {

// A screen rectangle of a named item in the last frame (tests click these).
struct ItemRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool visible = true;                // false: scrolled out of view (a tap would miss it)
    unsigned id = 0;                    // its ImGui id (keyboard tests: which item has the focus)
    float cx() const { return (x0 + x1) * 0.5f; }
    float cy() const { return (y0 + y1) * 0.5f; }
};

// What a widget wrapper drew in the last frame, for the layout test
// (tests/app/layout_clip_test.cpp): the text's natural width against the width it
// was given, and the clip rectangle (window, card, column) it was drawn in.
struct ProbeItem {
    std::string key;
    ItemRect rect;
    float natural_w = 0;       // the text (plus its padding) at its full width
    float given_w = 0;         // the width the widget had for it
    float clip_x0 = 0, clip_x1 = 0;
    unsigned window = 0;       // ImGuiID of the window it was drawn in (siblings share it)
    bool scrolls_text = false; // a text field: its text scrolls inside it, like a list scrolls
};

struct WidgetLog {
    // Test hook: widgets record their rectangles by label when enabled.
    bool record_items = false;
    std::map<std::string, ItemRect> items;
    std::vector<ProbeItem> probes;      // widget wrappers' texts, this frame (same switch)
    KeyboardNav keys;                   // Tab order and focus (keyboard_nav.hpp, keyboard.hpp)
};

}  // namespace nd::app
