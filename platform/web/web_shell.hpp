// The web shell's state between frames (one per page).
#pragma once

struct GLFWwindow;

namespace nd::app {
class App;
}

namespace nd::platform::web {

struct WebShell {
    app::App* app = nullptr;
    GLFWwindow* window = nullptr;
    int fb_w = 0, fb_h = 0;         // canvas size in device pixels
    bool texture_made = false;      // the backend makes the first atlas texture in its NewFrame
    int busy_frames = 5;
    int last_activity = -1;
    double last_draw_ms = 0;
    bool want_text = false;
    double toast_bottom = 0;        // CSS px below the app's toast (0: none shown)
};

extern WebShell* g_shell;   // for the test hooks (web_test_hooks.cpp)

}  // namespace nd::platform::web
