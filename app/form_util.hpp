// Small form helpers shared by the review pages (diary editor, check-in,
// background, settings): text fields and combos as tall as a fingertip, date
// fields that refuse impossible dates, and text cut to fit a row.
#pragma once

#include <optional>
#include <string>

#include <imgui.h>

#include "enum_names.hpp"
#include "font_set.hpp"
#include "widget_log.hpp"

namespace nd::app {

struct AppState;

// Same as widgets' record_item (so the templates below need no widgets.hpp).
void record_item_rect(WidgetLog& log, const std::string& key);

// Pushes a frame padding that makes text fields and combos at least touch_height() tall.
void push_touch_frame();
void pop_touch_frame();

// A section heading that wraps on narrow screens (widgets' section_heading does not).
void heading(const Fonts& fonts, const char* text);

// A labelled one-line text field filling the width; records "field:<label>".
// width 0: the whole row.
bool text_field(WidgetLog& log, const char* label, std::string& value, const char* hint = "", float width = 0);
// A multi-line note field.
bool note_field(WidgetLog& log, const char* label, std::string& value);
// A date field "YYYY-MM-DD" with a hint, as wide as the display scale makes it; returns
// true when the text changed.
bool date_field(AppState& s, const char* label, std::string& value);

// "" when `text` is empty (and allowed) or a real date; else a message for people.
std::string date_problem(const std::string& text, bool allow_empty);

// Text cut with "…" to fit `width` pixels in the current font.
std::string ellipsize(const std::string& text, float width);

// A small filled horizontal bar with its count after it (patterns, causes).
void count_bar(const char* label, int count, int max, float label_w);

// A combo over an enum with a first "any" entry; returns true when changed.
template <class E>
bool enum_combo(WidgetLog& log, const char* label, std::optional<E>& value, const char* any_label) {
    bool changed = false;
    const std::string preview = value ? std::string(enum_label(*value)) : std::string(any_label);
    push_touch_frame();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(label, preview.c_str())) {
        if (ImGui::Selectable(any_label, !value)) {
            value.reset();
            changed = true;
        }
        for (const auto& entry : enum_entries<E>()) {
            if (ImGui::Selectable(entry.label, value && *value == entry.value)) {
                value = entry.value;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    pop_touch_frame();
    record_item_rect(log, std::string("combo:") + label);
    return changed;
}

}  // namespace nd::app
