// red_flags_for(e, store) reads only part of the history (Store::red_flag_history):
// it must give exactly the flags of red_flags_for(e, store.load_diary()), the rule's
// own definition, for every episode of many random diaries rich in what the rule
// reads: spreads from every place and from nowhere known, fast and slow, both legs,
// climbs over a few days, equal start times, deleted episodes.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "demo_diary.hpp"
#include "red_flags.hpp"
#include "store.hpp"

using namespace nd;

namespace {

std::string text_of(const std::vector<RedFlag>& flags) {
    std::ostringstream out;
    for (const auto& f : flags) {
        out << static_cast<int>(f.kind) << ' ' << f.episode_id << ' ' << f.call_emergency << ' ' << f.title << ": ";
        for (const auto& r : f.reasons) out << r << "; ";
        out << '\n';
    }
    return out.str();
}

std::uint32_t pick(std::mt19937& rng, std::uint32_t n) { return rng() % n; }

Episode random_episode(std::mt19937& rng, std::int64_t base) {
    static const Region legs[] = {Region::Toes, Region::Sole, Region::Heel, Region::Ankle, Region::Shin,
                                  Region::Calf, Region::Knee, Region::ThighBack, Region::Buttock, Region::WholeLeg};
    Episode e;
    e.id = uuid_from_rng(rng);
    // Starts on a coarse grid (hours over ~40 days) so that equal starts happen.
    e.start = {base + static_cast<std::int64_t>(pick(rng, 40 * 24)) * 3600, 60};
    e.duration_min = 10;
    const int n_regions = 1 + static_cast<int>(pick(rng, 3));
    for (int i = 0; i < n_regions; ++i)
        e.regions.push_back({legs[pick(rng, 10)], pick(rng, 5) == 0 ? Side::Both : pick(rng, 2) ? Side::Left : Side::Right});
    e.sensations = {Sensation::Numbness};
    if (pick(rng, 2) == 0) {
        e.spread = true;
        if (pick(rng, 4) != 0) e.spread_from = legs[pick(rng, 4)];   // a few places, so paths repeat
        if (pick(rng, 5) != 0) e.spread_to = legs[pick(rng, 10)];
        e.spread_speed = pick(rng, 2) ? SpreadSpeed::Minutes : static_cast<SpreadSpeed>(pick(rng, 5));
    }
    if (pick(rng, 12) == 0) e.signs.push_back(Sign::LegWeakness);
    if (pick(rng, 15) == 0) e.deleted_utc = base;
    e.created_utc = e.updated_utc = base;
    normalize(e);
    return e;
}

}  // namespace

TEST_CASE("Red flags judged from the store's partial history equal those judged from the whole diary") {
    std::size_t flagged = 0, familiar_checked = 0;
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        std::mt19937 rng(seed);
        const std::int64_t base = 1'780'000'000;
        Diary d;
        for (int i = 0; i < 150; ++i) d.episodes.push_back(random_episode(rng, base));
        normalize(d);
        auto store = Store::open_in_memory();
        store->replace_diary(d);
        const Diary loaded = store->load_diary();
        REQUIRE(loaded.episodes.size() == d.episodes.size());
        // Every stored episode (as `log` judges the one it just saved), and new ones
        // not in the store yet, at the same instants as stored ones.
        std::vector<Episode> judged = loaded.episodes;
        for (int i = 0; i < 40; ++i) {
            Episode x = random_episode(rng, base);
            x.deleted_utc.reset();
            if (i % 2 == 0) x.start = loaded.episodes[pick(rng, static_cast<std::uint32_t>(loaded.episodes.size()))].start;
            judged.push_back(x);
        }
        for (const Episode& e : judged) {
            INFO("seed " << seed << ", episode " << e.id);
            const auto whole = red_flags_for(e, loaded);
            const auto partial = red_flags_for(e, *store);
            CHECK(text_of(partial) == text_of(whole));
            flagged += whole.empty() ? 0 : 1;
            // A fast spread that the whole history makes familiar (no flag) while
            // judged alone it warns: the history decided this one.
            if (!e.deleted_utc && whole.empty() && !red_flags_for(e).empty()) ++familiar_checked;
        }
    }
    // The diaries exercised the rule, both ways.
    CHECK(flagged > 100);
    CHECK(familiar_checked > 20);
}

TEST_CASE("The partial history holds no notes and no episode outside what the rule reads") {
    auto store = Store::open_in_memory();
    Episode old_slow;   // long ago, no spread: never needed
    old_slow.id = "0b3a1a5e-1111-4111-8111-111111111111";
    old_slow.start = {1'780'000'000, 0};
    old_slow.regions = {{Region::Toes, Side::Both}};
    old_slow.note = "private words";
    Episode old_spread = old_slow;   // long ago, spread from the buttock: needed for a spread from there
    old_spread.id = "0b3a1a5e-2222-4222-8222-222222222222";
    old_spread.spread = true;
    old_spread.spread_from = Region::Buttock;
    old_spread.spread_to = Region::Calf;
    old_spread.spread_speed = SpreadSpeed::Minutes;
    Episode recent = old_slow;   // within the climbing window
    recent.id = "0b3a1a5e-3333-4333-8333-333333333333";
    recent.start.utc += 30 * 86400;
    for (const auto& e : {old_slow, old_spread, recent}) store->add_episode(e);

    Episode now = recent;
    now.id = "0b3a1a5e-4444-4444-8444-444444444444";
    now.start.utc += 2 * 86400;
    const auto plain = store->red_flag_history(now, kClimbWindowSeconds, false);
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].id == recent.id);
    CHECK(plain[0].note.empty());

    now.spread = true;
    now.spread_from = Region::Buttock;
    now.spread_speed = SpreadSpeed::Minutes;
    CHECK(store->red_flag_history(now, kClimbWindowSeconds, false).size() == 1);
    const auto spreading = store->red_flag_history(now, kClimbWindowSeconds, true);
    REQUIRE(spreading.size() == 2);
    CHECK(spreading[0].id == old_spread.id);
    CHECK(spreading[0].spread_to == Region::Calf);
    CHECK(spreading[1].id == recent.id);

    now.spread_from = Region::Heel;   // another path: the buttock's spread says nothing about it
    CHECK(store->red_flag_history(now, kClimbWindowSeconds, true).size() == 1);
}

// The three ways of judging a diary agree: the walk over the whole diary (red_flags_in),
// each episode against the diary (red_flags_for(e, diary), what a save uses), and the
// episodes from a start time on (red_flags_from, what the Causes page redoes after a
// change), on the same random diaries, with their episodes shuffled out of order too.
TEST_CASE("Red flags of the whole diary, of each episode and from a time on agree") {
    std::size_t flagged = 0;
    for (std::uint32_t seed = 21; seed <= 32; ++seed) {
        std::mt19937 rng(seed);
        const std::int64_t base = 1'780'000'000;
        Diary d;
        for (int i = 0; i < 150; ++i) d.episodes.push_back(random_episode(rng, base));
        if (seed % 2) normalize(d);   // odd seeds in Diary order, even ones as generated
        const auto all = red_flags_in(d);
        flagged += all.size();
        std::vector<RedFlag> each;   // newest first, as red_flags_in
        Diary sorted = d;
        normalize(sorted);
        for (auto it = sorted.episodes.rbegin(); it != sorted.episodes.rend(); ++it)
            for (RedFlag& f : red_flags_for(*it, d)) each.push_back(std::move(f));
        INFO("seed " << seed);
        CHECK(text_of(each) == text_of(all));
        for (int k = 0; k < 8; ++k) {
            const std::int64_t from = d.episodes[pick(rng, 150)].start.utc + (k % 2 ? 0 : 1800);
            std::vector<RedFlag> expected;
            for (const RedFlag& f : all)
                for (const Episode& e : d.episodes)
                    if (e.id == f.episode_id && e.start.utc >= from) {
                        expected.push_back(f);
                        break;
                    }
            INFO("from " << from);
            CHECK(text_of(red_flags_from(d, from)) == text_of(expected));
        }
    }
    CHECK(flagged > 300);
}
