// The fixed vocabulary of features that catalog rules combine (see docs/catalog.md).
// Shared by the catalog loader (which validates rules against it) and the matching
// engine (which evaluates them). Adding a feature kind means adding it here, in
// features.cpp and in match_features.cpp; tuning a cause needs only the catalog.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace nd {

enum class FeatureKind {
    Region,                 // episode: any of the region ids
    Sensation,              // episode: any of the sensation ids
    Activity,               // episode: any of the activity ids before onset
    Relief,                 // episode: any of the relief ids
    ReliefWithin,           // episode: one of the reliefs, eased within `number` minutes
    ShortLasting,           // episode: ended, duration <= `number` minutes
    LongLasting,            // episode: duration >= `number` minutes, or still going
    Onset,                  // episode: onset is one of the ids (sudden, gradual)
    Sign,                   // episode: any of the sign ids
    WorseAtNight,           // episode: recorded as worse at night
    Effect,                 // episode: effect on walking/sleep/work >= `number` (1..3)
    SpreadUpwardFromToes,   // episode: spread from toes/sole to higher, or regions rising over time
    NumbnessOnly,           // episode: numbness with no other sensation, sign or check-in symptom that day
    Recurrent,              // diary: episodes span >= `number` days
    ShortTerm,              // diary: episodes span < `number` days
    Worsening,              // diary: average numbness of the later half exceeds the earlier half by >= `number`
    Background,             // background: a fact of one of the kinds (alcohol_use: amount >= `number`)
    CheckinSymptom,         // check-ins: share of daily check-ins reporting any of the symptoms
    BothSides,              // episode: felt in both legs or feet (a "both sides" mark, or left and right)
    OneSide,                // episode: every leg or foot mark on one side (left or right)
    Stocking,               // episode: both sides, from the toes or sole, nothing above the knee
    GloveStocking,          // episode: the stocking pattern and the hands too
    LegBand,                // episode: one leg, along the back (two of lower back, buttock, back of
                            // the thigh, calf; or a spread from the back or buttock down the leg)
    AgeAtLeast,             // background: age (from the profile's birth date) >= `number` years
};

// True for the episode features a rule may ask as "absent" (see Rule::absent).
bool supports_absent(FeatureKind kind);

// What a feature's `values` hold.
enum class ValueKind {
    None, Region, Sensation, Activity, Relief, Onset, Sign, FactKind, GeneralSymptom, EffectArea,
};

// How a feature's `number` is used.
enum class NumberUse {
    Unused,     // must be absent or 0
    Required,   // must be present and > 0
    Optional,   // may be absent (0 = no threshold)
};

struct FeatureSpec {
    FeatureKind kind;
    const char* name;          // as written in the catalog
    ValueKind values;          // ValueKind::None: `values` must be absent or empty
    bool values_required;      // at least one value needed
    NumberUse number;
    const char* number_unit;   // "minutes", "days", "drinks a week", ... (docs, errors)
};

std::span<const FeatureSpec> feature_specs();
const FeatureSpec* find_feature(std::string_view name);
const FeatureSpec& feature_spec(FeatureKind kind);

// True when `id` is a valid value id for that value kind ("toes" for Region, ...).
bool is_valid_feature_value(ValueKind kind, std::string_view id);
// Plain name of a value kind for messages ("region", "sensation", ...).
const char* value_kind_name(ValueKind kind);

// The three effect areas of an episode, for the Effect feature.
inline constexpr std::string_view kEffectAreas[] = {"walking", "sleep", "work"};

}  // namespace nd
