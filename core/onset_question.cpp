#include "onset_question.hpp"

namespace nd {

namespace {

bool is_leg(Region r) {
    switch (r) {
        case Region::Hand: case Region::Arm: case Region::Face:
        case Region::SaddleArea: case Region::LowerBack: return false;
        default: return true;
    }
}

bool covers(Side marked, Side side) { return marked == side || marked == Side::Both; }

}  // namespace

bool needs_sudden_onset_question(const Episode& e) {
    if (e.onset != Onset::Unknown) return false;
    for (const RegionMark& m : e.regions)
        if (m.region == Region::Face || m.region == Region::Arm || m.region == Region::Hand) return true;
    // A leg with the arm or face on the same side. (An arm or the face already asks
    // on its own above; kept so the rule reads as the clinical issue states it.)
    for (const RegionMark& leg : e.regions) {
        if (!is_leg(leg.region)) continue;
        for (const RegionMark& m : e.regions) {
            if (m.region != Region::Arm && m.region != Region::Face) continue;
            if (m.side == Side::Middle || covers(m.side, Side::Left) && covers(leg.side, Side::Left) ||
                covers(m.side, Side::Right) && covers(leg.side, Side::Right))
                return true;
        }
    }
    return false;
}

}  // namespace nd
