// Patterns: what the diary shows over a chosen period - episodes per week, the
// time of day, where (left and right), what came before, and how strong - each
// with the counts behind it. The numbers come from the report model (core), so
// this page and the doctor's report always agree; they are rebuilt only when
// the diary, the period or the day changes.
#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "charts.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

constexpr const char* kBands[] = {"Night (0:00 to 6:00)", "Morning (6:00 to 12:00)", "Afternoon (12:00 to 18:00)",
                                  "Evening (18:00 to 24:00)"};

void rebuild(AppState& s, PatternsPage& pg, const LocalDate& today) {
    ReportOptions opt;
    const auto t = days_since_epoch(today);
    const int days = pg.period == PatternPeriod::Days30 ? 30 : pg.period == PatternPeriod::Days90 ? 90
                     : pg.period == PatternPeriod::Year ? 365 : 0;
    if (days && t) opt.from = date_from_days(*t - days + 1);
    opt.to = today;
    opt.sections = kSectionPerWeek | kSectionBodyMap | kSectionSensations | kSectionSeverity;
    pg.report = build_report(s.diary, s.match(), opt);
    pg.bands.fill(0);
    pg.hours.fill(0);
    const auto& weeks = pg.report.per_week;
    std::vector<double> numb(weeks.size(), 0), pain(weeks.size(), 0);
    std::vector<int> n(weeks.size(), 0), np(weeks.size(), 0);
    const std::int64_t first_monday = weeks.empty() ? -1 : days_since_epoch(weeks.front().week_start).value_or(-1);
    for (const SeverityPoint& sp : pg.report.severity) {
        const int hour = std::clamp(sp.minute_of_day / 60, 0, 23);
        ++pg.hours[static_cast<std::size_t>(hour)];
        ++pg.bands[static_cast<std::size_t>(hour / 6)];
        if (first_monday < 0 || sp.local_day < first_monday) continue;
        const auto w = static_cast<std::size_t>((sp.local_day - first_monday) / 7);
        if (w >= weeks.size()) continue;
        // Averages of the rated episodes only: "not rated" is unknown, not 0.
        if (sp.numbness) numb[w] += *sp.numbness, ++n[w];
        if (sp.pain) pain[w] += *sp.pain, ++np[w];
    }
    pg.week_numbness.assign(weeks.size(), -1);
    pg.week_pain.assign(weeks.size(), -1);
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        if (n[i]) pg.week_numbness[i] = numb[i] / n[i];
        if (np[i]) pg.week_pain[i] = pain[i] / np[i];
    }
    pg.revision = s.revision;
    pg.cached_period = pg.period;
    pg.cached_today = today;
}

void numbers_toggle(AppState& s, PatternsPage& pg) {
    if (chip(s, pg.show_numbers ? "Hide the numbers##numbers" : "Show the numbers##numbers", pg.show_numbers))
        pg.show_numbers = !pg.show_numbers;
}

void week_table(AppState& s, const PatternsPage& pg) {
    if (!ImGui::BeginTable("##weeks", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn("Week of");
    ImGui::TableSetupColumn("Episodes");
    ImGui::TableSetupColumn("Numbness");
    ImGui::TableSetupColumn("Pain");
    ImGui::TableHeadersRow();
    const auto& weeks = pg.report.per_week;
    for (std::size_t i = weeks.size(); i-- > 0;) {   // newest first, like the diary
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_date(weeks[i].week_start, s.settings.date_format).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", weeks[i].episodes);
        ImGui::TableNextColumn();
        if (pg.week_numbness[i] >= 0) ImGui::Text("%.1f", pg.week_numbness[i]); else ImGui::TextUnformatted("-");
        ImGui::TableNextColumn();
        if (pg.week_pain[i] >= 0) ImGui::Text("%.1f", pg.week_pain[i]); else ImGui::TextUnformatted("-");
    }
    ImGui::EndTable();
}

void count_list(const std::vector<CountItem>& items, std::size_t max_items) {
    int max = 1;
    float label_w = 0;
    for (const CountItem& c : items) {
        max = std::max(max, c.count);
        label_w = std::max(label_w, ImGui::CalcTextSize(c.label.c_str()).x);
    }
    for (std::size_t i = 0; i < items.size() && i < max_items; ++i) count_bar(items[i].label.c_str(), items[i].count, max, label_w);
}

}  // namespace

void draw_patterns(AppState& s) {
    PatternsPage& pg = s.pages.patterns;
    static constexpr const char* kPeriods[] = {"30 days", "90 days", "1 year", "All"};
    int period = static_cast<int>(pg.period);
    if (segmented(s, "period", period, kPeriods)) pg.period = static_cast<PatternPeriod>(period);
    const LocalDate today = local_date(s.now_local());
    if (pg.revision != s.revision || pg.cached_period != pg.period || pg.cached_today != today) rebuild(s, pg, today);
    const ReportModel& r = pg.report;

    muted_text(r.period_text.c_str());
    if (r.episode_count < 3) {
        begin_card("##notenough");
        heading(s, ND_ICON_INFO "  Not enough data yet");
        ImGui::TextWrapped("Patterns show once there are at least 3 episodes in this period (there %s %d). "
                           "Keep logging, or choose a longer period above.",
                           r.episode_count == 1 ? "is" : "are", r.episode_count);
        end_card();
        return;
    }
    numbers_toggle(s, pg);

    begin_card("##summary");
    {
        char numb[96] = "Numbness: not rated.", pain[96] = "Pain: not rated.";
        if (r.numbness_rated) std::snprintf(numb, sizeof numb, "Numbness: usually %.0f of 10, at most %d.", r.median_numbness, r.max_numbness);
        if (r.pain_rated) std::snprintf(pain, sizeof pain, "Pain: usually %.0f, at most %d.", r.median_pain, r.max_pain);
        ImGui::TextWrapped("%d episodes on %d of %d days. %s %s", r.episode_count, r.days_with_episodes,
                           r.days_in_period, numb, pain);
    }
    // Red-flag episodes stay marked here too, in words and in the danger colour.
    if (!r.red_flags.empty()) {
        std::set<std::string> flagged;
        for (const RedFlagEvent& f : r.red_flags) flagged.insert(f.episode_id);
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped(ND_ICON_WARNING "  %zu %s with warning signs in this period (marked in the Diary).",
                           flagged.size(), flagged.size() == 1 ? "episode" : "episodes");
        ImGui::PopStyleColor();
    }
    end_card();

    begin_card("##perweek");
    heading(s, "Episodes per week");
    week_bar_chart(s, r.per_week);
    bool any_flag = false;
    for (const WeekBucket& b : r.per_week) any_flag = any_flag || b.red_flag_episodes > 0;
    if (any_flag) muted_text("Red: episodes with warning signs.");
    end_card();

    begin_card("##timeofday");
    heading(s, "Time of day it began");
    int max_band = 1;
    float label_w = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        max_band = std::max(max_band, pg.bands[i]);
        label_w = std::max(label_w, ImGui::CalcTextSize(kBands[i]).x);
    }
    for (std::size_t i = 0; i < 4; ++i) count_bar(kBands[i], pg.bands[i], max_band, label_w);
    ImGui::Spacing();
    hour_chart(s, pg.hours);
    end_card();

    begin_card("##where");
    heading(s, "Where: episodes per place and side");
    region_grid(s, r.regions);
    end_card();

    begin_card("##before");
    heading(s, "What you were doing before it began");
    if (r.triggers.empty()) muted_text("Nothing noted yet. The log's \"What were you doing\" choices show here.");
    count_list(r.triggers, 12);
    if (!r.sensations.empty()) {
        heading(s, "What it felt like");
        count_list(r.sensations, 8);
    }
    end_card();

    begin_card("##severity");
    heading(s, "How strong, week by week (0 to 10)");
    severity_chart(s, r.per_week, pg.week_numbness, pg.week_pain);
    end_card();

    if (pg.show_numbers) {
        begin_card("##numbers");
        heading(s, "The numbers, week by week");
        week_table(s, pg);
        end_card();
    }
    muted_text("Counts include only episodes in the chosen period; deleted ones are left out.");
}

}  // namespace nd::app
