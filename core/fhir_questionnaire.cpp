#include "fhir_questionnaire.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <set>

#include "time_util.hpp"

namespace nd {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

// "MnsiHistory": Questionnaire.name should be usable as a computer identifier.
std::string computer_name(const std::string& id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        upper = false;
    }
    if (!out.empty() && out[0] >= '0' && out[0] <= '9') out = "Q" + out;
    return out;
}

constexpr const char* kScoreLinkId = "score";

// {"valueCoding": {"code": ..., "display": ...}}, with no display when there is none.
void value_coding(Writer& w, const std::string& code, const std::string* display) {
    w.StartObject();
    w.Key("valueCoding");
    w.StartObject();
    str(w, "code", code);
    if (display) str(w, "display", *display);
    w.EndObject();
    w.EndObject();
}

// The total-score item's opening, the same in the Questionnaire and in a response.
void start_score_item(Writer& w, const Questionnaire& q) {
    w.StartObject();
    str(w, "linkId", kScoreLinkId);
    str(w, "text", "Total score (0 to " + std::to_string(q.score_max) + ")");
}

void write_questionnaire(Writer& w, const Questionnaire& q) {
    w.StartObject();
    str(w, "resourceType", "Questionnaire");
    str(w, "id", fhir_questionnaire_id(q));
    str(w, "url", questionnaire_canonical_url(q));
    str(w, "version", q.version);
    str(w, "name", computer_name(q.id));
    str(w, "title", q.title);
    str(w, "status", "active");
    w.Key("subjectType");
    w.StartArray();
    w.String("Patient");
    w.EndArray();
    str(w, "description", q.intro);
    str(w, "purpose", q.meaning + " " + q.not_meaning);
    str(w, "copyright", q.licence);
    w.Key("item");
    w.StartArray();
    for (const auto& item : q.items) {
        w.StartObject();
        str(w, "linkId", item.id);
        str(w, "prefix", item.id + ".");
        str(w, "text", item.text);
        str(w, "type", "choice");
        w.Key("required");
        w.Bool(true);
        w.Key("answerOption");
        w.StartArray();
        for (const auto& o : q.options) {
            value_coding(w, o.code, &o.label);
        }
        w.EndArray();
        w.EndObject();
    }
    start_score_item(w, q);
    str(w, "type", "integer");
    w.Key("readOnly");
    w.Bool(true);
    w.EndObject();
    w.EndArray();
    w.EndObject();
}

void write_response(Writer& w, const QuestionnaireResponse& r, const Questionnaire& q, const std::string& subject) {
    w.StartObject();
    str(w, "resourceType", "QuestionnaireResponse");
    str(w, "id", r.id);
    str(w, "questionnaire", questionnaire_canonical_url(q) + "|" + r.version);
    str(w, "status", "completed");
    if (!subject.empty()) {
        w.Key("subject");
        w.StartObject();
        str(w, "reference", subject);
        w.EndObject();
        // The person answered for themselves.
        w.Key("source");
        w.StartObject();
        str(w, "reference", subject);
        w.EndObject();
    }
    str(w, "authored", format_iso8601(r.taken));
    w.Key("item");
    w.StartArray();
    for (const auto& a : r.answers) {
        const auto* item = q.item(a.item);
        const auto* opt = q.option(a.answer);
        w.StartObject();
        str(w, "linkId", a.item);
        if (item) str(w, "text", item->text);
        w.Key("answer");
        w.StartArray();
        value_coding(w, a.answer, opt ? &opt->label : nullptr);
        w.EndArray();
        w.EndObject();
    }
    start_score_item(w, q);
    w.Key("answer");
    w.StartArray();
    w.StartObject();
    w.Key("valueInteger");
    w.Int(r.score);
    w.EndObject();
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.EndObject();
}

template <class F>
std::string write(F f) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    f(w);
    return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

std::string fhir_questionnaire_id(const Questionnaire& q) {
    std::string id = q.id;
    for (char& c : id)
        if (c == '_') c = '-';
    return id;
}

std::string questionnaire_canonical_url(const Questionnaire& q) {
    return std::string(kFhirCanonicalBase) + "Questionnaire/" + fhir_questionnaire_id(q);
}

std::string fhir_questionnaire_json(const Questionnaire& q) {
    return write([&](Writer& w) { write_questionnaire(w, q); });
}

std::string fhir_questionnaire_response_json(const QuestionnaireResponse& r, const Questionnaire& q,
                                             const std::string& subject_reference) {
    return write([&](Writer& w) { write_response(w, r, q, subject_reference); });
}

std::vector<std::string> fhir_questionnaire_entries(const std::vector<QuestionnaireResponse>& responses,
                                                    const std::vector<Questionnaire>& questionnaires,
                                                    const std::string& subject_reference) {
    std::vector<std::string> out;
    std::set<std::string> written;
    for (const auto& r : responses) {
        if (r.deleted_utc) continue;
        const Questionnaire* q = find_questionnaire(questionnaires, r.questionnaire);
        if (!q) continue;
        if (written.insert(q->id).second)
            out.push_back("{\"fullUrl\":\"" + questionnaire_canonical_url(*q) + "\",\"resource\":" +
                          fhir_questionnaire_json(*q) + "}");
        out.push_back("{\"fullUrl\":\"urn:uuid:" + r.id + "\",\"resource\":" +
                      fhir_questionnaire_response_json(r, *q, subject_reference) + "}");
    }
    return out;
}

std::string fhir_questionnaire_bundle_json(const std::vector<QuestionnaireResponse>& responses,
                                           const std::vector<Questionnaire>& questionnaires,
                                           const std::string& subject_reference) {
    std::string out = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[";
    bool first = true;
    for (const auto& e : fhir_questionnaire_entries(responses, questionnaires, subject_reference)) {
        out += (first ? "" : ",") + e;
        first = false;
    }
    return out + "]}\n";
}

}  // namespace nd
