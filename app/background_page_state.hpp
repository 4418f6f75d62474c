// What the health background page remembers between frames (view_background.cpp):
// the profile being edited and the open fact or medicine form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model.hpp"

namespace nd::app {

struct FactDraft {
    BackgroundFact fact;
    std::string amount_text;
    std::string error;
};

struct MedicineDraft {
    Medicine medicine;
    std::string error;
};

struct BackgroundPage {
    Profile profile;
    std::uint64_t profile_revision = ~0ull;
    bool profile_dirty = false;
    std::string profile_error;
    std::string new_question;              // "questions for my doctor": the line being typed
    std::optional<FactDraft> fact;         // set: the fact form is open (new or edit)
    std::optional<MedicineDraft> medicine;
};

}  // namespace nd::app
