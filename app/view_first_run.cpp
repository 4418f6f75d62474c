// First run: what the app does and does not do, in a few plain sentences, then
// straight to logging (or a look around a demo diary kept in its own file).
#include <algorithm>
#include <string>

#include "emergency_text.hpp"
#include "form_util.hpp"

#include "icons.hpp"
#include "settings_page_state.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// Takes the number typed on the first run (empty: not known, 112 and 911 are shown).
bool confirm_emergency_number(AppState& s, SettingsPage& pg) {
    const std::string& n = pg.emergency_text;
    const bool ok = n.size() <= 15 && std::all_of(n.begin(), n.end(), [](char c) { return (c >= '0' && c <= '9') || c == '+'; });
    if (!ok) {
        pg.emergency_error = "Please enter digits only (and + if needed), e.g. 112, 911 or 999.";
        return false;
    }
    pg.emergency_error.clear();
    s.settings.emergency_number = n;
    return true;
}

}  // namespace

void draw_first_run(AppState& s, PageStates& pages) {
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
    section_heading(s.fonts, ND_ICON_CHECK "  What it does");
    ImGui::TextWrapped("It shows patterns in what you log - where, when, what you were doing - and which "
                       "known causes they resemble, to discuss with your doctor. You can take a report to "
                       "your appointment.");
    section_heading(s.fonts, ND_ICON_TIMES "  What it does not do");
    ImGui::TextWrapped("It does not diagnose and it does not replace a doctor.");
    section_heading(s.fonts, ND_ICON_PHONE "  In an emergency");
    ImGui::TextWrapped("Sudden weakness, a drooping face, trouble speaking, or losing control of your bladder "
                       "or bowels: call %s at once%s.", emergency_numbers_text(s.settings).c_str(),
                       emergency_number_unknown(s.settings) ? " (or your local emergency number)" : "");
    // The warning screen shows this number: confirm it here, where it is first seen.
    SettingsPage& pg = pages.settings;
    if (!pg.emergency_loaded) {
        pg.emergency_text = s.settings.emergency_number;
        pg.emergency_loaded = true;
    }
    muted_text(emergency_number_unknown(s.settings)
                   ? "Your country is not known to the app. Enter the emergency number where you live, so warnings "
                     "show it (leave it empty to show 112 and 911)."
                   : "Is this the emergency number where you live? Change it here if not.");
    text_field(s, "Emergency number where you live##first", pg.emergency_text, "e.g. 112, 911 or 999");
    if (!pg.emergency_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("%s", pg.emergency_error.c_str());
        ImGui::PopStyleColor();
    }
    section_heading(s.fonts, ND_ICON_LOCK "  Your data");
    ImGui::TextWrapped("Everything stays on this device, saved the moment you enter it.");
    end_card();

    draw_reminder_first_run(s, pages.reminder);
    ImGui::Spacing();
    const bool start = big_button(s, ND_ICON_PENCIL "  Start logging", -1);
    const bool demo = big_button(s, ND_ICON_EYE "  Look around a demo diary", -1, ButtonKind::Secondary);
    if (start || demo) {
        if (confirm_emergency_number(s, pg)) {
            s.settings.first_run_done = start || s.settings.first_run_done;
            s.save_settings();
            if (start) s.page = Page::Log;
            if (demo) s.request_open_demo = true;
        }
    }
    muted_text("The demo is a made-up diary in a file of its own; your diary stays empty until you log.");
    ImGui::PopTextWrapPos();
}

}  // namespace nd::app
