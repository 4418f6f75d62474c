// Internal to matching: evaluates one catalog rule (a feature from features.hpp
// with its parameters) on the live part of a diary. Not part of the public API.
#pragma once

#include <string>
#include <vector>

#include "catalog.hpp"
#include "features.hpp"
#include "model.hpp"

namespace nd::detail {

// The live (non-deleted) records of a diary in a canonical order, so matching does
// not depend on the order the caller handed them in.
struct MatchContext {
    std::vector<const Episode*> episodes;        // by start.utc, then id
    std::vector<const CheckIn*> checkins;        // by date, then id
    std::vector<const BackgroundFact*> facts;    // by id
};

MatchContext make_context(const Diary& diary);

struct FeatureOutcome {
    bool applicable = false;      // false: the diary cannot say (too little data); fraction is 0
    double fraction = 0;          // 0..1: how much of the diary shows the feature
    std::string text;             // evidence wording when fraction > 0
    std::vector<std::string> episode_ids;
    std::vector<std::string> fact_ids;   // background facts or check-ins
    std::vector<std::string> unknowns;   // what the diary does not record for this rule
};

FeatureOutcome evaluate(const Rule& rule, const MatchContext& ctx);

// "3", "2.5"
std::string format_number(double v);

}  // namespace nd::detail
