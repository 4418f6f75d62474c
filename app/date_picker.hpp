// Date and time pickers in the app's style: a month calendar of day buttons and an
// hour / minute row, each target at least touch_height(). They edit the same text the
// form validates ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM"), so typing stays possible and
// impossible dates are still refused where the form is saved.
#pragma once

#include <string>

#include "time_util.hpp"
#include "ui_settings.hpp"
#include "widget_log.hpp"

struct ImFont;

namespace nd::app {

// What the pickers draw with: where they note their targets (tests, Tab order), the
// bold font of a field's label, the UI scale, and how the chosen date is written.
struct DatePickerLook {
    WidgetLog& log;
    ImFont* bold = nullptr;
    float scale = 1.0f;
    DateFormat format = DateFormat::Iso;
};

// The look of the app's state (an AppState, which is a WidgetLog): a template, so this
// header needs no AppState.
template <class State>
DatePickerLook date_look(State& s) {
    return {s, s.fonts.bold, s.display_scale, s.settings.date_format};
}

// A calendar for `date` ("YYYY-MM-DD"; empty or invalid: starts at `fallback`). Days
// after `latest` (when not empty) are disabled. Returns true when the date changed.
// Records "<id>:prev", "<id>:next" and "<id>:day:<n>".
// `day_tapped` (optional) is set when the change was a day tapped, not a month moved.
bool calendar(const DatePickerLook& look, const char* id, std::string& date, const LocalDate& fallback, const LocalDate& latest,
              bool* day_tapped = nullptr);

// Calendar plus hour and minute for "YYYY-MM-DD HH:MM". Records "<id>:hour+", "<id>:hour-",
// "<id>:min+", "<id>:min-" besides the calendar's keys.
bool date_time_picker(const DatePickerLook& look, const char* id, std::string& text, const LocalDate& fallback, const LocalDate& latest);

// A date field without typing: the chosen date in words (the settings' date format)
// on a button that opens a calendar under it; picking a day closes it. `years` adds
// year buttons (-10, -1, +1, +10) for dates far back, such as a birth date.
// `allow_empty` adds "Clear". Records "<id>:open", "<id>:clear" and the calendar's
// keys. Returns true when the date changed.
bool date_picker_field(const DatePickerLook& look, const char* label, const char* id, std::string& value, const LocalDate& fallback,
                       const LocalDate& latest, bool allow_empty, bool years);

}  // namespace nd::app
