#include <catch2/catch.hpp>

#include "time_util.hpp"

using namespace nd;

TEST_CASE("ISO 8601 times keep their UTC offset and local day") {
    auto t = parse_iso8601("2026-01-05T00:30:00+01:00");
    REQUIRE(t);
    CHECK(t->offset_min == 60);
    CHECK(local_date(*t) == "2026-01-05");   // after local midnight: the new day
    CHECK(format_iso8601(*t) == "2026-01-05T00:30:00+01:00");
    CHECK(local_minute_of_day(*t) == 30);
    CHECK(local_weekday(*t) == 0);  // a Monday
    auto z = parse_iso8601("2026-01-04T23:30:00Z");
    REQUIRE(z);
    CHECK(z->utc == t->utc);
    CHECK(local_date(*z) == "2026-01-04");
}

TEST_CASE("Impossible dates and times are rejected") {
    CHECK_FALSE(parse_iso8601("2026-02-30T10:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-01-01T25:00:00Z"));
    CHECK_FALSE(parse_iso8601("2026-01-01T10:00:00+15:00"));
    CHECK_FALSE(parse_iso8601("yesterday"));
    CHECK_FALSE(is_valid_date("2025-02-29"));
    CHECK(is_valid_date("2024-02-29"));
    CHECK(date_from_days(*days_since_epoch("2024-02-29")) == "2024-02-29");
}

TEST_CASE("UUIDs are version 4 and distinct") {
    const auto a = new_uuid(), b = new_uuid();
    CHECK(is_uuid(a));
    CHECK(a != b);
    CHECK(a[14] == '4');
    CHECK_FALSE(is_uuid("not-a-uuid"));
}
