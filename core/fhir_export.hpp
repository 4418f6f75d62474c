// FHIR R4 JSON export: a Bundle of type "collection" holding one Patient, a
// SymptomObservation per episode (not in the bin) for its main sensation, one more
// per other sensation and per sign (linked as associatedSymptomOrCondition), a
// MedicationStatement per medicine and a Condition per background diagnosis.
// The rules and every code, with where each was checked: docs/fhir.md (from the
// HL7 Symptoms IG's own profile source, input/fsh/SymptomObservation.fsh).
//
// In short: severity is a coded answer (SNOMED CT mild / moderate / severe) with
// the 0-10 numbers as their own components; quality 0..1; the person's words in
// `note`; bodySite coded with laterality; speed of onset coded; `issued`; a
// generated narrative on every resource. An unrated (0) score is simply left out.
// Deterministic: the same diary and options give the same bytes (no clock inside;
// the Patient's UUID comes from the options or is derived from the diary).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace nd {

struct Questionnaire;

inline constexpr const char* kSymptomObservationProfile =
    "http://hl7.org/fhir/uv/symptoms/StructureDefinition/SymptomObservation";

struct FhirOptions {
    // Episodes starting in [from_utc, to_utc); unset ends are open.
    std::optional<std::int64_t> from_utc;
    std::optional<std::int64_t> to_utc;
    // UUID of the Patient resource. Empty: derived from the diary's profile and
    // episode ids (stable for the same diary). The app should keep one UUID per
    // diary (a setting) so that exports of the same person share it.
    std::string patient_uuid;
    // Bundle.timestamp; unset: none (keeps the output deterministic).
    std::optional<LocalTime> timestamp;
    bool pretty = true;
    // The standard questionnaires known to the app (questionnaire.hpp). When set,
    // the bundle also holds each live QuestionnaireResponse of the diary taken in
    // [from_utc, to_utc), after the episodes, preceded by the Questionnaire it
    // answers (fhir_questionnaire.hpp), its subject the bundle's Patient. Unset:
    // no questionnaire resources.
    const std::vector<Questionnaire>* questionnaires = nullptr;
};

class ByteSink;

std::string diary_to_fhir_json(const Diary& d, const FhirOptions& options = {});
// The same bytes as diary_to_fhir_json, written to `out` as they are produced
// (through a 256 KiB buffer), so memory does not grow with the diary: a 100k
// bundle of the generated diary is about 450 MB compact, 815 MB pretty (issue #19).
void write_fhir_json(ByteSink& out, const Diary& d, const FhirOptions& options = {});

// A UUID-shaped id derived from text (FNV-1a based; version nibble 8, RFC 4122
// variant): used where a stable urn:uuid is needed for a non-UUID id.
std::string derived_uuid(std::string_view text);

}  // namespace nd
