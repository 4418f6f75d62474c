// The Causes page below the minimum number of episodes: every cause reads "cannot tell
// yet" whatever the background holds (issue 11), like `numbness-diary-cli match` and the PDF
// (tests/core/thin_diary_outputs_test.cpp); and a repeated red flag is shown once.
#include <catch2/catch.hpp>

#include "matching.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

Episode numb_toes(Ui& ui, std::int64_t hours_ago) {
    Episode e;
    e.start = {ui.services.clock - hours_ago * 3600, ui.services.offset_min};
    e.duration_min = 120;
    e.regions = {{Region::Toes, Side::Both}};
    e.sensations = {Sensation::Numbness};
    e.onset = Onset::Gradual;
    e.numbness = 5;
    return ui.store().add_episode(e);
}

}  // namespace

TEST_CASE("The Causes page says 'cannot tell yet' for every cause with one episode and a background fact",
          "[app][causes]") {
    Ui ui;
    numb_toes(ui, 5);
    BackgroundFact f;
    f.kind = FactKind::Diabetes;
    f.detail = "type 2 diabetes";
    ui.store().put_fact(f);
    ui.state().refresh();
    ui.state().page = Page::Causes;
    ui.settle();
    CHECK(ui.has("causes:cause:cannot_tell_yet"));
    REQUIRE(ui.state().match().causes.size() == 11);
    for (const CauseMatch& m : ui.state().match().causes) {
        INFO(m.cause_id);
        CHECK(ui.has("causes:cause:fit:" + m.cause_id + ":The diary cannot tell yet"));
    }
    // With three episodes the comparison starts, and the note goes.
    numb_toes(ui, 30);
    numb_toes(ui, 60);
    ui.state().refresh();
    ui.state().items.clear();
    ui.settle();
    CHECK_FALSE(ui.has("causes:cause:cannot_tell_yet"));
    CHECK((ui.has("causes:cause:fit:diabetic_neuropathy:Fits well") || ui.has("causes:cause:fit:diabetic_neuropathy:Fits partly")));
}

TEST_CASE("A red flag repeated for the same reason shows once on the Causes page", "[app][causes]") {
    Ui ui;
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
        Episode e;
        e.start = {ui.services.clock - (10 + 24 * i) * 3600, ui.services.offset_min};
        e.regions = {{Region::SaddleArea, Side::Middle}};
        e.sensations = {Sensation::Numbness};
        ids.push_back(ui.store().add_episode(e).id);
    }
    ui.state().refresh();
    ui.state().page = Page::Causes;
    ui.settle();
    REQUIRE(ui.state().match().red_flags.size() == 3);
    REQUIRE(ui.pages().causes.red_flag_groups.size() == 1);
    CHECK(ui.pages().causes.red_flag_groups[0].count == 3);
    int cards = 0;
    for (const auto& id : ids) cards += ui.has("causes:red_flag:" + id) ? 1 : 0;
    CHECK(cards == 1);
}
