#include "undo.hpp"

#include <memory>

#include "record_kinds.hpp"
#include "store.hpp"

namespace nd::app {

void UndoStack::run(Store& store, Command cmd) {
    cmd.apply(store);   // may throw StoreError: then nothing is recorded
    done_.push_back(std::move(cmd));
    undone_.clear();
    if (done_.size() > kMaxDepth) done_.erase(done_.begin());
}

// The step leaves its stack only once its revert (or re-apply) is written: when the
// store refuses it (disk full, the diary locked by another process), the step stays
// where it was, with both stacks unchanged, and can be tried again.
bool UndoStack::undo(Store& store) {
    if (done_.empty()) return false;
    done_.back().revert(store);   // may throw StoreError: nothing moves
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    return true;
}

bool UndoStack::redo(Store& store) {
    if (undone_.empty()) return false;
    undone_.back().apply(store);   // may throw StoreError: nothing moves
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
    if (done_.size() > kMaxDepth) done_.erase(done_.begin());
    return true;
}

Command group_command(std::string label, std::vector<Command> parts) {
    if (parts.size() == 1) {
        Command only = std::move(parts.front());
        only.label = std::move(label);
        return only;
    }
    // Shared: the copies std::function makes must all drive the same parts (an add
    // keeps the id its first apply got).
    auto shared = std::make_shared<std::vector<Command>>(std::move(parts));
    Command c;
    c.label = std::move(label);
    c.apply = [shared](Store& s) {
        s.batch([&] {
            for (Command& part : *shared) part.apply(s);
        });
    };
    c.revert = [shared](Store& s) {
        s.batch([&] {
            for (auto it = shared->rbegin(); it != shared->rend(); ++it) it->revert(s);
        });
    };
    // Several records: the app reloads the diary after it (touches stays Unknown).
    return c;
}

void UndoStack::clear() {
    done_.clear();
    undone_.clear();
}

Command add_episode_command(Episode e, Episode* added) {
    // Shared so the copies std::function makes all see the id given on first apply.
    auto id = std::make_shared<std::string>();
    Command c;
    c.label = "add episode";
    c.apply = [e = std::move(e), id, added](Store& s) mutable {
        if (id->empty()) {
            Episode stored = s.add_episode(e);
            *id = stored.id;
            if (added) *added = stored;
            added = nullptr;   // the caller's pointer is only valid during the first run
        } else {
            s.restore_episode(*id);
        }
    };
    c.revert = [id](Store& s) { s.delete_episode(*id); };
    c.touches = RecordType::Episode;
    c.touched_id = id;
    return c;
}

Command edit_episode_command(Episode before, Episode after) {
    Command c;
    c.label = "edit episode";
    c.touches = RecordType::Episode;
    c.touched_id = after.id == before.id ? std::make_shared<const std::string>(after.id) : nullptr;
    c.apply = [after = std::move(after)](Store& s) { s.update_episode(after); };
    c.revert = [before = std::move(before)](Store& s) { s.update_episode(before); };
    return c;
}

Command delete_episode_command(const Episode& e) {
    return bin_record_command(e, "delete episode");
}

Command end_episode_command(const Episode& e) {
    Command c;
    c.label = "end episode";
    c.touches = RecordType::Episode;
    c.touched_id = std::make_shared<const std::string>(e.id);
    c.apply = [id = e.id](Store& s) { s.end_episode(id); };
    c.revert = [before = e](Store& s) { s.update_episode(before); };
    return c;
}

Command put_checkin_command(CheckIn ci, std::optional<CheckIn> previous) {
    return put_record_command(std::move(ci), std::move(previous), "check-in");
}

}  // namespace nd::app
