#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <regex>
#include <set>
#include <string>

#include "atomic_file.hpp"
#include "catalog.hpp"
#include "demo_diary.hpp"
#include "export_fixture.hpp"
#include "matching.hpp"
#include "questionnaire.hpp"
#include "report_model.hpp"
#include "time_util.hpp"
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
    CHECK(text.find("Warning signs (1 episode)") != std::string::npos);
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
    // The header's "N / P" cell is on every table page (and nowhere else).
    CHECK(count_of(text, "\nN/P\n") >= 3);   // pdftotext drops the spaces
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
    // Medicines are on page 1 always; the background appendix is not chosen.
    CHECK(text.find("Health background and medicines") == std::string::npos);
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

namespace {

// pdftotext of the given pages ("" when pdftotext is not installed).
std::string pdf_pages_text(const std::string& pdf_path, int first, int last) {
    const std::string tool = ND_PDFTOTEXT;
    if (tool.empty() || tool.find("NOTFOUND") != std::string::npos) return "";
    const std::string txt = pdf_path + "." + std::to_string(first) + ".txt";
    std::string cmd = "'" + tool + "' -enc UTF-8";
    if (first > 0) cmd += " -f " + std::to_string(first) + " -l " + std::to_string(last);
    cmd += " '" + pdf_path + "' '" + txt + "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return nd::read_file(txt);
}

// The distinct "3 Mar 2026 08:30" stamps in a text.
std::set<std::string> date_times(const std::string& text) {
    static const std::regex stamp(R"((\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}) \d\d:\d\d)");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), stamp); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

}  // namespace

TEST_CASE("A hundred red-flag episodes are all listed, flowing across pages", "[report_pdf][red_flags]") {
    // Saddle numbness with loss of bladder control: the seed's cauda equina warning.
    nd::Diary d;
    d.profile = {"Pat Example", "1960-02-03", nd::test::kDay0Utc};
    nd::MatchResult match;
    for (int i = 0; i < 100; ++i) {
        nd::Episode e = nd::test::EpisodeBuilder(500 + i)
                            .day(i, 7 + i % 12, i % 60)
                            .region(nd::Region::SaddleArea, nd::Side::Middle)
                            .sensation(nd::Sensation::Numbness)
                            .numbness(7)
                            .sign(nd::Sign::BladderBowelLoss)
                            .lasted(30);
        for (auto& f : nd::red_flags_for(e)) match.red_flags.push_back(f);
        d.episodes.push_back(e);
    }
    nd::normalize(d);
    REQUIRE(match.red_flags.size() >= 100);
    nd::ReportOptions o;
    o.generated_on = "2026-05-01";
    o.sections = nd::kSectionSummary;   // red flags are in whatever was chosen
    const nd::ReportModel m = nd::build_report(d, match, o);
    REQUIRE(m.red_flags.size() >= 100);
    const std::string dir = temp_dir();
    const std::string path = dir + "/flags.pdf";
    nd::write_report_pdf(m, path);
    const std::string all = pdf_pages_text(path, 0, 0);
    if (all.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    // The warning section runs from its heading to the next section's heading.
    const auto begin = all.find("Warning signs (100 episodes)");
    REQUIRE(begin != std::string::npos);
    const auto end = all.find("Questions from the patient", begin);
    const std::string section = all.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    const auto dates = date_times(section);
    CHECK(dates.size() == 100);
    CHECK(dates.count(nd::format_date_long(nd::test::day_date(0))) == 1);
    CHECK(dates.count(nd::format_date_long(nd::test::day_date(99))) == 1);
    CHECK(section.find("Warning signs (continued)") != std::string::npos);
    CHECK(section.find("Loss of bladder or bowel control") != std::string::npos);
    // Page 1 is not left blank: the list starts there.
    const std::string page1 = pdf_pages_text(path, 1, 1);
    CHECK(page1.find("Warning signs (100 episodes)") != std::string::npos);
    CHECK(date_times(page1).size() >= 20);
    // The rest of page 1's sections follow the last warning, in their fixed order
    // (issue #14), whole, before the appendix.
    std::size_t at = end;
    for (const char* h : {"Questions from the patient", "Patterns (1 kind of episode)", "Medicines",
                          "Causes worth discussing", "Appendix: the figures behind page 1"}) {
        INFO(h);
        const auto pos = all.find(h, at);
        CHECK(pos != std::string::npos);
        if (pos != std::string::npos) at = pos;
    }
    // The summary no longer points below at a box that is above it.
    CHECK(all.find("See below") == std::string::npos);
}

TEST_CASE("Page 1 holds the GP's summary in the fixed order", "[report_pdf][page1]") {
    nd::Diary d = nd::test::export_diary();
    d.profile.complaint_began = "2025-10-01";
    d.profile.health_number = "943 476 5919";
    d.profile.questions = {"Could this come from my back?", "Should I stop cycling?"};
    // Two MNSI history responses (issue #15): 3 of 13, then 5 of 13 ("yes" scores on
    // items 1-3, 5-6, 8-9, 11-12, 14-15; "yes" to 7 and 13 scores nothing).
    nd::ReportOptions o;
    o.questionnaires = nd::load_default_questionnaires();
    const nd::Questionnaire& mnsi = *nd::find_questionnaire(o.questionnaires, "mnsi_history");
    const auto respond = [&](const char* when, std::set<int> yes, const char* id) {
        std::vector<nd::QuestionnaireAnswer> a;
        for (int i = 1; i <= 15; ++i) a.push_back({std::to_string(i), yes.count(i) ? "yes" : "no"});
        auto r = nd::make_response(mnsi, a, *nd::parse_iso8601(when));
        r.id = id;
        r.created_utc = r.updated_utc = r.taken.utc;
        d.questionnaire_responses.push_back(r);
    };
    respond("2025-10-10T19:00:00+02:00", {1, 2, 3, 7, 13}, "6f1d3c55-58a3-4c55-9a55-8f0c2f5b1a01");
    respond("2026-01-05T19:00:00+01:00", {1, 2, 3, 5, 14, 7, 13}, "6f1d3c55-58a3-4c55-9a55-8f0c2f5b1a02");
    o.generated_on = "2026-01-21";
    o.sections = nd::kSectionDefault;
    const nd::ReportModel m = nd::build_report(d, nd::test::export_match(), o);
    const std::string dir = temp_dir();
    const std::string path = dir + "/page1.pdf";
    nd::write_report_pdf(m, path);
    const std::string page1 = pdf_pages_text(path, 1, 1);
    if (page1.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    // Each heading on page 1, in the issue's order.
    const char* headings[] = {"Who and when", "Warning signs", "Questions from the patient", "Patterns",
                              "Medicines", "Questionnaire scores", "Causes worth discussing"};
    std::size_t at = 0;
    for (const char* h : headings) {
        INFO(h);
        const auto pos = page1.find(h, at);
        CHECK(pos != std::string::npos);
        if (pos != std::string::npos) at = pos;
    }
    // What sits under them.
    CHECK(page1.find("Zoë Ångström, born 14 Jul 1961 (64 years)") != std::string::npos);
    CHECK(page1.find("943 476 5919") != std::string::npos);
    CHECK(page1.find("1 Oct 2025") != std::string::npos);
    CHECK(page1.find("Could this come from my back?") != std::string::npos);
    CHECK(page1.find("Metformin 500 mg") != std::string::npos);
    // The latest score, what it means, that it screens, and the one before it
    // (the line wraps: compared with line breaks as spaces).
    std::string flat = page1;
    for (char& c : flat)
        if (c == '\n') c = ' ';
    CHECK(flat.find("MNSI history 5/13 on 2026-01-05") != std::string::npos);
    CHECK(flat.find("lower cut-off used in diabetes studies") != std::string::npos);
    CHECK(flat.find("(screening, not a diagnosis)") != std::string::npos);
    CHECK(flat.find("Was 3 on 2025-10-10.") != std::string::npos);
    CHECK(page1.find("20 Jan 2026 07:45") != std::string::npos);   // the red-flag episode
    CHECK(page1.find("Pressure on a nerve from posture") != std::string::npos);
    // Every cause the model lists, after the causes' heading.
    REQUIRE_FALSE(m.causes.empty());
    const auto causes_at = page1.find("Causes worth discussing");
    for (const auto& c : m.causes) {
        INFO(c.name);
        CHECK(page1.find(c.name, causes_at) != std::string::npos);
    }
    // The default leaves out the full table and the notes.
    const std::string all = pdf_pages_text(path, 0, 0);
    CHECK(all.find("Episodes (5)") == std::string::npos);
    // Letter paper is a setting.
    nd::ReportModel letter = m;
    letter.paper = nd::Paper::Letter;
    const std::string bytes = nd::render_report_pdf(letter);
    CHECK(bytes.find("/MediaBox [ 0 0 612 792 ]") != std::string::npos);
    CHECK(nd::render_report_pdf(m).find("/MediaBox [ 0 0 595.276 841.89 ]") != std::string::npos);
}

TEST_CASE("The report PDF is tagged, with a title and an outline", "[report_pdf][tagged]") {
    const std::string bytes = nd::render_report_pdf(fixture_report());
    CHECK(bytes.find("/StructTreeRoot") != std::string::npos);
    CHECK(bytes.find("/MarkInfo") != std::string::npos);
    CHECK(bytes.find("/Outlines") != std::string::npos);
    CHECK(bytes.find("/Title") != std::string::npos);
}

namespace {

std::string flat_text(std::string s) {
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

// A dense year: two or three episodes a day of seven kinds (more than page 1's five
// pattern lines), three with stroke signs, four medicines and three questions.
nd::Diary dense_year(nd::MatchResult& match) {
    using nd::test::EpisodeBuilder;
    nd::Diary d;
    d.profile = {"Pat Dense", "1958-06-01", nd::test::kDay0Utc};
    d.profile.questions = {"Is this my back?", "Should I see a neurologist?", "Can I keep driving?"};
    long long n = 0;
    for (int day = 0; day < 365; ++day) {
        const int kind = day % 7;
        EpisodeBuilder b(++n);
        b.day(day, 8 + kind).numbness(2 + (day / 30) % 7).lasted(10 + kind * 7);
        switch (kind) {
            case 0: b.region(nd::Region::Toes, nd::Side::Both).region(nd::Region::Sole, nd::Side::Both).eased_by(nd::Relief::Nothing); break;
            case 1: b.region(nd::Region::TopOfFoot, nd::Side::Left).after(nd::Activity::CrossedLegs).eased_by(nd::Relief::MovingOrChangingPosition, 3); break;
            case 2: b.region(nd::Region::Calf, nd::Side::Right).after(nd::Activity::Walking).eased_by(nd::Relief::Rest, 4).pain(6); break;
            case 3: b.region(nd::Region::ThighFront, nd::Side::Left).region(nd::Region::Shin, nd::Side::Left).after(nd::Activity::LongSitting); break;
            case 4: b.region(nd::Region::Heel, nd::Side::Right).region(nd::Region::InnerAnkle, nd::Side::Right).after(nd::Activity::Standing); break;
            case 5: b.region(nd::Region::Buttock, nd::Side::Left).region(nd::Region::ThighBack, nd::Side::Left).region(nd::Region::Calf, nd::Side::Left).after(nd::Activity::LongSitting).pain(7); break;
            default: b.region(nd::Region::Ankle, nd::Side::Both).region(nd::Region::Knee, nd::Side::Both).after(nd::Activity::Exercise).eased_by(nd::Relief::Stretching); break;
        }
        d.episodes.push_back(b);
        d.episodes.push_back(EpisodeBuilder(++n).day(day, 21).region(nd::Region::Toes, nd::Side::Both).numbness(3).eased_by(nd::Relief::Nothing));
        if (day % 3 == 0)
            d.episodes.push_back(EpisodeBuilder(++n).day(day, 23).region(nd::Region::Sole, nd::Side::Left).after(nd::Activity::LyingDown).numbness(5));
    }
    for (int day : {40, 170, 300}) {
        nd::Episode e = EpisodeBuilder(++n).day(day, 14).region(nd::Region::Hand, nd::Side::Left)
                            .region(nd::Region::Face, nd::Side::Left).onset(nd::Onset::Sudden)
                            .sign(nd::Sign::FaceDrooping).sign(nd::Sign::TroubleSpeaking).numbness(8);
        for (auto& f : nd::red_flags_for(e)) match.red_flags.push_back(f);
        d.episodes.push_back(e);
    }
    for (int i = 0; i < 4; ++i) {
        nd::Medicine m;
        m.id = nd::test::test_uuid(4, 10 + i);
        m.name = std::vector<std::string>{"Pregabalin", "Metformin", "Vitamin B12", "Ibuprofen"}[static_cast<std::size_t>(i)];
        m.dose = "1 tablet";
        m.when_taken = "mornings";
        m.helped = i == 0 ? nd::TriState::Yes : nd::TriState::Unknown;
        d.medicines.push_back(m);
    }
    nd::normalize(d);
    return d;
}

}  // namespace

TEST_CASE("Page 1 draws the body figure and the weekly trend", "[report_pdf][page1][figure]") {
    // The fixture (export_fixture.hpp): 5 episodes over three weeks; toes on the left
    // in 3, on the right in 1; a right calf once.
    const nd::ReportModel m = fixture_report(nd::kSectionDefault);
    const std::string dir = temp_dir();
    const std::string path = dir + "/figure.pdf";
    nd::write_report_pdf(m, path);
    const std::string page1 = flat_text(pdf_pages_text(path, 1, 1));
    if (page1.empty()) {
        WARN("pdftotext is not installed: content not checked");
        return;
    }
    CHECK(page1.find("How often, how bad and where") != std::string::npos);
    CHECK(page1.find("Episodes per week (5 in 3 weeks)") != std::string::npos);
    CHECK(page1.find("Median severity per week (0\u201310)") != std::string::npos);
    CHECK(page1.find("Where on the body") != std::string::npos);
    for (const char* label : {"Front", "Back", "Soles", "numbness", "pain", "Week of 5 Jan"}) {
        INFO(label);
        CHECK(page1.find(label) != std::string::npos);
    }
    // Each view names its sides on the caption's line: L and R, three times each.
    const std::string lines1 = pdf_pages_text(path, 1, 1);
    CHECK(count_of(lines1, "\nL\n") >= 3);
    CHECK(count_of(lines1, "\nR\n") >= 3);
    CHECK(page1.find("Numbers: episodes per part.") != std::string::npos);
    // Between the patterns and the medicines (issue #14's order) when both fit.
    const auto patterns = page1.find("Patterns"), figures = page1.find("How often, how bad and where"),
               medicines = page1.find("Medicines");
    CHECK(patterns < figures);
    CHECK(figures < medicines);
    // The counts are drawn as text on the figure: the left toes' 3 (front and soles).
    const auto where = page1.find("Where on the body");
    REQUIRE(where != std::string::npos);
    CHECK(page1.find(" 3 ", where) != std::string::npos);
}

TEST_CASE("A dense year keeps warnings, patterns and medicines on page 1 with the figures", "[report_pdf][page1][figure]") {
    nd::MatchResult match;
    const nd::Diary d = dense_year(match);
    for (nd::Paper paper : {nd::Paper::A4, nd::Paper::Letter}) {
        INFO(nd::paper_id(paper));
        nd::ReportOptions o;
        o.generated_on = "2027-01-05";
        o.sections = nd::kSectionDefault;
        o.paper = paper;
        const nd::ReportModel m = nd::build_report(d, match, o);
        REQUIRE(m.trend.size() == 53);   // 5 Jan 2026 (a Monday) to 4 Jan 2027
        const std::string dir = temp_dir();
        const std::string path = dir + "/dense-" + nd::paper_id(paper) + ".pdf";
        nd::write_report_pdf(m, path);
        if (const char* keep = std::getenv("ND_REPORT_TEST_KEEP")) nd::write_file_atomic(std::string(keep) + "/dense-" + nd::paper_id(paper) + ".pdf", nd::read_file(path));
        const std::string page1 = flat_text(pdf_pages_text(path, 1, 1));
        if (page1.empty()) {
            WARN("pdftotext is not installed: content not checked");
            return;
        }
        const char* in_order[] = {"Who and when", "Warning signs (3 episodes)", "Questions from the patient",
                                  "Patterns (5 kinds of episode)", "Medicines", "Vitamin B12"};
        std::size_t at = 0;
        for (const char* h : in_order) {
            INFO(h);
            const auto pos = page1.find(h, at);
            CHECK(pos != std::string::npos);
            if (pos != std::string::npos) at = pos;
        }
        CHECK(page1.find("Ibuprofen") != std::string::npos);
        CHECK(page1.find("How often, how bad and where") != std::string::npos);
        CHECK(page1.find("Where on the body") != std::string::npos);
        CHECK(page1.find("Median severity per week") != std::string::npos);
        CHECK(page1.find("Episodes per week (" + std::to_string(m.episode_count) + " in 53 weeks)") != std::string::npos);
        // Hand and face have no place on the figure: named under it with their counts.
        CHECK(page1.find("Also: hand (left 3); face (left 3).") != std::string::npos);
    }
}

// The demo year (as nd_export_samples writes it for the README): five patterns,
// two medicines, a questionnaire and six causes, four of them only worth excluding.
// Page 1 holds every section of the fixed order and every cause the model lists
// (issue #14), on A4 with the figures; on Letter, which is shorter, the figures may
// move after the causes but no section leaves page 1.
TEST_CASE("Page 1 of the demo year's report holds every cause worth discussing", "[report_pdf][page1]") {
    const nd::Diary d = nd::make_demo_diary(7, 1782842400);   // 2026-06-30T18:00:00Z
    const nd::Catalog catalog = nd::load_default_catalog();
    for (nd::Paper paper : {nd::Paper::A4, nd::Paper::Letter}) {
        INFO(nd::paper_id(paper));
        nd::ReportOptions o;
        o.generated_on = "2026-06-30";
        o.questionnaires = nd::load_default_questionnaires();
        o.sections = nd::kSectionDefault;
        o.paper = paper;
        const nd::MatchResult match = nd::match(catalog, nd::diary_in_range(d, o.from, o.to));
        const nd::ReportModel m = nd::build_report(d, match, o);
        REQUIRE(m.patterns.size() == 5);
        REQUIRE(m.causes.size() >= 4);
        REQUIRE(std::count_if(m.causes.begin(), m.causes.end(), [](const nd::CauseLine& c) { return c.worth_excluding; }) >= 2);
        const std::string dir = temp_dir();
        const std::string path = dir + "/demo-" + nd::paper_id(paper) + ".pdf";
        nd::write_report_pdf(m, path);
        const std::string page1 = flat_text(pdf_pages_text(path, 1, 1));
        if (page1.empty()) {
            WARN("pdftotext is not installed: content not checked");
            return;
        }
        std::size_t at = 0;
        for (const char* h : {"Who and when", "Warning signs", "Questions from the patient", "Patterns (5 kinds of episode)",
                              "Medicines", "Questionnaire scores", "Causes worth discussing"}) {
            INFO(h);
            const auto pos = page1.find(h, at);
            CHECK(pos != std::string::npos);
            if (pos != std::string::npos) at = pos;
        }
        for (const auto& c : m.causes) {
            INFO(c.name);
            CHECK(page1.find(c.name, at) != std::string::npos);
            // Its whole line, not only its name: the last words of its text are there too.
            const std::string tail = c.text.substr(c.text.size() > 24 ? c.text.size() - 24 : 0);
            CHECK(page1.find(tail, at) != std::string::npos);
        }
        CHECK(page1.find("Ramipril 5 mg") != std::string::npos);
        if (paper == nd::Paper::A4) {
            CHECK(page1.find("How often, how bad and where") != std::string::npos);
            CHECK(page1.find("Where on the body") != std::string::npos);
        }
    }
}
