#include <catch2/catch.hpp>

#include <set>

#include "catalog.hpp"
#include "demo_diary.hpp"
#include "matching.hpp"
#include "questionnaire.hpp"
#include "serialization.hpp"
#include "time_util.hpp"

using namespace nd;

namespace {

const std::int64_t kNow = parse_iso8601("2026-03-01T12:00:00+01:00")->utc;

bool has_region(const Episode& e, Region r) {
    for (const auto& m : e.regions)
        if (m.region == r) return true;
    return false;
}

}  // namespace

TEST_CASE("Demo diary is deterministic for a seed and time") {
    const Diary a = make_demo_diary(7, kNow);
    const Diary b = make_demo_diary(7, kNow);
    CHECK(a == b);
    CHECK(diary_to_json(a) == diary_to_json(b));
    CHECK_FALSE(make_demo_diary(8, kNow) == a);
    // The rng alone decides the ids: same seed, same ids.
    std::mt19937 r1(42), r2(42);
    CHECK(uuid_from_rng(r1) == uuid_from_rng(r2));
}

TEST_CASE("Demo diary has valid unique ids and passes validation") {
    const Diary d = make_demo_diary(2026, kNow);
    std::set<std::string> ids;
    auto check_id = [&](const std::string& id) {
        INFO(id);
        CHECK(is_uuid(id));
        CHECK(id[14] == '4');
        CHECK(std::string("89ab").find(id[19]) != std::string::npos);
        CHECK(ids.insert(id).second);
    };
    for (const auto& e : d.episodes) check_id(e.id);
    for (const auto& c : d.checkins) check_id(c.id);
    for (const auto& f : d.facts) check_id(f.id);
    for (const auto& m : d.medicines) check_id(m.id);
    CHECK_NOTHROW(validate(d));
    // Canonical order, as the store returns it.
    Diary sorted = d;
    normalize(sorted);
    CHECK(sorted == d);
}

TEST_CASE("Demo diary tells a plausible year of a person with diabetes") {
    const Diary d = make_demo_diary(2026, kNow);
    REQUIRE(d.episodes.size() >= 120);
    REQUIRE(d.episodes.size() <= 300);
    // About a year, all of it lived before now.
    const auto first_day = *days_since_epoch(local_date(d.episodes.front().start));
    const auto last_day = *days_since_epoch(local_date(d.episodes.back().start));
    CHECK(last_day - first_day >= 330);
    CHECK(last_day - first_day <= 366);
    for (const auto& e : d.episodes) {
        CHECK(e.start.utc + std::int64_t{e.duration_min.value_or(0)} * 60 <= kNow);
        CHECK(e.created_utc <= kNow);
        CHECK(e.created_utc >= e.start.utc);
        CHECK((e.start.offset_min == 60 || e.start.offset_min == 120));
        CHECK_FALSE(e.regions.empty());
        CHECK(e.numbness <= 10);
        CHECK(e.pain <= 10);
    }
    // Background: diabetes since 2019, 4 drinks a week, metformin.
    bool diabetes = false, alcohol = false;
    for (const auto& f : d.facts) {
        if (f.kind == FactKind::Diabetes) diabetes = f.since.rfind("2019", 0) == 0;
        if (f.kind == FactKind::AlcoholUse) alcohol = f.amount && *f.amount == 4.0;
    }
    CHECK(diabetes);
    CHECK(alcohol);
    bool metformin = false;
    for (const auto& m : d.medicines) metformin = metformin || m.name == "Metformin";
    CHECK(metformin);
    CHECK_FALSE(d.profile.birth_date.empty());

    // The feet: both sides, worse at night, more often and higher up later in the year.
    int early = 0, late = 0, early_ankle = 0, late_ankle = 0, night = 0, feet = 0;
    int posture = 0, posture_quick = 0, calf = 0, calf_rest = 0;
    const auto half = first_day + (last_day - first_day) / 2;
    for (const auto& e : d.episodes) {
        const bool is_late = *days_since_epoch(local_date(e.start)) > half;
        if (contains(e.regions, RegionMark{Region::Toes, Side::Both})) {
            ++feet;
            (is_late ? late : early)++;
            if (has_region(e, Region::Ankle)) (is_late ? late_ankle : early_ankle)++;
            if (e.worse_at_night == TriState::Yes) ++night;
            CHECK(e.onset == Onset::Gradual);
        }
        if (contains(e.activities, Activity::CrossedLegs)) {
            ++posture;
            if (contains(e.reliefs, Relief::MovingOrChangingPosition) && e.relief_after_min && *e.relief_after_min <= 10)
                ++posture_quick;
        }
        if (has_region(e, Region::Calf)) {
            ++calf;
            if (contains(e.activities, Activity::Walking) && contains(e.reliefs, Relief::Rest)) ++calf_rest;
        }
    }
    CHECK(late > early * 3 / 2);
    CHECK(early_ankle == 0);
    CHECK(late_ankle >= 10);
    CHECK(night * 10 >= feet * 8);
    CHECK(posture >= 8);
    CHECK(posture_quick == posture);
    CHECK(calf >= 5);
    CHECK(calf_rest == calf);

    // Daily check-ins on part of the days, some "no numbness today".
    CHECK(d.checkins.size() > 150);
    CHECK(d.checkins.size() < 300);
    int none = 0;
    for (const auto& c : d.checkins) none += c.no_numbness ? 1 : 0;
    CHECK(none >= 30);
}

TEST_CASE("Demo diary raises no red flag and matches diabetic neuropathy first") {
    const Diary d = make_demo_diary(2026, kNow);
    for (const auto& e : d.episodes) {
        INFO(e.id);
        CHECK(red_flags_for(e).empty());
    }
    const auto result = match(load_default_catalog(), d);
    CHECK(result.red_flags.empty());
    REQUIRE_FALSE(result.causes.empty());
    CHECK(result.causes.front().cause_id == "diabetic_neuropathy");
}

TEST_CASE("Generated diary has exactly the asked number of episodes") {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{1000}}) {
        const Diary d = make_generated_diary(n, 11, kNow);
        CHECK(d.episodes.size() == n);
        CHECK(make_generated_diary(n, 11, kNow) == d);
        std::set<std::string> ids;
        for (const auto& e : d.episodes) {
            CHECK(e.start.utc + std::int64_t{e.duration_min.value_or(0)} * 60 <= kNow);
            ids.insert(e.id);
        }
        CHECK(ids.size() == n);
        CHECK_FALSE(d.checkins.empty());
        CHECK_FALSE(d.facts.empty());
    }
    const Diary big = make_generated_diary(10000, 3, kNow);
    CHECK(big.episodes.size() == 10000);
    CHECK(*days_since_epoch(local_date(big.episodes.back().start)) -
              *days_since_epoch(local_date(big.episodes.front().start)) >
          3000);
}

TEST_CASE("Demo diary holds two MNSI history responses that the questionnaire scores as stored") {
    const Diary d = make_demo_diary(7, kNow);
    REQUIRE(d.questionnaire_responses.size() == 2);
    const auto all = load_default_questionnaires();
    const Questionnaire* q = find_questionnaire(all, "mnsi_history");
    REQUIRE(q != nullptr);
    const auto& a = d.questionnaire_responses[0];
    const auto& b = d.questionnaire_responses[1];
    // Each is complete and its stored score is what the published scoring gives.
    CHECK(score_answers(*q, a.answers) == a.score);
    CHECK(score_answers(*q, b.answers) == b.score);
    CHECK(a.score == 3);
    CHECK(b.score == 5);
    // A few months apart, both lived (not after now).
    CHECK(b.taken.utc - a.taken.utc >= 90 * 86400);
    CHECK(b.taken.utc <= kNow);
}
