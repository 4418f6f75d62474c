// Drives the real App headless: an ImGui context with a display size, no window,
// no GL. Input is simulated one frame per step (Dear ImGui 1.86 has no event
// queue): hover, press, release. Widgets record their rectangles by label
// (AppState::record_items), and the body map publishes its hit rectangles.
#pragma once

#include <catch2/catch.hpp>
#include <imgui.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "app.hpp"
#include "services.hpp"
#include "store.hpp"

namespace nd::app::test {

// The real fonts (DejaVu Sans and FontAwesome, as the desktop app uses), for tests
// whose answer depends on how much fits a screen (the built-in font is smaller).
struct RealFontServices : FakeServices {
    std::string font_file(const std::string& name) override {
        const std::string path = name == "fontawesome" ? "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf"
                                                       : "/usr/share/fonts/truetype/dejavu/" + name;
        std::FILE* f = std::fopen(path.c_str(), "rb");
        if (!f) return "";
        std::fclose(f);
        return path;
    }
};

struct Ui {
    std::unique_ptr<FakeServices> services_owner;
    FakeServices& services;
    ImGuiContext* ctx = nullptr;
    std::unique_ptr<App> app;

    explicit Ui(float w = 1280, float h = 3600, bool first_run_done = true, bool real_fonts = false)
        : services_owner(real_fonts ? std::make_unique<RealFontServices>() : std::make_unique<FakeServices>()),
          services(*services_owner) {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(w, h);
        io.DeltaTime = 1.0f / 60.0f;
        io.KeyMap[ImGuiKey_Z] = 'Z';
        io.KeyMap[ImGuiKey_Y] = 'Y';
        io.KeyMap[ImGuiKey_Tab] = 9;
        io.KeyMap[ImGuiKey_Space] = ' ';
        io.KeyMap[ImGuiKey_Enter] = 13;
        services.assets = ND_SOURCE_ASSETS_DIR;
        app = std::make_unique<App>(services);
        app->use_store(Store::open_in_memory());
        if (first_run_done) app->state().store->set_setting("ui.first_run_done", "1");
        app->on_start(1.0f);
        app->rebuild_fonts();   // before the first NewFrame, as the platform does
        state().record_items = true;
        settle();
    }
    ~Ui() {
        app.reset();
        ImGui::DestroyContext(ctx);
    }
    Ui(const Ui&) = delete;
    Ui& operator=(const Ui&) = delete;

    AppState& state() { return app->state(); }
    PageStates& pages() { return app->pages(); }
    Store& store() { return *state().store; }

    void frame() {
        ImGui::NewFrame();
        app->frame();
        ImGui::Render();
    }
    // Cards measure their height on the frame after they first appear.
    void settle(int frames = 3) {
        for (int i = 0; i < frames; ++i) frame();
    }
    void click_at(float x, float y) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        frame();                      // hover
        io.MouseDown[0] = true;
        frame();                      // press
        io.MouseDown[0] = false;
        frame();                      // release: Button() returns true here
        settle(2);
    }
    bool has(const std::string& key) { return state().items.count(key) > 0; }
    void click(const std::string& key) {
        INFO("item " << key);
        REQUIRE(has(key));
        const ItemRect r = state().items.at(key);
        INFO("at " << r.cx() << ", " << r.cy());
        // Items scrolled out of view cannot be clicked: make the display taller in the test.
        REQUIRE(r.visible);
        click_at(r.cx(), r.cy());
    }
    bool has_region(RegionMark m) {
        for (const RegionHit& h : pages().body_map.hits)
            if (h.mark == m) return true;
        return false;
    }
    void tap_region(RegionMark m) {
        for (const RegionHit& h : pages().body_map.hits)
            if (h.mark == m) return click_at(h.cx(), h.cy());
        FAIL("region not on the map");
    }
    void key_chord(bool ctrl, bool shift, int key) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = io.KeyShift = false;
        settle(2);
    }
};

}  // namespace nd::app::test
