// The clipping-and-overlap check behind layout_clip_test.cpp (docs/ui-testing.md).
// It reads one rendered frame in two ways:
//  1. The draw data. Every glyph ImGui drew is a textured quad whose texture
//     coordinates name the glyph in the font atlas. A glyph cut by its window, card,
//     column or button shows up as either a whole glyph quad reaching past the draw
//     command's clip rectangle (cut on the GPU), or a quad whose texture coordinates
//     stop inside the glyph (cut on the CPU: ImGui trims button labels that way).
//     The "…" glyph means text was shortened. Two glyphs of the same draw list that
//     cover much of each other mean texts drawn over each other. Text fields
//     scroll their text (it is typed, and moves with the cursor): glyphs they cut are fine.
//  2. The widget wrappers' own records (AppState::probes): a label whose natural
//     width is wider than the width its widget gave it, an item reaching outside its
//     clip rectangle, and sibling items (same window) that overlap.
// Scrolled out of view is fine: glyphs outside the clip rectangle vertically are
// skipped, and so are items not visible.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "app_state.hpp"

namespace nd::app::test {

struct GlyphInfo {
    float u0, v0, u1, v1;
    unsigned codepoint;
};

class GlyphAtlasIndex {
public:
    GlyphAtlasIndex() {
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        for (const ImFont* font : atlas->Fonts) {
            for (const ImFontGlyph& g : font->Glyphs) {
                const GlyphInfo info{g.U0, g.V0, g.U1, g.V1, g.Codepoint};
                by_uv0_.emplace(key(g.U0, g.V0), info);
                by_uv1_.emplace(key(g.U1, g.V1), info);
            }
        }
    }
    const GlyphInfo* start(float u, float v) const { return find(by_uv0_, u, v); }
    const GlyphInfo* end(float u, float v) const { return find(by_uv1_, u, v); }

private:
    static std::uint64_t key(float u, float v) {
        std::uint32_t a = 0, b = 0;
        std::memcpy(&a, &u, 4);
        std::memcpy(&b, &v, 4);
        return (static_cast<std::uint64_t>(a) << 32) | b;
    }
    static const GlyphInfo* find(const std::unordered_map<std::uint64_t, GlyphInfo>& m, float u, float v) {
        auto it = m.find(key(u, v));
        return it == m.end() ? nullptr : &it->second;
    }
    std::unordered_map<std::uint64_t, GlyphInfo> by_uv0_, by_uv1_;
};

struct DrawnGlyph {
    float x0, y0, x1, y1;
    unsigned codepoint;
    bool whole;   // not trimmed by the CPU
};

inline void append_utf8(std::string& out, unsigned c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The visible text of the line a glyph belongs to, so a failure names the text.
inline std::string line_text(const std::vector<DrawnGlyph>& glyphs, const DrawnGlyph& at) {
    std::vector<const DrawnGlyph*> line;
    const float h = at.y1 - at.y0;
    for (const DrawnGlyph& g : glyphs) {
        const float shared = std::min(g.y1, at.y1) - std::max(g.y0, at.y0);   // same line: they share most of a height
        if (shared > 0.4f * std::min(h, g.y1 - g.y0) && std::fabs(g.x0 - at.x0) < 600) line.push_back(&g);
    }
    std::sort(line.begin(), line.end(), [](auto* a, auto* b) { return a->x0 < b->x0; });
    float line_h = h;
    for (const DrawnGlyph* g : line) line_h = std::max(line_h, g->y1 - g->y0);
    std::string out;
    float prev = -1e9f;
    for (const DrawnGlyph* g : line) {
        if (g->x0 - prev > line_h * 0.28f && !out.empty()) out += ' ';
        append_utf8(out, g->codepoint);
        prev = g->x1;
    }
    return out.size() > 90 ? out.substr(0, 90) : out;
}

struct LayoutProblems {
    std::vector<std::string> list;
    void add(const std::string& what) {
        // One entry per distinct text: a cut label is reported once, not per glyph.
        if (std::find(list.begin(), list.end(), what) == list.end()) list.push_back(what);
    }
};

// Checks the draw data of the frame just rendered.
// Text fields (probes marked scrolls_text) scroll their text: a glyph they cut is not a problem.
inline void check_draw_data(const ImDrawData* dd, const GlyphAtlasIndex& atlas, const std::vector<ProbeItem>& probes,
                            LayoutProblems& out) {
    auto in_field = [&](float x, float y) {
        for (const ProbeItem& p : probes)
            if (p.scrolls_text && x >= p.rect.x0 - 1 && x <= p.rect.x1 + 1 && y >= p.rect.y0 - 1 && y <= p.rect.y1 + 1)
                return true;
        return false;
    };
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* dl = dd->CmdLists[l];
        const char* owner = dl->_OwnerName ? dl->_OwnerName : "?";
        std::vector<DrawnGlyph> glyphs;
        struct Cut {
            std::size_t glyph;
            const char* why;
        };
        std::vector<Cut> cuts;
        for (const ImDrawCmd& cmd : dl->CmdBuffer) {
            if (cmd.UserCallback) continue;
            const ImVec4 clip = cmd.ClipRect;
            const ImDrawIdx* ib = dl->IdxBuffer.Data + cmd.IdxOffset;
            const ImDrawVert* vb = dl->VtxBuffer.Data + cmd.VtxOffset;
            for (unsigned k = 0; k + 6 <= cmd.ElemCount;) {
                const unsigned i0 = ib[k];
                const bool quad = ib[k + 1] == i0 + 1 && ib[k + 2] == i0 + 2 && ib[k + 3] == i0 && ib[k + 4] == i0 + 2 &&
                                  ib[k + 5] == i0 + 3;
                if (!quad) {
                    k += 3;
                    continue;
                }
                k += 6;
                const ImDrawVert& a = vb[i0];
                const ImDrawVert& c = vb[i0 + 2];
                const GlyphInfo* g = atlas.start(a.uv.x, a.uv.y);
                bool whole = false, cut_right = false, cut_left = false;
                if (g) {
                    whole = g->u1 == c.uv.x && g->v1 == c.uv.y;
                    cut_right = g->u1 != c.uv.x;
                } else if ((g = atlas.end(c.uv.x, c.uv.y))) {
                    cut_left = g->u0 != a.uv.x;
                } else {
                    continue;   // not a glyph (a filled shape, a line), or cut vertically only
                }
                // Outside the clip rectangle vertically: scrolled out of view, which is fine.
                if (c.pos.y <= clip.y || a.pos.y >= clip.w) continue;
                glyphs.push_back(DrawnGlyph{a.pos.x, a.pos.y, c.pos.x, c.pos.y, g->codepoint, whole});
                if (g->codepoint == 0x2026) cuts.push_back({glyphs.size() - 1, "shortened with an ellipsis"});
                if ((cut_right || cut_left) && in_field((a.pos.x + c.pos.x) * 0.5f, (a.pos.y + c.pos.y) * 0.5f)) continue;
                if (cut_right || cut_left)
                    cuts.push_back({glyphs.size() - 1, "cut by its button or frame"});
                else if (whole && (a.pos.x < clip.x - 0.5f || c.pos.x > clip.z + 0.5f))
                    cuts.push_back({glyphs.size() - 1, "cut by its window, card or column"});
            }
        }
        for (const Cut& cut : cuts)
            out.add(std::string(cut.why) + " in " + owner + ": \"" + line_text(glyphs, glyphs[cut.glyph]) + "\"");

        // Overlap: whole glyphs that cover much of each other (a grid keeps it linear).
        std::unordered_map<std::int64_t, std::vector<std::size_t>> grid;
        constexpr float cell = 24.0f;
        auto cell_key = [](int x, int y) { return (static_cast<std::int64_t>(x) << 32) ^ static_cast<std::uint32_t>(y); };
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const DrawnGlyph& g = glyphs[i];
            if (!g.whole) continue;
            const int cx0 = static_cast<int>(std::floor(g.x0 / cell)), cx1 = static_cast<int>(std::floor(g.x1 / cell));
            const int cy0 = static_cast<int>(std::floor(g.y0 / cell)), cy1 = static_cast<int>(std::floor(g.y1 / cell));
            for (int x = cx0; x <= cx1; ++x)
                for (int y = cy0; y <= cy1; ++y) {
                    std::vector<std::size_t>& bucket = grid[cell_key(x, y)];
                    for (std::size_t j : bucket) {
                        const DrawnGlyph& o = glyphs[j];
                        const float w = std::min(g.x1, o.x1) - std::max(g.x0, o.x0);
                        const float h = std::min(g.y1, o.y1) - std::max(g.y0, o.y0);
                        if (w <= 0 || h <= 0) continue;
                        const float area = std::min((g.x1 - g.x0) * (g.y1 - g.y0), (o.x1 - o.x0) * (o.y1 - o.y0));
                        if (w * h > 0.3f * area)
                            out.add(std::string("texts drawn over each other in ") + owner + ": \"" +
                                    line_text(glyphs, g) + "\" and \"" + line_text(glyphs, o) + "\"");
                    }
                    bucket.push_back(i);
                }
        }
    }
}

// Checks the widget wrappers' records of the same frame.
inline void check_probes(const std::vector<ProbeItem>& probes, LayoutProblems& out) {
    for (const ProbeItem& p : probes) {
        if (!p.rect.visible || p.scrolls_text) continue;
        if (p.natural_w > p.given_w + 0.5f)
            out.add("label wider than its widget: \"" + p.key + "\" needs " + std::to_string(int(p.natural_w)) +
                    " px, has " + std::to_string(int(p.given_w)));
        if (p.rect.x1 > p.clip_x1 + 0.5f || p.rect.x0 < p.clip_x0 - 0.5f)
            out.add("cut by its window, card or column: \"" + p.key + "\"");
    }
    for (std::size_t i = 0; i < probes.size(); ++i)
        for (std::size_t j = i + 1; j < probes.size(); ++j) {
            const ProbeItem& a = probes[i];
            const ProbeItem& b = probes[j];
            if (a.window != b.window || !a.rect.visible || !b.rect.visible) continue;
            if (a.key == b.key && a.scrolls_text != b.scrolls_text) continue;   // one field, recorded twice
            const float w = std::min(a.rect.x1, b.rect.x1) - std::max(a.rect.x0, b.rect.x0);
            const float h = std::min(a.rect.y1, b.rect.y1) - std::max(a.rect.y0, b.rect.y0);
            if (w > 0.5f && h > 0.5f) out.add("siblings overlap: \"" + a.key + "\" and \"" + b.key + "\"");
        }
}

}  // namespace nd::app::test
