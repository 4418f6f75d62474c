// The frame both shells draw: the desktop's (shell.cpp, a while loop) and the
// web's (web/web_main.cpp, the browser's frame callback). They differ in when a
// frame is drawn and in what happens around it (the desktop's Tab key, the web's
// touch input and page); what a frame is lives here, once: Dear ImGui's GLFW and
// OpenGL3 backends, the app's fonts, the settle loop (app/settle.hpp) and the
// render into the framebuffer.
#pragma once

#include <functional>

struct GLFWwindow;

namespace nd::app {
class App;
}

namespace nd::platform {

// After the window's GL context is current: ImGui's context (no imgui.ini, the
// keyboard navigates) and its backends. `glsl_version`: "#version 130" for the
// desktop's OpenGL 3.0, "#version 300 es" for WebGL 2.
void init_imgui(GLFWwindow* window, const char* glsl_version);
void shutdown_imgui();

// What a shell adds to the shared frame.
struct FrameHooks {
    // After the app rebuilt its fonts: false when the atlas cannot be used (the
    // web: larger than the GPU's largest texture), after the shell changed what
    // the fonts are built for (a lower pixel ratio); they are built again, up to
    // four times. None: the atlas is used as it is (the desktop).
    std::function<bool()> atlas_fits;
    // After the backends' new frame, before ImGui::NewFrame: the shell's own input
    // (the web's touch). `first`: the first of the settle loop's frames.
    std::function<void(bool first)> after_new_frame;
};

// Between frames: the backend makes the font atlas's texture in its first
// NewFrame, and remakes it only after that.
struct FrameState {
    bool texture_made = false;
};

// One presented frame: the app's display scale (the screen's pixels per point),
// then ImGui frames run by app::run_until_settled, each after the app's fonts (when
// it asks) and the backends' new frame, and the last one rendered into the
// framebuffer (fb_w x fb_h pixels) cleared to the app's background. The caller
// shows it (swaps buffers; the browser does at the callback's end). Returns the
// number of ImGui frames run.
int draw_frame(app::App& app, FrameState& state, float display_scale, int fb_w, int fb_h,
               const FrameHooks& hooks = {});

}  // namespace nd::platform
