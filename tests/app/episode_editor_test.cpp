// The Diary's editor is the Log's form: signs, onset and places are edited with the
// same controls; a red-flag episode is marked in the Diary list and the editor, and
// Back (or leaving the page) returns to the list.
#include "icons.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {
const std::string kSaveEdit = ND_ICON_CHECK " Save changes";
const std::string kBack = ND_ICON_ARROW_LEFT " Back to the diary";

Episode add_toes(Ui& ui) {
    Episode e;
    e.start = {ui.services.clock - 3600, ui.services.offset_min};
    e.duration_min = 10;
    e.regions = {{Region::Toes, Side::Left}};
    e.sensations = {Sensation::Numbness};
    e = ui.store().add_episode(e);
    ui.state().refresh();
    ui.state().page = Page::Diary;
    ui.settle();
    return e;
}
}  // namespace

TEST_CASE("Editing an episode's signs and onset through the same form", "[app][diary][editor]") {
    Ui ui;
    const Episode e = add_toes(ui);
    CHECK_FALSE(ui.has("diary:red_flag:" + e.id));
    ui.click("diary:episode:" + e.id);
    REQUIRE(ui.pages().diary.editing);
    // The Log's controls: warning-sign tiles, the body map, the onset chips.
    REQUIRE(ui.has("sign:face"));
    REQUIRE(ui.has_region({Region::Toes, Side::Left}));
    CHECK_FALSE(ui.has("editor:red_flag"));
    ui.click("sign:face");
    CHECK(ui.has("log_warning"));   // shown before Save here too
    ui.click("Gradually##onset");
    ui.click(kSaveEdit);
    const auto stored = ui.store().episode(e.id);
    REQUIRE(stored);
    CHECK(stored->signs == std::vector<Sign>{Sign::FaceDrooping});
    CHECK(stored->onset == Onset::Gradual);
    CHECK(stored->start == e.start);            // untouched fields stay as they were
    CHECK(stored->duration_min == e.duration_min);
    CHECK(stored->regions == e.regions);
    // A sign added while editing is put up in full, as at logging time.
    REQUIRE_FALSE(ui.state().pending_red_flags.empty());
    ui.click(ND_ICON_CHECK " I have read this");
    // Marked in the list and in the editor.
    CHECK(ui.has("diary:red_flag:" + e.id));
    ui.click("diary:episode:" + e.id);
    CHECK(ui.has("editor:red_flag"));
    // A wrong tick can be taken back through the same tile.
    ui.click("sign:face");
    ui.click(kSaveEdit);
    CHECK(ui.store().episode(e.id)->signs.empty());
    CHECK(ui.store().episode(e.id)->onset == Onset::Gradual);
    CHECK_FALSE(ui.has("diary:red_flag:" + e.id));
}

TEST_CASE("Back leaves the editor for the list, and so does leaving the page", "[app][diary][editor]") {
    Ui ui;
    const Episode e = add_toes(ui);
    ui.click("diary:episode:" + e.id);
    REQUIRE(ui.pages().diary.editing);
    ui.click(kBack);
    CHECK_FALSE(ui.pages().diary.editing);
    CHECK(ui.has("diary:episode:" + e.id));
    ui.click("diary:episode:" + e.id);
    REQUIRE(ui.pages().diary.editing);
    ui.click("nav:log");
    ui.click("nav:diary");
    CHECK_FALSE(ui.pages().diary.editing);   // the list, not the last editor
    CHECK(ui.has("diary:episode:" + e.id));
}

TEST_CASE("The editor refuses an impossible time and changes nothing", "[app][diary][editor]") {
    Ui ui;
    const Episode e = add_toes(ui);
    ui.click("diary:episode:" + e.id);
    ui.pages().diary.editing->form.picked_time = "2026-13-40 25:00";
    ui.settle();
    ui.click(kSaveEdit);
    REQUIRE(ui.pages().diary.editing);
    CHECK_FALSE(ui.pages().diary.editing->error.empty());
    CHECK(ui.store().episode(e.id)->start == e.start);
}

TEST_CASE("The editor's calendar and hour / minute buttons change when it began", "[app][diary][editor][picker]") {
    Ui ui;
    const Episode e = add_toes(ui);   // an hour before the harness clock
    ui.click("diary:episode:" + e.id);
    REQUIRE(ui.pages().diary.editing);
    const std::string before = ui.pages().diary.editing->form.picked_time;
    REQUIRE(before.size() == 16);
    // The previous month, its 3rd, one hour later, 5 minutes earlier.
    ui.click("when_picker:prev");
    ui.click("when_picker:day:3");
    ui.click("when_picker:hour+");
    ui.click("when_picker:min-");
    const std::string after = ui.pages().diary.editing->form.picked_time;
    CHECK(after.substr(8, 2) == "03");
    CHECK(after.substr(0, 7) != before.substr(0, 7));
    const int hh = std::stoi(before.substr(11, 2)), mm = std::stoi(before.substr(14, 2));
    CHECK(std::stoi(after.substr(11, 2)) == (hh + 1) % 24);
    CHECK(std::stoi(after.substr(14, 2)) == (mm + 55) % 60);
    for (const auto& [key, r] : ui.state().items)
        if (key.rfind("when_picker:", 0) == 0) {
            INFO(key);
            CHECK(r.y1 - r.y0 >= 43.5f);   // finger-sized
        }
    ui.click(ND_ICON_CHECK " Save changes");
    const auto stored = ui.store().episode(e.id);
    REQUIRE(stored);
    CHECK(format_iso8601(stored->start).substr(0, 16) == after.substr(0, 10) + "T" + after.substr(11, 5));
}

TEST_CASE("Days after today cannot be picked", "[app][diary][editor][picker]") {
    Ui ui;
    const Episode e = add_toes(ui);
    ui.click("diary:episode:" + e.id);
    ui.click("when_picker:next");
    // Next month is all in the future: its days are drawn but disabled.
    const std::string before = ui.pages().diary.editing->form.picked_time;
    ui.click("when_picker:day:1");
    CHECK(ui.pages().diary.editing->form.picked_time == before);
}
