// Touch and the phone keyboard for Dear ImGui 1.86 in a browser.
//  - Touches: assets/web/nd-web.js takes them off the canvas (GLFW's Emscripten port
//    maps them badly) and hands them here. A tap becomes hover, press and
//    release on separate frames (1.86 has no input queue: a press and release
//    within one frame is lost). A mostly vertical drag scrolls the window under
//    the finger (1.86 has no drag-to-scroll), cancels the press, and keeps
//    gliding a little after the finger lifts.
//  - Text: while ImGui wants text, nd-web.js focuses a hidden <input> so the
//    phone shows its keyboard; the text typed there (and Backspace / Enter) is
//    handed here and fed to ImGui.
#pragma once

#include <deque>
#include <string>

struct ImGuiWindow;

namespace nd::platform::web {

class WebInput {
public:
    enum class TouchPhase { Start = 0, Move = 1, End = 2, Cancel = 3 };
    enum class Key { Backspace = 0, Enter = 1 };

    // Positions in framebuffer pixels (the page's ImGui coordinates).
    void touch(TouchPhase phase, float x, float y);
    void mouse_used() { touch_mode_ = false; }
    // Text and keys keep their order: a composed word's correction is Backspaces
    // then new text, and ImGui handles a frame's characters before its keys.
    void text(const std::string& utf8) {
        if (utf8.empty()) return;
        if (!ops_.empty() && !ops_.back().is_key) ops_.back().text += utf8;
        else ops_.push_back({false, Key::Backspace, utf8});
    }
    void key(Key k) { ops_.push_back({true, k, {}}); }
    // The phone keyboard was dismissed: the field lets go on the next frame, so a
    // tap on it opens it (and the keyboard) again.
    void text_dismissed() { dismissed_ = true; }

    // After the backends' NewFrame, before ImGui::NewFrame: overrides the mouse
    // while touch drives the page, feeds text and keys, scrolls.
    void apply(float drag_threshold_px);
    // For the unshown frames of a settle run (app/settle.hpp): the same pointer
    // again (the GLFW backend's NewFrame overwrote it), nothing consumed.
    void reapply();
    // True while a touch, a queued step or a glide still needs frames.
    bool busy() const;

private:
    struct Sample {
        float x, y;
        bool down;
    };
    std::deque<Sample> queue_;
    Sample current_{-1e30f, -1e30f, false};
    bool touch_mode_ = false;

    // Drag-to-scroll.
    bool pressed_ = false;        // the finger is down
    float press_x_ = 0, press_y_ = 0;
    bool scrolling_ = false;
    ImGuiWindow* target_ = nullptr;
    float scroll_start_ = 0, drag_y0_ = 0, last_y_ = 0, velocity_ = 0;

    struct Op {
        bool is_key;
        Key key;
        std::string text;
    };
    std::deque<Op> ops_;
    bool dismissed_ = false;
    int key_down_ = -1;           // a key held for one frame, released on the next

    void start_scroll(float y);
};

WebInput& web_input();

}  // namespace nd::platform::web
