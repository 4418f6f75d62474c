// The web shell's state between frames (one per page).
#pragma once

#include <string>

#include "frame.hpp"

struct GLFWwindow;

namespace nd::app {
class App;
}

namespace nd::platform::web {

struct WebShell {
    app::App* app = nullptr;
    GLFWwindow* window = nullptr;
    int fb_w = 0, fb_h = 0;         // canvas size in device pixels
    FrameState frame;               // between the frames draw_frame() draws (frame.hpp)
    int busy_frames = 5;
    int last_activity = -1;
    double last_draw_ms = 0;
    bool want_text = false;
    double toast_bottom = 0;        // CSS px below the app's toast (0: none shown)
    std::string a11y_last;          // the accessible mirror's data last handed to the page
    long steps_drawn = 0, imgui_frames = 0;   // presented frames, and ImGui frames run for them (settle loop)
    bool has_entries = false;       // the diary holds an episode or a check-in (told to the page)
    std::string call_number;        // the tel: link placed over the call banner ("" none)
    float call_rect[4] = {0, 0, 0, 0};
    double browser_text_scale = 0;  // the browser's text size (1: its default) last applied
    float font_scale_set = -1;      // the app's text size as the shell last set it (-1: not yet)
    int page_rgb = -1;              // the page's background as last set (the app's, 0xRRGGBB)
    bool follow_browser_text = true;  // the app's text size is Normal: the browser's is followed
};

extern WebShell* g_shell;

// Hands the accessible mirror's data to the page when it changed (web_a11y.cpp).
void update_a11y_mirror(WebShell& sh, float dpr);   // for the test hooks (web_test_hooks.cpp)

}  // namespace nd::platform::web
