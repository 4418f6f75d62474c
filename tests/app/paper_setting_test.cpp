// The doctor's report's paper in Settings (issues #14, #16): the locale's LC_PAPER
// (Services::paper_default) until the person chooses, then the saved choice, which the
// Export page starts at.
#include <catch2/catch.hpp>

#include "paper.hpp"
#include "store.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

TEST_CASE("The report's paper follows the locale until chosen, and other settings do not fix it", "[app][settings][paper]") {
    FakeServices services;
    auto store = Store::open_in_memory();
    AppState s;
    PageStates pages;   // App's, here beside a bare AppState
    connect_pages(s, pages);
    s.services = &services;
    s.store = store.get();
    services.paper = Paper::Letter;   // LC_PAPER=en_US
    s.load_settings();
    CHECK(s.settings.paper == Paper::Letter);
    CHECK_FALSE(s.settings.paper_chosen);
    CHECK(pages.export_page.paper == 1);   // the Export page's switch starts at US Letter
    s.settings.theme = Theme::Dark;
    s.save_settings();                       // saving the other settings leaves the paper unchosen
    CHECK_FALSE(store->setting(kPaperSetting).has_value());
    services.paper = Paper::A4;              // LC_PAPER=de_DE
    s.load_settings();
    CHECK(s.settings.paper == Paper::A4);
    CHECK(pages.export_page.paper == 0);
}

TEST_CASE("Settings: choosing the paper saves it in the diary and the Export page uses it", "[app][settings][paper]") {
    Ui ui;
    ui.services.paper = Paper::Letter;
    ui.state().load_settings();
    ui.state().page = Page::Settings;
    ui.settle();
    REQUIRE(ui.has("paper:A4"));
    ui.click("paper:A4");
    CHECK(ui.state().settings.paper == Paper::A4);
    CHECK(ui.state().settings.paper_chosen);
    CHECK(ui.store().setting(kPaperSetting) == std::optional<std::string>("a4"));
    CHECK(ui.pages().export_page.paper == 0);
    // The choice stays whatever the locale says.
    ui.services.paper = Paper::Letter;
    ui.state().load_settings();
    CHECK(ui.state().settings.paper == Paper::A4);
    ui.state().page = Page::Settings;
    ui.settle();
    ui.click("paper:US Letter");
    CHECK(ui.store().setting(kPaperSetting) == std::optional<std::string>("letter"));
    CHECK(ui.pages().export_page.paper == 1);
}

TEST_CASE("After a restore or a merge the Export page starts at the saved paper again", "[app][settings][paper]") {
    // A restore or merge (a worker read the diary) resets every page's state; the
    // Export page's switch used to come back as A4 whatever paper was saved.
    Ui ui;
    ui.services.paper = Paper::Letter;
    ui.state().load_settings();
    REQUIRE(ui.pages().export_page.paper == 1);
    ui.state().reload_all(ReloadReason::Restore, ui.store().load_diary());
    CHECK(ui.pages().export_page.paper == 1);
    ui.state().reload_all(ReloadReason::Merge, ui.store().load_diary());
    CHECK(ui.pages().export_page.paper == 1);
    ui.state().reload_all(ReloadReason::EmptyBin);
    CHECK(ui.pages().export_page.paper == 1);
}
