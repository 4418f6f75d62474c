// The red-flag warning: shown at once, full screen, before anything else, when a
// saved episode has signs that need care now. Stroke signs lead with a large
// "Call <number> now"; the number comes from Settings (default from the locale).
#include <string>

#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

void call_banner(AppState& s) {
    const Palette& p = palette();
    const float pad = 18.0f * s.display_scale;
    const std::string text = "Call " + s.settings.emergency_number + " now";
    ImFont* big = s.fonts.huge ? s.fonts.huge : ImGui::GetFont();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(big);
    const ImVec2 ts = ImGui::CalcTextSize(ND_ICON_PHONE "  ");
    const ImVec2 tt = ImGui::CalcTextSize(text.c_str());
    ImGui::PopFont();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const ImVec2 b(a.x + width, a.y + tt.y + pad * 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, ImGui::GetColorU32(p.danger), 14.0f * s.display_scale);
    const float x = a.x + std::max(pad, (width - ts.x - tt.x) * 0.5f);
    dl->AddText(big, big->FontSize, ImVec2(x, a.y + pad), ImGui::GetColorU32(p.danger_text), ND_ICON_PHONE);
    dl->AddText(big, big->FontSize, ImVec2(x + ts.x, a.y + pad), ImGui::GetColorU32(p.danger_text), text.c_str());
    ImGui::Dummy(ImVec2(width, b.y - a.y));
    record_item(s, "call_banner");
}

}  // namespace

void draw_red_flags(AppState& s) {
    const Palette& p = palette();
    bool emergency = false;
    for (const RedFlag& f : s.pending_red_flags) emergency = emergency || f.call_emergency;

    if (s.fonts.heading) ImGui::PushFont(s.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::TextWrapped(ND_ICON_WARNING " This needs attention now");
    ImGui::PopStyleColor();
    if (s.fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
    if (emergency) {
        call_banner(s);
        ImGui::Spacing();
        ImGui::TextWrapped("Do not wait to see if it passes, and do not drive yourself. "
                           "Note the time the signs began.");
    }
    for (const RedFlag& f : s.pending_red_flags) {
        ImGui::PushID(&f);
        begin_card("##flag");
        section_heading(s, f.title.c_str());
        ImGui::TextWrapped("%s", f.advice.c_str());
        if (!f.reasons.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
            ImGui::TextUnformatted("Because you noted:");
            ImGui::PopStyleColor();
            for (const std::string& r : f.reasons) ImGui::BulletText("%s", r.c_str());
        }
        end_card();
        ImGui::PopID();
    }
    ImGui::Spacing();
    muted_text("Your episode is saved in the diary. This warning is information, not a diagnosis.");
    ImGui::Spacing();
    if (big_button(s, ND_ICON_CHECK " I have read this", -1, emergency ? ButtonKind::Secondary : ButtonKind::Primary)) {
        s.pending_red_flags.clear();
        if (!s.toast_after_flags.empty()) s.show_toast(s.toast_after_flags);
        s.toast_after_flags.clear();
    }
}

}  // namespace nd::app
