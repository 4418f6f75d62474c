#include "record_commands.hpp"

#include <utility>

#include "record_kinds.hpp"

namespace nd::app {

Command restore_episode_command(const Episode& e) {
    return unbin_record_command(e, "restore episode");
}

Command put_fact_command(BackgroundFact f, std::optional<BackgroundFact> previous) {
    std::string label = previous ? "edit background" : "add background";
    return put_record_command(std::move(f), std::move(previous), std::move(label));
}

Command delete_fact_command(const BackgroundFact& f) {
    return bin_record_command(f, "delete background");
}

Command put_medicine_command(Medicine m, std::optional<Medicine> previous) {
    std::string label = previous ? "edit medicine" : "add medicine";
    return put_record_command(std::move(m), std::move(previous), std::move(label));
}

Command delete_medicine_command(const Medicine& m) {
    return bin_record_command(m, "delete medicine");
}

Command set_profile_command(Profile before, Profile after) {
    Command c;
    c.label = "edit profile";
    c.touches = RecordType::Profile;
    c.apply = [after = std::move(after)](Store& s) { s.set_profile(after); };
    c.revert = [before = std::move(before)](Store& s) { s.set_profile(before); };
    return c;
}

Command delete_checkin_command(const CheckIn& ci) {
    return bin_record_command(ci, "delete check-in");
}

}  // namespace nd::app
