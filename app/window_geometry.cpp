#include "window_geometry.hpp"

#include <algorithm>
#include <sstream>

namespace nd::app {

WindowGeometry fit_window(WindowGeometry g, const WorkArea& a) {
    if (a.w <= 0 || a.h <= 0) return g;   // no monitor information: leave it to the window system
    // Room for the title bar and borders the window system adds around the content.
    constexpr int kFrameW = 16, kFrameH = 48;
    const int max_w = std::max(1, a.w - kFrameW), max_h = std::max(1, a.h - kFrameH);
    g.w = std::clamp(g.w, std::min(360, max_w), max_w);
    g.h = std::clamp(g.h, std::min(480, max_h), max_h);
    if (g.has_position) {
        const bool on_screen = g.x >= a.x && g.y >= a.y && g.x + g.w <= a.x + a.w && g.y + g.h <= a.y + a.h;
        if (!on_screen) {
            g.x = std::clamp(g.x, a.x, a.x + a.w - g.w - kFrameW / 2);
            g.y = std::clamp(g.y, a.y + kFrameH - 8, a.y + a.h - g.h - 8);
        }
    } else {
        // Centred in the work area.
        g.x = a.x + (a.w - g.w) / 2;
        g.y = a.y + std::max(kFrameH - 8, (a.h - g.h) / 2);
        g.has_position = true;
    }
    return g;
}

std::optional<WindowGeometry> parse_window_geometry(const std::string& text) {
    std::istringstream in(text);
    WindowGeometry g;
    int max = 0;
    if (!(in >> g.x >> g.y >> g.w >> g.h >> max)) return std::nullopt;
    if (g.w < 100 || g.h < 100 || g.w > 100000 || g.h > 100000 || (max != 0 && max != 1)) return std::nullopt;
    g.maximized = max == 1;
    g.has_position = true;
    return g;
}

std::string format_window_geometry(const WindowGeometry& g) {
    std::ostringstream out;
    out << g.x << ' ' << g.y << ' ' << g.w << ' ' << g.h << ' ' << (g.maximized ? 1 : 0) << '\n';
    return out.str();
}

}  // namespace nd::app
