// Store::update_diary: read, change and write the diary inside one write
// transaction, writing only the records that differ. Merges, restores and
// imports go through here so that a save made by another process at the same
// time (the app beside the CLI) is never overwritten by a stale copy.
#include <string_view>
#include <unordered_map>
#include <string>

#include "serialization.hpp"
#include "store.hpp"
#include "store_sql.hpp"

namespace nd {

namespace {

constexpr const char* table_of(const Episode*) { return "episodes"; }
constexpr const char* table_of(const CheckIn*) { return "checkins"; }
constexpr const char* table_of(const BackgroundFact*) { return "facts"; }
constexpr const char* table_of(const Medicine*) { return "medicines"; }
constexpr const char* table_of(const Tombstone*) { return "tombstones"; }
constexpr const char* table_of(const QuestionnaireResponse*) { return "questionnaire_responses"; }

template <class T>
void write_row(sqlite3* db, const T& r, sql::StmtCache& cache) {
    rows::write(db, r, true, &cache);
}
void write_row(sqlite3* db, const Tombstone& t, sql::StmtCache& cache) { rows::write(db, t, &cache); }

// The rows of one table to delete (ids gone) and to write (new or different).
template <class T>
struct TableChange {
    std::vector<const std::string*> gone;
    std::vector<const T*> put;
    bool overwrites = false;   // some of `put` replace a row with other content
    bool erases() const { return overwrites || !gone.empty(); }
};

template <class T>
TableChange<T> changes(const std::vector<T>& before, const std::vector<T>& after) {
    std::unordered_map<std::string_view, const T*> was;
    was.reserve(before.size());
    for (const auto& r : before) was.emplace(r.id, &r);
    TableChange<T> c;
    for (const auto& r : after) {
        const auto it = was.find(r.id);
        if (it == was.end()) {
            c.put.push_back(&r);
            continue;
        }
        if (!(*it->second == r)) {
            c.put.push_back(&r);
            c.overwrites = true;
        }
        was.erase(it);
    }
    for (const auto& [id, r] : was) c.gone.push_back(&r->id);
    return c;
}

template <class T>
void delete_rows(sqlite3* db, const TableChange<T>& c) {
    if (c.gone.empty()) return;
    sql::Stmt s(db, std::string("DELETE FROM ") + table_of(static_cast<const T*>(nullptr)) + " WHERE id = ?");
    for (const std::string* id : c.gone) s.reset().bind(*id).done();
}

// Each table's INSERT is prepared once for all its rows (a restore writes 100k).
template <class T>
void put_rows(sqlite3* db, const TableChange<T>& c, sql::StmtCache& cache) {
    for (const T* r : c.put) write_row(db, *r, cache);
}

}  // namespace

Store::Update Store::update_diary(const std::function<Diary(const Diary& current)>& change) {
    sql::Txn txn(db_);   // BEGIN IMMEDIATE: from here on no other process writes
    Update u;
    u.before = load_diary();
    u.after = change(u.before);
    normalize(u.after);
    try {
        validate(u.after);
    } catch (const ImportError& e) {
        throw StoreError(std::string("The diary was not replaced: ") + e.what());
    }
    const auto episodes = changes(u.before.episodes, u.after.episodes);
    const auto checkins = changes(u.before.checkins, u.after.checkins);
    const auto facts = changes(u.before.facts, u.after.facts);
    const auto medicines = changes(u.before.medicines, u.after.medicines);
    const auto tombstones = changes(u.before.tombstones, u.after.tombstones);
    const auto responses = changes(u.before.questionnaire_responses, u.after.questionnaire_responses);
    // Deletes first: a check-in moving to another id keeps its date UNIQUE.
    delete_rows(db_, episodes);
    delete_rows(db_, checkins);
    delete_rows(db_, facts);
    delete_rows(db_, medicines);
    delete_rows(db_, tombstones);
    delete_rows(db_, responses);
    sql::StmtCache cache(db_);
    put_rows(db_, episodes, cache);
    put_rows(db_, checkins, cache);
    put_rows(db_, facts, cache);
    put_rows(db_, medicines, cache);
    put_rows(db_, tombstones, cache);
    put_rows(db_, responses, cache);
    if (!(u.before.profile == u.after.profile)) rows::write(db_, u.after.profile);
    txn.commit();
    // Old content of deleted or overwritten rows: out of the log too (pure
    // additions, like a CSV import, leave nothing behind to erase).
    if (episodes.erases() || checkins.erases() || facts.erases() || medicines.erases() || tombstones.erases() || responses.erases() ||
        !(u.before.profile == u.after.profile))
        store_detail::flush_erased(db_);
    return u;
}

std::size_t Store::add_episodes(const std::function<bool(const AddEpisode& add)>& fill) {
    sql::Txn txn(db_);   // BEGIN IMMEDIATE, as update_diary
    // Rows of this run have a rowid above the largest one before it: so a clash
    // with an earlier row of the same file is told apart from one with the diary.
    std::int64_t last_before = 0;
    {
        sql::Stmt s(db_, "SELECT coalesce(max(rowid), 0) FROM episodes");
        if (s.step()) last_before = s.i64(0);
    }
    sql::Stmt episode_row(db_, "SELECT rowid FROM episodes WHERE id = ?");
    // Ids are unique across the whole diary (validate): every kind and the tombstones.
    sql::Stmt other_kind(db_,
                         "SELECT 1 FROM checkins WHERE id = ?1 UNION ALL SELECT 1 FROM facts WHERE id = ?1 "
                         "UNION ALL SELECT 1 FROM medicines WHERE id = ?1 UNION ALL SELECT 1 FROM tombstones WHERE id = ?1 "
                         "UNION ALL SELECT 1 FROM questionnaire_responses WHERE id = ?1 LIMIT 1");
    sql::StmtCache cache(db_);
    std::size_t added = 0;
    const AddEpisode add = [&](const Episode& e) -> std::string {
        try {
            validate(e);
        } catch (const ImportError& err) {
            return err.what();
        }
        episode_row.reset().bind(e.id);
        if (episode_row.step()) {
            const bool this_run = episode_row.i64(0) > last_before;
            episode_row.reset();
            return this_run ? "the id " + e.id + " is used by an earlier row"
                            : "the id " + e.id + " is already in the diary";
        }
        episode_row.reset();
        other_kind.reset().bind(e.id);
        const bool clash = other_kind.step();
        other_kind.reset();
        if (clash) return "the id " + e.id + " is already in the diary";
        rows::write(db_, e, false, &cache);
        ++added;
        return {};
    };
    if (!fill(add)) return 0;   // rolled back by txn
    txn.commit();
    return added;
}

}  // namespace nd
