// The warning-sign cards that come first on Possible causes and on Patterns (issue 11):
// each reason once, with how often and when, its advice, and for signs that need help
// now the emergency number. One function, so the two pages cannot drift apart.
#pragma once

#include <string>
#include <vector>

#include "app_state.hpp"
#include "red_flags.hpp"

namespace nd::app {

// Draws a card a group; records each as "<page>:red_flag:<id of its latest episode>".
void draw_red_flag_cards(AppState& s, const std::vector<RedFlagGroup>& groups, const char* page);

// "3 times: 1 Mar, 4 Mar, ..." (count_and_dates) with the dates in the settings' format.
std::string count_and_dates_text(const AppState& s, int count, const std::vector<LocalDate>& dates);

}  // namespace nd::app
