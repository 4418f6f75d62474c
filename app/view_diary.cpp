// Diary: days newest first, each episode on one row, check-ins on their day.
// The rows are flattened once per change (AppState::revision) or filter change
// and only the rows in view are drawn, so tens of thousands of episodes scroll
// smoothly with no database work per frame. Tapping a row opens the editor.
#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <string>

#include "checkin_page_state.hpp"
#include "diary_analysis.hpp"
#include "diary_editor.hpp"
#include "diary_page_state.hpp"
#include "diary_row_text.hpp"
#include "diary_rows.hpp"
#include "enum_names.hpp"
#include "episode_text.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "log_actions.hpp"
#include "red_flags.hpp"
#include "record_commands.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// A day's title in up to four forms, longest first: "Wednesday  02/12/2026  (today)",
// "Wed  02/12/2026  (today)", "02/12/2026 (today)", "02/12/2026". The row shows the
// longest that fits its width (never cut; issue 13).
std::string day_title(AppState& s, const LocalDate& date, const LocalDate& today, int form) {
    const auto d = days_since_epoch(date), t = days_since_epoch(today);
    std::string out = format_date(date, s.settings.date_format);
    if (form >= 3) return out;
    if (form == 2) return d && t && *d == *t ? out + " (today)" : out;
    const bool short_form = form == 1;
    if (d) out = std::string(kWeekdays[((*d % 7) + 7 + 3) % 7]).substr(0, short_form ? 3 : std::string::npos) + "  " + out;
    if (d && t && *d == *t) out += "  (today)";
    if (d && t && *d == *t - 1) out += short_form ? "" : "  (yesterday)";
    return out;
}

// The width a row's words wrap at: the row less its padding, its badge and (in the bin)
// the Restore button. The badge is at most 0.9 of a touch target (draw_row).
float row_text_width(AppState& s, const DiaryPage& pg, float row_w) {
    const float pad = 10.0f * s.display_scale;
    float w = row_w - pad * 3 - touch_height() * 0.9f;
    if (pg.show_bin) w -= ImGui::CalcTextSize("Restore").x + 40 * s.display_scale;
    return std::max(w, 40.0f * s.display_scale);
}

// Whether an episode raises a red flag within the diary. The flagged ids are found once
// per revision (one walk over the diary, on the worker where there is one: the marks of
// the revision before stay until then), never per row and frame.
bool row_is_red_flag(AppState& s, const Episode& e) {
    const auto flagged = analysis(s).flagged(s);
    return flagged && flagged->contains(e.id);
}

void draw_filters(AppState& s, DiaryPage& pg) {
    static constexpr std::pair<DatePreset, const char*> kPresets[] = {
        {DatePreset::Days7, "Last 7 days"}, {DatePreset::Days30, "30 days"},
        {DatePreset::Days90, "90 days"}, {DatePreset::All, "All"}};
    for (const auto& [preset, label] : kPresets) {
        if (chip(s, (std::string(label) + "##range").c_str(), pg.filter.preset == preset)) {
            pg.filter.preset = preset;
            pg.filter_error.clear();
        }
    }
    const bool any_more = pg.filter.region || pg.filter.sensation || pg.filter.preset == DatePreset::Custom;
    if (chip(s, any_more ? ND_ICON_SEARCH " More filters (on)##more" : ND_ICON_SEARCH " More filters##more", pg.show_filters))
        pg.show_filters = !pg.show_filters;
    if (pg.show_filters) {
        begin_card("##filters");
        date_field(s, "From##diary", pg.from_text);
        date_field(s, "To##diary", pg.to_text);
        if (big_button(s, "Show these dates", 0, ButtonKind::Secondary)) {
            std::string problem = date_problem(pg.from_text, true);
            if (problem.empty()) problem = date_problem(pg.to_text, true);
            if (problem.empty() && !pg.from_text.empty() && !pg.to_text.empty() && pg.from_text > pg.to_text)
                problem = "The \"From\" date is after the \"To\" date.";
            pg.filter_error = problem;
            if (problem.empty()) {
                pg.filter.preset = DatePreset::Custom;
                pg.filter.from = pg.from_text;
                pg.filter.to = pg.to_text;
            }
        }
        if (!pg.filter_error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
            ImGui::TextWrapped("%s", pg.filter_error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::TextUnformatted("Where");
        enum_combo<Region>(s, "##region", pg.filter.region, "Anywhere");
        ImGui::TextUnformatted("What it felt like");
        enum_combo<Sensation>(s, "##sensation", pg.filter.sensation, "Any feeling");
        if (big_button(s, "Clear filters", 0, ButtonKind::Quiet)) {
            pg.filter = {};
            pg.from_text.clear();
            pg.to_text.clear();
            pg.filter_error.clear();
        }
        end_card();
    }
}

// One row of the list, `h` high (a day's title is shorter than the rows under it).
void draw_row(AppState& s, DiaryPage& pg, CheckInPage& checkin, const DiaryRow& row, float h, int budget) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeight();
    const float pad = 10.0f * s.display_scale;
    if (row.kind == DiaryRowKind::Day) {
        ImGui::Dummy(ImVec2(w, h));
        const float y = a.y + h - line - 6 * s.display_scale;
        ImFont* bold = s.fonts.bold ? s.fonts.bold : ImGui::GetFont();
        const std::string n = row.count == 0 ? "" : row.count == 1 ? "1 episode" : std::to_string(row.count) + " episodes";
        const float nw = ImGui::CalcTextSize(n.c_str()).x;
        const LocalDate date = date_from_days(row.day);
        // The longest title that fits beside the episode count, else the longest that
        // fits alone (the count gives way to the date).
        auto width_of = [&](const std::string& t) { return bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, t.c_str()).x; };
        std::string title;
        for (const float room : {w - nw - 12, w}) {
            for (int form = 0; form <= 3 && title.empty(); ++form)
                if (const std::string t = day_title(s, date, pg.rows_today, form); width_of(t) <= room) title = t;
            if (!title.empty()) break;
        }
        if (title.empty()) title = day_title(s, date, pg.rows_today, 3);
        auto title_w = [&] { return width_of(title); };
        dl->AddText(bold, bold->FontSize, ImVec2(a.x, y), ImGui::GetColorU32(p.text), title.c_str());
        if (title_w() + nw + 12 <= w) dl->AddText(ImVec2(a.x + w - nw, y), ImGui::GetColorU32(p.text_muted), n.c_str());
        return;
    }
    ImGui::PushID(static_cast<int>(row.index) * 2 + (row.kind == DiaryRowKind::CheckIn ? 1 : 0));
    const float gap = 4.0f * s.display_scale;
    bool clicked = false;
    if (!pg.show_bin) clicked = ImGui::InvisibleButton("##row", ImVec2(w, h - gap));
    else ImGui::Dummy(ImVec2(w, h - gap));
    const bool hovered = !pg.show_bin && ImGui::IsItemHovered();
    if (s.record_items) {
        record_item(s, row.kind == DiaryRowKind::Episode ? "diary:episode:" + s.diary.episodes[row.index].id
                                                          : "diary:checkin:" + s.diary.checkins[row.index].date);
    }
    ImGui::Dummy(ImVec2(w, gap));
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h - gap), ImGui::GetColorU32(hovered ? p.accent_soft : p.card), 10 * s.display_scale);
    std::string badge_text;
    std::vector<RowParagraph> paras;
    ImU32 badge_col = ImGui::GetColorU32(p.accent_soft), badge_text_col = ImGui::GetColorU32(p.text);
    const float text_w = row_text_width(s, pg, w);
    ImFont* font = ImGui::GetFont();
    if (row.kind == DiaryRowKind::Episode) {
        const Episode& e = s.diary.episodes[row.index];
        badge_text = e.numbness ? std::to_string(*e.numbness) : "-";   // -: not rated
        if (e.numbness.value_or(0) >= 7) badge_col = ImGui::GetColorU32(p.accent), badge_text_col = ImGui::GetColorU32(p.accent_text);
        // A red-flag episode stays marked: a warning badge and words, not only a colour.
        const bool warning = row_is_red_flag(s, e);
        if (warning) {
            badge_text = ND_ICON_WARNING;
            badge_col = ImGui::GetColorU32(p.danger);
            badge_text_col = ImGui::GetColorU32(p.danger_text);
            if (s.record_items) s.items["diary:red_flag:" + e.id] = ItemRect{a.x, a.y, a.x + w, a.y + h - gap};
        }
        paras = episode_row_text(e, warning, s.narrow, font, font->FontSize, text_w, budget);
    } else {
        paras = checkin_row_text(s.diary.checkins[row.index], font, font->FontSize, text_w, budget);
        badge_text = ND_ICON_CHECK;
    }
    const float badge = std::min(h - gap - 2 * pad, touch_height() * 0.9f);
    const float by = a.y + (h - gap - badge) * 0.5f;
    dl->AddRectFilled(ImVec2(a.x + pad, by), ImVec2(a.x + pad + badge, by + badge), badge_col, badge * 0.5f);
    const ImVec2 bt = ImGui::CalcTextSize(badge_text.c_str());
    dl->AddText(ImVec2(a.x + pad + (badge - bt.x) * 0.5f, by + (badge - bt.y) * 0.5f), badge_text_col, badge_text.c_str());
    const float tx = a.x + pad * 2 + badge;
    // Paragraphs wrap at the row's text width (no "…"): see diary_row_text.hpp.
    const float text_h = static_cast<float>(total_lines(paras)) * line + 2.0f * static_cast<float>(paras.size() - 1);
    float ty = a.y + (h - gap - text_h) * 0.5f;
    for (const RowParagraph& para : paras) {
        dl->AddText(font, font->FontSize, ImVec2(tx, ty), ImGui::GetColorU32(para.muted ? p.text_muted : p.text),
                    para.text.c_str(), nullptr, text_w);
        ty += static_cast<float>(para.lines) * line + 2;
    }
    if (pg.show_bin && row.kind == DiaryRowKind::Episode) {
        const ImVec2 after = ImGui::GetCursorScreenPos();
        const float bw = ImGui::CalcTextSize("Restore").x + 32 * s.display_scale;
        ImGui::SetCursorScreenPos(ImVec2(a.x + w - bw - pad * 0.5f, a.y + (h - gap - touch_height()) * 0.5f));
        if (big_button(s, "Restore", bw, ButtonKind::Secondary)) {
            s.run(restore_episode_command(s.diary.episodes[row.index]));
            s.show_toast("Back in the diary");
        }
        ImGui::SetCursorScreenPos(after);
    }
    if (clicked) {
        if (row.kind == DiaryRowKind::Episode) {
            open_episode_editor(pg, s.diary.episodes[row.index]);
        } else {
            checkin.date_text = s.diary.checkins[row.index].date;
            checkin.loaded = false;
            s.page = Page::CheckIn;
        }
    }
    ImGui::PopID();
}

}  // namespace

void draw_diary(AppState& s, PageStates& pages) {
    DiaryPage& pg = pages.diary;
    // Opened from another page: the list, at its top (an editor left open is closed,
    // as Back would; a stale scroll position would put old rows under the finger).
    const int frame = ImGui::GetFrameCount();
    if (pg.last_frame + 1 != frame) {
        pg.editing.reset();
        ImGui::SetScrollY(0);
    }
    pg.last_frame = frame;
    if (pg.open_newest && !s.episodes_newest_first.empty()) {
        pg.open_newest = false;
        open_episode_editor(pg, s.diary.episodes[s.episodes_newest_first.front()]);
    }
    if (pg.editing) {
        draw_episode_editor(s, pg, pages.body_map);
        return;
    }
    const LocalDate today = local_date(s.now_local());
    draw_questionnaire_retake_card(s, pages.questionnaire);
    draw_filters(s, pg);
    const std::string bin_label = pg.show_bin ? ND_ICON_ARROW_LEFT " Back to the diary##bin" : ND_ICON_TRASH " Bin##bin";
    update_rows(s, pg, today);
    if (chip(s, bin_label.c_str(), false)) {
        pg.show_bin = !pg.show_bin;
        build_rows(s, pg, today);
    }
    if (pg.show_bin) {
        muted_text("Episodes you deleted. Restore one to put it back in the diary; empty the bin in Settings.");
    }
    const int n = pg.shown_episodes;
    std::string summary = n == 1 ? "1 episode" : std::to_string(n) + " episodes";
    summary += pg.show_bin ? " in the bin" : " shown";
    if (!pg.show_bin && pg.bin_count) summary += " \xc2\xb7 " + std::to_string(pg.bin_count) + " in the bin";
    muted_text(summary.c_str());

    if (pg.rows.empty()) {
        begin_card("##empty");
        ImGui::TextWrapped("%s", pg.show_bin ? "The bin is empty."
                                 : s.episodes_newest_first.empty() ? "Nothing logged yet. Episodes you log appear here, newest first."
                                                                   : "No episodes match these filters.");
        end_card();
        return;
    }
    const float line = ImGui::GetTextLineHeight();
    // Every row gets the lines a typical episode needs at this width and text size (a
    // phone row has three parts); see diary_row_text.hpp.
    ImFont* font = ImGui::GetFont();
    const int budget = row_line_budget(font, font->FontSize, row_text_width(s, pg, ImGui::GetContentRegionAvail().x), s.narrow);
    auto row_height = [&](int lines) {
        return std::max(touch_height() + 8 * s.display_scale, (line + 2) * static_cast<float>(lines) + 24 * s.display_scale);
    };
    const float h = row_height(budget);
    // Check-in rows say less (a title and what was noted): a shorter height of their own,
    // so that a check-in is not a tall card with a little text in its middle.
    const int checkin_budget = checkin_line_budget(budget);
    const float hc = row_height(checkin_budget);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    // Rows of three heights, episode rows (h), check-in rows (hc) and the days' titles
    // (hd, a line): only the rows in view are drawn, found by their positions (a row's
    // top is known from how many titles and check-ins come before it), as
    // ImGuiListClipper would for one height.
    const float hd = line + 20 * s.display_scale;
    const std::vector<DiaryRow>& rows = pg.rows;
    const std::size_t nrows = rows.size();
    const std::size_t total_days = rows.back().days_before + (rows.back().kind == DiaryRowKind::Day ? 1 : 0);
    const std::size_t total_checkins = rows.back().checkins_before + (rows.back().kind == DiaryRowKind::CheckIn ? 1 : 0);
    auto top_of = [&](std::size_t i) {   // from the list's top
        const std::size_t days = i < nrows ? rows[i].days_before : total_days;
        const std::size_t checkins = i < nrows ? rows[i].checkins_before : total_checkins;
        return static_cast<float>(i - days - checkins) * h + static_cast<float>(checkins) * hc +
               static_cast<float>(days) * hd;
    };
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float view_top = dl->GetClipRectMin().y - origin.y, view_bottom = dl->GetClipRectMax().y - origin.y;
    std::size_t lo = 0, hi = nrows;   // first row whose bottom is below the view's top
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (top_of(mid + 1) <= view_top) lo = mid + 1;
        else hi = mid;
    }
    for (std::size_t i = lo; i < nrows && top_of(i) < view_bottom; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + top_of(i)));
        const DiaryRowKind kind = rows[i].kind;
        draw_row(s, pg, pages.checkin, rows[i], kind == DiaryRowKind::Day ? hd : kind == DiaryRowKind::CheckIn ? hc : h,
                 kind == DiaryRowKind::CheckIn ? checkin_budget : budget);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + top_of(nrows)));   // the whole list's height scrolls
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::PopStyleVar();
}

}  // namespace nd::app
