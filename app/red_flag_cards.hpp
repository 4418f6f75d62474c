// The warning-sign cards that come first on Possible causes and on Patterns (issue 11):
// each reason once, with how often and when, its advice, and for signs that need help
// now the emergency number. One function, so the two pages cannot drift apart.
#pragma once

#include <string>
#include <vector>

#include "font_set.hpp"
#include "red_flags.hpp"
#include "ui_settings.hpp"
#include "widget_log.hpp"

namespace nd::app {

// What the cards draw with: where they note their items (tests), the heading's font,
// the screen's scale (the border), and the settings (the emergency number, the date format).
struct RedFlagCardsLook {
    WidgetLog& log;
    const Fonts& fonts;
    float display_scale = 1.0f;
    const Settings& settings;
};

// The look of the app's state (an AppState, which is a WidgetLog): a template, so this
// header needs no AppState.
template <class State>
RedFlagCardsLook red_flag_cards_look(State& s) {
    return {s, s.fonts, s.display_scale, s.settings};
}

// Draws a card a group; records each as "<page>:red_flag:<id of its latest episode>".
void draw_red_flag_cards(const RedFlagCardsLook& look, const std::vector<RedFlagGroup>& groups, const char* page);

// "3 times: 1 Mar, 4 Mar, ..." (count_and_dates) with the dates in the settings' format.
std::string count_and_dates_text(DateFormat format, int count, const std::vector<LocalDate>& dates);

}  // namespace nd::app
