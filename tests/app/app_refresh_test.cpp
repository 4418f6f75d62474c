// AppState::refresh_after: after a single-record command, undo or redo, the app
// updates its cached diary in place instead of reading the whole diary again. These
// tests check, after every step of a series of changes, that the cache equals what a
// full reload gives (the Diary, the index lists and the match), and that no full
// reload happened on the way.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "diary_builders.hpp"
#include "app_state.hpp"
#include "record_commands.hpp"
#include "store.hpp"
#include "diary_analysis.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"

using namespace nd;
using namespace nd::app;
using namespace nd::app::test;
using nd::test::EpisodeBuilder;
using nd::test::day_date;

namespace {

// Everything a match says, episodes by id (resolved through the diary it was made of).
std::string dump(const MatchResult& r, const Diary& d) {
    std::ostringstream o;
    o << r.episodes_considered << "/" << r.minimum_episodes << "\n";
    for (const auto& f : r.red_flags) {
        o << "FLAG " << static_cast<int>(f.kind) << " " << f.episode_id << " " << f.title;
        for (const auto& why : f.reasons) o << " | " << why;
        o << "\n";
    }
    for (const auto& c : r.causes) {
        o << c.cause_id << " " << c.score << " " << static_cast<int>(c.fit) << " " << c.fit_text << "\n";
        for (const auto& e : c.evidence) {
            o << "  " << e.supports << " " << e.text << " " << e.weight << " [";
            for (const auto& id : episode_ids(e, d)) o << id << " ";
            for (const auto& id : e.fact_ids) o << id << " ";
            o << "]\n";
        }
        for (const auto& u : c.unknowns) o << "  ? " << u << "\n";
    }
    return o.str();
}

// The cache of `s` equals a fresh full load of the same store.
void check_cache_is_fresh(AppState& s) {
    AppState fresh;
    fresh.store = s.store;
    fresh.catalog = s.catalog;
    fresh.refresh();
    CHECK(s.diary == fresh.diary);
    CHECK(s.episodes_newest_first == fresh.episodes_newest_first);
    CHECK(s.ongoing == fresh.ongoing);
    CHECK(dump(s.match(), s.diary) == dump(fresh.match(), fresh.diary));
}

Episode numb_foot(long long n, int day, int hour = 10) {
    return EpisodeBuilder(n)
        .day(day, hour)
        .region(Region::Toes, Side::Left)
        .sensation(Sensation::Numbness)
        .after(Activity::CrossedLegs)
        .eased_by(Relief::MovingOrChangingPosition, 5)
        .lasted(10);
}

}  // namespace

TEST_CASE("After single-record changes, undo and redo the cached diary equals a fresh load", "[app][refresh]") {
    Ui ui;
    AppState& s = ui.state();
    for (int i = 1; i <= 12; ++i) ui.store().add_episode(numb_foot(i, i * 2));
    s.refresh();
    const auto reloads = s.full_reloads;
    check_cache_is_fresh(s);

    // Episodes: add (in the middle of the order), edit moving it earlier and later, end, delete, restore.
    Episode added;
    REQUIRE(s.run(add_episode_command(numb_foot(100, 7, 8), &added)));
    check_cache_is_fresh(s);
    Episode moved = added;
    moved.start.utc -= 6 * nd::test::kDaySeconds;
    moved.signs = {Sign::BladderBowelLoss};   // a red flag now
    REQUIRE(s.run(edit_episode_command(added, moved)));
    check_cache_is_fresh(s);
    CHECK_FALSE(s.match().red_flags.empty());
    Episode later = *ui.store().episode(added.id);
    Episode latest = later;
    latest.start.utc += 40 * nd::test::kDaySeconds;   // past every other episode
    REQUIRE(s.run(edit_episode_command(later, latest)));
    check_cache_is_fresh(s);
    ui.store().add_episode(EpisodeBuilder(101).day(30).region(Region::Calf).still_going());
    const Episode going = *ui.store().episode(nd::test::test_uuid(1, 101));
    s.refresh();   // the episode above went around the app: a full read
    const auto reloads2 = s.full_reloads;
    CHECK(reloads2 == reloads + 1);
    REQUIRE(s.ongoing.size() == 1);
    REQUIRE(s.run(end_episode_command(going)));
    check_cache_is_fresh(s);
    CHECK(s.ongoing.empty());
    REQUIRE(s.run(delete_episode_command(s.diary.episodes[3])));
    check_cache_is_fresh(s);
    REQUIRE(s.run(restore_episode_command(*ui.store().episode(nd::test::test_uuid(1, 4)))));
    check_cache_is_fresh(s);

    // Check-ins: new, replaced on the same date, deleted.
    CheckIn ci = nd::test::checkin(1, day_date(3), {GeneralSymptom::BackPain});
    REQUIRE(s.run(put_checkin_command(ci, std::nullopt)));
    check_cache_is_fresh(s);
    const CheckIn stored = *ui.store().checkin(day_date(3));
    CheckIn changed = stored;
    changed.symptoms = {GeneralSymptom::WidespreadPain, GeneralSymptom::Exhaustion};
    REQUIRE(s.run(put_checkin_command(changed, stored)));
    check_cache_is_fresh(s);
    REQUIRE(s.run(delete_checkin_command(*ui.store().checkin(day_date(3)))));
    check_cache_is_fresh(s);

    // Background: a fact, a medicine, the profile.
    REQUIRE(s.run(put_fact_command(nd::test::fact(1, FactKind::Diabetes, std::nullopt, "2019-01-01"), std::nullopt)));
    check_cache_is_fresh(s);
    REQUIRE(s.run(delete_fact_command(ui.store().facts().front())));
    check_cache_is_fresh(s);
    Medicine m;
    m.name = "Metformin";
    REQUIRE(s.run(put_medicine_command(m, std::nullopt)));
    check_cache_is_fresh(s);
    Profile p = s.diary.profile;
    p.name = "Sam";
    REQUIRE(s.run(set_profile_command(s.diary.profile, p)));
    check_cache_is_fresh(s);

    // Undo everything, one step at a time, then redo it all.
    int undone = 0;
    while (s.undo_stack.can_undo()) {
        REQUIRE(s.undo());
        ++undone;
        check_cache_is_fresh(s);
    }
    CHECK(undone == 13);
    while (s.undo_stack.can_redo()) {
        REQUIRE(s.redo());
        check_cache_is_fresh(s);
    }
    // Not one of those read the whole diary again.
    CHECK(s.full_reloads == reloads2);
}

TEST_CASE("A random series of adds, edits, deletes, undos and redos keeps the cache equal to a fresh load",
          "[app][refresh]") {
    Ui ui;
    AppState& s = ui.state();
    for (int i = 1; i <= 20; ++i) ui.store().add_episode(numb_foot(i, i));
    s.refresh();
    const auto reloads = s.full_reloads;
    std::mt19937 rng(20261126);
    long long next = 1000;
    for (int step = 0; step < 120; ++step) {
        const int op = static_cast<int>(rng() % 6);
        const auto& eps = s.episodes_newest_first;
        INFO("step " << step << " op " << op);
        if (op == 0 || eps.empty()) {
            Episode e = numb_foot(++next, static_cast<int>(rng() % 40), static_cast<int>(rng() % 24));
            if (rng() % 3 == 0) e.ongoing = true, e.duration_min.reset();
            REQUIRE(s.run(add_episode_command(e)));
        } else if (op == 1) {
            const Episode before = s.diary.episodes[eps[rng() % eps.size()]];
            Episode after = before;
            after.start.utc += (static_cast<std::int64_t>(rng() % 2000) - 1000) * 60;
            after.numbness = static_cast<int>(rng() % 11);
            REQUIRE(s.run(edit_episode_command(before, after)));
        } else if (op == 2) {
            REQUIRE(s.run(delete_episode_command(s.diary.episodes[eps[rng() % eps.size()]])));
        } else if (op == 3) {
            CheckIn c = nd::test::checkin(0, day_date(static_cast<int>(rng() % 10)), {GeneralSymptom::BackPain});
            c.id.clear();
            REQUIRE(s.run(put_checkin_command(c, ui.store().checkin(c.date))));
        } else if (op == 4) {
            if (s.undo_stack.can_undo()) REQUIRE(s.undo());
        } else {
            if (s.undo_stack.can_redo()) REQUIRE(s.redo());
        }
        check_cache_is_fresh(s);
    }
    CHECK(s.full_reloads == reloads);
}

TEST_CASE("A command that does not say what it changes still gets a full reload", "[app][refresh]") {
    Ui ui;
    AppState& s = ui.state();
    const auto reloads = s.full_reloads;
    Command c;
    c.label = "add two episodes";
    c.apply = [](Store& st) {
        st.add_episode(numb_foot(1, 1));
        st.add_episode(numb_foot(2, 2));
    };
    c.revert = [](Store& st) {
        st.delete_episode(nd::test::test_uuid(1, 1));
        st.delete_episode(nd::test::test_uuid(1, 2));
    };
    REQUIRE(s.run(c));
    CHECK(s.full_reloads == reloads + 1);
    CHECK(s.episodes_newest_first.size() == 2);
    check_cache_is_fresh(s);
    REQUIRE(s.undo());
    CHECK(s.episodes_newest_first.empty());
    check_cache_is_fresh(s);
}

TEST_CASE("Matching waits until a page asks for it", "[app][refresh]") {
    Ui ui;
    AppState& s = ui.state();
    for (int i = 1; i <= 5; ++i) ui.store().add_episode(numb_foot(i, i));
    s.refresh();
    ui.settle();   // the Log page: nothing there needs the match
    const auto latest = [&] { return s.analysis ? s.analysis->latest_match() : nullptr; };
    CHECK_FALSE(latest());
    s.request_page = Page::Causes;
    ui.settle();
    REQUIRE(latest());
    CHECK(latest()->revision == s.revision);
    CHECK(latest()->match.episodes_considered == 5);
    REQUIRE(s.run(add_episode_command(numb_foot(6, 6))));
    CHECK(latest()->revision != s.revision);   // a save does not wait for it either
    ui.settle();
    CHECK(latest()->revision == s.revision);   // the Causes page, still shown, asked again
    CHECK(latest()->match.episodes_considered == 6);
    CHECK_FALSE(s.match_ready());              // the page uses the analysis' match, not a second one
}
