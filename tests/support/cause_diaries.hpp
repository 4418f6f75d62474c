// One realistic diary per cause of the catalog, each showing that cause's pattern,
// plus diaries that argue against some. Built with diary_builders.hpp.
#pragma once

#include "diary_builders.hpp"

namespace nd::test {

// 9 episodes: 7 after crossed legs / sitting on the feet / kneeling, all eased within
// minutes of moving, 10-20 minutes long, in the toes and soles.
inline Diary posture_diary() {
    Diary d;
    const Activity acts[] = {Activity::CrossedLegs, Activity::SittingOnFeet, Activity::Kneeling};
    for (int i = 0; i < 9; ++i) {
        EpisodeBuilder b(i + 1);
        b.day(i * 2, 19).region(Region::Toes, Side::Left).region(Region::Sole, Side::Left)
            .sensation(Sensation::Numbness).sensation(Sensation::Tingling)
            .eased_by(Relief::MovingOrChangingPosition, 2 + i % 5).lasted(10 + i).onset(Onset::Sudden);
        if (i < 7) b.after(acts[i % 3]); else b.after(Activity::Other);
        add(d, b);
    }
    return d;
}

// Numbness that nothing eases, lasting days, starting at rest: argues against posture and PAD.
inline Diary nothing_eases_diary() {
    Diary d;
    for (int i = 0; i < 5; ++i)
        add(d, EpisodeBuilder(100 + i).day(i * 5, 8).region(Region::Shin).region(Region::TopOfFoot)
                   .sensation(Sensation::Numbness).after(Activity::LyingDown)
                   .eased_by(Relief::Nothing).lasted(2 * 1440).onset(Onset::Gradual));
    return d;
}

inline Diary injury_diary() {
    Diary d;
    add(d, fact(1, FactKind::FootAnkleInjury, {}, "2025-11-20", "twisted ankle playing football"));
    for (int i = 0; i < 5; ++i) {
        EpisodeBuilder b(200 + i);
        b.day(i * 3, 12).region(Region::Ankle, Side::Right).region(Region::TopOfFoot, Side::Right)
            .sensation(Sensation::Numbness).lasted(90).onset(Onset::Gradual);
        b.after(i < 3 ? Activity::Injury : Activity::Standing);
        add(d, b);
    }
    return d;
}

// Diabetes; numbness that starts in the toes and reaches the foot, ankle and shin over two months.
inline Diary diabetic_diary() {
    Diary d;
    add(d, fact(1, FactKind::Diabetes, {}, "2015-03-01", "type 2"));
    const Region higher[] = {Region::Toes, Region::Toes, Region::Toes, Region::TopOfFoot,
                             Region::TopOfFoot, Region::Ankle, Region::Ankle, Region::Shin};
    for (int i = 0; i < 8; ++i) {
        EpisodeBuilder b(300 + i);
        b.day(i * 8, 22).region(Region::Toes).region(higher[i]).sensation(Sensation::Numbness)
            .sensation(Sensation::Pain).onset(Onset::Gradual).lasted(240).worse_at_night();
        if (i == 6) b.spread(Region::Toes, Region::Ankle, SpreadSpeed::Weeks);
        add(d, b);
    }
    return d;
}

// A herniated disc, numbness along the back of the leg, back pain in the check-ins.
inline Diary sciatica_diary() {
    Diary d;
    add(d, fact(1, FactKind::HerniatedDisc, {}, "2024-06-01", "L5-S1"));
    for (int i = 0; i < 6; ++i)
        add(d, EpisodeBuilder(400 + i).day(i * 2, 9).region(Region::Buttock, Side::Left)
                   .region(Region::ThighBack, Side::Left).region(Region::Calf, Side::Left)
                   .sensation(Sensation::Numbness).sensation(Sensation::Tingling)
                   .after(Activity::Standing).lasted(120).onset(Onset::Gradual));
    for (int i = 0; i < 10; ++i)
        add(d, checkin(400 + i, day_date(i), i < 8 ? std::vector{GeneralSymptom::BackPain} : std::vector<GeneralSymptom>{}));
    return d;
}

// Burning and shooting pain at the inner ankle, heel and sole.
inline Diary tarsal_diary() {
    Diary d;
    for (int i = 0; i < 6; ++i)
        add(d, EpisodeBuilder(500 + i).day(i * 3, 18).region(Region::InnerAnkle, Side::Right)
                   .region(Region::Heel, Side::Right).region(Region::Sole, Side::Right)
                   .sensation(Sensation::Numbness).sensation(Sensation::Burning).sensation(Sensation::ShootingPain)
                   .after(Activity::Standing).lasted(60).onset(Onset::Gradual));
    return d;
}

// Calf cramps and numbness while walking that go within minutes of rest.
inline Diary pad_diary() {
    Diary d;
    for (int i = 0; i < 7; ++i)
        add(d, EpisodeBuilder(600 + i).day(i * 2, 11).region(Region::Calf).sensation(Sensation::Numbness)
                   .sensation(Sensation::Cramping).after(Activity::Walking).eased_by(Relief::Rest, 3 + i % 3)
                   .lasted(8).onset(Onset::Gradual));
    return d;
}

// A known growth and numbness that lasts for days.
inline Diary growth_diary() {
    Diary d;
    add(d, fact(1, FactKind::KnownGrowth, {}, "2025-09-01", "cyst near the spine"));
    for (int i = 0; i < 4; ++i) {
        EpisodeBuilder b(700 + i);
        b.day(i * 6, 8).region(Region::Shin, Side::Right).region(Region::TopOfFoot, Side::Right)
            .sensation(Sensation::Numbness).onset(Onset::Gradual);
        if (i == 3) b.still_going(); else b.lasted(3 * 1440);
        add(d, b);
    }
    return d;
}

// 28 drinks a week, low vitamin B12, numb feet and hands.
inline Diary alcohol_diary(double drinks_a_week = 28) {
    Diary d;
    add(d, fact(1, FactKind::AlcoholUse, drinks_a_week, "2018-01-01"));
    if (drinks_a_week >= 8) add(d, fact(2, FactKind::LowVitaminB, {}, "2025-10-01", "B12 low"));
    for (int i = 0; i < 5; ++i)
        add(d, EpisodeBuilder(800 + i).day(i * 4, 7).region(Region::Toes).region(Region::Hand)
                   .sensation(Sensation::Numbness).onset(Onset::Gradual).lasted(300));
    return d;
}

// Four months of check-ins with widespread pain, exhaustion and stiffness; numb,
// tingling hands and feet.
inline Diary fibromyalgia_diary() {
    Diary d;
    for (int i = 0; i < 8; ++i)
        add(d, EpisodeBuilder(900 + i).day(i * 16, 9).region(Region::Hand).region(Region::Toes)
                   .sensation(Sensation::Numbness).sensation(Sensation::Tingling).sensation(Sensation::Pain)
                   .lasted(180).onset(Onset::Gradual));
    for (int i = 0; i < 20; ++i) {
        std::vector<GeneralSymptom> s;
        if (i % 4 != 0) s = {GeneralSymptom::WidespreadPain, GeneralSymptom::Exhaustion, GeneralSymptom::MorningStiffness};
        add(d, checkin(900 + i, day_date(i * 6), s));
    }
    return d;
}

// Numbness alone, over ten days, nothing else reported: argues against fibromyalgia.
inline Diary numbness_only_diary() {
    Diary d;
    for (int i = 0; i < 5; ++i)
        add(d, EpisodeBuilder(1000 + i).day(i * 2, 15).region(Region::Toes).sensation(Sensation::Numbness)
                   .lasted(30).onset(Onset::Gradual));
    for (int i = 0; i < 5; ++i) add(d, checkin(1000 + i, day_date(i * 2), {}, false));
    return d;
}

// Spells of numbness, no trigger, growing stronger and getting in the way of walking.
inline Diary ms_diary() {
    Diary d;
    const int strength[] = {2, 3, 3, 6, 7, 8};
    // Each lasting days (seed: numbness in a region that may last and worsen), later ones with
    // unsteadiness (issue 11: MS's positives include weakness or unsteadiness).
    for (int i = 0; i < 6; ++i) {
        EpisodeBuilder b(1100 + i);
        b.day(i * 7, 14).region(Region::Shin, Side::Left).region(Region::ThighFront, Side::Left)
            .sensation(Sensation::Numbness).numbness(strength[i]).after(Activity::Other).lasted(2880 + 60 * i)
            .effects(i >= 3 ? 2 : 0, 0, i >= 4 ? 2 : 0);
        if (i >= 3) b.sign(Sign::Unsteadiness);
        add(d, b.build());
    }
    return d;
}

// Sudden numbness of the face, arm and hand with face drooping or trouble speaking.
inline Diary stroke_diary() {
    Diary d;
    for (int i = 0; i < 3; ++i)
        add(d, EpisodeBuilder(1200 + i).day(i * 9, 16).region(Region::Face, Side::Left).region(Region::Arm, Side::Left)
                   .region(Region::Hand, Side::Left).sensation(Sensation::Numbness).sensation(Sensation::Weakness)
                   .onset(Onset::Sudden).sign(i == 1 ? Sign::TroubleSpeaking : Sign::FaceDrooping).lasted(15));
    return d;
}

}  // namespace nd::test
