// The Diary page's rows after a single episode's change (app/diary_rows.hpp): a new
// episode, one moved to another day, to the bin and back, one removed by an undo, in
// every kind of day (its own, one with check-ins only, one with other episodes) and
// under the page's filters, are kept in step without a rebuild, and always equal the
// rows built from scratch for the diary as it is.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "diary_rows.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"
#include "undo.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

Episode episode(Ui& ui, std::int64_t days_ago, int minute, Region where) {
    Episode e;
    e.start = {ui.services.clock - days_ago * 86400 - 86400 + minute * 60, ui.services.offset_min};
    e.duration_min = 10;
    e.regions = {{where, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.onset = Onset::Gradual;
    e.numbness = 3;
    return e;
}

std::string describe(const DiaryPage& pg) {
    std::ostringstream o;
    for (const DiaryRow& r : pg.rows)
        o << static_cast<int>(r.kind) << " " << r.index << " " << r.day << " " << r.count << " " << r.days_before << " "
          << r.checkins_before << "\n";
    o << "row_of";
    for (std::int32_t r : pg.row_of) o << " " << r;
    o << "\nids " << pg.ids_of.size() << " bin_of";
    for (std::uint8_t b : pg.in_bin_of) o << " " << int(b);
    o << "\nshown " << pg.shown_episodes << " bin " << pg.bin_count << "\n";
    return o.str();
}

// The page's rows against rows built from scratch with the same filter, for the diary now.
void check_rows(Ui& ui) {
    AppState& s = ui.state();
    const DiaryPage& pg = ui.pages().diary;
    REQUIRE(pg.rows_revision == s.revision);
    DiaryPage fresh;
    fresh.filter = pg.filter;
    fresh.show_bin = pg.show_bin;
    build_rows(s, fresh, local_date(s.now_local()));
    CHECK(describe(pg) == describe(fresh));
    CHECK(pg.ids_of == s.episode_id_hashes());
}

const Episode& by_id(Ui& ui, const std::string& id) {
    const std::size_t i = ui.state().episode_index(id);
    REQUIRE(i < ui.state().diary.episodes.size());
    return ui.state().diary.episodes[i];
}

}  // namespace

TEST_CASE("The Diary's rows follow one episode's change without a rebuild and equal a rebuild", "[app][diary]") {
    Ui ui;
    AppState& s = ui.state();
    // Episodes on most of 20 days (two on some), none on days 5 and 9; check-ins on days 3, 5 and 12.
    for (int d = 1; d <= 20; ++d) {
        if (d == 5 || d == 9) continue;
        ui.store().add_episode(episode(ui, d, 9 * 60, d % 3 ? Region::Toes : Region::Calf));
        if (d % 4 == 0) ui.store().add_episode(episode(ui, d, 18 * 60, Region::Sole));
    }
    for (int d : {3, 5, 12}) {
        CheckIn c;
        c.date = date_from_days(local_day_number(s.now_local()) - d - 1);
        c.no_numbness = d == 5;
        c.symptoms = d == 5 ? std::vector<GeneralSymptom>{} : std::vector<GeneralSymptom>{GeneralSymptom::Exhaustion};
        ui.store().put_checkin(c);
    }
    s.refresh();
    s.page = Page::Diary;
    const auto filter = GENERATE(0, 1, 2, 3);
    DiaryPage& pg = ui.pages().diary;
    if (filter == 1) pg.filter.region = Region::Toes;   // some episodes not shown
    if (filter == 2) pg.filter.preset = DatePreset::Days7;
    if (filter == 3) pg.show_bin = true;              // the bin's own list
    INFO("filter " << filter);
    ui.settle();
    check_rows(ui);
    const int builds = pg.rows_builds;
    const auto change = [&](Command cmd) {
        REQUIRE(s.run(std::move(cmd)));
        ui.frame();
        check_rows(ui);
        CHECK(pg.rows_builds == builds);   // kept in step, not rebuilt
    };

    Episode newest;   // logged now: the newest, on today's day
    REQUIRE(s.run(add_episode_command(episode(ui, -1, 60, Region::Toes), &newest)));
    ui.frame();
    check_rows(ui);
    CHECK(pg.rows_builds == builds);
    Episode lone, checkin_day, crowded;
    change(add_episode_command(episode(ui, 9, 12 * 60, Region::Toes), &lone));          // a day of its own
    change(add_episode_command(episode(ui, 5, 12 * 60, Region::Calf), &checkin_day));   // a day with a check-in only
    change(add_episode_command(episode(ui, 8, 12 * 60, Region::Toes), &crowded));       // between two on day 8
    change(add_episode_command(episode(ui, 40, 12 * 60, Region::Toes)));                // the oldest day shown
    // Moved to another day, older then newer, and within its day past another.
    Episode moved = by_id(ui, crowded.id);
    moved.start.utc -= 6 * 86400;
    change(edit_episode_command(by_id(ui, crowded.id), moved));
    Episode back = moved;
    back.start.utc += 10 * 86400;
    change(edit_episode_command(moved, back));
    Episode later = back;
    later.start.utc += 10 * 3600;
    change(edit_episode_command(back, later));
    // To the bin: the only one of its day (the day goes), the one beside a check-in (the day stays).
    change(delete_episode_command(by_id(ui, lone.id)));
    change(delete_episode_command(by_id(ui, checkin_day.id)));
    REQUIRE(s.undo());   // back from the bin
    ui.frame();
    check_rows(ui);
    CHECK(pg.rows_builds == builds);
    // An undone add (it goes to the bin), and one the filter hides sent to the bin: the bin counts both.
    Episode undone;
    change(add_episode_command(episode(ui, 11, 7 * 60, Region::Toes), &undone));
    REQUIRE(s.undo());
    ui.frame();
    check_rows(ui);
    CHECK(pg.rows_builds == builds);
    Episode hidden;   // on the calf, 30 days ago: outside the toes and the 7 days
    change(add_episode_command(episode(ui, 30, 7 * 60, Region::Calf), &hidden));
    change(delete_episode_command(by_id(ui, hidden.id)));
    // A check-in is not an episode's change: the rows are built again, and still right.
    CheckIn c;
    c.date = date_from_days(local_day_number(s.now_local()) - 2);
    c.no_numbness = true;
    REQUIRE(s.run(put_checkin_command(c, std::nullopt)));
    ui.frame();
    check_rows(ui);
    CHECK(pg.rows_builds == builds + 1);
}
