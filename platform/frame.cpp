#include "frame.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include "app.hpp"
#include "settle.hpp"

namespace nd::platform {

void init_imgui(GLFWwindow* window, const char* glsl_version) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // the layout is fixed; do not litter the working folder
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init(glsl_version);
}

void shutdown_imgui() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

namespace {

// The app rebuilds its font atlas when it asks (a new text size or display
// scale); the texture the backend made of the old one is replaced.
void rebuild_fonts_if_needed(app::App& app, FrameState& state, const FrameHooks& hooks) {
    for (int tries = 0; app.fonts_dirty() && tries < 4; ++tries) {
        app.rebuild_fonts();
        if (hooks.atlas_fits && !hooks.atlas_fits()) continue;
        if (state.texture_made) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
}

}  // namespace

int draw_frame(app::App& app, FrameState& state, float display_scale, int fb_w, int fb_h, const FrameHooks& hooks) {
    app.set_display_scale(display_scale);
    // Frames are drawn, unshown, until the layout stops changing (app/settle.hpp):
    // a tap never shows a half-laid-out page.
    bool first = true;
    const int frames = app::run_until_settled(app, [&] {
        rebuild_fonts_if_needed(app, state, hooks);
        ImGui_ImplOpenGL3_NewFrame();
        state.texture_made = true;
        ImGui_ImplGlfw_NewFrame();
        // Two frames within the timer's resolution (the browser's is coarse): ImGui
        // needs time to pass.
        ImGuiIO& io = ImGui::GetIO();
        if (io.DeltaTime <= 0.0f) io.DeltaTime = 1e-4f;
        if (hooks.after_new_frame) hooks.after_new_frame(first);
        first = false;
    });
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return frames;
}

}  // namespace nd::platform
