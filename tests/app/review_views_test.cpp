// The review pages driven through the UI on an in-memory diary: the Diary list
// (rows, edit, delete and undo, the bin, filters), Patterns, Causes (red flags
// first), the daily check-in, the health background and Settings (delete all
// asks twice). Assertions are on the store and on the pages' state.
#include <chrono>

#include "demo_diary.hpp"
#include "diary_analysis.hpp"
#include "icons.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

const std::string kDelete = ND_ICON_TRASH " Delete this episode";
const std::string kSaveEdit = ND_ICON_CHECK " Save changes";
const std::string kSaveCheckIn = ND_ICON_CHECK " Save check-in";

Episode make_episode(Ui& ui, std::int64_t hours_ago, int numbness, Region r = Region::Toes) {
    Episode e;
    e.start = {ui.services.clock - hours_ago * 3600, ui.services.offset_min};
    e.duration_min = 20;
    e.regions = {{r, Side::Left}};
    e.sensations = {Sensation::Tingling};
    e.numbness = numbness;
    return ui.store().add_episode(e);
}

// Three episodes on three days, then the Diary page.
std::vector<Episode> diary_with_three(Ui& ui) {
    std::vector<Episode> eps{make_episode(ui, 1, 3), make_episode(ui, 26, 5, Region::Sole), make_episode(ui, 50, 7)};
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    return eps;
}

std::size_t live_episodes(Ui& ui) { return ui.store().episodes().size(); }

}  // namespace

TEST_CASE("The diary lists every episode with a row per day", "[app][diary]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    for (const Episode& e : eps) CHECK(ui.has("diary:episode:" + e.id));
    const DiaryPage& pg = ui.pages().diary;
    CHECK(pg.shown_episodes == 3);
    int days = 0;
    for (const DiaryRow& r : pg.rows) days += r.kind == DiaryRowKind::Day ? 1 : 0;
    CHECK(days == 3);
    // Newest first.
    CHECK(ui.state().items.at("diary:episode:" + eps[0].id).y0 < ui.state().items.at("diary:episode:" + eps[2].id).y0);
}

TEST_CASE("Deleting a diary row moves it to the bin and undo brings it back", "[app][diary][undo]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    ui.click("diary:episode:" + eps[1].id);
    REQUIRE(ui.pages().diary.editing);
    ui.click(kDelete);
    CHECK(live_episodes(ui) == 2);
    CHECK(ui.store().episode(eps[1].id)->deleted_utc.has_value());
    CHECK_FALSE(ui.pages().diary.editing);
    CHECK_FALSE(ui.has("diary:episode:" + eps[1].id));

    ui.click("undo");
    CHECK(live_episodes(ui) == 3);
    CHECK_FALSE(ui.store().episode(eps[1].id)->deleted_utc.has_value());
    CHECK(ui.has("diary:episode:" + eps[1].id));

    ui.key_chord(true, false, 'Y');   // redo: gone again
    CHECK(live_episodes(ui) == 2);
    ui.key_chord(true, false, 'Z');
    CHECK(live_episodes(ui) == 3);
}

TEST_CASE("The bin lists deleted episodes and Restore puts one back", "[app][diary]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    ui.click("diary:episode:" + eps[0].id);
    ui.click(kDelete);
    REQUIRE(live_episodes(ui) == 2);
    ui.click(ND_ICON_TRASH " Bin##bin");
    REQUIRE(ui.pages().diary.show_bin);
    CHECK(ui.pages().diary.shown_episodes == 1);
    ui.click("Restore");
    CHECK(live_episodes(ui) == 3);
    CHECK(ui.pages().diary.shown_episodes == 0);
}

TEST_CASE("Editing the numbness of an episode is saved to the store", "[app][diary]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    ui.click("diary:episode:" + eps[0].id);
    REQUIRE(ui.has("rating:numbness"));
    const ItemRect r = ui.state().items.at("rating:numbness");
    ui.click_at(r.x1 - 2, r.cy());   // the right end of the slider: 10
    CHECK(ui.pages().diary.editing->form.numbness == 10);
    ui.click("Burning##sens");
    ui.click(kSaveEdit);
    const auto stored = ui.store().episode(eps[0].id);
    REQUIRE(stored);
    CHECK(stored->numbness == 10);
    CHECK(contains(stored->sensations, Sensation::Burning));
    CHECK_FALSE(ui.pages().diary.editing);
    ui.click("undo");
    CHECK(ui.store().episode(eps[0].id)->numbness == 3);
}

TEST_CASE("A still-going episode is ended from its editor with one tap", "[app][diary]") {
    Ui ui;
    Episode e;
    e.start = {ui.services.clock - 1800, ui.services.offset_min};
    e.ongoing = true;
    e.regions = {{Region::Toes, Side::Both}};
    e.numbness = 4;
    e = ui.store().add_episode(e);
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    ui.click("diary:episode:" + e.id);
    ui.click(ND_ICON_STOP_CIRCLE " It has stopped now");
    const auto stored = ui.store().episode(e.id);
    REQUIRE(stored);
    CHECK_FALSE(stored->ongoing);
    CHECK(stored->duration_min.has_value());   // the store measures it on its own clock
    ui.click("undo");
    CHECK(ui.store().episode(e.id)->ongoing);
}

TEST_CASE("An impossible date is refused with a message and changes nothing", "[app][diary][validation]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    // In the editor.
    ui.click("diary:episode:" + eps[0].id);
    ui.pages().diary.editing->form.picked_time = "2026-02-30 08:00";
    ui.settle();
    ui.click(kSaveEdit);
    REQUIRE(ui.pages().diary.editing);
    CHECK_FALSE(ui.pages().diary.editing->error.empty());
    CHECK(ui.store().episode(eps[0].id)->start == eps[0].start);
    ui.click(ND_ICON_ARROW_LEFT " Back to the diary");
    // In the date filter.
    ui.click(ND_ICON_SEARCH " More filters##more");
    ui.pages().diary.from_text = "2026-13-01";
    ui.settle();
    ui.click("Show these dates");
    CHECK_FALSE(ui.pages().diary.filter_error.empty());
    CHECK(ui.pages().diary.filter.preset == DatePreset::All);
    CHECK(ui.pages().diary.shown_episodes == 3);
}

TEST_CASE("Diary filters by date range and by region", "[app][diary]") {
    Ui ui;
    const auto eps = diary_with_three(ui);
    ui.click("Last 7 days##range");
    CHECK(ui.pages().diary.shown_episodes == 3);
    ui.pages().diary.filter.region = Region::Sole;
    ui.settle();
    CHECK(ui.pages().diary.shown_episodes == 1);
    CHECK(ui.has("diary:episode:" + eps[1].id));
    CHECK_FALSE(ui.has("diary:episode:" + eps[0].id));
}

TEST_CASE("With twenty thousand episodes the diary keeps its rows and draws only those on screen", "[app][diary]") {
    Ui ui(1280, 800);
    ui.store().replace_diary(make_generated_diary(20000, 7u, ui.services.clock));
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    const DiaryPage& pg = ui.pages().diary;
    REQUIRE(pg.shown_episodes == 20000);
    // What keeps it smooth, checked without a clock (the frame times themselves are
    // benchmarks: BM_Frame and BM_FrameAfterChange in tools/bench, docs/performance.md).
    const auto built = pg.rows_revision;
    for (int i = 0; i < 30; ++i) ui.frame();
    CHECK(pg.rows_revision == built);   // no rebuild per frame
    int visible = 0;
    for (const auto& [key, rect] : ui.state().items) visible += key.rfind("diary:episode:", 0) == 0 ? 1 : 0;
    CHECK(visible > 0);
    CHECK(visible < 40);                // only the rows on screen are drawn
}

TEST_CASE("The causes page shows a stroke-sign red flag before the causes", "[app][causes]") {
    Ui ui;
    make_episode(ui, 30, 4);
    Episode e;
    e.start = {ui.services.clock - 3600, ui.services.offset_min};
    e.regions = {{Region::WholeLeg, Side::Left}};
    e.sensations = {Sensation::Numbness, Sensation::Weakness};
    e.signs = {Sign::FaceDrooping, Sign::ArmWeakness};
    e.onset = Onset::Sudden;
    e.numbness = 8;
    e = ui.store().add_episode(e);
    ui.state().settings.emergency_number = "999";
    ui.state().refresh();
    ui.state().page = Page::Causes;
    ui.settle();
    REQUIRE_FALSE(ui.state().match().red_flags.empty());
    const std::string flag_key = "causes:red_flag:" + e.id;
    REQUIRE(ui.has(flag_key));
    REQUIRE_FALSE(ui.state().match().causes.empty());
    const std::string first_cause = "causes:cause:" + ui.state().match().causes.front().cause_id;
    REQUIRE(ui.has(first_cause));
    CHECK(ui.state().items.at(flag_key).y0 < ui.state().items.at(first_cause).y0);
    // Causes follow in ranked order (those laid out on this tall window), and
    // "About this cause" opens a description.
    float last_y = -1;
    int drawn = 0;
    for (const CauseMatch& m : ui.state().match().causes) {
        if (!ui.has("causes:cause:" + m.cause_id)) continue;
        const ItemRect r = ui.state().items.at("causes:cause:" + m.cause_id);
        if (r.y1 == r.y0) continue;   // below the window: not drawn
        CHECK(r.y0 > last_y);
        last_y = r.y0;
        ++drawn;
    }
    CHECK(drawn >= 3);
    ui.click("causes:about:" + ui.state().match().causes.front().cause_id);
    CHECK(ui.pages().causes.open_causes.count(ui.state().match().causes.front().cause_id) == 1);
}

TEST_CASE("Opening an evidence line shows the episodes it rests on", "[app][causes]") {
    Ui ui;
    ui.store().replace_diary(make_demo_diary(20260101u, ui.services.clock));
    ui.state().refresh();
    ui.state().page = Page::Causes;
    ui.settle();
    std::string key;
    for (const auto& [k, rect] : ui.state().items)
        if (k.rfind("causes:evidence:", 0) == 0) key = k;
    REQUIRE_FALSE(key.empty());
    ui.click(key);
    CHECK(ui.pages().causes.open_evidence.count(key.substr(16)) == 1);
}

TEST_CASE("The check-in saves the chosen symptoms and can be changed", "[app][checkin]") {
    Ui ui;
    ui.state().page = Page::CheckIn;
    ui.settle();
    const LocalDate today = local_date(ui.state().now_local());
    ui.click("Exhausted##sym");
    ui.click("Back pain##sym");
    ui.click(kSaveCheckIn);
    auto c = ui.store().checkin(today);
    REQUIRE(c);
    CHECK(c->symptoms == std::vector<GeneralSymptom>{GeneralSymptom::Exhaustion, GeneralSymptom::BackPain});
    CHECK_FALSE(c->no_numbness);
    // The saved check-in is shown and edited in place.
    ui.click("Back pain##sym");
    ui.click(ND_ICON_SMILE " No numbness today##nonumb");
    ui.click(kSaveCheckIn);
    c = ui.store().checkin(today);
    REQUIRE(c);
    CHECK(c->symptoms == std::vector<GeneralSymptom>{GeneralSymptom::Exhaustion});
    CHECK(c->no_numbness);
    CHECK(ui.store().checkins().size() == 1);
}

TEST_CASE("A check-in day is picked from a calendar, never typed, and days to come cannot be picked", "[app][checkin][validation]") {
    Ui ui;
    ui.state().page = Page::CheckIn;
    ui.settle();
    const LocalDate today = local_date(ui.state().now_local());
    CHECK_FALSE(ui.has("field:Another day##checkin"));   // no typed date
    // Next month, day 1: after today, so not pickable.
    ui.click("checkin_day:open");
    ui.click("checkin_day:next");
    ui.click("checkin_day:day:1");
    CHECK(ui.pages().checkin.date == today);
    // Last month, the 15th: opens that day.
    ui.click("checkin_day:prev");
    ui.click("checkin_day:prev");
    ui.click("checkin_day:day:15");
    const LocalDate picked = ui.pages().checkin.date;
    CHECK(picked < today);
    CHECK(picked.substr(8, 2) == "15");
    CHECK(days_since_epoch(today).value() - days_since_epoch(picked).value() <= 62);
    CHECK_FALSE(ui.has("checkin_day:day:15"));   // the calendar closed
}

TEST_CASE("Background facts and medicines are added, deleted and undone", "[app][background]") {
    Ui ui;
    ui.state().page = Page::Background;
    ui.settle();
    ui.click(ND_ICON_PLUS " Add a health fact");
    ui.click("Alcohol (drinks a week)##kind");
    ui.pages().background.fact->amount_text = "6";
    ui.settle();
    ui.click(ND_ICON_CHECK " Save##fact");
    auto facts = ui.store().facts();
    REQUIRE(facts.size() == 1);
    CHECK(facts.front().kind == FactKind::AlcoholUse);
    CHECK(facts.front().amount == 6.0);

    ui.click(ND_ICON_PLUS " Add a medicine");
    ui.pages().background.medicine->medicine.name = "Metformin";
    ui.settle();
    ui.click("Yes##helped");
    ui.click(ND_ICON_CHECK " Save##med");
    auto meds = ui.store().medicines();
    REQUIRE(meds.size() == 1);
    CHECK(meds.front().helped == TriState::Yes);

    ui.click(ND_ICON_TRASH " Delete##" + meds.front().id);
    CHECK(ui.store().medicines().empty());
    ui.click("undo");
    CHECK(ui.store().medicines().size() == 1);
}

TEST_CASE("Delete all my data asks twice before erasing", "[app][settings]") {
    Ui ui;
    diary_with_three(ui);
    ui.state().page = Page::Settings;
    ui.settle();
    ui.click("Delete all my data");
    CHECK(live_episodes(ui) == 3);
    ui.click("Yes, continue");
    CHECK(live_episodes(ui) == 3);
    CHECK_FALSE(ui.has("Yes, continue"));
    ui.click("Erase everything for good");
    CHECK(ui.store().episodes({}, true).empty());
    CHECK(ui.store().load_diary().episodes.empty());
    CHECK_FALSE(ui.state().undo_stack.can_undo());
    CHECK(ui.pages().settings.delete_all_step == 0);
}

TEST_CASE("Stepping back from delete all keeps the diary", "[app][settings]") {
    Ui ui;
    diary_with_three(ui);
    ui.state().page = Page::Settings;
    ui.settle();
    ui.click("Delete all my data");
    ui.click("Yes, continue");
    ui.click("No, keep my data##2");
    CHECK(live_episodes(ui) == 3);
    CHECK(ui.pages().settings.delete_all_step == 0);
}

TEST_CASE("Settings change the theme and text size and save them", "[app][settings]") {
    Ui ui;
    ui.state().page = Page::Settings;
    ui.settle();
    ui.click("theme:" ND_ICON_MOON " Dark");
    CHECK(ui.state().settings.theme == Theme::Dark);
    CHECK(ui.store().setting("ui.theme") == std::optional<std::string>("dark"));
    ui.click("textsize:Larger");
    CHECK(ui.state().settings.font_scale > 1.3f);
    CHECK(ui.store().setting("ui.font_scale").has_value());
    ui.settle();
}

TEST_CASE("Patterns say when there is not enough data and count the demo diary", "[app][patterns]") {
    Ui ui;
    ui.state().page = Page::Patterns;
    ui.settle();
    REQUIRE(ui.pages().patterns.stats);
    CHECK(ui.pages().patterns.stats->report.episode_count == 0);
    CHECK_FALSE(ui.has("chart:weeks"));
    ui.store().replace_diary(make_demo_diary(20260101u, ui.services.clock));
    ui.state().refresh();
    ui.settle();
    REQUIRE(ui.pages().patterns.stats);
    const PatternStats& pg = *ui.pages().patterns.stats;
    CHECK(pg.report.episode_count >= 3);
    CHECK(ui.has("chart:weeks"));
    CHECK(ui.has("chart:regions"));
    int per_week = 0, bands = 0;
    for (const WeekBucket& b : pg.report.per_week) per_week += b.episodes;
    for (int b : pg.bands) bands += b;
    CHECK(per_week == pg.report.episode_count);
    CHECK(bands == pg.report.episode_count);
}

namespace {
void check_touch_sizes(Ui& ui, const char* where, float height) {
    for (const auto& [key, r] : ui.state().items) {
        if (key.rfind("chart:", 0) == 0 || key.rfind("causes:red_flag:", 0) == 0 || key.rfind("causes:cause:", 0) == 0)
            continue;
        if (r.y1 < 0 || r.y0 > height || r.y1 == r.y0) continue;   // scrolled out of view, not drawn
        INFO(where << " " << key);
        CHECK(r.y1 - r.y0 >= 43.5f);
        CHECK(r.x1 <= 390.5f);   // nothing runs off a phone's width
    }
}
}  // namespace

TEST_CASE("Every review page draws at phone size with touch-sized controls", "[app][layout]") {
    // Tall, so the whole page is laid out; the phone's width is what matters.
    Ui ui(390, 3000);
    REQUIRE(ui.state().narrow);
    ui.store().replace_diary(make_demo_diary(20260101u, ui.services.clock));
    ui.state().refresh();
    for (Page p : {Page::Diary, Page::Patterns, Page::Causes, Page::CheckIn, Page::Background, Page::Settings}) {
        ui.state().page = p;
        ui.settle();
        check_touch_sizes(ui, view_info(p).name, 3000);
    }
    // The episode editor, and the forms of the background page.
    ui.state().page = Page::Diary;
    ui.settle();
    ui.click("diary:episode:" + ui.state().diary.episodes[ui.state().episodes_newest_first.front()].id);
    REQUIRE(ui.pages().diary.editing);
    check_touch_sizes(ui, "editor", 3000);
    ui.state().page = Page::Background;
    ui.settle();
    ui.click(ND_ICON_PLUS " Add a health fact");
    ui.click(ND_ICON_PLUS " Add a medicine");
    check_touch_sizes(ui, "background forms", 3000);
}
