// Questionnaire responses through the export service (issue #15): the FHIR bundle
// carries the Questionnaire and each live response of the period with the bundle's
// Patient as subject; `--what questionnaires` CSV; the report's page-1 scores.
// Expected scores come from the MNSI's published scoring (docs/questionnaires.md:
// "yes" scores on 1-3, 5-6, 8-9, 11-12, 14-15, "no" on 7 and 13; cut-offs 4 and 7).
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <filesystem>
#include <set>

#include "export_service.hpp"
#include "questionnaire.hpp"
#include "report_model.hpp"
#include "store.hpp"
#include "time_util.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<nd::Questionnaire>& all() {
    static const auto a = nd::load_default_questionnaires();
    return a;
}

// `yes` lists the items answered "yes"; every other item is "no".
nd::QuestionnaireResponse mnsi(const std::string& id, const std::string& when, const std::set<int>& yes) {
    const auto& q = *nd::find_questionnaire(all(), "mnsi_history");
    std::vector<nd::QuestionnaireAnswer> a;
    for (int i = 1; i <= 15; ++i) a.push_back({std::to_string(i), yes.count(i) ? "yes" : "no"});
    auto r = nd::make_response(q, a, *nd::parse_iso8601(when));
    r.id = id;
    r.created_utc = r.updated_utc = r.taken.utc;
    return r;
}

const std::string kOld = "0b7c1f3e-1111-4a55-9a55-8f0c2f5b1a01";      // before the period
const std::string kIn1 = "0b7c1f3e-2222-4a55-9a55-8f0c2f5b1a02";
const std::string kIn2 = "0b7c1f3e-3333-4a55-9a55-8f0c2f5b1a03";
const std::string kBinned = "0b7c1f3e-4444-4a55-9a55-8f0c2f5b1a04";   // in the period, in the bin
const std::string kLater = "0b7c1f3e-5555-4a55-9a55-8f0c2f5b1a05";    // after the period

nd::Diary diary() {
    nd::Diary d;
    d.profile.name = "Test Person";
    // Scores: 2, 3 (4 and 10 unscored), 8, 3, 1; "yes" to 7 and 13 scores nothing.
    d.questionnaire_responses.push_back(mnsi(kOld, "2026-01-10T09:00:00+01:00", {1, 2, 7, 13}));
    d.questionnaire_responses.push_back(mnsi(kIn1, "2026-03-05T20:00:00+01:00", {1, 2, 3, 4, 7, 10, 13}));
    d.questionnaire_responses.push_back(mnsi(kIn2, "2026-05-20T20:00:00+02:00", {1, 2, 3, 5, 6, 7, 8, 9, 11, 13}));
    auto binned = mnsi(kBinned, "2026-05-25T20:00:00+02:00", {1, 2, 3, 7, 13});
    binned.deleted_utc = binned.taken.utc + 60;
    d.questionnaire_responses.push_back(binned);
    d.questionnaire_responses.push_back(mnsi(kLater, "2026-08-01T20:00:00+02:00", {1, 7, 13}));
    return d;
}

struct TempStore {
    fs::path dir = fs::temp_directory_path() / ("nd-export-q-" + nd::new_uuid());
    std::unique_ptr<nd::Store> store;
    TempStore() {
        fs::create_directories(dir);
        store = nd::Store::open((dir / "d.db").string());
        store->replace_diary(diary());
    }
    ~TempStore() {
        store.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::string s(const rapidjson::Value& v, const char* k) { return v[k].GetString(); }

}  // namespace

TEST_CASE("Scores of the test diary follow the published MNSI scoring", "[questionnaire][export]") {
    const nd::Diary d = diary();
    CHECK(d.questionnaire_responses[0].score == 2);
    CHECK(d.questionnaire_responses[1].score == 3);
    CHECK(d.questionnaire_responses[2].score == 8);
    CHECK(d.questionnaire_responses[3].score == 3);
    CHECK(d.questionnaire_responses[4].score == 1);
}

TEST_CASE("FHIR export carries the Questionnaire and each live response of the period", "[questionnaire][export][fhir]") {
    TempStore t;
    nd::ExportSpec spec;
    spec.kind = nd::ExportKind::Fhir;
    spec.from = "2026-03-01";
    spec.to = "2026-06-30";
    spec.questionnaires = all();
    const std::string json = nd::build_export_output(*t.store, nd::Catalog{}, spec).bytes;
    rapidjson::Document doc;
    doc.Parse(json.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    const std::string patient = s(doc["entry"][0], "fullUrl");
    REQUIRE(s(doc["entry"][0]["resource"], "resourceType") == "Patient");
    int questionnaires = 0;
    std::vector<std::string> responses;
    std::string canonical;
    for (const auto& e : doc["entry"].GetArray()) {
        const auto& r = e["resource"];
        const std::string type = s(r, "resourceType");
        if (type == "Questionnaire") {
            ++questionnaires;
            canonical = s(r, "url");
            CHECK(s(e, "fullUrl") == canonical);
        } else if (type == "QuestionnaireResponse") {
            responses.push_back(s(e, "fullUrl"));
            CHECK(s(r["subject"], "reference") == patient);
            CHECK(s(r, "questionnaire").rfind(canonical + "|", 0) == 0);   // after its Questionnaire
        }
    }
    CHECK(questionnaires == 1);
    // Not the one before or after the period, not the one in the bin.
    CHECK(responses == std::vector<std::string>{"urn:uuid:" + kIn1, "urn:uuid:" + kIn2});

    // Without the questionnaires' files the service reads the installed ones.
    spec.questionnaires.reset();
    const std::string again = nd::build_export_output(*t.store, nd::Catalog{}, spec).bytes;
    CHECK(again == json);
}

TEST_CASE("CSV of questionnaire responses through the export service", "[questionnaire][export][csv]") {
    TempStore t;
    nd::ExportSpec spec;
    spec.kind = nd::ExportKind::Csv;
    spec.csv_table = nd::CsvTable::Questionnaires;
    spec.from = "2026-03-01";
    spec.to = "2026-06-30";
    spec.csv.bom = false;
    const std::string csv = nd::build_export_output(*t.store, nd::Catalog{}, spec).bytes;
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < csv.size();) {
        const auto end = csv.find("\r\n", start);
        REQUIRE(end != std::string::npos);
        lines.push_back(csv.substr(start, end - start));
        start = end + 2;
    }
    REQUIRE(lines.size() == 3);   // header and the two live responses of the period
    CHECK(lines[0].rfind("id,questionnaire,version,taken,score,score_max,cutoff_reached,q1,", 0) == 0);
    CHECK(lines[0].find(",q15") != std::string::npos);
    CHECK(lines[1].rfind(kIn1 + ",mnsi_history,1,", 0) == 0);
    CHECK(lines[2].rfind(kIn2 + ",mnsi_history,1,", 0) == 0);
    CHECK(lines[1].find(",3,13,,") != std::string::npos);   // below every cut-off
    CHECK(lines[2].find(",8,13,7 or more,") != std::string::npos);   // 8 reaches the cut-off of 7
    CHECK(csv.find(kOld) == std::string::npos);
    CHECK(csv.find(kBinned) == std::string::npos);
    CHECK(csv.find(kLater) == std::string::npos);
}

TEST_CASE("Report page 1: the latest score of the period, its meaning and the one before", "[questionnaire][report]") {
    const nd::Diary d = diary();
    nd::ReportOptions o;
    o.from = "2026-03-01";
    o.to = "2026-06-30";
    o.questionnaires = all();
    const nd::ReportModel r = nd::build_report(d, nd::MatchResult{}, o);
    REQUIRE(r.scores.size() == 1);
    const auto& line = r.scores[0];
    CHECK(line.title == "MNSI history");
    CHECK(line.date == "2026-05-20");
    CHECK(line.score == 8);
    CHECK(line.score_max == 13);
    REQUIRE(line.previous_score);
    CHECK(*line.previous_score == 3);
    CHECK(line.previous_date == "2026-03-05");
    CHECK(line.text.rfind("MNSI history 8/13 on 2026-05-20: 7 or more: above the original cut-off used in diabetes "
                          "studies (screening, not a diagnosis).", 0) == 0);
    CHECK(line.text.find("Was 3 on 2026-03-05.") != std::string::npos);

    SECTION("the first of the period is compared with the one before the period") {
        nd::ReportOptions early = o;
        early.to = "2026-04-30";
        const auto r2 = nd::build_report(d, nd::MatchResult{}, early);
        REQUIRE(r2.scores.size() == 1);
        CHECK(r2.scores[0].score == 3);
        CHECK(r2.scores[0].text.find("below the lowest cut-off (4)") != std::string::npos);
        CHECK(r2.scores[0].text.find("Was 2 on 2026-01-10.") != std::string::npos);
    }
    SECTION("no response in the period: no scores") {
        nd::ReportOptions none = o;
        none.from = "2026-06-01";
        none.to = "2026-06-30";
        CHECK(nd::build_report(d, nd::MatchResult{}, none).scores.empty());
    }
    SECTION("a questionnaire whose file is missing: the score alone, no cut-off claimed") {
        nd::ReportOptions bare = o;
        bare.questionnaires.clear();
        const auto r3 = nd::build_report(d, nd::MatchResult{}, bare);
        REQUIRE(r3.scores.size() == 1);
        CHECK(r3.scores[0].text.rfind("mnsi_history 8 on 2026-05-20 (screening, not a diagnosis).", 0) == 0);
    }
}
