#include "fonts.hpp"

#include <cstdio>

#include <imgui.h>

#include "icons.hpp"

namespace nd::app {

namespace {

bool readable(const std::string& path) {
    if (path.empty()) return false;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::fclose(f);
    return true;
}

// Latin, Latin-1, Latin Extended-A (names in many European languages), general
// punctuation (– — ’ … •), arrows, and the maths signs ≤ ≥ we use in text.
const ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x2190, 0x2193, 0x2264, 0x2265, 0};

// The glyph ranges of the icons the app uses (kAllIcons), built once.
const ImWchar* icon_ranges() {
    static ImVector<ImWchar> ranges = [] {
        ImFontGlyphRangesBuilder builder;
        for (const char* icon : kAllIcons) builder.AddText(icon);
        ImVector<ImWchar> out;
        builder.BuildRanges(&out);
        return out;
    }();
    return ranges.Data;
}

ImFont* add_font(ImFontAtlas* atlas, const std::string& text_file, const std::string& icon_file, float px) {
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    ImFont* font = atlas->AddFontFromFileTTF(text_file.c_str(), px, &cfg, kTextRanges);
    if (!font) return nullptr;
    if (readable(icon_file)) {
        ImFontConfig icons;
        icons.MergeMode = true;
        icons.PixelSnapH = true;
        icons.GlyphMinAdvanceX = px * 1.15f;   // icons line up in lists and tab bars
        icons.GlyphOffset = ImVec2(0, px * 0.05f);
        atlas->AddFontFromFileTTF(icon_file.c_str(), px * 0.92f, &icons, icon_ranges());
    }
    return font;
}

}  // namespace

void build_fonts(AppState& state) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    const float scale = state.display_scale * state.settings.font_scale;
    std::string regular, bold, icons;
    if (state.services) {
        regular = state.services->font_file("DejaVuSans.ttf");
        bold = state.services->font_file("DejaVuSans-Bold.ttf");
        icons = state.services->font_file("fontawesome");
    }
    if (!readable(bold)) bold = regular;
    Fonts f;
    if (readable(regular)) {
        f.body = add_font(atlas, regular, icons, kBodyFontPx * scale);
        f.bold = add_font(atlas, bold, icons, kBodyFontPx * scale);
        f.heading = add_font(atlas, bold, icons, 25.0f * scale);
        f.huge = add_font(atlas, bold, icons, 36.0f * scale);
    }
    if (!f.body) {
        // ImGui's own 13 px font, enlarged: only for tests and broken installs.
        atlas->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        f.body = atlas->AddFontDefault(&cfg);
        f.bold = f.heading = f.huge = f.body;
    }
    io.FontDefault = f.body;
    state.fonts = f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &w, &h);   // build now, so a frame can start
    state.fonts_dirty = false;
}

}  // namespace nd::app
