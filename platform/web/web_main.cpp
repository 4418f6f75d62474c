// numbness-diary for the web: the same app::App as the desktop, driven by the
// browser's frame callback (emscripten_set_main_loop_arg) instead of a while
// loop. web/nd-web.js mounts the diary folder (IDBFS) and loads it from
// IndexedDB before main() runs, and stores it back after every committed change.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app.hpp"
#include "web_input.hpp"
#include "web_services.hpp"
#include "web_shell.hpp"

namespace nd::platform::web {

namespace {

EM_JS(void, js_started, (), {
    if (window.ndWeb) window.ndWeb.onStarted();
});
EM_JS(void, js_fatal, (const char* text), {
    if (window.ndWeb) window.ndWeb.fatal(UTF8ToString(text));
});
EM_JS(int, js_activity, (), {
    return window.ndWeb ? window.ndWeb.activity : 0;
});
EM_JS(void, js_want_text_input, (int want), {
    if (window.ndWeb) window.ndWeb.wantTextInput(!!want);
});
EM_JS(void, js_after_frame, (), {
    if (window.ndWeb) window.ndWeb.afterFrame();
});
EM_JS(void, js_toast_bottom, (double css_px), {
    if (window.ndWeb) window.ndWeb.setToastBottom(css_px);
});
EM_JS(int, js_test_mode, (), {
    return window.ndWeb && window.ndWeb.testMode ? 1 : 0;
});

constexpr int kBusyFramesAfterInput = 30;   // about half a second of frames after any input
constexpr double kIdleRedrawMs = 1000.0;     // a frame now and then when idle (clock, toasts)

// At most 2 device pixels per CSS pixel: at 3 the app's font atlas (four sizes,
// each with ~700 icons merged in) outgrows WebGL's 8192-pixel texture limit and
// nothing draws. 2 is still sharp on a 3x phone screen.
constexpr double kMaxPixelRatio = 2.0;

double device_pixel_ratio() {
    const double r = emscripten_get_device_pixel_ratio();
    return r > 0.5 ? std::min(r, kMaxPixelRatio) : 1.0;
}

// Keeps the canvas's pixel size at its CSS size times the device pixel ratio, so
// text is sharp on phones. ImGui then works in device pixels with the app's
// display scale set to the ratio, exactly as on a HiDPI desktop.
bool sync_canvas_size(WebShell& sh) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    if (w == sh.fb_w && h == sh.fb_h) return false;
    glfwSetWindowSize(sh.window, w, h);
    sh.fb_w = w;
    sh.fb_h = h;
    return true;
}

void step(void* arg) {
    WebShell& sh = *static_cast<WebShell*>(arg);
    app::App& app = *sh.app;
    WebInput& input = web_input();

    if (sync_canvas_size(sh)) sh.busy_frames = std::max(sh.busy_frames, 3);
    const int activity = js_activity();
    if (activity != sh.last_activity) {
        sh.last_activity = activity;
        sh.busy_frames = kBusyFramesAfterInput;
    }
    // Idle: draw nothing (the canvas keeps the last frame) so a diary left open
    // does not burn a phone's battery.
    const double now = emscripten_get_now();
    const bool needed = sh.busy_frames > 0 || input.busy() || !app.state().toast.empty() || app.fonts_dirty() ||
                        now - sh.last_draw_ms > kIdleRedrawMs;
    if (!needed) return;
    if (sh.busy_frames > 0) --sh.busy_frames;
    sh.last_draw_ms = now;

    const float dpr = static_cast<float>(device_pixel_ratio());
    app.set_display_scale(dpr);
    if (app.fonts_dirty()) {
        app.rebuild_fonts();
        if (sh.texture_made) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
    }
    ImGui_ImplOpenGL3_NewFrame();
    sh.texture_made = true;
    ImGui_ImplGlfw_NewFrame();
    input.apply(10.0f * dpr);
    ImGui::NewFrame();
    app.frame();
    ImGui::Render();
    glViewport(0, 0, sh.fb_w, sh.fb_h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    // The page's storage status sits at the top, where the app shows its toasts
    // ("Saved to your diary."): tell the page where the toast ends so the status
    // goes below it instead of over it.
    const ImGuiWindow* toast = ImGui::FindWindowByName("##toast");
    const double toast_bottom = toast && toast->Active ? (toast->Pos.y + toast->Size.y) / dpr : 0.0;
    if (toast_bottom != sh.toast_bottom) {
        sh.toast_bottom = toast_bottom;
        js_toast_bottom(toast_bottom);
    }

    const bool want_text = ImGui::GetIO().WantTextInput;
    if (want_text != sh.want_text) {
        sh.want_text = want_text;
        js_want_text_input(want_text ? 1 : 0);
    }
    js_after_frame();   // stores the diary folder when a file in it changed
}

std::string g_glfw_error;
void on_glfw_error(int code, const char* text) { g_glfw_error = std::to_string(code) + ": " + (text ? text : ""); }

}  // namespace

WebShell* g_shell = nullptr;

int run() {
    static WebServices services;
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        js_fatal(("This browser could not start the app (GLFW " + g_glfw_error + ").").c_str());
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(390, 844, "Numbness Diary", nullptr, nullptr);
    if (!window) {
        js_fatal("This browser has no WebGL 2, which the app needs to draw. Try a current Chrome, Firefox or Safari.");
        return 1;
    }
    glfwMakeContextCurrent(window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    ::mkdir(kExportDir, 0700);
    static app::App app(services);
    app.open_diary(std::string(kDataDir) + "/diary.sqlite");
    app.on_start(static_cast<float>(device_pixel_ratio()));
    app.state().record_items = js_test_mode() != 0;

    static WebShell shell;
    shell.app = &app;
    shell.window = window;
    g_shell = &shell;
    sync_canvas_size(shell);
    js_started();
    emscripten_set_main_loop_arg(step, &shell, 0, true);   // never returns
    return 0;
}

}  // namespace nd::platform::web

int main() { return nd::platform::web::run(); }
