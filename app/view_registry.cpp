#include <array>

#include <imgui.h>

#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"

namespace nd::app {

namespace {

// Order is the order of the side navigation and the tab bar.
const std::array<ViewInfo, 11> kViews{{
    {Page::Log, "log", ND_ICON_PENCIL, "Log", "Log", true, true, draw_log},
    {Page::Diary, "diary", ND_ICON_BOOK, "Diary", "Diary", true, true, draw_diary},
    {Page::Patterns, "patterns", ND_ICON_BAR_CHART, "Patterns", "Patterns", true, true, draw_patterns},
    {Page::Causes, "causes", ND_ICON_STETHOSCOPE, "Possible causes", "Causes", true, true, draw_causes},
    {Page::CheckIn, "checkin", ND_ICON_CHECK_CIRCLE, "Daily check-in", "Check-in", false, true, draw_checkin},
    {Page::Background, "background", ND_ICON_MEDKIT, "Health background", "Health", false, true, draw_background},
    {Page::Questionnaire, "questionnaire", ND_ICON_CLIPBOARD, "Questionnaires", "Scores", false, true,
     draw_questionnaire},
    {Page::Export, "export", ND_ICON_FILE_TEXT, "Export & backup", "Export", false, true, draw_export},
    {Page::Settings, "settings", ND_ICON_COG, "Settings", "Settings", false, true, draw_settings},
    {Page::More, "more", ND_ICON_BARS, "More", "More", true, false, draw_more},
    {Page::FirstRun, "welcome", ND_ICON_HEART, "Welcome", "Welcome", false, false, draw_first_run},
}};

}  // namespace

float page_bottom_pad() { return 24.0f * ui_scale() + ImGui::GetStyle().ItemSpacing.y; }

std::span<const ViewInfo> views() { return kViews; }

const ViewInfo& view_info(Page p) {
    for (const auto& v : kViews)
        if (v.page == p) return v;
    return kViews.front();
}

std::optional<Page> page_from_name(std::string_view name) {
    for (const auto& v : kViews)
        if (name == v.name) return v.page;
    if (name == "first_run" || name == "firstrun") return Page::FirstRun;
    return std::nullopt;
}

}  // namespace nd::app
