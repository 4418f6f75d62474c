#pragma once
// Laid-out text of the PDF report, shaped once and kept for the whole render.
//
// render_report_pdf runs its Renderer twice (a pass that finds the page breaks, then
// the pass that draws), and a table row's cells are measured before they are drawn:
// without this, every text was shaped by pango (harfbuzz) once per pass. Here each
// distinct text in a given font, box width, alignment and kind (plain or markup) is
// laid out once into its own PangoLayout, which the counting pass measures and the
// drawing pass draws as it is. All layouts share one PangoContext, made from the
// first pass's cairo context: every pass draws on a PDF surface with an identity
// matrix, so the font options and metrics are the same for both.
// Long texts (a note longer than a page is measured at a dozen lengths to find where
// to cut it) keep only their size: their layouts would hold megabytes of glyphs.

#include <pango/pangocairo.h>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace nd::report_pdf {

struct FontKey {
    double size = 9;
    bool bold = false;
    bool italic = false;
};

enum class TextAlign { Left, Center, Right };

// One laid-out text and its size in points (its logical extents, as pango_layout_get_size).
struct LaidOutText {
    PangoLayout* layout = nullptr;
    double width = 0;
    double height = 0;
};

class TextLayouts {
public:
    TextLayouts() = default;
    ~TextLayouts();
    TextLayouts(const TextLayouts&) = delete;
    TextLayouts& operator=(const TextLayouts&) = delete;

    // Makes the shared context from `cr` on the first call (one pango unit per point);
    // later calls keep it.
    void attach(cairo_t* cr);

    // `s` laid out in a box `box_w` points wide (< 0: no wrapping, one line per
    // paragraph), wrapped at words (or characters inside a too-long word). `s` must be
    // valid UTF-8; with `markup` it is pango markup. Without `to_draw`, the layout
    // of a long text may be null (only its size is kept). The result stays valid
    // until the next call.
    const LaidOutText& get(const std::string& s, const FontKey& f, double box_w, TextAlign a, bool markup,
                           bool to_draw);

    // Texts longer than this keep their size only.
    static constexpr std::size_t kKeptBytes = 2048;

private:
    PangoFontDescription* font(const FontKey& f);
    PangoLayout* lay_out(const std::string& s, const FontKey& f, double box_w, TextAlign a, bool markup);

    PangoContext* context_ = nullptr;
    std::unordered_map<std::string, LaidOutText> texts_;
    std::unordered_map<std::string, LaidOutText> long_sizes_;   // layout null
    LaidOutText long_;   // the last long text laid out for drawing (owned)
    std::vector<std::pair<FontKey, PangoFontDescription*>> fonts_;   // a handful
    std::string key_;   // reused, so that a hit allocates nothing
};

}  // namespace nd::report_pdf
