// The report's period filter and the date strings it rests on (issue #19 made both
// faster: dates written without snprintf, the period compared as day numbers, the
// diary's other lists copied without copying every episode first).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "report_model.hpp"
#include "time_util.hpp"

namespace {

// The proleptic Gregorian date of a day number, written the way ISO 8601 writes it,
// from std::chrono's own calendar (a second, independent formatting).
std::string iso_date_of(std::int64_t days) {
    namespace chr = std::chrono;
    const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

nd::Episode episode_at(const std::string& id, std::int64_t utc, std::int32_t offset_min) {
    nd::Episode e;
    e.id = id;
    e.start = {utc, offset_min};
    return e;
}

}  // namespace

TEST_CASE("Dates are written YYYY-MM-DD for every day, leap days and year ends included", "[time]") {
    // 1900-01-01 .. 2100-12-31, every day.
    for (std::int64_t day = -25567; day <= 47846; ++day) {
        INFO("day " << day);
        REQUIRE(nd::date_from_days(day) == iso_date_of(day));
    }
    CHECK(nd::date_from_days(0) == "1970-01-01");
    CHECK(nd::date_from_days(11016) == "2000-02-29");
    CHECK(nd::date_from_days(-719162) == "0001-01-01");
    CHECK(nd::date_from_days(2932896) == "9999-12-31");
    CHECK(nd::date_from_days(2932897) == iso_date_of(2932897));   // year 10000: five digits
    CHECK(nd::date_from_days(-719163) == iso_date_of(-719163));   // year 0
}

TEST_CASE("The report's period keeps the episodes whose local date is in it, both ends included", "[report]") {
    nd::Diary d;
    const std::int64_t jan12 = *nd::days_since_epoch("2026-01-12") * 86400;
    const std::int64_t jan18 = *nd::days_since_epoch("2026-01-18") * 86400;
    // The local date decides, not the UTC one.
    d.episodes.push_back(episode_at("before", jan12 - 60, 0));                                  // 11 Jan 23:59, UTC
    d.episodes.push_back(episode_at("first-minute", jan12 + 60 * 60, 60));                      // 12 Jan 02:00 at UTC+1
    d.episodes.push_back(episode_at("utc-day-before", jan12 - 30 * 60, 120));                   // 12 Jan 01:30 at UTC+2
    d.episodes.push_back(episode_at("last-minute", jan18 + 86400 - 60, 0));                     // 18 Jan 23:59, UTC
    d.episodes.push_back(episode_at("utc-day-after", jan18 + 86400 + 30 * 60, -60));            // 18 Jan 23:30 at UTC-1
    d.episodes.push_back(episode_at("after", jan18 + 86400, 0));                                // 19 Jan 00:00, UTC
    d.episodes.push_back(episode_at("far-after", jan18 + 86400 + 3 * 60 * 60, 240));            // 19 Jan 07:00 at UTC+4
    d.profile.name = "Ada";
    d.facts.push_back({});
    d.facts.back().id = "fact";
    d.medicines.push_back({});
    d.medicines.back().id = "medicine";
    d.tombstones.push_back({"gone", "episode", 5});
    d.questionnaire_responses.push_back({});
    d.questionnaire_responses.back().id = "response";
    nd::CheckIn in, out;
    in.id = "in";
    in.date = "2026-01-18";
    out.id = "out";
    out.date = "2026-01-19";
    d.checkins = {in, out};

    const nd::Diary r = nd::diary_in_range(d, "2026-01-12", "2026-01-18");
    std::vector<std::string> ids;
    for (const auto& e : r.episodes) ids.push_back(e.id);
    CHECK(ids == std::vector<std::string>{"first-minute", "utc-day-before", "last-minute", "utc-day-after"});
    REQUIRE(r.checkins.size() == 1);
    CHECK(r.checkins[0].id == "in");
    // Everything that is not dated by the period comes along unchanged.
    CHECK(r.profile == d.profile);
    CHECK(r.facts == d.facts);
    CHECK(r.medicines == d.medicines);
    CHECK(r.tombstones == d.tombstones);
    CHECK(r.questionnaire_responses == d.questionnaire_responses);

    // Open ends keep everything on that side.
    CHECK(nd::diary_in_range(d, "", "").episodes == d.episodes);
    CHECK(nd::diary_in_range(d, "2026-01-19", "").episodes.size() == 2);
    CHECK(nd::diary_in_range(d, "", "2026-01-11").episodes.size() == 1);
    // The report model's own filter agrees (its table lists the same episodes).
    nd::ReportOptions o;
    o.from = "2026-01-12";
    o.to = "2026-01-18";
    CHECK(nd::build_report(d, nd::MatchResult{}, o).episode_count == 4);
}

TEST_CASE("A period end that is not a date still filters as the date strings compare", "[report]") {
    // Not something the app makes, but the filter's answer must not change with how
    // it compares: "2026-01" sorts before every day of January 2026.
    nd::Diary d;
    d.episodes.push_back(episode_at("dec", *nd::days_since_epoch("2025-12-31") * 86400, 0));
    d.episodes.push_back(episode_at("jan", *nd::days_since_epoch("2026-01-05") * 86400, 0));
    d.episodes.push_back(episode_at("feb", *nd::days_since_epoch("2026-02-05") * 86400, 0));
    const nd::Diary r = nd::diary_in_range(d, "2026-01", "2026-01-31");
    REQUIRE(r.episodes.size() == 1);
    CHECK(r.episodes[0].id == "jan");
    CHECK(nd::diary_in_range(d, "2026-01-01", "2026-01").episodes.size() == 0);
}
