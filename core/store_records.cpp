// The store's record calls: episodes, check-ins, background facts, medicines and
// the profile, mapped to and from their table rows (schema: store_schema.cpp).
#include <algorithm>

#include "enum_names.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "store_sql.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

// ---- Column lists (SELECT order == INSERT order) ----

constexpr const char* kEpisodeCols =
    "id, start_utc, offset_min, duration_min, ongoing, regions, sensations, numbness, pain, activities, reliefs, "
    "relief_after_min, onset, spread, spread_from, spread_to, spread_speed, signs, worse_at_night, effect_walking, "
    "effect_sleep, effect_work, note, created_utc, updated_utc, deleted_utc";
constexpr const char* kCheckinCols = "id, date, symptoms, no_numbness, note, created_utc, updated_utc, deleted_utc";
constexpr const char* kFactCols = "id, kind, detail, since, amount, created_utc, updated_utc, deleted_utc";
constexpr const char* kMedicineCols =
    "id, name, dose, when_taken, since, helped, note, created_utc, updated_utc, deleted_utc";

std::string placeholders(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i ? ",?" : "?";
    return s;
}

std::string insert_sql(const char* table, const char* cols, int n, bool replace) {
    return std::string(replace ? "INSERT OR REPLACE INTO " : "INSERT INTO ") + table + " (" + cols + ") VALUES (" +
           placeholders(n) + ")";
}

[[noreturn]] void bad_value(const char* table, const char* column, const std::string& value) {
    throw StoreError(std::string("The diary holds a value this version does not know (") + table + "." + column +
                     " = \"" + value.substr(0, 40) + "\"); it may come from a newer version of the app");
}

// Enum and list columns are parsed from the column's bytes in place (Stmt::view):
// no std::string per column, and a list's vector sized once from its commas.
// load_diary reads every row of the diary this way (issue 19: start time at 100k).
// enum_from_id with the ids' lengths known once (it measures every candidate id
// with strlen): the loader looks up several ids per row.
template <class E>
std::optional<E> id_to_enum(std::string_view id) {
    struct Entry {
        std::string_view id;
        E value;
    };
    static const std::vector<Entry> table = [] {
        std::vector<Entry> t;
        for (const auto& e : enum_entries<E>()) t.push_back({e.id, e.value});
        return t;
    }();
    for (const auto& e : table)
        if (e.id == id) return e.value;
    return std::nullopt;
}

template <class E>
E enum_col(const sql::Stmt& s, int col, const char* table, const char* name) {
    const std::string_view text = s.view(col);
    auto v = id_to_enum<E>(text);
    if (!v) bad_value(table, name, std::string(text));
    return *v;
}

template <class E>
std::optional<E> opt_enum_col(const sql::Stmt& s, int col, const char* table, const char* name) {
    if (s.is_null(col)) return std::nullopt;
    return enum_col<E>(s, col, table, name);
}

std::size_t list_size(std::string_view text) {
    return text.empty() ? 0 : static_cast<std::size_t>(std::count(text.begin(), text.end(), ',')) + 1;
}

template <class E>
std::vector<E> list_col(const sql::Stmt& s, int col, const char* table, const char* name) {
    const std::string_view text = s.view(col);
    std::vector<E> out;
    out.reserve(list_size(text));
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        auto v = id_to_enum<E>(rest.substr(0, comma));
        if (!v) bad_value(table, name, std::string(text));
        out.push_back(*v);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

std::optional<std::string> opt_id(const auto& v) {
    if (!v) return std::nullopt;
    return std::string(enum_id(*v));
}

// Regions are "region:side" pairs, comma-joined: "toes:left,sole:both".
std::string join_regions(const std::vector<RegionMark>& marks) {
    std::string out;
    for (const auto& m : marks) {
        if (!out.empty()) out += ',';
        out += std::string(enum_id(m.region)) + ':' + std::string(enum_id(m.side));
    }
    return out;
}

std::vector<RegionMark> regions_col(const sql::Stmt& s, int col) {
    const std::string_view text = s.view(col);
    std::vector<RegionMark> out;
    out.reserve(list_size(text));
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto part = rest.substr(0, comma);
        const auto colon = part.find(':');
        if (colon == std::string_view::npos) bad_value("episodes", "regions", std::string(text));
        auto r = id_to_enum<Region>(part.substr(0, colon));
        auto sd = id_to_enum<Side>(part.substr(colon + 1));
        if (!r || !sd) bad_value("episodes", "regions", std::string(text));
        out.push_back({*r, *sd});
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

// ---- Row readers ----

Episode read_episode(const sql::Stmt& s) {
    const char* t = "episodes";
    Episode e;
    s.text_into(0, e.id);
    e.start = {s.i64(1), s.i32(2)};
    e.duration_min = s.opt_i32(3);
    e.ongoing = s.i32(4) != 0;
    e.regions = regions_col(s, 5);
    e.sensations = list_col<Sensation>(s, 6, t, "sensations");
    e.numbness = s.opt_i32(7);
    e.pain = s.opt_i32(8);
    e.activities = list_col<Activity>(s, 9, t, "activities");
    e.reliefs = list_col<Relief>(s, 10, t, "reliefs");
    e.relief_after_min = s.opt_i32(11);
    e.onset = enum_col<Onset>(s, 12, t, "onset");
    e.spread = s.i32(13) != 0;
    e.spread_from = opt_enum_col<Region>(s, 14, t, "spread_from");
    e.spread_to = opt_enum_col<Region>(s, 15, t, "spread_to");
    e.spread_speed = enum_col<SpreadSpeed>(s, 16, t, "spread_speed");
    e.signs = list_col<Sign>(s, 17, t, "signs");
    e.worse_at_night = enum_col<TriState>(s, 18, t, "worse_at_night");
    e.effect_walking = s.i32(19);
    e.effect_sleep = s.i32(20);
    e.effect_work = s.i32(21);
    s.text_into(22, e.note);
    e.created_utc = s.i64(23);
    e.updated_utc = s.i64(24);
    e.deleted_utc = s.opt_i64(25);
    return e;
}

CheckIn read_checkin(const sql::Stmt& s) {
    CheckIn c;
    s.text_into(0, c.id);
    s.text_into(1, c.date);
    c.symptoms = list_col<GeneralSymptom>(s, 2, "checkins", "symptoms");
    c.no_numbness = s.i32(3) != 0;
    s.text_into(4, c.note);
    c.created_utc = s.i64(5);
    c.updated_utc = s.i64(6);
    c.deleted_utc = s.opt_i64(7);
    return c;
}

BackgroundFact read_fact(const sql::Stmt& s) {
    BackgroundFact f;
    s.text_into(0, f.id);
    f.kind = enum_col<FactKind>(s, 1, "facts", "kind");
    s.text_into(2, f.detail);
    s.text_into(3, f.since);
    if (!s.is_null(4)) f.amount = s.real(4);
    f.created_utc = s.i64(5);
    f.updated_utc = s.i64(6);
    f.deleted_utc = s.opt_i64(7);
    return f;
}

Medicine read_medicine(const sql::Stmt& s) {
    Medicine m;
    s.text_into(0, m.id);
    s.text_into(1, m.name);
    s.text_into(2, m.dose);
    s.text_into(3, m.when_taken);
    s.text_into(4, m.since);
    m.helped = enum_col<TriState>(s, 5, "medicines", "helped");
    s.text_into(6, m.note);
    m.created_utc = s.i64(7);
    m.updated_utc = s.i64(8);
    m.deleted_utc = s.opt_i64(9);
    return m;
}

// The rows of `sql`, with room for `expected` of them made first (row_count).
template <class T, class Read>
std::vector<T> query(sqlite3* db, std::size_t expected, const std::string& sql, Read read) {
    sql::Stmt s(db, sql);
    std::vector<T> out;
    out.reserve(expected);
    while (s.step()) out.push_back(read(s));
    return out;
}

template <class T, class Read>
std::vector<T> query(sqlite3* db, const std::string& sql, Read read) {
    return query<T>(db, 0, sql, read);
}

template <class T, class Read>
std::optional<T> query_one(sqlite3* db, const std::string& sql, const std::string& key, Read read) {
    sql::Stmt s(db, sql);
    s.bind(key);
    if (!s.step()) return std::nullopt;
    return read(s);
}

// Runs the record checks; the store never holds what an import would refuse.
template <class T>
void check(const T& record) {
    try {
        validate(record);
    } catch (const ImportError& e) {
        throw StoreError(std::string("Not saved: ") + e.what());
    }
}

std::string select(const char* cols, const char* table) { return std::string("SELECT ") + cols + " FROM " + table; }

// The number of rows of a whole table, to size the vector a whole-table read fills:
// growing by doubling would leave a 100k diary's episodes with room for 131,072
// (9 MB unused, issue 19) and hold the old and the new array at once (58 MB) at the
// last step. SQLite counts through the smallest index: a few ms at 100k.
std::size_t row_count(sqlite3* db, const char* table) {
    sql::Stmt s(db, std::string("SELECT count(*) FROM ") + table);
    return s.step() ? static_cast<std::size_t>(std::max<std::int64_t>(0, s.i64(0))) : 0;
}

// Sets or clears deleted_utc of one row; throws when the id is unknown.
void set_deleted(sqlite3* db, const char* table, const char* what, const std::string& id,
                 std::optional<std::int64_t> when, std::int64_t now) {
    sql::Txn txn(db);
    const std::string sql = std::string("UPDATE ") + table + (when ? " SET deleted_utc = coalesce(deleted_utc, ?)"
                                                                   : " SET deleted_utc = ?") +
                            ", updated_utc = ? WHERE id = ?";
    sql::Stmt s(db, sql);
    s.bind(when).bind(now).bind(id).done();
    if (sqlite3_changes(db) == 0) throw StoreError(std::string("There is no ") + what + " with id " + id);
    txn.commit();
}

}  // namespace

// ---- Row writers ----

namespace rows {

void write(sqlite3* db, const Episode& e, bool replace, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = insert_sql("episodes", kEpisodeCols, 26, replace);
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(e.id, e.start.utc, e.start.offset_min, e.duration_min, e.ongoing, join_regions(e.regions),
               join_ids(e.sensations), e.numbness, e.pain, join_ids(e.activities), join_ids(e.reliefs),
               e.relief_after_min, std::string(enum_id(e.onset)), e.spread, opt_id(e.spread_from),
               opt_id(e.spread_to), std::string(enum_id(e.spread_speed)), join_ids(e.signs),
               std::string(enum_id(e.worse_at_night)), e.effect_walking, e.effect_sleep, e.effect_work, e.note,
               e.created_utc, e.updated_utc, e.deleted_utc);
    s.done();
}

void write(sqlite3* db, const CheckIn& c, bool replace, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = insert_sql("checkins", kCheckinCols, 8, replace);
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(c.id, c.date, join_ids(c.symptoms), c.no_numbness, c.note, c.created_utc, c.updated_utc,
               c.deleted_utc);
    s.done();
}

void write(sqlite3* db, const BackgroundFact& f, bool replace, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = insert_sql("facts", kFactCols, 8, replace);
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(f.id, std::string(enum_id(f.kind)), f.detail, f.since, f.amount, f.created_utc, f.updated_utc,
               f.deleted_utc);
    s.done();
}

void write(sqlite3* db, const Medicine& m, bool replace, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = insert_sql("medicines", kMedicineCols, 10, replace);
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(m.id, m.name, m.dose, m.when_taken, m.since, std::string(enum_id(m.helped)), m.note, m.created_utc,
               m.updated_utc, m.deleted_utc);
    s.done();
}

void write(sqlite3* db, const Profile& p) {
    // questions: one a line (validate() keeps line breaks out of a question).
    std::string questions;
    for (const auto& q : p.questions) questions += (questions.empty() ? "" : "\n") + q;
    sql::Stmt s(db,
                "INSERT OR REPLACE INTO profile (id, name, birth_date, updated_utc, complaint_began, health_number, "
                "questions, fhir_patient_id) VALUES (1, ?, ?, ?, ?, ?, ?, ?)");
    s.bind_all(p.name, p.birth_date, p.updated_utc, p.complaint_began, p.health_number, questions, p.fhir_patient_id)
        .done();
}

void write(sqlite3* db, const Tombstone& t, sql::StmtCache* cache) {
    std::optional<sql::Stmt> own;
    const std::string q = "INSERT OR REPLACE INTO tombstones (id, kind, deleted_utc) VALUES (?, ?, ?)";
    sql::Stmt& s = cache ? cache->get(q) : own.emplace(db, q);
    s.bind_all(t.id, t.kind, t.deleted_utc).done();
}

}  // namespace rows

// ---- Episodes ----

Episode Store::add_episode(Episode e) {
    if (e.id.empty()) e.id = new_uuid();
    e.created_utc = e.updated_utc = now();
    e.deleted_utc.reset();
    normalize(e);
    check(e);
    sql::Txn txn(db_);
    if (episode(e.id)) throw StoreError("An episode with id " + e.id + " already exists");
    rows::write(db_, e, false);
    txn.commit();
    return e;
}

Episode Store::update_episode(Episode e) {
    sql::Txn txn(db_);
    const auto old = episode(e.id);
    if (!old) throw StoreError("There is no episode with id " + e.id + " to update");
    e.created_utc = old->created_utc;
    e.deleted_utc = old->deleted_utc;
    e.updated_utc = now();
    normalize(e);
    check(e);
    rows::write(db_, e, true);
    txn.commit();
    return e;
}

std::optional<Episode> Store::episode(const std::string& id) const {
    return query_one<Episode>(db_, select(kEpisodeCols, "episodes") + " WHERE id = ?", id, read_episode);
}

std::vector<Episode> Store::episodes(const TimeRange& range, bool include_deleted) const {
    std::string sql = select(kEpisodeCols, "episodes") + " WHERE 1";
    if (range.from) sql += " AND start_utc >= ?";
    if (range.to) sql += " AND start_utc < ?";
    if (!include_deleted) sql += " AND deleted_utc IS NULL";
    sql += " ORDER BY start_utc, id";
    sql::Stmt s(db_, sql);
    if (range.from) s.bind(*range.from);
    if (range.to) s.bind(*range.to);
    std::vector<Episode> out;
    if (!range.from && !range.to && include_deleted) out.reserve(row_count(db_, "episodes"));   // load_diary
    while (s.step()) out.push_back(read_episode(s));
    return out;
}

void Store::for_each_episode(const std::function<void(const Episode&)>& visit) const {
    sql::Stmt s(db_, select(kEpisodeCols, "episodes") + " ORDER BY start_utc, id");
    while (s.step()) visit(read_episode(s));
}

std::vector<Episode> Store::red_flag_history(const Episode& e, std::int64_t window_seconds, bool with_paths) const {
    // The same "before" as red_flags_for(e, diary): live, another id, an earlier start
    // or the same start and a smaller id (BINARY collation orders like std::string).
    const std::string cols = "SELECT id, start_utc, offset_min, regions, spread, spread_from, spread_to FROM episodes ";
    const std::string before = "deleted_utc IS NULL AND id <> ?1 AND (start_utc < ?2 OR (start_utc = ?2 AND id < ?1))";
    std::vector<Episode> out;
    auto read_all = [&](sql::Stmt& s) {
        while (s.step()) {
            Episode& x = out.emplace_back();
            s.text_into(0, x.id);
            x.start = {s.i64(1), s.i32(2)};
            x.regions = regions_col(s, 3);
            x.spread = s.i32(4) != 0;
            x.spread_from = opt_enum_col<Region>(s, 5, "episodes", "spread_from");
            x.spread_to = opt_enum_col<Region>(s, 6, "episodes", "spread_to");
        }
    };
    {   // the recent ones: a range of the start index
        sql::Stmt s(db_, cols + "WHERE " + before + " AND start_utc >= ?3");
        s.bind(e.id).bind(e.start.utc).bind(e.start.utc - window_seconds);
        read_all(s);
    }
    if (with_paths) {   // older spreads from the same place (newer ones are already in)
        sql::Stmt s(db_, cols + "WHERE " + before + " AND start_utc < ?3 AND spread <> 0 AND spread_from IS ?4");
        s.bind(e.id).bind(e.start.utc).bind(e.start.utc - window_seconds).bind(opt_id(e.spread_from));
        read_all(s);
    }
    std::sort(out.begin(), out.end(), [](const Episode& a, const Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    });
    return out;
}

void Store::delete_episode(const std::string& id) { set_deleted(db_, "episodes", "episode", id, now(), now()); }
void Store::restore_episode(const std::string& id) {
    set_deleted(db_, "episodes", "episode", id, std::nullopt, now());
}

Episode Store::end_episode(const std::string& id) {
    sql::Txn txn(db_);
    auto e = episode(id);
    if (!e) throw StoreError("There is no episode with id " + id + " to end");
    if (!e->ongoing) return *e;  // already ended: nothing to do
    const std::int64_t t = now();
    e->ongoing = false;
    e->duration_min = static_cast<std::int32_t>(std::clamp<std::int64_t>((t - e->start.utc) / 60, 0, 50 * 366 * 24 * 60));
    e->updated_utc = t;
    check(*e);
    rows::write(db_, *e, true);
    txn.commit();
    return *e;
}

// ---- Check-ins ----

CheckIn Store::put_checkin(CheckIn c) {
    const std::int64_t t = now();
    sql::Txn txn(db_);
    // One check-in per date: an existing row of that date is replaced, keeping its id.
    auto old = query_one<CheckIn>(db_, select(kCheckinCols, "checkins") + " WHERE date = ?", c.date, read_checkin);
    if (!old && !c.id.empty())
        old = query_one<CheckIn>(db_, select(kCheckinCols, "checkins") + " WHERE id = ?", c.id, read_checkin);
    if (old) {
        c.id = old->id;
        c.created_utc = old->created_utc;
    } else {
        if (c.id.empty()) c.id = new_uuid();
        c.created_utc = t;
    }
    c.updated_utc = t;
    c.deleted_utc.reset();
    normalize(c);
    check(c);
    rows::write(db_, c, true);
    txn.commit();
    return c;
}

std::optional<CheckIn> Store::checkin(const LocalDate& date) const {
    return query_one<CheckIn>(db_, select(kCheckinCols, "checkins") + " WHERE date = ? AND deleted_utc IS NULL", date,
                              read_checkin);
}

std::vector<CheckIn> Store::checkins(bool include_deleted) const {
    return query<CheckIn>(db_, include_deleted ? row_count(db_, "checkins") : 0,
                          select(kCheckinCols, "checkins") + (include_deleted ? "" : " WHERE deleted_utc IS NULL") +
                              " ORDER BY date, id",
                          read_checkin);
}

void Store::for_each_checkin(const std::function<void(const CheckIn&)>& visit) const {
    sql::Stmt s(db_, select(kCheckinCols, "checkins") + " ORDER BY date, id");
    while (s.step()) visit(read_checkin(s));
}

void Store::delete_checkin(const std::string& id) { set_deleted(db_, "checkins", "check-in", id, now(), now()); }
void Store::restore_checkin(const std::string& id) {
    set_deleted(db_, "checkins", "check-in", id, std::nullopt, now());
}

// ---- Profile, facts, medicines ----

Profile Store::profile() const {
    sql::Stmt s(db_,
                "SELECT name, birth_date, updated_utc, complaint_began, health_number, questions, fhir_patient_id "
                "FROM profile WHERE id = 1");
    Profile p;
    if (s.step()) {
        p.name = s.text(0);
        p.birth_date = s.text(1);
        p.updated_utc = s.i64(2);
        p.complaint_began = s.text(3);
        p.health_number = s.text(4);
        const std::string questions = s.text(5);
        std::size_t start = 0;
        while (start < questions.size()) {
            const auto nl = questions.find('\n', start);
            p.questions.push_back(questions.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        p.fhir_patient_id = s.text(6);
    }
    return p;
}

void Store::set_profile(Profile p) {
    p.updated_utc = now();
    check(p);
    sql::Txn txn(db_);
    rows::write(db_, p);
    txn.commit();
}

namespace {
// Adds (empty id) or replaces a fact / medicine, keeping created and deleted times.
template <class T, class Read>
T put_record(sqlite3* db, T r, std::int64_t t, const char* table, const char* cols, Read read) {
    sql::Txn txn(db);
    std::optional<T> old;
    if (r.id.empty())
        r.id = new_uuid();
    else
        old = query_one<T>(db, select(cols, table) + " WHERE id = ?", r.id, read);
    r.created_utc = old ? old->created_utc : t;
    r.deleted_utc = old ? old->deleted_utc : std::nullopt;
    r.updated_utc = t;
    check(r);
    rows::write(db, r, true);
    txn.commit();
    return r;
}
}  // namespace

BackgroundFact Store::put_fact(BackgroundFact f) {
    return put_record(db_, std::move(f), now(), "facts", kFactCols, read_fact);
}

std::vector<BackgroundFact> Store::facts(bool include_deleted) const {
    return query<BackgroundFact>(
        db_, select(kFactCols, "facts") + (include_deleted ? "" : " WHERE deleted_utc IS NULL") + " ORDER BY id",
        read_fact);
}

void Store::delete_fact(const std::string& id) { set_deleted(db_, "facts", "background fact", id, now(), now()); }
void Store::restore_fact(const std::string& id) {
    set_deleted(db_, "facts", "background fact", id, std::nullopt, now());
}

Medicine Store::put_medicine(Medicine m) {
    return put_record(db_, std::move(m), now(), "medicines", kMedicineCols, read_medicine);
}

std::vector<Medicine> Store::medicines(bool include_deleted) const {
    return query<Medicine>(db_,
                           select(kMedicineCols, "medicines") + (include_deleted ? "" : " WHERE deleted_utc IS NULL") +
                               " ORDER BY id",
                           read_medicine);
}

void Store::delete_medicine(const std::string& id) { set_deleted(db_, "medicines", "medicine", id, now(), now()); }
void Store::restore_medicine(const std::string& id) {
    set_deleted(db_, "medicines", "medicine", id, std::nullopt, now());
}

}  // namespace nd
