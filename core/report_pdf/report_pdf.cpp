#include "report_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "atomic_file.hpp"
#include "body_figure_shapes.hpp"
#include "text_layouts.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

// ---- Page geometry (points): A4 or US Letter (ReportModel::paper) ----
constexpr double kMargin = 40;
constexpr double kFooterH = 22;

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.13, 0.14, 0.16};
constexpr Rgb kMuted{0.40, 0.42, 0.46};
constexpr Rgb kRule{0.80, 0.81, 0.84};
constexpr Rgb kAccent{0.16, 0.35, 0.60};    // numbness, bars
constexpr Rgb kAccent2{0.85, 0.50, 0.13};   // pain
constexpr Rgb kSeverityInk{0.10, 0.22, 0.42};   // page 1's severity line: dark, for grey print
constexpr Rgb kRed{0.74, 0.11, 0.11};
constexpr Rgb kRedBg{0.99, 0.92, 0.92};
constexpr Rgb kStripe{0.955, 0.96, 0.97};
constexpr Rgb kHeaderBg{0.90, 0.92, 0.95};

enum class Align { Left, Center, Right };

struct Font {
    double size = 9;
    bool bold = false;
    bool italic = false;
};

constexpr Font kBody{9, false, false};
constexpr Font kBodyBold{9, true, false};
constexpr Font kSmall{9, false, false};      // body text is never below 9 pt
constexpr Font kSmallBold{9, true, false};
constexpr Font kTiny{8, false, false};       // chart labels and the footer
constexpr Font kH1{17, true, false};
constexpr Font kH2{11, true, false};

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string escape_markup(const std::string& s) {
    char* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
    std::string out(e);
    g_free(e);
    return out;
}

// Text that is not valid UTF-8 would make pango warn and draw boxes: fix it first.
std::string valid_utf8(const std::string& s) {
    if (g_utf8_validate(s.c_str(), static_cast<gssize>(s.size()), nullptr)) return s;
    char* fixed = g_utf8_make_valid(s.c_str(), static_cast<gssize>(s.size()));
    std::string out(fixed);
    g_free(fixed);
    return out;
}

std::string short_date(const LocalDate& date) {
    // "3 Mar" from "2026-03-03"
    const std::string full = format_date_long(date);
    const auto last_space = full.rfind(' ');
    return last_space == std::string::npos ? full : full.substr(0, last_space);
}

using report_pdf::TextLayouts;

class Renderer {
public:
    // counting: the first pass, which only finds the page breaks (nothing is drawn).
    // `texts`: shared by both passes, so that each text is shaped once (text_layouts.hpp).
    Renderer(const ReportModel& m, std::string* out, int total_pages, TextLayouts& texts, bool counting)
        : m_(m), total_pages_(total_pages), texts_(texts), counting_(counting) {
        if (m.paper == Paper::Letter) {
            page_w_ = 612;
            page_h_ = 792;
        }
        content_w_ = page_w_ - 2 * kMargin;
        bottom_ = page_h_ - kMargin - kFooterH;
        surface_ = cairo_pdf_surface_create_for_stream(append_to_string, out, page_w_, page_h_);
        cr_ = cairo_create(surface_);
        texts_.attach(cr_);
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, m.title.c_str());
        cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "Numbness Diary");
        if (is_valid_date(m.generated_on)) {
            const std::string date = m.generated_on + "T00:00:00";
            cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
        }
        // The counting pass draws nothing: with everything clipped away cairo drops
        // each fill and stroke at once instead of recording it and writing it out as
        // PDF operators at every cairo_show_page (for a scratch PDF nobody reads).
        if (counting_) {
            cairo_rectangle(cr_, 0, 0, 0, 0);
            cairo_clip(cr_);
        }
        y_ = kMargin;
    }
    ~Renderer() {
        if (cr_) cairo_destroy(cr_);
        if (surface_) cairo_surface_destroy(surface_);
    }
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    int render() {
        cairo_tag_begin(cr_, "Document", "");
        summary_page();
        if (m_.has(kSectionEpisodeTable) && !m_.rows.empty()) episode_table();
        if (m_.has(kSectionNotes) && !m_.notes.empty()) notes();
        footer();
        cairo_tag_end(cr_, "Document");
        cairo_show_page(cr_);
        cairo_surface_finish(surface_);
        const auto status = cairo_surface_status(surface_);
        if (status != CAIRO_STATUS_SUCCESS)
            throw PdfError(std::string("Could not make the PDF: ") + cairo_status_to_string(status));
        return page_;
    }

private:
    // ---- Primitives ----
    void color(const Rgb& c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

    // `s` laid out (once for the whole render) in a box `w` wide; w < 0: unwrapped.
    const report_pdf::LaidOutText& laid_out(double w, const std::string& s, const Font& f, Align a, bool markup,
                                            bool draw) {
        const report_pdf::FontKey font{f.size, f.bold, f.italic};
        const auto align = a == Align::Left     ? report_pdf::TextAlign::Left
                           : a == Align::Center ? report_pdf::TextAlign::Center
                                                : report_pdf::TextAlign::Right;
        if (g_utf8_validate(s.c_str(), static_cast<gssize>(s.size()), nullptr))
            return texts_.get(s, font, w, align, markup, draw);
        return texts_.get(valid_utf8(s), font, w, align, markup, draw);
    }

    // Lays out text (or pango markup) in a box `w` wide; draws it when `draw`.
    // Returns its height.
    double text(double x, double y, double w, const std::string& s, const Font& f, const Rgb& c,
                Align a = Align::Left, bool draw = true, bool markup = false) {
        if (counting_) draw = false;
        const report_pdf::LaidOutText& t = laid_out(w, s, f, a, markup, draw);
        if (draw) {
            color(c);
            cairo_move_to(cr_, x, y);
            // No pango_cairo_update_layout here: the layouts' context took the font
            // options and (identity) matrix of a PDF surface when it was made, and they
            // never change; updating bumps the context's serial anyway (pango 1.50 sets
            // the matrix every time), which would make pango shape the text again.
            // Structure for screen readers and reflow: text is a paragraph unless a heading tag is open.
            if (!in_heading_) cairo_tag_begin(cr_, "P", "");
            pango_cairo_show_layout(cr_, t.layout);
            if (!in_heading_) cairo_tag_end(cr_, "P");
            cairo_new_path(cr_);   // or the next shape joins the text's current point
        }
        return t.height;
    }
    double measure(double w, const std::string& s, const Font& f, bool markup = false) {
        return text(0, 0, w, s, f, kInk, Align::Left, false, markup);
    }
    double text_width(const std::string& s, const Font& f) {
        return laid_out(-1, s, f, Align::Left, false, false).width;
    }

    void rect(double x, double y, double w, double h, const Rgb& c) {
        color(c);
        cairo_rectangle(cr_, x, y, w, h);
        cairo_fill(cr_);
    }
    void line(double x1, double y1, double x2, double y2, const Rgb& c, double width = 0.5) {
        color(c);
        cairo_set_line_width(cr_, width);
        cairo_move_to(cr_, x1, y1);
        cairo_line_to(cr_, x2, y2);
        cairo_stroke(cr_);
    }

    void footer() {
        const double fy = page_h_ - kMargin - 8;
        line(kMargin, fy - 4, page_w_ - kMargin, fy - 4, kRule);
        std::string left = m_.title;
        if (!m_.person.empty()) left += " \u2014 " + m_.person;
        text(kMargin, fy, content_w_ * 0.7, left, kTiny, kMuted);
        std::string right = "Page " + std::to_string(page_);
        if (total_pages_ > 0) right += " of " + std::to_string(total_pages_);
        text(kMargin + content_w_ * 0.7, fy, content_w_ * 0.3, right, kTiny, kMuted, Align::Right);
    }

    void new_page() {
        footer();
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
    }
    void need(double h) {
        if (y_ + h > bottom_ && y_ > kMargin + 1) new_page();
    }

    double heading(const std::string& title, bool draw = true) {
        if (draw && !counting_) {
            outline(title);
            in_heading_ = true;
            cairo_tag_begin(cr_, "H2", "");
        }
        const double h = text(kMargin, y_, content_w_, title, kH2, kInk, Align::Left, draw);
        if (draw && !counting_) {
            cairo_tag_end(cr_, "H2");
            in_heading_ = false;
        }
        return h + 4;
    }
    // A bookmark in the PDF's outline pointing at the current place.
    void outline(const std::string& title) {
        char attrs[96];
        std::snprintf(attrs, sizeof attrs, "page=%d pos=[%.1f %.1f]", page_, kMargin, y_);
        cairo_pdf_surface_add_outline(surface_, CAIRO_PDF_OUTLINE_ROOT, valid_utf8(title).c_str(), attrs, static_cast<cairo_pdf_outline_flags_t>(0));
    }
    void section_heading(const std::string& title, double first_block_h) {
        need(heading(title, false) + first_block_h);
        y_ += heading(title);
    }

    // ---- Page 1: the summary ----
    void summary_page() {
        // Title block.
        if (!counting_) {
            in_heading_ = true;
            cairo_tag_begin(cr_, "H1", "");
        }
        y_ += text(kMargin, y_, content_w_, m_.title, kH1, kInk);
        if (!counting_) {
            cairo_tag_end(cr_, "H1");
            in_heading_ = false;
        }
        // One line, so that page 1 keeps its room for the sections below.
        std::string made = "Self-reported in the Numbness Diary app";
        if (!m_.generated_on.empty()) made += "; report made on " + format_date_long(m_.generated_on);
        made += ". Not a diagnosis.";
        y_ += text(kMargin, y_ + 1, content_w_, made, kSmall, kMuted) + 6;
        line(kMargin, y_, page_w_ - kMargin, y_, kRule, 0.8);
        y_ += 6;

        // Page 1 in the fixed order of issue #14: who, period and onset; warning signs;
        // the patient's questions; at most five patterns; medicines; questionnaire
        // scores (issue #15, only when some were taken); causes worth discussing.
        who_and_when();
        if (!m_.red_flags.empty()) warning_signs();   // never optional, never cut
        else {
            section_heading("Warning signs", 14);
            y_ += text(kMargin, y_, content_w_, kNoWarnings, kBody, kInk) + 5;
        }
        questions();
        patterns();
        // How often, how bad and where (the trend and the body figure) come after the
        // patterns, as issue #14 lists them, when every section after them (medicines,
        // scores, causes) still fits on page 1 with them; otherwise after the causes,
        // so that the sections of the fixed order keep their place on page 1. Once the
        // warning signs have pushed page 1's sections onto the next page, the order
        // is kept as it is.
        // The figures shrink (to 90 %: their labels stay 8 pt and a three-digit count
        // still fits in a sole) before they move.
        const double after = medicines_height() + scores_height() + causes_height();
        bool figures_first = page_ > 1;
        for (double scale : {1.0, 0.9}) {
            fig_scale_ = scale;
            if (figures_first || y_ + figures_height() + after <= bottom_) {
                figures_first = true;
                break;
            }
        }
        if (!figures_first) fig_scale_ = 1.0;
        if (figures_first) page_one_figures();
        medicines();
        scores();
        causes();
        if (!figures_first) page_one_figures();

        // Appendices: the figures behind page 1.
        const bool appendix = (m_.has(kSectionSummary) && !m_.key_facts.empty()) ||
                              (m_.has(kSectionPerWeek) && !m_.per_week.empty()) ||
                              (m_.has(kSectionSeverity) && !m_.severity.empty()) ||
                              (m_.has(kSectionBodyMap) && !m_.regions.empty()) || m_.has(kSectionSensations) ||
                              m_.has(kSectionTopics) || m_.has(kSectionBackground) || m_.has(kSectionCheckIns);
        if (!appendix) return;
        new_page();
        y_ += heading("Appendix: the figures behind page 1");
        if (m_.has(kSectionSummary) && !m_.key_facts.empty()) key_facts();
        charts();
        if (m_.has(kSectionSensations)) count_columns();
        if (m_.has(kSectionTopics)) topics();
        background_and_checkins();
    }

    static constexpr const char* kNoWarnings =
        "None in this period (no sudden one-sided weakness, speech, face, vision, bladder or bowel symptoms).";

    // A muted remark on a heading's own line, right-aligned, when it fits there;
    // otherwise it takes a line under the heading. Returns the height it adds.
    bool aside_beside(const std::string& title, const std::string& aside) {
        return text_width(title, kH2) + 16 + text_width(aside, kSmall) <= content_w_;
    }
    double aside_height(const std::string& title, const std::string& aside) {
        if (aside.empty() || aside_beside(title, aside)) return 0;
        return measure(content_w_, aside, kSmall) + 3;
    }

    // The height simple_section() takes for the same lines (a page break aside).
    double simple_section_height(const std::string& title, const std::vector<std::string>& lines,
                                 const std::string& empty, bool markup = false, const std::string& aside = "") {
        double h = heading(title, false) + aside_height(title, aside);
        if (lines.empty()) return h + measure(content_w_, empty, kBody, markup) + 5;
        for (const auto& l : lines) h += measure(content_w_ - 14, l, kBody, markup) + 2;
        return h + 4;
    }

    // A heading and lines of body text under it (each line kept whole), with an
    // optional muted remark on the heading's line.
    void simple_section(const std::string& title, const std::vector<std::string>& lines, const std::string& empty,
                        bool markup = false, bool numbered = false, const std::string& aside = "") {
        const std::string first = lines.empty() ? empty : lines.front();
        section_heading(title, aside_height(title, aside) + measure(content_w_ - 14, first, kBody, markup) + 2);
        if (!aside.empty()) {
            if (aside_beside(title, aside)) {
                // On the heading's baseline: 11 pt heading, 9 pt remark.
                const double head_y = y_ - heading(title, false);
                text(kMargin, head_y + 2.2, content_w_, aside, kSmall, kMuted, Align::Right);
            } else {
                y_ += text(kMargin, y_, content_w_, aside, kSmall, kMuted) + 3;
            }
        }
        if (lines.empty()) {
            y_ += text(kMargin, y_, content_w_, empty, kBody, kMuted, Align::Left, true, markup) + 5;
            return;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const double h = measure(content_w_ - 14, lines[i], kBody, markup);
            need(h + 2);
            const std::string mark = numbered ? std::to_string(i + 1) + "." : "\u2022";
            text(kMargin, y_, 14, mark, kBody, kInk);
            y_ += text(kMargin + 14, y_, content_w_ - 14, lines[i], kBody, kInk, Align::Left, true, markup) + 2;
        }
        y_ += 4;
    }

    void who_and_when() {
        std::vector<std::string> lines;
        lines.push_back("<b>" + escape_markup(m_.who) + "</b>" +
                        (m_.health_number.empty() ? "" : "   \u00b7   Health-service number: " + escape_markup(m_.health_number)));
        lines.push_back("Period of this diary: " + escape_markup(m_.period_text) + ".");
        lines.push_back(escape_markup(m_.onset_text));
        section_heading("Who and when", 30);
        for (const auto& l : lines) y_ += text(kMargin, y_, content_w_, l, kBody, kInk, Align::Left, true, true) + 2;
        y_ += 4;
    }

    void questions() {
        std::vector<std::string> lines;
        for (const auto& q : m_.questions) lines.push_back(q);
        simple_section("Questions from the patient", lines, "None written down.", false, true);
    }

    void patterns() {
        std::vector<std::string> lines;
        // How many and where in bold, so that the eye finds each pattern.
        for (const auto& p : m_.patterns) {
            const std::string lead = std::to_string(p.episodes) + (p.episodes == 1 ? " episode. " : " episodes. ") + p.where;
            lines.push_back(p.text.rfind(lead, 0) == 0
                                ? "<b>" + escape_markup(lead) + "</b>" + escape_markup(p.text.substr(lead.size()))
                                : escape_markup(p.text));
        }
        if (!m_.patterns_more.empty()) lines.push_back(escape_markup(m_.patterns_more));
        const std::string title = m_.patterns.empty() ? "Patterns"
                                  : "Patterns (" + std::to_string(m_.patterns.size()) +
                                        (m_.patterns.size() == 1 ? " kind of episode)" : " kinds of episode)");
        simple_section(title, lines, "No episodes in this period.", true);
    }

    std::vector<std::string> medicine_lines() const {
        std::vector<std::string> lines;
        for (const auto& b : m_.medicines)
            lines.push_back("<b>" + escape_markup(b.label) + "</b>" + (b.detail.empty() ? "" : ": " + escape_markup(b.detail)));
        return lines;
    }
    void medicines() { simple_section("Medicines", medicine_lines(), "None recorded.", true); }
    double medicines_height() { return simple_section_height("Medicines", medicine_lines(), "None recorded.", true); }

    // ---- Page 1: how often, how bad and where ----
    static constexpr double kFigureW = 222;   // three 68 pt panels (front, back, soles) and two gaps at full size
    static constexpr double kFiguresGap = 16;
    static constexpr const char* kFiguresTitle = "How often, how bad and where";

    double figure_w() const { return kFigureW * fig_scale_; }

    double figures_height() {
        if (m_.episode_count == 0) return 0;
        const double chart_w = content_w_ - figure_w() - kFiguresGap;
        return heading(kFiguresTitle, false) +
               std::max(trend_charts(0, 0, chart_w, false), body_figure(0, 0, figure_w(), false)) + 8;
    }

    // Left: episodes per week and the weekly median severity; right: the body figure.
    void page_one_figures() {
        if (m_.episode_count == 0) return;   // "No episodes in this period" is said under Patterns
        const double chart_w = content_w_ - figure_w() - kFiguresGap;
        const double h = std::max(trend_charts(0, 0, chart_w, false), body_figure(0, 0, figure_w(), false));
        section_heading(kFiguresTitle, h);
        const double top = y_;
        trend_charts(kMargin, top, chart_w, true);
        body_figure(kMargin + chart_w + kFiguresGap, top, figure_w(), true);
        y_ = top + h + 8;
    }

    // Two small charts over the same weeks: episodes per week (bars), and the median
    // numbness (solid line, dots) and pain (dashed line, squares) of the week's rated
    // episodes, 0-10. Lines join adjacent weeks only, so a week without ratings shows
    // as a gap, not as a 0. Line styles, not colours, tell them apart in grey print.
    double trend_charts(double x, double y, double w, bool draw) {
        if (counting_) draw = false;
        const std::size_t n = m_.trend.size();
        double yy = y;
        const std::string t1 = "Episodes per week (" + std::to_string(m_.episode_count) + " in " + std::to_string(n) +
                               (n == 1 ? " week)" : " weeks)");
        yy += text(x, yy, w, t1, kSmallBold, kInk, Align::Left, draw) + 6;   // room for the top axis label
        const double axis_w = 16, plot_x = x + axis_w, plot_w = w - axis_w - 2;
        const double bars_h = 34 * fig_scale_, sev_h = 34 * fig_scale_;
        const double slot = n ? plot_w / static_cast<double>(n) : plot_w;
        auto cx = [&](std::size_t i) { return plot_x + slot * (static_cast<double>(i) + 0.5); };
        if (draw && n) {
            int maxv = 1;
            for (const auto& t : m_.trend) maxv = std::max(maxv, t.episodes);
            const double top = nice_max(maxv);
            for (int i = 0; i <= 1; ++i) {
                const double gy = yy + bars_h - bars_h * i;
                line(plot_x, gy, plot_x + plot_w, gy, i == 0 ? kMuted : kRule, i == 0 ? 0.7 : 0.4);
                char buf[16];
                std::snprintf(buf, sizeof buf, "%g", top * i);
                text(x, gy - 4.5, axis_w - 3, buf, kTiny, kMuted, Align::Right);
            }
            const double bar = std::clamp(slot * 0.72, 0.8, 18.0);
            for (std::size_t i = 0; i < n; ++i) {
                const double bh = bars_h * m_.trend[i].episodes / top;
                if (bh > 0) rect(cx(i) - bar / 2, yy + bars_h - bh, bar, bh, kAccent);
            }
        }
        yy += bars_h + 4;
        const std::string t2 = "Median severity per week (0\u201310)";
        // The legend (numbness solid with dots, pain dashed with squares) on the
        // title's line when there is room (page 1's room is precious), else under it.
        constexpr double kLegendW = 104;
        const double t2_h = text(x, yy, w, t2, kSmallBold, kInk, Align::Left, draw);
        const bool legend_beside = text_width(t2, kSmallBold) + 12 + kLegendW <= w;
        if (!legend_beside) yy += t2_h;
        if (draw) {
            const double ly = yy + 4.5 + (legend_beside ? 1 : 0);
            double lx = legend_beside ? x + w - kLegendW : x + axis_w;
            const double ty = ly - 4.5;
            line(lx, ly, lx + 14, ly, kSeverityInk, 1.2);
            cairo_arc(cr_, lx + 7, ly, 1.8, 0, 2 * M_PI);
            color(kSeverityInk);
            cairo_fill(cr_);
            text(lx + 17, ty, 60, "numbness", kTiny, kMuted);
            lx += 64;
            const double dash[] = {2.5, 1.5};
            cairo_set_dash(cr_, dash, 2, 0);
            line(lx, ly, lx + 14, ly, kMuted, 1.0);
            cairo_set_dash(cr_, nullptr, 0, 0);
            rect(lx + 5.5, ly - 1.6, 3.2, 3.2, kMuted);
            text(lx + 17, ty, 40, "pain", kTiny, kMuted);
        }
        yy += legend_beside ? t2_h + 6 : 14;
        if (draw && n) {
            for (int v : {0, 5, 10}) {
                const double gy = yy + sev_h - sev_h * v / 10.0;
                line(plot_x, gy, plot_x + plot_w, gy, v == 0 ? kMuted : kRule, v == 0 ? 0.7 : 0.4);
                text(x, gy - 4.5, axis_w - 3, std::to_string(v), kTiny, kMuted, Align::Right);
            }
            auto series = [&](auto get, const Rgb& c, bool dashed, bool squares) {
                const double dash[] = {2.5, 1.5};
                if (dashed) cairo_set_dash(cr_, dash, 2, 0);
                color(c);
                cairo_set_line_width(cr_, dashed ? 1.0 : 1.2);
                for (std::size_t i = 1; i < n; ++i) {
                    const auto a = get(m_.trend[i - 1]), b = get(m_.trend[i]);
                    if (!a || !b) continue;
                    cairo_move_to(cr_, cx(i - 1), yy + sev_h - sev_h * *a / 10.0);
                    cairo_line_to(cr_, cx(i), yy + sev_h - sev_h * *b / 10.0);
                    cairo_stroke(cr_);
                }
                cairo_set_dash(cr_, nullptr, 0, 0);
                for (std::size_t i = 0; i < n; ++i) {
                    const auto v = get(m_.trend[i]);
                    if (!v) continue;
                    const double py = yy + sev_h - sev_h * *v / 10.0;
                    if (squares) rect(cx(i) - 1.5, py - 1.5, 3, 3, c);
                    else {
                        cairo_arc(cr_, cx(i), py, 1.8, 0, 2 * M_PI);
                        color(c);
                        cairo_fill(cr_);
                    }
                }
            };
            series([](const TrendPoint& t) { return t.median_pain; }, kMuted, true, true);
            series([](const TrendPoint& t) { return t.median_numbness; }, kSeverityInk, false, false);
        }
        yy += sev_h + 2;
        // Dates along the shared time axis: the first day of each month on a long
        // period, else the first and the last week.
        if (draw && n) {
            if (n > 9) {
                double last_x = -100;
                std::string last_month;
                for (std::size_t i = 0; i < n; ++i) {
                    const std::string month = m_.trend[i].week_start.substr(0, 7);
                    if (month == last_month) continue;
                    last_month = month;
                    const double lx = plot_x + slot * static_cast<double>(i);
                    const std::string full = format_date_long(m_.trend[i].week_start);   // "3 Mar 2026"
                    std::string label = full.substr(full.find(' ') + 1, 3);
                    if (i == 0 || month.substr(5, 2) == "01") label += " " + month.substr(0, 4);
                    if (lx - last_x < 34 || lx > plot_x + plot_w - 14) continue;
                    line(lx, yy - 2, lx, yy, kMuted, 0.5);
                    text(lx, yy, 60, label, kTiny, kMuted);
                    last_x = lx + text_width(label, kTiny);
                }
            } else {
                text(plot_x, yy, plot_w / 2, "Week of " + short_date(m_.trend.front().week_start), kTiny, kMuted);
                if (n > 1)
                    text(plot_x + plot_w / 2, yy, plot_w / 2, short_date(m_.trend.back().week_start), kTiny, kMuted,
                         Align::Right);
            }
        }
        yy += 10;
        return yy - y;
    }

    // The body figure: front, back and soles as the app shows them (left leg on the
    // left in every view, named under each leg), each region shaded by how many
    // episodes touched it, with the count in it (or beside it when it is too small).
    double body_figure(double x, double y, double w, bool draw) {
        using namespace report_figure;
        if (counting_) draw = false;
        double yy = y;
        std::string title = "Where on the body";
        if (m_.figure_episodes < m_.episode_count)
            title += " (" + std::to_string(m_.figure_episodes) + " of " + std::to_string(m_.episode_count) +
                     " episodes with a place marked)";
        yy += text(x, yy, w, title, kSmallBold, kInk, Align::Left, draw) + 2;
        const double gap = 9, pw = (w - 2 * gap) / 3;   // a gap that keeps one view's "R" apart from the next one's "L"
        auto count_of = [&](Region r, Side side) {
            for (const auto& rc : m_.figure)
                if (rc.region == r)
                    return side == Side::Middle ? rc.middle + std::max(rc.left, rc.right)
                           : side == Side::Left ? rc.left
                                                : rc.right;
            return 0;
        };
        int maxv = 1;
        for (const auto& rc : m_.figure)
            if (on_figure(rc.region)) maxv = std::max({maxv, rc.left, rc.right, rc.middle});
        const double cap_h = 11;
        double panels_h = 0;
        for (const auto& v : kViews) panels_h = std::max(panels_h, pw * v.aspect);
        if (draw) {
            for (std::size_t vi = 0; vi < kViews.size(); ++vi) {
                const View& v = kViews[vi];
                const double ox = x + static_cast<double>(vi) * (pw + gap), top = yy + cap_h;
                const double ph = pw * v.aspect;
                // "L  Front  R": the sides on the caption's line, over their legs (left
                // leg on the left in every view), so that no row is spent under the panels.
                text(ox, yy, pw, v.caption, kTiny, kMuted, Align::Center);
                text(ox, yy, pw, "L", kTiny, kMuted, Align::Left);
                text(ox, yy, pw, "R", kTiny, kMuted, Align::Right);
                for (const Shape& sh : v.shapes)
                    for (int copy = 0; copy < (sh.middle ? 1 : 2); ++copy)
                        figure_shape(sh, copy == 1, ox, top, pw, ph,
                                     count_of(sh.region, sh.middle ? Side::Middle : copy ? Side::Right : Side::Left),
                                     maxv);
            }
        }
        yy += cap_h + panels_h + 3;
        // Regions that have no place on the figure, named with their counts.
        std::string also;
        for (const auto& rc : m_.figure) {
            if (on_figure(rc.region)) continue;
            std::string sides;
            if (rc.left) sides += "left " + std::to_string(rc.left);
            if (rc.right) sides += (sides.empty() ? "" : ", ") + std::string("right ") + std::to_string(rc.right);
            if (rc.middle) sides += (sides.empty() ? "" : ", ") + std::to_string(rc.middle);
            std::string label = rc.label;
            if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
            also += (also.empty() ? "" : "; ") + label + " (" + sides + ")";
        }
        if (!also.empty()) yy += text(x, yy, w, "Also: " + also + ".", kTiny, kInk, Align::Left, draw) + 1;
        yy += text(x, yy, w, "Numbers: episodes per part.", kTiny, kMuted, Align::Left,
                   draw);
        return yy - y;
    }

    // One region of the figure as a filled cairo path, outlined, with its count.
    void figure_shape(const report_figure::Shape& sh, bool mirrored, double ox, double top, double pw, double ph,
                      int count, int maxv) {
        auto X = [&](double u) { return ox + (mirrored ? 1.0 - u : u) * pw; };
        auto Y = [&](double v) { return top + v * ph; };
        cairo_move_to(cr_, X(sh.xa0), Y(sh.y0));
        cairo_line_to(cr_, X(sh.xb0), Y(sh.y0));
        cairo_line_to(cr_, X(sh.xb1), Y(sh.y1));
        cairo_line_to(cr_, X(sh.xa1), Y(sh.y1));
        cairo_close_path(cr_);
        // One ramp from pale to dark (reads in grey print); an unmarked region is
        // almost white, so the legs still read as legs.
        const double t = count > 0 ? 0.22 + 0.78 * count / maxv : 0;
        const Rgb fill = count > 0 ? Rgb{0.86 + t * (0.10 - 0.86), 0.90 + t * (0.22 - 0.90), 0.96 + t * (0.42 - 0.96)}
                                   : Rgb{0.965, 0.965, 0.97};
        color(fill);
        cairo_fill_preserve(cr_);
        color(kMuted);
        cairo_set_line_width(cr_, 0.5);
        cairo_stroke(cr_);
        if (sh.region == Region::Toes) {   // toe seams, so the end of the foot reads as toes
            color(count > 0 && t > 0.55 ? Rgb{0.85, 0.88, 0.93} : kRule);
            cairo_set_line_width(cr_, 0.4);
            const bool soles = sh.y0 < 0.01;
            for (int i = 1; i < 5; ++i) {
                const double f = i / 5.0;
                const double ax = sh.xa0 + (sh.xb0 - sh.xa0) * f, bx = sh.xa1 + (sh.xb1 - sh.xa1) * f;
                cairo_move_to(cr_, X(ax), Y(sh.y0));
                cairo_line_to(cr_, X(ax + (bx - ax) * (soles ? 0.45 : 1.0)),
                              Y(sh.y0 + (sh.y1 - sh.y0) * (soles ? 0.45 : 1.0)));
                cairo_stroke(cr_);
            }
        }
        if (count <= 0) return;
        const std::string label = std::to_string(count);
        const double tw = text_width(label, kTiny);
        const double shape_w = ((sh.xb0 - sh.xa0) + (sh.xb1 - sh.xa1)) / 2 * pw;
        const double shape_h = (sh.y1 - sh.y0) * ph;
        const double cy = Y((sh.y0 + sh.y1) / 2) - 4.8;
        if (tw + 1.5 <= shape_w && shape_h >= 7.5) {
            const double cx = (X((sh.xa0 + sh.xb0 + sh.xa1 + sh.xb1) / 4));
            text(cx - 15, cy, 30, label, kTiny, t > 0.55 ? Rgb{1, 1, 1} : kInk, Align::Center);
            return;
        }
        // Too small for its number: beside it, away from the leg (an inner half:
        // towards the middle), where nothing else is drawn.
        const bool to_right = sh.inner != mirrored;   // the viewer-right side of the shape
        const double xs[] = {X(sh.xa0), X(sh.xb0), X(sh.xa1), X(sh.xb1)};
        const double ex = to_right ? *std::max_element(std::begin(xs), std::end(xs))
                                   : *std::min_element(std::begin(xs), std::end(xs));
        if (to_right) text(ex + 1.2, cy, tw + 2, label, kTiny, kInk);
        else text(ex - tw - 2.2, cy, tw + 2, label, kTiny, kInk, Align::Right);
    }

    // The latest score of each standard questionnaire; no heading when none was taken.
    std::vector<std::string> score_lines() const {
        std::vector<std::string> lines;
        for (const auto& s : m_.scores) lines.push_back(s.text);
        return lines;
    }
    void scores() {
        if (!m_.scores.empty()) simple_section("Questionnaire scores", score_lines(), "");
    }
    double scores_height() {
        return m_.scores.empty() ? 0 : simple_section_height("Questionnaire scores", score_lines(), "");
    }

    // One line a cause: its name in bold, then the model's words for the doctor
    // ("Fits partly. For: ...", "Fits little; worth excluding. For: ...").
    std::vector<std::string> cause_lines() const {
        std::vector<std::string> lines;
        for (const auto& c : m_.causes) lines.push_back("<b>" + escape_markup(c.name) + "</b>: " + escape_markup(c.text));
        return lines;
    }
    std::string causes_empty() const {
        return m_.too_few_episodes ? escape_markup(m_.topics_intro) : "No documented cause fits the diary clearly yet.";
    }
    // Said once, beside the heading: the list is the app's comparison, not a diagnosis.
    std::string causes_note() const {
        return m_.causes.empty() ? "" : "Matched by the app from the entries; for the clinician to weigh.";
    }
    void causes() { simple_section("Causes worth discussing", cause_lines(), causes_empty(), true, false, causes_note()); }
    double causes_height() {
        return simple_section_height("Causes worth discussing", cause_lines(), causes_empty(), true, causes_note());
    }

    // Warning signs: every red-flag episode, grouped under its reason, one line
    // each (date, time, signs). Lines flow onto the next pages with the heading
    // repeated; nothing is ever cut or left out (issue #14).
    void warning_signs() {
        struct Group {
            const RedFlagEvent* first;
            std::vector<const RedFlagEvent*> events;
        };
        std::vector<Group> groups;   // emergency reasons first, then in order of first date
        for (const auto& f : m_.red_flags) {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.first->title == f.title; });
            if (it == groups.end()) groups.push_back({&f, {&f}});
            else it->events.push_back(&f);
        }
        std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
            return a.first->call_emergency && !b.first->call_emergency;
        });
        std::set<std::string> episodes;
        for (const auto& f : m_.red_flags) episodes.insert(f.episode_id);
        const double bar = 4, pad = 6;
        const double inner = content_w_ - bar - 2 * pad;
        const std::string title = "Warning signs (" + std::to_string(episodes.size()) +
                                  (episodes.size() == 1 ? " episode)" : " episodes)");
        auto block = [&](double h, const Rgb& bg) {
            rect(kMargin, y_, content_w_, h, bg);
            rect(kMargin, y_, bar, h, kRed);
        };
        auto heading_line = [&](const std::string& t) {
            const double h = measure(inner, t, kH2) + 2 * pad;
            block(h, kRedBg);
            if (!counting_) {
                if (t == title) outline(t);
                in_heading_ = true;
                cairo_tag_begin(cr_, "H2", "");
            }
            text(kMargin + bar + pad, y_ + pad, inner, t, kH2, kRed);
            if (!counting_) {
                cairo_tag_end(cr_, "H2");
                in_heading_ = false;
            }
            y_ += h;
        };
        auto event_line = [&](const RedFlagEvent& f) {
            std::string s = "<b>" + escape_markup(format_date_long(f.date) + " " + f.time) + "</b>";
            if (!f.signs.empty()) s += " \u2014 " + escape_markup(f.signs);
            return s;
        };
        // Room for the heading, the first reason and its first episode together.
        const double first_h = measure(inner, title, kH2) + 2 * pad + 30;
        need(first_h);
        heading_line(title);
        for (const auto& g : groups) {
            std::string head = "<b>" + escape_markup(g.first->title) + "</b> (" + std::to_string(g.events.size()) + ")";
            if (g.first->call_emergency) head += " \u2014 <b>emergency signs</b>";
            if (!g.first->advice.empty()) head += "<span foreground=\"#5a5f66\"> \u2014 " + escape_markup(g.first->advice) + "</span>";
            const double hh = measure(inner, head, kBody, true) + 4;
            const double e0 = measure(inner - 12, event_line(*g.events.front()), kBody, true) + 1.5;
            if (y_ + hh + e0 > bottom_) {
                new_page();
                heading_line("Warning signs (continued)");
            }
            block(hh, kRedBg);
            text(kMargin + bar + pad, y_ + 2, inner, head, kBody, kInk, Align::Left, true, true);
            y_ += hh;
            for (const RedFlagEvent* f : g.events) {
                const std::string line_text = event_line(*f);
                const double lh = measure(inner - 12, line_text, kBody, true) + 1.5;
                if (y_ + lh > bottom_) {
                    new_page();
                    heading_line("Warning signs (continued)");
                    const std::string cont = "<b>" + escape_markup(g.first->title) + "</b> (continued)";
                    const double ch = measure(inner, cont, kBody, true) + 4;
                    block(ch, kRedBg);
                    text(kMargin + bar + pad, y_ + 2, inner, cont, kBody, kInk, Align::Left, true, true);
                    y_ += ch;
                }
                block(lh, kRedBg);
                text(kMargin + bar + pad + 12, y_, inner - 12, line_text, kBody, kInk, Align::Left, true, true);
                y_ += lh;
            }
        }
        block(pad, kRedBg);
        y_ += pad + 8;
    }

    void key_facts() {
        double h = 0;
        for (const auto& f : m_.key_facts) h += measure(content_w_ - 12, f, kBody) + 2.5;
        section_heading("Summary", std::min(h, 60.0));
        for (const auto& f : m_.key_facts) {
            const bool flag = f.rfind("RED FLAGS", 0) == 0;
            const double fh = measure(content_w_ - 12, f, flag ? kBodyBold : kBody);
            need(fh);
            cairo_arc(cr_, kMargin + 3, y_ + 5.5, 1.6, 0, 2 * M_PI);
            color(flag ? kRed : kInk);
            cairo_fill(cr_);
            y_ += text(kMargin + 12, y_, content_w_ - 12, f, flag ? kBodyBold : kBody, flag ? kRed : kInk) + 2.5;
        }
        y_ += 8;
    }

    // Left: episodes per week and severity; right: the body map.
    void charts() {
        const bool week = m_.has(kSectionPerWeek) && !m_.per_week.empty();
        const bool sev = m_.has(kSectionSeverity) && !m_.severity.empty();
        const bool map = m_.has(kSectionBodyMap) && !m_.regions.empty();
        if (!week && !sev && !map) return;
        const double gap = 18;
        const double right_w = map ? 190 : 0;
        const double left_w = content_w_ - right_w - (map ? gap : 0);
        const double chart_h = 104;
        const double left_h = (week ? chart_h + 22 : 0) + (sev ? chart_h + 22 : 0);
        const double right_h = map ? body_map(0, 0, right_w, false) : 0;
        need(std::max(left_h, right_h));
        const double top = y_;
        double ly = top;
        if (week) ly += per_week_chart(kMargin, ly, left_w, chart_h) + 8;
        if (sev) ly += severity_chart(kMargin, ly, left_w, chart_h) + 8;
        double ry = top;
        if (map) ry += body_map(kMargin + left_w + gap, top, right_w, true);
        y_ = std::max(ly, ry) + 8;
    }

    static double nice_max(int v) {
        if (v <= 4) return 4;
        if (v <= 5) return 5;
        if (v <= 8) return 8;
        if (v <= 10) return 10;
        const double p = std::pow(10, std::floor(std::log10(v)));
        for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
            if (v <= m * p) return m * p;
        return v;
    }

    double per_week_chart(double x, double y, double w, double h) {
        const double th = text(x, y, w, "Episodes per week", kBodyBold, kInk) + 4;
        const double axis_w = 18;
        const double plot_x = x + axis_w, plot_w = w - axis_w;
        const double plot_y = y + th, plot_h = h - 12;
        int maxv = 0;
        for (const auto& b : m_.per_week) maxv = std::max(maxv, b.episodes);
        const double top = nice_max(std::max(maxv, 1));
        // Grid and y labels.
        for (int i = 0; i <= 2; ++i) {
            const double v = top * i / 2;
            const double gy = plot_y + plot_h - plot_h * i / 2;
            line(plot_x, gy, plot_x + plot_w, gy, i == 0 ? kMuted : kRule, i == 0 ? 0.7 : 0.4);
            char buf[16];
            std::snprintf(buf, sizeof buf, "%g", v);
            text(x, gy - 4.5, axis_w - 3, buf, kTiny, kMuted, Align::Right);
        }
        const std::size_t n = m_.per_week.size();
        const double slot = plot_w / static_cast<double>(n);
        const double bar = std::clamp(slot * 0.72, 1.0, 22.0);
        std::string last_month;
        double last_label_x = -100;
        for (std::size_t i = 0; i < n; ++i) {
            const auto& b = m_.per_week[i];
            const double bx = plot_x + slot * static_cast<double>(i) + (slot - bar) / 2;
            const double bh = plot_h * b.episodes / top;
            rect(bx, plot_y + plot_h - bh, bar, bh, kAccent);
            if (b.red_flag_episodes > 0) {
                const double rh = plot_h * b.red_flag_episodes / top;
                rect(bx, plot_y + plot_h - rh, bar, rh, kRed);
            }
            // Labels: every week when there are few, else the first week of each month.
            const std::string month = b.week_start.substr(0, 7);
            std::string label;
            if (n <= 10) {
                label = short_date(b.week_start);
            } else if (month != last_month) {
                const std::string full = format_date_long(b.week_start);   // "3 Mar 2026"
                label = full.substr(full.find(' ') + 1, 3);
                if (last_month.empty() || month.substr(5, 2) == "01") label += " " + month.substr(0, 4);
            }
            if (!label.empty() && bx - last_label_x > 30) {
                text(bx, plot_y + plot_h + 2, 48, label, kTiny, kMuted);
                last_label_x = bx;
            }
            last_month = month;
        }
        return th + h;
    }

    double severity_chart(double x, double y, double w, double h) {
        double th = text(x, y, w, "Severity over time (0\u201310)", kBodyBold, kInk);
        const auto d0 = days_since_epoch(m_.from).value_or(m_.severity.front().local_day);
        const auto d1 = days_since_epoch(m_.to).value_or(m_.severity.back().local_day);
        const double span = std::max<double>(1.0, static_cast<double>(d1 - d0 + 1));
        const bool trend = span > 42;   // a four-week median needs a longer period
        // Legend on the line below the title.
        double lx = x + 20;
        const double ly = y + th + 1;
        cairo_arc(cr_, lx + 3, ly + 4.5, 2.2, 0, 2 * M_PI);
        color(kAccent);
        cairo_fill(cr_);
        text(lx + 8, ly, 60, "numbness", kTiny, kMuted);
        lx += 50;
        rect(lx + 1, ly + 2.3, 4.4, 4.4, kAccent2);
        text(lx + 8, ly, 40, "pain", kTiny, kMuted);
        lx += 32;
        cairo_arc(cr_, lx + 3, ly + 4.5, 3, 0, 2 * M_PI);
        color(kRed);
        cairo_set_line_width(cr_, 0.9);
        cairo_stroke(cr_);
        text(lx + 9, ly, 50, "red flag", kTiny, kMuted);
        lx += 46;
        if (trend) {
            line(lx, ly + 4.5, lx + 12, ly + 4.5, Rgb{0.10, 0.22, 0.42}, 1.4);
            text(lx + 15, ly, 120, "numbness, 4-week median", kTiny, kMuted);
        }
        th += 14;
        const double axis_w = 18;
        const double plot_x = x + axis_w, plot_w = w - axis_w - 4;
        const double plot_y = y + th, plot_h = h - 12;
        for (int v : {0, 5, 10}) {
            const double gy = plot_y + plot_h - plot_h * v / 10.0;
            line(plot_x, gy, plot_x + plot_w, gy, v == 0 ? kMuted : kRule, v == 0 ? 0.7 : 0.4);
            text(x, gy - 4.5, axis_w - 3, std::to_string(v), kTiny, kMuted, Align::Right);
        }
        auto px = [&](const SeverityPoint& p) {
            return plot_x + plot_w * (static_cast<double>(p.local_day - d0) + p.minute_of_day / 1440.0) / span;
        };
        auto py = [&](int v) { return plot_y + plot_h - plot_h * v / 10.0; };
        // A rolling four-week median of numbness as a line, so a trend shows at a glance.
        if (trend) {
            std::vector<std::pair<double, double>> pts;
            for (std::int64_t w = d0; w <= d1; w += 7) {
                std::vector<int> vals;
                for (const auto& p : m_.severity)
                    if (p.numbness && p.local_day >= w - 14 && p.local_day < w + 14) vals.push_back(*p.numbness);
                if (vals.size() < 3) {
                    pts.push_back({-1, 0});   // a gap
                    continue;
                }
                std::sort(vals.begin(), vals.end());
                const double med = vals.size() % 2 ? vals[vals.size() / 2]
                                                   : (vals[vals.size() / 2 - 1] + vals[vals.size() / 2]) / 2.0;
                const double x = plot_x + plot_w * (static_cast<double>(w - d0) + 0.5) / span;
                pts.push_back({std::min(x, plot_x + plot_w), plot_y + plot_h - plot_h * med / 10.0});
            }
            color(Rgb{0.10, 0.22, 0.42});
            cairo_set_line_width(cr_, 1.4);
            bool drawing = false;
            for (const auto& [px_, py_] : pts) {
                if (px_ < 0) {
                    drawing = false;
                    continue;
                }
                if (drawing) cairo_line_to(cr_, px_, py_);
                else cairo_move_to(cr_, px_, py_);
                drawing = true;
            }
            cairo_stroke(cr_);
        }
        // Month labels along the time axis when the period is long enough.
        if (span > 60) {
            std::string last_label_month;
            double last_x = -100;
            for (std::int64_t day = d0; day <= d1; ++day) {
                const LocalDate date = date_from_days(day);
                if (date.substr(8, 2) != "01") continue;
                const double x = plot_x + plot_w * static_cast<double>(day - d0) / span;
                line(x, plot_y + plot_h, x, plot_y + plot_h + 2, kMuted, 0.5);
                const std::string full = format_date_long(date);
                std::string label = full.substr(full.find(' ') + 1, 3);
                if (date.substr(5, 2) == "01") label += " " + date.substr(0, 4);
                if (x - last_x > 30 && x < plot_x + plot_w - 40) {
                    text(x + 1, plot_y + plot_h + 2, 48, label, kTiny, kMuted);
                    last_x = x;
                }
            }
        }
        // Unrated episodes have no point: "not rated" is not 0.
        for (const auto& p : m_.severity) {
            if (p.pain) rect(px(p) - 1.6, py(*p.pain) - 1.6, 3.2, 3.2, kAccent2);
        }
        for (const auto& p : m_.severity) {
            if (!p.numbness) continue;
            cairo_arc(cr_, px(p), py(*p.numbness), 1.9, 0, 2 * M_PI);
            color(kAccent);
            cairo_fill(cr_);
            if (p.red_flag) {
                cairo_arc(cr_, px(p), py(*p.numbness), 4, 0, 2 * M_PI);
                color(kRed);
                cairo_set_line_width(cr_, 1);
                cairo_stroke(cr_);
            }
        }
        if (span <= 60) {
            text(plot_x, plot_y + plot_h + 2, 80, short_date(m_.from), kTiny, kMuted);
            text(plot_x + plot_w - 80, plot_y + plot_h + 2, 80, short_date(m_.to), kTiny, kMuted, Align::Right);
        }
        return th + h;
    }

    // A grid of leg regions (top to bottom) by side, shaded by episode count.
    double body_map(double x, double y, double w, bool draw) {
        double yy = y;
        yy += text(x, yy, w, "Where: episodes by region", kBodyBold, kInk, Align::Left, draw) + 4;
        const double label_w = w - 2 * 36 - 4;
        const double cell_w = 36, row_h = 10.5;
        if (draw) {
            text(x + label_w, yy, cell_w, "Left", kSmallBold, kInk, Align::Center);
            text(x + label_w + cell_w + 4, yy, cell_w, "Right", kSmallBold, kInk, Align::Center);
        }
        yy += 11;
        int maxv = 1;
        for (const auto& rc : m_.regions) maxv = std::max({maxv, rc.left, rc.right, rc.middle});
        auto shade = [&](int v) {
            if (v == 0) return Rgb{0.965, 0.965, 0.97};
            const double t = 0.18 + 0.82 * v / maxv;
            return Rgb{1 - t * (1 - 0.80), 1 - t * (1 - 0.25), 1 - t * (1 - 0.10)};
        };
        auto cell = [&](double cx, double cy, double cw, int v) {
            rect(cx, cy, cw, row_h - 1.2, shade(v));
            if (v > 0) {
                const double t = 0.18 + 0.82 * v / maxv;
                text(cx, cy + 0.6, cw, std::to_string(v), kTiny, t > 0.55 ? Rgb{1, 1, 1} : kInk, Align::Center);
            }
        };
        for (const auto& rc : m_.regions) {
            if (draw) {
                std::string label = rc.label;
                if (label.size() > 26) label = label.substr(0, label.find(" ("));
                text(x, yy + 0.4, label_w - 4, label, kTiny, kInk, Align::Right);
                if (rc.middle > 0 && rc.left == 0 && rc.right == 0) {
                    cell(x + label_w, yy, 2 * cell_w + 4, rc.middle);
                } else {
                    cell(x + label_w, yy, cell_w, rc.left);
                    cell(x + label_w + cell_w + 4, yy, cell_w, rc.right);
                }
            }
            yy += row_h;
        }
        yy += 6;
        // How far up (mTNS sensory extent levels).
        yy += text(x, yy, w, "Highest point reached (mTNS levels)", kSmallBold, kInk, Align::Left, draw) + 2;
        const Extent levels[] = {Extent::ToeTips, Extent::UpToAnkle, Extent::UpToKnee, Extent::AboveKnee};
        int total = 0;
        for (auto l : levels) total += m_.episodes_by_extent[static_cast<std::size_t>(l)];
        for (auto l : levels) {
            const int v = m_.episodes_by_extent[static_cast<std::size_t>(l)];
            if (draw) {
                text(x, yy, label_w - 4, extent_label(l), kTiny, kInk, Align::Right);
                const double bw = 2 * cell_w + 4;
                rect(x + label_w, yy + 1, bw, row_h - 3, Rgb{0.94, 0.94, 0.95});
                if (total > 0) rect(x + label_w, yy + 1, bw * v / total, row_h - 3, kAccent);
                text(x + label_w + bw + 2, yy, 30, std::to_string(v), kTiny, kInk);
            }
            yy += row_h;
        }
        return yy - y;
    }

    // Three columns of counted items with small bars.
    void count_columns() {
        struct Col {
            const char* title;
            const std::vector<CountItem>* items;
        };
        std::vector<Col> cols;
        if (!m_.sensations.empty()) cols.push_back({"Felt as", &m_.sensations});
        if (!m_.triggers.empty()) cols.push_back({"Began after", &m_.triggers});
        if (!m_.reliefs.empty()) cols.push_back({"Eased by", &m_.reliefs});
        if (!m_.signs.empty()) cols.push_back({"Came with", &m_.signs});
        if (cols.empty()) return;
        const double gap = 12;
        const double cw = (content_w_ - gap * static_cast<double>(cols.size() - 1)) / static_cast<double>(cols.size());
        const int n = std::max(1, m_.episode_count);
        auto col_h = [&](const Col& c, bool draw, double x, double y) {
            double yy = y;
            yy += text(x, yy, cw, c.title, kBodyBold, kInk, Align::Left, draw) + 3;
            for (const auto& it : *c.items) {
                const std::string count = std::to_string(it.count) + " of " + std::to_string(n);
                const double lh = text(x, yy, cw - 54, it.label, kSmall, kInk, Align::Left, draw);
                if (draw) {
                    text(x + cw - 54, yy, 54, count, kSmall, kMuted, Align::Right);
                    rect(x, yy + lh + 0.5, cw, 2.2, Rgb{0.92, 0.93, 0.95});
                    rect(x, yy + lh + 0.5, cw * it.count / n, 2.2, kAccent);
                }
                yy += lh + 5;
            }
            return yy - y;
        };
        double h = 0;
        for (const auto& c : cols) h = std::max(h, col_h(c, false, 0, 0));
        need(h);
        for (std::size_t i = 0; i < cols.size(); ++i)
            col_h(cols[i], true, kMargin + static_cast<double>(i) * (cw + gap), y_);
        y_ += h + 10;
    }

    void topics() {
        const double indent = 10;
        auto topic_h = [&](const Topic& t, bool draw, double y) {
            double yy = y;
            std::string head = "<b>" + escape_markup(t.name) + "</b>  <span foreground=\"#5a5f66\">" +
                               escape_markup(t.fit) + "</span>";
            yy += text(kMargin, yy, content_w_, head, kBody, kInk, Align::Left, draw, true) + 1;
            for (const auto& e : t.evidence_for)
                yy += text(kMargin + indent, yy, content_w_ - indent, "+ " + e, kSmall, kInk, Align::Left, draw) + 0.5;
            for (const auto& e : t.evidence_against)
                yy += text(kMargin + indent, yy, content_w_ - indent, "\u2212 " + e, kSmall, kMuted, Align::Left, draw) + 0.5;
            if (!t.unknowns.empty()) {
                std::string u = "Not yet known: ";
                for (std::size_t i = 0; i < t.unknowns.size() && i < 3; ++i) u += (i ? "; " : "") + t.unknowns[i];
                yy += text(kMargin + indent, yy, content_w_ - indent, u, kSmall, kMuted, Align::Left, draw) + 0.5;
            }
            return yy - y + 5;
        };
        const double intro_h = measure(content_w_, m_.topics_intro, kSmall) + 4;
        const double first = m_.topics.empty() ? 0 : topic_h(m_.topics.front(), false, 0);
        section_heading("Topics to discuss", intro_h + first);
        y_ += text(kMargin, y_, content_w_, m_.topics_intro, kSmall, kMuted) + 4;
        if (m_.topics.empty() && !m_.too_few_episodes) {
            y_ += text(kMargin, y_, content_w_, "No documented cause fits the diary clearly yet.", kBody, kInk) + 6;
        }
        for (const auto& t : m_.topics) {
            need(topic_h(t, false, 0));
            y_ += topic_h(t, true, y_);
        }
        y_ += 4;
    }

    void background_and_checkins() {
        const bool bg = m_.has(kSectionBackground);
        const bool ci = m_.has(kSectionCheckIns);
        if (!bg && !ci) return;
        const double gap = 18;
        const double cw = (bg && ci) ? (content_w_ - gap) / 2 : content_w_;
        auto bg_h = [&](bool draw, double x, double y) {
            double yy = y;
            yy += text(x, yy, cw, "Health background and medicines", kBodyBold, kInk, Align::Left, draw) + 3;
            if (m_.background.empty())
                yy += text(x, yy, cw, "Nothing recorded.", kSmall, kMuted, Align::Left, draw) + 2;
            for (const auto& b : m_.background) {
                const std::string s = "<b>" + escape_markup(b.label) + "</b>" +
                                      (b.detail.empty() ? "" : ": " + escape_markup(b.detail));
                yy += text(x, yy, cw, s, kSmall, kInk, Align::Left, draw, true) + 2;
            }
            return yy - y;
        };
        auto ci_h = [&](bool draw, double x, double y) {
            double yy = y;
            yy += text(x, yy, cw, "Daily check-ins", kBodyBold, kInk, Align::Left, draw) + 3;
            std::string intro = std::to_string(m_.checkin_days) + " days checked in; \"no numbness today\" on " +
                                std::to_string(m_.no_numbness_days) + ".";
            yy += text(x, yy, cw, intro, kSmall, kMuted, Align::Left, draw) + 3;
            for (const auto& it : m_.checkin_symptoms) {
                const std::string count = std::to_string(it.count) + " of " + std::to_string(m_.checkin_days);
                const double lh = text(x, yy, cw - 50, it.label, kSmall, kInk, Align::Left, draw);
                if (draw) text(x + cw - 50, yy, 50, count, kSmall, kMuted, Align::Right);
                yy += lh + 2;
            }
            return yy - y;
        };
        const double h = std::max(bg ? bg_h(false, 0, 0) : 0, ci ? ci_h(false, 0, 0) : 0);
        need(h);
        double x = kMargin;
        if (bg) {
            bg_h(true, x, y_);
            x += cw + gap;
        }
        if (ci) ci_h(true, x, y_);
        y_ += h + 10;
    }

    // ---- The episode table ----
    struct Column {
        const char* title;
        double width;
    };
    // Eight columns so that 9 pt text fits A4 (515 pt) and Letter.
    static constexpr Column kCols[] = {
        {"When", 62}, {"Lasted", 44}, {"Where", 96}, {"Felt as", 76}, {"N / P", 34},
        {"Began after", 72}, {"Eased by", 72}, {"Came with, note", 59},
    };
    static constexpr double kCellPad = 2.5;

    static std::string rating(const std::optional<int>& v) { return v ? std::to_string(*v) : "-"; }   // -: not rated

    std::vector<std::string> row_cells(const EpisodeRow& r) const {
        std::string with = r.signs;
        if (r.note_number) with += (with.empty() ? "" : " ") + std::string("[") + std::to_string(r.note_number) + "]";
        return {r.date + " " + r.time, r.duration, r.where, r.feels,
                rating(r.numbness) + " / " + rating(r.pain), r.before, r.eased_by, with};
    }

    double table_header(bool draw) {
        double h = 0;
        for (const auto& c : kCols) h = std::max(h, measure(c.width - 2 * kCellPad, c.title, kSmallBold));
        h += 2 * kCellPad;
        if (draw) {
            rect(kMargin, y_, content_w_, h, kHeaderBg);
            double x = kMargin;
            for (const auto& c : kCols) {
                text(x + kCellPad, y_ + kCellPad, c.width - 2 * kCellPad, c.title, kSmallBold, kInk);
                x += c.width;
            }
            y_ += h;
        }
        return h;
    }

    void episode_table() {
        new_page();
        y_ += heading("Episodes (" + std::to_string(m_.rows.size()) + ")");
        y_ += text(kMargin, y_, content_w_,
                   "One row per episode, oldest first. N / P: numbness / pain, 0\u201310. Rows on red are red-flag "
                   "events. [n] refers to the notes at the end.",
                   kSmall, kMuted) + 4;
        table_header(true);
        bool stripe = false;
        for (const auto& r : m_.rows) {
            const auto cells = row_cells(r);
            double h = 0;
            for (std::size_t i = 0; i < cells.size(); ++i)
                h = std::max(h, measure(kCols[i].width - 2 * kCellPad, cells[i], kSmall));
            h += 2 * kCellPad;
            if (y_ + h > bottom_) {
                new_page();
                table_header(true);
                stripe = false;
            }
            if (r.red_flag) rect(kMargin, y_, content_w_, h, kRedBg);
            else if (stripe) rect(kMargin, y_, content_w_, h, kStripe);
            if (r.red_flag) rect(kMargin, y_, 2.5, h, kRed);
            double x = kMargin;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                text(x + kCellPad, y_ + kCellPad, kCols[i].width - 2 * kCellPad, cells[i], kSmall, kInk);
                x += kCols[i].width;
            }
            y_ += h;
            line(kMargin, y_, page_w_ - kMargin, y_, kRule, 0.3);
            stripe = !stripe;
        }
        y_ += 10;
    }

    // ---- The person's notes ----
    void notes() {
        const double num_w = 26, date_w = 118;
        const double text_x = kMargin + num_w + date_w, text_w = content_w_ - num_w - date_w;
        constexpr Font kNote{9, false, false};
        auto label_of = [](const NoteItem& n) {
            std::string src = n.source;
            if (!src.empty() && src[0] >= 'A' && src[0] <= 'Z') src[0] = static_cast<char>(src[0] - 'A' + 'a');
            return format_date_long(n.date) + ", " + src;
        };
        auto note_h = [&](const NoteItem& n, const std::string& body, bool draw) {
            const double h1 = text(kMargin, y_ + 0.8, num_w, "[" + std::to_string(n.number) + "]", kSmallBold, kInk,
                                   Align::Left, draw);
            const double h2 = text(kMargin + num_w, y_ + 0.8, date_w, label_of(n), kSmall, kMuted, Align::Left, draw);
            const double h3 = text(text_x, y_, text_w, body, kNote, kInk, Align::Left, draw);
            return std::max({h1, h2, h3}) + 3.5;
        };
        section_heading("Notes in the person's words (" + std::to_string(m_.notes.size()) + ")",
                        note_h(m_.notes.front(), m_.notes.front().text, false));
        const double page_room = bottom_ - kMargin;
        for (const auto& n : m_.notes) {
            std::string body = n.text;
            if (note_h(n, body, false) > page_room) {
                // Longer than a page: keep what fits and say where the rest is.
                const glong chars = g_utf8_strlen(body.c_str(), static_cast<gssize>(body.size()));
                glong lo = 0, hi = chars;
                const std::string more = " \u2026 (the full note is in the app)";
                while (lo < hi) {
                    const glong mid = (lo + hi + 1) / 2;
                    const char* end = g_utf8_offset_to_pointer(n.text.c_str(), mid);
                    const std::string head(n.text.c_str(), static_cast<std::size_t>(end - n.text.c_str()));
                    if (note_h(n, head + more, false) <= page_room) lo = mid;
                    else hi = mid - 1;
                }
                const char* cut = g_utf8_offset_to_pointer(n.text.c_str(), lo);
                body = std::string(n.text.c_str(), static_cast<std::size_t>(cut - n.text.c_str())) + more;
            }
            need(note_h(n, body, false));
            y_ += note_h(n, body, true);
        }
    }

    const ReportModel& m_;
    double page_w_ = 595.276, page_h_ = 841.890;   // A4
    double content_w_ = 0, bottom_ = 0;
    int total_pages_ = 0;
    TextLayouts& texts_;
    bool counting_ = false;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* cr_ = nullptr;
    double y_ = 0;
    int page_ = 1;
    bool in_heading_ = false;
    double fig_scale_ = 1.0;   // page 1's figures: smaller when that keeps the sections after them on page 1
};

}  // namespace

std::string render_report_pdf(const ReportModel& model) {
    // First pass counts the pages ("Page 2 of 5"), the second draws them.
    std::string scratch;
    int pages = 0;
    TextLayouts texts;
    {
        Renderer counting(model, &scratch, 0, texts, true);
        pages = counting.render();
    }
    std::string out;
    {
        Renderer r(model, &out, pages, texts, false);
        r.render();
    }
    if (out.rfind("%PDF", 0) != 0) throw PdfError("Could not make the PDF: cairo wrote no PDF data");
    return out;
}

void write_report_pdf(const ReportModel& model, const std::string& path) {
    write_file_atomic(path, render_report_pdf(model));
}

}  // namespace nd
