#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, 1.0f);
}

float luminance(ImVec4 c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string short_date(const LocalDate& date) {
    if (date.size() != 10) return date;
    const int m = std::atoi(date.substr(5, 2).c_str()), d = std::atoi(date.substr(8, 2).c_str());
    if (m < 1 || m > 12) return date;
    return std::to_string(d) + " " + kMonths[m - 1];
}

void week_bar_chart(WidgetLog& log, float display_scale, const std::vector<WeekBucket>& weeks) {
    if (weeks.empty()) return;
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = display_scale;
    const float line = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x;
    const float plot_h = 150.0f * sc;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float top = a.y + line + 4;              // room for the counts above the bars
    const float base = top + plot_h;
    int max = 1;
    for (const WeekBucket& b : weeks) max = std::max(max, b.episodes);
    const float slot = w / static_cast<float>(weeks.size());
    const float gap = std::min(6.0f * sc, slot * 0.25f);
    const bool all_counts = slot >= ImGui::CalcTextSize("00").x + 2;
    dl->AddLine(ImVec2(a.x, base), ImVec2(a.x + w, base), ImGui::GetColorU32(p.border), 1.0f);
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const WeekBucket& b = weeks[i];
        const float x0 = a.x + slot * static_cast<float>(i) + gap * 0.5f, x1 = x0 + slot - gap;
        const float h = plot_h * static_cast<float>(b.episodes) / static_cast<float>(max);
        const float hr = plot_h * static_cast<float>(b.red_flag_episodes) / static_cast<float>(max);
        if (b.episodes > 0) {
            dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), ImGui::GetColorU32(p.accent), std::min(4.0f * sc, (x1 - x0) * 0.3f), ImDrawFlags_RoundCornersTop);
            if (hr > 0) dl->AddRectFilled(ImVec2(x0, base - hr), ImVec2(x1, base), ImGui::GetColorU32(p.danger));
        }
        // Counts: every bar when they fit, else the highest bars only.
        const std::string n = std::to_string(b.episodes);
        const float tw = ImGui::CalcTextSize(n.c_str()).x;
        if (all_counts || tw <= slot - 1 || b.episodes == max) {
            dl->AddText(ImVec2((x0 + x1 - tw) * 0.5f, base - h - line - 2), ImGui::GetColorU32(p.text), n.c_str());
        }
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, top), ImVec2(x1, base + line)))
            ImGui::SetTooltip("Week of %s: %d episode%s", short_date(b.week_start).c_str(), b.episodes, b.episodes == 1 ? "" : "s");
    }
    // Dates under the axis, as many as fit without overlapping.
    const float label_w = ImGui::CalcTextSize("30 Sep").x + 12 * sc;
    const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(label_w / slot)));
    float next_free = -1e9f;   // a date pulled in from the right edge must not cover the one before it
    for (std::size_t i = 0; i < weeks.size(); i += every) {
        const std::string d = short_date(weeks[i].week_start);
        const float dw = ImGui::CalcTextSize(d.c_str()).x;
        const float x = std::min(a.x + slot * static_cast<float>(i) + gap * 0.5f, a.x + w - dw);
        if (x < next_free) continue;
        dl->AddText(ImVec2(x, base + 4), ImGui::GetColorU32(p.text_muted), d.c_str());
        next_free = x + dw + 8 * sc;
    }
    ImGui::Dummy(ImVec2(w, base + 4 + line - a.y));
    record_item(log, "chart:weeks");
}

void hour_chart(float display_scale, std::span<const int> hours) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = display_scale;
    const float line = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x;
    const float plot_h = 60.0f * sc;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    int max = 1;
    for (int n : hours) max = std::max(max, n);
    const float slot = w / static_cast<float>(hours.size());
    const float base = a.y + plot_h;
    for (std::size_t i = 0; i < hours.size(); ++i) {
        const float x0 = a.x + slot * static_cast<float>(i) + 1, x1 = x0 + slot - 2;
        const float h = plot_h * static_cast<float>(hours[i]) / static_cast<float>(max);
        dl->AddRectFilled(ImVec2(x0, base - std::max(h, hours[i] ? 2.0f : 0.0f)), ImVec2(x1, base), ImGui::GetColorU32(p.accent));
        if (ImGui::IsMouseHoveringRect(ImVec2(x0, a.y), ImVec2(x1, base)))
            ImGui::SetTooltip("%02zu:00 to %02zu:59: %d episode%s", i, i, hours[i], hours[i] == 1 ? "" : "s");
    }
    dl->AddLine(ImVec2(a.x, base), ImVec2(a.x + w, base), ImGui::GetColorU32(p.border));
    for (int h = 0; h < 24; h += 6) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:00", h);
        dl->AddText(ImVec2(a.x + slot * static_cast<float>(h), base + 4), ImGui::GetColorU32(p.text_muted), buf);
    }
    ImGui::Dummy(ImVec2(w, plot_h + line + 6));
}

void region_grid(WidgetLog& log, float display_scale, const std::vector<RegionCount>& regions) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = display_scale;
    const float line = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x;
    bool any_middle = false;
    int max = 1;
    for (const RegionCount& r : regions) {
        any_middle = any_middle || r.middle > 0;
        max = std::max({max, r.left, r.right, r.middle});
    }
    const int cols = any_middle ? 3 : 2;
    const float cell_w = std::min(110.0f * sc, w * (any_middle ? 0.18f : 0.24f));
    const float label_w = w - cell_w * static_cast<float>(cols) - 4 * sc * static_cast<float>(cols);
    ImVec2 a = ImGui::GetCursorScreenPos();
    const char* heads[] = {"Left", "Right", "Middle"};
    for (int c = 0; c < cols; ++c) {
        const float x = a.x + label_w + (cell_w + 4 * sc) * static_cast<float>(c);
        const float tw = ImGui::CalcTextSize(heads[c]).x;
        dl->AddText(ImVec2(x + (cell_w - tw) * 0.5f, a.y), ImGui::GetColorU32(p.text_muted), heads[c]);
    }
    a.y += line + 6 * sc;
    for (const RegionCount& r : regions) {
        // A label that does not fit beside the cells wraps, and its row grows.
        const std::string label = wrap_lines(r.label.c_str(), nullptr, label_w - 6 * sc);
        const float text_h = ImGui::CalcTextSize(label.c_str()).y;
        const float row_h = std::max(line, text_h) + 14 * sc;
        dl->AddText(ImVec2(a.x, a.y + (row_h - text_h) * 0.5f), ImGui::GetColorU32(p.text), label.c_str());
        const int counts[] = {r.left, r.right, r.middle};
        for (int c = 0; c < cols; ++c) {
            const float x = a.x + label_w + (cell_w + 4 * sc) * static_cast<float>(c);
            const float t = counts[c] > 0 ? 0.15f + 0.85f * static_cast<float>(counts[c]) / static_cast<float>(max) : 0.0f;
            const ImVec4 fill = mix(p.card, p.accent, t);
            dl->AddRectFilled(ImVec2(x, a.y + 2), ImVec2(x + cell_w, a.y + row_h - 2), ImGui::GetColorU32(fill), 6 * sc);
            dl->AddRect(ImVec2(x, a.y + 2), ImVec2(x + cell_w, a.y + row_h - 2), ImGui::GetColorU32(p.border), 6 * sc);
            const std::string n = std::to_string(counts[c]);
            const float tw = ImGui::CalcTextSize(n.c_str()).x;
            const ImVec4 tc = luminance(fill) < 0.45f ? ImVec4(1, 1, 1, 1) : ImVec4(0.08f, 0.1f, 0.12f, 1);
            dl->AddText(ImVec2(x + (cell_w - tw) * 0.5f, a.y + (row_h - line) * 0.5f),
                        ImGui::GetColorU32(counts[c] ? tc : p.text_muted), n.c_str());
        }
        a.y += row_h;
    }
    ImGui::Dummy(ImVec2(w, a.y - ImGui::GetCursorScreenPos().y));
    record_item(log, "chart:regions");
}

void severity_chart(float display_scale, const std::vector<WeekBucket>& weeks, const std::vector<double>& numbness,
                    const std::vector<double>& pain) {
    if (weeks.empty()) return;
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float sc = display_scale;
    const float line = ImGui::GetTextLineHeight();
    const float w = ImGui::GetContentRegionAvail().x;
    const float axis_w = ImGui::CalcTextSize("10").x + 8 * sc;
    const float plot_h = 140.0f * sc;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float top = a.y + line * 0.5f, base = top + plot_h;
    const float x_left = a.x + axis_w, plot_w = w - axis_w;
    for (int v : {0, 5, 10}) {
        const float y = base - plot_h * static_cast<float>(v) / 10.0f;
        dl->AddLine(ImVec2(x_left, y), ImVec2(x_left + plot_w, y), ImGui::GetColorU32(p.border));
        const std::string t = std::to_string(v);
        dl->AddText(ImVec2(a.x, y - line * 0.5f), ImGui::GetColorU32(p.text_muted), t.c_str());
    }
    const float slot = plot_w / static_cast<float>(weeks.size());
    auto draw_series = [&](const std::vector<double>& v, ImU32 col) {
        ImVec2 prev;
        bool have_prev = false;
        for (std::size_t i = 0; i < v.size() && i < weeks.size(); ++i) {
            if (v[i] < 0) continue;   // lines join across empty weeks
            const ImVec2 pt(x_left + slot * (static_cast<float>(i) + 0.5f), base - plot_h * static_cast<float>(v[i]) / 10.0f);
            if (have_prev) dl->AddLine(prev, pt, col, 2.5f * sc);
            dl->AddCircleFilled(pt, 3.5f * sc, col);
            prev = pt;
            have_prev = true;
        }
    };
    draw_series(pain, ImGui::GetColorU32(p.pain));   // red is kept for warning signs alone
    draw_series(numbness, ImGui::GetColorU32(p.accent));
    const std::string first = short_date(weeks.front().week_start), last = short_date(weeks.back().week_start);
    dl->AddText(ImVec2(x_left, base + 4), ImGui::GetColorU32(p.text_muted), first.c_str());
    dl->AddText(ImVec2(x_left + plot_w - ImGui::CalcTextSize(last.c_str()).x, base + 4), ImGui::GetColorU32(p.text_muted), last.c_str());
    ImGui::Dummy(ImVec2(w, base + 4 + line - a.y));
    // Legend
    const ImVec2 l = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(l.x + 6 * sc, l.y + line * 0.5f), 5 * sc, ImGui::GetColorU32(p.accent));
    ImGui::SetCursorScreenPos(ImVec2(l.x + 16 * sc, l.y));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("Numbness (weekly average)");
    ImGui::SameLine();
    const ImVec2 l2 = ImGui::GetCursorScreenPos();
    if (l2.x + ImGui::CalcTextSize("Pain").x + 40 * sc > a.x + w) ImGui::NewLine();
    const ImVec2 l3 = ImGui::GetCursorScreenPos();
    dl->AddCircleFilled(ImVec2(l3.x + 6 * sc, l3.y + line * 0.5f), 5 * sc, ImGui::GetColorU32(p.pain));
    ImGui::SetCursorScreenPos(ImVec2(l3.x + 16 * sc, l3.y));
    ImGui::TextUnformatted("Pain");
    ImGui::PopTextWrapPos();
}

}  // namespace nd::app
