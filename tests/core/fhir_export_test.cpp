#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <set>
#include <string>

#include "export_fixture.hpp"
#include "fhir_export.hpp"
#include "sample_diary.hpp"
#include "time_util.hpp"

namespace {

using rapidjson::Value;

rapidjson::Document parse(const std::string& json) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.c_str(), json.size());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    return doc;
}

std::string str(const Value& v, const char* key) {
    REQUIRE(v.IsObject());
    REQUIRE(v.HasMember(key));
    REQUIRE(v[key].IsString());
    return v[key].GetString();
}

void collect_references(const Value& v, std::vector<std::string>& out) {
    if (v.IsObject()) {
        for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
            if (std::string(it->name.GetString()) == "reference" && it->value.IsString())
                out.push_back(it->value.GetString());
            collect_references(it->value, out);
        }
    } else if (v.IsArray()) {
        for (const auto& x : v.GetArray()) collect_references(x, out);
    }
}

// LOINC codes of an observation's components, in order.
std::vector<std::string> component_codes(const Value& obs) {
    std::vector<std::string> out;
    for (const auto& c : obs["component"].GetArray()) {
        const Value& code = c["code"];
        if (code.HasMember("coding")) {
            CHECK(str(code["coding"][0], "system") == "http://loinc.org");
            out.push_back(str(code["coding"][0], "code"));
        }
    }
    return out;
}

const Value* observation_for(const rapidjson::Document& doc, const std::string& episode_id) {
    for (const auto& e : doc["entry"].GetArray())
        if (str(e, "fullUrl") == "urn:uuid:" + episode_id) return &e["resource"];
    return nullptr;
}

}  // namespace

TEST_CASE("FHIR export is a collection Bundle with a Patient and one Observation per live episode", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    const auto doc = parse(nd::diary_to_fhir_json(d));
    CHECK(str(doc, "resourceType") == "Bundle");
    CHECK(str(doc, "type") == "collection");
    CHECK_FALSE(doc.HasMember("timestamp"));
    const auto& entries = doc["entry"].GetArray();
    REQUIRE(entries.Size() == 1 + 5);   // E6 is in the bin

    const Value& patient = entries[0]["resource"];
    CHECK(str(patient, "resourceType") == "Patient");
    CHECK(str(patient["name"][0], "text") == "Zoë Ångström");
    CHECK(str(patient, "birthDate") == "1961-07-14");
    CHECK(str(entries[0], "fullUrl").rfind("urn:uuid:", 0) == 0);
    CHECK(str(entries[0], "fullUrl").size() == 9 + 36);
    CHECK(str(entries[0], "fullUrl")[9 + 14] == '8');   // derived from the diary: UUID version 8

    std::set<std::string> full_urls;
    for (const auto& e : entries) CHECK(full_urls.insert(str(e, "fullUrl")).second);   // unique
    std::vector<std::string> refs;
    collect_references(doc, refs);
    CHECK(refs.size() == 2 * 5);   // subject + performer of each observation
    for (const auto& r : refs) CHECK(full_urls.count(r) == 1);   // every reference resolves in the bundle
}

TEST_CASE("FHIR Observations follow the SymptomObservation profile field by field", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    const auto doc = parse(nd::diary_to_fhir_json(d));
    const std::string patient_url = str(doc["entry"][0], "fullUrl");
    for (std::size_t i = 1; i < doc["entry"].Size(); ++i) {
        const Value& o = doc["entry"][static_cast<rapidjson::SizeType>(i)]["resource"];
        CHECK(str(o, "resourceType") == "Observation");
        CHECK(std::string(o["meta"]["profile"][0].GetString()) == nd::kSymptomObservationProfile);
        CHECK(str(o, "status") == "final");
        CHECK(str(o["category"][0]["coding"][0], "system") ==
              "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary");
        CHECK(str(o["category"][0]["coding"][0], "code") == "symptom");
        CHECK(str(o["code"]["coding"][0], "system") == "http://loinc.org");
        CHECK(str(o["code"]["coding"][0], "code") == "75325-1");
        CHECK(str(o["subject"], "reference") == patient_url);
        CHECK(str(o["performer"][0], "reference") == patient_url);
        CHECK(o["effectivePeriod"].HasMember("start"));
        CHECK(str(o["valueCodeableConcept"]["coding"][0], "system") == "http://snomed.info/sct");
        const auto codes = component_codes(o);
        CHECK(std::count(codes.begin(), codes.end(), "64750-3") == 1);
    }
}

TEST_CASE("FHIR Observation content matches the episode", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    const auto doc = parse(nd::diary_to_fhir_json(d));

    // E1: two sensations, one trigger, one relief, sudden onset, 10 minutes, a note.
    const Value* e1 = observation_for(doc, nd::test::export_episode_id(1));
    REQUIRE(e1 != nullptr);
    CHECK(str((*e1)["effectivePeriod"], "start") == "2026-01-05T20:00:00+00:00");
    CHECK(str((*e1)["effectivePeriod"], "end") == "2026-01-05T20:10:00+00:00");
    CHECK(str((*e1)["bodySite"], "text") == "Left toes, left sole of the foot");
    CHECK(str((*e1)["valueCodeableConcept"]["coding"][0], "code") == "44077006");
    CHECK(str((*e1)["valueCodeableConcept"], "text") == "Crossed legs at the cinema, ça picote");
    CHECK(str((*e1)["note"][0], "text") == "Crossed legs at the cinema, ça picote");
    auto codes = component_codes(*e1);
    CHECK(std::count(codes.begin(), codes.end(), "56823-8") == 2);
    CHECK(std::count(codes.begin(), codes.end(), "100752-5") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "100753-3") == 1);
    CHECK(std::count(codes.begin(), codes.end(), "99495-4") == 1);
    const Value& severity = (*e1)["component"][0];
    CHECK(str(severity["code"]["coding"][0], "code") == "64750-3");
    CHECK(severity["valueInteger"].GetInt() == 5);

    // E4: tingling and burning without numbness is paresthesia; worse at night.
    const Value* e4 = observation_for(doc, nd::test::export_episode_id(4));
    REQUIRE(e4 != nullptr);
    CHECK(str((*e4)["valueCodeableConcept"]["coding"][0], "code") == "91019004");
    CHECK(str((*e4)["note"][0], "text") == "Burning, \"like walking on sand\"\nwoke me up twice");
    bool night = false;
    for (const auto& c : (*e4)["component"].GetArray())
        if (c["code"].HasMember("text") && std::string(c["code"]["text"].GetString()) == "Worse at night")
            night = c["valueBoolean"].GetBool();
    CHECK(night);

    // E5: still going, so no end; no trigger or relief components.
    const Value* e5 = observation_for(doc, nd::test::export_episode_id(5));
    REQUIRE(e5 != nullptr);
    CHECK_FALSE((*e5)["effectivePeriod"].HasMember("end"));
    codes = component_codes(*e5);
    CHECK(std::count(codes.begin(), codes.end(), "100752-5") == 0);
    CHECK(std::count(codes.begin(), codes.end(), "100753-3") == 0);
    CHECK(str((*e5)["bodySite"], "text").find("Saddle area") == 0);
}

TEST_CASE("FHIR export is deterministic and independent of record order", "[fhir]") {
    nd::Diary d = nd::test::export_diary();
    const std::string a = nd::diary_to_fhir_json(d);
    CHECK(nd::diary_to_fhir_json(d) == a);
    std::reverse(d.episodes.begin(), d.episodes.end());
    CHECK(nd::diary_to_fhir_json(d) == a);

    nd::FhirOptions o;
    o.patient_uuid = "11111111-2222-4333-8444-555555555555";
    o.timestamp = nd::LocalTime{1767600000, 60};
    const auto doc = parse(nd::diary_to_fhir_json(d, o));
    CHECK(str(doc["entry"][0], "fullUrl") == "urn:uuid:11111111-2222-4333-8444-555555555555");
    CHECK(str(doc, "timestamp") == "2026-01-05T09:00:00+01:00");
}

TEST_CASE("FHIR export keeps text valid JSON even from invalid UTF-8 and control characters", "[fhir]") {
    nd::Diary d = nd::test::sample_diary();
    d.episodes.back().note = std::string("bad \xC3 byte and \x01 control");
    const std::string json = nd::diary_to_fhir_json(d);
    const auto doc = parse(json);   // validates the encoding
    CHECK(json.find("bad \xEF\xBF\xBD byte") != std::string::npos);
}

TEST_CASE("FHIR export honours a time range", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    nd::FhirOptions o;
    o.from_utc = nd::test::kDay0Utc + 7 * nd::test::kDaySeconds;
    o.to_utc = nd::test::kDay0Utc + 14 * nd::test::kDaySeconds;
    const auto doc = parse(nd::diary_to_fhir_json(d, o));
    CHECK(doc["entry"].Size() == 1 + 2);   // E3 and E4
}
