// What the Settings page remembers between frames (view_settings.cpp, view_first_run.cpp):
// the emergency number being typed and the steps of the confirmations.
#pragma once

#include <string>

namespace nd::app {

struct SettingsPage {
    std::string emergency_text;
    bool emergency_loaded = false;
    std::string emergency_error;
    bool confirm_empty_bin = false;
    int delete_all_step = 0;               // 0 idle, 1 first confirmation, 2 second confirmation
};

}  // namespace nd::app
