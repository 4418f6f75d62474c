// The body figure on page 1 of the doctor's report: both legs and feet from the
// front, the back and below (soles), with the same regions in the same places as
// the app's body map (app/body_map.cpp), so what the patient tapped is what the
// doctor sees. Geometry only, in panel units (0..1 across, 0..1 down); the renderer
// (report_pdf.cpp) draws it with cairo paths.
#pragma once

#include <array>
#include <span>

#include "model.hpp"

namespace nd::report_figure {

// A region's quad: top edge [xa0, xb0] at y0, bottom edge [xa1, xb1] at y1, given
// for the leg on the viewer's left and mirrored for the other; `middle` shapes
// (saddle area, lower back) are drawn once and have no side. `inner`: the half of
// a band towards the other leg (its count goes towards the middle when it does not
// fit inside).
struct Shape {
    Region region;
    double y0, xa0, xb0, y1, xa1, xb1;
    bool middle = false;
    bool inner = false;
};

inline constexpr double kCx = 0.28;   // centre of the viewer-left leg (as app/body_map.cpp)

constexpr Shape leg(Region r, double y0, double hw0, double y1, double hw1) {
    return {r, y0, kCx - hw0, kCx + hw0, y1, kCx - hw1, kCx + hw1, false, false};
}
constexpr Shape outer(Region r, double y0, double hw0, double y1, double hw1) {
    return {r, y0, kCx - hw0, kCx, y1, kCx - hw1, kCx, false, false};
}
constexpr Shape inner(Region r, double y0, double hw0, double y1, double hw1) {
    return {r, y0, kCx, kCx + hw0, y1, kCx, kCx + hw1, false, true};
}

inline constexpr std::array kFront{
    Shape{Region::Hip, 0.00, 0.10, 0.36, 0.09, 0.13, 0.36, false, false},
    Shape{Region::SaddleArea, 0.00, 0.36, 0.64, 0.09, 0.36, 0.64, true, false},
    leg(Region::ThighFront, 0.09, 0.15, 0.33, 0.115),
    leg(Region::Knee, 0.33, 0.115, 0.42, 0.10),
    leg(Region::Shin, 0.42, 0.10, 0.64, 0.08),
    outer(Region::Ankle, 0.64, 0.08, 0.73, 0.085),
    inner(Region::InnerAnkle, 0.64, 0.08, 0.73, 0.085),
    leg(Region::TopOfFoot, 0.73, 0.085, 0.86, 0.11),
    leg(Region::Toes, 0.86, 0.11, 0.97, 0.10),
};

inline constexpr std::array kBack{
    Shape{Region::LowerBack, 0.00, 0.12, 0.88, 0.07, 0.12, 0.88, true, false},
    Shape{Region::Buttock, 0.07, 0.12, 0.49, 0.18, 0.13, 0.49, false, false},
    leg(Region::ThighBack, 0.18, 0.15, 0.37, 0.115),
    leg(Region::Knee, 0.37, 0.115, 0.45, 0.10),
    leg(Region::Calf, 0.45, 0.11, 0.66, 0.08),
    outer(Region::Ankle, 0.66, 0.08, 0.75, 0.085),
    inner(Region::InnerAnkle, 0.66, 0.08, 0.75, 0.085),
    leg(Region::Heel, 0.75, 0.085, 0.87, 0.075),
};

inline constexpr std::array kSoles{
    leg(Region::Toes, 0.00, 0.15, 0.30, 0.17),
    leg(Region::Sole, 0.30, 0.17, 0.70, 0.13),
    leg(Region::Heel, 0.70, 0.13, 1.00, 0.11),
};

struct View {
    const char* caption;
    std::span<const Shape> shapes;
    double aspect;   // panel height / width: as the app draws the three views side by side
};

inline const std::array<View, 3> kViews{{
    {"Front", kFront, 1.3},
    {"Back", kBack, 1.3},
    {"Soles", kSoles, 0.9},
}};

// Whether a region has a place on the figure (the others are named under it).
constexpr bool on_figure(Region r) {
    switch (r) {
        case Region::WholeLeg:
        case Region::WholeFoot:
        case Region::Hand:
        case Region::Arm:
        case Region::Face: return false;
        default: return true;
    }
}

}  // namespace nd::report_figure
