// FHIR R4 resources for standard questionnaires (docs/questionnaires.md): the
// Questionnaire (our own canonical URL: we publish the questions as shown in the
// app, not the instrument's owner) and one QuestionnaireResponse per response,
// its items linked to the Questionnaire's by linkId. The score is an item of its
// own ("score", read-only integer). Separate from fhir_export.cpp so the bundle
// writer can add these resources with one call (see fhir_questionnaire_entries).
#pragma once

#include <string>
#include <vector>

#include "model.hpp"
#include "questionnaire.hpp"

namespace nd {

// Base of our canonical URLs. ".invalid" (RFC 2606): a name we own nowhere, so
// it cannot collide with anyone's real questionnaire; change it here once the
// project has a home.
inline constexpr const char* kFhirCanonicalBase = "https://numbness-diary.invalid/fhir/";

// "mnsi-history": FHIR ids allow [A-Za-z0-9-.], not '_'.
std::string fhir_questionnaire_id(const Questionnaire& q);
// kFhirCanonicalBase + "Questionnaire/" + id.
std::string questionnaire_canonical_url(const Questionnaire& q);

// One resource each, as compact JSON text. `subject_reference` ("urn:uuid:...")
// may be empty: no subject.
std::string fhir_questionnaire_json(const Questionnaire& q);
std::string fhir_questionnaire_response_json(const QuestionnaireResponse& r, const Questionnaire& q,
                                             const std::string& subject_reference);

// Bundle entries ({"fullUrl": ..., "resource": ...} as JSON text) for every
// response not in the bin whose questionnaire is known, preceded by each
// Questionnaire they answer: what a collection Bundle adds.
std::vector<std::string> fhir_questionnaire_entries(const std::vector<QuestionnaireResponse>& responses,
                                                    const std::vector<Questionnaire>& questionnaires,
                                                    const std::string& subject_reference);

// A Bundle (type collection) of just those entries: for tests and a standalone export.
std::string fhir_questionnaire_bundle_json(const std::vector<QuestionnaireResponse>& responses,
                                           const std::vector<Questionnaire>& questionnaires,
                                           const std::string& subject_reference);

}  // namespace nd
