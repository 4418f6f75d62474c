// Patterns: what the diary shows over a chosen period - episodes per week, the
// time of day, where (left and right), what came before, and how strong - each
// with the counts behind it. The numbers come from the report model (core), so
// this page and the doctor's report always agree; they are rebuilt only when
// the diary, the period or the day changes, on a worker where there is one
// (app/diary_analysis.hpp). Warning signs come first, grouped by reason.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

#include "charts.hpp"
#include "diary_analysis.hpp"
#include "match_figures.hpp"
#include "emergency_text.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "patterns_page_state.hpp"
#include "red_flag_cards.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

constexpr const char* kBands[] = {"Night (0:00 to 6:00)", "Morning (6:00 to 12:00)", "Afternoon (12:00 to 18:00)",
                                  "Evening (18:00 to 24:00)"};

// Warning signs first, whatever the period and however few the episodes (issue 11):
// each reason once, with how often and when (the whole diary's, as on Possible causes).
void draw_red_flag_groups(AppState& s, const std::vector<RedFlagGroup>& groups) {
    draw_red_flag_cards(red_flag_cards_look(s), groups, "patterns");
}

void numbers_toggle(AppState& s, PatternsPage& pg) {
    if (chip(s, pg.show_numbers ? "Hide the numbers##numbers" : "Show the numbers##numbers", pg.show_numbers))
        pg.show_numbers = !pg.show_numbers;
}

void week_table(AppState& s, const PatternStats& pg) {
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

void draw_patterns(AppState& s, PageStates& pages) {
    PatternsPage& pg = pages.patterns;
    static constexpr const char* kPeriods[] = {"30 days", "90 days", "1 year", "All"};
    int period = static_cast<int>(pg.period);
    if (segmented(s, "period", period, kPeriods)) pg.period = static_cast<PatternPeriod>(period);
    const LocalDate today = local_date(s.now_local());
    // Figures for this revision, period and day, or the latest ones while the worker
    // works those out (never a frozen frame, issue 19).
    pg.stats = analysis(s).patterns(s, pg.period, today);
    if (!pg.stats) {
        begin_card("##working");
        ImGui::TextWrapped("Working out the patterns of this period.");
        end_card();
        return;
    }
    const PatternStats& st = *pg.stats;
    const ReportModel& r = st.report;
    // The warning signs never wait for the worker: the figures' flags from before the
    // earliest change since, the rest of the diary judged now (issue 19).
    if (pg.flags_revision != s.revision || pg.flags_stats_revision != st.revision) {
        // Without a worker the figures catch up a slice a frame: judge no more than a slice now.
        const bool worker = s.services && s.services->threads_available();
        pg.red_flag_groups = current_red_flag_groups(s, st.revision, &st.red_flags, &st.red_flag_starts,
                                                     worker ? SIZE_MAX : analysis(s).step_budget());
        pg.flags_revision = s.revision;
        pg.flags_stats_revision = st.revision;
    }
    draw_red_flag_groups(s, pg.red_flag_groups);
    if (st.revision != s.revision || st.period != pg.period || st.today != today)
        muted_text(st.period != pg.period ? "Working out this period; the figures below are of the period before."
                                          : "Updating these figures with the latest change.");

    muted_text(r.period_text.c_str());
    if (r.episode_count < 3) {
        begin_card("##notenough");
        heading(s.fonts, ND_ICON_INFO "  Not enough data yet");
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
    heading(s.fonts, "Episodes per week");
    week_bar_chart(s, s.display_scale, r.per_week);
    bool any_flag = false;
    for (const WeekBucket& b : r.per_week) any_flag = any_flag || b.red_flag_episodes > 0;
    if (any_flag) muted_text("Red: episodes with warning signs.");
    end_card();

    begin_card("##timeofday");
    heading(s.fonts, "Time of day it began");
    int max_band = 1;
    float label_w = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        max_band = std::max(max_band, st.bands[i]);
        label_w = std::max(label_w, ImGui::CalcTextSize(kBands[i]).x);
    }
    for (std::size_t i = 0; i < 4; ++i) count_bar(kBands[i], st.bands[i], max_band, label_w);
    ImGui::Spacing();
    hour_chart(s.display_scale, st.hours);
    end_card();

    begin_card("##where");
    heading(s.fonts, "Where: episodes per place and side");
    region_grid(s, s.display_scale, r.regions);
    end_card();

    begin_card("##before");
    heading(s.fonts, "What you were doing before it began");
    if (r.triggers.empty()) muted_text("Nothing noted yet. The log's \"What were you doing\" choices show here.");
    count_list(r.triggers, 12);
    if (!r.sensations.empty()) {
        heading(s.fonts, "What it felt like");
        count_list(r.sensations, 8);
    }
    end_card();

    begin_card("##severity");
    heading(s.fonts, "How strong, week by week (0 to 10)");
    severity_chart(s.display_scale, r.per_week, st.week_numbness, st.week_pain);
    end_card();

    if (pg.show_numbers) {
        begin_card("##numbers");
        heading(s.fonts, "The numbers, week by week");
        week_table(s, st);
        end_card();
    }
    muted_text("Counts include only episodes in the chosen period; deleted ones are left out.");
}

}  // namespace nd::app
