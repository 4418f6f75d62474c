// What the daily check-in page remembers between frames (view_checkin.cpp): the draft.
#pragma once

#include <cstdint>
#include <string>

#include "model.hpp"

namespace nd::app {

struct CheckInPage {
    std::string date_text;                 // what is typed; empty: today
    LocalDate date;                        // the date the draft is for
    CheckIn draft;
    bool loaded = false;
    std::uint64_t loaded_revision = ~0ull;
    bool dirty = false;
    std::string error;
};

}  // namespace nd::app
