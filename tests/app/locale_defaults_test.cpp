// The date format defaults from LC_TIME (the territory's custom), and a choice the
// person made stays whatever the locale.
#include <catch2/catch.hpp>

#include "app_state.hpp"
#include "services.hpp"
#include "store.hpp"

using namespace nd;
using namespace nd::app;

TEST_CASE("The default date format follows the LC_TIME territory") {
    CHECK(date_format_for_locale("en_US.UTF-8") == DateFormat::MonthDayYear);
    CHECK(date_format_for_locale("de_DE.UTF-8") == DateFormat::DayMonthYear);
    CHECK(date_format_for_locale("en_GB") == DateFormat::DayMonthYear);
    CHECK(date_format_for_locale("ja_JP.UTF-8") == DateFormat::Iso);
    CHECK(date_format_for_locale("sv_SE.UTF-8") == DateFormat::Iso);
    CHECK(date_format_for_locale("C.UTF-8") == DateFormat::Iso);
    CHECK(date_format_for_locale("") == DateFormat::Iso);
}

TEST_CASE("LC_TIME sets the date format until the person chooses one, which then stays") {
    FakeServices services;
    auto store = Store::open_in_memory();
    AppState s;
    s.services = &services;
    s.store = store.get();
    services.locale_name = "en_GB.UTF-8";
    services.time_locale_name = "en_US.UTF-8";   // LC_TIME differs from the language
    s.load_settings();
    CHECK(s.settings.date_format == DateFormat::MonthDayYear);
    CHECK(format_date("2026-03-01", s.settings.date_format) == "03/01/2026");

    s.settings.date_format = DateFormat::Iso;   // the person's choice
    s.save_settings();
    services.time_locale_name = "de_DE.UTF-8";
    s.load_settings();
    CHECK(s.settings.date_format == DateFormat::Iso);
}
