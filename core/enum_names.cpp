#include "enum_names.hpp"

#include <array>
#include <cctype>

namespace nd {

namespace {

constexpr std::array<EnumEntry<Side>, 4> kSides{{
    {Side::Left, "left", "Left"},
    {Side::Right, "right", "Right"},
    {Side::Both, "both", "Both sides"},
    {Side::Middle, "middle", "Middle"},
}};

constexpr std::array<EnumEntry<Region>, 20> kRegions{{
    {Region::Toes, "toes", "Toes"},
    {Region::Sole, "sole", "Sole of the foot"},
    {Region::TopOfFoot, "top_of_foot", "Top of the foot"},
    {Region::Heel, "heel", "Heel"},
    {Region::InnerAnkle, "inner_ankle", "Inner ankle"},
    {Region::Ankle, "ankle", "Ankle"},
    {Region::Shin, "shin", "Shin"},
    {Region::Calf, "calf", "Calf"},
    {Region::Knee, "knee", "Knee"},
    {Region::ThighFront, "thigh_front", "Front of the thigh"},
    {Region::ThighBack, "thigh_back", "Back of the thigh"},
    {Region::Hip, "hip", "Hip"},
    {Region::Buttock, "buttock", "Buttock"},
    {Region::SaddleArea, "saddle_area", "Saddle area (inner thighs, groin, seat)"},
    {Region::LowerBack, "lower_back", "Lower back"},
    {Region::WholeLeg, "whole_leg", "Whole leg"},
    {Region::Hand, "hand", "Hand"},
    {Region::Arm, "arm", "Arm"},
    {Region::Face, "face", "Face"},
    {Region::WholeFoot, "whole_foot", "Whole foot"},
}};

constexpr std::array<EnumEntry<Sensation>, 7> kSensations{{
    {Sensation::Numbness, "numbness", "Numbness"},
    {Sensation::Tingling, "tingling", "Tingling, pins and needles"},
    {Sensation::Burning, "burning", "Burning"},
    {Sensation::ShootingPain, "shooting_pain", "Shooting or electric pain"},
    {Sensation::Pain, "pain", "Aching pain"},
    {Sensation::Cramping, "cramping", "Cramping"},
    {Sensation::Weakness, "weakness", "Weakness"},
}};

constexpr std::array<EnumEntry<Activity>, 11> kActivities{{
    {Activity::CrossedLegs, "crossed_legs", "Sitting with legs crossed"},
    {Activity::LongSitting, "long_sitting", "Sitting for a long time"},
    {Activity::Kneeling, "kneeling", "Kneeling"},
    {Activity::SittingOnFeet, "sitting_on_feet", "Sitting on my feet"},
    {Activity::TightClothing, "tight_clothing", "Tight shoes, socks or trousers"},
    {Activity::Walking, "walking", "Walking"},
    {Activity::Standing, "standing", "Standing"},
    {Activity::LyingDown, "lying_down", "Lying down or sleeping"},
    {Activity::Exercise, "exercise", "Exercise or sport"},
    {Activity::Injury, "injury", "A fall or injury"},
    {Activity::Other, "other", "Something else"},
}};

constexpr std::array<EnumEntry<Relief>, 7> kReliefs{{
    {Relief::MovingOrChangingPosition, "moving", "Moving or changing position"},
    {Relief::Rest, "rest", "Resting"},
    {Relief::Stretching, "stretching", "Stretching"},
    {Relief::LooseningClothing, "loosening_clothing", "Loosening shoes or clothes"},
    {Relief::Warmth, "warmth", "Warmth"},
    {Relief::Medicine, "medicine", "Medicine"},
    {Relief::Nothing, "nothing", "Nothing helped"},
}};

constexpr std::array<EnumEntry<Sign>, 8> kSigns{{
    {Sign::LegWeakness, "leg_weakness", "Leg weakness"},
    {Sign::ArmWeakness, "arm_weakness", "Arm weakness"},
    {Sign::FaceDrooping, "face_drooping", "Face drooping"},
    {Sign::TroubleSpeaking, "trouble_speaking", "Trouble speaking"},
    {Sign::Confusion, "confusion", "Confusion"},
    {Sign::VisionChange, "vision_change", "Change in vision"},
    {Sign::BladderBowelLoss, "bladder_bowel_loss", "Loss of bladder or bowel control"},
    {Sign::Unsteadiness, "unsteadiness", "Unsteady on my feet"},
}};

constexpr std::array<EnumEntry<Onset>, 3> kOnsets{{
    {Onset::Unknown, "unknown", "Not sure"},
    {Onset::Sudden, "sudden", "Suddenly"},
    {Onset::Gradual, "gradual", "Gradually"},
}};

constexpr std::array<EnumEntry<SpreadSpeed>, 5> kSpreadSpeeds{{
    {SpreadSpeed::Unknown, "unknown", "Not sure"},
    {SpreadSpeed::Minutes, "minutes", "Within minutes"},
    {SpreadSpeed::Hours, "hours", "Over hours"},
    {SpreadSpeed::Days, "days", "Over days"},
    {SpreadSpeed::Weeks, "weeks", "Over weeks"},
}};

constexpr std::array<EnumEntry<TriState>, 3> kTriStates{{
    {TriState::Unknown, "unknown", "Not sure"},
    {TriState::Yes, "yes", "Yes"},
    {TriState::No, "no", "No"},
}};

constexpr std::array<EnumEntry<GeneralSymptom>, 7> kGeneralSymptoms{{
    {GeneralSymptom::WidespreadPain, "widespread_pain", "Pain in many parts of the body"},
    {GeneralSymptom::MorningStiffness, "morning_stiffness", "Stiff and sore in the morning"},
    {GeneralSymptom::Exhaustion, "exhaustion", "Exhausted"},
    {GeneralSymptom::IrritableBowel, "irritable_bowel", "Irritable bowel"},
    {GeneralSymptom::MemoryOrThinking, "memory_or_thinking", "Memory or thinking problems"},
    {GeneralSymptom::RestlessLegs, "restless_legs", "Restless legs"},
    {GeneralSymptom::BackPain, "back_pain", "Back pain"},
}};

constexpr std::array<EnumEntry<FactKind>, 11> kFactKinds{{
    {FactKind::Diabetes, "diabetes", "Diabetes"},
    {FactKind::AlcoholUse, "alcohol_use", "Alcohol (drinks a week)"},
    {FactKind::LowVitaminB, "low_vitamin_b", "Low vitamin B1, B9 or B12"},
    {FactKind::Whiplash, "whiplash", "Whiplash"},
    {FactKind::HerniatedDisc, "herniated_disc", "Slipped or herniated disc"},
    {FactKind::HipDislocation, "hip_dislocation", "Hip dislocation"},
    {FactKind::FootAnkleInjury, "foot_ankle_injury", "Foot or ankle injury"},
    {FactKind::OtherInjury, "other_injury", "Other injury"},
    {FactKind::BackProblem, "back_problem", "Other back problem"},
    {FactKind::KnownGrowth, "known_growth", "A known tumour, cyst or growth"},
    {FactKind::OtherDiagnosis, "other_diagnosis", "Other diagnosis"},
}};

}  // namespace

template <> std::span<const EnumEntry<Side>> enum_entries<Side>() { return kSides; }
template <> std::span<const EnumEntry<Region>> enum_entries<Region>() { return kRegions; }
template <> std::span<const EnumEntry<Sensation>> enum_entries<Sensation>() { return kSensations; }
template <> std::span<const EnumEntry<Activity>> enum_entries<Activity>() { return kActivities; }
template <> std::span<const EnumEntry<Relief>> enum_entries<Relief>() { return kReliefs; }
template <> std::span<const EnumEntry<Sign>> enum_entries<Sign>() { return kSigns; }
template <> std::span<const EnumEntry<Onset>> enum_entries<Onset>() { return kOnsets; }
template <> std::span<const EnumEntry<SpreadSpeed>> enum_entries<SpreadSpeed>() { return kSpreadSpeeds; }
template <> std::span<const EnumEntry<TriState>> enum_entries<TriState>() { return kTriStates; }
template <> std::span<const EnumEntry<GeneralSymptom>> enum_entries<GeneralSymptom>() { return kGeneralSymptoms; }
template <> std::span<const EnumEntry<FactKind>> enum_entries<FactKind>() { return kFactKinds; }

std::string describe(const RegionMark& m) {
    std::string region(enum_label(m.region));
    for (auto& c : region) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    switch (m.side) {
        case Side::Left: return "left " + region;
        case Side::Right: return "right " + region;
        case Side::Both: return region + " (both sides)";
        case Side::Middle: return region;
    }
    return region;
}

}  // namespace nd
