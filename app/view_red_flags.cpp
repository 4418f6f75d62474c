// The red-flag warning: shown at once, full screen, before anything else, when a
// saved episode has signs that need care now. Stroke signs lead with the number
// to call, in the largest type, before anything else on the screen; it comes from
// Settings (emergency_text.hpp: 112 and 911 alike where the country is unknown).
// Nothing on it looks like a button except the one real button at the end: the
// number is plain text beside a red rule, not a filled pill.
#include <algorithm>
#include <string>

#include "emergency_text.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// "Call 999 now" in the huge font, broken between words only, so the number is
// never cut. Where even one word does not fit the width (a long number at the
// largest text size on a phone), the type gets smaller until it does.
void call_block(AppState& s) {
    const Palette& p = palette();
    const float scale = ui_scale();
    const float rule = 6.0f * scale, gap = 14.0f * scale;
    const std::string text = ND_ICON_PHONE " Call " + emergency_numbers_text(s.settings) + " now";
    ImFont* big = s.fonts.huge ? s.fonts.huge : ImGui::GetFont();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x - rule - gap;
    // The widest single word decides the largest size that never cuts one.
    float size = big->FontSize;
    float widest = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t j = std::min(text.find(' ', i), text.size());
        widest = std::max(widest, big->CalcTextSizeA(size, 1e9f, 0, text.c_str() + i, text.c_str() + j).x);
        i = j + 1;
    }
    if (widest > width) size *= width / widest;
    const ImVec2 ts = big->CalcTextSizeA(size, 1e9f, width, text.c_str());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + rule, a.y + ts.y), ImGui::GetColorU32(p.danger), rule * 0.5f);
    dl->AddText(big, size, ImVec2(a.x + rule + gap, a.y), ImGui::GetColorU32(p.danger), text.c_str(), nullptr, width);
    ImGui::Dummy(ImVec2(rule + gap + std::min(ts.x, width), ts.y));
    probe_fit(s, "call_banner", widest, width);
    record_item(s, "call_banner");
    if (emergency_number_unknown(s.settings)) {
        ImGui::Indent(rule + gap);
        if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
        ImGui::TextWrapped("or your local emergency number");
        if (s.fonts.bold) ImGui::PopFont();
        ImGui::Unindent(rule + gap);
    }
}

}  // namespace

void draw_red_flags(AppState& s) {
    const Palette& p = palette();
    bool emergency = false;
    for (const RedFlag& f : s.pending_red_flags) emergency = emergency || f.call_emergency;

    ImGui::PushTextWrapPos(0.0f);
    if (emergency) {
        call_block(s);   // the number first, before anything else
        ImGui::Spacing();
    }
    if (s.fonts.heading) ImGui::PushFont(s.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::TextWrapped(ND_ICON_WARNING " This needs attention now");
    ImGui::PopStyleColor();
    if (s.fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
    if (emergency) {
        ImGui::TextWrapped("Do not wait to see if it passes, and do not drive yourself. "
                           "Note the time the signs began.");
    }
    for (const RedFlag& f : s.pending_red_flags) {
        ImGui::PushID(&f);
        begin_card("##flag");
        section_heading(s.fonts, f.title.c_str());
        ImGui::TextWrapped("%s", with_emergency_number(f.advice, s.settings).c_str());
        if (!f.reasons.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
            ImGui::TextWrapped("Because you noted:");
            ImGui::PopStyleColor();
            for (const std::string& r : f.reasons) bullet_text(r.c_str());
        }
        end_card();
        ImGui::PopID();
    }
    ImGui::Spacing();
    muted_text("Your episode is saved in the diary. This warning is information, not a diagnosis.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (big_button(s, ND_ICON_CHECK " I have read this", -1, emergency ? ButtonKind::Secondary : ButtonKind::Primary)) {
        s.pending_red_flags.clear();
        if (!s.toast_after_flags.empty()) s.show_toast(s.toast_after_flags);
        s.toast_after_flags.clear();
    }
}

}  // namespace nd::app
