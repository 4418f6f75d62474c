// Internal to matching: evaluates one catalog rule (a feature from features.hpp
// with its parameters) on the live part of a diary. Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "features.hpp"
#include "model.hpp"

namespace nd::detail {

// What the episode-level features read of one episode, computed once per match
// (one pass over the diary) so that every rule is a few bit tests per episode.
// Kept small (16 bytes): every rule scans all of them.
struct EpisodeFacts {
    std::uint32_t regions = 0;         // bit per Region of its region marks
    std::uint16_t sensations = 0;      // bit per Sensation
    std::uint16_t activities = 0;      // bit per Activity
    std::uint16_t reliefs = 0;         // bit per Relief
    std::uint16_t signs = 0;           // bit per Sign
    std::uint8_t onset = 0;            // the Onset's value
    std::int8_t highest_level = -1;    // highest leg level reached (regions and spread_to)
    std::uint8_t flags = 0;            // kOngoing, ...
    std::uint8_t shape = 0;            // kBothSides, ...: where it was felt, as a clinician reads it

    static constexpr std::uint8_t kOngoing = 1, kHasDuration = 2, kHasReliefAfter = 4, kWorseAtNight = 8,
                                  kStartsAtToes = 16, kSpreadUpFromToes = 32, kNumbnessOnly = 64,
                                  // It might raise a red flag (a sign, a spread, a face, arm, hand or
                                  // saddle region): only these are given to red_flags_for().
                                  kMayRedFlag = 128;
    static constexpr std::uint8_t kBothSides = 1, kOneSide = 2, kStocking = 4, kGloveStocking = 8, kLegBand = 16;
};

// The numbers of an episode, read by the few rules with a threshold.
struct EpisodeNumbers {
    std::int32_t duration_min = 0;     // valid with kHasDuration
    std::int32_t relief_after_min = 0; // valid with kHasReliefAfter
    std::int32_t effect_walking = 0, effect_sleep = 0, effect_work = 0;
    std::int32_t numbness = -1;        // 0..10; -1: not rated (unknown, never read as 0)
};

// The live (non-deleted) records of a diary in a canonical order, so matching does
// not depend on the order the caller handed them in.
struct MatchContext {
    std::vector<const Episode*> episodes;        // by start.utc, then id
    std::vector<std::uint32_t> diary_index;      // diary_index[i]: index of episodes[i] in Diary::episodes
    std::vector<EpisodeFacts> facts_of;          // facts_of[i] describes episodes[i]
    std::vector<EpisodeNumbers> numbers_of;      // numbers_of[i] too
    std::vector<const CheckIn*> checkins;        // by date, then id
    std::vector<const BackgroundFact*> facts;    // by id
    LocalDate birth_date;                        // the profile's (may be empty or invalid)
    // How many live episodes leave a field unrecorded (for the unknowns lines).
    int no_regions = 0, no_sensations = 0, no_activities = 0, no_reliefs = 0, no_relief_time = 0,
        no_duration = 0, no_onset = 0, no_night = 0, no_spread_ends = 0;
    // The earliest episode that began at the toes or sole (index into episodes), or -1.
    std::int64_t first_toes = -1;
};

MatchContext make_context(const Diary& diary);

// make_context() in slices, for a match made a slice per frame (MatchSteps): the
// constructor does the cheap part (the orders, the check-ins, the background), each
// step the facts of a few more episodes. make_context() is this run in one step.
// `diary` must neither change nor move until take().
class ContextSteps {
public:
    explicit ContextSteps(const Diary& diary);
    // With the live episodes already in order (by start, then id): MatchSteps gathers
    // them a slice at a time, so no step walks the whole diary.
    ContextSteps(const Diary& diary, std::vector<const Episode*> live_in_order);
    bool step(std::size_t max_episodes);   // true once every live episode has its facts
    bool done() const { return next_ >= ctx_.episodes.size(); }
    std::size_t remaining() const { return done() ? 0 : ctx_.episodes.size() - next_; }
    MatchContext take() { return std::move(ctx_); }

private:
    void add_facts(std::size_t i);

    MatchContext ctx_;
    std::vector<std::int64_t> symptom_days_;   // check-ins with a general symptom, as day numbers
    std::size_t next_ = 0;
};

struct FeatureOutcome {
    bool applicable = false;      // false: the diary cannot say (too little data); fraction is 0
    double fraction = 0;          // 0..1: how much of the diary shows the feature
    std::string text;             // evidence wording when fraction > 0
    // Indices into Diary::episodes (MatchContext::diary_index of the rule's episodes), in the
    // order of MatchContext::episodes (time order).
    std::vector<std::uint32_t> episodes;
    std::vector<std::string> fact_ids;    // background facts or check-ins
    std::vector<std::string> unknowns;    // what the diary does not record for this rule
    std::string detail;                   // background: the person's own words ("type 2 diabetes")
    bool from_episodes = false;           // rests on episodes (not on the background or check-ins)
};

FeatureOutcome evaluate(const Rule& rule, const MatchContext& ctx);

// "3", "2.5"
std::string format_number(double v);

}  // namespace nd::detail
