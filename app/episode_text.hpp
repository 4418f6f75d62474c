// Plain-words summaries of an episode for lists (diary rows, the episodes behind
// an evidence line): "08:30 · 25 min · Left toes, sole · Tingling · numb 5/10".
#pragma once

#include <string>

#include "model.hpp"

namespace nd::app {

std::string clock_text(const LocalTime& t);          // "08:30" (local)
std::string duration_text(const Episode& e);         // "25 min", "2 h 5 min", "still going", ""
std::string where_text(const Episode& e);            // "left toes, sole of the foot (both sides)"
std::string sensations_text(const Episode& e);       // "Tingling, burning"
std::string severity_text(const Episode& e);         // "numbness 5/10, pain 2/10"
// Everything on one line (without the date).
std::string episode_line(const Episode& e);
// "2026-09-21 08:30 · ..." with the date first (evidence lines span days).
std::string episode_line_with_date(const Episode& e, const std::string& date_text);

// "3 min", "1 h", "2 h 5 min", "3 days"
std::string minutes_text(std::int64_t minutes);

// The text with its first letter capitalised / in lower case (ASCII): list items joined into one line.
std::string upper_first(std::string s);
std::string lower_first(std::string s);

}  // namespace nd::app
