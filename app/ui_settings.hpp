// The person's settings (text size, theme, emergency number, date format, paper),
// kept with the diary: AppState::settings. Apart from app_state.hpp so that the theme
// and text helpers that read one setting need not include the whole AppState.
#pragma once

#include <cstdint>
#include <string>

#include "model.hpp"
#include "paper.hpp"

namespace nd::app {

enum class Theme : std::uint8_t { Light, Dark, HighContrast };
enum class DateFormat : std::uint8_t { Iso, DayMonthYear, MonthDayYear };

// A date for people, in the chosen format ("2026-11-26", "26/11/2026", "11/26/2026").
// (Defined in app_state.cpp, beside the locale's defaults.)
std::string format_date(const LocalDate& iso, DateFormat f);

// Kept with the diary (Store settings), so they travel with a backup.
struct Settings {
    float font_scale = 1.0f;            // 0.8 .. 2.0, accessibility
    Theme theme = Theme::Light;
    std::string emergency_number;       // default from the locale
    DateFormat date_format = DateFormat::Iso;
    bool first_run_done = false;
    // The doctor's report's paper: the locale's (Services::paper_default) until chosen
    // in Settings, which saves it (kPaperSetting) apart from save_settings, so that an
    // unchosen paper keeps following the locale.
    Paper paper = Paper::A4;
    bool paper_chosen = false;          // saved in the diary, rather than the locale's
};

}  // namespace nd::app
