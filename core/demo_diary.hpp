// Deterministic demo and generated diaries: a realistic year of entries for
// showing the app (and for the README's first run), and diaries of any size for
// benchmarks. Same arguments, same diary, on every platform: only std::mt19937
// (fully specified by the standard) is used, never std's distributions (their
// algorithms differ between standard libraries) and never the wall clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "model.hpp"

namespace nd {

// About one year up to `now_utc` of a person in their sixties with type 2
// diabetes since 2019 (about 4 drinks a week, takes metformin):
//  - gradual burning and tingling in the toes and soles of both feet, worse at
//    night, becoming more frequent and rising over the months to the ankles;
//  - now and then a foot that fell asleep after sitting with crossed legs,
//    easing within minutes of moving;
//  - calf cramping on walking that eases after a few minutes of rest;
//  - daily check-ins on many days, some of them "no numbness today";
//  - two MNSI history responses about four months apart (3, then 5 of 13).
// No entry raises a red flag. Times carry a UTC offset of +60 (winter) or +120
// (summer, as in central Europe). Every id is a valid v4 UUID drawn from the rng.
Diary make_demo_diary(std::uint32_t seed, std::int64_t now_utc);

// A diary of exactly `episodes` episodes (a mix of the demo's patterns) spread
// over a period that grows with the count (at least 30 days, ~3 episodes a day),
// ending at `now_utc`, with check-ins on about half the days and the demo's
// background. For benchmarks (1k / 10k / 100k episodes).
Diary make_generated_diary(std::size_t episodes, std::uint32_t seed, std::int64_t now_utc);

// A v4 UUID (lower-case, dashed) drawn from `rng`: deterministic ids for demos and tests.
std::string uuid_from_rng(std::mt19937& rng);

}  // namespace nd
