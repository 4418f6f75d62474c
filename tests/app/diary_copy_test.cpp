// DiaryCopy (app/diary_copy.hpp): the worker's copy of the diary made a slice at a time
// equals the diary, every list and the small records too, whatever the slice size, and
// no slice copies more records than it was given.
#include <catch2/catch.hpp>

#include "demo_diary.hpp"
#include "diary_copy.hpp"

using namespace nd;
using namespace nd::app;

TEST_CASE("A diary copied a slice at a time equals the diary", "[app][steps]") {
    Diary d = make_generated_diary(700, 20261203u, 1'790'000'000);
    d.tombstones.push_back({"t1", "episode", 1'789'000'000});
    d.tombstones.push_back({"t2", "checkin", 1'789'500'000});
    QuestionnaireResponse r;
    r.id = "q1";
    d.questionnaire_responses.push_back(r);
    d.profile.name = "A. Person";
    REQUIRE(d.checkins.size() > 10);
    REQUIRE_FALSE(d.facts.empty());
    const std::size_t records = d.episodes.size() + d.checkins.size() + d.tombstones.size() + d.questionnaire_responses.size();
    for (const std::size_t budget : {std::size_t{1}, std::size_t{7}, std::size_t{256}, records, records * 2}) {
        INFO("budget " << budget);
        DiaryCopy copy;
        std::size_t steps = 0;
        while (!copy.step(d, budget)) {
            ++steps;
            REQUIRE(copy.take() == nullptr);   // nothing to take before it is whole
            REQUIRE(steps < records + 2);
        }
        ++steps;
        CHECK(steps == (records + budget - 1) / budget);   // every slice full but the last
        CHECK(copy.done());
        const auto whole = copy.take();
        REQUIRE(whole);
        CHECK(*whole == d);
    }
}
