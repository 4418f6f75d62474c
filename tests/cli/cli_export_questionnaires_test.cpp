// `numbness-diary-cli export-csv --what questionnaires` and `export-fhir` carry the
// questionnaire responses (issue #15), end to end through the built binary.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

using namespace nd::test;

namespace {
// Yes on 1, 2, 5, 11; no elsewhere (so no on 7 and 13 also scores): 6 (MNSI scoring guide).
const char* kSix = "yes,yes,no,no,yes,no,no,no,no,no,yes,no,no,no,no";
}  // namespace

TEST_CASE("CLI export-csv --what questionnaires and export-fhir carry the responses", "[questionnaire][cli][export]") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd(std::string("--db d.sqlite questionnaire take mnsi_history --answers ") + kSix);
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string id = first_line(r.out);

    auto c = t.nd("--db d.sqlite export-csv --what questionnaires q.csv");
    INFO(c.err);
    CHECK(c.code == 0);
    const std::string csv = slurp(t.path("q.csv"));
    CHECK(contains(csv, "id,questionnaire,version,taken,score,score_max,cutoff_reached,q1,q2,"));
    CHECK(contains(csv, id + ",mnsi_history,1,2026-03-01T12:00:00+01:00,6,13,4 or more,yes,yes,no"));
    // A period without it: the header only.
    auto none = t.nd("--db d.sqlite export-csv --what questionnaires --to 2026-02-01 none.csv");
    CHECK(none.code == 0);
    CHECK_FALSE(contains(slurp(t.path("none.csv")), id));
    auto bad = t.nd("--db d.sqlite export-csv --what questionaires x.csv");
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "background or questionnaires"));

    auto f = t.nd("--db d.sqlite export-fhir b.json");
    INFO(f.err);
    CHECK(f.code == 0);
    const std::string json = slurp(t.path("b.json"));
    CHECK(contains(json, "\"resourceType\": \"Questionnaire\""));
    CHECK(contains(json, "\"fullUrl\": \"urn:uuid:" + id + "\""));
    // Its subject is the bundle's Patient (the first entry).
    const auto patient_at = json.find("\"fullUrl\": \"urn:uuid:");
    REQUIRE(patient_at != std::string::npos);
    const std::string patient = json.substr(patient_at + 12, 9 + 36);
    const auto qr = json.find("\"resourceType\": \"QuestionnaireResponse\"");
    REQUIRE(qr != std::string::npos);
    CHECK(json.find("\"reference\": \"" + patient + "\"", qr) != std::string::npos);
}
