#include "text_layouts.hpp"

#include <cstring>

namespace nd::report_pdf {

TextLayouts::~TextLayouts() {
    for (auto& [key, t] : texts_) g_object_unref(t.layout);
    if (long_.layout) g_object_unref(long_.layout);
    for (auto& [key, d] : fonts_) pango_font_description_free(d);
    if (context_) g_object_unref(context_);
}

void TextLayouts::attach(cairo_t* cr) {
    if (context_) return;
    context_ = pango_cairo_create_context(cr);
    // One pango unit = one point: font sizes are in points on the page.
    pango_cairo_context_set_resolution(context_, 72.0);
}

PangoFontDescription* TextLayouts::font(const FontKey& f) {
    for (auto& [key, d] : fonts_)
        if (key.size == f.size && key.bold == f.bold && key.italic == f.italic) return d;
    PangoFontDescription* d = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(d, f.size * PANGO_SCALE);
    pango_font_description_set_weight(d, f.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d, f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    fonts_.emplace_back(f, d);
    return d;
}

PangoLayout* TextLayouts::lay_out(const std::string& s, const FontKey& f, double box_w, TextAlign a, bool markup) {
    PangoLayout* l = pango_layout_new(context_);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_font_description(l, font(f));
    pango_layout_set_width(l, box_w < 0 ? -1 : static_cast<int>(box_w * PANGO_SCALE));
    pango_layout_set_alignment(l, a == TextAlign::Left     ? PANGO_ALIGN_LEFT
                                  : a == TextAlign::Center ? PANGO_ALIGN_CENTER
                                                           : PANGO_ALIGN_RIGHT);
    if (markup) pango_layout_set_markup(l, s.c_str(), static_cast<int>(s.size()));
    else pango_layout_set_text(l, s.c_str(), static_cast<int>(s.size()));
    return l;
}

namespace {
LaidOutText sized(PangoLayout* l) {
    int pw = 0, ph = 0;
    pango_layout_get_size(l, &pw, &ph);
    return {l, static_cast<double>(pw) / PANGO_SCALE, static_cast<double>(ph) / PANGO_SCALE};
}
}  // namespace

const LaidOutText& TextLayouts::get(const std::string& s, const FontKey& f, double box_w, TextAlign a, bool markup,
                                    bool to_draw) {
    // The key: font, box width, alignment and kind as raw bytes, then the text.
    const char flags[4] = {static_cast<char>(f.bold), static_cast<char>(f.italic), static_cast<char>(markup),
                           static_cast<char>(a)};
    key_.clear();
    key_.append(reinterpret_cast<const char*>(&f.size), sizeof f.size);
    key_.append(reinterpret_cast<const char*>(&box_w), sizeof box_w);
    key_.append(flags, sizeof flags);
    key_ += s;
    if (s.size() <= kKeptBytes) {
        if (const auto it = texts_.find(key_); it != texts_.end()) return it->second;
        return texts_.emplace(key_, sized(lay_out(s, f, box_w, a, markup))).first->second;
    }
    if (!to_draw)
        if (const auto it = long_sizes_.find(key_); it != long_sizes_.end()) return it->second;
    if (long_.layout) g_object_unref(long_.layout);
    long_ = sized(lay_out(s, f, box_w, a, markup));
    long_sizes_.emplace(key_, LaidOutText{nullptr, long_.width, long_.height});
    return long_;
}

}  // namespace nd::report_pdf
