// One undoable change to the diary (undo.hpp keeps the history of them): apart
// from undo.hpp so that record_kinds.hpp, which builds commands for undo.cpp, need
// not include the undo stack (no include cycle: tools/check-layering.py).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace nd {
class Store;
}

namespace nd::app {

// The kind of record a command changes (see Command::touches).
enum class RecordType : std::uint8_t { Unknown, Episode, CheckIn, Fact, Medicine, Profile };

struct Command {
    std::string label;                          // "add episode", "delete episode"
    std::function<void(Store&)> apply;          // do / redo
    std::function<void(Store&)> revert;         // undo
    // The one record both actions change, so the app updates its cached diary in place
    // (AppState::refresh_after) instead of reloading it: its type and id (shared with the
    // actions, so an add that gets its id on first apply fills it in). Unknown, or no id
    // (but for the profile): the app reloads the whole diary.
    RecordType touches = RecordType::Unknown;
    std::shared_ptr<const std::string> touched_id;
};

}  // namespace nd::app
