// The questionnaire page as a whole task, headless: the Diary page's retake card
// leads to it, one tap per question, the score saved and shown with what it means
// and does not mean, undo, the chart, and the card's "Not now".
#include <catch2/catch.hpp>

#include "icons.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {

// Answers all 15 MNSI questions with the given option per question ("yes"/"no"); returns taps.
int answer_all(Ui& ui, const std::string& pattern15) {
    int taps = 0;
    for (std::size_t i = 0; i < 15; ++i) {
        const std::string code = pattern15[i] == 'y' ? "yes" : "no";
        const std::string key = (code == "yes" ? "Yes" : "No") + std::string("##answer_") + code;
        INFO("question " << i + 1);
        ui.click(key);
        ++taps;
    }
    return taps;
}

}  // namespace

TEST_CASE("Questionnaire: from the Diary card to a saved score in 16 taps, undoable", "[app][questionnaire]") {
    for (float width : {390.0f, 1280.0f}) {
        INFO("width " << width);
        Ui ui(width, 3600);
        ui.state().page = Page::Diary;
        ui.settle();
        REQUIRE(ui.has("Take it now##retake"));
        ui.click("Take it now##retake");
        CHECK(ui.state().page == Page::Questionnaire);
        // All yes: 11 of 13 (the MNSI scoring guide: yes on 7 and 13 scores nothing).
        const int taps = 1 + answer_all(ui, "yyyyyyyyyyyyyyy");
        CHECK(taps == 16);
        const auto stored = ui.store().questionnaire_responses();
        REQUIRE(stored.size() == 1);
        CHECK(stored[0].score == 11);
        CHECK(stored[0].questionnaire == "mnsi_history");
        REQUIRE(ui.pages().questionnaire.result);
        CHECK(ui.pages().questionnaire.result->score == 11);
        CHECK(ui.has("Done##result"));
        REQUIRE(ui.state().diary.questionnaire_responses.size() == 1);

        // Undo takes the response out (to the bin); redo brings it back.
        REQUIRE(ui.state().undo());
        CHECK(ui.store().questionnaire_responses().empty());
        REQUIRE(ui.state().redo());
        CHECK(ui.store().questionnaire_responses().size() == 1);

        // Taken today: the Diary card is gone.
        ui.click("Done##result");
        ui.state().page = Page::Diary;
        ui.settle();
        CHECK_FALSE(ui.has("Take it now##retake"));
    }
}

TEST_CASE("Questionnaire: Back changes an answer, Stop saves nothing", "[app][questionnaire]") {
    Ui ui(1280, 3600);
    ui.state().page = Page::Questionnaire;
    ui.settle();
    ui.click(ND_ICON_PLAY " Start##mnsi_history");
    ui.click("Yes##answer_yes");
    ui.click(ND_ICON_ARROW_LEFT " Back##question");
    CHECK(ui.pages().questionnaire.step == 0);
    ui.click("No##answer_no");
    CHECK(ui.pages().questionnaire.answers.size() == 1);
    CHECK(ui.pages().questionnaire.answers[0].answer == "no");
    ui.click("Stop without saving##question");
    CHECK(ui.pages().questionnaire.active.empty());
    CHECK(ui.store().questionnaire_responses().empty());
    // All no: 2 (the reversed items 7 and 13).
    ui.click(ND_ICON_PLAY " Start##mnsi_history");
    answer_all(ui, "nnnnnnnnnnnnnnn");
    REQUIRE(ui.store().questionnaire_responses().size() == 1);
    CHECK(ui.store().questionnaire_responses()[0].score == 2);
}

TEST_CASE("Questionnaire: the Diary card can be dismissed and comes back when due", "[app][questionnaire]") {
    Ui ui(390, 3600);
    ui.state().page = Page::Diary;
    ui.settle();
    REQUIRE(ui.has("Not now##retake"));
    ui.click("Not now##retake");
    ui.state().items.clear();
    ui.settle();
    CHECK_FALSE(ui.has("Not now##retake"));
    ui.services.clock += 91 * 86400;
    ui.state().items.clear();
    ui.settle();
    CHECK(ui.has("Not now##retake"));
}
