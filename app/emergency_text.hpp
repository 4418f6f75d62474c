// The emergency number as the app shows it. It comes from Settings (suggested
// from the locale and confirmed on the first run). Where the country is not
// known (the C locale, a bare "en"), the setting is empty and the app shows 112
// and 911 alike, with "or your local emergency number": 112 is routed in most of
// the world and 911 in the Americas, and guessing one would mislead the other.
#pragma once

#include <string>
#include <vector>

#include "ui_settings.hpp"

namespace nd::app {

// The numbers to show, in order: {"999"}, or {"112", "911"} when unknown.
std::vector<std::string> emergency_numbers(const Settings& s);
// True when the country is not known and the hint "or your local emergency number" goes with the numbers.
bool emergency_number_unknown(const Settings& s);
// "999", or "112 or 911".
std::string emergency_numbers_text(const Settings& s);
// Catalog and red-flag advice written for everyone ("(999, 911 or 112)") with the number from Settings,
// so the warning's banner and its card say the same number.
std::string with_emergency_number(const std::string& advice, const Settings& s);

}  // namespace nd::app
