// Red flags: signs in an episode that need urgent care. Fixed in code, never in the
// catalog, so tuning a cause can never hide one; never behind a score. The rules and
// their sources are in docs/clinical.md ("Red flags").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model.hpp"

namespace nd {

class Store;

enum class RedFlagKind {
    StrokeSigns,               // FAST signs; sudden (or not known) numbness of face, arm or hand
    SaddleOrBladder,           // saddle numbness; loss of bladder or bowel control
    RapidSpreadOrLegWeakness,  // a new fast spread; a weak leg
    ClimbingBothLegs,          // numbness or weakness climbing both legs over hours to days
};

struct RedFlag {
    RedFlagKind kind;
    std::string episode_id;
    bool call_emergency = false;              // stroke signs: call emergency services now
    std::string title;                        // "Possible stroke signs"
    std::string advice;                       // what to do
    std::vector<std::string> reasons;         // what in the episode raised it
};

// Red flags of one episode judged on its own, as if nothing had been logged before: a
// fast spread always counts as new. Empty for a foot that fell asleep.
std::vector<RedFlag> red_flags_for(const Episode& e);
// Red flags of `e` given the diary it belongs to (or is about to join): only live
// episodes of `history` that began before `e` (any other id) count as "before". A fast
// spread along a path already logged, reaching no further, on one leg and with no sign,
// is familiar: no flag (see familiar_spreads()). Use this one when saving an episode.
std::vector<RedFlag> red_flags_for(const Episode& e, const Diary& history);
// red_flags_for(e, store.load_diary()) reading from the store only what the rule looks
// at (Store::red_flag_history: the episodes of the climbing window and, for a fast
// spread, the earlier spreads from the same place; no notes): what
// `numbness-diary-cli log` uses, so a save does not load the whole diary.
std::vector<RedFlag> red_flags_for(const Episode& e, const Store& store);
// How far back an earlier both-legs entry counts for numbness climbing both legs over
// several entries ("over hours to days").
inline constexpr std::int64_t kClimbWindowSeconds = 3 * 86400;
// Every red flag of the live episodes of a diary, newest episode first.
std::vector<RedFlag> red_flags_in(const Diary& diary);
// The red flags of the live episodes that began at or after from_utc, newest episode
// first, each judged against the whole diary: red_flags_in(diary) restricted to those
// episodes (a change at or after from_utc changes no flag of an earlier episode, since a
// flag reads only the episodes before it). What the Causes page redoes after a change.
std::vector<RedFlag> red_flags_from(const Diary& diary, std::int64_t from_utc);

// True when `e` raises a red flag within `diary` (the Diary list, the editor and the
// exports mark such an episode). Same rule as red_flags_for(e, diary).
bool is_red_flag_episode(const Episode& e, const Diary& diary);
// Ids of every live episode of the diary that raises a red flag, sorted (for
// std::binary_search when marking many rows).
std::vector<std::string> red_flag_episode_ids(const Diary& diary);

// Numbness of the face, arm or hand (which covers a leg together with the arm or face
// on the same side) with the onset left unknown: before saving, the Log asks "Did it
// come on suddenly?". A leg or foot alone never needs it.
bool needs_sudden_onset_question(const Episode& e);

// A flag that repeats for the same reason, shown once: its count and dates.
struct RedFlagGroup {
    RedFlagKind kind;
    bool call_emergency = false;
    std::string title;
    std::string advice;
    std::vector<std::string> reasons;         // the shared reasons
    int count = 0;                            // episodes raising it
    std::vector<std::string> episode_ids;     // oldest first
    std::vector<LocalDate> dates;             // local dates of those episodes, oldest first
};
// Groups flags of the same kind and reasons; groups in the order of their newest episode
// (newest first), like red_flags_in().
std::vector<RedFlagGroup> group_red_flags(const std::vector<RedFlag>& flags, const Diary& diary);
// The same with each flag's episode start given (parallel to flags; null: not in the
// diary, counted without a date), for flags whose episodes are in different copies.
std::vector<RedFlagGroup> group_red_flags(const std::vector<RedFlag>& flags, const std::vector<const LocalTime*>& starts);

// A fast spread already logged along the same path without signs: a pattern, not an alarm.
struct FamiliarSpread {
    std::string path;                         // "from the buttock to the calf, left leg"
    int count = 0;                            // familiar repeats (the first, flagged one excluded)
    std::vector<std::string> episode_ids;     // oldest first
    std::vector<LocalDate> dates;
};
std::vector<FamiliarSpread> familiar_spreads(const Diary& diary);
// Both in one pass over the diary (what nd::match uses).
void scan_red_flags(const Diary& diary, std::vector<RedFlag>& flags, std::vector<FamiliarSpread>& familiar);

// "3 times: 2 Mar, 5 Mar and 9 Mar" style summary of a group's dates: "once, on
// 2026-03-02" / "3 times, 2026-03-02 to 2026-03-09".
std::string count_and_dates(int count, const std::vector<LocalDate>& dates);

}  // namespace nd
