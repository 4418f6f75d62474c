#include "web_input.hpp"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace nd::platform::web {

namespace {
constexpr float kOffscreen = -FLT_MAX;
constexpr float kGlideDecay = 0.92f;   // per frame, after the finger lifts
constexpr float kGlideStop = 0.5f;     // px per frame
}  // namespace

WebInput& web_input() {
    static WebInput input;   // the page has one; JS reaches it through the exports below
    return input;
}

void WebInput::touch(TouchPhase phase, float x, float y) {
    touch_mode_ = true;
    switch (phase) {
        case TouchPhase::Start:
            velocity_ = 0;
            queue_.push_back({x, y, false});   // hover first
            queue_.push_back({x, y, true});    // then press
            break;
        case TouchPhase::Move:
            // Coalesce moves: only the newest position matters for the next frame.
            if (queue_.size() > 2 && queue_.back().down) queue_.back() = {x, y, true};
            else queue_.push_back({x, y, true});
            break;
        case TouchPhase::End:
            queue_.push_back({x, y, false});                   // release where the finger was
            queue_.push_back({kOffscreen, kOffscreen, false});  // then no hover (phones have none)
            break;
        case TouchPhase::Cancel:
            queue_.push_back({kOffscreen, kOffscreen, false});
            break;
    }
}

bool WebInput::busy() const {
    return !queue_.empty() || pressed_ || std::fabs(velocity_) >= kGlideStop || key_down_ >= 0 || !ops_.empty();
}

void WebInput::start_scroll(float y) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiWindow* w = g.HoveredWindow;
    while (w && w->ScrollMax.y <= 0.0f && w->ParentWindow) w = w->ParentWindow;
    if (!w || w->ScrollMax.y <= 0.0f) return;   // nothing to scroll: leave the drag to the widget
    scrolling_ = true;
    target_ = w;
    scroll_start_ = w->Scroll.y;
    drag_y0_ = y;   // content follows the finger from here, without a jump
    ImGui::ClearActiveID();   // the press does not become a click (or a slider drag)
}

void WebInput::apply(float drag_threshold_px) {
    ImGuiIO& io = ImGui::GetIO();

    if (dismissed_) {
        dismissed_ = false;
        if (ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    }
    // Keys: press on one frame, release on the next; text in order between them.
    if (key_down_ >= 0) {
        io.KeysDown[key_down_] = false;
        key_down_ = -1;
    } else if (!ops_.empty()) {
        if (ops_.front().is_key) {
            key_down_ = ops_.front().key == Key::Backspace ? GLFW_KEY_BACKSPACE : GLFW_KEY_ENTER;
            io.KeysDown[key_down_] = true;
        } else {
            io.AddInputCharactersUTF8(ops_.front().text.c_str());
        }
        ops_.pop_front();
    }

    // Glide after a flick.
    if (!pressed_ && std::fabs(velocity_) >= kGlideStop && target_) {
        const float to = target_->Scroll.y - velocity_;
        ImGui::SetScrollY(target_, to);
        velocity_ *= kGlideDecay;
        // At either end there is nothing left to glide through: stop (and let the page go idle).
        if (to <= 0.0f || to >= target_->ScrollMax.y) velocity_ = 0;
    }

    if (!touch_mode_) return;
    if (!queue_.empty()) {
        const Sample s = queue_.front();
        queue_.pop_front();
        if (s.down && !pressed_) {
            pressed_ = true;
            press_x_ = s.x;
            press_y_ = s.y;
            last_y_ = s.y;
            scrolling_ = false;
            target_ = nullptr;
            velocity_ = 0;
        } else if (s.down && pressed_ && !scrolling_) {
            const float dx = s.x - press_x_, dy = s.y - press_y_;
            if (std::fabs(dy) > drag_threshold_px && std::fabs(dy) > std::fabs(dx)) start_scroll(s.y);
        }
        if (pressed_ && scrolling_ && s.down) {
            velocity_ = s.y - last_y_;
            ImGui::SetScrollY(target_, scroll_start_ - (s.y - drag_y0_));
        }
        if (s.down) last_y_ = s.y;
        if (!s.down && pressed_) {
            pressed_ = false;
            if (!scrolling_) velocity_ = 0;
        }
        current_ = s;
    }
    if (scrolling_) {
        // While scrolling, ImGui sees no pointer: the drag is not a tap on anything.
        io.MousePos = ImVec2(kOffscreen, kOffscreen);
        io.MouseDown[0] = false;
        if (!pressed_) scrolling_ = false;
        return;
    }
    io.MousePos = ImVec2(current_.x, current_.y);
    io.MouseDown[0] = current_.down;
    for (int i = 1; i < 5; ++i) io.MouseDown[i] = false;
}

void WebInput::reapply() {
    if (!touch_mode_) return;
    ImGuiIO& io = ImGui::GetIO();
    if (scrolling_) {
        io.MousePos = ImVec2(kOffscreen, kOffscreen);
        io.MouseDown[0] = false;
        return;
    }
    io.MousePos = ImVec2(current_.x, current_.y);
    io.MouseDown[0] = current_.down;
}

}  // namespace nd::platform::web

using nd::platform::web::web_input;
using nd::platform::web::WebInput;

// Called by assets/web/nd-web.js.
extern "C" {
EMSCRIPTEN_KEEPALIVE void nd_web_touch(int phase, float x, float y) {
    web_input().touch(static_cast<WebInput::TouchPhase>(phase), x, y);
}
EMSCRIPTEN_KEEPALIVE void nd_web_mouse_used() { web_input().mouse_used(); }
EMSCRIPTEN_KEEPALIVE void nd_web_text(const char* utf8) { web_input().text(utf8 ? utf8 : ""); }
// 1 when no touch, key or text is waiting for a frame (the browser test waits on it).
EMSCRIPTEN_KEEPALIVE int nd_web_input_idle() { return web_input().busy() ? 0 : 1; }
EMSCRIPTEN_KEEPALIVE void nd_web_text_dismissed() { web_input().text_dismissed(); }
EMSCRIPTEN_KEEPALIVE void nd_web_key(int key) { web_input().key(static_cast<WebInput::Key>(key)); }
}
