#include <catch2/catch.hpp>

#include "catalog.hpp"
#include "diary_builders.hpp"
#include "matching.hpp"

using namespace nd;
using namespace nd::test;
using Catch::Contains;

namespace {

bool has_kind(const std::vector<RedFlag>& flags, RedFlagKind k) {
    for (const auto& f : flags)
        if (f.kind == k) return true;
    return false;
}

EpisodeBuilder numb_leg(long long n) {
    EpisodeBuilder b(n);
    b.day(0, 9).region(Region::Calf, Side::Left).sensation(Sensation::Numbness);
    return b;
}

}  // namespace

TEST_CASE("A foot that fell asleep raises no red flag") {
    CHECK(red_flags_for(fallen_asleep_foot(1, 0)).empty());
    // Kneeling or sitting on the feet, numb whole foot, eased on moving: still none.
    for (Activity a : {Activity::Kneeling, Activity::SittingOnFeet, Activity::LongSitting, Activity::TightClothing}) {
        const Episode e = EpisodeBuilder(2).region(Region::Toes).region(Region::Sole).region(Region::TopOfFoot)
                              .region(Region::Heel).sensation(Sensation::Numbness).sensation(Sensation::Tingling)
                              .sensation(Sensation::Weakness).numbness(8).after(a).onset(Onset::Sudden)
                              .eased_by(Relief::MovingOrChangingPosition, 5).lasted(15);
        CHECK(red_flags_for(e).empty());
    }
    // Slow spread over days is not a red flag either.
    CHECK(red_flags_for(numb_leg(3).spread(Region::Toes, Region::Ankle, SpreadSpeed::Days)).empty());
}

TEST_CASE("Sudden numbness with face drooping raises stroke signs: call emergency services") {
    const Episode e = numb_leg(1).onset(Onset::Sudden).region(Region::Face).sign(Sign::FaceDrooping);
    const auto flags = red_flags_for(e);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].kind == RedFlagKind::StrokeSigns);
    CHECK(flags[0].call_emergency);
    CHECK(flags[0].episode_id == e.id);
    CHECK_THAT(flags[0].advice, Contains("Call emergency services now"));
    CHECK(flags[0].reasons.front() == "Came on suddenly");
    CHECK(std::find(flags[0].reasons.begin(), flags[0].reasons.end(), "Face drooping") != flags[0].reasons.end());
}

TEST_CASE("Each sudden stroke sign raises the stroke flag") {
    for (Sign s : {Sign::ArmWeakness, Sign::TroubleSpeaking, Sign::Confusion, Sign::VisionChange})
        CHECK(has_kind(red_flags_for(numb_leg(1).onset(Onset::Sudden).sign(s)), RedFlagKind::StrokeSigns));
    for (Region r : {Region::Arm, Region::Hand, Region::Face})
        CHECK(has_kind(red_flags_for(numb_leg(1).onset(Onset::Sudden).region(r)), RedFlagKind::StrokeSigns));
    // FAST signs count whatever the onset; arm numbness that came on gradually does not.
    CHECK(has_kind(red_flags_for(numb_leg(1).sign(Sign::TroubleSpeaking)), RedFlagKind::StrokeSigns));
    CHECK(red_flags_for(numb_leg(1).onset(Onset::Gradual).region(Region::Hand)).empty());
    CHECK(red_flags_for(numb_leg(1).onset(Onset::Gradual).sign(Sign::Confusion)).empty());
}

TEST_CASE("Saddle area numbness or bladder and bowel loss calls for urgent care") {
    const auto saddle = red_flags_for(numb_leg(1).region(Region::SaddleArea));
    REQUIRE(saddle.size() == 1);
    CHECK(saddle[0].kind == RedFlagKind::SaddleOrBladder);
    CHECK_FALSE(saddle[0].call_emergency);
    CHECK_THAT(saddle[0].advice, Contains("urgent medical care today"));
    const auto bladder = red_flags_for(numb_leg(2).sign(Sign::BladderBowelLoss));
    REQUIRE(bladder.size() == 1);
    CHECK(bladder[0].kind == RedFlagKind::SaddleOrBladder);
    CHECK(bladder[0].reasons == std::vector<std::string>{"Loss of bladder or bowel control"});
}

TEST_CASE("Numbness spreading within hours or a weak whole leg calls for urgent care") {
    for (SpreadSpeed s : {SpreadSpeed::Minutes, SpreadSpeed::Hours}) {
        const auto flags = red_flags_for(numb_leg(1).spread(Region::Toes, Region::Knee, s));
        REQUIRE(flags.size() == 1);
        CHECK(flags[0].kind == RedFlagKind::RapidSpreadOrLegWeakness);
        CHECK_FALSE(flags[0].call_emergency);
    }
    const auto weak = red_flags_for(numb_leg(2).region(Region::WholeLeg).sign(Sign::LegWeakness));
    REQUIRE(weak.size() == 1);
    CHECK(weak[0].kind == RedFlagKind::RapidSpreadOrLegWeakness);
    CHECK(weak[0].reasons == std::vector<std::string>{"Weakness of a whole leg"});
    // Weakness without a whole leg involved is not this flag.
    CHECK(red_flags_for(numb_leg(3).sign(Sign::LegWeakness)).empty());
}

TEST_CASE("One episode can raise several flags") {
    const auto flags = red_flags_for(numb_leg(1).onset(Onset::Sudden).sign(Sign::ArmWeakness)
                                         .region(Region::SaddleArea).spread(Region::Calf, Region::Hip, SpreadSpeed::Minutes));
    CHECK(flags.size() == 3);
    CHECK(has_kind(flags, RedFlagKind::StrokeSigns));
    CHECK(has_kind(flags, RedFlagKind::SaddleOrBladder));
    CHECK(has_kind(flags, RedFlagKind::RapidSpreadOrLegWeakness));
}

TEST_CASE("match returns the red flags of every live episode, newest first, never hidden by a score") {
    static const Catalog cat = load_default_catalog();
    Diary d;
    for (int i = 0; i < 8; ++i) add(d, fallen_asleep_foot(i + 1, i));
    add(d, numb_leg(20).day(3).region(Region::SaddleArea).build());
    add(d, numb_leg(21).day(6).onset(Onset::Sudden).sign(Sign::FaceDrooping).build());
    Episode binned = numb_leg(22).day(7).sign(Sign::TroubleSpeaking).deleted();
    add(d, binned);
    CHECK(red_flags_for(binned).empty());

    const auto r = match(cat, d);
    REQUIRE(r.red_flags.size() == 2);
    CHECK(r.red_flags[0].episode_id == test_uuid(1, 21));
    CHECK(r.red_flags[0].kind == RedFlagKind::StrokeSigns);
    CHECK(r.red_flags[1].episode_id == test_uuid(1, 20));
    CHECK(r.red_flags[1].kind == RedFlagKind::SaddleOrBladder);
    // The diary is mostly fallen-asleep feet: posture leads, and the flags are still there.
    CHECK(r.causes.front().cause_id == "posture");
}
