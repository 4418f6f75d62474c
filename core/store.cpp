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
#include "store_inspect.hpp"
#include "store_schema.hpp"
#include "store_sql.hpp"
#include "time_util.hpp"

namespace nd {

namespace fs = std::filesystem;
using store_detail::check_ours;
using store_detail::pragma_int;
using store_detail::unchanged;

namespace {

// How long a write waits for another process's write to finish (the app beside
// the CLI). It must cover the longest write the other side can make: a restore or
// merge of a 100k-episode diary into another holds the write lock for about
// 19 s on the CI machine under load (docs/storage.md, "Two processes"); a save
// that gives up sooner is refused, one that waits lands.
constexpr int kBusyTimeoutMs = 60000;
// The best-effort checkpoint after an erasure waits no longer than this.
constexpr int kCheckpointWaitMs = 1000;
constexpr char kSqliteMagic[] = "SQLite format 3";  // 16 bytes with the NUL

// Looks at the path before SQLite touches it. A missing file is created empty,
// owner-only, when `create` (returns false), else refused. Returns true for an
// existing regular file that is empty or starts like a SQLite database.
bool inspect_or_create(const std::string& path, bool create) {
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) throw StoreError(unchanged(path, ec.message() + "."));
    if (!fs::exists(st)) {
        if (!create) throw StoreError("Cannot open \"" + path + "\": there is no such file");
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
    if (fs::is_directory(st)) throw StoreError(unchanged(path, "it is a folder, not a file."));
    if (fs::is_block_file(st) || fs::is_character_file(st))
        throw StoreError(unchanged(path, "it is a device, not a file."));
    if (!fs::is_regular_file(st)) throw StoreError(unchanged(path, "it is not a regular file."));
    const auto size = fs::file_size(path, ec);
    if (ec) throw StoreError(unchanged(path, ec.message() + "."));
    if (size == 0) return true;  // an empty file becomes a new diary (Store::open)
    char header[16] = {};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw StoreError(unchanged(path, "it cannot be read (permission denied?)."));
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

// Brings the schema up to date in one transaction (re-reading the version inside
// it, in case another process migrated meanwhile).
void upgrade(sqlite3* db) {
    if (pragma_int(db, "PRAGMA user_version") >= schema::current_version()) return;
    sql::Txn txn(db);
    const auto version = pragma_int(db, "PRAGMA user_version");
    if (version < schema::current_version()) schema::migrate(db, static_cast<int>(version));
    txn.commit();
}

void configure(sqlite3* db) {
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    store_detail::configure(db);
}

// configure + check_ours on a read-only connection, SQLite's damage codes mapped
// to StoreDamagedError. Returns the schema version found.
int checked(sqlite3* db, const std::string& path, OpenCheck check) {
    try {
        configure(db);  // reads the schema: the first place a damaged file shows
    } catch (const StoreError& e) {
        const int code = sqlite3_errcode(db) & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreDamagedError(unchanged(path, std::string("it is damaged or not a database (") + e.what() +
                                                 "). Restore it from a backup."));
        throw StoreError(unchanged(path, std::string(e.what()) + "."));
    }
    try {
        return check_ours(db, path, check);
    } catch (const StoreDamagedError&) {
        throw;
    } catch (const StoreError& e) {
        const int code = sqlite3_errcode(db) & 0xff;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            throw StoreDamagedError(unchanged(path, std::string("it is damaged (") + e.what() +
                                                        "). Restore it from a backup."));
        throw;
    }
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
    // Open to check, never to change: every check on a read-only connection that
    // writes nothing (store_inspect.hpp), and only then the read-write one.
    // A -journal from our own creation cut short (the file was empty before it):
    // nothing there to check, the read-write open rolls it back.
    const bool creation_cut_short = store_detail::interrupted_creation(path);
    if (!creation_cut_short && inspect_or_create(path, true)) {
        store_detail::ReadOnlyDb ro(path);
        checked(ro.db(), path, check);
    }
    DbCloser guard{nullptr};
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(path.c_str(), &guard.db, flags, nullptr) != SQLITE_OK)
        sql::fail(guard.db, "Cannot open the diary \"" + path + "\"");
    // SQLite falls back to reading only when the file is write-protected: say so
    // now, naming the file, before anything creates a -wal or -shm beside it.
    if (sqlite3_db_readonly(guard.db, "main") == 1)
        throw StoreError("Cannot open the diary \"" + path +
                         "\" for writing: the file (or its folder) is read-only. Make it writable, or copy it "
                         "elsewhere. The file was not changed.");
    configure(guard.db);
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
    inspect_or_create(path, false);
    if (fs::file_size(path, ec) == 0 && !fs::exists(path + "-wal", ec))
        throw StoreError(unchanged(path, "it is empty (0 bytes), not a diary."));
    store_detail::ReadOnlyDb ro(path);
    const int version = checked(ro.db(), path, OpenCheck::QuickCheckNow);
    if (version == schema::current_version() && !ro.is_private_copy()) {
        // Checks read each page about once (quick_check, then the records in order):
        // 512 KiB of cache, not SQLite's 2 MB, which the app's daily backup check
        // would hold beside the app's own (issue 19: the first start's peak memory).
        sql::exec(ro.db(), "PRAGMA cache_size = -512", "Cannot check the diary");
        std::unique_ptr<Store> store(new Store(ro.release(), path));
        return store;
    }
    // An older schema (or a private copy about to be removed): read it in memory,
    // migrated there, so that it loads like any diary; the file stays as it is.
    DbCloser mem{nullptr};
    if (sqlite3_open_v2(":memory:", &mem.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK)
        sql::fail(mem.db, "Cannot check \"" + path + "\"");
    sqlite3_backup* copy = sqlite3_backup_init(mem.db, "main", ro.db(), "main");
    if (!copy) sql::fail(mem.db, "Cannot check \"" + path + "\"");
    const int rc = sqlite3_backup_step(copy, -1);
    sqlite3_backup_finish(copy);
    if (rc != SQLITE_DONE) sql::fail(mem.db, "Cannot read \"" + path + "\"");
    configure(mem.db);
    upgrade(mem.db);
    std::unique_ptr<Store> store(new Store(mem.db, path));
    mem.db = nullptr;
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

}  // namespace

// Moves freed pages' old content out of the write-ahead log too (secure_delete
// already zeroes them in the main file). Best effort: a reader may hold the log.
void store_detail::flush_erased(sqlite3* db) {
    sqlite3_busy_timeout(db, kCheckpointWaitMs);   // a reader elsewhere: try again next time
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
}
using store_detail::flush_erased;

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
    d.tombstones = tombstones();
    d.questionnaire_responses = questionnaire_responses(true);
    normalize(d);
    return d;
}

std::vector<Tombstone> Store::tombstones() const {
    std::vector<Tombstone> out;
    sql::Stmt s(db_, "SELECT id, kind, deleted_utc FROM tombstones ORDER BY id");
    while (s.step()) out.push_back({s.text(0), s.text(1), s.i64(2)});
    return out;
}

void Store::replace_diary(const Diary& in) {
    update_diary([&](const Diary&) { return in; });
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
