// A 0..10 scale that starts "not rated": nothing is stored until the person
// touches it, so an untouched form never records a made-up severity.
#pragma once

#include <optional>

#include "widget_log.hpp"

namespace nd::app {

// label above, the value ("3 of 10" or "not rated") beside it, and a
// "Clear" chip once rated. Records the slider's rectangle as "rating:<id>".
bool rating_slider(WidgetLog& log, const char* label, const char* id, std::optional<int>& value);

}  // namespace nd::app
