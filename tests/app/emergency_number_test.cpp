// The emergency number: from the locale where the country is known (911 in the
// US, 999 in the UK, 112 across the EU: the numbers those countries publish),
// unknown for the C locale or a bare language; confirmed on the first run; and
// the warning's banner and its card say the same number.
#include "emergency_text.hpp"
#include "icons.hpp"
#include "matching.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

TEST_CASE("The emergency number is unknown where the locale names no country", "[app][emergency]") {
    CHECK(emergency_number_for_locale("en_US.UTF-8") == "911");
    CHECK(emergency_number_for_locale("en_GB.UTF-8") == "999");
    CHECK(emergency_number_for_locale("de_DE.UTF-8") == "112");
    CHECK(emergency_number_for_locale("C").empty());
    CHECK(emergency_number_for_locale("C.UTF-8").empty());
    CHECK(emergency_number_for_locale("POSIX").empty());
    CHECK(emergency_number_for_locale("en").empty());
    CHECK(emergency_number_for_locale("").empty());
    Settings s;
    CHECK(emergency_numbers(s) == std::vector<std::string>{"112", "911"});
    CHECK(emergency_numbers_text(s) == "112 or 911");
}

TEST_CASE("The warning's card says the same number as its banner", "[app][emergency][redflag]") {
    Episode e;
    e.id = "x";
    e.onset = Onset::Sudden;
    e.signs = {Sign::FaceDrooping};
    e.regions = {{Region::WholeLeg, Side::Left}};
    const std::vector<RedFlag> flags = red_flags_for(e);
    REQUIRE_FALSE(flags.empty());
    REQUIRE(flags.front().call_emergency);
    Settings s;
    s.emergency_number = "999";
    const std::string card = with_emergency_number(flags.front().advice, s);
    CHECK(card.find("(999)") != std::string::npos);
    CHECK(card.find("911") == std::string::npos);
    CHECK(card.find("112") == std::string::npos);
    s.emergency_number.clear();
    const std::string unknown = with_emergency_number(flags.front().advice, s);
    CHECK(unknown.find("112 or 911") != std::string::npos);
    CHECK(unknown.find("or your local emergency number") != std::string::npos);

    // On screen: the banner leads, before the heading, and is not a button.
    Ui ui(390, 2400);
    ui.state().settings.emergency_number = "";
    ui.state().pending_red_flags = flags;
    ui.settle();
    REQUIRE(ui.has("call_banner"));
    CHECK(ui.state().items.at("call_banner").id == 0);   // plain text: nothing to press
    CHECK(ui.state().items.at("call_banner").y0 < ui.state().items.at(ND_ICON_CHECK " I have read this").y0);
}

TEST_CASE("The first run confirms the emergency number", "[app][emergency][firstrun]") {
    Ui ui(390, 2400, false);
    ui.services.locale_name = "C";
    ui.state().load_settings();
    ui.pages().settings = SettingsPage{};   // the page reads the number when first drawn
    ui.settle();
    REQUIRE(ui.state().page == Page::FirstRun);
    REQUIRE(ui.state().settings.emergency_number.empty());
    ui.click("field:Emergency number where you live##first");
    ImGui::GetIO().AddInputCharactersUTF8("000");
    ui.settle();
    ui.click(ND_ICON_PENCIL "  Start logging");
    CHECK(ui.state().page == Page::Log);
    CHECK(ui.state().settings.emergency_number == "000");
    CHECK(ui.store().setting("ui.emergency_number") == std::optional<std::string>("000"));
}
