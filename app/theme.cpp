#include "theme.hpp"

namespace nd::app {

namespace {

ImVec4 rgb(unsigned hex, float a = 1.0f) {
    return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, a);
}

// One palette per theme. The accent is a calm teal: it reads as "health" without
// the alarm of red, which is kept for red flags alone.
const Palette kLight{rgb(0xF4F6F8), rgb(0xFFFFFF), rgb(0x1F2A37), rgb(0x5B6675), rgb(0x0F6E78),
                     rgb(0xFFFFFF), rgb(0xDCEFF1), rgb(0xD9DEE5), rgb(0xC62828), rgb(0xFFFFFF),
                     rgb(0xFFF4E0), rgb(0x2E7D32), rgb(0x0B57D0), rgb(0x8E44AD)};
const Palette kDark{rgb(0x14181D), rgb(0x1E242B), rgb(0xE7EBF0), rgb(0x9AA5B1), rgb(0x4FB3BF),
                    rgb(0x0B1A1C), rgb(0x1F3A3E), rgb(0x333B45), rgb(0xF26B68), rgb(0x1A0000),
                    rgb(0x3A3020), rgb(0x66BB6A), rgb(0xFFD54F), rgb(0xCE93D8)};
const Palette kHighContrast{rgb(0x000000), rgb(0x000000), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xFFD400),
                            rgb(0x000000), rgb(0x3D3300), rgb(0xFFFFFF), rgb(0xFF4040), rgb(0x000000),
                            rgb(0x332B00), rgb(0x7CFF7C), rgb(0x00E5FF), rgb(0xFF80FF)};

// The global state of the theme: it mirrors ImGui's own style, set with it by apply_theme.
const Palette* g_current = &kLight;
float g_ui_scale = 1.0f;

ImVec4 mix(ImVec4 a, ImVec4 b, float t) {
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

}  // namespace

const Palette& palette() { return *g_current; }

float ui_scale() { return g_ui_scale; }

float touch_height() { return 44.0f * ui_scale(); }

void apply_theme(Theme theme, float scale) {
    g_current = theme == Theme::Dark ? &kDark : theme == Theme::HighContrast ? &kHighContrast : &kLight;
    g_ui_scale = scale;
    const Palette& p = *g_current;
    const bool hc = theme == Theme::HighContrast;

    ImGuiStyle style;   // fresh defaults, so repeated calls do not compound the scale
    style.WindowPadding = ImVec2(20, 18);
    style.FramePadding = ImVec2(14, 10);
    style.ItemSpacing = ImVec2(10, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.CellPadding = ImVec2(8, 6);
    style.IndentSpacing = 22;
    style.ScrollbarSize = 14;
    style.GrabMinSize = 28;
    style.WindowRounding = 0;
    style.ChildRounding = 12;
    style.FrameRounding = 10;
    style.PopupRounding = 10;
    style.GrabRounding = 10;
    style.ScrollbarRounding = 8;
    style.TabRounding = 8;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = hc ? 2.0f : 1.0f;
    style.FrameBorderSize = hc ? 2.0f : 0.0f;
    style.PopupBorderSize = 1;
    style.ButtonTextAlign = ImVec2(0.5f, 0.5f);
    style.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    style.ScaleAllSizes(scale);
    // The size of the mouse cursor when ImGui draws it (ScaleAllSizes floors it). Only
    // that: the UI scale's home is ui_scale().
    style.MouseCursorScale = scale;

    ImVec4* c = style.Colors;
    const ImVec4 frame = hc ? p.background : mix(p.background, p.border, 0.55f);
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.text_muted;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = p.card;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = frame;
    c[ImGuiCol_FrameBgHovered] = mix(frame, p.accent, 0.15f);
    c[ImGuiCol_FrameBgActive] = mix(frame, p.accent, 0.25f);
    c[ImGuiCol_TitleBg] = p.card;
    c[ImGuiCol_TitleBgActive] = p.card;
    c[ImGuiCol_TitleBgCollapsed] = p.card;
    c[ImGuiCol_MenuBarBg] = p.card;
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ScrollbarGrab] = mix(p.background, p.text_muted, 0.45f);
    c[ImGuiCol_ScrollbarGrabHovered] = mix(p.background, p.text_muted, 0.65f);
    c[ImGuiCol_ScrollbarGrabActive] = p.accent;
    c[ImGuiCol_CheckMark] = p.accent;
    // ImGui draws a slider's value over its grab: in High contrast the grab is a
    // blue that white text reads on (4.8:1) and that stands out from the black
    // track (4.4:1), not the yellow accent (white on yellow was 1.1:1).
    c[ImGuiCol_SliderGrab] = hc ? rgb(0x1E6FE0) : p.accent;
    c[ImGuiCol_SliderGrabActive] = hc ? rgb(0x1E6FE0) : mix(p.accent, p.text, 0.2f);
    c[ImGuiCol_Button] = frame;
    c[ImGuiCol_ButtonHovered] = mix(frame, p.accent, 0.18f);
    c[ImGuiCol_ButtonActive] = mix(frame, p.accent, 0.32f);
    c[ImGuiCol_Header] = p.accent_soft;
    c[ImGuiCol_HeaderHovered] = mix(p.accent_soft, p.accent, 0.2f);
    c[ImGuiCol_HeaderActive] = mix(p.accent_soft, p.accent, 0.35f);
    c[ImGuiCol_Separator] = p.border;
    c[ImGuiCol_SeparatorHovered] = p.accent;
    c[ImGuiCol_SeparatorActive] = p.accent;
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Tab] = frame;
    c[ImGuiCol_TabHovered] = p.accent_soft;
    c[ImGuiCol_TabActive] = p.accent_soft;
    c[ImGuiCol_PlotLines] = p.accent;
    c[ImGuiCol_PlotHistogram] = p.accent;
    c[ImGuiCol_TableHeaderBg] = frame;
    c[ImGuiCol_TableBorderStrong] = p.border;
    c[ImGuiCol_TableBorderLight] = p.border;
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = mix(p.card, p.background, 0.5f);
    c[ImGuiCol_TextSelectedBg] = mix(p.accent, p.background, 0.6f);
    c[ImGuiCol_NavHighlight] = hc ? p.accent : mix(p.accent, p.text, 0.25f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
    ImGui::GetStyle() = style;
}

}  // namespace nd::app
