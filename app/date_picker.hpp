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
bool calendar(AppState& s, const char* id, std::string& date, const LocalDate& fallback, const LocalDate& latest);

// Calendar plus hour and minute for "YYYY-MM-DD HH:MM". Records "<id>:hour+", "<id>:hour-",
// "<id>:min+", "<id>:min-" besides the calendar's keys.
bool date_time_picker(AppState& s, const char* id, std::string& text, const LocalDate& fallback, const LocalDate& latest);

}  // namespace nd::app
