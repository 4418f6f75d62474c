// validate(const Diary&) refuses an id used by two records (of any kinds) and a
// second check-in on one date, naming the first problem met in the canonical
// order, whichever way it finds them (a sort of hashes first, the exact sets when
// a hash repeats).
#include <catch2/catch.hpp>

#include <string>

#include "demo_diary.hpp"
#include "serialization.hpp"

using namespace nd;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;

std::string problem(const Diary& d) {
    try {
        validate(d);
        return "";
    } catch (const ImportError& e) {
        return e.what();
    }
}

Diary sample() {
    Diary d = make_generated_diary(200, 11, kNow);
    normalize(d);
    REQUIRE(d.checkins.size() > 20);
    REQUIRE_FALSE(d.facts.empty());
    return d;
}

}  // namespace

TEST_CASE("validate names an id used twice or a second check-in on a date and the first problem met", "[validate]") {
    Diary d = sample();
    REQUIRE(problem(d).empty());

    SECTION("an episode's id used again by a background fact") {
        d.facts[0].id = d.episodes[50].id;
        CHECK(problem(d) == "background fact " + d.episodes[50].id + ": id is used by more than one record");
    }
    SECTION("two episodes with one id: the later one is named") {
        d.episodes[80].id = d.episodes[20].id;
        CHECK(problem(d) == "episode " + d.episodes[20].id + ": id is used by more than one record");
    }
    SECTION("a second check-in on a date") {
        d.checkins[11].date = d.checkins[10].date;
        CHECK(problem(d) == "check-in " + d.checkins[11].id + ": date " + d.checkins[10].date +
                                " has a second check-in");
    }
    SECTION("a bad note in an episode before an id used twice: the note is named") {
        d.episodes[5].note = "a\xff" "b";
        d.facts[0].id = d.episodes[50].id;
        CHECK(problem(d) == "episode " + d.episodes[5].id + ": note is not valid UTF-8 text");
    }
    SECTION("an id used twice before a bad check-in: the id is named") {
        d.episodes[80].id = d.episodes[20].id;
        d.checkins[3].note = "a\xff" "b";
        CHECK(problem(d) == "episode " + d.episodes[20].id + ": id is used by more than one record");
    }
}
