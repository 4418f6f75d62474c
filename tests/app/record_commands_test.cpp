// The undo commands over diary records, run against an in-memory store: labels,
// add / undo / redo keeping the same id, edit undone back to the previous record,
// delete to the bin and restore.
#include <catch2/catch.hpp>

#include "record_commands.hpp"
#include "store.hpp"
#include "undo.hpp"

using namespace nd;
using namespace nd::app;

TEST_CASE("Put fact commands keep the id across undo and redo", "[app][undo][commands]") {
    auto store = Store::open_in_memory();
    UndoStack undo;
    BackgroundFact f;
    f.kind = FactKind::AlcoholUse;
    f.amount = 6.0;
    Command add = put_fact_command(f, std::nullopt);
    CHECK(add.label == "add background");
    undo.run(*store, add);
    REQUIRE(store->facts().size() == 1);
    const std::string id = store->facts().front().id;
    CHECK_FALSE(id.empty());
    REQUIRE(undo.undo(*store));
    CHECK(store->facts().empty());
    REQUIRE(undo.redo(*store));
    // Redo puts the same record again, out of the bin.
    REQUIRE(store->facts().size() == 1);
    CHECK(store->facts().front().id == id);

    BackgroundFact before = store->facts().front();
    BackgroundFact after = before;
    after.amount = 10.0;
    Command edit = put_fact_command(after, before);
    CHECK(edit.label == "edit background");
    undo.run(*store, edit);
    CHECK(store->facts().front().amount == 10.0);
    REQUIRE(undo.undo(*store));
    REQUIRE(store->facts().size() == 1);
    CHECK(store->facts().front().amount == 6.0);

    Command del = delete_fact_command(before);
    CHECK(del.label == "delete background");
    undo.run(*store, del);
    CHECK(store->facts().empty());
    REQUIRE(undo.undo(*store));
    CHECK(store->facts().size() == 1);
}

TEST_CASE("Put medicine commands keep the id across undo and redo", "[app][undo][commands]") {
    auto store = Store::open_in_memory();
    UndoStack undo;
    Medicine m;
    m.name = "Metformin";
    Command add = put_medicine_command(m, std::nullopt);
    CHECK(add.label == "add medicine");
    undo.run(*store, add);
    REQUIRE(store->medicines().size() == 1);
    const std::string id = store->medicines().front().id;
    REQUIRE(undo.undo(*store));
    CHECK(store->medicines().empty());
    REQUIRE(undo.redo(*store));
    // Redo puts the same record again, out of the bin.
    REQUIRE(store->medicines().size() == 1);
    CHECK(store->medicines().front().id == id);

    Medicine before = store->medicines().front();
    Medicine after = before;
    after.dose = "500 mg";
    Command edit = put_medicine_command(after, before);
    CHECK(edit.label == "edit medicine");
    undo.run(*store, edit);
    CHECK(store->medicines().front().dose == "500 mg");
    REQUIRE(undo.undo(*store));
    CHECK(store->medicines().front().dose.empty());

    Command del = delete_medicine_command(before);
    CHECK(del.label == "delete medicine");
    undo.run(*store, del);
    CHECK(store->medicines().empty());
    REQUIRE(undo.undo(*store));
    CHECK(store->medicines().size() == 1);
}

// Store::put_fact / put_medicine keep the stored deleted time, so the command
// itself takes a redone add out of the bin.
TEST_CASE("Redo of an added fact brings it back out of the bin", "[app][undo][commands]") {
    auto store = Store::open_in_memory();
    UndoStack undo;
    BackgroundFact f;
    f.kind = FactKind::AlcoholUse;
    undo.run(*store, put_fact_command(f, std::nullopt));
    REQUIRE(undo.undo(*store));
    REQUIRE(undo.redo(*store));
    CHECK(store->facts().size() == 1);
}

TEST_CASE("Check-in commands put, undo, delete and restore", "[app][undo][commands]") {
    auto store = Store::open_in_memory();
    UndoStack undo;
    CheckIn ci;
    ci.date = "2026-03-04";
    ci.no_numbness = true;
    Command put = put_checkin_command(ci, std::nullopt);
    CHECK(put.label == "check-in");
    undo.run(*store, put);
    REQUIRE(store->checkins().size() == 1);
    const std::string id = store->checkins().front().id;
    REQUIRE(undo.undo(*store));
    CHECK(store->checkins().empty());
    REQUIRE(undo.redo(*store));
    REQUIRE(store->checkins().size() == 1);
    CHECK(store->checkins().front().id == id);

    CheckIn stored = store->checkins().front();
    Command del = delete_checkin_command(stored);
    CHECK(del.label == "delete check-in");
    undo.run(*store, del);
    CHECK(store->checkins().empty());
    REQUIRE(undo.undo(*store));
    CHECK(store->checkins().size() == 1);
}

TEST_CASE("Episode delete and restore commands are each other's undo", "[app][undo][commands]") {
    auto store = Store::open_in_memory();
    UndoStack undo;
    Episode e;
    e.start = {1'700'000'000, 60};
    e.duration_min = 20;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.numbness = 3;
    e = store->add_episode(e);

    Command del = delete_episode_command(e);
    CHECK(del.label == "delete episode");
    undo.run(*store, del);
    CHECK(store->episodes().empty());
    REQUIRE(undo.undo(*store));
    CHECK(store->episodes().size() == 1);

    undo.run(*store, delete_episode_command(e));
    Command restore = restore_episode_command(e);
    CHECK(restore.label == "restore episode");
    undo.run(*store, restore);
    CHECK(store->episodes().size() == 1);
    REQUIRE(undo.undo(*store));
    CHECK(store->episodes().empty());
    REQUIRE(undo.redo(*store));
    CHECK(store->episodes().size() == 1);
}
