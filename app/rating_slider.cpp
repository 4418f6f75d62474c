#include "rating_slider.hpp"

#include <string>

#include <imgui.h>

#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

bool rating_slider(AppState& s, const char* label, const char* id, std::optional<int>& value) {
    ImGui::PushID(id);
    ImGui::TextUnformatted(label);
    ImGui::SameLine();
    if (value)
        ImGui::TextDisabled("%d of 10", *value);
    else
        ImGui::TextDisabled("not rated");
    bool changed = false;
    if (value) {
        // Taking the rating back is one tap: "not rated" is a real answer.
        ImGui::SameLine();
        const std::string clear = std::string("Not rated##") + id;
        if (chip(s, clear.c_str(), false)) {
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
    record_item(s, std::string("rating:") + id);
    if ((moved || touched) && value != v) {
        value = v;
        changed = true;
    }
    ImGui::PopID();
    return changed;
}

}  // namespace nd::app
