// Red flags: fixed in code, not in the catalog, so tuning a cause can never hide one.
// Sources: NHS FAST stroke signs, CDC stroke signs, Cleveland Clinic's advice on when
// numbness needs urgent care (see ../shared/notes/domain.md and docs/catalog.md).
#include "matching.hpp"

#include "enum_names.hpp"

namespace nd {

namespace {

bool has_region(const Episode& e, Region r) {
    for (const auto& m : e.regions)
        if (m.region == r) return true;
    return false;
}

std::string label(Sign s) { return std::string(enum_label(s)); }

}  // namespace

std::vector<RedFlag> red_flags_for(const Episode& e) {
    std::vector<RedFlag> flags;
    if (e.deleted_utc) return flags;
    const bool sudden = e.onset == Onset::Sudden;

    // Stroke signs. FAST signs (face drooping, arm weakness, trouble speaking) count
    // whatever the onset; confusion, sight change and numbness of the face, arm or hand
    // count when it came on suddenly.
    {
        std::vector<std::string> reasons;
        for (Sign s : {Sign::FaceDrooping, Sign::ArmWeakness, Sign::TroubleSpeaking})
            if (contains(e.signs, s)) reasons.push_back(label(s));
        if (sudden) {
            for (Sign s : {Sign::Confusion, Sign::VisionChange})
                if (contains(e.signs, s)) reasons.push_back(label(s));
            for (Region r : {Region::Face, Region::Arm, Region::Hand})
                if (has_region(e, r)) reasons.push_back("Numbness reached the " + std::string(enum_id(r)));
        }
        if (!reasons.empty()) {
            if (sudden) reasons.insert(reasons.begin(), "Came on suddenly");
            flags.push_back({RedFlagKind::StrokeSigns, e.id, true, "Possible stroke signs",
                             "Call emergency services now (999, 911 or 112). Do not wait to see if it passes, "
                             "and do not drive yourself.",
                             reasons});
        }
    }

    // Saddle area numbness or loss of bladder or bowel control.
    {
        std::vector<std::string> reasons;
        if (has_region(e, Region::SaddleArea)) reasons.push_back("Numbness in the saddle area");
        if (contains(e.signs, Sign::BladderBowelLoss)) reasons.push_back(label(Sign::BladderBowelLoss));
        if (!reasons.empty())
            flags.push_back({RedFlagKind::SaddleOrBladder, e.id, false,
                             "Saddle area numbness or loss of bladder or bowel control",
                             "Get urgent medical care today: go to an emergency department or urgent care now.",
                             reasons});
    }

    // Fast spread, or new weakness of a whole leg.
    {
        std::vector<std::string> reasons;
        if (e.spread && (e.spread_speed == SpreadSpeed::Minutes || e.spread_speed == SpreadSpeed::Hours))
            reasons.push_back(e.spread_speed == SpreadSpeed::Minutes ? "Spread within minutes" : "Spread within hours");
        if (contains(e.signs, Sign::LegWeakness) && has_region(e, Region::WholeLeg))
            reasons.push_back("Weakness of a whole leg");
        if (!reasons.empty())
            flags.push_back({RedFlagKind::RapidSpreadOrLegWeakness, e.id, false,
                             "Numbness spreading fast or a weak leg",
                             "Get urgent medical care today: contact urgent care or an emergency department.",
                             reasons});
    }
    return flags;
}

}  // namespace nd
