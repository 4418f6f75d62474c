// Undo and redo of diary changes. Each change is a Command: a label people read
// ("Undo: add episode") and two actions that go through the Store, so an undo is
// as durable as the change itself. Factories below build the usual commands.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "model.hpp"

namespace nd::app {

class UndoStack {
public:
    // Applies the command now and records it; clears the redo side. When the apply
    // throws, nothing is recorded.
    void run(Store& store, Command cmd);
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    std::string undo_label() const { return can_undo() ? done_.back().label : ""; }
    std::string redo_label() const { return can_redo() ? undone_.back().label : ""; }
    // Reverts (re-applies) the newest step and only then moves it to the other side.
    // When the store refuses the write (StoreError: disk full, locked), the error is
    // rethrown and the step stays where it was: nothing of the history is lost.
    bool undo(Store& store);
    bool redo(Store& store);
    void clear();
    std::size_t size() const { return done_.size(); }
    // The command run or redone last (after run / redo), and the one undone last (after undo).
    const Command* last_done() const { return done_.empty() ? nullptr : &done_.back(); }
    const Command* last_undone() const { return undone_.empty() ? nullptr : &undone_.back(); }

private:
    std::vector<Command> done_;
    std::vector<Command> undone_;
    static constexpr std::size_t kMaxDepth = 200;   // plenty for a session, bounded memory
};

// One user action that changes several records (e.g. several episodes moved to the
// bin at once) as ONE step: apply runs the parts in order and revert undoes them in
// reverse order, each inside one write transaction (Store::batch), so the action and
// its undo land whole or not at all. One part: that part, relabelled.
Command group_command(std::string label, std::vector<Command> parts);

// Adds an episode (its id is fixed on the first apply, so redo restores the same record).
// `added`, when given, receives the stored episode.
Command add_episode_command(Episode e, Episode* added = nullptr);
Command edit_episode_command(Episode before, Episode after);
Command delete_episode_command(const Episode& e);
// Ends a "still going" episode now; undo puts it back as it was.
Command end_episode_command(const Episode& e);
// Puts a check-in; undo restores the previous one for that date, or removes it.
Command put_checkin_command(CheckIn c, std::optional<CheckIn> previous);

}  // namespace nd::app
