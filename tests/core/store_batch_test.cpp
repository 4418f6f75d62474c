// Store::batch: several store calls as one write transaction (one user action that
// changes several records, and its undo): all land, or none does.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "store.hpp"

using namespace nd;

namespace {
Episode episode(int n) {
    Episode e;
    e.start = {1'767'000'000 + n * 3600, 60};
    e.duration_min = 10;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Numbness};
    e.note = "batch " + std::to_string(n);
    return e;
}
}  // namespace

TEST_CASE("Store::batch writes all of its calls, or none when one throws", "[store][batch]") {
    auto store = Store::open_in_memory();
    const Episode a = store->add_episode(episode(1));
    const Episode b = store->add_episode(episode(2));

    store->batch([&] {
        store->delete_episode(a.id);
        store->delete_episode(b.id);
        store->add_episode(episode(3));
    });
    CHECK(store->episodes().size() == 1);

    // The third call fails (no such episode): the first two are rolled back with it.
    CHECK_THROWS_AS(store->batch([&] {
        store->restore_episode(a.id);
        store->restore_episode(b.id);
        store->restore_episode("no-such-id");
    }), StoreError);
    CHECK(store->episodes().size() == 1);

    // Any exception rolls back, and the store takes new writes afterwards.
    CHECK_THROWS_AS(store->batch([&] {
        store->restore_episode(a.id);
        throw std::runtime_error("the action was cancelled");
    }), std::runtime_error);
    CHECK(store->episodes().size() == 1);
    store->restore_episode(a.id);
    CHECK(store->episodes().size() == 2);

    // A batch inside a batch is part of it.
    CHECK_THROWS(store->batch([&] {
        store->batch([&] { store->restore_episode(b.id); });
        throw std::runtime_error("outer fails");
    }));
    CHECK(store->episodes().size() == 2);
    store->batch([&] { store->batch([&] { store->restore_episode(b.id); }); });
    CHECK(store->episodes().size() == 3);
}
