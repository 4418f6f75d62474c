// The red-flag scan at 100k episodes (issue 19): what the Causes page needs current in
// the frame right after a change (docs/performance.md, "Frames right after a change").
//   BM_RedFlagScan       every red flag and familiar spread of the whole diary
//   BM_RedFlagGroups     grouping the flags by reason (the Causes page's cards)
//   BM_RedFlagsFrom      the flags of the episodes from a start time on (the newest
//                        day here), the rest of the diary read only as history
//   BM_RedFlagsForOne    one new episode judged against the whole diary (a save)
#include <benchmark/benchmark.h>

#include "demo_diary.hpp"
#include "red_flags.hpp"

namespace {

constexpr std::int64_t kNow = 1'790'000'000;
constexpr std::uint32_t kSeed = 20260921u;

const nd::Diary& diary_100k() {
    static const nd::Diary d = nd::make_generated_diary(100'000, kSeed, kNow);
    return d;
}

void BM_RedFlagScan(benchmark::State& state) {
    const nd::Diary& d = diary_100k();
    std::size_t n = 0;
    for (auto _ : state) {
        std::vector<nd::RedFlag> flags;
        std::vector<nd::FamiliarSpread> familiar;
        nd::scan_red_flags(d, flags, familiar);
        n = flags.size();
        benchmark::DoNotOptimize(flags.data());
    }
    state.counters["flags"] = static_cast<double>(n);
}
BENCHMARK(BM_RedFlagScan)->Unit(benchmark::kMillisecond);

void BM_RedFlagGroups(benchmark::State& state) {
    const nd::Diary& d = diary_100k();
    const std::vector<nd::RedFlag> flags = nd::red_flags_in(d);
    for (auto _ : state) benchmark::DoNotOptimize(nd::group_red_flags(flags, d));
}
BENCHMARK(BM_RedFlagGroups)->Unit(benchmark::kMillisecond);

void BM_RedFlagsFrom(benchmark::State& state) {
    const nd::Diary& d = diary_100k();
    const std::int64_t from = d.episodes.back().start.utc - 86400;
    for (auto _ : state) benchmark::DoNotOptimize(nd::red_flags_from(d, from));
}
BENCHMARK(BM_RedFlagsFrom)->Unit(benchmark::kMillisecond);

void BM_RedFlagsForOne(benchmark::State& state) {
    const nd::Diary& d = diary_100k();
    nd::Episode e = d.episodes.back();
    e.id = "new";
    e.start.utc += 60;
    for (auto _ : state) benchmark::DoNotOptimize(nd::red_flags_for(e, d));
}
BENCHMARK(BM_RedFlagsForOne)->Unit(benchmark::kMillisecond);

}  // namespace
