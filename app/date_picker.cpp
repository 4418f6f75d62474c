#include "date_picker.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "icons.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string ymd(int y, int m, int d) {
    char buf[40];   // room for any int, so nothing is cut (-Wformat-truncation)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

bool square_button(WidgetLog& log, const std::string& label, const std::string& key, float w, bool selected) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_Button, selected ? p.accent : p.card);
    ImGui::PushStyleColor(ImGuiCol_Text, selected ? p.accent_text : p.text);
    // No side padding: seven days must share a phone's width at the largest text
    // (the label is centred; a padded "28" was cut by its button).
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0, ImGui::GetStyle().FramePadding.y));
    const bool pressed = ImGui::Button((label + "##" + key).c_str(), ImVec2(w, touch_height()));
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    probe_fit(log, key, ImGui::CalcTextSize(label.c_str()).x, w);
    record_item(log, key);
    return pressed;
}

}  // namespace

bool calendar(const DatePickerLook& look, const char* id, std::string& date, const LocalDate& fallback, const LocalDate& latest,
              bool* day_tapped) {
    const std::string base = days_since_epoch(date) ? date.substr(0, 10) : fallback;
    int y = 2026, m = 1, d = 1;
    if (std::sscanf(base.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12) return false;
    bool changed = false;
    const std::string key = id;
    ImGui::PushID(id);
    const float gap = 2.0f * look.scale;
    // Seven a row within the width given (never wider: they were cut at Largest on a
    // phone), at least 44 px (a touch target's width), at most 1.4 touch heights.
    const float cell = (ImGui::GetContentRegionAvail().x - 6 * gap) / 7.0f;
    const float w = std::max(44.0f * look.scale, std::min(cell, touch_height() * 1.4f));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    // Month header: previous / name / next.
    auto move_month = [&](int delta) {
        m += delta;
        if (m < 1) m = 12, --y;
        if (m > 12) m = 1, ++y;
        d = std::min(d, days_in_month(y, m));
        date = ymd(y, m, d);
        changed = true;
    };
    if (ImGui::GetStateStorage()->GetBool(ImGui::GetID("##years"), false)) {
        // Years first, for dates far back: -10, -1, the year, +1, +10.
        auto move_year = [&](int delta) {
            y += delta;
            d = std::min(d, days_in_month(y, m));
            date = ymd(y, m, d) + date.substr(std::min<std::size_t>(date.size(), 10));
            changed = true;
        };
        if (square_button(look.log, "-10", key + ":year-10", w, false)) move_year(-10);
        ImGui::SameLine();
        if (square_button(look.log, "-1", key + ":year-", w, false)) move_year(-1);
        ImGui::SameLine();
        const std::string yt = std::to_string(y);
        const ImVec2 at = ImGui::GetCursorPos();
        const float yw = w * 3 + gap * 2;
        ImGui::SetCursorPos(ImVec2(at.x + (yw - ImGui::CalcTextSize(yt.c_str()).x) * 0.5f,
                                   at.y + (touch_height() - ImGui::GetTextLineHeight()) * 0.5f));
        ImGui::TextUnformatted(yt.c_str());
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(at.x + yw + gap, at.y));
        if (square_button(look.log, "+1", key + ":year+", w, false)) move_year(1);
        ImGui::SameLine();
        if (square_button(look.log, "+10", key + ":year+10", w, false)) move_year(10);
    }
    char title[32];
    std::snprintf(title, sizeof title, "%s %d", kMonths[m - 1], y);
    const float title_w = w * 5 + gap * 4;
    const ImVec2 ts = ImGui::CalcTextSize(title);
    if (ts.x > title_w) {
        // Too long to sit between the arrows (large text on a phone): above them.
        ImGui::TextUnformatted(title);
        if (square_button(look.log, "<", key + ":prev", w, false)) move_month(-1);
        ImGui::SameLine(0, title_w + 2 * gap);
        if (square_button(look.log, ">", key + ":next", w, false)) move_month(1);
    } else {
        if (square_button(look.log, "<", key + ":prev", w, false)) move_month(-1);
        ImGui::SameLine();
        const ImVec2 at = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(at.x + (title_w - ts.x) * 0.5f, at.y + (touch_height() - ts.y) * 0.5f));
        ImGui::TextUnformatted(title);
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(at.x + title_w + gap, at.y));
        if (square_button(look.log, ">", key + ":next", w, false)) move_month(1);
    }
    static constexpr const char* kWeek[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
    const ImVec2 row0 = ImGui::GetCursorPos();
    for (int i = 0; i < 7; ++i) {
        const float tw = ImGui::CalcTextSize(kWeek[i]).x;
        ImGui::SetCursorPos(ImVec2(row0.x + static_cast<float>(i) * (w + gap) + (w - tw) * 0.5f, row0.y));
        ImGui::TextDisabled("%s", kWeek[i]);
    }
    ImGui::SetCursorPos(ImVec2(row0.x, row0.y + ImGui::GetTextLineHeightWithSpacing()));
    const auto first = days_since_epoch(ymd(y, m, 1));
    const int lead = first ? static_cast<int>(((*first % 7) + 7 + 3) % 7) : 0;   // Monday first
    const int n = days_in_month(y, m);
    for (int cellno = 0; cellno < lead + n; ++cellno) {
        if (cellno % 7) ImGui::SameLine();
        if (cellno < lead) {
            ImGui::Dummy(ImVec2(w, touch_height()));
            continue;
        }
        const int day = cellno - lead + 1;
        const std::string this_date = ymd(y, m, day);
        const bool disabled = !latest.empty() && this_date > latest;
        ImGui::BeginDisabled(disabled);
        if (square_button(look.log, std::to_string(day), key + ":day:" + std::to_string(day), w, day == d && this_date == base)) {
            date = this_date + date.substr(std::min<std::size_t>(date.size(), 10));
            changed = true;
            if (day_tapped) *day_tapped = true;
        }
        ImGui::EndDisabled();
    }
    ImGui::PopStyleVar();
    ImGui::PopID();
    return changed;
}

bool date_time_picker(const DatePickerLook& look, const char* id, std::string& text, const LocalDate& fallback, const LocalDate& latest) {
    int hh = 12, mm = 0;
    if (text.size() >= 16) std::sscanf(text.c_str() + 11, "%d:%d", &hh, &mm);
    std::string date = text.size() >= 10 ? text.substr(0, 10) : fallback;
    bool changed = calendar(look, id, date, fallback, latest);
    const std::string key = id;
    auto row = [&](const char* label, int& v, int step, int mod, const char* k) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(ImGui::CalcTextSize("Minute").x + ImGui::GetStyle().ItemSpacing.x * 3);
        if (square_button(look.log, "-", key + ":" + k + "-", touch_height(), false)) v = (v - step + mod) % mod, changed = true;
        ImGui::SameLine();
        ImGui::Text("%02d", v);
        ImGui::SameLine();
        if (square_button(look.log, "+", key + ":" + k + "+", touch_height(), false)) v = (v + step) % mod, changed = true;
    };
    ImGui::PushID(id);
    row("Hour", hh, 1, 24, "hour");
    row("Minute", mm, 5, 60, "min");
    ImGui::PopID();
    if (changed) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s %02d:%02d", date.substr(0, 10).c_str(), hh, mm);
        text = buf;
    }
    return changed;
}

bool date_picker_field(const DatePickerLook& look, const char* label, const char* id, std::string& value, const LocalDate& fallback,
                       const LocalDate& latest, bool allow_empty, bool years) {
    bool changed = false;
    ImGui::PushID(id);
    ImGuiStorage* st = ImGui::GetStateStorage();
    const ImGuiID open_id = ImGui::GetID("##open");
    bool open = st->GetBool(open_id, false);
    if (look.bold) ImGui::PushFont(look.bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label, std::strstr(label, "##"));
    ImGui::PopTextWrapPos();
    if (look.bold) ImGui::PopFont();
    const std::string shown = value.empty() ? std::string(ND_ICON_CALENDAR "  Choose a date")
                                            : std::string(ND_ICON_CALENDAR "  ") + format_date(value, look.format);
    const std::string key = id;
    if (big_button(look.log, (shown + "##" + key + ":open").c_str(), 0, ButtonKind::Secondary)) {
        open = !open;
        st->SetInt(ImGui::GetID("##shown"), INT_MIN);   // opens on the chosen date
    }
    look.log.items[key + ":open"] = look.log.items[shown + "##" + key + ":open"];
    if (allow_empty && !value.empty()) {
        ImGui::SameLine();
        if (big_button(look.log, ("Clear##" + key + ":clear").c_str(), 0, ButtonKind::Quiet)) {
            value.clear();
            changed = true;
            open = false;
        }
        look.log.items[key + ":clear"] = look.log.items["Clear##" + key + ":clear"];
    }
    if (open) {
        // The calendar's own storage says whether it shows the years row.
        ImGui::PushID(id);
        ImGui::GetStateStorage()->SetBool(ImGui::GetID("##years"), years);
        ImGui::PopID();
        // Months and years move what the calendar shows (kept while open); a day
        // tapped is the answer and closes it.
        const ImGuiID shown_id = ImGui::GetID("##shown");
        // Days since 1970 (negative before it); INT_MIN: nothing browsed yet.
        const int shown_days = st->GetInt(shown_id, INT_MIN);
        std::string date = shown_days != INT_MIN ? date_from_days(shown_days) : value;
        bool day = false;
        if (calendar(look, id, date, fallback, latest, &day)) {
            if (day) {
                value = date.substr(0, 10);
                changed = true;
                open = false;
            } else {
                st->SetInt(shown_id, static_cast<int>(days_since_epoch(date).value_or(0)));
            }
        }
        if (!open) st->SetInt(shown_id, INT_MIN);
    }
    st->SetBool(open_id, open);
    ImGui::PopID();
    return changed;
}

}  // namespace nd::app
