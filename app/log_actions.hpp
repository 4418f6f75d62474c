// What the Log page does, apart from drawing: turn the form into an episode,
// save it (with the red-flag check), reuse the last episode, "no numbness today",
// and end an episode that was left "still going". Tests call these directly too.
#pragma once

#include <optional>
#include <string>

#include "app_state.hpp"
#include "log_state.hpp"

namespace nd::app {

// The episode the form describes, or nullopt with a reason in `error`.
std::optional<Episode> episode_from_draft(const LogDraft& d, const LocalTime& now, std::string& error);
// Fills the form with an episode's choices ("Same as last time"); the time is reset to now.
void fill_draft_from(LogDraft& d, const Episode& e);
// The whole episode in the form, for editing (time, signs, onset and all).
LogDraft draft_of(const Episode& e);
// The warnings an episode raises at logging time: its red flags, and the stroke advice
// when face, arm or one-sided numbness has an onset that is not known.
std::vector<RedFlag> warnings_for(const Episode& e, const Diary* history = nullptr);
// The same for a form being filled in, before Save (lenient: shown as soon as ticked).
std::vector<RedFlag> draft_warnings(const LogDraft& d, const LocalTime& now, const Diary* history = nullptr);
// Saves the Log page's form. Red flags found in it are put up full screen at once. Returns true when saved.
bool save_draft(AppState& s, LogUi& log);
// Records today's check-in as "no numbness today", keeping anything else it says.
// Refused (with the reason in the form's error) on a day that has episodes.
bool log_no_numbness_today(AppState& s, LogUi& log);
// Ends a "still going" episode now.
bool end_ongoing(AppState& s, const Episode& e);

// "today 08:30", "yesterday 21:10", or the date in the chosen format and the time.
std::string when_text(const AppState& s, const LocalTime& t);

}  // namespace nd::app
