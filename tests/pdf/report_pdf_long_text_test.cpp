// Long texts in the report PDF: the renderer keeps only the size of a text longer
// than report_pdf::TextLayouts::kKeptBytes (a note longer than a page is measured at
// a dozen lengths to find its cut), and lays it out again to draw it. These check
// that such notes are still cut at the page and drawn whole when they fit.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "atomic_file.hpp"
#include "export_fixture.hpp"
#include "report_model.hpp"
#include "report_pdf.hpp"

namespace {

std::string text_of_pdf(const std::string& pdf) {
    const std::string tool = ND_PDFTOTEXT;
    if (tool.empty() || tool.find("NOTFOUND") != std::string::npos) return "";
    char templ[] = "/tmp/nd_pdf_long_XXXXXX";
    const char* dir = ::mkdtemp(templ);
    REQUIRE(dir != nullptr);
    const std::string path = std::string(dir) + "/r.pdf", txt = path + ".txt";
    nd::write_file_atomic(path, pdf);
    const std::string cmd = "'" + tool + "' -enc UTF-8 '" + path + "' '" + txt + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return nd::read_file(txt);
}

// Plain words, `bytes` long, between two markers.
std::string note_text(const std::string& first, std::size_t bytes, const std::string& last) {
    std::string s = first + " ";
    while (s.size() < bytes) s += "tingling in both feet after the long walk then numbness up to the ankle ";
    return s + last;
}

}  // namespace

TEST_CASE("A note longer than a page is cut there, and long notes that fit are drawn whole", "[report_pdf]") {
    nd::ReportOptions o;
    o.generated_on = "2026-01-21";
    nd::ReportModel m = nd::build_report(nd::test::export_diary(), nd::test::export_match(), o);
    m.notes = {
        {1, "2026-01-10", "Episode 08:30", note_text("STARTONE", 40000, "ENDONE")},
        {2, "2026-01-11", "Check-in", "SHORTTWO after the long one."},
        {3, "2026-01-12", "Episode 09:15", note_text("STARTTHREE", 3000, "ENDTHREE")},
        {4, "2026-01-13", "Episode 10:00", note_text("STARTFOUR", 40000, "ENDFOUR")},
    };
    const std::string pdf = nd::render_report_pdf(m);
    CHECK(nd::render_report_pdf(m) == pdf);   // measured and drawn the same way twice
    const std::string text = text_of_pdf(pdf);
    if (text.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    CHECK(text.find("STARTONE") != std::string::npos);
    CHECK(text.find("ENDONE") == std::string::npos);
    CHECK(text.find("SHORTTWO") != std::string::npos);
    CHECK(text.find("STARTTHREE") != std::string::npos);
    CHECK(text.find("ENDTHREE") != std::string::npos);
    CHECK(text.find("STARTFOUR") != std::string::npos);
    CHECK(text.find("ENDFOUR") == std::string::npos);
    std::size_t cuts = 0;
    for (auto p = text.find("(the full note is in the app)"); p != std::string::npos;
         p = text.find("(the full note is in the app)", p + 1))
        ++cuts;
    CHECK(cuts == 2);
}
