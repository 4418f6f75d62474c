#include "record_commands.hpp"

#include <memory>

#include "store.hpp"

namespace nd::app {

Command restore_episode_command(const Episode& e) {
    Command c;
    c.label = "restore episode";
    c.apply = [id = e.id](Store& s) { s.restore_episode(id); };
    c.revert = [id = e.id](Store& s) { s.delete_episode(id); };
    return c;
}

Command put_fact_command(BackgroundFact f, std::optional<BackgroundFact> previous) {
    // The id given on the first apply is kept, so redo replaces the same record.
    auto id = std::make_shared<std::string>(f.id);
    Command c;
    c.label = previous ? "edit background" : "add background";
    c.apply = [f = std::move(f), id](Store& s) mutable {
        if (!id->empty()) f.id = *id;
        *id = s.put_fact(f).id;
    };
    c.revert = [previous = std::move(previous), id](Store& s) {
        if (previous)
            s.put_fact(*previous);
        else
            s.delete_fact(*id);
    };
    return c;
}

Command delete_fact_command(const BackgroundFact& f) {
    Command c;
    c.label = "delete background";
    c.apply = [id = f.id](Store& s) { s.delete_fact(id); };
    c.revert = [id = f.id](Store& s) { s.restore_fact(id); };
    return c;
}

Command put_medicine_command(Medicine m, std::optional<Medicine> previous) {
    auto id = std::make_shared<std::string>(m.id);
    Command c;
    c.label = previous ? "edit medicine" : "add medicine";
    c.apply = [m = std::move(m), id](Store& s) mutable {
        if (!id->empty()) m.id = *id;
        *id = s.put_medicine(m).id;
    };
    c.revert = [previous = std::move(previous), id](Store& s) {
        if (previous)
            s.put_medicine(*previous);
        else
            s.delete_medicine(*id);
    };
    return c;
}

Command delete_medicine_command(const Medicine& m) {
    Command c;
    c.label = "delete medicine";
    c.apply = [id = m.id](Store& s) { s.delete_medicine(id); };
    c.revert = [id = m.id](Store& s) { s.restore_medicine(id); };
    return c;
}

Command set_profile_command(Profile before, Profile after) {
    Command c;
    c.label = "edit profile";
    c.apply = [after = std::move(after)](Store& s) { s.set_profile(after); };
    c.revert = [before = std::move(before)](Store& s) { s.set_profile(before); };
    return c;
}

Command delete_checkin_command(const CheckIn& ci) {
    Command c;
    c.label = "delete check-in";
    c.apply = [id = ci.id](Store& s) { s.delete_checkin(id); };
    c.revert = [id = ci.id](Store& s) { s.restore_checkin(id); };
    return c;
}

}  // namespace nd::app
