#include "body_map.hpp"

#include <algorithm>
#include <string>

#include <imgui.h>

#include "body_map_targets.hpp"
#include "body_outline.hpp"
#include "catalog.hpp"   // default_assets_dir
#include "enum_names.hpp"
#include "services.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// ---- Shapes ----------------------------------------------------------------------

// Ear clipping: a simple polygon (convex or not) as triangles, for ImDrawList
// (AddConvexPolyFilled fills convex shapes only). Done once, in the file's own
// units: scaling x and y by positive factors keeps every triangle valid.
std::vector<int> triangulate(const std::vector<OutlinePoint>& p) {
    const int n = static_cast<int>(p.size());
    std::vector<int> idx(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) idx[static_cast<std::size_t>(i)] = i;
    double area = 0;
    for (int i = 0; i < n; ++i) {
        const OutlinePoint a = p[static_cast<std::size_t>(i)], b = p[static_cast<std::size_t>((i + 1) % n)];
        area += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
    }
    if (area < 0) std::reverse(idx.begin(), idx.end());
    auto cross = [&](int a, int b, int c) {
        const OutlinePoint A = p[static_cast<std::size_t>(a)], B = p[static_cast<std::size_t>(b)], C = p[static_cast<std::size_t>(c)];
        return (static_cast<double>(B.x) - A.x) * (static_cast<double>(C.y) - A.y) -
               (static_cast<double>(B.y) - A.y) * (static_cast<double>(C.x) - A.x);
    };
    std::vector<int> out;
    while (idx.size() > 3) {
        const std::size_t m = idx.size();
        bool clipped = false;
        for (std::size_t i = 0; i < m && !clipped; ++i) {
            const int a = idx[(i + m - 1) % m], b = idx[i], c = idx[(i + 1) % m];
            if (cross(a, b, c) <= 1e-12) continue;   // reflex corner: not an ear
            bool inside = false;
            for (int q : idx) {
                if (q == a || q == b || q == c) continue;
                if (cross(a, b, q) >= 0 && cross(b, c, q) >= 0 && cross(c, a, q) >= 0) {
                    inside = true;
                    break;
                }
            }
            if (inside) continue;
            out.insert(out.end(), {a, b, c});
            idx.erase(idx.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
        }
        if (!clipped) break;   // cannot happen for the simple polygons the loader accepts
    }
    if (idx.size() == 3) out.insert(out.end(), {idx[0], idx[1], idx[2]});
    return out;
}

// Loaded on first use from the installed assets (tests: the source tree's).
const BodyOutline* shapes(const BodyMapLook& look, BodyMapUi& map) {
    BodyMapShapes& m = map.shapes;
    if (!m.tried) {
        m.tried = true;
        try {
            const std::string dir = look.services ? look.services->assets_dir() : std::string();
            m.outline = load_body_outline_file((dir.empty() ? default_assets_dir() : dir) + "/body_map/legs.json");
            m.triangles.clear();
            for (const OutlineView& v : m.outline.views) {
                m.triangles.emplace_back();
                for (const OutlineRegion& r : v.regions) m.triangles.back().push_back(triangulate(r.points));
            }
        } catch (const std::exception& e) {
            m.error = e.what();
        }
    }
    return m.error.empty() ? &m.outline : nullptr;
}

// ---- Drawing ---------------------------------------------------------------------

ImU32 fill_for(bool selected, bool hovered) {
    const Palette& p = palette();
    if (selected) return ImGui::GetColorU32(hovered ? ImVec4(p.accent.x * 0.9f, p.accent.y * 0.9f, p.accent.z * 0.9f, 1) : p.accent);
    if (hovered) return ImGui::GetColorU32(p.accent_soft);
    return ImGui::GetColorU32(body_map_region_fill());
}

// Centre (panel units) of the person's left or right leg in a view, for its label.
float side_centre(const OutlineView& v, Side side) {
    float sum = 0;
    int n = 0;
    for (const OutlineRegion& r : v.regions)
        if (r.mark.side == side) sum += (r.x0 + r.x1) * 0.5f, ++n;
    return n ? sum / static_cast<float>(n) : side == Side::Left ? 0.25f : 0.75f;
}

// One view: a line with its caption (when asked) and "Left" / "Right" over each
// leg, then the drawn legs. Every region is an invisible button over its tap area
// (its bounding box, grown to a touch target where that is smaller; they never
// overlap), so taps, Tab and the arrow keys reach it. Returns the height used.
float draw_panel(const BodyMapLook& look, BodyMapUi& map, std::size_t vi, ImVec2 origin, float w, bool caption, std::set<RegionMark>& marks, bool& changed) {
    const OutlineView& v = map.shapes.outline.views[vi];
    const Palette& p = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    const ImU32 muted = ImGui::GetColorU32(p.text_muted);
    float top = origin.y;
    if (caption) {
        const ImVec2 cap = ImGui::CalcTextSize(v.caption.c_str());
        dl->AddText(ImVec2(origin.x + std::max(0.0f, (w - cap.x) * 0.5f), top), muted, v.caption.c_str());
        top += line * 1.15f;
    }
    for (Side side : {Side::Left, Side::Right}) {
        const char* word = side == Side::Left ? "Left" : "Right";
        const ImVec2 ts = ImGui::CalcTextSize(word);
        const float cx = origin.x + side_centre(v, side) * w;
        const float x = std::clamp(cx - ts.x * 0.5f, origin.x, origin.x + w - ts.x);
        dl->AddText(ImVec2(x, top), ImGui::GetColorU32(p.text), word);
    }
    top += line * 1.45f;   // a gap, so the labels do not sit on the hips' edge
    // Its own proportions, or a little taller when narrow (body_map_targets.hpp).
    const float h = drawing_height(v, w, touch_height());
    auto P = [&](OutlinePoint q) { return ImVec2(origin.x + q.x * w, top + q.y * h); };
    const ImU32 edge = ImGui::GetColorU32(p.text_muted);
    // Tap areas at least a touch target each way (body_map_targets.hpp): a phone
    // draws the front view's ankles about 11 px wide.
    const std::vector<TargetRect> targets = region_targets(v, w, h, touch_height());
    float bottom = top + h;   // a tap area may reach past the drawing
    ImGui::PushID(v.id.c_str());
    for (std::size_t ri = 0; ri < v.regions.size(); ++ri) {
        const OutlineRegion& r = v.regions[ri];
        const TargetRect& t = targets[ri];
        const ImVec2 a(origin.x + t.x0, top + t.y0), b(origin.x + t.x1, top + t.y1);
        bottom = std::max(bottom, b.y);
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(r.mark.region) * 4 + static_cast<int>(r.mark.side));
        const bool pressed = ImGui::InvisibleButton("##region", ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
        ImGui::PopID();
        const bool hovered = ImGui::IsItemHovered();
        if (pressed) {
            if (marks.count(r.mark))
                marks.erase(r.mark);
            else
                marks.insert(r.mark);
            changed = true;
        }
        if (hovered) ImGui::SetTooltip("%s", describe(r.mark).c_str());
        focus_ring();
        map.hits.push_back(RegionHit{r.mark, a.x, a.y, b.x, b.y});
        // Filled as triangles without anti-aliased fringes (they would draw the
        // triangles' seams), then outlined: the outlines together draw the legs.
        const ImU32 fill = fill_for(marks.count(r.mark) > 0, hovered);
        const std::vector<int>& tri = map.shapes.triangles[vi][ri];
        const ImDrawListFlags keep = dl->Flags;
        dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        for (std::size_t t = 0; t + 2 < tri.size(); t += 3)
            dl->AddTriangleFilled(P(r.points[static_cast<std::size_t>(tri[t])]), P(r.points[static_cast<std::size_t>(tri[t + 1])]),
                                  P(r.points[static_cast<std::size_t>(tri[t + 2])]), fill);
        dl->Flags = keep;
        std::vector<ImVec2> outline;
        outline.reserve(r.points.size());
        for (const OutlinePoint& q : r.points) outline.push_back(P(q));
        dl->AddPolyline(outline.data(), static_cast<int>(outline.size()), edge, ImDrawFlags_Closed, 1.5f * look.display_scale);
    }
    ImGui::PopID();
    return bottom - origin.y;
}

std::size_t view_index(BodyView v) { return static_cast<std::size_t>(v); }

}  // namespace

ImVec4 body_map_region_fill() {
    const Palette& p = palette();
    const ImVec4 bg = p.background;
    const bool dark = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z < 0.5f;
    if (dark) {
        // A third of the way from the page to the muted text: about 2:1 against the
        // page, and the accent (a marked region) and the outline over 3:1 against it.
        const ImVec4 m = p.text_muted;
        const float t = 0.35f;
        return ImVec4(bg.x + (m.x - bg.x) * t, bg.y + (m.y - bg.y) * t, bg.z + (m.z - bg.z) * t, 1);
    }
    // Skin-neutral: between the card and the border colour.
    const ImVec4 a = p.card, b = p.border;
    return ImVec4((a.x + b.x * 2) / 3, (a.y + b.y * 2) / 3, (a.z + b.z * 2) / 3, 1);
}

// The map's scale: the screen's and the text size's (it grows with the text, issue 13).
float map_scale(const BodyMapLook& look) { return look.display_scale * std::max(1.0f, look.font_scale); }

bool body_map_one_view(const BodyMapLook& look) {
    const float ui = map_scale(look);
    return ImGui::GetContentRegionAvail().x < 2 * 170.0f * ui + 12.0f * ui;
}

bool body_map(const BodyMapLook& look, BodyMapUi& map, std::set<RegionMark>& marks) {
    map.hits.clear();
    const BodyOutline* o = shapes(look, map);
    if (!o) {
        // The shapes file is missing or damaged: say so; the places below the map still work.
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("The body map could not be drawn: %s", map.shapes.error.c_str());
        ImGui::PopStyleColor();
        return false;
    }
    // Grows with the text size and the screen's scale.
    const float ui = map_scale(look);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = 12.0f * ui;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    bool changed = false;
    float used = 0;
    if (avail >= 3 * 190.0f * ui + 2 * gap) {
        // Room for all three side by side.
        const float w = std::min((avail - 2 * gap) / 3.0f, 240.0f * ui);
        const float left = start.x + (avail - (3 * w + 2 * gap)) * 0.5f;
        for (std::size_t i = 0; i < 3; ++i)
            used = std::max(used, draw_panel(look, map, i, ImVec2(left + static_cast<float>(i) * (w + gap), start.y), w, true, marks, changed));
    } else if (!body_map_one_view(look)) {
        // A column of the wide form: the soles on top (most episodes are in the
        // feet), front and back side by side under them.
        const float sw = std::min(avail, 300.0f * ui);
        const float soles_h = draw_panel(look, map, 2, ImVec2(start.x + (avail - sw) * 0.5f, start.y), sw, true, marks, changed);
        const float w = std::min((avail - gap) / 2.0f, 240.0f * ui);
        const float left = start.x + (avail - (2 * w + gap)) * 0.5f;
        float row = 0;
        for (std::size_t i = 0; i < 2; ++i)
            row = std::max(row, draw_panel(look, map, i, ImVec2(left + static_cast<float>(i) * (w + gap), start.y + soles_h + gap), w, true,
                                           marks, changed));
        used = soles_h + gap + row;
    } else {
        // A phone: one view at a time, chosen in a column of buttons beside it (a
        // row above would cost the form a line); the soles first (most episodes).
        static constexpr const char* kLabels[] = {"Front", "Back", "Soles"};
        const ImGuiStyle& st = ImGui::GetStyle();
        float bw = 0;
        for (const char* l : kLabels) bw = std::max(bw, ImGui::CalcTextSize(l).x + st.FramePadding.x * 2);
        const float bh = touch_height();
        const Palette& p = palette();
        const std::size_t vi = view_index(map.view);
        const float pw = std::min(avail - bw - gap, 300.0f * ui);
        const float px = start.x + bw + gap + (avail - bw - gap - pw) * 0.5f;
        used = draw_panel(look, map, vi, ImVec2(px, start.y), pw, false, marks, changed);
        // The question over the buttons, the buttons level with the bottom of the drawing.
        const float bgap = 4.0f * ui;
        if (look.bold) ImGui::PushFont(look.bold);
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), start, ImGui::GetColorU32(p.text), "Where?");
        const float q_h = ImGui::GetTextLineHeight() * 1.2f;
        if (look.bold) ImGui::PopFont();
        const float btop = start.y + std::max(q_h, used - (3 * bh + 2 * bgap));
        ImGui::PushID("bodyview");
        for (int i = 0; i < 3; ++i) {
            const bool on = static_cast<int>(vi) == i;
            ImGui::SetCursorScreenPos(ImVec2(start.x, btop + static_cast<float>(i) * (bh + bgap)));
            ImGui::PushStyleColor(ImGuiCol_Button, on ? p.accent : p.card);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, on ? p.accent : p.accent_soft);
            ImGui::PushStyleColor(ImGuiCol_Text, on ? p.accent_text : p.text);
            ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, st.FrameBorderSize));
            ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, bh * 0.25f);
            if (ImGui::Button(kLabels[i], ImVec2(bw, bh))) map.view = static_cast<BodyView>(i);
            ImGui::PopStyleVar(2);
            ImGui::PopStyleColor(3);
            focus_ring();
            probe_fit(look.log, std::string("bodyview:") + kLabels[i], ImGui::CalcTextSize(kLabels[i]).x + st.FramePadding.x * 2, bw);
            record_item(look.log, std::string("bodyview:") + kLabels[i]);
        }
        ImGui::PopID();
        used = std::max(used, 3 * bh + 2 * bgap);
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(avail, used));
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
