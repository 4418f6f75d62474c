// The store's lifecycle: opening (with the refusal rules of docs/storage.md),
// connection settings, migrations, the bin, whole-diary load / replace, settings.
// Record calls are in store_records.cpp; the schema in store_schema.cpp.
#include "store.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#ifndef _WIN32
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "serialization.hpp"
#include "store_schema.hpp"
#include "store_sql.hpp"
#include "time_util.hpp"

namespace nd {

namespace fs = std::filesystem;

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr char kSqliteMagic[] = "SQLite format 3";  // 16 bytes with the NUL

std::string unchanged(const std::string& path, const std::string& why) {
    return "Cannot open the diary \"" + path + "\": " + why + " The file was not changed.";
}

// Looks at an existing file before SQLite touches it. Returns false when the file
// does not exist (it is then created empty, owner-only).
bool inspect_or_create(const std::string& path) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) throw StoreError(unchanged(path, ec.message() + "."));
    if (!fs::exists(st)) {
#ifndef _WIN32
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            throw StoreError("Cannot create the diary \"" + path + "\": " + std::strerror(errno));
        if (fd >= 0) ::close(fd);
#else
        std::ofstream(path, std::ios::binary | std::ios::app);
#endif
        return false;
    }
    if (!fs::is_regular_file(st)) throw StoreError(unchanged(path, "it is not a regular file."));
    const auto size = fs::file_size(path, ec);
    if (ec) throw StoreError(unchanged(path, ec.message() + "."));
    if (size == 0) return true;  // an empty file becomes a new diary
    char header[16] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(header, sizeof header);
    if (!in || size < 512 || std::memcmp(header, kSqliteMagic, sizeof header) != 0)
        throw StoreError(unchanged(path, "it is not a Numbness Diary database (not a SQLite file)."));
    return true;
}

void owner_only(const std::string& path) {
#ifndef _WIN32
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string p = path + suffix;
        struct stat st {};
        if (::stat(p.c_str(), &st) == 0 && (st.st_mode & 077) != 0) ::chmod(p.c_str(), 0600);
    }
#else
    (void)path;
#endif
}

std::int64_t pragma_int(sqlite3* db, const char* sql) {
    sql::Stmt s(db, sql);
    return s.step() ? s.i64(0) : 0;
}

void configure(sqlite3* db) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // Connection settings only: none of these writes to the file.
    sql::exec(db,
              "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL;",
              "Could not configure the diary database");
}

// PRAGMA quick_check; any problem (or an error while checking) means damaged.
void quick_check_or_refuse(sqlite3* db, const std::string& path) {
    try {
        sql::Stmt qc(db, "PRAGMA quick_check");
        std::string problems;
        while (qc.step()) {
            const auto row = qc.text(0);
            if (row != "ok") problems += (problems.empty() ? "" : "; ") + row;
        }
        if (!problems.empty())
            throw StoreDamagedError(unchanged(path, "it is damaged (" + problems.substr(0, 300) +
                                                        "). Restore it from a backup."));
    } catch (const StoreDamagedError&) {
        throw;
    } catch (const StoreError& e) {
        throw StoreDamagedError(
            unchanged(path, std::string("it is damaged or not a database (") + e.what() + "). Restore it from a backup."));
    }
}

// The read-only checks run before anything is written. Returns the schema
// version found (0: an empty, new database).
int check_ours(sqlite3* db, const std::string& path, OpenCheck check) {
    if (check == OpenCheck::QuickCheckNow) quick_check_or_refuse(db, path);
    const auto app_id = pragma_int(db, "PRAGMA application_id");
    const auto version = pragma_int(db, "PRAGMA user_version");
    const auto objects = pragma_int(db, "SELECT count(*) FROM sqlite_schema");
    if (app_id == 0 && version == 0 && objects == 0) return 0;
    if (app_id != schema::kApplicationId)
        throw StoreError(unchanged(path, "it is not a Numbness Diary database (it belongs to another application)."));
    if (version > schema::current_version())
        throw StoreError("This diary was written by a newer version of Numbness Diary (schema " +
                         std::to_string(version) + "); this version understands up to " +
                         std::to_string(schema::current_version()) + ". Update the app; the file was not changed.");
    if (version < 1)
        throw StoreDamagedError(unchanged(path, "it is marked as a Numbness Diary but has no schema version (damaged)."));
    // A migration writes to the file: never write to a file that was not checked.
    if (check == OpenCheck::Deferred && version < schema::current_version()) quick_check_or_refuse(db, path);
    return static_cast<int>(version);
}

// Brings the schema up to date in one transaction (re-reading the version inside
// it, in case another process migrated meanwhile).
void upgrade(sqlite3* db) {
    if (pragma_int(db, "PRAGMA user_version") >= schema::current_version()) return;
    sql::Txn txn(db);
    const auto version = pragma_int(db, "PRAGMA user_version");
    if (version < schema::current_version()) schema::migrate(db, static_cast<int>(version));
    txn.commit();
}

struct DbCloser {
    sqlite3* db;
    ~DbCloser() {
        if (db) sqlite3_close_v2(db);
    }
};

}  // namespace

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), clock_(now_utc_seconds) {}

Store::~Store() {
    if (db_) sqlite3_close_v2(db_);
}

std::unique_ptr<Store> Store::open(const std::string& path, OpenCheck check) {
    if (path.empty()) throw StoreError("No diary file was given");
    inspect_or_create(path);
    DbCloser guard{nullptr};
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(path.c_str(), &guard.db, flags, nullptr) != SQLITE_OK)
        sql::fail(guard.db, "Cannot open the diary \"" + path + "\"");
    try {
        configure(guard.db);  // reads the schema: the first place a damaged file shows
    } catch (const StoreError& e) {
        const int code = sqlite3_errcode(guard.db) & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreDamagedError(unchanged(path, std::string("it is damaged or not a database (") + e.what() +
                                                 "). Restore it from a backup."));
        throw StoreError(unchanged(path, std::string(e.what()) + "."));
    }
    try {
        check_ours(guard.db, path, check);
    } catch (const StoreDamagedError&) {
        throw;
    } catch (const StoreError& e) {
        const int code = sqlite3_errcode(guard.db) & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreDamagedError(unchanged(path, std::string("it is damaged (") + e.what() +
                                                        "). Restore it from a backup."));
        throw;
    }
    // Checks passed: from here on the file is ours to write.
    {
        sql::Stmt s(guard.db, "PRAGMA journal_mode = WAL");
        if (!s.step() || s.text(0) != "wal")
            throw StoreError("Cannot open the diary \"" + path + "\": it cannot use write-ahead logging here");
    }
    upgrade(guard.db);
    owner_only(path);
    std::unique_ptr<Store> store(new Store(guard.db, path));
    guard.db = nullptr;
    return store;
}

std::unique_ptr<Store> Store::open_read_only(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw StoreError("Cannot open \"" + path + "\": it is not a file");
    DbCloser guard{nullptr};
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(path.c_str(), &guard.db, flags, nullptr) != SQLITE_OK)
        sql::fail(guard.db, "Cannot open \"" + path + "\"");
    try {
        configure(guard.db);
        check_ours(guard.db, path, OpenCheck::QuickCheckNow);
    } catch (const StoreDamagedError&) {
        throw;
    } catch (const StoreError& e) {
        const int code = sqlite3_errcode(guard.db) & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) throw StoreDamagedError(e.what());
        throw;
    }
    std::unique_ptr<Store> store(new Store(guard.db, path));
    guard.db = nullptr;
    return store;
}

std::unique_ptr<Store> Store::open_in_memory() {
    DbCloser guard{nullptr};
    if (sqlite3_open_v2(":memory:", &guard.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK)
        sql::fail(guard.db, "Cannot open an in-memory diary");
    configure(guard.db);
    upgrade(guard.db);
    std::unique_ptr<Store> store(new Store(guard.db, ":memory:"));
    guard.db = nullptr;
    return store;
}

int Store::schema_version() const { return static_cast<int>(pragma_int(db_, "PRAGMA user_version")); }
int Store::current_schema_version() { return schema::current_version(); }

std::string Store::integrity_check() const {
    // A file damaged badly enough that the check itself stops (SQLITE_CORRUPT) is a
    // problem found, not an exception: the caller asked for the problems.
    std::string out;
    try {
        sql::Stmt s(db_, "PRAGMA integrity_check");
        while (s.step()) out += (out.empty() ? "" : "\n") + s.text(0);
    } catch (const StoreError& e) {
        out += (out.empty() ? "" : "\n") + std::string(e.what());
    }
    return out;
}

void Store::vacuum_into(const std::string& dest) const {
    sql::Stmt s(db_, "VACUUM INTO ?");
    s.bind(dest);
    s.done();
}

std::string Store::quick_check() const {
    sql::Stmt s(db_, "PRAGMA quick_check");
    std::string out;
    while (s.step()) out += (out.empty() ? "" : "\n") + s.text(0);
    return out;
}

// ---- Bin and erasure ----

namespace {
constexpr const char* kRecordTables[][2] = {
    {"episodes", "episode"}, {"checkins", "checkin"}, {"facts", "fact"}, {"medicines", "medicine"},
    {"questionnaire_responses", "questionnaire_response"}};

// Moves freed pages' old content out of the write-ahead log too (secure_delete
// already zeroes them in the main file). Best effort: a reader may hold the log.
void flush_erased(sqlite3* db) { sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr); }
}  // namespace

void Store::empty_bin() {
    const std::int64_t t = now();
    sql::Txn txn(db_);
    for (const auto& [table, kind] : kRecordTables) {
        sql::Stmt ins(db_, std::string("INSERT OR REPLACE INTO tombstones (id, kind, deleted_utc) SELECT id, '") +
                               kind + "', ? FROM " + table + " WHERE deleted_utc IS NOT NULL");
        ins.bind(t).done();
        sql::Stmt del(db_, std::string("DELETE FROM ") + table + " WHERE deleted_utc IS NOT NULL");
        del.done();
    }
    txn.commit();
    flush_erased(db_);
}

void Store::delete_all_data() {
    sql::Txn txn(db_);
    sql::exec(db_,
              "DELETE FROM episodes; DELETE FROM checkins; DELETE FROM facts; DELETE FROM medicines;"
              "DELETE FROM profile; DELETE FROM tombstones; DELETE FROM settings;"
              "DELETE FROM questionnaire_responses;",
              "Could not delete the diary's data");
    txn.commit();
    flush_erased(db_);
}

// ---- Whole diary ----

Diary Store::load_diary() const {
    Diary d;
    d.profile = profile();
    d.episodes = episodes({}, true);
    d.checkins = checkins(true);
    d.facts = facts(true);
    d.medicines = medicines(true);
    sql::Stmt s(db_, "SELECT id, kind, deleted_utc FROM tombstones ORDER BY id");
    while (s.step()) d.tombstones.push_back({s.text(0), s.text(1), s.i64(2)});
    d.questionnaire_responses = questionnaire_responses(true);
    normalize(d);
    return d;
}

void Store::replace_diary(const Diary& in) {
    Diary d = in;
    normalize(d);
    try {
        validate(d);
    } catch (const ImportError& e) {
        throw StoreError(std::string("The diary was not replaced: ") + e.what());
    }
    sql::Txn txn(db_);
    sql::exec(db_,
              "DELETE FROM episodes; DELETE FROM checkins; DELETE FROM facts; DELETE FROM medicines;"
              "DELETE FROM profile; DELETE FROM tombstones; DELETE FROM questionnaire_responses;",
              "Could not replace the diary");
    rows::write(db_, d.profile);
    for (const auto& e : d.episodes) rows::write(db_, e, false);
    for (const auto& c : d.checkins) rows::write(db_, c, false);
    for (const auto& f : d.facts) rows::write(db_, f, false);
    for (const auto& m : d.medicines) rows::write(db_, m, false);
    for (const auto& t : d.tombstones) rows::write(db_, t);
    for (const auto& r : d.questionnaire_responses) rows::write(db_, r, false);
    txn.commit();
    flush_erased(db_);
}

// ---- Settings ----

std::optional<std::string> Store::setting(const std::string& key) const {
    sql::Stmt s(db_, "SELECT value FROM settings WHERE key = ?");
    s.bind(key);
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

void Store::set_setting(const std::string& key, const std::string& value) {
    if (!is_valid_utf8(key) || !is_valid_utf8(value)) throw StoreError("Not saved: a setting must be UTF-8 text");
    sql::Txn txn(db_);
    sql::Stmt s(db_, "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    s.bind_all(key, value).done();
    txn.commit();
}

}  // namespace nd
