// Contrast, WCAG 2.1 AA, in every theme: 4.5:1 for text (1.4.3), 3:1 for the
// parts of controls and charts that carry meaning (1.4.11: a slider's grab, a
// selected chip, the focus ring, chart marks). The pairs are the ones the app
// draws: each names where. Ratios are computed as WCAG defines them (relative
// luminance of sRGB), not copied from anywhere.
#include <catch2/catch.hpp>
#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

#include "body_map.hpp"
#include "theme.hpp"

using namespace nd::app;

namespace {

double channel(float c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double luminance(ImVec4 c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }
double contrast(ImVec4 a, ImVec4 b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* where;
    ImVec4 fg, bg;
    double min;
};

std::vector<Pair> pairs_of_current_theme(bool high_contrast) {
    const Palette& p = palette();
    const ImVec4* c = ImGui::GetStyle().Colors;
    std::vector<Pair> out = {
        {"text on the page", p.text, p.background, 4.5},
        {"text on a card", p.text, p.card, 4.5},
        {"text on a secondary button", c[ImGuiCol_Text], c[ImGuiCol_Button], 4.5},
        {"text in a text field", c[ImGuiCol_Text], c[ImGuiCol_FrameBg], 4.5},
        {"text on a selected row", p.text, p.accent_soft, 4.5},
        {"text on a warning panel", p.text, p.warning_soft, 4.5},
        {"secondary text on the page", p.text_muted, p.background, 4.5},
        {"secondary text on a card (tab bar labels)", p.text_muted, p.card, 4.5},
        {"accent text on the page (quiet buttons, links)", p.accent, p.background, 4.5},
        {"accent text on a card", p.accent, p.card, 4.5},
        {"accent text on a selected tab or nav entry", p.accent, p.accent_soft, 4.5},
        {"label of a primary button or selected chip", p.accent_text, p.accent, 4.5},
        {"red warning text on the page", p.danger, p.background, 4.5},
        {"red warning text on a card", p.danger, p.card, 4.5},
        {"label of a danger button", p.danger_text, p.danger, 4.5},
        {"toast (inverse)", p.background, p.text, 4.5},
        {"slider grab against its track", c[ImGuiCol_SliderGrab], c[ImGuiCol_FrameBg], 3.0},
        {"check mark against its box", c[ImGuiCol_CheckMark], c[ImGuiCol_FrameBg], 3.0},
        {"selected chip against a card", p.accent, p.card, 3.0},
        {"focus ring against the page", p.focus, p.background, 3.0},
        {"focus ring against a card", p.focus, p.card, 3.0},
        {"focus ring against a button", p.focus, c[ImGuiCol_Button], 3.0},
        {"evidence-for mark on a card", p.success, p.card, 3.0},
        {"chart: episodes bar", p.accent, p.card, 3.0},
        {"chart: warning-sign bar", p.danger, p.card, 3.0},
        {"chart: pain line", p.pain, p.card, 3.0},
        // The body map: its outline draws the legs, a marked region is the accent.
        {"body map: outline against the page", p.text_muted, p.background, 3.0},
        {"body map: outline against a region", p.text_muted, body_map_region_fill(), 3.0},
        {"body map: marked region against an unmarked one", p.accent, body_map_region_fill(), 3.0},
        {"body map: marked region against the page", p.accent, p.background, 3.0},
    };
    // On a dark page the unmarked legs are a fill clearly lighter than the page (they
    // were dark grey on dark grey, 1.4:1); the outline carries the 3:1 above.
    if (luminance(p.background) < 0.2)
        out.push_back({"body map: unmarked region against a dark page", body_map_region_fill(), p.background, 1.8});
    // ImGui draws a slider's value over its grab. The app's sliders in High
    // contrast were white "5 of 10" on yellow.
    if (high_contrast) out.push_back({"slider value over its grab", c[ImGuiCol_Text], c[ImGuiCol_SliderGrab], 4.5});
    return out;
}

struct Context {
    ImGuiContext* ctx = ImGui::CreateContext();
    ~Context() { ImGui::DestroyContext(ctx); }
};

}  // namespace

TEST_CASE("Every text and control meets WCAG AA contrast in every theme", "[app][contrast]") {
    Context ctx;
    for (const Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        apply_theme(t, 1.0f);
        for (const Pair& pair : pairs_of_current_theme(t == Theme::HighContrast)) {
            const double r = contrast(pair.fg, pair.bg);
            INFO("theme " << static_cast<int>(t) << ": " << pair.where << " is " << r << ":1, needs " << pair.min);
            CHECK(r >= pair.min);
        }
    }
}

TEST_CASE("The contrast formula matches WCAG's reference values", "[app][contrast]") {
    // Black on white is 21:1 and a colour on itself 1:1 (WCAG 2.1, definition of contrast ratio).
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == Approx(21.0));
    CHECK(contrast(ImVec4(0.5f, 0.5f, 0.5f, 1), ImVec4(0.5f, 0.5f, 0.5f, 1)) == Approx(1.0));
    // White on the old High contrast slider grab (#FFD400) fails: the case the issue reported.
    CHECK(contrast(ImVec4(1, 1, 1, 1), ImVec4(1.0f, 212 / 255.0f, 0, 1)) < 1.5);
}

TEST_CASE("One meaning per colour in the charts: red is warning signs only", "[app][contrast]") {
    Context ctx;
    for (const Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        apply_theme(t, 1.0f);
        const Palette& p = palette();
        auto same = [](ImVec4 a, ImVec4 b) { return a.x == b.x && a.y == b.y && a.z == b.z; };
        INFO("theme " << static_cast<int>(t));
        CHECK_FALSE(same(p.pain, p.danger));
        CHECK_FALSE(same(p.pain, p.accent));
        CHECK_FALSE(same(p.accent, p.danger));
        // Red-ish: the pain colour's red channel does not dominate as the warning colour's does.
        CHECK_FALSE((p.pain.x > 0.7f && p.pain.y < 0.45f && p.pain.z < 0.45f));
    }
}
