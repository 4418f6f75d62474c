// Date and time pickers in the app's style: a month calendar of day buttons and an
// hour / minute row, each target at least touch_height(). They edit the same text the
// form validates ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM"), so typing stays possible and
// impossible dates are still refused where the form is saved.
#pragma once

#include <string>

#include "app_state.hpp"

namespace nd::app {

// A calendar for `date` ("YYYY-MM-DD"; empty or invalid: starts at `fallback`). Days
// after `latest` (when not empty) are disabled. Returns true when the date changed.
// Records "<id>:prev", "<id>:next" and "<id>:day:<n>".
// `day_tapped` (optional) is set when the change was a day tapped, not a month moved.
bool calendar(AppState& s, const char* id, std::string& date, const LocalDate& fallback, const LocalDate& latest,
              bool* day_tapped = nullptr);

// Calendar plus hour and minute for "YYYY-MM-DD HH:MM". Records "<id>:hour+", "<id>:hour-",
// "<id>:min+", "<id>:min-" besides the calendar's keys.
bool date_time_picker(AppState& s, const char* id, std::string& text, const LocalDate& fallback, const LocalDate& latest);

// A date field without typing: the chosen date in words (the settings' date format)
// on a button that opens a calendar under it; picking a day closes it. `years` adds
// year buttons (-10, -1, +1, +10) for dates far back, such as a birth date.
// `allow_empty` adds "Clear". Records "<id>:open", "<id>:clear" and the calendar's
// keys. Returns true when the date changed.
bool date_picker_field(AppState& s, const char* label, const char* id, std::string& value, const LocalDate& fallback,
                       const LocalDate& latest, bool allow_empty, bool years);

}  // namespace nd::app
