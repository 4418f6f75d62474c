// Log: record an episode in a few taps. Warning signs first, then the one episode
// form (episode_form.cpp, shared with the Diary's editor). Save stays pinned below
// the form. Episodes left "still going" come first, each with "It stopped".
#include <algorithm>
#include <string>

#include <imgui.h>

#include "episode_form.hpp"
#include "icons.hpp"
#include "log_actions.hpp"
#include "log_state.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

void ongoing_list(AppState& s) {
    for (std::size_t idx : s.ongoing) {
        const Episode& e = s.diary.episodes[idx];
        ImGui::PushID(e.id.c_str());
        begin_card("##ongoing");
        std::string where;
        for (const RegionMark& m : e.regions) where += (where.empty() ? "" : ", ") + describe(m);
        ImGui::TextWrapped(ND_ICON_CLOCK "  Still going since %s", when_text(s, e.start).c_str());
        if (!where.empty()) muted_text(where.c_str());
        if (big_button(s, ND_ICON_STOP_CIRCLE "  It stopped", 0)) end_ongoing(s, e);
        end_card();
        ImGui::PopID();
    }
}

void quick_row(AppState& s, LogUi& log) {
    // Always side by side (one row, so the form starts higher on a phone); a label
    // that does not fit its half wraps and the buttons grow taller. One above the
    // other only when a word would not fit half the width (a phone at Largest).
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool icons = half >= ImGui::CalcTextSize(ND_ICON_HISTORY "  Same as last time").x * 1.15f;
    const float pad = ImGui::GetStyle().FramePadding.x * 2;
    const bool side_by_side = half >= std::max(longest_word_width("No numbness today", nullptr),
                                               longest_word_width("Same as last time", nullptr)) + pad;
    const float w = side_by_side ? half : -1.0f;
    if (big_button(s, icons ? ND_ICON_SMILE "  No numbness today" : "No numbness today##nonumb", w, ButtonKind::Secondary))
        log_no_numbness_today(s, log);
    if (side_by_side) ImGui::SameLine();
    const Episode* last = s.last_episode();
    ImGui::BeginDisabled(last == nullptr);
    if (big_button(s, icons ? ND_ICON_HISTORY "  Same as last time" : "Same as last time##same", w, ButtonKind::Secondary) && last)
        fill_draft_from(log.draft, *last);
    ImGui::EndDisabled();
}

// The confirmation after Save, at the top of the form where the eye goes next.
void saved_banner(AppState& s, LogUi& log) {
    if (log.saved_note.empty()) return;
    // Kept until the next entry is begun (a timed banner would move the form under a finger).
    const LogDraft& d = log.draft;
    if (!d.marks.empty() || !d.sensations.empty() || !d.signs.empty() || !d.activities.empty()) {
        log.saved_note.clear();
        return;
    }
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.accent_soft);
    begin_card("##saved");
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    ImGui::TextWrapped(ND_ICON_CHECK "  %s", log.saved_note.c_str());
    if (s.fonts.bold) ImGui::PopFont();
    ImGui::PopStyleColor();
    end_card();
    record_item(s, "log_saved");   // the card
    ImGui::PopStyleColor();
}

}  // namespace

void draw_log(AppState& s, PageStates& pages) {
    LogUi& log = pages.log;
    LogDraft& d = log.draft;
    // The form scrolls; Save stays pinned below it, so a quick entry never
    // needs a scroll down to the end. Save sits at the bottom of the page (the
    // room App leaves below every view is taken back after it, see the end):
    // on a phone it left a 72 px empty band above the tab bar, room the form
    // (the body map's feet) needs. One pixel spare, so rounding never lets the
    // page scroll.
    const ImGuiStyle& st = ImGui::GetStyle();
    float footer = big_button_height() + st.ItemSpacing.y + 1.0f;
    if (!d.error.empty()) footer += ImGui::GetTextLineHeightWithSpacing() * 3;
    // A little side padding: a wrapped line starting with "j" draws its hook left of
    // the pen, and the form (no padding) cut it ("just before?" at Larger, issue 13).
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3.0f * ui_scale(), 0));
    ImGui::BeginChild("##form", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - footer, 200.0f)), false,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    // Opened (from another page) or just saved: start at the top, so a tap lands on
    // what is drawn there now, never on what an old scroll position showed.
    const int frame = ImGui::GetFrameCount();
    if (log.scroll_to_top || log.last_frame + 1 != frame) {
        ImGui::SetScrollY(0);
        log.scroll_to_top = false;
    }
    log.last_frame = frame;
    saved_banner(s, log);
    ongoing_list(s);
    // "No numbness today" and "Same as last time": above the form where it has two
    // columns; on a phone just under the common episode's answers (one screen for
    // place, feeling, posture and "eased on moving", issue 12).
    if (two_column_form(s)) {
        quick_row(s, log);
        draw_episode_form(s, pages.body_map, d, false);
    } else {
        draw_episode_form(s, pages.body_map, d, false, [&] {
            ImGui::Spacing();
            quick_row(s, log);
        });
    }
    ImGui::EndChild();

    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped(ND_ICON_WARNING " %s", d.error.c_str());
        ImGui::PopStyleColor();
        record_item(s, "log_error");
    }
    if (big_button(s, ND_ICON_CHECK "  Save", -1)) save_draft(s, log);
    // App::draw_page leaves page_bottom_pad() below every view, for pages that
    // scroll; this one does not (Save is pinned), so that room ends at Save.
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - page_bottom_pad());
}

}  // namespace nd::app
