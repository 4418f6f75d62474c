// A small diary with EVERY field of every record type set to a non-default value
// (plus one record of each kind in the bin and tombstones), for round-trip tests:
// serialization, the store, the CLI's export / import. Header-only.
//
//   nd::Diary d = nd::test::sample_diary();   // already normalized and valid
#pragma once

#include <string>

#include "model.hpp"

namespace nd::test {

inline constexpr std::int64_t kSampleNow = 1767600000;  // 2026-01-05T08:00:00Z

inline Diary sample_diary() {
    Diary d;
    d.profile = {"Anna Müller-Łukasiewicz", "1968-04-30", kSampleNow - 500};

    Episode a;  // ended, with every list and optional filled
    a.id = "0a000001-1111-4111-8111-000000000001";
    a.start = {1767571200 + 8 * 3600, 60};  // 2026-01-05 09:00 at UTC+01:00
    a.duration_min = 25;
    a.ongoing = false;
    a.regions = {{Region::Toes, Side::Left}, {Region::Sole, Side::Both}, {Region::SaddleArea, Side::Middle}};
    a.sensations = {Sensation::Numbness, Sensation::Tingling, Sensation::Burning};
    a.numbness = 7;
    a.pain = 3;
    a.activities = {Activity::CrossedLegs, Activity::LongSitting};
    a.reliefs = {Relief::MovingOrChangingPosition, Relief::Stretching};
    a.relief_after_min = 10;
    a.onset = Onset::Gradual;
    a.spread = true;
    a.spread_from = Region::Toes;
    a.spread_to = Region::Ankle;
    a.spread_speed = SpreadSpeed::Hours;
    a.signs = {Sign::Unsteadiness, Sign::LegWeakness};
    a.worse_at_night = TriState::Yes;
    a.effect_walking = 2;
    a.effect_sleep = 1;
    a.effect_work = 3;
    a.note = "After the long meeting; \"pins\" & needles, line 1\nline 2 \u00e9\u4e2d\U0001F9B6";
    a.created_utc = kSampleNow - 400;
    a.updated_utc = kSampleNow - 300;

    Episode b;  // still going
    b.id = "0a000001-1111-4111-8111-000000000002";
    b.start = {1767571200 + 30 * 3600 + 17, -300};
    b.ongoing = true;
    b.regions = {{Region::Calf, Side::Right}};
    b.sensations = {Sensation::Cramping};
    b.numbness = 0;
    b.pain = 10;
    b.onset = Onset::Sudden;
    b.spread_speed = SpreadSpeed::Unknown;
    b.worse_at_night = TriState::No;
    b.created_utc = kSampleNow - 200;
    b.updated_utc = kSampleNow - 200;

    Episode c = a;  // in the bin
    c.id = "0a000001-1111-4111-8111-000000000003";
    c.start.utc -= 86400 * 3;
    c.start.offset_min = -840;
    c.note = "binned";
    c.deleted_utc = kSampleNow - 100;
    d.episodes = {c, a, b};

    CheckIn ci;
    ci.id = "0b000002-2222-4222-8222-000000000001";
    ci.date = "2026-01-05";
    ci.symptoms = {GeneralSymptom::WidespreadPain, GeneralSymptom::MorningStiffness, GeneralSymptom::RestlessLegs};
    ci.no_numbness = true;
    ci.note = "Tired; slept badly";
    ci.created_utc = kSampleNow - 90;
    ci.updated_utc = kSampleNow - 80;
    CheckIn cj = ci;  // in the bin
    cj.id = "0b000002-2222-4222-8222-000000000002";
    cj.date = "2026-01-04";
    cj.no_numbness = false;
    cj.symptoms = {GeneralSymptom::BackPain};
    cj.deleted_utc = kSampleNow - 70;
    d.checkins = {ci, cj};

    BackgroundFact f1{"0c000003-3333-4333-8333-000000000001", FactKind::AlcoholUse, "Wine at weekends",
                      "2019-06-01", 7.25, kSampleNow - 60, kSampleNow - 55, std::nullopt};
    BackgroundFact f2{"0c000003-3333-4333-8333-000000000002", FactKind::Diabetes, "Type 2", "2015-03-01",
                      std::nullopt, kSampleNow - 50, kSampleNow - 50, kSampleNow - 40};
    d.facts = {f1, f2};

    Medicine m1{"0d000004-4444-4444-8444-000000000001", "Vitamin B12", "1000 \u00b5g", "mornings", "2025-03-10",
                TriState::Yes, "Seems to help", kSampleNow - 30, kSampleNow - 20, std::nullopt};
    Medicine m2{"0d000004-4444-4444-8444-000000000002", "Gabapentin", "300 mg", "evenings", "",
                TriState::No, "", kSampleNow - 15, kSampleNow - 15, kSampleNow - 10};
    d.medicines = {m1, m2};

    d.tombstones = {{"0e000005-5555-4555-8555-000000000001", "episode", kSampleNow - 5000},
                    {"0e000005-5555-4555-8555-000000000002", "checkin", kSampleNow - 4000},
                    {"0e000005-5555-4555-8555-000000000003", "fact", kSampleNow - 3000},
                    {"0e000005-5555-4555-8555-000000000004", "medicine", kSampleNow - 2000}};
    normalize(d);
    return d;
}

}  // namespace nd::test
