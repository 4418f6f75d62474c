// The store's questionnaire-response calls, mapped to and from the
// questionnaire_responses table (schema version 4, store_schema.cpp).
#include "serialization.hpp"
#include "store.hpp"
#include "store_sql.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr const char* kCols =
    "id, questionnaire, version, taken_utc, offset_min, answers, score, created_utc, updated_utc, deleted_utc";

// "1=yes,2=no,...": item ids and codes are [a-z0-9_] (validate()), so neither
// separator can appear inside them.
std::string join_answers(const std::vector<QuestionnaireAnswer>& answers) {
    std::string out;
    for (const auto& a : answers) out += (out.empty() ? "" : ",") + a.item + "=" + a.answer;
    return out;
}

std::vector<QuestionnaireAnswer> split_answers(const std::string& text) {
    std::vector<QuestionnaireAnswer> out;
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto part = rest.substr(0, comma);
        const auto eq = part.find('=');
        if (eq == std::string_view::npos)
            throw StoreError("The diary holds a questionnaire answer this version cannot read (\"" +
                             std::string(part.substr(0, 40)) + "\")");
        out.push_back({std::string(part.substr(0, eq)), std::string(part.substr(eq + 1))});
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

QuestionnaireResponse read_response(const sql::Stmt& s) {
    QuestionnaireResponse r;
    r.id = s.text(0);
    r.questionnaire = s.text(1);
    r.version = s.text(2);
    r.taken = {s.i64(3), s.i32(4)};
    r.answers = split_answers(s.text(5));
    r.score = s.i32(6);
    r.created_utc = s.i64(7);
    r.updated_utc = s.i64(8);
    r.deleted_utc = s.opt_i64(9);
    return r;
}

std::optional<QuestionnaireResponse> find(sqlite3* db, const std::string& id) {
    sql::Stmt s(db, std::string("SELECT ") + kCols + " FROM questionnaire_responses WHERE id = ?");
    s.bind(id);
    if (!s.step()) return std::nullopt;
    return read_response(s);
}

void set_deleted(sqlite3* db, const std::string& id, std::optional<std::int64_t> when, std::int64_t now) {
    sql::Txn txn(db);
    sql::Stmt s(db, std::string("UPDATE questionnaire_responses SET deleted_utc = ") +
                        (when ? "coalesce(deleted_utc, ?)" : "?") + ", updated_utc = ? WHERE id = ?");
    s.bind(when).bind(now).bind(id).done();
    if (sqlite3_changes(db) == 0) throw StoreError("There is no questionnaire response with id " + id);
    txn.commit();
}

}  // namespace

namespace rows {
void write(sqlite3* db, const QuestionnaireResponse& r, bool replace, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = std::string(replace ? "INSERT OR REPLACE INTO " : "INSERT INTO ") +
                          "questionnaire_responses (" + kCols + ") VALUES (?,?,?,?,?,?,?,?,?,?)";
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(r.id, r.questionnaire, r.version, r.taken.utc, r.taken.offset_min, join_answers(r.answers), r.score,
               r.created_utc, r.updated_utc, r.deleted_utc);
    s.done();
}
}  // namespace rows

QuestionnaireResponse Store::put_questionnaire_response(QuestionnaireResponse r) {
    const std::int64_t t = now();
    sql::Txn txn(db_);
    std::optional<QuestionnaireResponse> old;
    if (r.id.empty()) r.id = new_uuid();
    else old = find(db_, r.id);
    r.created_utc = old ? old->created_utc : t;
    r.deleted_utc = old ? old->deleted_utc : std::nullopt;
    r.updated_utc = t;
    try {
        validate(r);
    } catch (const ImportError& e) {
        throw StoreError(std::string("Not saved: ") + e.what());
    }
    rows::write(db_, r, true);
    txn.commit();
    return r;
}

std::optional<QuestionnaireResponse> Store::questionnaire_response(const std::string& id) const {
    return find(db_, id);
}

std::vector<QuestionnaireResponse> Store::questionnaire_responses(bool include_deleted) const {
    sql::Stmt s(db_, std::string("SELECT ") + kCols + " FROM questionnaire_responses" +
                         (include_deleted ? "" : " WHERE deleted_utc IS NULL") + " ORDER BY taken_utc, id");
    std::vector<QuestionnaireResponse> out;
    while (s.step()) out.push_back(read_response(s));
    return out;
}

void Store::delete_questionnaire_response(const std::string& id) { set_deleted(db_, id, now(), now()); }
void Store::restore_questionnaire_response(const std::string& id) { set_deleted(db_, id, std::nullopt, now()); }

}  // namespace nd
