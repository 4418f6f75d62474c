// A diary for the red-flag and matching slices' tests: what must carry across steps
// (red flags judged against earlier episodes, familiar spreads grouped over time).
#pragma once

#include <cstdint>
#include <random>

#include "demo_diary.hpp"
#include "model.hpp"

namespace nd::test {

// The generated diary (no spreads of its own) with spreads up both calves now and then,
// some along the same path, one of them in the bin, and both-legs entries climbing.
inline Diary diary_with_spreads(std::int64_t kNow = 1'790'000'000) {
    Diary d = make_generated_diary(1500, 7u, kNow);
    std::mt19937 rng(11);
    for (int i = 0; i < 60; ++i) {
        Episode e;
        e.id = uuid_from_rng(rng);
        e.start = {kNow - static_cast<std::int64_t>(rng() % 480) * 86400 - 3600, 60};
        e.regions = {{Region::Calf, i % 3 ? Side::Left : Side::Right}};
        if (i % 7 == 0) e.regions.push_back({Region::Knee, Side::Left});
        e.spread = true;
        e.spread_from = i % 2 ? Region::Ankle : Region::Heel;
        e.spread_to = Region::Calf;
        e.spread_speed = i % 5 ? SpreadSpeed::Minutes : SpreadSpeed::Days;
        if (i % 11 == 0) e.signs = {Sign::LegWeakness};
        if (i == 17) e.deleted_utc = kNow - 100;
        d.episodes.push_back(e);
    }
    for (int i = 0; i < 20; ++i) {   // both feet, then two days later up to both shins
        Episode e;
        e.id = uuid_from_rng(rng);
        e.start = {kNow - (300 - i * 10) * 86400 - (i % 2) * 2 * 86400, 0};
        e.regions = {{Region::Toes, Side::Both}};
        if (i % 2 == 0) e.regions.push_back({Region::Shin, Side::Both});
        d.episodes.push_back(e);
    }
    normalize(d);
    return d;
}


}  // namespace nd::test
