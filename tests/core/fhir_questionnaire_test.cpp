// FHIR QuestionnaireResponse + Questionnaire (checked by the independent npm
// validator in tools/fhir-validate, R4 base definitions) and the responses CSV.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <sys/wait.h>

#include "csv_questionnaires.hpp"
#include "fhir_questionnaire.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<nd::Questionnaire>& all() {
    static const auto a = nd::load_default_questionnaires();
    return a;
}

std::vector<nd::QuestionnaireResponse> responses() {
    const auto& q = *nd::find_questionnaire(all(), "mnsi_history");
    std::vector<nd::QuestionnaireResponse> out;
    const char* patterns[] = {"yyyyyyyyyyyyyyy", "nnnnnnnnnnnnnnn", "ynnnynnnnnynnnn"};
    int n = 0;
    for (const char* p : patterns) {
        std::vector<nd::QuestionnaireAnswer> a;
        for (int i = 0; i < 15; ++i) a.push_back({std::to_string(i + 1), p[i] == 'y' ? "yes" : "no"});
        auto r = nd::make_response(q, a, {1767600000 + 86400 * 90 * n, 60});
        r.id = "5a1d3c55-58a3-4c55-9a55-8f0c2f5b1a0" + std::to_string(++n);
        r.created_utc = r.updated_utc = r.taken.utc;
        out.push_back(r);
    }
    return out;
}

// Runs tools/fhir-validate on `json`; -1 when node or the npm package is missing.
int validate(const std::string& json, std::string& output) {
    const fs::path tool = fs::path(ND_SOURCE_DIR) / "tools" / "fhir-validate";
    if (!fs::exists(tool / "node_modules" / "fhir") || std::system("command -v node >/dev/null 2>&1") != 0) return -1;
    std::random_device rd;
    const fs::path dir = fs::temp_directory_path() / ("nd-fhirq-" + std::to_string(rd()));
    fs::create_directories(dir);
    std::ofstream(dir / "q.json") << json;
    const std::string cmd = "node '" + (tool / "validate.js").string() + "' '" + (dir / "q.json").string() + "' >'" +
                            (dir / "out.txt").string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    std::ifstream in(dir / "out.txt");
    output.assign(std::istreambuf_iterator<char>(in), {});
    fs::remove_all(dir);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -2;
}

}  // namespace

TEST_CASE("FHIR Questionnaire and QuestionnaireResponse: items linked, score item, canonical URL", "[questionnaire][fhir]") {
    const auto rs = responses();
    const std::string json = nd::fhir_questionnaire_bundle_json(rs, all(), "urn:uuid:0b0e3c55-58a3-4c55-9a55-8f0c2f5b1aff");
    rapidjson::Document d;
    d.Parse(json.c_str());
    REQUIRE_FALSE(d.HasParseError());
    const auto& entries = d["entry"];
    REQUIRE(entries.Size() == 4);   // one Questionnaire, then three responses
    const auto& q = entries[0]["resource"];
    CHECK(std::string(q["resourceType"].GetString()) == "Questionnaire");
    const std::string url = q["url"].GetString();
    CHECK(url == "https://numbness-diary.invalid/fhir/Questionnaire/mnsi-history");
    CHECK(q["item"].Size() == 16);
    CHECK(std::string(q["item"][6]["text"].GetString()) ==
          "When you get into the tub or shower, are you able to tell the hot water from the cold water?");
    for (rapidjson::SizeType i = 1; i < entries.Size(); ++i) {
        const auto& r = entries[i]["resource"];
        CHECK(std::string(r["resourceType"].GetString()) == "QuestionnaireResponse");
        CHECK(std::string(r["questionnaire"].GetString()) == url + "|1");
        CHECK(std::string(r["status"].GetString()) == "completed");
        REQUIRE(r["item"].Size() == 16);
        for (rapidjson::SizeType k = 0; k < 15; ++k)
            CHECK(std::string(r["item"][k]["linkId"].GetString()) == std::string(q["item"][k]["linkId"].GetString()));
        CHECK(std::string(r["item"][15]["linkId"].GetString()) == "score");
    }
    CHECK(entries[1]["resource"]["item"][15]["answer"][0]["valueInteger"].GetInt() == 11);   // all yes
    CHECK(entries[2]["resource"]["item"][15]["answer"][0]["valueInteger"].GetInt() == 2);    // all no
    CHECK(std::string(entries[1]["resource"]["authored"].GetString()) == "2026-01-05T09:00:00+01:00");

    // Responses in the bin are left out; the Questionnaire only comes with a response.
    auto binned = rs;
    for (auto& r : binned) r.deleted_utc = r.updated_utc;
    CHECK(nd::fhir_questionnaire_entries(binned, all(), "").empty());
}

TEST_CASE("FHIR QuestionnaireResponse bundle passes the independent R4 validator", "[questionnaire][fhir]") {
    const auto rs = responses();
    std::string out;
    const int rc = validate(nd::fhir_questionnaire_bundle_json(rs, all(), "urn:uuid:0b0e3c55-58a3-4c55-9a55-8f0c2f5b1aff"), out);
    if (rc == -1 || rc == 77) {
        WARN("node or tools/fhir-validate/node_modules missing: validator test skipped");
        return;
    }
    INFO(out);
    CHECK(rc == 0);
    // The validator is not a rubber stamp: a property R4 does not define fails.
    std::string bad = nd::fhir_questionnaire_bundle_json(rs, all(), "");
    bad.replace(bad.find("\"status\":\"completed\""), 20, "\"state\":\"completed\"");
    CHECK(validate(bad, out) == 1);
}

TEST_CASE("CSV of questionnaire responses: one row each, answers by question, bin left out", "[questionnaire][csv]") {
    auto rs = responses();
    rs[1].deleted_utc = rs[1].updated_utc + 5;
    const std::string csv = nd::questionnaire_responses_csv(rs, all(), false);
    const std::string header = "id,questionnaire,version,taken,score,score_max,cutoff_reached,q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,q13,q14,q15\r\n";
    CHECK(csv.rfind(header, 0) == 0);
    CHECK(csv.find("5a1d3c55-58a3-4c55-9a55-8f0c2f5b1a01,mnsi_history,1,2026-01-05T09:00:00+01:00,11,13,7 or more,"
                   "yes,yes,yes,yes,yes,yes,yes,yes,yes,yes,yes,yes,yes,yes,yes\r\n") != std::string::npos);
    // Yes on 1, 5, 11; no on 7 and 13: 5 points.
    CHECK(csv.find(",5,13,4 or more,yes,no,no,no,yes,no,no,no,no,no,yes,no,no,no,no\r\n") != std::string::npos);
    CHECK(csv.find("1a02") == std::string::npos);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
    CHECK(nd::questionnaire_responses_csv(rs, all()).rfind("\xEF\xBB\xBF", 0) == 0);
}
