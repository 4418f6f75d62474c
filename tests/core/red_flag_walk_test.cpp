// RedFlagWalk and red_flags_at (core/red_flag_walk.hpp): the web build's way to judge
// red flags a slice at a time and one changed episode at a time (issue 19). Both must
// say exactly what red_flags_from() and red_flags_for(e, diary) say, over a generated
// diary with fast spreads along repeated paths (familiar the second time), a deleted
// one, and numbness climbing both legs over entries (docs/clinical.md's rules).
#include <catch2/catch.hpp>

#include <random>
#include <sstream>

#include "demo_diary.hpp"
#include "spread_diary.hpp"
#include "red_flag_walk.hpp"
#include "red_flags.hpp"
#include "time_util.hpp"

using namespace nd;
using nd::test::diary_with_spreads;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;

std::string text(const std::vector<RedFlag>& flags) {
    std::ostringstream o;
    for (const RedFlag& f : flags) {
        o << static_cast<int>(f.kind) << " " << f.episode_id << " " << f.title;
        for (const std::string& r : f.reasons) o << " | " << r;
        o << "\n";
    }
    return o.str();
}

}  // namespace

TEST_CASE("A red-flag walk in slices says what red_flags_from says, from any point", "[red_flags][steps]") {
    const Diary d = diary_with_spreads();
    REQUIRE(!red_flags_in(d).empty());
    for (const std::size_t at : {std::size_t{0}, d.episodes.size() / 3, d.episodes.size() - 200, d.episodes.size() - 1}) {
        const std::int64_t from = at == 0 ? INT64_MIN : d.episodes[at].start.utc;
        INFO("from episode " << at);
        RedFlagWalk walk(d, from);
        std::vector<std::vector<RedFlag>> per;
        int slices = 0;
        while (!walk.step(37, [&](const Episode&, std::vector<RedFlag>&& f) {
            if (!f.empty()) per.push_back(std::move(f));
        }))
            ++slices;
        std::vector<RedFlag> flags;   // newest first, as red_flags_from lists them
        for (auto it = per.rbegin(); it != per.rend(); ++it)
            for (RedFlag& f : *it) flags.push_back(std::move(f));
        CHECK(text(flags) == text(red_flags_from(d, from)));
        CHECK(walk.remaining() == 0);
        if (d.episodes.size() - at > 37) CHECK(slices >= static_cast<int>((d.episodes.size() - at) / 37) - 1);
    }
}

TEST_CASE("One episode judged in its place says what red_flags_for says", "[red_flags][steps]") {
    const Diary d = diary_with_spreads();
    int flagged = 0;
    for (std::size_t i = 0; i < d.episodes.size(); ++i) {
        const std::vector<RedFlag> got = red_flags_at(d, i);
        const std::vector<RedFlag> want = d.episodes[i].deleted_utc ? std::vector<RedFlag>{} : red_flags_for(d.episodes[i], d);
        INFO("episode " << i);
        CHECK(text(got) == text(want));
        flagged += !want.empty();
    }
    CHECK(flagged > 10);
}
