// numbness-diary for the web: the same app::App as the desktop, driven by the
// browser's frame callback (emscripten_set_main_loop_arg) instead of a while
// loop. assets/web/nd-web.js mounts the diary folder (IDBFS) and loads it from
// IndexedDB before main() runs, and stores it back after every committed change.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app.hpp"
#include "emergency_text.hpp"
#include "export_actions.hpp"
#include "frame.hpp"
#include "time_util.hpp"
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

EM_JS(void, js_call_link, (const char* number, double x0, double y0, double x1, double y1), {
    if (window.ndWeb) window.ndWeb.placeCallLink(UTF8ToString(number), x0, y0, x1, y1);
});

EM_JS(void, js_has_entries, (int has), {
    if (window.ndWeb) window.ndWeb.hasEntries = !!has;
});
EM_JS(double, js_visible_bottom, (), {
    return window.ndWeb && window.ndWeb.visibleBottom ? window.ndWeb.visibleBottom() : 1e9;
});

// The page around the canvas (the safe area's bands under a notch and the home
// indicator) and the browser's bars take the app's background: a dark app had
// light bands above and below it.
EM_JS(void, js_page_colour, (int rgb), {
    const css = '#' + (rgb >>> 0).toString(16).padStart(6, '0');
    document.documentElement.style.background = css;
    document.body.style.background = css;
    const meta = document.querySelector('meta[name="theme-color"]');
    if (meta) meta.setAttribute('content', css);
});

EM_JS(double, js_text_scale, (), {
    return window.ndWeb && window.ndWeb.textScale ? window.ndWeb.textScale : 1;
});

constexpr int kBusyFramesAfterInput = 30;   // about half a second of frames after any input
constexpr double kIdleRedrawMs = 1000.0;     // a frame now and then when idle (clock, toasts)

// The device's own pixel ratio (3 on many phones), so text is as sharp as the
// screen allows. Lowered (to 2, then 1) only when the font atlas at that ratio
// would outgrow the GPU's largest texture (WebGL often allows 8192 px): then
// nothing would draw at all.
double g_max_ratio = 4.0;

double device_pixel_ratio() {
    const double r = emscripten_get_device_pixel_ratio();
    return r > 0.5 ? std::min(r, g_max_ratio) : 1.0;
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

// After the app rebuilt its font atlas (draw_frame's hook): if it is too big for
// the GPU at this pixel ratio, steps the ratio down and says so (the fonts are
// then built again).
bool atlas_fits(WebShell& sh) {
    GLint max_tex = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (max_tex > 0 && (atlas.TexWidth > max_tex || atlas.TexHeight > max_tex) && device_pixel_ratio() > 1.0) {
        g_max_ratio = std::max(1.0, std::floor(device_pixel_ratio()) - 1.0);
        std::printf("web: font atlas %dx%d exceeds %d px: pixel ratio capped at %.0f\n", atlas.TexWidth,
                    atlas.TexHeight, max_tex, g_max_ratio);
        sh.app->set_display_scale(static_cast<float>(device_pixel_ratio()));
        sync_canvas_size(sh);
        return false;
    }
    return true;
}

// The field being typed in (ImGui's active text field), and the window that
// scrolls it: its rectangle in framebuffer pixels. False when none is active.
struct TypedField {
    float y0 = 0, y1 = 0;
    ImGuiWindow* scroller = nullptr;
};
bool typed_field(WebShell& sh, TypedField& f) {
    const ImGuiContext& g = *GImGui;
    if (!ImGui::GetIO().WantTextInput || !g.ActiveId || !g.ActiveIdWindow) return false;
    const app::AppState& s = sh.app->state();
    // A one-line field is a recorded item; a multi-line one (the note) is a child
    // window of its own, which is the active window: its rectangle is the field's.
    bool found = false;
    for (const auto& [key, r] : s.items)
        if (r.id == g.ActiveId) f.y0 = r.y0, f.y1 = r.y1, found = true;
    ImGuiWindow* w = g.ActiveIdWindow;
    if (!found) {
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow) || !w->ParentWindow) return false;
        f.y0 = w->Pos.y, f.y1 = w->Pos.y + w->Size.y;
    }
    // The field's own frame (a multi-line field's child window) moves with it:
    // the window to scroll is the one holding it.
    if ((w->Flags & ImGuiWindowFlags_ChildWindow) && w->ParentWindow && w->Pos.y >= f.y0 - 1.0f &&
        w->Pos.y + w->Size.y <= f.y1 + 1.0f)
        w = w->ParentWindow;
    while (w && w->ScrollMax.y <= 0.0f && w->ParentWindow) w = w->ParentWindow;
    if (!w || w->ScrollMax.y <= 0.0f) return false;
    f.scroller = w;
    return true;
}

// The field being typed in stays above the on-screen keyboard: when its bottom
// is below what the person sees (visualViewport, or a canvas the keyboard made
// shorter) or below the part of its window that is shown (the Log form ends
// above Save), the window holding it is scrolled by the difference. Returns true
// when it scrolled (one more frame is needed).
bool keep_field_visible(WebShell& sh, float dpr) {
    TypedField f;
    if (!typed_field(sh, f)) return false;
    ImGuiWindow* w = f.scroller;
    const float margin = 16.0f * dpr;
    const float bottom = std::min(static_cast<float>(js_visible_bottom()) * dpr, w->InnerClipRect.Max.y);
    const float top = std::max(0.0f, w->InnerClipRect.Min.y);
    float delta = 0;
    if (f.y1 + margin > bottom) delta = f.y1 + margin - bottom;
    if (f.y0 - delta < top + margin) delta = f.y0 - top - margin;   // a field taller than the room: its top first
    if (std::fabs(delta) < 1.0f) return false;
    const float to = std::clamp(w->Scroll.y + delta, 0.0f, w->ScrollMax.y);
    if (std::fabs(to - w->Scroll.y) < 1.0f) return false;
    ImGui::SetScrollY(w, to);
    return true;
}

// The page changed size while a field is being typed in (an on-screen keyboard
// that resizes the page, the phone turned). Before the first frame at the new
// size, the field is brought to the top of the window that scrolls it: a shorter
// window could otherwise leave the card holding it wholly out of view, and
// ImGui skips a child window it cannot see, so the field would stop being drawn
// and let go of the text (the keyboard closing under the person's fingers).
// keep_field_visible() then puts it just above the keyboard.
void bring_field_to_top(WebShell& sh, float dpr) {
    TypedField f;
    if (!typed_field(sh, f)) return;
    ImGuiWindow* w = f.scroller;
    const float to = w->Scroll.y + (f.y0 - (w->InnerClipRect.Min.y + 16.0f * dpr));
    if (to > w->Scroll.y) ImGui::SetScrollY(w, to);   // clamped at the next frame, to the new size
}

// The browser's text size (its default font size, the phone's text size where
// the browser passes it on: nd-web.js) is followed while the app's own text size
// is Normal: the app's text size nearest to it, never smaller than Normal. A size
// the person picks in Settings (Large and up) is theirs and wins. Nothing is
// saved here: Settings saves what it shows when the person changes something.
void follow_browser_text_size(WebShell& sh) {
    app::AppState& s = sh.app->state();
    static constexpr float kSizes[] = {1.0f, 1.2f, 1.45f, 1.75f};   // Settings' Normal .. Largest
    // At the start, or when the person picked a size in Settings: Normal follows
    // the browser, any other size is the person's.
    if (sh.font_scale_set < 0 || s.settings.font_scale != sh.font_scale_set)
        sh.follow_browser_text = s.settings.font_scale == kSizes[0];
    if (!sh.follow_browser_text) {
        sh.font_scale_set = s.settings.font_scale;
        return;
    }
    const double browser = js_text_scale();
    if (browser == sh.browser_text_scale && s.settings.font_scale == sh.font_scale_set) return;
    sh.browser_text_scale = browser;
    float want = kSizes[0];
    for (const float k : kSizes)
        if (std::fabs(k - browser) < std::fabs(want - browser)) want = k;
    if (want != s.settings.font_scale) {
        s.settings.font_scale = want;
        s.fonts_dirty = true;
    }
    sh.font_scale_set = want;
}

// "Call 112 now" on the warning screen is drawn text; on a phone it has to dial.
// The page puts a real <a href="tel:..."> over it (assets/web/nd-web.js), where the app
// drew it in this frame; nowhere when it is not on screen.
void place_call_link(WebShell& sh, float dpr) {
    const app::AppState& s = sh.app->state();
    const auto it = s.items.find("call_banner");
    const bool shown = !s.pending_red_flags.empty() && it != s.items.end() && it->second.visible;
    const std::vector<std::string> numbers = app::emergency_numbers(s.settings);
    const std::string number = shown && !numbers.empty() ? numbers.front() : "";
    const float x0 = shown ? it->second.x0 / dpr : 0, y0 = shown ? it->second.y0 / dpr : 0;
    const float x1 = shown ? it->second.x1 / dpr : 0, y1 = shown ? it->second.y1 / dpr : 0;
    if (number == sh.call_number && x0 == sh.call_rect[0] && y0 == sh.call_rect[1] && x1 == sh.call_rect[2] &&
        y1 == sh.call_rect[3])
        return;
    sh.call_number = number;
    sh.call_rect[0] = x0, sh.call_rect[1] = y0, sh.call_rect[2] = x1, sh.call_rect[3] = y1;
    js_call_link(number.c_str(), x0, y0, x1, y1);
}

void step(void* arg) {
    WebShell& sh = *static_cast<WebShell*>(arg);
    app::App& app = *sh.app;
    WebInput& input = web_input();

    if (sync_canvas_size(sh)) {
        sh.busy_frames = std::max(sh.busy_frames, 3);
        bring_field_to_top(sh, static_cast<float>(device_pixel_ratio()));
    }
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

    follow_browser_text_size(sh);
    // The desktop's frame (frame.hpp: the settle loop, then the render), with the
    // page's touch input handed over on the first of the settle loop's frames only.
    FrameHooks hooks;
    hooks.atlas_fits = [&] { return atlas_fits(sh); };
    hooks.after_new_frame = [&](bool first) {
        if (first) input.apply(10.0f * static_cast<float>(device_pixel_ratio()));
        else input.reapply();
    };
    ++sh.steps_drawn;
    sh.imgui_frames += draw_frame(app, sh.frame, static_cast<float>(device_pixel_ratio()), sh.fb_w, sh.fb_h, hooks);
    const float dpr = static_cast<float>(device_pixel_ratio());
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const int page_rgb = (static_cast<int>(std::lround(bg.x * 255)) << 16) | (static_cast<int>(std::lround(bg.y * 255)) << 8) |
                         static_cast<int>(std::lround(bg.z * 255));
    if (page_rgb != sh.page_rgb) {
        sh.page_rgb = page_rgb;
        js_page_colour(page_rgb);
    }

    // The page's storage status sits at the top, where the app shows its toasts
    // ("Saved to your diary."): tell the page where the toast ends so the status
    // goes below it instead of over it.
    const std::optional<app::ScreenRect> toast = app.toast_rect();
    const double toast_bottom = toast ? toast->y1 / dpr : 0.0;
    if (toast_bottom != sh.toast_bottom) {
        sh.toast_bottom = toast_bottom;
        js_toast_bottom(toast_bottom);
    }

    const bool want_text = ImGui::GetIO().WantTextInput;
    if (want_text != sh.want_text) {
        sh.want_text = want_text;
        js_want_text_input(want_text ? 1 : 0);
    }
    place_call_link(sh, dpr);
    update_a11y_mirror(sh, dpr);
    // The page asks the browser to keep the diary at the first save of an entry
    // (not at the first-run settings): it needs to know when there is one.
    const bool has_entries = !app.state().diary.episodes.empty() || !app.state().diary.checkins.empty();
    if (has_entries != sh.has_entries) {
        sh.has_entries = has_entries;
        js_has_entries(has_entries ? 1 : 0);
    }
    if (keep_field_visible(sh, dpr)) sh.busy_frames = std::max(sh.busy_frames, 2);
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

    init_imgui(window, "#version 300 es");

    ::mkdir(kExportDir, 0700);
    static app::App app(services);
    app.open_diary(std::string(kDataDir) + "/diary.sqlite");
    app.on_start(static_cast<float>(device_pixel_ratio()));
    // Widget positions are always recorded on the web: the tel: link over the
    // call banner needs them (and the tests read them, with ?test).
    app.state().record_items = true;

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

// The page's "Download a backup now" (assets/web/nd-web.js, when the browser refused
// persistent storage): the Export page with a backup chosen, one tap from the download.
extern "C" EMSCRIPTEN_KEEPALIVE void nd_web_show_backup() {
    using namespace nd::app;
    auto* sh = nd::platform::web::g_shell;
    if (!sh || !sh->app) return;
    AppState& s = sh->app->state();
    ExportPageState& ex = sh->app->pages().export_page;
    ex.initialised = true;
    ex.restoring = false;
    ex.format = ExportFormat::Backup;
    ex.file_name = default_file_name(ExportFormat::Backup, nd::local_date(s.now_local()));
    ex.file_name_edited = false;
    s.request_page = Page::Export;
}

int main() { return nd::platform::web::run(); }
