// The Log page driven through the UI: body map taps, chips, Save; "no numbness
// today"; the red-flag screen; undo and redo; ending a "still going" episode.
#include <algorithm>

#include "icons.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {
const std::string kSave = ND_ICON_CHECK "  Save";
const std::string kNoNumbness = ND_ICON_SMILE "  No numbness today";
const std::string kSameAsLast = ND_ICON_HISTORY "  Same as last time";
const std::string kDetails = ND_ICON_CHEVRON_RIGHT "  More details (optional)##details";
}  // namespace

TEST_CASE("Tapping body map regions and a sensation then Save stores the episode", "[app][log]") {
    Ui ui;
    REQUIRE(ui.state().page == Page::Log);
    REQUIRE_FALSE(ui.state().narrow);
    ui.tap_region({Region::Toes, Side::Left});
    ui.tap_region({Region::Toes, Side::Right});
    ui.tap_region({Region::Shin, Side::Right});
    ui.click("Numbness##sens");
    ui.click("Sitting with legs crossed##act");
    CHECK(ui.state().log.draft.marks.size() == 3);
    ui.click(kSave);

    const auto eps = ui.store().episodes();
    REQUIRE(eps.size() == 1);
    const Episode& e = eps.front();
    CHECK(e.regions == std::vector<RegionMark>{{Region::Toes, Side::Both}, {Region::Shin, Side::Right}});
    CHECK(e.sensations == std::vector<Sensation>{Sensation::Numbness});
    CHECK(e.activities == std::vector<Activity>{Activity::CrossedLegs});
    CHECK(e.start.utc == ui.services.clock);
    CHECK(e.start.offset_min == ui.services.offset_min);
    // The form is cleared, the cache refreshed, and people are told it was saved.
    CHECK(ui.state().log.draft.marks.empty());
    CHECK(ui.state().episodes_newest_first.size() == 1);
    CHECK(ui.state().toast == "Saved to your diary.");
    CHECK(ui.state().pending_red_flags.empty());
}

TEST_CASE("Tapping a marked region again unmarks it", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Heel, Side::Left});
    CHECK(ui.state().log.draft.marks.count({Region::Heel, Side::Left}) == 1);
    ui.tap_region({Region::Heel, Side::Left});
    CHECK(ui.state().log.draft.marks.empty());
}

TEST_CASE("Save with nothing marked explains what is missing and stores nothing", "[app][log]") {
    Ui ui;
    ui.click(kSave);
    CHECK(ui.store().episodes().empty());
    CHECK_FALSE(ui.state().log.draft.error.empty());
}

TEST_CASE("No numbness today is one tap and saves a check-in", "[app][log]") {
    Ui ui;
    ui.click(kNoNumbness);
    const auto checkins = ui.store().checkins();
    REQUIRE(checkins.size() == 1);
    CHECK(checkins.front().no_numbness);
    CHECK(checkins.front().date == local_date(ui.state().now_local()));
    CHECK(ui.store().episodes().empty());
}

TEST_CASE("Face drooping with a sudden onset shows the full-screen stroke warning at once", "[app][log][redflag]") {
    Ui ui;
    ui.state().settings.emergency_number = "999";
    ui.tap_region({Region::ThighFront, Side::Left});
    ui.click(kDetails);
    ui.click("Face drooping##sign");
    ui.click("Suddenly##onset");
    ui.click(kSave);

    REQUIRE(ui.store().episodes().size() == 1);
    const auto& flags = ui.state().pending_red_flags;
    REQUIRE_FALSE(flags.empty());
    CHECK(flags.front().kind == RedFlagKind::StrokeSigns);
    CHECK(flags.front().call_emergency);
    CHECK(flags.front().episode_id == ui.store().episodes().front().id);
    // The warning replaces the page: the big call banner is up, the Log form is not.
    CHECK(ui.has("call_banner"));
    CHECK_FALSE(ui.has(kSave));
    CHECK(ui.state().toast.empty());   // "Saved" waits until the warning is read

    ui.click(ND_ICON_CHECK " I have read this");
    CHECK(ui.state().pending_red_flags.empty());
    CHECK(ui.state().toast == "Saved to your diary.");
    CHECK(ui.has(kSave));
}

TEST_CASE("Saddle area on the map raises the urgent-care warning", "[app][log][redflag]") {
    Ui ui;
    ui.tap_region({Region::SaddleArea, Side::Middle});
    ui.click(kSave);
    REQUIRE_FALSE(ui.state().pending_red_flags.empty());
    CHECK(ui.state().pending_red_flags.front().kind == RedFlagKind::SaddleOrBladder);
    CHECK_FALSE(ui.has("call_banner"));   // urgent care, not an emergency call
}

TEST_CASE("Undo and redo of a saved episode through the buttons and Ctrl+Z", "[app][log][undo]") {
    Ui ui;
    ui.tap_region({Region::Calf, Side::Right});
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);

    ui.click("undo");
    CHECK(ui.store().episodes().empty());
    CHECK(ui.store().episodes({}, true).size() == 1);   // in the bin, restorable
    CHECK(ui.state().episodes_newest_first.empty());

    ui.click("redo");
    CHECK(ui.store().episodes().size() == 1);

    ui.key_chord(true, false, 'Z');
    CHECK(ui.store().episodes().empty());
    ui.key_chord(true, false, 'Y');
    CHECK(ui.store().episodes().size() == 1);
}

TEST_CASE("A still-going episode is listed first and ended with one tap", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Sole, Side::Left});
    ui.click("Still going");
    ui.click(kSave);
    REQUIRE(ui.store().episodes().front().ongoing);
    REQUIRE(ui.state().ongoing.size() == 1);

    ui.services.clock += 25 * 60;
    ui.store().set_clock([&] { return ui.services.clock; });
    ui.click(ND_ICON_STOP_CIRCLE "  It stopped");
    const Episode e = ui.store().episodes().front();
    CHECK_FALSE(e.ongoing);
    REQUIRE(e.duration_min);
    CHECK(*e.duration_min == 25);
    CHECK(ui.state().ongoing.empty());
}

TEST_CASE("Same as last time refills the form from the last episode", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Toes, Side::Left});
    ui.click("Tingling, pins and needles##sens");
    ui.click("Walking##act");
    ui.click(kSave);
    REQUIRE(ui.state().log.draft.marks.empty());

    ui.click(kSameAsLast);
    const LogDraft& d = ui.state().log.draft;
    CHECK(d.marks.count({Region::Toes, Side::Left}) == 1);
    CHECK(d.sensations == std::vector<Sensation>{Sensation::Tingling});
    CHECK(d.activities == std::vector<Activity>{Activity::Walking});
    ui.click(kSave);
    CHECK(ui.store().episodes().size() == 2);
}
