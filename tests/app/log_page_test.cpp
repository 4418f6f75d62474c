// The Log page driven through the UI: body map taps, chips, Save; "no numbness
// today"; the red-flag screen; undo and redo; ending a "still going" episode.
#include <algorithm>

#include "enum_names.hpp"
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
    CHECK(ui.pages().log.draft.marks.size() == 3);
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
    CHECK(ui.pages().log.draft.marks.empty());
    CHECK(ui.state().episodes_newest_first.size() == 1);
    CHECK(ui.state().toast == "Saved to your diary.");
    CHECK(ui.state().pending_red_flags.empty());
}

TEST_CASE("Tapping a marked region again unmarks it", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Heel, Side::Left});
    CHECK(ui.pages().log.draft.marks.count({Region::Heel, Side::Left}) == 1);
    ui.tap_region({Region::Heel, Side::Left});
    CHECK(ui.pages().log.draft.marks.empty());
}

TEST_CASE("Save with nothing marked explains what is missing and stores nothing", "[app][log]") {
    Ui ui;
    ui.click(kSave);
    CHECK(ui.store().episodes().empty());
    CHECK_FALSE(ui.pages().log.draft.error.empty());
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
    ui.click("sign:face");
    ui.click(kDetails);
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
    ui.click(kDetails);
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
    ui.click("Tingling##sens");
    ui.click("Walking##act");
    ui.click(kSave);
    REQUIRE(ui.pages().log.draft.marks.empty());

    ui.click(kSameAsLast);
    const LogDraft& d = ui.pages().log.draft;
    CHECK(d.marks.count({Region::Toes, Side::Left}) == 1);
    CHECK(d.sensations == std::vector<Sensation>{Sensation::Tingling});
    CHECK(d.activities == std::vector<Activity>{Activity::Walking});
    ui.click(kSave);
    CHECK(ui.store().episodes().size() == 2);
}

// ---- Issue 12: warning signs first, one screen, one form -------------------------

namespace {
// A whole task as a person does it on a real screen: every tap is counted, and so is
// every scroll needed to bring the next target wholly into view (above the pinned Save
// button and the tab bar). Targets are found by what the page drew, not by state.
struct Task {
    Ui ui;
    float w, h;
    int taps = 0, scrolls = 0;
    // The real fonts: what fits a screen depends on them.
    Task(float width, float height) : ui(width, height, true, true), w(width), h(height) {
        REQUIRE_FALSE(ui.services.font_file("DejaVuSans.ttf").empty());
    }

    bool on_screen(float x0, float y0, float x1, float y1) {
        REQUIRE(ui.has(kSave));
        const ItemRect save = ui.state().items.at(kSave);
        return y0 >= 0 && x0 >= 0 && x1 <= w && (y1 <= save.y0 + 0.5f || (y0 >= save.y0 && y1 <= save.y1 + 0.5f));
    }
    // One notch of the mouse wheel (a swipe) over the form, until `visible` holds.
    template <class F>
    void scroll_until(F visible) {
        while (!visible()) {
            REQUIRE(scrolls < 40);
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(w * 0.5f, h * 0.4f);
            io.MouseWheel = -1.0f;
            ui.frame();
            io.MouseWheel = 0;
            ui.settle(2);
            ++scrolls;
        }
    }
    void tap(const std::string& key) {
        INFO(key);
        scroll_until([&] {
            if (!ui.has(key)) return false;
            const ItemRect r = ui.state().items.at(key);
            return r.visible && on_screen(r.x0, r.y0, r.x1, r.y1);
        });
        ui.click(key);
        ++taps;
    }
    void tap_region(RegionMark m) {
        INFO(describe(m));
        auto hit = [&]() -> const RegionHit* {
            for (const RegionHit& r : ui.pages().body_map.hits)
                if (r.mark == m) return &r;
            return nullptr;
        };
        scroll_until([&] { return hit() && on_screen(hit()->x0, hit()->y0, hit()->x1, hit()->y1); });
        const RegionHit* r = hit();
        CHECK(r->x1 - r->x0 >= 44.0f);
        CHECK(r->y1 - r->y0 >= 44.0f);
        ui.tap_region(m);
        ++taps;
    }
};
}  // namespace

TEST_CASE("The common episode takes four taps and Save, with no scroll, on a phone and a laptop", "[app][log][taps]") {
    for (const auto& [width, height] : {std::pair{390.0f, 844.0f}, std::pair{1280.0f, 800.0f}}) {
        INFO("window " << width << "x" << height);
        Task p(width, height);
        CHECK(p.ui.state().narrow == (width < 600));
        // "Numb left toes after sitting cross-legged, eased when I moved."
        p.tap_region({Region::Toes, Side::Left});
        p.tap("Numbness##sens");
        p.tap("Sitting with legs crossed##act");
        p.tap("Eased on moving##relief");
        CHECK(p.ui.pages().log.draft.reliefs == std::vector<Relief>{Relief::MovingOrChangingPosition});
        p.tap(kSave);
        CHECK(p.taps == 5);     // four answers and Save
        CHECK(p.scrolls == 0);  // all on the first screen
        const auto eps = p.ui.store().episodes();
        REQUIRE(eps.size() == 1);
        const Episode& e = eps.front();
        CHECK(e.regions == std::vector<RegionMark>{{Region::Toes, Side::Left}});
        CHECK(e.sensations == std::vector<Sensation>{Sensation::Numbness});
        CHECK(e.activities == std::vector<Activity>{Activity::CrossedLegs});
        CHECK(e.reliefs == std::vector<Relief>{Relief::MovingOrChangingPosition});
        CHECK(e.start.utc == p.ui.services.clock);
        // Nothing the person did not choose: strength "not rated", no onset, no signs.
        CHECK_FALSE(e.numbness.has_value());
        CHECK_FALSE(e.pain.has_value());
        CHECK(e.onset == Onset::Unknown);
        CHECK(e.signs.empty());
        CHECK(p.ui.state().pending_red_flags.empty());
        // The confirmation sits at the top of the form, where the form starts again.
        REQUIRE(p.ui.has("log_saved"));
        CHECK(p.ui.state().items.at("log_saved").visible);
        CHECK(p.ui.state().items.at("log_saved").y0 < p.ui.state().items.at("sign:face").y0);
    }
}

TEST_CASE("The task counter counts the scrolls a target below the fold needs", "[app][log][taps]") {
    // The counter itself: "Other places" chips sit below the first phone screen.
    Task p(390, 844);
    p.tap("Right hand");
    CHECK(p.taps == 1);
    CHECK(p.scrolls > 0);
    CHECK(p.ui.pages().log.draft.marks.count({Region::Hand, Side::Right}) == 1);
}

TEST_CASE("Every warning-sign toggle and the body map are on the first phone screen, at least 44 px", "[app][log][redflag]") {
    Ui ui(390, 844, true, true);   // the real fonts: they set how much room the map gets
    REQUIRE_FALSE(ui.pages().body_map.hits.empty());
    for (const RegionHit& h : ui.pages().body_map.hits) {
        INFO(describe(h.mark));
        CHECK(h.y1 - h.y0 >= 44.0f);
        CHECK(h.x1 - h.x0 >= 44.0f);
        CHECK(h.y1 <= 844.0f - 64.0f);   // above the tab bar
    }
    CHECK(ui.has_region({Region::Toes, Side::Left}));
    for (const char* key : {"sign:face", "sign:arm", "sign:speech", "sign:saddle", "sign:leg"}) {
        INFO(key);
        REQUIRE(ui.has(key));
        const ItemRect r = ui.state().items.at(key);
        CHECK(r.visible);
        CHECK(r.y1 - r.y0 >= 44.0f);
        CHECK(r.x1 - r.x0 >= 44.0f);
    }
}

TEST_CASE("A FAST sign shows the stroke warning before Save, and Save keeps it", "[app][log][redflag]") {
    Ui ui(390, 844);
    ui.state().settings.emergency_number = "112";
    CHECK_FALSE(ui.has("log_warning"));
    ui.click("sign:speech");
    // Before Save: the warning is on the Log page, nothing is stored yet.
    REQUIRE(ui.has("log_warning"));
    CHECK(ui.state().items.at("log_warning").visible);
    CHECK(ui.store().episodes().empty());
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);
    CHECK(contains(ui.store().episodes().front().signs, Sign::TroubleSpeaking));
    REQUIRE_FALSE(ui.state().pending_red_flags.empty());
    CHECK(ui.state().pending_red_flags.front().kind == RedFlagKind::StrokeSigns);
    CHECK(ui.has("call_banner"));
    // Unticking takes the warning away again (a wrong tick can be undone before Save).
    ui.click(ND_ICON_CHECK " I have read this");
    ui.click("sign:arm");
    CHECK(ui.has("log_warning"));
    ui.click("sign:arm");
    CHECK_FALSE(ui.has("log_warning"));
}

TEST_CASE("Sudden face numbness marked on the map raises the stroke warning", "[app][log][redflag]") {
    Ui ui;
    ui.click("Face");
    // Onset not known yet: the question is asked, and the stroke advice already shows.
    REQUIRE(ui.has("Yes, suddenly##sudden"));
    CHECK(ui.has("log_warning"));
    ui.click("Yes, suddenly##sudden");
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);
    CHECK(ui.store().episodes().front().onset == Onset::Sudden);
    REQUIRE_FALSE(ui.state().pending_red_flags.empty());
    CHECK(ui.state().pending_red_flags.front().kind == RedFlagKind::StrokeSigns);
}

TEST_CASE("Arm numbness answered 'Not sure' still shows the stroke advice, answered 'No' it does not", "[app][log][redflag]") {
    Ui ui;
    ui.click("Left arm");
    ui.click("Not sure##sudden");
    CHECK(ui.has("log_warning"));
    ui.click("No, slowly##sudden");
    CHECK_FALSE(ui.has("log_warning"));
    ui.click("Not sure##sudden");
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);
    CHECK(ui.store().episodes().front().onset == Onset::Unknown);
    REQUIRE_FALSE(ui.state().pending_red_flags.empty());
    CHECK(ui.state().pending_red_flags.front().kind == RedFlagKind::StrokeSigns);
}

TEST_CASE("A foot alone never asks whether it came on suddenly", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Toes, Side::Right});
    CHECK_FALSE(ui.has("Yes, suddenly##sudden"));
    CHECK_FALSE(ui.has("log_warning"));
}

TEST_CASE("Now and A few minutes ago exclude each other", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Heel, Side::Left});
    CHECK(ui.pages().log.draft.began == Began::Now);
    ui.click("A few minutes ago##when");
    CHECK(ui.pages().log.draft.began == Began::FewMinutes);
    ui.click("Now##when");
    CHECK(ui.pages().log.draft.began == Began::Now);
    ui.click("A few minutes ago##when");
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);
    CHECK(ui.store().episodes().front().start.utc == ui.services.clock - 5 * 60);
}

TEST_CASE("Same as last time copies place, sensation, activity and relief, never signs, onset or time", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Toes, Side::Left});
    ui.click("Numbness##sens");
    ui.click("Kneeling##act");
    ui.click("Eased on moving##relief");
    ui.click("sign:leg");
    ui.click("Left leg##legweak");
    ui.click("A few minutes ago##when");
    ui.click(kDetails);
    ui.click("Suddenly##onset");
    ui.click(kSave);
    ui.click(ND_ICON_CHECK " I have read this");
    REQUIRE(ui.store().episodes().size() == 1);

    ui.click(kSameAsLast);
    const LogDraft& d = ui.pages().log.draft;
    CHECK(d.marks.count({Region::Toes, Side::Left}) == 1);
    CHECK(d.sensations == std::vector<Sensation>{Sensation::Numbness});
    CHECK(d.activities == std::vector<Activity>{Activity::Kneeling});
    CHECK(d.reliefs == std::vector<Relief>{Relief::MovingOrChangingPosition});
    CHECK(d.signs.empty());
    CHECK(d.onset == Onset::Unknown);
    CHECK(d.began == Began::Now);
    CHECK_FALSE(d.numbness.has_value());
    CHECK_FALSE(ui.has("log_warning"));
}

TEST_CASE("No numbness today is refused, with a note, on a day with episodes", "[app][log]") {
    Ui ui;
    ui.tap_region({Region::Toes, Side::Left});
    ui.click(kSave);
    REQUIRE(ui.store().episodes().size() == 1);
    ui.click(kNoNumbness);
    CHECK(ui.store().checkins().empty());
    REQUIRE(ui.has("log_error"));
    CHECK(ui.pages().log.draft.error.find("Not saved") != std::string::npos);
    // Once the episode is gone (undo), the day has none and it is accepted.
    ui.click("undo");
    ui.click(kNoNumbness);
    REQUIRE(ui.store().checkins().size() == 1);
    CHECK(ui.store().checkins().front().no_numbness);
}

TEST_CASE("Log opens at its top after another page, so no stale scroll takes a tap", "[app][log]") {
    Ui ui(390, 844);
    // Scroll the form down, leave, come back.
    ui.pages().log.draft.details_open = true;
    ui.settle();
    ImGuiIO& io = ImGui::GetIO();
    const ItemRect face = ui.state().items.at("sign:face");
    io.MousePos = ImVec2(face.cx(), face.cy());
    io.MouseWheel = -30.0f;
    ui.frame();
    io.MouseWheel = 0;
    ui.settle();
    REQUIRE(ui.state().items.at("sign:face").y0 < face.y0);   // it did scroll
    ui.click("tab:diary");
    ui.click("tab:log");
    CHECK(ui.state().items.at("sign:face").y0 == Approx(face.y0));
}
