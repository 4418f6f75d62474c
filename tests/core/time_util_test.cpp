#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

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

namespace {

// Sets TZ for one test (the C library reads it through tzset) and puts back the
// previous value afterwards, so other tests keep the zone they started with.
struct ZoneGuard {
    std::optional<std::string> old;
    explicit ZoneGuard(const char* zone) {
        if (const char* v = std::getenv("TZ")) old = v;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ZoneGuard() {
        if (old) ::setenv("TZ", old->c_str(), 1);
        else ::unsetenv("TZ");
        ::tzset();
    }
};

std::string resolved(const char* text) {
    std::string error;
    const auto t = parse_local_time(text, error);
    return t ? format_iso8601(*t) : "error: " + error;
}

}  // namespace

// Dates of the changes from the zones' rules (EU: last Sunday of March and October
// at 01:00 UTC; US: second Sunday of March at 02:00 and first Sunday of November
// at 02:00 local time), as published in the IANA tz database's `europe` and
// `northamerica` files.
TEST_CASE("Europe/Berlin: the offset is the one of the instant, across both changes") {
    ZoneGuard zone("Europe/Berlin");
    // A July time typed in December gets summer time (+02:00), not December's +01:00.
    CHECK(resolved("2026-07-01 10:00") == "2026-07-01T10:00:00+02:00");
    CHECK(resolved("2026-12-01 10:00") == "2026-12-01T10:00:00+01:00");
    // Spring: 02:00 becomes 03:00 on 29 March 2026; 02:30 does not exist.
    CHECK(resolved("2026-03-29 01:59") == "2026-03-29T01:59:00+01:00");
    CHECK(resolved("2026-03-29 03:00") == "2026-03-29T03:00:00+02:00");
    const auto gap = resolved("2026-03-29 02:30");
    CHECK(gap.rfind("error: does not exist", 0) == 0);
    bool in_gap = false;
    CHECK_FALSE(resolve_local("2026-03-29", 2, 0, 0, &in_gap));
    CHECK(in_gap);
    // Autumn: 03:00 becomes 02:00 on 25 October 2026; 02:30 happens twice: the
    // earlier one (still +02:00) is taken.
    CHECK(resolved("2026-10-25 02:30") == "2026-10-25T02:30:00+02:00");
    CHECK(resolved("2026-10-25 01:30") == "2026-10-25T01:30:00+02:00");
    CHECK(resolved("2026-10-25 03:30") == "2026-10-25T03:30:00+01:00");
    // The offset of an instant on either side of the autumn change (01:00 UTC).
    const auto change = *parse_iso8601("2026-10-25T01:00:00Z");
    CHECK(local_offset_at(change.utc - 1) == 120);
    CHECK(local_offset_at(change.utc) == 60);
    // An explicit offset is kept as written.
    CHECK(resolved("2026-07-01T10:00:00+01:00") == "2026-07-01T10:00:00+01:00");
}

TEST_CASE("America/New_York: the spring gap is refused and the autumn overlap takes the earlier time") {
    ZoneGuard zone("America/New_York");
    CHECK(resolved("2026-01-15 09:00") == "2026-01-15T09:00:00-05:00");
    CHECK(resolved("2026-07-15 09:00") == "2026-07-15T09:00:00-04:00");
    // Spring: 8 March 2026, 02:00 becomes 03:00.
    CHECK(resolved("2026-03-08 01:59") == "2026-03-08T01:59:00-05:00");
    CHECK(resolved("2026-03-08 02:15").rfind("error: does not exist", 0) == 0);
    CHECK(resolved("2026-03-08 03:00") == "2026-03-08T03:00:00-04:00");
    // Autumn: 1 November 2026, 02:00 becomes 01:00; 01:30 happens twice.
    CHECK(resolved("2026-11-01 01:30") == "2026-11-01T01:30:00-04:00");
    CHECK(resolved("2026-11-01 02:30") == "2026-11-01T02:30:00-05:00");
    // The two occurrences of 01:30 are an hour apart; the earlier one is chosen.
    const auto first = *parse_iso8601("2026-11-01T01:30:00-04:00");
    std::string error;
    CHECK(parse_local_time("2026-11-01 01:30", error)->utc == first.utc);
}

TEST_CASE("Local times that are not times are refused with a reason") {
    ZoneGuard zone("Europe/Berlin");
    std::string error;
    CHECK_FALSE(parse_local_time("2026-02-30 10:00", error));
    CHECK(error == "not a valid time");
    CHECK_FALSE(parse_local_time("today", error));
    CHECK_FALSE(resolve_local("2026-01-01", 24, 0, 0));
}
