// The shared shape of the undo commands over diary records (episodes, check-ins,
// background facts, medicines): one traits struct per record kind says how the
// Store puts, bins and restores it, and three templates build the commands.
// Used by undo.cpp and record_commands.cpp; not part of their public interface.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "command.hpp"
#include "store.hpp"

namespace nd::app {

template <class Record>
struct RecordKind;

template <>
struct RecordKind<Episode> {
    static constexpr RecordType type = RecordType::Episode;
    static void remove(Store& s, const std::string& id) { s.delete_episode(id); }
    static void restore(Store& s, const std::string& id) { s.restore_episode(id); }
};

template <>
struct RecordKind<CheckIn> {
    static constexpr RecordType type = RecordType::CheckIn;
    static CheckIn put(Store& s, const CheckIn& r) { return s.put_checkin(r); }
    static void remove(Store& s, const std::string& id) { s.delete_checkin(id); }
    static void restore(Store& s, const std::string& id) { s.restore_checkin(id); }
};

template <>
struct RecordKind<BackgroundFact> {
    static constexpr RecordType type = RecordType::Fact;
    static BackgroundFact put(Store& s, const BackgroundFact& r) { return s.put_fact(r); }
    static void remove(Store& s, const std::string& id) { s.delete_fact(id); }
    static void restore(Store& s, const std::string& id) { s.restore_fact(id); }
};

template <>
struct RecordKind<Medicine> {
    static constexpr RecordType type = RecordType::Medicine;
    static Medicine put(Store& s, const Medicine& r) { return s.put_medicine(r); }
    static void remove(Store& s, const std::string& id) { s.delete_medicine(id); }
    static void restore(Store& s, const std::string& id) { s.restore_medicine(id); }
};

// Moves the record to the bin; undo takes it out again.
template <class Record>
Command bin_record_command(const Record& r, std::string label) {
    Command c;
    c.label = std::move(label);
    c.apply = [id = r.id](Store& s) { RecordKind<Record>::remove(s, id); };
    c.revert = [id = r.id](Store& s) { RecordKind<Record>::restore(s, id); };
    c.touches = RecordKind<Record>::type;
    c.touched_id = std::make_shared<const std::string>(r.id);
    return c;
}

// Takes the record out of the bin; undo puts it back in.
template <class Record>
Command unbin_record_command(const Record& r, std::string label) {
    Command c = bin_record_command(r, std::move(label));
    std::swap(c.apply, c.revert);
    return c;
}

// Adds (empty id) or replaces a record; undo restores `previous`, or bins the new
// one when there was none. The id given on the first apply is kept, so redo
// replaces the same record.
template <class Record>
Command put_record_command(Record r, std::optional<Record> previous, std::string label) {
    // Shared so the copies std::function makes all see the id given on first apply.
    auto id = std::make_shared<std::string>(r.id);
    Command c;
    c.label = std::move(label);
    c.apply = [r = std::move(r), id, added = !previous.has_value()](Store& s) mutable {
        // Redo of an add: undo binned the record, and a put keeps the bin time,
        // so take it out of the bin again.
        const bool redo_of_add = added && !id->empty();
        if (!id->empty()) r.id = *id;
        *id = RecordKind<Record>::put(s, r).id;
        if (redo_of_add) RecordKind<Record>::restore(s, *id);
    };
    c.revert = [previous = std::move(previous), id](Store& s) {
        if (previous)
            RecordKind<Record>::put(s, *previous);
        else
            RecordKind<Record>::remove(s, *id);
    };
    c.touches = RecordKind<Record>::type;
    c.touched_id = id;
    return c;
}

}  // namespace nd::app
