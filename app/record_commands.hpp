// Undo commands for the review pages, beside undo.hpp's episode commands:
// restoring from the bin, the health background (facts, medicines, profile) and
// removing a check-in. Each goes through the Store, so an undo is as durable
// as the change itself.
#pragma once

#include <optional>

#include "undo.hpp"

namespace nd::app {

// Takes an episode out of the bin; undo puts it back in.
Command restore_episode_command(const Episode& e);
// Adds (empty id) or replaces a fact; undo removes the new one or restores `previous`.
Command put_fact_command(BackgroundFact f, std::optional<BackgroundFact> previous);
Command delete_fact_command(const BackgroundFact& f);
Command put_medicine_command(Medicine m, std::optional<Medicine> previous);
Command delete_medicine_command(const Medicine& m);
Command set_profile_command(Profile before, Profile after);
Command delete_checkin_command(const CheckIn& c);

}  // namespace nd::app
