// AppState::reload_all: the one step after the diary is replaced (restore,
// merge, empty bin, delete all): the cache is read again, every page's state and
// the undo history are reset, the log page's new-entry draft is kept. A change
// by another process (OtherProcess) reloads the cache only.
#include <catch2/catch.hpp>

#include "all_page_states.hpp"   // the pages' states it checks are reset
#include "app_state.hpp"
#include "store.hpp"
#include "undo.hpp"

using namespace nd;
using namespace nd::app;

namespace {

Episode episode_at(std::int64_t utc) {
    Episode e;
    e.start = {utc, 60};
    e.duration_min = 10;
    e.regions = {{Region::Toes, Side::Left}};
    e.numbness = 3;
    return e;
}

}  // namespace

TEST_CASE("reload_all resets every page and undo after a replace, keeps them for another process's change") {
    auto store = Store::open_in_memory();
    AppState s;
    PageStates pages;   // App's, here beside a bare AppState
    connect_pages(s, pages);
    s.store = store.get();
    s.refresh();
    REQUIRE(s.run(add_episode_command(episode_at(1767600000))));
    REQUIRE(s.undo_stack.can_undo());
    REQUIRE(s.diary.episodes.size() == 1);

    // Another process adds one: the cache follows, the editor and undo stay.
    store->add_episode(episode_at(1767700000));
    pages.diary.editing = EpisodeDraft{};
    s.reload_all(ReloadReason::OtherProcess);
    CHECK(s.diary.episodes.size() == 2);
    CHECK(pages.diary.editing.has_value());
    CHECK(s.undo_stack.can_undo());

    // A merge: the open editor may edit a record that changed or is gone.
    pages.checkin.loaded = true;
    const auto revision = s.revision;
    s.reload_all(ReloadReason::Merge);
    CHECK(s.revision > revision);
    CHECK_FALSE(pages.diary.editing.has_value());
    CHECK_FALSE(pages.checkin.loaded);
    CHECK_FALSE(s.undo_stack.can_undo());

    // Delete all: the cache is empty afterwards.
    store->delete_all_data();
    s.reload_all(ReloadReason::DeleteAll);
    CHECK(s.diary.episodes.empty());
}

TEST_CASE("reload_all after a replace keeps the Log page's new entry and the body map's view") {
    // The form is App's with every page's state (PageStates::log), but unlike theirs a
    // half-filled new entry is never discarded: it is not about any stored record.
    auto store = Store::open_in_memory();
    AppState s;
    PageStates pages;
    connect_pages(s, pages);
    s.store = store.get();
    s.refresh();
    pages.log.draft.numbness = 7;
    pages.log.draft.marks.insert({Region::Heel, Side::Left});
    pages.body_map.view = BodyView::Front;
    pages.checkin.loaded = true;
    for (ReloadReason why : {ReloadReason::Restore, ReloadReason::Merge, ReloadReason::EmptyBin, ReloadReason::DeleteAll}) {
        s.reload_all(why);
        CHECK_FALSE(pages.checkin.loaded);   // the other pages' states were reset
        CHECK(pages.log.draft.numbness == 7);
        CHECK(pages.log.draft.marks.count({Region::Heel, Side::Left}) == 1);
        CHECK(pages.body_map.view == BodyView::Front);
    }
}
