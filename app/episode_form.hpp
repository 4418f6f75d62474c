// The one episode form, used by Log (a new episode) and by the Diary's editor (an
// episode already logged): warning signs first ("Any of these now?"), then where
// (body map), what it felt like, how strong, what you were doing, what eased it and
// when; everything else under "More details". Warnings show as soon as a sign is
// ticked, before Save.
#pragma once

#include <functional>

#include "app_state.hpp"
#include "body_map_state.hpp"
#include "log_state.hpp"

namespace nd::app {

// editing: the time is the episode's own (a date and time), and "More details" starts open.
// quick: drawn right after the common episode's answers where the form is one column
// (a phone), so those answers are all on the first screen; the caller draws it above
// the form otherwise. `map`: the body map's state (PageStates::body_map).
void draw_episode_form(AppState& s, BodyMapUi& map, LogDraft& d, bool editing, const std::function<void()>& quick = {});

// True where the form has two columns (map | answers) at the current width and text size.
bool two_column_form(const AppState& s);

// A red-flag marker for lists and headings ("Warning sign" in the danger colour).
void red_flag_marker(AppState& s, const char* key);

}  // namespace nd::app
