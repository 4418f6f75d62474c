#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "cause_diaries.hpp"
#include "demo_diary.hpp"
#include "backup.hpp"
#include "export_fixture.hpp"
#include "export_service.hpp"
#include "store.hpp"
#include "fhir_export.hpp"
#include "sample_diary.hpp"
#include "time_util.hpp"

namespace {

namespace fs = std::filesystem;
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

const Value* observation_for(const rapidjson::Document& doc, const std::string& episode_id) {
    for (const auto& e : doc["entry"].GetArray())
        if (str(e, "fullUrl") == "urn:uuid:" + episode_id) return &e["resource"];
    return nullptr;
}


// ---- The SymptomObservation profile's rules ----------------------------------------
// Written from the profile's own source, HL7/fhir-symptoms-ig
// input/fsh/SymptomObservation.fsh (commit 099b182e9304ddc9ed7bcc42ae10c64567b1e44d),
// rule by rule; not from the exporter.

constexpr const char* kSct = "http://snomed.info/sct";

int count_value_x(const Value& v) {
    int n = 0;
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
        const std::string k = it->name.GetString();
        if (k.rfind("value", 0) == 0 && k.size() > 5 && k[5] >= 'A' && k[5] <= 'Z') ++n;
    }
    return n;
}

bool has_coding(const Value& cc, const std::string& system, const std::string& code) {
    if (!cc.IsObject() || !cc.HasMember("coding")) return false;
    for (const auto& c : cc["coding"].GetArray())
        if (c.HasMember("system") && c.HasMember("code") && system == c["system"].GetString() &&
            code == c["code"].GetString())
            return true;
    return false;
}

// A CodeableConcept must say something (ele-1): a coding or a text.
void check_codeable(const Value& cc) {
    REQUIRE(cc.IsObject());
    CHECK((cc.HasMember("coding") || cc.HasMember("text")));
    if (cc.HasMember("coding"))
        for (const auto& c : cc["coding"].GetArray()) {
            CHECK(c.HasMember("system"));
            CHECK(c.HasMember("code"));
        }
}

struct Slice {
    const char* name;
    const char* system;
    const char* code;
    int max;                  // -1: *
    bool codeable_only;       // value[x] only CodeableConcept
};
// component contains quality 0..1 and severity 0..1 and functionalImpact 0..* and clinicalCourse 0..1
// and trend 0..1 and affectiveGrade 0..1 and triggersOrExacerbatingFactors 0..* and alleviatingFactors 0..*
// and otherEvents 0..* and frequency 0..1 and speedOfOnset 0..1 (with their fixed codes and types).
constexpr Slice kSlices[] = {
    {"quality", "http://loinc.org", "56823-8", 1, true},
    {"severity", "http://loinc.org", "64750-3", 1, true},
    {"clinicalCourse", "http://loinc.org", "89261-2", 1, true},
    {"trend", "http://loinc.org", "89253-9", 1, true},
    {"affectiveGrade", kSct, "279116004", 1, true},
    {"triggersOrExacerbatingFactors", "http://loinc.org", "100752-5", -1, true},
    {"alleviatingFactors", "http://loinc.org", "100753-3", -1, true},
    {"otherEvents", "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "OTHEREVENT", -1, true},
    {"frequency", "http://loinc.org", "104156-5", 1, false},
    {"speedOfOnset", "http://loinc.org", "99495-4", 1, true},
};

// Checks one resource against the profile; `urls` maps the bundle's fullUrls to their resources.
void check_symptom_observation(const Value& o, const std::string& patient_url,
                               const std::map<std::string, const Value*>& urls) {
    INFO("Observation " << str(o, "id"));
    CHECK(str(o, "resourceType") == "Observation");
    CHECK(std::string(o["meta"]["profile"][0].GetString()) == nd::kSymptomObservationProfile);
    // extension[associatedSymptomOrCondition].valueReference only Reference(SymptomObservation or
    // SymptomAbsentObservation or Condition)
    if (o.HasMember("extension"))
        for (const auto& x : o["extension"].GetArray()) {
            if (str(x, "url") != "http://hl7.org/fhir/StructureDefinition/workflow-supportingInfo") continue;
            CHECK(count_value_x(x) == 1);
            REQUIRE(x.HasMember("valueReference"));
            const auto it = urls.find(str(x["valueReference"], "reference"));
            REQUIRE(it != urls.end());
            const Value& target = *it->second;
            const bool symptom = str(target, "resourceType") == "Observation" &&
                                 std::string(target["meta"]["profile"][0].GetString()) == nd::kSymptomObservationProfile;
            CHECK((symptom || str(target, "resourceType") == "Condition"));
        }
    // status 1..1
    CHECK(o.HasMember("status"));
    // category 1..*; category contains symptomCode 1..1 = SymptomTemporary#symptom
    REQUIRE(o.HasMember("category"));
    int symptom_category = 0;
    for (const auto& c : o["category"].GetArray())
        symptom_category += has_coding(c, "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary", "symptom");
    CHECK(symptom_category == 1);
    // code 1..1 = LOINC 75325-1 "Symptom"
    CHECK(has_coding(o["code"], "http://loinc.org", "75325-1"));
    // subject 1..1 only Reference(Patient)
    CHECK(str(o["subject"], "reference") == patient_url);
    // effective[x] 1..1 only dateTime or Period
    const int effective = o.HasMember("effectiveDateTime") + o.HasMember("effectivePeriod") +
                          o.HasMember("effectiveInstant") + o.HasMember("effectiveTiming");
    CHECK(effective == 1);
    CHECK_FALSE(o.HasMember("effectiveInstant"));
    CHECK_FALSE(o.HasMember("effectiveTiming"));
    // issued (should support): an instant when present
    if (o.HasMember("issued")) CHECK(str(o, "issued").size() >= 20);
    // performer 1..1 only Reference(Patient or RelatedPerson)
    REQUIRE(o.HasMember("performer"));
    CHECK(o["performer"].Size() == 1);
    CHECK(str(o["performer"][0], "reference") == patient_url);
    // value[x] 1..1 only CodeableConcept
    CHECK(count_value_x(o) == 1);
    REQUIRE(o.HasMember("valueCodeableConcept"));
    check_codeable(o["valueCodeableConcept"]);
    // bodySite: a CodeableConcept (0..1 in Observation)
    if (o.HasMember("bodySite")) {
        CHECK(o["bodySite"].IsObject());
        check_codeable(o["bodySite"]);
    }
    // dataAbsentReason 0..0, interpretation 0..0, specimen 0..0, device 0..0, referenceRange 0..0
    for (const char* k : {"dataAbsentReason", "interpretation", "specimen", "device", "referenceRange"})
        CHECK_FALSE(o.HasMember(k));
    // component: code 1..1, value[x] 1..1, dataAbsentReason / interpretation / referenceRange 0..0; slices
    std::map<std::string, int> slice_count;
    if (o.HasMember("component"))
        for (const auto& c : o["component"].GetArray()) {
            REQUIRE(c.HasMember("code"));
            check_codeable(c["code"]);
            CHECK(count_value_x(c) == 1);
            for (const char* k : {"dataAbsentReason", "interpretation", "referenceRange"}) CHECK_FALSE(c.HasMember(k));
            for (const Slice& sl : kSlices)
                if (has_coding(c["code"], sl.system, sl.code)) {
                    ++slice_count[sl.name];
                    if (sl.codeable_only) {
                        CHECK(c.HasMember("valueCodeableConcept"));
                        if (c.HasMember("valueCodeableConcept")) check_codeable(c["valueCodeableConcept"]);
                    } else {
                        CHECK((c.HasMember("valueCodeableConcept") || c.HasMember("valueRatio")));
                    }
                }
        }
    for (const Slice& sl : kSlices)
        if (sl.max >= 0) {
            INFO("component slice " << sl.name);
            CHECK(slice_count[sl.name] <= sl.max);
        }
}

// Every SymptomObservation of a bundle checked; returns how many there were.
int check_bundle(const rapidjson::Document& doc) {
    REQUIRE(str(doc, "resourceType") == "Bundle");
    std::map<std::string, const Value*> urls;
    for (const auto& e : doc["entry"].GetArray()) urls[str(e, "fullUrl")] = &e["resource"];
    const std::string patient_url = str(doc["entry"][0], "fullUrl");
    CHECK(str(doc["entry"][0]["resource"], "resourceType") == "Patient");
    int n = 0;
    for (const auto& e : doc["entry"].GetArray()) {
        const Value& r = e["resource"];
        // Every resource has a generated narrative (dom-6).
        CHECK(str(r["text"], "status") == "generated");
        CHECK(str(r["text"], "div").rfind("<div xmlns=\"http://www.w3.org/1999/xhtml\">", 0) == 0);
        if (str(r, "resourceType") != "Observation") continue;
        check_symptom_observation(r, patient_url, urls);
        ++n;
    }
    return n;
}

// The main Observation's associated ones (workflow-supportingInfo targets).
std::vector<const Value*> associated_of(const rapidjson::Document& doc, const Value& o) {
    std::map<std::string, const Value*> urls;
    for (const auto& e : doc["entry"].GetArray()) urls[str(e, "fullUrl")] = &e["resource"];
    std::vector<const Value*> out;
    if (o.HasMember("extension"))
        for (const auto& x : o["extension"].GetArray()) out.push_back(urls.at(str(x["valueReference"], "reference")));
    return out;
}

const Value* component_with(const Value& o, const std::string& system, const std::string& code) {
    for (const auto& c : o["component"].GetArray())
        if (has_coding(c["code"], system, code)) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("FHIR export is a collection Bundle with a Patient, Observations, medicines and conditions", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    const auto doc = parse(nd::diary_to_fhir_json(d));
    CHECK(str(doc, "resourceType") == "Bundle");
    CHECK(str(doc, "type") == "collection");
    CHECK_FALSE(doc.HasMember("timestamp"));
    const auto& entries = doc["entry"].GetArray();
    const Value& patient = entries[0]["resource"];
    CHECK(str(patient, "resourceType") == "Patient");
    CHECK(str(patient["name"][0], "text") == "Zoë Ångström");
    CHECK(str(patient, "birthDate") == "1961-07-14");
    CHECK(str(entries[0], "fullUrl").size() == 9 + 36);

    std::map<std::string, int> kinds;
    for (const auto& e : entries) ++kinds[str(e["resource"], "resourceType")];
    CHECK(kinds["Patient"] == 1);
    CHECK(kinds["MedicationStatement"] == 1);   // Metformin
    CHECK(kinds["Condition"] == 1);             // diabetes (alcohol use is not a condition)
    // 5 live episodes (E6 is in the bin) + their other sensations and signs as their own Observations:
    // E1 tingling, E2 tingling, E4 burning, E5 bladder/bowel sign.
    CHECK(kinds["Observation"] == 5 + 4);

    std::set<std::string> full_urls;
    for (const auto& e : entries) CHECK(full_urls.insert(str(e, "fullUrl")).second);   // unique
    std::vector<std::string> refs;
    collect_references(doc, refs);
    for (const auto& r : refs) CHECK(full_urls.count(r) == 1);   // every reference resolves in the bundle

    for (const auto& e : entries) {
        const Value& r = e["resource"];
        if (str(r, "resourceType") == "MedicationStatement") {
            CHECK(str(r, "status") == "active");
            CHECK(str(r["medicationCodeableConcept"], "text") == "Metformin 500 mg");
            CHECK(str(r["dosage"][0], "text") == "twice a day");
        }
        if (str(r, "resourceType") == "Condition") {
            CHECK(has_coding(r["code"], kSct, "73211009"));
            CHECK(str(r, "onsetDateTime") == "2019-04-01");
        }
    }
}

TEST_CASE("FHIR Observations keep the SymptomObservation profile's cardinalities and types", "[fhir]") {
    SECTION("the export fixture") {
        CHECK(check_bundle(parse(nd::diary_to_fhir_json(nd::test::export_diary()))) == 9);
    }
    SECTION("the demo diary") {
        const nd::Diary demo = nd::make_demo_diary(7, nd::test::kDay0Utc + 200 * nd::test::kDaySeconds);
        CHECK(check_bundle(parse(nd::diary_to_fhir_json(demo))) >= 100);
    }
    SECTION("the clinical scenarios") {
        for (const nd::Diary& d : {nd::test::posture_diary(), nd::test::diabetic_diary(), nd::test::sciatica_diary(),
                                   nd::test::pad_diary(), nd::test::stroke_diary(), nd::test::ms_diary(),
                                   nd::test::tarsal_diary(), nd::test::fibromyalgia_diary()})
            CHECK(check_bundle(parse(nd::diary_to_fhir_json(d))) > 0);
    }
}

TEST_CASE("FHIR Observation content matches the episode", "[fhir]") {
    const nd::Diary d = nd::test::export_diary();
    const auto doc = parse(nd::diary_to_fhir_json(d));

    // E1: numbness 5 + tingling, crossed legs, moving (3 min), sudden onset, 10 minutes, a note.
    const Value* e1 = observation_for(doc, nd::test::export_episode_id(1));
    REQUIRE(e1 != nullptr);
    CHECK(str((*e1)["effectivePeriod"], "start") == "2026-01-05T20:00:00+00:00");
    CHECK(str((*e1)["effectivePeriod"], "end") == "2026-01-05T20:10:00+00:00");
    CHECK(str((*e1)["bodySite"], "text") == "Left toes, left sole of the foot");
    // The first region coded with its laterality (toes have no left/right code: post-coordinated).
    CHECK(has_coding((*e1)["bodySite"], kSct, "29707007:272741003=7771000"));
    CHECK(has_coding((*e1)["valueCodeableConcept"], kSct, "44077006"));
    // The note is in note, never in the symptom's text.
    CHECK(str((*e1)["valueCodeableConcept"], "text") == "Numbness");
    CHECK(str((*e1)["note"][0], "text") == "Crossed legs at the cinema, ça picote");
    // Severity: a coded answer (5/10: moderate), the number kept as its own component.
    const Value* sev = component_with(*e1, "http://loinc.org", "64750-3");
    REQUIRE(sev != nullptr);
    CHECK(has_coding((*sev)["valueCodeableConcept"], kSct, "6736007"));
    bool number = false;
    for (const auto& c : (*e1)["component"].GetArray())
        if (c["code"].HasMember("text") && std::string(c["code"]["text"].GetString()).find("Numbness intensity") == 0)
            number = c["valueInteger"].GetInt() == 5;
    CHECK(number);
    const Value* onset = component_with(*e1, "http://loinc.org", "99495-4");
    REQUIRE(onset != nullptr);
    CHECK(has_coding((*onset)["valueCodeableConcept"], kSct, "385315009"));
    CHECK(component_with(*e1, "http://loinc.org", "100752-5") != nullptr);
    CHECK(component_with(*e1, "http://loinc.org", "100753-3") != nullptr);
    CHECK(component_with(*e1, "http://loinc.org", "56823-8") == nullptr);   // no pain: no quality
    // Tingling is its own associated SymptomObservation (paresthesia).
    const auto assoc1 = associated_of(doc, *e1);
    REQUIRE(assoc1.size() == 1);
    CHECK(has_coding((*assoc1[0])["valueCodeableConcept"], kSct, "91019004"));

    // E3: cramping with numbness 1 and pain 6 is a cramp (not numbness); severity from the pain.
    const Value* e3 = observation_for(doc, nd::test::export_episode_id(3));
    REQUIRE(e3 != nullptr);
    CHECK(has_coding((*e3)["valueCodeableConcept"], kSct, "55300003"));
    CHECK(has_coding((*e3)["bodySite"], kSct, "722116009"));   // calf of right lower leg
    const Value* sev3 = component_with(*e3, "http://loinc.org", "64750-3");
    REQUIRE(sev3 != nullptr);
    CHECK(has_coding((*sev3)["valueCodeableConcept"], kSct, "6736007"));   // 6/10
    const Value* pain3 = component_with(*e3, "http://loinc.org", "72514-3");
    REQUIRE(pain3 != nullptr);
    CHECK((*pain3)["valueInteger"].GetInt() == 6);

    // E4: tingling and burning without numbness is paresthesia, burning its own Observation; worse at night.
    const Value* e4 = observation_for(doc, nd::test::export_episode_id(4));
    REQUIRE(e4 != nullptr);
    CHECK(has_coding((*e4)["valueCodeableConcept"], kSct, "91019004"));
    CHECK(has_coding((*e4)["bodySite"], kSct, "29707007:272741003=51440002"));   // both sides
    const auto assoc4 = associated_of(doc, *e4);
    REQUIRE(assoc4.size() == 1);
    CHECK(has_coding((*assoc4[0])["valueCodeableConcept"], kSct, "90673000"));
    bool night = false;
    for (const auto& c : (*e4)["component"].GetArray())
        if (c["code"].HasMember("text") && std::string(c["code"]["text"].GetString()) == "Worse at night")
            night = c["valueBoolean"].GetBool();
    CHECK(night);
    CHECK(component_with(*e4, "http://hl7.org/fhir/sid/icf", "b134") != nullptr);   // sleep: a lot

    // E5: still going, so no end; the red-flag sign is an associated finding of its own.
    const Value* e5 = observation_for(doc, nd::test::export_episode_id(5));
    REQUIRE(e5 != nullptr);
    CHECK_FALSE((*e5)["effectivePeriod"].HasMember("end"));
    CHECK(component_with(*e5, "http://loinc.org", "100752-5") == nullptr);
    CHECK(str((*e5)["bodySite"], "text").find("Saddle area") == 0);
    const auto assoc5 = associated_of(doc, *e5);
    REQUIRE(assoc5.size() == 1);
    CHECK(str((*assoc5[0])["valueCodeableConcept"], "text") == "Loss of bladder or bowel control");
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
    int observations = 0;
    for (const auto& e : doc["entry"].GetArray()) observations += str(e["resource"], "resourceType") == "Observation";
    CHECK(observations == 2 + 1);   // E3 and E4, and E4's burning
}

// The Patient id lives in the diary (schema 3), so a backup carries it: backup,
// restore into a new diary file, export again: the same Patient.
TEST_CASE("FHIR Patient id travels with the backup", "[fhir][backup]") {
    const fs::path dir = fs::temp_directory_path() / ("nd-fhir-id-" + nd::new_uuid());
    fs::create_directories(dir);
    std::string first, backup;
    {
        auto store = nd::Store::open((dir / "a.db").string());
        store->replace_diary(nd::test::export_diary());
        nd::ExportSpec spec;
        spec.kind = nd::ExportKind::Fhir;
        first = str(parse(nd::build_export_output(*store, nd::Catalog{}, spec).bytes)["entry"][0], "fullUrl");
        // The same diary exports the same Patient again.
        CHECK(str(parse(nd::build_export_output(*store, nd::Catalog{}, spec).bytes)["entry"][0], "fullUrl") == first);
        CHECK(store->profile().fhir_patient_id == first.substr(9));
        backup = nd::write_backup(store->load_diary());
    }
    auto restored = nd::Store::open((dir / "b.db").string());   // a new diary: no settings of the old one
    nd::restore_backup(*restored, backup, nd::RestoreMode::Replace);
    nd::ExportSpec spec;
    spec.kind = nd::ExportKind::Fhir;
    const auto doc = parse(nd::build_export_output(*restored, nd::Catalog{}, spec).bytes);
    CHECK(str(doc["entry"][0], "fullUrl") == first);
    // Every Observation points at it.
    for (const auto& e : doc["entry"].GetArray())
        if (str(e["resource"], "resourceType") == "Observation") CHECK(str(e["resource"]["subject"], "reference") == first);
    std::error_code ec;
    fs::remove_all(dir, ec);
}

// Issue #14's "backup, restore and export again gives the same Patient id", with the
// demo diary, a password backup, and a new diary that had already exported (so it
// had a Patient id of its own): after the restore the backup's id is the one used.
TEST_CASE("FHIR Patient id of the demo diary survives a password backup restored over another diary",
          "[fhir][backup]") {
    const fs::path dir = fs::temp_directory_path() / ("nd-fhir-id-" + nd::new_uuid());
    fs::create_directories(dir);
    nd::ExportSpec spec;
    spec.kind = nd::ExportKind::Fhir;
    std::string first, backup;
    {
        auto store = nd::Store::open((dir / "demo.db").string());
        store->replace_diary(nd::make_demo_diary(7, nd::test::kDay0Utc + 200 * nd::test::kDaySeconds));
        first = str(parse(nd::build_export_output(*store, nd::Catalog{}, spec).bytes)["entry"][0], "fullUrl");
        REQUIRE(first.rfind("urn:uuid:", 0) == 0);
        nd::BackupOptions bo;
        bo.password = "correct horse";
        backup = nd::write_backup(store->load_diary(), bo);
    }
    auto other = nd::Store::open((dir / "other.db").string());
    other->replace_diary(nd::test::export_diary());
    const std::string own = str(parse(nd::build_export_output(*other, nd::Catalog{}, spec).bytes)["entry"][0], "fullUrl");
    REQUIRE(own != first);   // a Patient of its own before the restore
    nd::restore_backup(*other, backup, nd::RestoreMode::Replace, std::string("correct horse"));
    const auto doc = parse(nd::build_export_output(*other, nd::Catalog{}, spec).bytes);
    CHECK(str(doc["entry"][0], "fullUrl") == first);
    int observations = 0;
    for (const auto& e : doc["entry"].GetArray())
        if (str(e["resource"], "resourceType") == "Observation") {
            ++observations;
            CHECK(str(e["resource"]["subject"], "reference") == first);
        }
    CHECK(observations > 100);
    // And it stays: the next export of the restored diary again.
    CHECK(str(parse(nd::build_export_output(*other, nd::Catalog{}, spec).bytes)["entry"][0], "fullUrl") == first);
    std::error_code ec;
    fs::remove_all(dir, ec);
}
