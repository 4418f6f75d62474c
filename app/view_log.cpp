// Log: record an episode in a few taps. Mark the map, tap what it feels like,
// set how strong, Save. Everything else has a sensible default or sits under
// "More details". Episodes left "still going" come first, each with "It stopped".
#include <algorithm>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "body_map.hpp"
#include "enum_names.hpp"
#include "icons.hpp"
#include "log_actions.hpp"
#include "rating_slider.hpp"
#include "theme.hpp"
#include "time_util.hpp"
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

void quick_row(AppState& s) {
    // Side by side when both labels fit, else one above the other (phones).
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const bool side_by_side = half >= ImGui::CalcTextSize(ND_ICON_SMILE "  No numbness today").x * 1.25f;
    const float w = side_by_side ? half : -1.0f;
    if (big_button(s, ND_ICON_SMILE "  No numbness today", w, ButtonKind::Secondary)) log_no_numbness_today(s);
    if (side_by_side) ImGui::SameLine();
    const Episode* last = s.last_episode();
    ImGui::BeginDisabled(last == nullptr);
    if (big_button(s, ND_ICON_HISTORY "  Same as last time", w, ButtonKind::Secondary) && last)
        fill_draft_from(s.log.draft, *last);
    ImGui::EndDisabled();
}

void where_card(AppState& s, LogDraft& d) {
    begin_card("##where");
    section_heading(s, "Where do you feel it?");
    muted_text("Tap every part that is affected. Tap again to undo.");
    body_map(s, d.marks);
    struct Extra { Region region; Side side; const char* label; };
    static constexpr Extra kExtras[] = {
        {Region::WholeLeg, Side::Left, "Whole left leg"}, {Region::WholeLeg, Side::Right, "Whole right leg"},
        {Region::Hand, Side::Left, "Left hand"},          {Region::Hand, Side::Right, "Right hand"},
        {Region::Arm, Side::Left, "Left arm"},            {Region::Arm, Side::Right, "Right arm"},
        {Region::Face, Side::Middle, "Face"},
    };
    for (const Extra& x : kExtras) {
        const RegionMark m{x.region, x.side};
        const bool on = d.marks.count(m) > 0;
        if (chip(s, x.label, on)) {
            if (on)
                d.marks.erase(m);
            else
                d.marks.insert(m);
        }
    }
    if (!d.marks.empty()) {
        std::string list;
        for (const RegionMark& m : d.marks) list += (list.empty() ? "" : ", ") + describe(m);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().accent);
        ImGui::TextWrapped(ND_ICON_CHECK " %s", list.c_str());
        ImGui::PopStyleColor();
    }
    end_card();
}

void when_card(AppState& s, LogDraft& d) {
    begin_card("##when");
    section_heading(s, "When did it begin?");
    static constexpr const char* kBegan[] = {"Now", "15 min ago", "30 min ago", "1 hour ago", "Pick a time"};
    for (int i = 0; i < 5; ++i)
        if (chip(s, kBegan[i], static_cast<int>(d.began) == i)) {
            d.began = static_cast<Began>(i);
            if (d.began == Began::Picked && d.picked_time.empty()) {
                const LocalTime now = s.now_local();   // start from now: usually only the hour changes
                d.picked_time = format_iso8601(now).substr(0, 16);
                d.picked_time[10] = ' ';
            }
        }
    if (d.began == Began::Picked) {
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##picked", "YYYY-MM-DD HH:MM", &d.picked_time);
        record_item(s, "##picked");
    }
    section_heading(s, "How long did it last?");
    struct Dur { int min; const char* label; };
    static constexpr Dur kDur[] = {{5, "A few minutes"}, {15, "15 min"}, {30, "30 min"}, {60, "1 hour"}, {180, "Hours"}};
    for (const Dur& x : kDur)
        if (chip(s, x.label, !d.still_going && d.duration_min == x.min)) {
            d.duration_min = d.duration_min == x.min && !d.still_going ? 0 : x.min;
            d.still_going = false;
        }
    if (chip(s, "Still going", d.still_going)) d.still_going = !d.still_going;
    end_card();
}

}  // namespace

void draw_more_details(AppState& s, LogDraft& d);   // view_log_details.cpp

void draw_log(AppState& s) {
    LogDraft& d = s.log.draft;
    // The form scrolls; Save stays pinned below it, so a quick entry never
    // needs a scroll down to the end.
    const ImGuiStyle& st = ImGui::GetStyle();
    float footer = big_button_height() + st.ItemSpacing.y + page_bottom_pad() + st.WindowPadding.y;
    if (!d.error.empty()) footer += ImGui::GetTextLineHeightWithSpacing() * 2;
    ImGui::BeginChild("##form", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - footer, 200.0f)), false,
                      ImGuiWindowFlags_NavFlattened);
    ongoing_list(s);
    quick_row(s);
    where_card(s, d);

    begin_card("##feel");
    section_heading(s, "What does it feel like?");
    enum_chips(s, "sens", d.sensations);
    section_heading(s, "How strong?");
    rating_slider(s, "Numbness", "numbness", d.numbness);
    rating_slider(s, "Pain", "pain", d.pain);
    end_card();

    begin_card("##doing");
    section_heading(s, "What were you doing just before?");
    enum_chips(s, "act", d.activities);
    end_card();

    when_card(s, d);
    draw_more_details(s, d);
    ImGui::EndChild();

    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped(ND_ICON_WARNING " %s", d.error.c_str());
        ImGui::PopStyleColor();
    }
    if (big_button(s, ND_ICON_CHECK "  Save", -1)) save_draft(s);
}

}  // namespace nd::app
