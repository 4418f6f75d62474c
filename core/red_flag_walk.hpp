// red_flags_from() (red_flags.hpp) in slices, for where there is no worker thread.
// Defined in red_flags.cpp, beside the rules it walks with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "model.hpp"

namespace nd {

struct RedFlag;          // red_flags.hpp (included by the users; red_flags.cpp includes this)
struct FamiliarSpread;   // red_flags.hpp

// red_flags_from() in slices, for where there is no worker thread (the web build
// judges the whole diary a slice per frame, app/diary_steps.hpp): the live episodes
// of `diary` that began at or after from_utc, oldest first, each judged against
// every episode before it, exactly as red_flags_in() judges them. `diary.episodes`
// must be in Diary order (normalize) and must neither change nor move while the walk
// lasts: after a change, start a new walk (from the earliest change).
class RedFlagWalk {
public:
    RedFlagWalk(const Diary& diary, std::int64_t from_utc);
    ~RedFlagWalk();
    RedFlagWalk(const RedFlagWalk&) = delete;
    RedFlagWalk& operator=(const RedFlagWalk&) = delete;
    // Judges up to `max_episodes` more (deleted ones count, but are not reported), calling
    // out(episode, its flags) for each live one (no flags: an empty list). True once
    // every episode from from_utc on was judged.
    bool step(std::size_t max_episodes, const std::function<void(const Episode&, std::vector<RedFlag>&&)>& out);
    bool done() const;
    std::size_t remaining() const;   // episodes (deleted ones too) not yet judged
    std::int64_t from_utc() const { return from_; }

private:
    struct State;
    std::unique_ptr<State> st_;
    std::int64_t from_;
};

// scan_red_flags() (red_flags.hpp) in slices: the red flags and the familiar spreads
// of the whole diary, for a match made a slice per frame (MatchSteps, matching.hpp).
// The same order and results as scan_red_flags(), which is this run in one step.
// `diary` must neither change nor move while the scan lasts.
class RedFlagScan {
public:
    explicit RedFlagScan(const Diary& diary);
    // From the live episodes already in order (oldest first, then by id), as MatchSteps
    // gathers them a slice at a time.
    explicit RedFlagScan(std::vector<const Episode*> live_in_order);
    ~RedFlagScan();
    RedFlagScan(const RedFlagScan&) = delete;
    RedFlagScan& operator=(const RedFlagScan&) = delete;
    // Judges up to `max_episodes` more live episodes, oldest first. True once all were.
    bool step(std::size_t max_episodes);
    bool done() const;
    std::size_t remaining() const;   // live episodes not yet judged
    // Once done: the flags, newest episode first, and the familiar spreads, appended.
    void take(std::vector<RedFlag>& flags, std::vector<FamiliarSpread>& familiar);

private:
    struct State;
    std::unique_ptr<State> st_;
};

// red_flags_for(diary.episodes[index], diary) for a diary in Diary order: reads only
// what the rule reads (the climbing window before it, found from its place in the
// list; for a fast spread, the earlier spreads from the same place), so one changed
// episode is judged without a walk over every other episode's id.
std::vector<RedFlag> red_flags_at(const Diary& diary, std::size_t index);

}  // namespace nd
