#include "shell.hpp"
#include "window_identity.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include "first_frame_probe.hpp"
#include "frame.hpp"
#include "keyboard.hpp"
#include "paths.hpp"
#include "window_geometry.hpp"

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <string>
#include <vector>

namespace nd::platform {

namespace {

std::string g_glfw_error;   // GLFW reports errors through a C callback without user data

void on_glfw_error(int code, const char* text) {
    g_glfw_error = std::to_string(code) + ": " + (text ? text : "");
}

void no_display_message() {
    std::fprintf(stderr,
                 "Numbness Diary needs a graphical display, and none was found.\n"
                 "Start it from your desktop, or set DISPLAY (X11) or WAYLAND_DISPLAY.\n"
                 "To run it without a screen (for example on a server), use: xvfb-run -a numbness-diary\n%s%s\n",
                 g_glfw_error.empty() ? "" : "Details: GLFW error ", g_glfw_error.c_str());
}

bool save_back_buffer(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    stbi_flip_vertically_on_write(1);   // GL rows start at the bottom
    return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

// Tab goes to the app's own focus order (keyboard.hpp), not to ImGui 1.86, whose
// Tab visits text fields only: the key is taken out of ImGui's input here.
void feed_keys(app::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    static bool tab_was_down = false;   // GLFW's key state between polls
    const bool tab_down = io.KeysDown[GLFW_KEY_TAB];
    if (tab_down && !tab_was_down && !io.KeyCtrl && !io.KeyAlt) app::press_tab(app.state(), io.KeyShift);
    tab_was_down = tab_down;
    io.KeysDown[GLFW_KEY_TAB] = false;
}

// The window's size, place and maximised state, kept per machine (beside the
// diary in the data folder, not in the diary: a backup taken to another computer
// must not carry this screen's layout).
std::string window_state_file() { return (std::filesystem::path(data_dir()) / "window-state.txt").string(); }

app::WorkArea work_area_of_primary() {
    app::WorkArea a;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) glfwGetMonitorWorkarea(m, &a.x, &a.y, &a.w, &a.h);
    return a;
}

app::WindowGeometry first_window_geometry(const ShellOptions& options) {
    app::WindowGeometry want{0, 0, options.width, options.height, false, false};
    if (!options.size_given) {
        std::ifstream in(window_state_file());
        std::string line;
        if (std::getline(in, line))
            if (auto saved = app::parse_window_geometry(line)) want = *saved;
    }
    return app::fit_window(want, work_area_of_primary());
}

void save_window_geometry(GLFWwindow* window) {
    app::WindowGeometry g;
    g.maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
    if (g.maximized) glfwRestoreWindow(window);   // keep the size it returns to, not the maximised one
    glfwGetWindowPos(window, &g.x, &g.y);
    glfwGetWindowSize(window, &g.w, &g.h);
    std::ofstream out(window_state_file(), std::ios::trunc);
    out << app::format_window_geometry(g);
}

float content_scale(GLFWwindow* window) {
    float xs = 1.0f, ys = 1.0f;
    glfwGetWindowContentScale(window, &xs, &ys);
    return xs > 0.5f ? xs : 1.0f;
}

}  // namespace

int run_shell(app::App& app, DesktopServices& services, const ShellOptions& options) {
    glfwSetErrorCallback(on_glfw_error);
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((!display || !*display) && (!wayland || !*wayland)) {
        no_display_message();
        return 1;
    }
    if (!glfwInit()) {
        no_display_message();
        return 1;
    }
    const bool shot = !options.screenshot.empty();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_RESIZABLE, shot ? GLFW_FALSE : GLFW_TRUE);
    // The first window fits the monitor's work area (a screenshot keeps its exact size).
    const app::WindowGeometry geo = shot ? app::WindowGeometry{0, 0, options.width, options.height, false, false}
                                         : first_window_geometry(options);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);   // shown once placed, so it does not jump
    hint_window_class();   // WM_CLASS = the .desktop file's StartupWMClass (window_identity.hpp)
    GLFWwindow* window = glfwCreateWindow(geo.w, geo.h, "Numbness Diary", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "Numbness Diary could not open a window with OpenGL 3.0.\nDetails: GLFW error %s\n",
                     g_glfw_error.c_str());
        glfwTerminate();
        return 1;
    }
    if (geo.has_position) glfwSetWindowPos(window, geo.x, geo.y);
    if (geo.maximized) glfwMaximizeWindow(window);
    glfwShowWindow(window);
    set_window_icon(window);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(shot ? 0 : 1);
    services.set_window(window);

    init_imgui(window, "#version 130");

    app.on_start(content_scale(window));
    if (options.after_start) options.after_start(app);

    FrameState frame_state;
    int frame = 0;
    int busy_frames = 3;
    int exit_code = 0;
    while (!glfwWindowShouldClose(window)) {
        if (shot || busy_frames > 0) {
            glfwPollEvents();
            --busy_frames;
        } else {
            // Idle: sleep until input arrives (a diary must not burn a core). Wake
            // now and then so a toast can time out, and often while work runs in
            // the background (a load, an export): its progress and result show.
            glfwWaitEventsTimeout(app.busy() ? 0.05 : app.state().toast.empty() ? 5.0 : 0.25);
            busy_frames = 1;   // one more look after the input (hover follows the pointer)
        }
        feed_keys(app);
        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window, &fb_w, &fb_h);
        draw_frame(app, frame_state, content_scale(window), fb_w, fb_h);   // frame.hpp: settled, then rendered
        if (shot && ++frame >= options.screenshot_frames) {
            if (!save_back_buffer(options.screenshot, fb_w, fb_h)) {
                std::fprintf(stderr, "Could not write %s\n", options.screenshot.c_str());
                exit_code = 1;
            }
            break;
        }
        glfwSwapBuffers(window);
        if (first_frame_shown()) break;   // ND_EXIT_AFTER_FIRST_FRAME: the start benchmark
    }

    app.on_exit();
    if (!shot) save_window_geometry(window);
    shutdown_imgui();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

}  // namespace nd::platform
