#include "settle.hpp"

#include <imgui.h>

#include "app.hpp"

namespace nd::app {

int run_until_settled(App& app, const std::function<void()>& begin_frame) {
    int frames = 0;
    while (frames < kMaxSettleFrames) {
        if (begin_frame) begin_frame();
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        ++frames;
        if (app.layout_settled()) break;
    }
    return frames;
}

}  // namespace nd::app
