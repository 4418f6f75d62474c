// The Diary and Patterns pages after a change (issue 19) and their warning signs
// (issue 11): the red flags grouped by reason at the top of Patterns whatever the
// period; one change sends the analysis one record, not the whole diary; on a worker
// (the desktop) the previous figures stay until the new ones are ready; Diary rows
// say everything or name fewer places, never cut with "…" (issue 13).
#include <imgui.h>

#include "diary_analysis.hpp"
#include "diary_row_text.hpp"
#include "enum_names.hpp"
#include "icons.hpp"
#include "time_util.hpp"
#include "red_flags.hpp"
#include "undo.hpp"
#include "ui_harness.hpp"
#include "diary_builders.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

Episode tingling(Ui& ui, std::int64_t days_ago, int numbness = 3) {
    Episode e;
    e.start = {ui.services.clock - days_ago * 86400 - 3600, ui.services.offset_min};
    e.duration_min = 10;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.onset = Onset::Gradual;
    e.numbness = numbness;
    return ui.store().add_episode(e);
}

// Face drooping and arm weakness: FAST signs of a stroke, which always warn (NHS
// "Stroke - symptoms"; seed: "sudden numbness of face, arm or leg, especially on one
// side" needs emergency care).
Episode stroke_signs(Ui& ui, std::int64_t days_ago) {
    Episode e;
    e.start = {ui.services.clock - days_ago * 86400 - 7200, ui.services.offset_min};
    e.regions = {{Region::Face, Side::Left}, {Region::Arm, Side::Left}};
    e.sensations = {Sensation::Numbness};
    e.signs = {Sign::FaceDrooping, Sign::ArmWeakness};
    e.onset = Onset::Sudden;
    return ui.store().add_episode(e);
}

const PatternStats& stats(Ui& ui) {
    REQUIRE(ui.pages().patterns.stats);
    return *ui.pages().patterns.stats;
}

}  // namespace

TEST_CASE("Patterns shows the warning signs first and grouped whatever the period", "[app][patterns][red_flags]") {
    Ui ui(390, 4200);
    const Episode a = stroke_signs(ui, 200);   // both long before the 30 days shown
    const Episode b = stroke_signs(ui, 150);
    for (int d = 1; d <= 4; ++d) tingling(ui, d);
    ui.state().refresh();
    ui.state().page = Page::Patterns;
    ui.pages().patterns.period = PatternPeriod::Days30;
    ui.settle();
    const PatternStats& st = stats(ui);
    REQUIRE(st.red_flag_groups.size() == 1);    // the same reasons twice: one group
    CHECK(st.red_flag_groups[0].count == 2);
    CHECK(st.red_flag_groups[0].call_emergency);
    // Drawn, above everything else on the page (the summary and the charts).
    const std::string key = "patterns:red_flag:" + b.id;   // a group is keyed by its newest episode
    REQUIRE(ui.has(key));
    REQUIRE(ui.has("chart:weeks"));
    CHECK(ui.state().items.at(key).y0 < ui.state().items.at("chart:weeks").y0);

    SECTION("and when the period has too few episodes for patterns") {
        for (const Episode& e : ui.store().episodes())
            if (e.signs.empty()) ui.store().delete_episode(e.id);
        ui.state().refresh();
        ui.settle();
        CHECK(stats(ui).report.episode_count == 0);
        CHECK_FALSE(ui.has("chart:weeks"));
        CHECK(ui.has(key));
    }
    SECTION("a foot that fell asleep raises none") {
        for (const Episode& e : ui.store().episodes())
            if (!e.signs.empty()) ui.store().delete_episode(e.id);
        Episode asleep;
        asleep.start = {ui.services.clock - 600, ui.services.offset_min};
        asleep.regions = {{Region::WholeFoot, Side::Right}};
        asleep.sensations = {Sensation::Tingling};
        asleep.activities = {Activity::CrossedLegs};
        asleep.duration_min = 3;
        ui.store().add_episode(asleep);
        ui.state().refresh();
        ui.settle();
        CHECK(stats(ui).red_flag_groups.empty());
        for (const auto& [k, r] : ui.state().items) CHECK(k.rfind("patterns:red_flag:", 0) != 0);
    }
    (void)a;
}

TEST_CASE("One change sends the analysis that record only and the figures follow it", "[app][patterns][diary]") {
    Ui ui;
    for (int d = 1; d <= 5; ++d) tingling(ui, d);
    ui.state().refresh();
    ui.state().page = Page::Patterns;
    ui.settle();
    REQUIRE(ui.state().analysis);
    const std::uint64_t copies = ui.state().analysis->full_copies();
    CHECK(stats(ui).report.episode_count == 5);

    // A new episode, through the app as the Log saves it.
    Episode e;
    e.start = {ui.services.clock - 1800, ui.services.offset_min};
    e.regions = {{Region::Sole, Side::Right}};
    e.sensations = {Sensation::Burning};
    e.numbness = 4;
    REQUIRE(ui.state().run(add_episode_command(e)));
    ui.settle();
    CHECK(stats(ui).report.episode_count == 6);
    CHECK(stats(ui).revision == ui.state().revision);
    CHECK(ui.state().analysis->full_copies() == copies);

    // An edit that adds stroke signs: the group appears on Patterns, the row is marked in the Diary.
    const Episode before = ui.store().episodes().front();
    Episode after = before;
    after.signs = {Sign::FaceDrooping};
    after.onset = Onset::Sudden;
    REQUIRE(ui.state().run(edit_episode_command(before, after)));
    ui.settle();
    CHECK(stats(ui).red_flag_groups.size() == 1);
    ui.state().page = Page::Diary;
    ui.settle();
    CHECK(ui.has("diary:red_flag:" + before.id));
    CHECK(ui.state().analysis->full_copies() == copies);

    // Undo takes the mark away again, still without a whole copy.
    REQUIRE(ui.state().undo());
    ui.settle();
    CHECK_FALSE(ui.has("diary:red_flag:" + before.id));
    CHECK(ui.state().analysis->full_copies() == copies);

    // The whole diary read again (an import, a restore): one whole copy.
    ui.state().refresh();
    ui.settle();
    CHECK(ui.state().analysis->full_copies() == copies + 1);
}

TEST_CASE("On a worker the previous figures stay until the new ones are ready", "[app][patterns]") {
    Ui ui;
    ui.services.threads = true;   // as on the desktop
    for (int d = 1; d <= 5; ++d) tingling(ui, d);
    ui.state().refresh();
    ui.state().page = Page::Patterns;
    ui.frame();
    REQUIRE(ui.state().analysis);
    ui.state().analysis->wait_idle();
    ui.settle();
    REQUIRE(stats(ui).report.episode_count == 5);

    tingling(ui, 2);
    ui.state().refresh();   // a whole new diary: the frame draws what it had
    ui.frame();
    CHECK(ui.pages().patterns.stats);   // never an empty page meanwhile
    ui.state().analysis->wait_idle();
    ui.settle();
    CHECK(stats(ui).report.episode_count == 6);
    CHECK(stats(ui).revision == ui.state().revision);
}

TEST_CASE("A diary row with many places names fewer of them instead of cutting words", "[app][diary][layout]") {
    Ui ui(390, 844);
    ImGui::NewFrame();
    ImFont* font = ImGui::GetFont();
    const float size = font->FontSize;
    Episode e;
    e.start = {ui.services.clock, 60};
    e.duration_min = 125;
    e.numbness = 6;
    e.pain = 3;
    e.regions = {{Region::Toes, Side::Both}, {Region::Sole, Side::Both}, {Region::Heel, Side::Left},
                 {Region::Ankle, Side::Left}, {Region::Shin, Side::Right}, {Region::Calf, Side::Right}};
    e.sensations = {Sensation::Tingling, Sensation::Burning, Sensation::Numbness};
    const float width = 12 * size;   // a narrow phone column at a large text size
    const int budget = row_line_budget(font, size, width, true);
    const auto paras = episode_row_text(e, false, true, font, size, width, budget);
    CHECK(total_lines(paras) <= budget);
    std::string all;
    for (const RowParagraph& p : paras) all += p.text + "\n";
    INFO(all);
    CHECK(all.find("\xe2\x80\xa6") == std::string::npos);   // no "…"
    CHECK(all.find("more") != std::string::npos);            // "and 4 more": the editor lists them all
    CHECK(all.find("2 h 5 min") != std::string::npos);       // the time and its length stay whole

    // The same row with room enough says everything.
    const auto wide = episode_row_text(e, false, false, font, size, 80 * size, row_line_budget(font, size, 80 * size, false));
    std::string whole;
    for (const RowParagraph& p : wide) whole += p.text + "\n";
    CHECK(whole.find("more") == std::string::npos);
    ImGui::EndFrame();
}

TEST_CASE("A check-in row is shorter than an episode row and its words fit its lines", "[app][diary][layout]") {
    Ui ui(390, 844);
    Episode e = tingling(ui, 0);
    CheckIn c = nd::test::checkin(1, local_date(e.start), {GeneralSymptom::BackPain, GeneralSymptom::Exhaustion,
                                                             GeneralSymptom::WidespreadPain, GeneralSymptom::RestlessLegs,
                                                             GeneralSymptom::MemoryOrThinking});
    c.note = "Walked four kilometres with the dog in the morning and slept badly after it";
    c = ui.store().put_checkin(c);
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    const std::string ep = "diary:episode:" + e.id, ci = "diary:checkin:" + c.date;
    REQUIRE(ui.has(ep));
    REQUIRE(ui.has(ci));
    const ItemRect er = ui.state().items.at(ep), cr = ui.state().items.at(ci);
    // Before, every row had the episode rows' height: a tall card with a little text.
    CHECK(cr.y1 - cr.y0 < er.y1 - er.y0);
    CHECK(cr.y1 <= er.y0);   // rows keep their places: the check-in above, no overlap

    // Its words fit the lines it has, at any width: fewer symptoms named, the note cut at a word.
    ImGui::NewFrame();
    ImFont* font = ImGui::GetFont();
    const float size = font->FontSize;
    for (const float width : {11 * size, 14 * size, 20 * size}) {   // 11: a phone at Largest
        const int budget = checkin_line_budget(row_line_budget(font, size, width, true));
        const auto paras = checkin_row_text(c, font, size, width, budget);
        std::string all;
        for (const RowParagraph& p : paras) all += p.text + "\n";
        INFO(width << ": " << all);
        CHECK(total_lines(paras) <= budget);
        CHECK(all.find("Daily check-in") == 0);
        CHECK(all.find(std::string(enum_label(c.symptoms.front()))) != std::string::npos);   // the first thing noted stays
        CHECK(all.find(" more") != std::string::npos);   // the rest are counted, not cut
    }
    ImGui::EndFrame();
}

TEST_CASE("An edit that leaves the Diary list as it was keeps its rows and one that moves a row moves only that row", "[app][diary]") {
    Ui ui;
    for (int d = 1; d <= 4; ++d) tingling(ui, d);
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    const DiaryPage& pg = ui.pages().diary;
    const int builds = pg.rows_builds;
    const Episode before = ui.store().episodes().back();   // the newest

    // A new rating: same place in the list.
    Episode rated = before;
    rated.numbness = 9;
    REQUIRE(ui.state().run(edit_episode_command(before, rated)));
    ui.settle();
    CHECK(pg.rows_builds == builds);
    CHECK(pg.rows_revision == ui.state().revision);
    CHECK(ui.has("diary:episode:" + before.id));

    // Moved three days back: its row moves under another day (taken out and put back in,
    // not a rebuild: diary_rows.hpp, tests/app/diary_rows_test.cpp).
    Episode moved = rated;
    moved.start.utc -= 3 * 86400;
    REQUIRE(ui.state().run(edit_episode_command(rated, moved)));
    ui.settle();
    CHECK(pg.rows_builds == builds);
    bool found = false;
    for (const DiaryRow& r : pg.rows)
        if (r.kind == DiaryRowKind::Episode && ui.state().diary.episodes[r.index].id == before.id)
            found = r.day == local_day_number(moved.start);
    CHECK(found);

    // Deleted: the row goes, and the bin counts it.
    REQUIRE(ui.state().run(delete_episode_command(moved)));
    ui.settle();
    CHECK(pg.rows_builds == builds);
    CHECK_FALSE(ui.has("diary:episode:" + before.id));
    CHECK(pg.bin_count == 1);
}
