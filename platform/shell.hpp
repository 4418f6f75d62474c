// The desktop shell: owns the GLFW window, the GL context, the Dear ImGui
// backends and the loop; calls the app's lifecycle hooks and frame function.
#pragma once

#include <functional>
#include <string>

#include "app.hpp"
#include "desktop_services.hpp"

namespace nd::platform {

struct ShellOptions {
    int width = 1200;          // the first window's size when none is remembered (fitted to the work area)
    int height = 760;
    bool size_given = false;   // --size: use it, not the remembered size
    std::string screenshot;   // non-empty: render a few frames, save this PNG, exit
    int screenshot_frames = 8; // cards measure themselves on the first frames
    std::function<void(app::App&)> after_start;   // e.g. pick the page for a screenshot
};

// Returns the process exit code. Without a display: a clear message and 1.
int run_shell(app::App& app, DesktopServices& services, const ShellOptions& options);

}  // namespace nd::platform
