// Where the toast was drawn (App::toast_rect): the web page places its storage
// status just below the app's toast ("Saved to your diary."), so the app says
// where that is, in the same pixels the shell draws in. Checked against the
// window ImGui laid out for it, and against the place the toast is meant to take:
// centred at the top, within the screen, gone with the toast.
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

#include "ui_harness.hpp"

using namespace nd::app;
using nd::app::test::Ui;

namespace {

// The toast's window as ImGui laid it out in the last frame (what the web shell
// once looked up by name), or nullptr when it was not drawn.
const ImGuiWindow* toast_window() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##toast");
    return w && w->Active ? w : nullptr;
}

}  // namespace

TEST_CASE("No toast: the app reports none", "[app][toast]") {
    Ui ui(1280, 800);
    REQUIRE(ui.state().toast.empty());
    CHECK_FALSE(ui.app->toast_rect().has_value());
}

TEST_CASE("A toast's rectangle is where it was drawn: centred at the top, on screen", "[app][toast]") {
    for (const ImVec2 display : {ImVec2(1280, 800), ImVec2(390, 844)}) {
        INFO("display " << display.x << "x" << display.y);
        Ui ui(display.x, display.y);
        ui.state().show_toast("Saved to your diary.");
        ui.settle();
        const auto r = ui.app->toast_rect();
        REQUIRE(r.has_value());
        const ImGuiWindow* w = toast_window();
        REQUIRE(w != nullptr);
        CHECK(r->x0 == w->Pos.x);
        CHECK(r->y0 == w->Pos.y);
        CHECK(r->x1 == w->Pos.x + w->Size.x);
        CHECK(r->y1 == w->Pos.y + w->Size.y);
        // At the top (12 points down), centred, inside the screen, holding a line of text.
        CHECK(r->y0 == 12.0f * ui.state().display_scale);
        CHECK(std::fabs((r->x0 + r->x1) * 0.5f - display.x * 0.5f) <= 1.0f);
        CHECK(r->x0 >= 0.0f);
        CHECK(r->x1 <= display.x);
        CHECK(r->y1 - r->y0 >= ImGui::GetTextLineHeight());
    }
}

TEST_CASE("A long toast on the phone wraps and stays on screen, and its rectangle grows with it", "[app][toast]") {
    Ui ui(390, 844);
    ui.state().show_toast("Saved.");
    ui.settle();
    const auto short_rect = ui.app->toast_rect();
    REQUIRE(short_rect.has_value());
    ui.state().show_toast("Could not save: the disk is full. Nothing was changed; free some space and try again.", 8.0);
    ui.settle();
    const auto long_rect = ui.app->toast_rect();
    REQUIRE(long_rect.has_value());
    CHECK(long_rect->x1 - long_rect->x0 <= 390.0f * 0.9f + 0.5f);
    CHECK(long_rect->y1 - long_rect->y0 > (short_rect->y1 - short_rect->y0) * 1.5f);   // more than one line
    const ImGuiWindow* w = toast_window();
    REQUIRE(w != nullptr);
    CHECK(long_rect->y1 == w->Pos.y + w->Size.y);
}

TEST_CASE("When the toast times out, the app reports none from that frame on", "[app][toast]") {
    Ui ui(1280, 800);
    ui.state().show_toast("Saved to your diary.", 0.5);
    ui.settle();
    REQUIRE(ui.app->toast_rect().has_value());
    // 1/60 s per frame: past its half second well within 40 frames.
    ui.settle(40);
    CHECK(ui.state().toast.empty());
    CHECK(toast_window() == nullptr);
    CHECK_FALSE(ui.app->toast_rect().has_value());
}
