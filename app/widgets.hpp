// Widgets sized for fingers and tired eyes: big buttons (>= 44 px), chips (toggle
// pills that wrap like words), segmented choices, section headings and cards.
// They own no data: they take the value by reference and say when it changed, and
// note where they drew in a WidgetLog (tests, Tab order), never the AppState.
#pragma once

#include <span>
#include <string>
#include <vector>

#include <imgui.h>

#include "enum_names.hpp"
#include "font_set.hpp"
#include "widget_log.hpp"

namespace nd::app {

enum class ButtonKind { Primary, Secondary, Danger, Quiet };

float big_button_height();
// width 0: fit the label; width < 0: fill the available width.
bool big_button(WidgetLog& log, const char* label, float width = 0, ButtonKind kind = ButtonKind::Primary);
// A full-width row of the side navigation (left-aligned label that wraps).
bool nav_button(WidgetLog& log, const char* label, float width);
// A pill that toggles; wraps onto the next line when the row is full.
bool chip(WidgetLog& log, const char* label, bool selected);
// One of several; returns true when `value` changed.
bool segmented(WidgetLog& log, const char* id, int& value, std::span<const char* const> labels);

void section_heading(const Fonts& fonts, const char* text);   // wraps
void page_title(WidgetLog& log, const Fonts& fonts, const char* icon, const char* text);
// The title wraps at wrap_local_x (window-local x; 0: the content region's end).
void page_title_wrapped(WidgetLog& log, const Fonts& fonts, const char* icon, const char* text, float wrap_local_x);
void muted_text(const char* text);   // wrapped, secondary colour
// A bullet with its text wrapped beside it (ImGui's BulletText does not wrap).
void bullet_text(const char* text);

// A rounded panel that sizes itself to its content (height remembered from the last frame).
void begin_card(const char* id);
void end_card();

// Records the last item's rectangle under `key` when log.record_items is on (tests).
void record_item(WidgetLog& log, const std::string& key);
// Records the last item for the layout test (log.probes): its text's natural width
// (with padding) against the width the widget gave it, and the clip rectangle.
void probe_fit(WidgetLog& log, const std::string& key, float natural_w, float given_w);
// The width of the widest word of `text` in the current font (what a wrapped text needs at least).
float longest_word_width(const char* text, const char* end);
// `text` broken into lines ('\n') that fit `width` pixels in the current font.
std::string wrap_lines(const char* text, const char* end, float width);
// Draws the keyboard focus ring around the last item when it has keyboard focus.
void focus_ring();

// Multi-select chips over every value of an enum; toggles membership in `values`.
template <class E>
bool enum_chips(WidgetLog& log, const char* group, std::vector<E>& values) {
    bool changed = false;
    for (const auto& entry : enum_entries<E>()) {
        const bool on = contains(values, entry.value);
        const std::string label = std::string(entry.label) + "##" + group;
        if (chip(log, label.c_str(), on)) {
            if (on)
                std::erase(values, entry.value);
            else
                values.push_back(entry.value);
            changed = true;
        }
    }
    return changed;
}

// One-of chips over an enum (Onset, TriState...).
template <class E>
bool enum_choice(WidgetLog& log, const char* group, E& value) {
    bool changed = false;
    for (const auto& entry : enum_entries<E>()) {
        const std::string label = std::string(entry.label) + "##" + group;
        if (chip(log, label.c_str(), value == entry.value)) {
            value = entry.value;
            changed = true;
        }
    }
    return changed;
}

}  // namespace nd::app
