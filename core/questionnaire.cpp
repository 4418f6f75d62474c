// Loads and strictly checks questionnaire files (assets/questionnaires/*.json) and
// scores answers. rapidjson directly, as the catalog loader does; cereal stays out.
#include "questionnaire.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>

#include "asset_file.hpp"
#include "json_fields.hpp"
#include "json_guard.hpp"

namespace nd {

namespace {

constexpr std::size_t kMaxFileBytes = 256 * 1024;
constexpr int kFormat = 1;
constexpr std::size_t kMaxItems = 200;

using Value = rapidjson::Value;
using namespace json_fields;

// Names where an error is: "questionnaire 'mnsi_history': field 'items[3].scores_on': ...".
struct Where {
    std::string who = "questionnaire";
    [[noreturn]] void fail(const std::string& field, const std::string& what) const {
        throw QuestionnaireError(who + ": field '" + field + "': " + what);
    }
};

// Ids and codes are stored in responses and joined with ',' and '=' in the
// database, so they are kept to a safe alphabet.
bool is_code(std::string_view s) {
    if (s.empty() || s.size() > 32) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string code(const Where& w, const std::string& field, const Value& obj, const char* key) {
    std::string s = req_string(w, field, obj, key);
    if (!is_code(s)) w.fail(field, "'" + s.substr(0, 40) + "' must be 1 to 32 lower-case letters, digits or '_'");
    return s;
}

}  // namespace

const QuestionnaireItem* Questionnaire::item(std::string_view id_) const {
    for (const auto& i : items)
        if (i.id == id_) return &i;
    return nullptr;
}

const QuestionnaireOption* Questionnaire::option(std::string_view code_) const {
    for (const auto& o : options)
        if (o.code == code_) return &o;
    return nullptr;
}

const QuestionnaireCutoff* Questionnaire::cutoff_reached(int score) const {
    const QuestionnaireCutoff* best = nullptr;
    for (const auto& c : cutoffs)
        if (score >= c.at_least) best = &c;
    return best;
}

Questionnaire load_questionnaire_json(std::string_view json_text) {
    Where w;
    if (json_text.size() > kMaxFileBytes)
        throw QuestionnaireError("questionnaire: the file is larger than " + std::to_string(kMaxFileBytes) + " bytes");
    if (const auto why = json_guard::number_problem(json_text); !why.empty())
        throw QuestionnaireError("questionnaire: " + why);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseDefaultFlags | rapidjson::kParseValidateEncodingFlag>(json_text.data(),
                                                                                   json_text.size());
    if (doc.HasParseError())
        throw QuestionnaireError("questionnaire: not valid JSON at byte " + std::to_string(doc.GetErrorOffset()) +
                                 ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    object(w, "(top)", doc);

    Questionnaire q;
    q.id = code(w, "id", doc, "id");
    w.who = "questionnaire '" + q.id + "'";
    check_keys(w, "", doc,
               {"format", "id", "version", "title", "short_title", "intro", "options", "items", "score", "cutoffs",
                "meaning", "not_meaning", "offer_when", "retake_days", "licence", "sources"});
    const int format = whole(w, "format", require(w, "format", doc, "format"), 0, 1000000);
    if (format != kFormat)
        w.fail("format", "format " + std::to_string(format) + " is not supported (this build reads " +
                             std::to_string(kFormat) + ")");
    q.version = req_string(w, "version", doc, "version");
    if (q.version.size() > 32) w.fail("version", "is longer than 32 characters");
    q.title = req_string(w, "title", doc, "title");
    q.short_title = req_string(w, "short_title", doc, "short_title");
    q.intro = req_string(w, "intro", doc, "intro");

    const Value& options = non_empty_list(w, "options", require(w, "options", doc, "options"));
    for (rapidjson::SizeType i = 0; i < options.Size(); ++i) {
        const std::string f = "options[" + std::to_string(i) + "]";
        const Value& o = object(w, f, options[i]);
        check_keys(w, f + ".", o, {"code", "label"});
        QuestionnaireOption opt{code(w, f + ".code", o, "code"), req_string(w, f + ".label", o, "label")};
        if (q.option(opt.code)) w.fail(f + ".code", "'" + opt.code + "' appears twice");
        q.options.push_back(std::move(opt));
    }
    if (q.options.size() < 2) w.fail("options", "needs at least two options");

    const Value& items = non_empty_list(w, "items", require(w, "items", doc, "items"));
    if (items.Size() > kMaxItems) w.fail("items", "has more than " + std::to_string(kMaxItems) + " items");
    int scored = 0;
    for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
        const std::string f = "items[" + std::to_string(i) + "]";
        const Value& it = object(w, f, items[i]);
        check_keys(w, f + ".", it, {"id", "text", "scores_on"});
        QuestionnaireItem item{code(w, f + ".id", it, "id"), req_string(w, f + ".text", it, "text"), std::nullopt};
        if (q.item(item.id)) w.fail(f + ".id", "'" + item.id + "' appears twice");
        const Value& s = require(w, f + ".scores_on", it, "scores_on");
        if (!s.IsNull()) {
            item.scores_on = as_string(w, f + ".scores_on", s, true);
            if (!q.option(*item.scores_on))
                w.fail(f + ".scores_on", "'" + item.scores_on->substr(0, 40) + "' is not one of the options' codes");
            ++scored;
        }
        q.items.push_back(std::move(item));
    }
    if (scored == 0) w.fail("items", "no item is scored (every scores_on is null)");

    const Value& score = object(w, "score", require(w, "score", doc, "score"));
    check_keys(w, "score.", score, {"min", "max"});
    q.score_min = whole(w, "score.min", require(w, "score.min", score, "min"), 0, 0);
    q.score_max = whole(w, "score.max", require(w, "score.max", score, "max"), 1, 100000);
    if (q.score_max != scored)
        w.fail("score.max", "is " + std::to_string(q.score_max) + " but " + std::to_string(scored) +
                                " items are scored (one point each)");

    const Value& cutoffs = non_empty_list(w, "cutoffs", require(w, "cutoffs", doc, "cutoffs"));
    for (rapidjson::SizeType i = 0; i < cutoffs.Size(); ++i) {
        const std::string f = "cutoffs[" + std::to_string(i) + "]";
        const Value& c = object(w, f, cutoffs[i]);
        check_keys(w, f + ".", c, {"at_least", "label", "source"});
        QuestionnaireCutoff cut;
        cut.at_least = whole(w, f + ".at_least", require(w, f + ".at_least", c, "at_least"), q.score_min + 1,
                             q.score_max);
        if (!q.cutoffs.empty() && cut.at_least <= q.cutoffs.back().at_least)
            w.fail(f + ".at_least", "cut-offs must be listed in ascending order, each once");
        cut.label = req_string(w, f + ".label", c, "label");
        cut.source = req_string(w, f + ".source", c, "source");
        q.cutoffs.push_back(std::move(cut));
    }

    q.meaning = req_string(w, "meaning", doc, "meaning");
    q.not_meaning = req_string(w, "not_meaning", doc, "not_meaning");
    const std::string offer = req_string(w, "offer_when", doc, "offer_when");
    if (offer == "always") q.offer_when = OfferWhen::Always;
    else if (offer == "pain_logged") q.offer_when = OfferWhen::PainLogged;
    else w.fail("offer_when", "'" + offer.substr(0, 40) + "' is not one of always, pain_logged");
    q.retake_days = whole(w, "retake_days", require(w, "retake_days", doc, "retake_days"), 1, 3660);
    q.licence = req_string(w, "licence", doc, "licence");

    const Value& sources = non_empty_list(w, "sources", require(w, "sources", doc, "sources"));
    for (rapidjson::SizeType i = 0; i < sources.Size(); ++i) {
        const std::string f = "sources[" + std::to_string(i) + "]";
        const Value& s = object(w, f, sources[i]);
        check_keys(w, f + ".", s, {"title", "url"});
        Citation c{req_string(w, f + ".title", s, "title"), {}};
        if (s.HasMember("url")) c.url = req_string(w, f + ".url", s, "url");
        q.sources.push_back(std::move(c));
    }
    return q;
}

Questionnaire load_questionnaire_file(const std::string& path) {
    AssetText file = read_asset_file(path, kMaxFileBytes);
    if (!file.error.empty()) throw QuestionnaireError("questionnaire: " + file.error);
    const std::string& data = file.text;
    try {
        return load_questionnaire_json(data);
    } catch (const QuestionnaireError& e) {
        throw QuestionnaireError(path + ": " + e.what());
    }
}

std::vector<Questionnaire> load_questionnaires_dir(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> files;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".json") files.push_back(it->path().string());
    if (ec) throw QuestionnaireError("questionnaires: cannot list '" + dir + "': " + ec.message());
    std::sort(files.begin(), files.end());
    std::vector<Questionnaire> out;
    for (const auto& f : files) {
        Questionnaire q = load_questionnaire_file(f);
        if (find_questionnaire(out, q.id))
            throw QuestionnaireError(f + ": questionnaire '" + q.id + "': field 'id': another file has the same id");
        out.push_back(std::move(q));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
}

std::vector<Questionnaire> load_default_questionnaires() {
    return load_questionnaires_dir((std::filesystem::path(default_assets_dir()) / "questionnaires").string());
}

const Questionnaire* find_questionnaire(const std::vector<Questionnaire>& all, std::string_view id) {
    for (const auto& q : all)
        if (q.id == id) return &q;
    return nullptr;
}

std::vector<QuestionnaireAnswer> ordered_answers(const Questionnaire& q,
                                                 const std::vector<QuestionnaireAnswer>& answers) {
    std::set<std::string> seen;
    for (const auto& a : answers) {
        if (!q.item(a.item))
            throw QuestionnaireError(q.short_title + ": there is no question " + a.item.substr(0, 40));
        if (!seen.insert(a.item).second)
            throw QuestionnaireError(q.short_title + ": question " + a.item + " is answered twice");
        if (!q.option(a.answer))
            throw QuestionnaireError(q.short_title + ": question " + a.item + ": '" + a.answer.substr(0, 40) +
                                     "' is not an answer to it");
    }
    std::vector<QuestionnaireAnswer> out;
    std::string missing;
    for (const auto& item : q.items) {
        auto it = std::find_if(answers.begin(), answers.end(), [&](const auto& a) { return a.item == item.id; });
        if (it == answers.end()) missing += (missing.empty() ? "" : ", ") + item.id;
        else out.push_back(*it);
    }
    if (!missing.empty())
        throw QuestionnaireError(q.short_title + ": not every question is answered (missing: " + missing +
                                 "); a score needs all of them");
    return out;
}

int score_answers(const Questionnaire& q, const std::vector<QuestionnaireAnswer>& answers) {
    int score = 0;
    for (const auto& a : ordered_answers(q, answers)) {
        const auto* item = q.item(a.item);
        if (item->scores_on && *item->scores_on == a.answer) ++score;
    }
    return score;
}

QuestionnaireResponse make_response(const Questionnaire& q, const std::vector<QuestionnaireAnswer>& answers,
                                    LocalTime taken) {
    QuestionnaireResponse r;
    r.questionnaire = q.id;
    r.version = q.version;
    r.taken = taken;
    r.answers = ordered_answers(q, answers);
    r.score = score_answers(q, r.answers);
    return r;
}

std::string describe_score(const Questionnaire& q, int score) {
    std::string out = "Score " + std::to_string(score) + " of " + std::to_string(q.score_max) + ": ";
    if (const auto* c = q.cutoff_reached(score)) return out + c->label;
    if (q.cutoffs.empty()) return out + "no cut-off";
    return out + "below the lowest cut-off (" + std::to_string(q.cutoffs.front().at_least) + ")";
}

}  // namespace nd
