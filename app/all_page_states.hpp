// Every page's state, complete: for the code that owns or resets them all
// (page_states.cpp, App) and for tests that inspect any page. A view includes only
// its own page's header.
#pragma once

#include "background_page_state.hpp"
#include "body_map_state.hpp"
#include "causes_page_state.hpp"
#include "checkin_page_state.hpp"
#include "diary_page_state.hpp"
#include "export_page_state.hpp"
#include "log_state.hpp"
#include "page_states.hpp"
#include "patterns_page_state.hpp"
#include "questionnaire_page.hpp"
#include "reminder_state.hpp"
#include "settings_page_state.hpp"
