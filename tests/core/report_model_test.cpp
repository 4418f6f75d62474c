#include <catch2/catch.hpp>

#include <string>

#include "diary_builders.hpp"
#include "enum_names.hpp"
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

// Issue #14: three distinct patterns (burning feet; a foot that falls asleep after
// crossed legs; calf cramps on walking eased by rest) are three lines, each with its
// own figures, instead of one pooled summary.
TEST_CASE("Report patterns group episodes by where, what brought them on and what eased them", "[report][page1]") {
    using namespace nd;
    using nd::test::EpisodeBuilder;
    Diary d;
    int n = 0;
    for (int i = 0; i < 6; ++i)   // burning feet at night, nothing helped
        d.episodes.push_back(EpisodeBuilder(++n).day(i, 23).region(Region::Sole, Side::Both).region(Region::Toes, Side::Both)
                                 .sensation(Sensation::Burning).pain(5).eased_by(Relief::Nothing).lasted(110));
    for (int i = 0; i < 4; ++i)   // left foot asleep after crossed legs, eased by moving within 3 min
        d.episodes.push_back(EpisodeBuilder(++n).day(i, 20).region(Region::TopOfFoot, Side::Left)
                                 .sensation(Sensation::Numbness).numbness(4).after(Activity::CrossedLegs)
                                 .eased_by(Relief::MovingOrChangingPosition, 3).lasted(8));
    for (int i = 0; i < 3; ++i)   // right calf cramp on walking, eased by rest
        d.episodes.push_back(EpisodeBuilder(++n).day(10 + i, 9).region(Region::Calf, Side::Right)
                                 .sensation(Sensation::Cramping).pain(6).after(Activity::Walking)
                                 .eased_by(Relief::Rest, 4).lasted(6));
    normalize(d);
    const ReportModel m = build_report(d, MatchResult{}, ReportOptions{});
    REQUIRE(m.patterns.size() == 3);
    CHECK(m.patterns[0].episodes == 6);
    CHECK(m.patterns[0].where == "Both sides: feet");
    CHECK(m.patterns[0].eased == "nothing helped");
    CHECK(m.patterns[0].text.find("Lasted typically 1 h 50 min") != std::string::npos);
    CHECK(m.patterns[1].episodes == 4);
    CHECK(m.patterns[1].brought_on == "after sitting with legs crossed");
    CHECK(m.patterns[1].eased == "eased by moving or changing position (typically within 3 min)");
    CHECK(m.patterns[1].text.find("Lasted typically 8 min") != std::string::npos);
    CHECK(m.patterns[2].episodes == 3);
    CHECK(m.patterns[2].where == "Right: lower legs");
    CHECK(m.patterns[2].brought_on == "after walking");
    CHECK(m.patterns[2].eased == "eased by resting (typically within 4 min)");
    CHECK(m.patterns_more.empty());
}

TEST_CASE("Report causes: a serious cause that fits little is listed as worth excluding", "[report][page1]") {
    nd::MatchResult match = nd::test::export_match();
    nd::CauseMatch pad;
    pad.cause_id = "pad";
    pad.name = "Narrowed leg arteries (claudication)";
    pad.fit = nd::Fit::FitsLittle;
    pad.fit_text = "Fits little";
    pad.serious = true;
    match.causes.push_back(pad);
    const nd::ReportModel m = nd::build_report(nd::test::export_diary(), match, nd::ReportOptions{});
    bool pad_listed = false, restless_listed = false;
    for (const auto& c : m.causes) {
        if (c.name == pad.name) pad_listed = c.worth_excluding;
        if (c.name == "Restless legs") restless_listed = true;   // fits little and not serious
    }
    CHECK(pad_listed);
    CHECK_FALSE(restless_listed);
    REQUIRE_FALSE(m.causes.empty());
    CHECK(m.causes.front().name == "Pressure on a nerve from posture");
    // Worded for the doctor: no advice to the patient.
    for (const auto& c : m.causes) CHECK(c.text.find("Please discuss") == std::string::npos);
}

TEST_CASE("Report page 1 facts: who, age, health number, onset and questions", "[report][page1]") {
    nd::Diary d = nd::test::export_diary();
    d.profile.complaint_began = "2025-10-01";
    d.profile.health_number = "943 476 5919";
    d.profile.questions = {"Could this come from my back?"};
    nd::ReportOptions o;
    o.generated_on = "2026-07-13";
    const nd::ReportModel m = nd::build_report(d, nd::test::export_match(), o);
    CHECK(m.who == "Zoë Ångström, born 14 Jul 1961 (64 years)");   // a day before the 65th birthday
    CHECK(m.health_number == "943 476 5919");
    CHECK(m.onset_text == "The numbness or tingling began on 1 Oct 2025 (about 3 months before this period).");
    CHECK(m.questions == d.profile.questions);
    REQUIRE(m.medicines.size() == 1);
    CHECK(m.medicines[0].label == "Metformin 500 mg");
    CHECK(m.medicines[0].detail == "twice a day; whether it helped: not noted");
}

// Page 1's body figure and trend, from a diary whose numbers are worked out by hand:
// three weeks, Monday 5 Jan to Sunday 25 Jan 2026.
//   week 1: ep1 (toes both sides, left sole; numbness 4), ep2 (left toes; numbness 6,
//           pain 2), ep3 (right heel and calf; not rated) -> 3 episodes, median
//           numbness (4, 6) = 5, median pain (2) = 2
//   week 2: only a deleted episode -> 0 episodes, nothing rated
//   week 3: ep4 (saddle area, right toes; 8 and 7), ep5 (left whole leg, right hand;
//           numbness 2), ep6 (no region; numbness 3) -> 3 episodes, median numbness
//           (2, 3, 8) = 3, median pain (7) = 7
// Regions: toes left 2 (ep1, ep2), right 2 (ep1, ep4); sole left 1; heel right 1;
// calf right 1; saddle area 1 (no side); whole leg left 1; hand right 1. Five
// episodes have a region marked.
TEST_CASE("Report page 1 figures: regions by side and the weekly trend", "[report][page1][figure]") {
    using namespace nd;
    using nd::test::EpisodeBuilder;
    using nd::test::add;
    Diary d;
    add(d, EpisodeBuilder(1).day(0).region(Region::Toes, Side::Both).region(Region::Sole, Side::Left).numbness(4));
    add(d, EpisodeBuilder(2).day(2).region(Region::Toes, Side::Left).numbness(6).pain(2));
    Episode unrated = EpisodeBuilder(3).day(3).region(Region::Heel, Side::Right).region(Region::Calf, Side::Right);
    unrated.numbness.reset();
    add(d, unrated);
    add(d, EpisodeBuilder(7).day(9).region(Region::Toes, Side::Both).numbness(10).deleted());
    add(d, EpisodeBuilder(4).day(15).region(Region::SaddleArea, Side::Middle).region(Region::Toes, Side::Right)
               .numbness(8).pain(7));
    add(d, EpisodeBuilder(5).day(16).region(Region::WholeLeg, Side::Left).region(Region::Hand, Side::Right).numbness(2));
    add(d, EpisodeBuilder(6).day(17).numbness(3));
    normalize(d);
    ReportOptions o;
    o.from = "2026-01-05";
    o.to = "2026-01-25";
    o.sections = kSectionPerWeek;   // page 1's figures do not depend on the appendix's sections
    const ReportModel m = build_report(d, MatchResult{}, o);

    REQUIRE(m.trend.size() == 3);
    CHECK(m.trend[0].week_start == "2026-01-05");
    CHECK(m.trend[0].episodes == 3);
    CHECK(m.trend[0].median_numbness == 5.0);
    CHECK(m.trend[0].median_pain == 2.0);
    CHECK(m.trend[1].week_start == "2026-01-12");
    CHECK(m.trend[1].episodes == 0);
    CHECK_FALSE(m.trend[1].median_numbness.has_value());
    CHECK_FALSE(m.trend[1].median_pain.has_value());
    CHECK(m.trend[2].week_start == "2026-01-19");
    CHECK(m.trend[2].episodes == 3);
    CHECK(m.trend[2].median_numbness == 3.0);
    CHECK(m.trend[2].median_pain == 7.0);

    CHECK(m.figure_episodes == 5);
    std::vector<std::string> got;
    for (const auto& rc : m.figure)
        got.push_back(rc.label + " " + std::to_string(rc.left) + "/" + std::to_string(rc.right) + "/" +
                      std::to_string(rc.middle));
    auto label = [](Region r, const char* counts) { return std::string(enum_label(r)) + " " + counts; };
    const std::vector<std::string> want = {
        label(Region::SaddleArea, "0/0/1"), label(Region::Calf, "0/1/0"),     label(Region::Heel, "0/1/0"),
        label(Region::Sole, "1/0/0"),       label(Region::Toes, "2/2/0"),     label(Region::WholeLeg, "1/0/0"),
        label(Region::Hand, "0/1/0"),
    };
    CHECK(got == want);
    CHECK(m.regions.empty());   // the appendix's body map was not chosen
}
