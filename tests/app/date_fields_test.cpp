// Dates are picked, never typed (issue 12): the birth date and when it began on the
// Background page, and the export's date range, through the app's calendar.
#include <cstdio>

#include "icons.hpp"
#include "time_util.hpp"
#include "ui_harness.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

namespace {
std::string ymd(int y, int m, int d) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}
}  // namespace

TEST_CASE("A birth date is picked from the calendar, decades back in a few taps, and saved", "[app][background][dates]") {
    Ui ui;
    ui.state().page = Page::Background;
    ui.settle();
    CHECK_FALSE(ui.has("field:Birth date"));   // no typed date
    REQUIRE(ui.has("birth:open"));
    ui.click("birth:open");
    // The calendar opens about 60 years back; two taps of "-10" make it 80.
    const LocalDate today = local_date(ui.state().now_local());
    const LocalDate start = date_from_days(days_since_epoch(today).value() - 60 * 365);
    int y = 0, m = 0, d = 0;
    REQUIRE(std::sscanf(start.c_str(), "%d-%d-%d", &y, &m, &d) == 3);
    ui.click("birth:year-10");
    ui.click("birth:year-10");
    ui.click("birth:year+");
    CHECK(ui.pages().background.profile.birth_date.empty());   // browsing is not choosing
    ui.click("birth:day:14");
    CHECK(ui.pages().background.profile.birth_date == ymd(y - 19, m, 14));
    CHECK_FALSE(ui.has("birth:day:14"));   // picked: the calendar closed
    ui.click(ND_ICON_CHECK " Save##profile");
    CHECK(ui.store().profile().birth_date == ymd(y - 19, m, 14));
    // Clear takes it back to "not given".
    ui.click("birth:clear");
    CHECK(ui.pages().background.profile.birth_date.empty());
}

TEST_CASE("The export's own date range is picked from calendars", "[app][export][dates]") {
    Ui ui;
    ui.state().page = Page::Export;
    ui.settle();
    ui.click("Choose dates##exrange");
    CHECK_FALSE(ui.has("field:From (first day)##export"));
    ui.click("export_from:open");
    ui.click("export_from:prev");
    ui.click("export_from:day:1");
    const std::string from = ui.pages().export_page.from_text;
    REQUIRE(from.size() == 10);
    CHECK(from.substr(8) == "01");
    CHECK(from < local_date(ui.state().now_local()));
    ui.click("export_to:open");
    ui.click("export_to:next");
    ui.click("export_to:day:1");   // next month: after today, cannot be picked
    CHECK(ui.pages().export_page.to_text.empty());
}
