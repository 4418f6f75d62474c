// The daily reminder in the app: Settings turns the scheduled job on and off
// through Services (a recording fake here), the first-run page asks once, and
// where no job can run the app itself reminds while open, once a day, and not on
// a day with an entry. The notification text never names a symptom.
#include <catch2/catch.hpp>

#include "icons.hpp"
#include "ui_harness.hpp"
#include "views.hpp"

using namespace nd;
using namespace nd::app;
using nd::app::test::Ui;

TEST_CASE("Reminder: Settings installs and removes the scheduled job", "[app][reminder]") {
    for (float width : {390.0f, 1280.0f}) {
        INFO("width " << width);
        Ui ui(width, 3600);
        ui.services.reminder_job = true;
        ui.state().page = Page::Settings;
        ui.settle();
        CHECK(ui.store().setting(kReminderOn).value_or("0") == "0");   // default off
        ui.click(ND_ICON_CLOCK " Turn the reminder on##reminder");
        CHECK(ui.services.reminder_calls == std::vector<std::string>{"on 20:00 :memory:"});
        CHECK(ui.store().setting(kReminderOn) == std::optional<std::string>("1"));
        ui.click("Turn it off##reminder");
        CHECK(ui.services.reminder_calls.back() == "off");
        CHECK(ui.store().setting(kReminderOn) == std::optional<std::string>("0"));
        // A scheduled job reminds on its own: the app shows nothing itself.
        ui.click(ND_ICON_CLOCK " Turn the reminder on##reminder");
        ui.services.clock += 86400;
        ui.settle();
        CHECK(ui.state().toast.find("Time for your diary") == std::string::npos);
    }
}

TEST_CASE("Reminder: the first-run page asks once", "[app][reminder]") {
    Ui ui(390, 3600, false);
    ui.state().page = Page::FirstRun;
    ui.settle();
    REQUIRE(ui.has("Yes, remind me##ask"));
    ui.click("Yes, remind me##ask");
    CHECK(ui.store().setting(kReminderOn) == std::optional<std::string>("1"));
    CHECK(ui.store().setting(kReminderAsked) == std::optional<std::string>("1"));
    ui.state().items.clear();
    ui.settle();
    CHECK_FALSE(ui.has("Yes, remind me##ask"));
}

TEST_CASE("Reminder: without a scheduled job the open app reminds once a day, not on a day with an entry", "[app][reminder]") {
    Ui ui(1280, 3600);
    ui.services.reminder_job = false;   // no systemd user session
    // The fake clock is 15:13 local (+01:00): a reminder at 15:00 is due.
    ui.store().set_setting(kReminderOn, "1");
    ui.store().set_setting(kReminderTime, "15:00");
    ui.state().refresh();   // as after a restore: settings read again
    ui.state().page = Page::Settings;
    ui.settle();
    CHECK(ui.state().toast.find("Time for your diary") != std::string::npos);
    CHECK(ui.services.reminder_calls.empty());
    ui.state().toast.clear();
    ui.settle();
    CHECK(ui.state().toast.empty());   // once a day

    // The next day, with an episode logged that day: no reminder.
    ui.services.clock += 86400;
    Episode e;
    e.start = {ui.services.clock - 3600, 60};
    ui.store().add_episode(e);
    ui.state().refresh();
    ui.settle();
    CHECK(ui.state().toast.find("Time for your diary") == std::string::npos);
    // Settings says plainly that it only comes while the app is open.
    ui.services.downloads = true;   // the web version
    ui.settle();
    CHECK(ui.has(ND_ICON_CHECK " Save the time##reminder"));
}
