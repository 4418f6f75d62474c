// "Did it come on suddenly?": cases from the clinical issue (#11 item 5) and the
// stroke guidance it cites (NHS FAST, CDC: sudden numbness of the face, arm or leg,
// especially on one side of the body), not from the code.
#include <catch2/catch.hpp>

#include "red_flags.hpp"

using namespace nd;

namespace {
Episode with(std::vector<RegionMark> regions, Onset onset = Onset::Unknown) {
    Episode e;
    e.regions = std::move(regions);
    e.onset = onset;
    normalize(e);
    return e;
}
}  // namespace

TEST_CASE("Face, arm or hand numbness with onset not sure asks whether it came on suddenly", "[onset]") {
    CHECK(needs_sudden_onset_question(with({{Region::Face, Side::Middle}})));
    CHECK(needs_sudden_onset_question(with({{Region::Arm, Side::Left}})));
    CHECK(needs_sudden_onset_question(with({{Region::Hand, Side::Right}})));
    CHECK(needs_sudden_onset_question(with({{Region::Calf, Side::Left}, {Region::Arm, Side::Left}})));
    CHECK(needs_sudden_onset_question(with({{Region::WholeLeg, Side::Right}, {Region::Face, Side::Middle}})));
}

TEST_CASE("One leg or foot alone never asks", "[onset]") {
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::Toes, Side::Left}})));
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::WholeLeg, Side::Right}})));
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::Toes, Side::Both}, {Region::Sole, Side::Both}})));
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::Buttock, Side::Left}, {Region::ThighBack, Side::Left},
                                                  {Region::Calf, Side::Left}})));
}

TEST_CASE("Once the onset is known the question is not asked again", "[onset]") {
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::Face, Side::Middle}}, Onset::Sudden)));
    CHECK_FALSE(needs_sudden_onset_question(with({{Region::Arm, Side::Left}}, Onset::Gradual)));
}
