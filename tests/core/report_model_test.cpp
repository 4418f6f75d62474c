#include <catch2/catch.hpp>

#include <string>

#include "export_fixture.hpp"
#include "report_model.hpp"

namespace {

const nd::RegionCount* region(const nd::ReportModel& m, nd::Region r) {
    for (const auto& rc : m.regions)
        if (rc.region == r) return &rc;
    return nullptr;
}

int count_of(const std::vector<nd::CountItem>& items, const std::string& id) {
    for (const auto& it : items)
        if (it.id == id) return it.count;
    return 0;
}

bool any_fact_contains(const nd::ReportModel& m, const std::string& text) {
    for (const auto& f : m.key_facts)
        if (f.find(text) != std::string::npos) return true;
    return false;
}

nd::ReportModel fixture_report(nd::ReportOptions o = {}) {
    return nd::build_report(nd::test::export_diary(), nd::test::export_match(), o);
}

}  // namespace

TEST_CASE("Report model: period, counts and episodes per week", "[report]") {
    const auto m = fixture_report();
    CHECK(m.from == "2026-01-05");
    CHECK(m.to == "2026-01-20");
    CHECK(m.days_in_period == 16);
    CHECK(m.period_text == "5 Jan 2026 to 20 Jan 2026 (3 weeks)");
    CHECK(m.person == "Zoë Ångström, born 14 Jul 1961");
    CHECK(m.episode_count == 5);
    CHECK(m.days_with_episodes == 5);
    REQUIRE(m.per_week.size() == 3);
    CHECK(m.per_week[0].week_start == "2026-01-05");
    CHECK(m.per_week[0].episodes == 2);
    CHECK(m.per_week[1].episodes == 2);
    CHECK(m.per_week[2].episodes == 1);
    CHECK(m.per_week[2].red_flag_episodes == 1);
}

TEST_CASE("Report model: regions by side and the highest extent", "[report]") {
    const auto m = fixture_report();
    const auto* toes = region(m, nd::Region::Toes);
    REQUIRE(toes);
    CHECK(toes->left == 3);
    CHECK(toes->right == 1);
    const auto* calf = region(m, nd::Region::Calf);
    REQUIRE(calf);
    CHECK(calf->left == 0);
    CHECK(calf->right == 1);
    const auto* saddle = region(m, nd::Region::SaddleArea);
    REQUIRE(saddle);
    CHECK(saddle->middle == 1);
    CHECK(region(m, nd::Region::Heel)->left == 0);   // E6 is in the bin
    CHECK(region(m, nd::Region::Hand) == nullptr);   // off the legs and never marked
    CHECK(m.highest_extent == nd::Extent::AboveKnee);
    CHECK(m.episodes_by_extent[static_cast<int>(nd::Extent::ToeTips)] == 0);
    CHECK(m.episodes_by_extent[static_cast<int>(nd::Extent::UpToAnkle)] == 3);
    CHECK(m.episodes_by_extent[static_cast<int>(nd::Extent::UpToKnee)] == 1);
    CHECK(m.episodes_by_extent[static_cast<int>(nd::Extent::AboveKnee)] == 1);
}

TEST_CASE("Report model: sensations, triggers, reliefs and severity", "[report]") {
    const auto m = fixture_report();
    CHECK(count_of(m.sensations, "numbness") == 3);
    CHECK(count_of(m.sensations, "tingling") == 3);
    CHECK(count_of(m.sensations, "burning") == 1);
    CHECK(count_of(m.sensations, "cramping") == 1);
    REQUIRE(m.sensations.size() == 4);
    CHECK(m.sensations[0].id == "numbness");   // ties keep the vocabulary's order
    CHECK(count_of(m.triggers, "crossed_legs") == 2);
    CHECK(count_of(m.triggers, "walking") == 1);
    CHECK(count_of(m.reliefs, "moving") == 2);
    CHECK(count_of(m.reliefs, "rest") == 1);
    CHECK(count_of(m.signs, "bladder_bowel_loss") == 1);
    REQUIRE(m.severity.size() == 5);
    CHECK(m.median_numbness == 5);
    CHECK(m.max_numbness == 8);
    // Only E3 rated its pain: unrated episodes are unknown, not 0, so they do not pull the median down.
    CHECK(m.pain_rated == 1);
    CHECK(m.numbness_rated == 5);
    CHECK(m.median_pain == 6);
    CHECK(m.max_pain == 6);
}

TEST_CASE("Report model: red flags, check-ins, background and topics", "[report]") {
    const auto m = fixture_report();
    REQUIRE(m.red_flags.size() == 1);
    CHECK(m.red_flags[0].date == "2026-01-20");
    CHECK(m.red_flags[0].time == "07:45");
    CHECK(m.key_facts.front().rfind("RED FLAGS: 1 episode", 0) == 0);
    CHECK(m.checkin_days == 3);
    CHECK(m.no_numbness_days == 1);
    CHECK(count_of(m.checkin_symptoms, "back_pain") == 2);
    CHECK(count_of(m.checkin_symptoms, "exhaustion") == 1);
    REQUIRE(m.background.size() == 3);
    CHECK(m.background[0].label == "Diabetes");
    CHECK(m.background[0].detail == "Type 2; since 2019-04-01");
    CHECK(m.background[1].detail == "4 drinks a week");
    CHECK(m.background[2].detail == "Metformin 500 mg, twice a day");
    REQUIRE(m.topics.size() == 2);   // "fits little" is not a topic
    CHECK(m.topics[0].name == "Pressure on a nerve from posture");
    CHECK(m.topics[0].evidence_for.size() == 1);
    CHECK(m.topics[0].evidence_against.size() == 1);
    CHECK(m.topics[1].serious);
    CHECK(m.topics_intro.find("not a diagnosis") != std::string::npos);
}

TEST_CASE("Report model: episode table rows and numbered notes", "[report]") {
    const auto m = fixture_report();
    REQUIRE(m.rows.size() == 5);
    CHECK(m.rows[0].date == "2026-01-05");
    CHECK(m.rows[0].time == "20:00");
    CHECK(m.rows[0].duration == "10 min");
    CHECK(m.rows[0].where == "Left toes, left sole of the foot");
    CHECK(m.rows[0].eased_by == "Moving or changing position (after 3 min)");
    CHECK(m.rows[3].duration == "2 h");
    CHECK(m.rows[4].duration == "still going");
    CHECK(m.rows[4].red_flag);
    CHECK_FALSE(m.rows[0].red_flag);
    // Notes by time: E1 (day 0), the check-in of day 2, E4 (day 9).
    REQUIRE(m.notes.size() == 3);
    CHECK(m.notes[0].text == "Crossed legs at the cinema, ça picote");
    CHECK(m.notes[1].source == "Check-in");
    CHECK(m.notes[0].source == "Episode 20:00");
    CHECK(m.rows[0].note_number == 1);
    CHECK(m.rows[3].note_number == 3);
    CHECK(m.rows[1].note_number == 0);
}

TEST_CASE("Report model: date range and chosen sections", "[report]") {
    nd::ReportOptions o;
    o.from = "2026-01-12";
    o.to = "2026-01-18";
    auto m = fixture_report(o);
    CHECK(m.episode_count == 2);
    CHECK(m.days_in_period == 7);
    CHECK(m.red_flags.empty());   // E5 is after the range
    CHECK(m.per_week.size() == 1);
    CHECK(any_fact_contains(m, "No red-flag signs recorded"));

    o = {};
    o.sections = nd::kSectionSummary | nd::kSectionPerWeek;
    m = fixture_report(o);
    CHECK_FALSE(m.key_facts.empty());
    CHECK_FALSE(m.per_week.empty());
    CHECK(m.rows.empty());
    CHECK(m.notes.empty());
    CHECK(m.topics.empty());
    CHECK(m.background.empty());
    CHECK(m.regions.empty());

    const nd::Diary ranged = nd::diary_in_range(nd::test::export_diary(), "2026-01-12", "2026-01-18");
    CHECK(ranged.episodes.size() == 2);
    CHECK(ranged.checkins.empty());
}

TEST_CASE("Report model: an empty diary says so", "[report]") {
    const auto m = nd::build_report(nd::Diary{}, nd::MatchResult{}, nd::ReportOptions{});
    CHECK(m.episode_count == 0);
    CHECK(m.period_text == "No entries yet");
    REQUIRE_FALSE(m.key_facts.empty());
    CHECK(m.key_facts[0] == "No episodes recorded in this period.");
    CHECK(m.per_week.empty());
}

TEST_CASE("Report model: no topics before the diary has enough episodes", "[report]") {
    nd::MatchResult match = nd::test::export_match();
    match.episodes_considered = 2;
    match.minimum_episodes = 5;
    const auto m = nd::build_report(nd::test::export_diary(), match, nd::ReportOptions{});
    CHECK(m.too_few_episodes);
    CHECK(m.topics.empty());
    CHECK(m.topics_intro.find("at least 5") != std::string::npos);
    CHECK(m.red_flags.size() == 1);   // red flags are never held back
}
