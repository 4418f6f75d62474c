// FHIR R4 JSON export: a Bundle of type "collection" holding one Patient and one
// Observation per episode (not in the bin), following the HL7 Symptoms IG's
// SymptomObservation profile.
//
// Each Observation:
//   meta.profile       http://hl7.org/fhir/uv/symptoms/StructureDefinition/SymptomObservation
//   status             final
//   category           SymptomTemporary#symptom (the IG's symptom category)
//   code               LOINC 75325-1 "Symptom"
//   subject, performer the Patient (the person reported it), by its urn:uuid fullUrl
//   effectivePeriod    start; end = start + duration when the duration is known
//                      (no end while the episode is still going)
//   bodySite           text: the marked regions with their side ("left toes, sole (both sides)")
//   valueCodeableConcept  the finding: SNOMED CT 44077006 Numbness or 91019004
//                      Paresthesia; text: the person's note (or the finding's name)
//   note               the person's note
//   component          64750-3 severity (numbness 0-10, valueInteger)
//                      72514-3 pain 0-10 (valueInteger)
//                      56823-8 quality, one per sensation
//                      100752-5 triggers (what came before onset), one per activity
//                      100753-3 alleviating factors, one per relief
//                      99495-4 speed of onset (when known)
//                      and text-coded components for what has no LOINC code here:
//                      associated signs, spread, worse at night, minutes until relief,
//                      effect on walking / sleep / work.
// Deterministic: the same diary and options give the same bytes (no clock inside;
// the Patient's UUID comes from the options or is derived from the diary).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"

namespace nd {

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
};

std::string diary_to_fhir_json(const Diary& d, const FhirOptions& options = {});

// A UUID-shaped id derived from text (FNV-1a based; version nibble 8, RFC 4122
// variant): used where a stable urn:uuid is needed for a non-UUID id.
std::string derived_uuid(std::string_view text);

}  // namespace nd
