// The compact bundle copies runs of JSON it wrote once (Json::same in
// core/fhir_export.cpp: a component, a bodySite coding, the Patient's references
// are the same bytes every time), while the pretty bundle writes every value each
// time. Both must say the same thing: parsed, they are equal value for value, for
// diaries where the same run is met with every value it depends on (the generated
// diary has every region, side, sensation, sign, activity, relief, onset, effect
// and score) and for values outside the expected ranges (written without a copy).
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <string>

#include "demo_diary.hpp"
#include "export_fixture.hpp"
#include "fhir_export.hpp"
#include "sample_diary.hpp"

using namespace nd;

namespace {

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse(json.data(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    return doc;
}

void check_same_content(const Diary& d, const char* name) {
    INFO(name);
    FhirOptions o;
    o.patient_uuid = "5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
    o.pretty = false;
    const std::string compact = diary_to_fhir_json(d, o);
    o.pretty = true;
    const std::string pretty = diary_to_fhir_json(d, o);
    CHECK(compact.find('\n') == compact.size() - 1);   // one line
    const rapidjson::Document a = parse(compact), b = parse(pretty);
    CHECK(a == b);
    // A second export from the same process gives the same bytes (nothing kept
    // from one bundle to the next, e.g. another Patient).
    o.pretty = false;
    o.patient_uuid = "00000000-0000-4000-8000-000000000000";
    const std::string other = diary_to_fhir_json(d, o);
    CHECK(other.find("5f0c1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b") == std::string::npos);
}

}  // namespace

TEST_CASE("The compact FHIR bundle is the pretty one's content, value for value", "[fhir]") {
    check_same_content(test::sample_diary(), "sample");
    check_same_content(test::export_diary(), "export");
    check_same_content(make_demo_diary(2026, 1789992000), "demo");
    check_same_content(make_generated_diary(3000, 20260921u, 1790000000), "generated 3000");

    // Scores and effects outside 0..10 / 0..3, and enum values past the last one:
    // written as they come, without a copied run.
    Diary odd = make_generated_diary(200, 7u, 1790000000);
    int i = 0;
    for (Episode& e : odd.episodes) {
        switch (i++ % 4) {
            case 0: e.pain = 11 + i % 3; e.numbness = -1; break;
            case 1: e.effect_walking = 5; e.effect_sleep = 4; break;
            case 2: e.regions = {{static_cast<Region>(200), Side::Left}, {Region::Toes, static_cast<Side>(9)}}; break;
            default: break;
        }
    }
    check_same_content(odd, "odd values");
}
