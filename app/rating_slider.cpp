#include "rating_slider.hpp"

#include <string>

#include <imgui.h>

#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// On the same line as the item before when `w` still fits there, else on the next
// line: a phone at the larger text sizes has no room for label, value and chip.
void same_line_if_fits(float w) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
}

}  // namespace

bool rating_slider(WidgetLog& log, const char* label, const char* id, std::optional<int>& value) {
    ImGui::PushID(id);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    const std::string shown = value ? std::to_string(*value) + " of 10" : std::string("not rated");
    same_line_if_fits(ImGui::CalcTextSize(shown.c_str()).x);
    ImGui::TextDisabled("%s", shown.c_str());
    bool changed = false;
    if (value) {
        // Taking the rating back is one tap: "not rated" is a real answer.
        same_line_if_fits(ImGui::CalcTextSize("Not rated").x + 2 * ImGui::GetStyle().FramePadding.x +
                          32 * ui_scale());
        const std::string clear = std::string("Not rated##") + id;
        if (chip(log, clear.c_str(), false)) {
            value.reset();
            changed = true;
        }
    }
    int v = value.value_or(0);
    ImGui::SetNextItemWidth(-1);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (touch_height() - ImGui::GetFontSize()) * 0.5f));
    if (!value) {
        // The grab is hidden until rated, so the scale does not look set to 0.
        ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_SliderGrabActive, ImVec4(0, 0, 0, 0));
    }
    const bool moved = ImGui::SliderInt("##scale", &v, 0, 10, "", ImGuiSliderFlags_AlwaysClamp);
    // A tap on the scale rates it even where the value does not change (0 on an unrated scale).
    const bool touched = ImGui::IsItemActivated();
    if (!value) ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    record_item(log, std::string("rating:") + id);
    if ((moved || touched) && value != v) {
        value = v;
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

}  // namespace nd::app
