#include "body_map_targets.hpp"

#include <algorithm>
#include <cmath>

namespace nd::app {

namespace {

constexpr float kSame = 1e-3f;   // two bands' edges (fractions of the panel) are the same line

bool overlaps(const TargetRect& a, const TargetRect& b) {
    return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

// Least-squares non-decreasing fit (pool adjacent violators).
std::vector<float> isotonic(const std::vector<float>& y) {
    struct Block { double sum; int n; };
    std::vector<Block> blocks;
    for (const float v : y) {
        blocks.push_back({v, 1});
        while (blocks.size() > 1 &&
               blocks[blocks.size() - 2].sum / blocks[blocks.size() - 2].n > blocks.back().sum / blocks.back().n) {
            const Block last = blocks.back();
            blocks.pop_back();
            blocks.back().sum += last.sum;
            blocks.back().n += last.n;
        }
    }
    std::vector<float> out;
    for (const Block& b : blocks) out.insert(out.end(), static_cast<std::size_t>(b.n), static_cast<float>(b.sum / b.n));
    return out;
}

// Boundaries b0 < b1 < ... moved as little as possible (least squares) so that
// every gap is at least `m`: with c_i = b_i - i*m the condition is c non-decreasing.
std::vector<float> spread(const std::vector<float>& b, float m) {
    std::vector<float> c(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) c[i] = b[i] - static_cast<float>(i) * m;
    std::vector<float> r = isotonic(c);
    for (std::size_t i = 0; i < r.size(); ++i) r[i] += static_cast<float>(i) * m;
    return r;
}

void grow_about_middle(float& lo, float& hi, float m) {
    if (hi - lo >= m) return;
    const float mid = (lo + hi) * 0.5f;
    lo = mid - m * 0.5f;
    hi = mid + m * 0.5f;
}

}  // namespace

std::vector<TargetRect> region_targets(const OutlineView& v, float w, float h, float m) {
    const std::size_t n = v.regions.size();
    std::vector<TargetRect> t(n);
    for (std::size_t i = 0; i < n; ++i) {
        const OutlineRegion& r = v.regions[i];
        t[i] = {r.x0 * w, r.y0 * h, r.x1 * w, r.y1 * h};
    }

    // The left leg's column (the right leg mirrors it); a middle region across it
    // (the lower back) is one of its bands, one beside it (between the legs) is not.
    float left_x0 = 1, left_x1 = 0;
    for (const OutlineRegion& r : v.regions)
        if (r.mark.side == Side::Left) left_x0 = std::min(left_x0, r.x0), left_x1 = std::max(left_x1, r.x1);
    auto in_column = [&](const OutlineRegion& r) {
        return r.mark.side == Side::Left || (r.mark.side == Side::Middle && r.x0 < left_x1 && r.x1 > left_x0);
    };

    // ---- Vertically: the column's bands, in order, each at least m tall ----
    struct Band { float y0, y1; };
    std::vector<Band> bands;
    for (const OutlineRegion& r : v.regions) {
        if (!in_column(r)) continue;
        const bool known = std::any_of(bands.begin(), bands.end(), [&](const Band& b) {
            return std::fabs(b.y0 - r.y0) < kSame && std::fabs(b.y1 - r.y1) < kSame;
        });
        if (!known) bands.push_back({r.y0, r.y1});
    }
    std::sort(bands.begin(), bands.end(), [](const Band& a, const Band& b) { return a.y0 < b.y0; });
    std::vector<float> edges;   // in px: a small gap between two bands splits at its middle
    if (!bands.empty()) {
        edges.push_back(bands.front().y0 * h);
        for (std::size_t k = 1; k < bands.size(); ++k) edges.push_back((bands[k - 1].y1 + bands[k].y0) * 0.5f * h);
        edges.push_back(bands.back().y1 * h);
    }
    const std::vector<float> moved = spread(edges, m);
    auto band_of = [&](const OutlineRegion& r) -> int {
        for (std::size_t k = 0; k < bands.size(); ++k)
            if (std::fabs(bands[k].y0 - r.y0) < kSame && std::fabs(bands[k].y1 - r.y1) < kSame) return static_cast<int>(k);
        return -1;
    };
    std::vector<int> band(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const OutlineRegion& r = v.regions[i];
        // The middle regions beside the legs keep their own height (grown below).
        if (r.mark.side == Side::Middle && !in_column(r)) continue;
        band[i] = band_of(r);
        if (band[i] >= 0) {
            t[i].y0 = moved[static_cast<std::size_t>(band[i])];
            t[i].y1 = moved[static_cast<std::size_t>(band[i]) + 1];
        } else {
            grow_about_middle(t[i].y0, t[i].y1, m);   // a band of the right leg alone (not in these shapes)
        }
    }

    // ---- Horizontally: within a band, per side ----
    for (std::size_t i = 0; i < n; ++i) {
        if (band[i] < 0 && v.regions[i].mark.side != Side::Middle) grow_about_middle(t[i].x0, t[i].x1, m);
        if (band[i] < 0) continue;
        std::vector<std::size_t> row;   // this band, this side
        for (std::size_t j = 0; j < n; ++j)
            if (band[j] == band[i] && v.regions[j].mark.side == v.regions[i].mark.side) row.push_back(j);
        if (row.front() != i) continue;   // each row once, from its first region
        if (row.size() == 2) {
            std::size_t a = row[0], b = row[1];
            if (v.regions[b].x0 < v.regions[a].x0) std::swap(a, b);
            const float edge = (v.regions[a].x1 + v.regions[b].x0) * 0.5f * w;
            t[a].x0 = std::min(t[a].x0, edge - m);
            t[a].x1 = edge;
            t[b].x0 = edge;
            t[b].x1 = std::max(t[b].x1, edge + m);
        } else {
            for (const std::size_t j : row) grow_about_middle(t[j].x0, t[j].x1, m);
        }
    }

    // ---- Between the legs: grows about its middle; the legs' areas give way ----
    for (std::size_t i = 0; i < n; ++i) {
        if (v.regions[i].mark.side != Side::Middle || in_column(v.regions[i])) continue;
        grow_about_middle(t[i].x0, t[i].x1, m);
        grow_about_middle(t[i].y0, t[i].y1, m);
        const float mid = (t[i].x0 + t[i].x1) * 0.5f;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i || !overlaps(t[i], t[j])) continue;
            if ((t[j].x0 + t[j].x1) * 0.5f < mid) t[j].x1 = t[i].x0;
            else t[j].x0 = t[i].x1;
        }
    }

    // Shapes these rules do not foresee: whatever still overlaps gives way along
    // the direction it overlaps least, so a tap never has two regions.
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            if (!overlaps(t[i], t[j])) continue;
            const float ox = std::min(t[i].x1, t[j].x1) - std::max(t[i].x0, t[j].x0);
            const float oy = std::min(t[i].y1, t[j].y1) - std::max(t[i].y0, t[j].y0);
            if (ox < oy) {
                if (t[j].x0 > t[i].x0) t[j].x0 = t[i].x1;
                else t[j].x1 = t[i].x0;
            } else {
                if (t[j].y0 > t[i].y0) t[j].y0 = t[i].y1;
                else t[j].y1 = t[i].y0;
            }
        }
    return t;
}

float drawing_height(const OutlineView& v, float w, float m) {
    const float h0 = w * v.aspect;
    float h = h0;
    for (int step = 0; step <= 60; ++step) {
        h = h0 * (1.0f + 0.01f * static_cast<float>(step));
        const std::vector<TargetRect> t = region_targets(v, w, h, m);
        bool ok = true;
        for (std::size_t i = 0; i < t.size() && ok; ++i) {
            const float y0 = v.regions[i].y0 * h, y1 = v.regions[i].y1 * h, mid = (y0 + y1) * 0.5f;
            const float covered = std::min(y1, t[i].y1) - std::max(y0, t[i].y0);
            ok = mid >= t[i].y0 && mid <= t[i].y1 && covered >= 0.5f * (y1 - y0);
        }
        if (ok) break;
    }
    return h;
}

}  // namespace nd::app
