// The view registry: every page, its icon, its names and its draw function.
// One file per view (view_<name>.cpp) defines `void draw_<name>(AppState&, PageStates&)`
// (the diary and what every page shares, and the pages' own states, App's);
// the same function fills a phone page or the desktop's content area.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "app_state.hpp"
#include "diary_health.hpp"
#include "page_states.hpp"

namespace nd::app {

void draw_first_run(AppState& s, PageStates& pages);
void draw_log(AppState& s, PageStates& pages);
void draw_diary(AppState& s, PageStates& pages);
void draw_patterns(AppState& s, PageStates& pages);
void draw_causes(AppState& s, PageStates& pages);
void draw_checkin(AppState& s, PageStates& pages);
void draw_background(AppState& s, PageStates& pages);
void draw_settings(AppState& s, PageStates& pages);
void draw_export(AppState& s, PageStates& pages);
void draw_more(AppState& s, PageStates& pages);        // phone only: the pages that do not fit the tab bar
void draw_questionnaire(AppState& s, PageStates& pages);   // view_questionnaire.cpp
// The Diary page's dismissable "time to retake the questionnaire" card (view_questionnaire.cpp).
void draw_questionnaire_retake_card(AppState& s, QuestionnairePage& pg);
// The daily reminder (view_reminder.cpp): Settings card, first-run question, and
// the reminder shown while the app is open (called every frame).
void draw_reminder_settings(AppState& s, ReminderUi& r);
void draw_reminder_first_run(AppState& s, ReminderUi& r);
void tick_in_app_reminder(AppState& s, ReminderUi& r);

// Full-page screens shown instead of any view.
void draw_red_flags(AppState& s);   // pending red flags, before anything else
void draw_open_error(AppState& s, DiaryHealth& health);  // the diary file could not be opened

// Room App leaves below every view (scrolling past the end); views that pin a
// footer (Log's Save) subtract it.
float page_bottom_pad();

struct ViewInfo {
    Page page;
    const char* name;        // for --page and tests: "log", "diary", ...
    const char* icon;
    const char* title;       // page heading and side navigation
    const char* tab_label;   // short label under the icon in the phone tab bar
    bool in_tab_bar;         // phone: shown in the bottom bar (else under "More")
    bool in_side_nav;        // desktop: shown in the side navigation
    void (*draw)(AppState&, PageStates&);
};

std::span<const ViewInfo> views();
const ViewInfo& view_info(Page p);
std::optional<Page> page_from_name(std::string_view name);

}  // namespace nd::app
