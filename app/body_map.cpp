#include "body_map.hpp"

#include <algorithm>
#include <array>
#include <string>

#include <imgui.h>

#include "enum_names.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// A region's shape in panel units (0..1 across, 0..1 down): a quad with a top
// edge [xa0, xb0] at y0 and a bottom edge [xa1, xb1] at y1. Shapes are given for
// the leg on the viewer's left and mirrored for the other; `middle` shapes are
// drawn once. Bands never overlap vertically within a leg, and legs never
// overlap, so the bounding boxes (the hit areas) do not overlap either.
struct Shape {
    Region region;
    float y0, xa0, xb0, y1, xa1, xb1;
    bool middle = false;
};

constexpr float kCx = 0.28f;   // centre of the viewer-left leg

constexpr Shape leg(Region r, float y0, float hw0, float y1, float hw1) {
    return {r, y0, kCx - hw0, kCx + hw0, y1, kCx - hw1, kCx + hw1, false};
}
// The outer (viewer-left) or inner half of a band.
constexpr Shape outer(Region r, float y0, float hw0, float y1, float hw1) {
    return {r, y0, kCx - hw0, kCx, y1, kCx - hw1, kCx, false};
}
constexpr Shape inner(Region r, float y0, float hw0, float y1, float hw1) {
    return {r, y0, kCx, kCx + hw0, y1, kCx, kCx + hw1, false};
}

const std::array kFront{
    Shape{Region::Hip, 0.00f, 0.10f, 0.36f, 0.09f, 0.13f, 0.36f, false},
    Shape{Region::SaddleArea, 0.00f, 0.36f, 0.64f, 0.09f, 0.36f, 0.64f, true},
    leg(Region::ThighFront, 0.09f, 0.15f, 0.33f, 0.115f),
    leg(Region::Knee, 0.33f, 0.115f, 0.42f, 0.10f),
    leg(Region::Shin, 0.42f, 0.10f, 0.64f, 0.08f),
    outer(Region::Ankle, 0.64f, 0.08f, 0.73f, 0.085f),
    inner(Region::InnerAnkle, 0.64f, 0.08f, 0.73f, 0.085f),
    leg(Region::TopOfFoot, 0.73f, 0.085f, 0.86f, 0.11f),
    leg(Region::Toes, 0.86f, 0.11f, 0.97f, 0.10f),
};

const std::array kBack{
    Shape{Region::LowerBack, 0.00f, 0.12f, 0.88f, 0.07f, 0.12f, 0.88f, true},
    Shape{Region::Buttock, 0.07f, 0.12f, 0.49f, 0.18f, 0.13f, 0.49f, false},
    leg(Region::ThighBack, 0.18f, 0.15f, 0.37f, 0.115f),
    leg(Region::Knee, 0.37f, 0.115f, 0.45f, 0.10f),
    leg(Region::Calf, 0.45f, 0.11f, 0.66f, 0.08f),
    outer(Region::Ankle, 0.66f, 0.08f, 0.75f, 0.085f),
    inner(Region::InnerAnkle, 0.66f, 0.08f, 0.75f, 0.085f),
    leg(Region::Heel, 0.75f, 0.085f, 0.87f, 0.075f),
};

// The soles fill a shorter panel (kSolesAspect), so each part stays >= 44 px tall on a phone.
const std::array kSoles{
    leg(Region::Toes, 0.00f, 0.15f, 0.30f, 0.17f),
    leg(Region::Sole, 0.30f, 0.17f, 0.70f, 0.13f),
    leg(Region::Heel, 0.70f, 0.13f, 1.00f, 0.11f),
};

struct ViewDef {
    BodyView view;
    const char* caption;
    std::span<const Shape> shapes;
    Side viewer_left;   // every view: the left leg on the left, as people look down at their own legs
};

const std::array<ViewDef, 3> kViews{{
    {BodyView::Front, "Front", kFront, Side::Left},
    {BodyView::Back, "Back", kBack, Side::Left},
    {BodyView::Soles, "Soles", kSoles, Side::Left},
}};

constexpr float kAspect = 1.3f;        // panel height / width (front, back)
constexpr float kSolesAspect = 0.6f;   // phone: the soles alone, in a shorter panel
// Feet seen from below are short: a shorter panel on its own (phone), a little taller beside the legs.
float aspect(BodyView v, bool alone) { return v != BodyView::Soles ? kAspect : alone ? kSolesAspect : 0.9f; }

Side other(Side s) { return s == Side::Left ? Side::Right : Side::Left; }

const char* side_word(Side s) { return s == Side::Left ? "Left" : "Right"; }

ImU32 fill_for(bool selected, bool hovered) {
    const Palette& p = palette();
    if (selected) return ImGui::GetColorU32(hovered ? ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1) : p.accent);
    if (hovered) return ImGui::GetColorU32(p.accent_soft);
    // Neutral tile: between the card and the border colour.
    const ImVec4 a = p.card, b = p.border;
    return ImGui::GetColorU32(ImVec4((a.x + b.x * 2) / 3, (a.y + b.y * 2) / 3, (a.z + b.z * 2) / 3, 1));
}

bool draw_panel(AppState& s, const ViewDef& v, ImVec2 origin, float w, float h, std::set<RegionMark>& marks) {
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    // Caption above, side words below.
    const ImVec2 cap = ImGui::CalcTextSize(v.caption);
    dl->AddText(ImVec2(origin.x + (w - cap.x) * 0.5f, origin.y), ImGui::GetColorU32(p.text_muted), v.caption);
    const float top = origin.y + line * 1.4f;
    bool changed = false;
    ImGui::PushID(v.caption);
    for (const Shape& sh : v.shapes) {
        for (int copy = 0; copy < (sh.middle ? 1 : 2); ++copy) {
            const bool mirrored = copy == 1;
            const Side side = sh.middle ? Side::Middle : mirrored ? other(v.viewer_left) : v.viewer_left;
            auto X = [&](float x) { return origin.x + (mirrored ? 1.0f - x : x) * w; };
            auto Y = [&](float y) { return top + y * h; };
            ImVec2 q[4] = {{X(sh.xa0), Y(sh.y0)}, {X(sh.xb0), Y(sh.y0)}, {X(sh.xb1), Y(sh.y1)}, {X(sh.xa1), Y(sh.y1)}};
            if (mirrored) {
                std::swap(q[0], q[1]);   // keep the winding for the filler
                std::swap(q[2], q[3]);
            }
            const float x0 = std::min(q[0].x, q[3].x), x1 = std::max(q[1].x, q[2].x);
            const RegionMark mark{sh.region, side};
            const bool on = marks.count(mark) > 0;
            ImGui::SetCursorScreenPos(ImVec2(x0, q[0].y));
            ImGui::PushID(static_cast<int>(sh.region) * 4 + static_cast<int>(side));
            const bool pressed = ImGui::InvisibleButton("##region", ImVec2(std::max(1.0f, x1 - x0), std::max(1.0f, q[3].y - q[0].y)));
            ImGui::PopID();
            const bool hovered = ImGui::IsItemHovered();
            if (pressed) {
                if (on)
                    marks.erase(mark);
                else
                    marks.insert(mark);
                changed = true;
            }
            if (hovered) ImGui::SetTooltip("%s", describe(mark).c_str());
            s.log.hits.push_back(RegionHit{mark, x0, q[0].y, x1, q[3].y});
            dl->AddConvexPolyFilled(q, 4, fill_for(marks.count(mark) > 0, hovered));
            // A seam in the card colour makes the regions read as separate tiles.
            const ImU32 seam = ImGui::GetColorU32(p.card);
            dl->AddPolyline(q, 4, seam, ImDrawFlags_Closed, 2.0f * s.display_scale);
            if (sh.region == Region::Toes) {
                // Toe seams, so the end of the foot reads as toes.
                for (int t = 1; t < 5; ++t) {
                    const float f = static_cast<float>(t) / 5.0f;
                    const float ax = q[0].x + (q[1].x - q[0].x) * f, bx = q[3].x + (q[2].x - q[3].x) * f;
                    const bool soles = v.view == BodyView::Soles;
                    dl->AddLine(ImVec2(ax, q[0].y), ImVec2(bx, soles ? q[0].y + (q[3].y - q[0].y) * 0.55f : q[3].y), seam,
                                1.5f * s.display_scale);
                }
            }
        }
    }
    ImGui::PopID();
    // Which leg is which, under each leg: people must not have to think about mirroring.
    const float label_y = top + h + line * 0.2f;
    for (int copy = 0; copy < 2; ++copy) {
        const char* word = side_word(copy ? other(v.viewer_left) : v.viewer_left);
        const float cx = origin.x + (copy ? 1.0f - kCx : kCx) * w;
        const ImVec2 ts = ImGui::CalcTextSize(word);
        dl->AddText(ImVec2(cx - ts.x * 0.5f, label_y), ImGui::GetColorU32(p.text_muted), word);
    }
    return changed;
}

}  // namespace

bool body_map(AppState& s, std::set<RegionMark>& marks) {
    s.log.hits.clear();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = 16.0f * s.display_scale;
    const bool all_three = avail >= 3 * 200.0f * s.display_scale + 2 * gap;
    bool changed = false;
    const float line = ImGui::GetTextLineHeight();
    if (all_three) {
        // Small enough that the map and the first chips fit a laptop screen together.
        const float w = std::min((avail - 2 * gap) / 3.0f, 215.0f * s.display_scale);
        const float total = 3 * w + 2 * gap;
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float left = start.x + (avail - total) * 0.5f;
        for (int i = 0; i < 3; ++i)
            changed |= draw_panel(s, kViews[static_cast<std::size_t>(i)], ImVec2(left + static_cast<float>(i) * (w + gap), start.y), w,
                                  w * aspect(kViews[static_cast<std::size_t>(i)].view, false), marks);
        ImGui::SetCursorScreenPos(start);
        ImGui::Dummy(ImVec2(avail, w * kAspect + line * 2.8f));
    } else {
        static constexpr const char* kLabels[] = {"Front", "Back", "Soles"};
        int view = static_cast<int>(s.log.body_view);
        if (segmented(s, "bodyview", view, kLabels)) s.log.body_view = static_cast<BodyView>(view);
        const float w = std::min(avail, 290.0f * s.display_scale);   // leaves room for the form on a phone
        const ImVec2 start = ImGui::GetCursorScreenPos();
        const float h = w * aspect(s.log.body_view, true);
        changed |= draw_panel(s, kViews[static_cast<std::size_t>(view)], ImVec2(start.x + (avail - w) * 0.5f, start.y), w, h, marks);
        ImGui::SetCursorScreenPos(start);
        ImGui::Dummy(ImVec2(avail, h + line * 2.8f));
    }
    return changed;
}

std::vector<RegionMark> merge_sides(const std::set<RegionMark>& marks) {
    std::vector<RegionMark> out;
    for (const RegionMark& m : marks) {
        if (m.side == Side::Right && marks.count({m.region, Side::Left})) continue;   // taken with Left
        if (m.side == Side::Left && marks.count({m.region, Side::Right}))
            out.push_back({m.region, Side::Both});
        else
            out.push_back(m);
    }
    return out;
}

std::set<RegionMark> split_sides(const std::vector<RegionMark>& regions) {
    std::set<RegionMark> out;
    for (const RegionMark& m : regions) {
        if (m.side == Side::Both) {
            out.insert({m.region, Side::Left});
            out.insert({m.region, Side::Right});
        } else {
            out.insert(m);
        }
    }
    return out;
}

}  // namespace nd::app
