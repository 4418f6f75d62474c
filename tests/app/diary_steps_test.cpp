// Without threads (the web build; issue 19) the Diary page's red-flag marks and the
// Patterns figures are updated for the one record that changed, and whole-diary work
// is spread over frames (app/diary_steps.hpp). Whatever the path, the figures must end
// identical to a computation from scratch (compute_pattern_stats, red_flag_episode_ids)
// over the diary as it is: after an added episode, an edit that moves one across
// weeks (and out of the period), a deletion, an undo, a check-in, and a change made
// while a whole-diary pass is still under way. The work is counted in frames, never timed.
//
// The red-flag episodes added here follow docs/clinical.md's rules from the seed: FAST
// signs of a stroke (NHS "Stroke - symptoms"), numbness spreading fast (Cleveland
// Clinic: numbness that spreads quickly needs urgent care) and numbness climbing both
// legs over days (NHS and Mayo Clinic on Guillain-Barre syndrome).
#include <catch2/catch.hpp>

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "demo_diary.hpp"
#include "diary_analysis.hpp"
#include "diary_steps.hpp"
#include "red_flags.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

// Every figure the Patterns page reads (PatternStats says which), as text: a difference
// shows as a line.
std::string describe(const PatternStats& st) {
    std::ostringstream o;
    o << std::setprecision(17);
    const ReportModel& r = st.report;
    o << "period " << r.from << " " << r.to << " " << r.period_text << " days " << r.days_in_period << "\n";
    o << "episodes " << r.episode_count << " on " << r.days_with_episodes << " days\n";
    o << "numbness " << r.numbness_rated << " " << r.median_numbness << " " << r.max_numbness << "\n";
    o << "pain " << r.pain_rated << " " << r.median_pain << " " << r.max_pain << "\n";
    for (const RedFlagEvent& f : r.red_flags)
        o << "event " << f.date << " " << f.time << " " << f.episode_id << " " << f.title << " | " << f.reasons << " | "
          << f.advice << " " << f.call_emergency << "\n";
    for (std::size_t i = 0; i < r.per_week.size(); ++i)
        o << "week " << r.per_week[i].week_start << " " << r.per_week[i].episodes << " " << r.per_week[i].red_flag_episodes
          << " " << (i < st.week_numbness.size() ? st.week_numbness[i] : -9) << " "
          << (i < st.week_pain.size() ? st.week_pain[i] : -9) << "\n";
    o << "week averages " << st.week_numbness.size() << " " << st.week_pain.size() << "\n";
    for (const RegionCount& c : r.regions)
        o << "region " << static_cast<int>(c.region) << " " << c.label << " " << c.left << " " << c.right << " " << c.middle << "\n";
    for (const CountItem& c : r.sensations) o << "sensation " << c.id << " " << c.label << " " << c.count << "\n";
    for (const CountItem& c : r.triggers) o << "trigger " << c.id << " " << c.label << " " << c.count << "\n";
    for (int b : st.bands) o << "band " << b << "\n";
    for (int h : st.hours) o << "hour " << h << "\n";
    o << "flags " << st.red_flags.size() << " starts " << st.red_flag_starts.size() << "\n";
    for (std::size_t i = 0; i < st.red_flags.size(); ++i) {
        const RedFlag& f = st.red_flags[i];
        o << "flag " << static_cast<int>(f.kind) << " " << f.episode_id << " " << f.title;
        for (const std::string& reason : f.reasons) o << " | " << reason;
        if (i < st.red_flag_starts.size()) o << " at " << st.red_flag_starts[i].utc << " " << st.red_flag_starts[i].offset_min;
        o << "\n";
    }
    for (const RedFlagGroup& g : st.red_flag_groups) {
        o << "group " << static_cast<int>(g.kind) << " " << g.title << " " << g.count;
        for (const std::string& id : g.episode_ids) o << " " << id;
        for (const LocalDate& d : g.dates) o << " " << d;
        o << "\n";
    }
    return o.str();
}

// Frames until the figures are current; how many it took.
int frames_until_current(Ui& ui) {
    int n = 0;
    do {
        ui.frame();
        ++n;
    } while (ui.state().analysis && ui.state().analysis->busy() && n < 100000);
    return n;
}

// The Patterns page's figures and the Diary's marks against a computation from scratch.
void check_current(Ui& ui) {
    AppState& s = ui.state();
    const PatternsPage& pg = ui.pages().patterns;
    REQUIRE(pg.stats);
    REQUIRE(pg.stats->revision == s.revision);
    const LocalDate today = local_date(s.now_local());
    REQUIRE(pg.stats->period == pg.period);
    const PatternStats want = compute_pattern_stats(s.diary, pg.period, today);
    CHECK(describe(*pg.stats) == describe(want));
    // The warning signs drawn at the top: the figures' own, once they are current.
    std::ostringstream drawn, computed;
    for (const RedFlagGroup& g : pg.red_flag_groups) drawn << static_cast<int>(g.kind) << " " << g.count << " " << g.episode_ids.back() << "\n";
    for (const RedFlagGroup& g : want.red_flag_groups) computed << static_cast<int>(g.kind) << " " << g.count << " " << g.episode_ids.back() << "\n";
    CHECK(drawn.str() == computed.str());
    const auto flagged = analysis(s).flagged(s);
    REQUIRE(flagged);
    CHECK(flagged->revision == s.revision);
    CHECK(flagged->ids == red_flag_episode_ids(s.diary));
}

Episode at(Ui& ui, std::int64_t days_ago, int minute) {
    Episode e;
    e.start = {ui.services.clock - days_ago * 86400 - 86400 + minute * 60, ui.services.offset_min};
    e.duration_min = 15;
    e.onset = Onset::Gradual;
    return e;
}

// A fast spread up the left calf: new the first time along that path (a red flag),
// familiar when repeated reaching no further with no sign (none).
Episode calf_spread(Ui& ui, std::int64_t days_ago) {
    Episode e = at(ui, days_ago, 9 * 60);
    e.regions = {{Region::Calf, Side::Left}, {Region::Shin, Side::Left}};
    e.sensations = {Sensation::Tingling, Sensation::Numbness};
    e.spread = true;
    e.spread_from = Region::Ankle;
    e.spread_to = Region::Calf;
    e.spread_speed = SpreadSpeed::Minutes;
    e.numbness = 5;
    return e;
}

Episode stroke_signs(Ui& ui, std::int64_t days_ago) {
    Episode e = at(ui, days_ago, 14 * 60 + 30);
    e.regions = {{Region::Face, Side::Left}, {Region::Arm, Side::Left}};
    e.sensations = {Sensation::Numbness};
    e.signs = {Sign::FaceDrooping, Sign::ArmWeakness};
    e.onset = Onset::Sudden;
    e.numbness = 7;
    e.pain = 2;
    return e;
}

// Both feet, then two days later up to both shins: climbing both legs over entries.
Episode both_legs(Ui& ui, std::int64_t days_ago, Region high) {
    Episode e = at(ui, days_ago, 20 * 60);
    e.regions = {{Region::Toes, Side::Both}, {Region::Sole, Side::Both}};
    if (high != Region::Toes) e.regions.push_back({high, Side::Both});
    e.sensations = {Sensation::Numbness, Sensation::Weakness};
    e.activities = {Activity::Walking};
    e.numbness = 4;
    return e;
}

// The generated diary (3 episodes a day over about 2.7 years) with red flags of each kind.
void load_diary(Ui& ui) {
    ui.store().replace_diary(make_generated_diary(3000, 20261203u, ui.services.clock));
    ui.store().add_episode(calf_spread(ui, 400));
    ui.store().add_episode(calf_spread(ui, 300));   // familiar: no flag while the first is there
    ui.store().add_episode(stroke_signs(ui, 200));
    ui.store().add_episode(both_legs(ui, 60, Region::Toes));
    ui.store().add_episode(both_legs(ui, 58, Region::Shin));
    ui.state().refresh();
}

const Episode& episode_by_id(Ui& ui, const std::string& id) {
    const std::size_t i = ui.state().episode_index(id);
    REQUIRE(i < ui.state().diary.episodes.size());
    return ui.state().diary.episodes[i];
}

}  // namespace

TEST_CASE("Without threads the figures after each kind of change equal a computation from scratch", "[app][patterns][diary][steps]") {
    Ui ui;
    load_diary(ui);
    AppState& s = ui.state();
    const PatternPeriod period = GENERATE(PatternPeriod::All, PatternPeriod::Days90, PatternPeriod::Year);
    INFO("period " << static_cast<int>(period));
    s.page = Page::Patterns;
    ui.pages().patterns.period = period;
    analysis(s).set_step_budget(200);   // small slices: every path below runs over several frames
    const int first = frames_until_current(ui);
    CHECK(first >= 3000 / 200);   // the first pass is spread over frames, never one long frame
    check_current(ui);
    REQUIRE(!red_flag_episode_ids(s.diary).empty());
    const std::uint64_t passes = analysis(s).full_copies();

    SECTION("an added episode (the newest, with stroke signs): done within the next frame") {
        REQUIRE(s.run(add_episode_command(stroke_signs(ui, 0))));
        CHECK(frames_until_current(ui) == 1);
        check_current(ui);
        CHECK(analysis(s).full_copies() == passes);   // that record only, not the whole diary again
    }
    SECTION("an edit that moves an episode across weeks, then out of the period, then an undo") {
        const std::string id = s.diary.episodes[s.episodes_newest_first[40]].id;   // about two weeks ago
        Episode before = episode_by_id(ui, id);
        Episode moved = before;
        moved.start.utc -= 9 * 86400;
        moved.numbness = 9;
        moved.regions.push_back({Region::Knee, Side::Right});
        REQUIRE(s.run(edit_episode_command(before, moved)));
        frames_until_current(ui);
        check_current(ui);
        Episode out = moved;
        out.start.utc -= 400 * 86400;   // before every period but "All"
        REQUIRE(s.run(edit_episode_command(moved, out)));
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        CHECK(episode_by_id(ui, id).start == before.start);   // back where it was
        CHECK(episode_by_id(ui, id).numbness == before.numbness);
        CHECK(analysis(s).full_copies() == passes);
    }
    SECTION("an edit far back changes a later episode's flag, over several frames") {
        // The first calf spread moved to the right leg: the second, 100 days later, is
        // then the first along its path, and flagged.
        const auto second = std::find_if(s.diary.episodes.begin(), s.diary.episodes.end(), [&](const Episode& e) {
            return e.spread && e.start.utc == calf_spread(ui, 300).start.utc;
        });
        REQUIRE(second != s.diary.episodes.end());
        const std::string second_id = second->id;
        CHECK_FALSE(analysis(s).flagged(s)->contains(second_id));
        const auto first_spread = std::find_if(s.diary.episodes.begin(), s.diary.episodes.end(), [&](const Episode& e) {
            return e.spread && e.start.utc == calf_spread(ui, 400).start.utc;
        });
        REQUIRE(first_spread != s.diary.episodes.end());
        Episode right = *first_spread;
        for (RegionMark& m : right.regions) m.side = Side::Right;
        const std::uint64_t steps = analysis(s).steps_taken();
        REQUIRE(s.run(edit_episode_command(*first_spread, right)));
        const std::uint64_t old_revision = s.revision - 1;
        ui.frame();
        // Still judging the 1,200 episodes after it: the page keeps the figures it had.
        REQUIRE(analysis(s).busy());
        CHECK(ui.pages().patterns.stats->revision == old_revision);
        const int frames = 1 + frames_until_current(ui);
        CHECK(frames >= 1200 / 200);
        CHECK(analysis(s).steps_taken() - steps >= 1200 / 200);
        check_current(ui);
        CHECK(analysis(s).flagged(s)->contains(second_id));
    }
    SECTION("a warning sign added far back shows in the next frame, while the figures catch up") {
        const std::string id = s.diary.episodes[s.episodes_newest_first[2000]].id;
        const Episode before = episode_by_id(ui, id);
        Episode after = before;
        after.signs = {Sign::FaceDrooping};
        after.onset = Onset::Sudden;
        REQUIRE(s.run(edit_episode_command(before, after)));
        ui.frame();
        REQUIRE(analysis(s).busy());   // about 2,000 episodes after it still to judge
        bool shown = false;
        for (const RedFlagGroup& g : ui.pages().patterns.red_flag_groups)
            if (g.kind == RedFlagKind::StrokeSigns)
                shown = shown || std::find(g.episode_ids.begin(), g.episode_ids.end(), id) != g.episode_ids.end();
        CHECK(shown);
        CHECK(ui.has("patterns:red_flag:" + id));   // drawn: a group of its own (its reasons differ)
        frames_until_current(ui);
        check_current(ui);
    }
    SECTION("a deletion and its undo") {
        const std::string id = s.diary.episodes[s.episodes_newest_first[3]].id;
        REQUIRE(s.run(delete_episode_command(episode_by_id(ui, id))));
        frames_until_current(ui);
        check_current(ui);
        // The climbing entry deleted: the later one no longer climbs.
        const auto climb = std::find_if(s.diary.episodes.begin(), s.diary.episodes.end(), [&](const Episode& e) {
            return !is_deleted(e) && e.start.utc == both_legs(ui, 60, Region::Toes).start.utc;
        });
        REQUIRE(climb != s.diary.episodes.end());
        REQUIRE(s.run(delete_episode_command(*climb)));
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        CHECK(analysis(s).full_copies() == passes);
    }
    SECTION("a check-in before the first episode starts \"All\" earlier") {
        CheckIn c;
        c.date = date_from_days(local_day_number(s.diary.episodes.front().start) - 5);
        c.no_numbness = true;
        REQUIRE(s.run(put_checkin_command(c, std::nullopt)));
        frames_until_current(ui);
        check_current(ui);
    }
    SECTION("the oldest episode moved weeks earlier, then a check-in before it, then undone") {
        // Weeks the counts had not reached yet ("All" grows at its start), and a check-in
        // that starts "All" and is then taken back (the next check-in no longer does).
        const Episode oldest = s.diary.episodes.front();
        REQUIRE_FALSE(is_deleted(oldest));
        Episode earlier = oldest;
        earlier.start.utc -= 45 * 86400;
        REQUIRE(s.run(edit_episode_command(oldest, earlier)));
        frames_until_current(ui);
        check_current(ui);
        CheckIn c;
        c.date = date_from_days(local_day_number(earlier.start) - 12);
        c.no_numbness = true;
        REQUIRE(s.run(put_checkin_command(c, std::nullopt)));
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        REQUIRE(s.undo());
        frames_until_current(ui);
        check_current(ui);
        CHECK(analysis(s).full_copies() == passes);
    }
    SECTION("changes made while a whole-diary pass is under way") {
        s.refresh();   // the whole diary read again: a new pass
        ui.frame();
        ui.frame();
        REQUIRE(analysis(s).busy());
        REQUIRE(s.run(add_episode_command(calf_spread(ui, 1))));
        ui.frame();
        REQUIRE(analysis(s).busy());
        const std::string id = s.diary.episodes[s.episodes_newest_first[10]].id;
        Episode before = episode_by_id(ui, id);
        Episode after = before;
        after.start.utc -= 3 * 86400;
        REQUIRE(s.run(edit_episode_command(before, after)));
        frames_until_current(ui);
        check_current(ui);
        // And after another period is asked, then a change while its counts are half made.
        ui.pages().patterns.period = period == PatternPeriod::All ? PatternPeriod::Days30 : PatternPeriod::All;
        ui.frame();
        REQUIRE(s.run(delete_episode_command(episode_by_id(ui, s.diary.episodes[s.episodes_newest_first[0]].id))));
        frames_until_current(ui);
        check_current(ui);
    }
}

TEST_CASE("Without threads the Diary's marks follow a change within the frame after it", "[app][diary][steps]") {
    Ui ui;
    load_diary(ui);
    AppState& s = ui.state();
    s.page = Page::Diary;
    frames_until_current(ui);
    const auto flagged = analysis(s).flagged(s);
    REQUIRE(flagged);
    CHECK(flagged->ids == red_flag_episode_ids(s.diary));
    Episode added;
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 0), &added)));
    ui.frame();
    CHECK(analysis(s).flagged(s)->contains(added.id));
    CHECK(ui.has("diary:red_flag:" + added.id));
    CHECK_FALSE(analysis(s).busy());
}

// With a worker (the desktop) its own copy of the diary is made a slice a frame (the copy
// of 100k episodes at once stalled a frame for 40-60 ms): the page says it is working the
// figures out until the copy is whole, and the worker never computes from a part of it
// (nor from the empty copy it starts with). A change while copying starts the copy over.
TEST_CASE("With a worker its copy of the diary is made over frames, and no figures come from a part", "[app][patterns][steps]") {
    Ui ui;
    ui.services.threads = true;
    load_diary(ui);
    AppState& s = ui.state();
    analysis(s).set_step_budget(200);
    s.page = Page::Patterns;
    ui.pages().patterns.period = PatternPeriod::All;
    const LocalDate today = local_date(s.now_local());
    // Frames until the page shows figures of the diary as it is; none of another revision before.
    const auto until_figures = [&] {
        int frames = 0;
        while (!(ui.pages().patterns.stats && ui.pages().patterns.stats->revision == s.revision) && frames < 200000) {
            ui.frame();
            ++frames;
            if (const auto& st = ui.pages().patterns.stats) {
                INFO("frame " << frames);
                REQUIRE(st->revision == s.revision);   // never figures of the empty copy or of a part
            }
        }
        REQUIRE(ui.pages().patterns.stats);
        CHECK(describe(*ui.pages().patterns.stats) == describe(compute_pattern_stats(s.diary, PatternPeriod::All, today)));
    };
    until_figures();
    CHECK(analysis(s).full_copies() == 1);

    // With the worker held, busy() is the copy alone: count its frames.
    const auto copy_frames = [&] {
        int frames = 0;
        do {
            ui.frame();
            ++frames;
        } while (analysis(s).busy() && frames < 100000);
        return frames;
    };
    analysis(s).hold(true);
    s.reload_all(ReloadReason::OtherProcess);   // the whole diary read again; the engine is kept
    CHECK(copy_frames() >= 3005 / 200);         // a slice a frame, not the whole diary in one
    // A change while a copy is under way: the copy starts over (a whole copy's frames after it).
    s.reload_all(ReloadReason::OtherProcess);
    for (int i = 0; i < 4; ++i) ui.frame();
    REQUIRE(analysis(s).busy());
    REQUIRE(s.run(add_episode_command(stroke_signs(ui, 0))));
    CHECK(copy_frames() >= 3006 / 200);
    analysis(s).hold(false);
    CHECK(ui.pages().patterns.stats->revision != s.revision);   // held: the figures from before
    int frames = 0;
    while (ui.pages().patterns.stats->revision != s.revision && frames++ < 200000) ui.frame();
    CHECK(describe(*ui.pages().patterns.stats) == describe(compute_pattern_stats(s.diary, PatternPeriod::All, today)));
    CHECK(analysis(s).full_copies() == 3);
}
