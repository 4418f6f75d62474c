#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "atomic_file.hpp"
#include "export_fixture.hpp"
#include "report_model.hpp"
#include "report_pdf.hpp"

namespace {

std::string temp_dir() {
    char templ[] = "/tmp/nd_pdf_test_XXXXXX";
    const char* dir = ::mkdtemp(templ);
    REQUIRE(dir != nullptr);
    return dir;
}

// pdftotext's text of a PDF file ("" when pdftotext is not installed).
std::string pdf_text(const std::string& pdf_path) {
    const std::string tool = ND_PDFTOTEXT;
    if (tool.empty() || tool.find("NOTFOUND") != std::string::npos) return "";
    const std::string txt = pdf_path + ".txt";
    const std::string cmd = "'" + tool + "' -enc UTF-8 '" + pdf_path + "' '" + txt + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return nd::read_file(txt);
}

int count_of(const std::string& hay, const std::string& needle) {
    int n = 0;
    for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + 1)) ++n;
    return n;
}

nd::ReportModel fixture_report(std::uint32_t sections = nd::kSectionAll) {
    nd::ReportOptions o;
    o.generated_on = "2026-01-21";
    o.sections = sections;
    return nd::build_report(nd::test::export_diary(), nd::test::export_match(), o);
}

}  // namespace

TEST_CASE("The report PDF is a PDF written with owner-only permissions", "[report_pdf]") {
    const std::string dir = temp_dir();
    const std::string path = dir + "/report.pdf";
    nd::write_report_pdf(fixture_report(), path);
    const std::string bytes = nd::read_file(path);
    CHECK(bytes.rfind("%PDF-", 0) == 0);
    CHECK(bytes.find("%%EOF") != std::string::npos);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("The report PDF says what the report model says", "[report_pdf]") {
    const std::string dir = temp_dir();
    const std::string path = dir + "/report.pdf";
    nd::write_report_pdf(fixture_report(), path);
    const std::string text = pdf_text(path);
    if (text.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    CHECK(text.find("Numbness and tingling diary") != std::string::npos);
    CHECK(text.find("Zoë Ångström") != std::string::npos);
    CHECK(text.find("5 Jan 2026 to 20 Jan 2026") != std::string::npos);
    CHECK(text.find("Red-flag events (1)") != std::string::npos);
    CHECK(text.find("Saddle numbness with bladder or bowel change") != std::string::npos);
    CHECK(text.find("Topics to discuss") != std::string::npos);
    CHECK(text.find("Pressure on a nerve from posture") != std::string::npos);
    CHECK(text.find("Restless legs") == std::string::npos);   // fits little: not a topic
    CHECK(text.find("Episodes per week") != std::string::npos);
    CHECK(text.find("Episodes (5)") != std::string::npos);
    CHECK(text.find("ça picote") != std::string::npos);        // a note, UTF-8 intact
    CHECK(text.find("like walking on sand") != std::string::npos);
    CHECK(text.find("Metformin 500 mg") != std::string::npos);
    CHECK(text.find("binned") == std::string::npos);           // the bin stays out
    CHECK(text.find("Page 1 of") != std::string::npos);
}

TEST_CASE("A long episode table repeats its header on every page", "[report_pdf]") {
    nd::Diary d = nd::test::export_diary();
    for (int i = 0; i < 120; ++i) {
        nd::Episode e = nd::test::fallen_asleep_foot(100 + i, 20 + i / 2);
        e.note = "Note number " + std::to_string(i) + ", with a comma and \"quotes\"";
        d.episodes.push_back(e);
    }
    nd::normalize(d);
    nd::ReportOptions o;
    const nd::ReportModel m = nd::build_report(d, nd::test::export_match(), o);
    const std::string dir = temp_dir();
    const std::string path = dir + "/long.pdf";
    nd::write_report_pdf(m, path);
    const std::string text = pdf_text(path);
    if (text.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    // The header's "Numb / pain" cell is on every table page (and nowhere else).
    CHECK(count_of(text, "/ pain") >= 3);
    CHECK(text.find("Note number 119") != std::string::npos);
    CHECK(text.find("Episodes (125)") != std::string::npos);
}

TEST_CASE("Sections left out are not in the PDF", "[report_pdf]") {
    const std::string dir = temp_dir();
    const std::string path = dir + "/short.pdf";
    nd::write_report_pdf(fixture_report(nd::kSectionSummary | nd::kSectionPerWeek), path);
    const std::string text = pdf_text(path);
    if (text.empty()) return;
    CHECK(text.find("Episodes per week") != std::string::npos);
    CHECK(text.find("Topics to discuss") == std::string::npos);
    CHECK(text.find("ça picote") == std::string::npos);
    CHECK(text.find("Metformin") == std::string::npos);
}

TEST_CASE("An empty diary still gives a readable one-page PDF", "[report_pdf]") {
    nd::Diary empty;
    const nd::ReportModel m = nd::build_report(empty, nd::MatchResult{}, nd::ReportOptions{});
    const std::string pdf = nd::render_report_pdf(m);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("The same report renders to the same bytes", "[report_pdf]") {
    const auto m = fixture_report();
    CHECK(nd::render_report_pdf(m) == nd::render_report_pdf(m));
}
