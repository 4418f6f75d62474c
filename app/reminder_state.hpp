// The daily reminder's settings (kept with the diary in the Store's settings, so
// they travel with a backup) and what the Settings card remembers between frames.
#pragma once

#include <cstdint>
#include <string>

namespace nd::app {

inline constexpr const char* kReminderOn = "reminder.on";            // "1" / "0" (default off)
inline constexpr const char* kReminderTime = "reminder.time";        // "HH:MM" (default 20:00)
inline constexpr const char* kReminderAsked = "reminder.asked";      // "1": the first-run question was answered
inline constexpr const char* kReminderShownOn = "reminder.shown_on"; // date the in-app reminder last showed

struct ReminderUi {
    bool loaded = false;
    std::uint64_t revision = ~0ull;   // AppState::revision when loaded (a restore reloads it)
    bool on = false;
    std::string time_text = "20:00";
    std::string message;          // what the last change did (or why it failed)
    bool message_is_error = false;
};

}  // namespace nd::app
