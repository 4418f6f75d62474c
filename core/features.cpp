#include "features.hpp"

#include <array>

#include "enum_names.hpp"

namespace nd {

namespace {

using FK = FeatureKind;
using VK = ValueKind;
using NU = NumberUse;

constexpr std::array<FeatureSpec, 24> kFeatures{{
    {FK::Region, "region", VK::Region, true, NU::Unused, ""},
    {FK::Sensation, "sensation", VK::Sensation, true, NU::Unused, ""},
    {FK::Activity, "activity", VK::Activity, true, NU::Unused, ""},
    {FK::Relief, "relief", VK::Relief, true, NU::Unused, ""},
    {FK::ReliefWithin, "relief_within", VK::Relief, true, NU::Required, "minutes"},
    {FK::ShortLasting, "short_lasting", VK::None, false, NU::Required, "minutes"},
    {FK::LongLasting, "long_lasting", VK::None, false, NU::Required, "minutes"},
    {FK::Onset, "onset", VK::Onset, true, NU::Unused, ""},
    {FK::Sign, "sign", VK::Sign, true, NU::Unused, ""},
    {FK::WorseAtNight, "worse_at_night", VK::None, false, NU::Unused, ""},
    {FK::Effect, "effect", VK::EffectArea, true, NU::Required, "level (1 a little, 2 a lot, 3 could not)"},
    {FK::SpreadUpwardFromToes, "spread_upward_from_toes", VK::None, false, NU::Unused, ""},
    {FK::NumbnessOnly, "numbness_only", VK::None, false, NU::Unused, ""},
    {FK::Recurrent, "recurrent", VK::None, false, NU::Required, "days"},
    {FK::ShortTerm, "short_term", VK::None, false, NU::Required, "days"},
    {FK::Worsening, "worsening", VK::None, false, NU::Required, "points of numbness (0..10)"},
    {FK::Background, "background", VK::FactKind, true, NU::Optional, "drinks a week (alcohol_use only)"},
    {FK::CheckinSymptom, "checkin_symptom", VK::GeneralSymptom, true, NU::Unused, ""},
    {FK::BothSides, "both_sides", VK::None, false, NU::Unused, ""},
    {FK::OneSide, "one_side", VK::None, false, NU::Unused, ""},
    {FK::Stocking, "stocking", VK::None, false, NU::Unused, ""},
    {FK::GloveStocking, "glove_stocking", VK::None, false, NU::Unused, ""},
    {FK::LegBand, "leg_band", VK::None, false, NU::Unused, ""},
    {FK::AgeAtLeast, "age_at_least", VK::None, false, NU::Required, "years"},
}};

template <class E>
bool valid(std::string_view id) {
    return enum_from_id<E>(id).has_value();
}

}  // namespace

std::span<const FeatureSpec> feature_specs() { return kFeatures; }

bool supports_absent(FeatureKind kind) {
    switch (kind) {
        case FK::Region: case FK::Sensation: case FK::Activity: case FK::Relief: case FK::Onset: case FK::Sign:
            return true;
        default: return false;
    }
}

const FeatureSpec* find_feature(std::string_view name) {
    for (const auto& f : kFeatures)
        if (name == f.name) return &f;
    return nullptr;
}

const FeatureSpec& feature_spec(FeatureKind kind) {
    for (const auto& f : kFeatures)
        if (f.kind == kind) return f;
    return kFeatures.front();  // unreachable: every kind has an entry
}

bool is_valid_feature_value(ValueKind kind, std::string_view id) {
    switch (kind) {
        case VK::None: return false;
        case VK::Region: return valid<Region>(id);
        case VK::Sensation: return valid<Sensation>(id);
        case VK::Activity: return valid<Activity>(id);
        case VK::Relief: return valid<Relief>(id);
        case VK::Onset: return id != "unknown" && valid<nd::Onset>(id);
        case VK::Sign: return valid<nd::Sign>(id);
        case VK::FactKind: return valid<nd::FactKind>(id);
        case VK::GeneralSymptom: return valid<GeneralSymptom>(id);
        case VK::EffectArea:
            for (auto a : kEffectAreas)
                if (a == id) return true;
            return false;
    }
    return false;
}

const char* value_kind_name(ValueKind kind) {
    switch (kind) {
        case VK::None: return "none";
        case VK::Region: return "region";
        case VK::Sensation: return "sensation";
        case VK::Activity: return "activity";
        case VK::Relief: return "relief";
        case VK::Onset: return "onset";
        case VK::Sign: return "sign";
        case VK::FactKind: return "background fact kind";
        case VK::GeneralSymptom: return "check-in symptom";
        case VK::EffectArea: return "effect area (walking, sleep, work)";
    }
    return "?";
}

}  // namespace nd
