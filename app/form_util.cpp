#include "form_util.hpp"

#include <algorithm>
#include <cstring>

#include <imgui_stdlib.h>

#include "app_state.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

void record_item_rect(WidgetLog& log, const std::string& key) { record_item(log, key); }

void push_touch_frame() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float pad_y = std::max(st.FramePadding.y, (touch_height() - ImGui::GetFontSize()) * 0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x, pad_y));
}

void pop_touch_frame() { ImGui::PopStyleVar(); }

namespace {
void field_label(const char* label) {
    const char* hidden = std::strstr(label, "##");
    const char* end = hidden ? hidden : label + std::strlen(label);
    if (end == label) return;
    ImGui::PushTextWrapPos(0.0f);   // a long label wraps (a phone at a large text size)
    ImGui::TextUnformatted(label, end);
    ImGui::PopTextWrapPos();
}
}  // namespace

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    section_heading(fonts, text);
    ImGui::PopTextWrapPos();
}

bool text_field(WidgetLog& log, const char* label, std::string& value, const char* hint, float width) {
    field_label(label);
    push_touch_frame();
    ImGui::SetNextItemWidth(width > 0 ? std::min(width, ImGui::GetContentRegionAvail().x) : -1.0f);
    const std::string id = std::string("##") + label;
    const bool changed = ImGui::InputTextWithHint(id.c_str(), hint, &value);
    pop_touch_frame();
    record_item(log, std::string("field:") + label);
    return changed;
}

bool note_field(WidgetLog& log, const char* label, std::string& value) {
    field_label(label);
    const std::string id = std::string("##") + label;
    const bool changed = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(-1, ImGui::GetTextLineHeight() * 4 + 24));
    record_item(log, std::string("field:") + label);
    return changed;
}

bool date_field(AppState& s, const char* label, std::string& value) {
    return text_field(s, label, value, "YYYY-MM-DD, e.g. 2026-03-14", 340.0f * s.display_scale);
}

std::string date_problem(const std::string& text, bool allow_empty) {
    if (text.empty()) return allow_empty ? "" : "Please enter a date.";
    if (is_valid_date(text)) return "";
    return "\"" + text + "\" is not a real date. Write it as year-month-day, e.g. 2026-03-14.";
}

std::string ellipsize(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    static constexpr const char* kDots = "\xe2\x80\xa6";
    const float dots = ImGui::CalcTextSize(kDots).x;
    std::size_t lo = 0, hi = text.size();
    while (lo < hi) {   // the longest prefix that fits
        const std::size_t mid = (lo + hi + 1) / 2;
        if (ImGui::CalcTextSize(text.c_str(), text.c_str() + mid).x + dots <= width)
            lo = mid;
        else
            hi = mid - 1;
    }
    // Do not cut a UTF-8 sequence in half.
    while (lo > 0 && (static_cast<unsigned char>(text[lo]) & 0xC0) == 0x80) --lo;
    return text.substr(0, lo) + kDots;
}

void count_bar(const char* label, int count, int max, float label_w) {
    const Palette& p = palette();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::string num = std::to_string(count);
    const float num_w = ImGui::CalcTextSize("0000").x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Narrow, or a label longer than its column: the label goes above the bar, wrapped.
    const bool stacked = label_w > avail * 0.55f || ImGui::CalcTextSize(label).x > label_w;
    float bar_x = a.x + label_w + 8, y = a.y;
    if (stacked) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(label);
        ImGui::PopTextWrapPos();
        bar_x = a.x;
        y = ImGui::GetCursorScreenPos().y;
    } else {
        dl->AddText(ImVec2(a.x, a.y), ImGui::GetColorU32(p.text), label);
    }
    const float bar_max = std::max(10.0f, a.x + avail - num_w - 8 - bar_x);
    const float w = max > 0 ? bar_max * static_cast<float>(count) / static_cast<float>(max) : 0;
    dl->AddRectFilled(ImVec2(bar_x, y + 2), ImVec2(bar_x + bar_max, y + line - 2), ImGui::GetColorU32(p.accent_soft), 4);
    if (w > 0) dl->AddRectFilled(ImVec2(bar_x, y + 2), ImVec2(bar_x + w, y + line - 2), ImGui::GetColorU32(p.accent), 4);
    dl->AddText(ImVec2(bar_x + bar_max + 8, y), ImGui::GetColorU32(p.text), num.c_str());
    ImGui::SetCursorScreenPos(ImVec2(a.x, y));
    ImGui::Dummy(ImVec2(avail, line));
}

}  // namespace nd::app
