// Where the desktop window opens: inside the monitor's work area (the screen
// minus panels and docks), at the size and place it had last time on this
// machine when that still fits. Pure geometry, so it is tested without a screen;
// platform/shell.cpp reads the work area from GLFW and keeps the state in a file.
#pragma once

#include <optional>
#include <string>

namespace nd::app {

struct WindowGeometry {
    int x = 0, y = 0, w = 0, h = 0;
    bool maximized = false;
    bool has_position = false;   // false: let the window system place it
};

struct WorkArea {
    int x = 0, y = 0, w = 0, h = 0;
};

// The first window: `wanted` (the default or the remembered one) shrunk to fit the
// work area, and moved inside it when its remembered place is off screen (a
// monitor since unplugged). A window never opens smaller than 360x480 unless the
// work area is smaller still.
WindowGeometry fit_window(WindowGeometry wanted, const WorkArea& area);

// "x y w h maximized" on one line; nullopt for anything else (a damaged file is ignored).
std::optional<WindowGeometry> parse_window_geometry(const std::string& text);
std::string format_window_geometry(const WindowGeometry& g);

}  // namespace nd::app
