// A small fixed diary (and a hand-made matching result) for the export tests:
// CSV, FHIR, the report model and the PDF. Figures the tests expect are noted
// next to each record. Header-only.
#pragma once

#include <string>

#include "diary_builders.hpp"
#include "matching.hpp"
#include "model.hpp"

namespace nd::test {

// Day 0 is Monday 2026-01-05 (UTC, offset 0).
//  E1 day 0  left toes + left sole, numb + tingling 5/10, crossed legs, moving (3 min), 10 min, note
//  E2 day 1  same as E1, no note
//  E3 day 8  right calf cramping, numbness 1, pain 6, walking, rest, 5 min
//  E4 day 9  toes + sole + ankle (both sides), tingling + burning 6/10, worse at night, gradual, 2 h, note
//  E5 day 15 saddle area, numbness 8, sudden, bladder/bowel loss (the red flag)
//  E6 day 2  in the bin (never exported or counted)
// Check-ins: day 0 back pain; day 1 no numbness; day 2 back pain + exhaustion (with a note).
inline Diary export_diary() {
    Diary d;
    d.profile = {"Zoë Ångström", "1961-07-14", kDay0Utc};
    Episode e1 = EpisodeBuilder(1)
                     .day(0, 20)
                     .region(Region::Toes, Side::Left)
                     .region(Region::Sole, Side::Left)
                     .sensation(Sensation::Numbness)
                     .sensation(Sensation::Tingling)
                     .numbness(5)
                     .after(Activity::CrossedLegs)
                     .eased_by(Relief::MovingOrChangingPosition, 3)
                     .lasted(10)
                     .onset(Onset::Sudden)
                     .note("Crossed legs at the cinema, ça picote");
    Episode e2 = EpisodeBuilder(2)
                     .day(1, 21, 15)
                     .region(Region::Toes, Side::Left)
                     .region(Region::Sole, Side::Left)
                     .sensation(Sensation::Numbness)
                     .sensation(Sensation::Tingling)
                     .numbness(5)
                     .after(Activity::CrossedLegs)
                     .eased_by(Relief::MovingOrChangingPosition, 3)
                     .lasted(10);
    Episode e3 = EpisodeBuilder(3)
                     .day(8, 9, 30)
                     .region(Region::Calf, Side::Right)
                     .sensation(Sensation::Cramping)
                     .numbness(1)
                     .pain(6)
                     .after(Activity::Walking)
                     .eased_by(Relief::Rest, 4)
                     .lasted(5);
    Episode e4 = EpisodeBuilder(4)
                     .day(9, 23, 5)
                     .region(Region::Toes, Side::Both)
                     .region(Region::Sole, Side::Both)
                     .region(Region::Ankle, Side::Both)
                     .sensation(Sensation::Tingling)
                     .sensation(Sensation::Burning)
                     .numbness(6)
                     .worse_at_night()
                     .onset(Onset::Gradual)
                     .lasted(120)
                     .effects(1, 2, 0)
                     .note("Burning, \"like walking on sand\"\nwoke me up twice");
    Episode e5 = EpisodeBuilder(5)
                     .day(15, 7, 45)
                     .region(Region::SaddleArea, Side::Middle)
                     .sensation(Sensation::Numbness)
                     .numbness(8)
                     .onset(Onset::Sudden)
                     .sign(Sign::BladderBowelLoss)
                     .still_going();
    Episode e6 = EpisodeBuilder(6).day(2).region(Region::Heel, Side::Left).note("binned").deleted();
    d.episodes = {e1, e2, e6, e3, e4, e5};

    d.checkins = {checkin(1, day_date(0), {GeneralSymptom::BackPain}),
                  checkin(2, day_date(1), {}, true),
                  checkin(3, day_date(2), {GeneralSymptom::BackPain, GeneralSymptom::Exhaustion})};
    d.checkins[2].note = "Long day at work";
    d.facts = {fact(1, FactKind::Diabetes, std::nullopt, "2019-04-01", "Type 2"),
               fact(2, FactKind::AlcoholUse, 4.0)};
    Medicine m;
    m.id = test_uuid(4, 1);
    m.name = "Metformin";
    m.dose = "500 mg";
    m.when_taken = "twice a day";
    m.helped = TriState::Unknown;
    d.medicines = {m};
    normalize(d);
    return d;
}

inline std::string export_episode_id(int n) { return test_uuid(1, n); }

// What matching would say about export_diary(), made by hand so these tests do
// not depend on the catalog.
inline MatchResult export_match() {
    MatchResult m;
    RedFlag f;
    f.kind = RedFlagKind::SaddleOrBladder;
    f.episode_id = export_episode_id(5);
    f.title = "Saddle numbness with bladder or bowel change";
    f.advice = "Seek urgent care today.";
    f.reasons = {"numbness in the saddle area", "loss of bladder or bowel control"};
    m.red_flags = {f};

    CauseMatch posture;
    posture.cause_id = "posture";
    posture.name = "Pressure on a nerve from posture";
    posture.fit = Fit::FitsWell;
    posture.fit_text = "Fits well";
    posture.evidence = {{true, "2 of 5 episodes began after sitting with legs crossed", {}, {}, 2},
                        {false, "1 episode came on at night without a posture", {}, {}, -1}};
    CauseMatch diabetic;
    diabetic.cause_id = "diabetic_neuropathy";
    diabetic.name = "Nerve damage from diabetes";
    diabetic.fit = Fit::FitsPartly;
    diabetic.fit_text = "Fits partly";
    diabetic.serious = true;
    diabetic.evidence = {{true, "Diabetes since 2019 in the background", {}, {}, 1}};
    diabetic.unknowns = {"No episode records whether both feet were affected at the same time"};
    CauseMatch little;
    little.cause_id = "restless_legs";
    little.name = "Restless legs";
    little.fit = Fit::FitsLittle;
    little.fit_text = "Fits little";
    m.causes = {posture, diabetic, little};
    m.episodes_considered = 5;
    m.minimum_episodes = 3;
    return m;
}

}  // namespace nd::test
