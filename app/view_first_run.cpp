// First run: what the app does and does not do, in a few plain sentences, then
// straight to logging (or a look around a demo diary kept in its own file).
#include <string>

#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_first_run(AppState& s) {
    const Palette& p = palette();
    ImGui::Dummy(ImVec2(0, (s.narrow ? 12.0f : 48.0f) * s.display_scale));
    ImGui::PushTextWrapPos(0);

    if (s.fonts.huge) ImGui::PushFont(s.fonts.huge);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
    ImGui::TextUnformatted(ND_ICON_HEARTBEAT);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("Numbness Diary");
    if (s.fonts.huge) ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("Keep track of numbness, tingling and pain in your legs and feet, in a few taps.");
    ImGui::Spacing();

    begin_card("##what");
    section_heading(s, ND_ICON_CHECK "  What it does");
    ImGui::TextWrapped("It shows patterns in what you log - where, when, what you were doing - and which "
                       "known causes they resemble, to discuss with your doctor. You can take a report to "
                       "your appointment.");
    section_heading(s, ND_ICON_TIMES "  What it does not do");
    ImGui::TextWrapped("It does not diagnose and it does not replace a doctor.");
    section_heading(s, ND_ICON_PHONE "  In an emergency");
    ImGui::TextWrapped("Sudden weakness, a drooping face, trouble speaking, or losing control of your bladder "
                       "or bowels: call %s at once.", s.settings.emergency_number.c_str());
    section_heading(s, ND_ICON_LOCK "  Your data");
    ImGui::TextWrapped("Everything stays on this device, saved the moment you enter it.");
    end_card();

    draw_reminder_first_run(s);
    ImGui::Spacing();
    if (big_button(s, ND_ICON_PENCIL "  Start logging", -1)) {
        s.settings.first_run_done = true;
        s.save_settings();
        s.page = Page::Log;
    }
    if (big_button(s, ND_ICON_EYE "  Look around a demo diary", -1, ButtonKind::Secondary)) {
        s.request_open_demo = true;
    }
    muted_text("The demo is a made-up diary in a file of its own; your diary stays empty until you log.");
    ImGui::PopTextWrapPos();
}

}  // namespace nd::app
