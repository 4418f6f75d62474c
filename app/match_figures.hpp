// The Causes page's figures (issue 19): the match of the catalog against the diary is
// made by DiaryAnalysis (on a worker on the desktop), so a frame after a change never
// waits for it; the page shows the previous ranking, with a line saying it is being
// updated, until the new one is ready.
//
// The red flags never wait: current_red_flag_groups() takes the figures' flags only for
// the episodes that began before the earliest change since (a flag reads only earlier
// episodes, so theirs cannot have changed) and judges the rest of the diary as it is
// now, in the same frame (a RedFlagWalk from the earliest change: it reads the episodes
// from there on and the few days before, so a change to the newest episode reads days,
// not the whole diary).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog.hpp"
#include "matching.hpp"
#include "model.hpp"
#include "red_flags.hpp"

namespace nd::app {

struct AppState;

// How many episodes an evidence line lists when opened (the rest: "and N more").
inline constexpr std::size_t kEvidenceEpisodesShown = 50;

struct MatchFigures {
    std::uint64_t revision = 0;               // of the diary that was matched
    MatchResult match;                        // its evidence indices point into that diary
    std::vector<LocalTime> flag_starts;       // parallel to match.red_flags: the episodes' starts
    // The ids of the episodes the evidence lines list (the first kEvidenceEpisodesShown of
    // each), by index into the matched diary: found again in a later diary by id.
    std::unordered_map<std::uint32_t, std::string> shown_ids;
};

// The figures for one diary (the worker's copy, or the caller's where there is no worker).
MatchFigures compute_match_figures(const Catalog& catalog, const Diary& diary);
// The figures of a match already made of s.diary (MatchSteps, without a worker): the
// flags' episodes found through s's index of ids, not by a walk over the diary.
MatchFigures match_figures_of(MatchResult&& match, const AppState& s);

// The red flags of s.diary as it is now, grouped by reason, from the flags (newest
// first) and their episodes' starts found at an earlier `revision` (or this one);
// without them (null) the whole diary is judged now.
std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, std::uint64_t revision,
                                                  const std::vector<RedFlag>* flags, const std::vector<LocalTime>* starts);
// The same judging at most `max_judged` episodes now (where there is no worker, so the
// frame stays short): when more began after the earliest change (an edit far back in a
// long diary, a diary read again), only the changed episodes are judged now and every
// other episode keeps its known flags until the figures catch up, a few frames later
// (diary_steps.hpp).
std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, std::uint64_t revision,
                                                  const std::vector<RedFlag>* flags, const std::vector<LocalTime>* starts,
                                                  std::size_t max_judged);
// The same from the Causes page's figures (null: none yet).
std::vector<RedFlagGroup> current_red_flag_groups(const AppState& s, const MatchFigures* figures);
// The starts of the flags' episodes in `diary` (INT64_MIN where not found).
std::vector<LocalTime> flag_starts(const std::vector<RedFlag>& flags, const Diary& diary);

// The episode of s.diary that an evidence index of `figures` names (null: not there any more).
const Episode* evidence_episode(const AppState& s, const MatchFigures& figures, std::uint32_t index);

}  // namespace nd::app
