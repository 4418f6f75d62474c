// Charts drawn with ImDrawList for the Patterns page: they scale with the font,
// fit a phone's width, and always show the counts they are drawn from.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "report_model.hpp"
#include "widget_log.hpp"

namespace nd::app {

// Episodes per week as bars; the count is written above each bar when it fits
// (else above the highest bars). Red-flag episodes are shown in red.
void week_bar_chart(WidgetLog& log, float display_scale, const std::vector<WeekBucket>& weeks);

// Small bars of 24 hours (0..23) with the hour labels every 6 hours.
void hour_chart(float display_scale, std::span<const int> hours);

// Left / right (/ middle) counts per region, as a grid of shaded cells with the numbers.
void region_grid(WidgetLog& log, float display_scale, const std::vector<RegionCount>& regions);

// Weekly average numbness (and pain) on a 0..10 scale; values < 0 are weeks without episodes.
void severity_chart(float display_scale, const std::vector<WeekBucket>& weeks, const std::vector<double>& numbness,
                    const std::vector<double>& pain);

// "3 Mar" from "2026-03-03".
std::string short_date(const LocalDate& date);

}  // namespace nd::app
