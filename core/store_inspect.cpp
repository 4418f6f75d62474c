// Open to check, never to change: the read-only look at a file before the store
// writes to it (store_inspect.hpp, docs/storage.md).
#include "store_inspect.hpp"

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#ifndef _WIN32
#include <stdlib.h>
#endif

#include "store_schema.hpp"
#include "store_schema_fingerprint.hpp"
#include "store_sql.hpp"

namespace nd::store_detail {

namespace fs = std::filesystem;

std::string unchanged(const std::string& path, const std::string& why) {
    return "Cannot open the diary \"" + path + "\": " + why + " The file was not changed.";
}

std::int64_t pragma_int(sqlite3* db, const char* sql) {
    sql::Stmt s(db, sql);
    return s.step() ? s.i64(0) : 0;
}

void configure(sqlite3* db) {
    sqlite3_extended_result_codes(db, 1);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sql::exec(db,
              "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = FULL;",
              "Could not configure the diary database");
}

namespace {

std::uintmax_t size_or_zero(const std::string& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : n;
}

bool exists(const std::string& p) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(p, ec));
}

// "file:" URI of an absolute path, with the characters a URI gives meaning to
// escaped (SQLite decodes %HH).
std::string file_uri(const std::string& path) {
    std::error_code ec;
    const std::string abs = fs::absolute(path, ec).string();
    std::string out = "file:";
    for (const unsigned char c : ec ? path : abs) {
        if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

bool interrupted_creation(const std::string& path) {
    // A rollback journal's header: 8 magic bytes, then (big-endian) the record
    // count, the nonce and, at byte 16, the database's size in pages before the
    // transaction. 0 there: the database was empty, nothing to lose.
    static const unsigned char kMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
    if (size_or_zero(path + "-journal") < 20) return false;
    std::FILE* f = std::fopen((path + "-journal").c_str(), "rb");
    if (!f) return false;
    unsigned char h[20] = {};
    const bool read = std::fread(h, 1, sizeof h, f) == sizeof h;
    std::fclose(f);
    if (read && std::memcmp(h, kMagic, sizeof kMagic) == 0 && h[16] == 0 && h[17] == 0 && h[18] == 0 && h[19] == 0)
        return true;
    // Or the file's own header (bytes 68..71, big-endian) already carries our
    // application id: a write of ours was cut short after page 1 reached the file
    // (the creation's later steps run before the switch to WAL). No other program
    // writes that id, so rolling the journal back changes only our own diary.
    std::FILE* db = std::fopen(path.c_str(), "rb");
    if (!db) return false;
    unsigned char page1[72] = {};
    const bool got = std::fread(page1, 1, sizeof page1, db) == sizeof page1;
    std::fclose(db);
    const auto id = static_cast<std::uint32_t>(schema::kApplicationId);
    return got && page1[68] == ((id >> 24) & 0xff) && page1[69] == ((id >> 16) & 0xff) &&
           page1[70] == ((id >> 8) & 0xff) && page1[71] == (id & 0xff);
}

// SQLite's own rule for a hot journal (pager.c, hasHotJournal): the journal exists,
// the database is not empty, and the journal's first byte is not zero (a zeroed or
// empty journal was finished or never started and is ignored). Only a hot journal
// would be rolled back into the file, so only a hot journal is refused.
bool hot_journal(const std::string& path) {
    if (size_or_zero(path + "-journal") == 0 || size_or_zero(path) == 0) return false;
    std::FILE* f = std::fopen((path + "-journal").c_str(), "rb");
    if (!f) return true;   // cannot tell: treat as hot, refuse untouched
    const int first = std::fgetc(f);
    std::fclose(f);
    return first != 0 && first != EOF;
}

ReadOnlyDb::ReadOnlyDb(const std::string& path) {
    if (hot_journal(path))
        throw StoreError(unchanged(path, "another program was interrupted while writing it (it has a rollback "
                                         "journal, \"" + path + "-journal\"); it is not a Numbness Diary, or open "
                                         "it with that program first."));
    const bool has_wal = size_or_zero(path + "-wal") > 0;
    if (!has_wal) {
        open_uri(path, file_uri(path) + "?immutable=1");
        return;
    }
    if (exists(path + "-shm")) {
        open_uri(path, file_uri(path) + "?readonly_shm=1");
        // A -shm left by a process killed mid-write may need recovery, which a
        // reader that must not write cannot do: then read a private copy.
        char* err = nullptr;
        const int rc = sqlite3_exec(db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, &err);
        sqlite3_free(err);
        const int primary = rc & 0xff;
        if (primary != SQLITE_PROTOCOL && primary != SQLITE_READONLY && primary != SQLITE_BUSY &&
            primary != SQLITE_CANTOPEN)
            return;
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
    {
        // SQLite would create the -shm: read a private copy of the file and its WAL.
#ifndef _WIN32
        std::string templ = (fs::temp_directory_path() / "nd-check-XXXXXX").string();
        if (!::mkdtemp(templ.data()))
            throw StoreError(unchanged(path, "no private temporary folder to check it in."));
        temp_dir_ = templ;
#else
        temp_dir_ = (fs::temp_directory_path() / ("nd-check-" + std::to_string(std::rand()))).string();
        fs::create_directories(temp_dir_);
#endif
        const std::string copy = (fs::path(temp_dir_) / "diary").string();
        std::error_code ec;
        fs::copy_file(path, copy, ec);
        if (!ec) fs::copy_file(path + "-wal", copy + "-wal", ec);
        if (ec) {
            fs::remove_all(temp_dir_, ec);
            throw StoreError(unchanged(path, "it cannot be read (" + ec.message() + ")."));
        }
        open_uri(path, file_uri(copy));
    }
}

void ReadOnlyDb::open_uri(const std::string& path, const std::string& uri) {
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
    if (sqlite3_open_v2(uri.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close_v2(db_);
        db_ = nullptr;
        std::error_code ec;
        if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
        throw StoreError(unchanged(path, "it cannot be read (" + why + ")."));
    }
    sqlite3_db_config(db_, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

ReadOnlyDb::~ReadOnlyDb() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    if (!temp_dir_.empty()) {
        std::error_code ec;
        fs::remove_all(temp_dir_, ec);
        temp_dir_.clear();
    }
}

sqlite3* ReadOnlyDb::release() {
    sqlite3* db = db_;
    db_ = nullptr;
    return db;
}

namespace {

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

std::atomic<std::size_t> g_derivations{0};

}  // namespace

SchemaObjects schema_objects(sqlite3* db) {
    SchemaObjects out;
    sql::Stmt s(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema "
                    "WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'");
    while (s.step()) out[s.text(0)][s.text(1)] = {s.text(2), s.text(3)};
    return out;
}

// The schema a diary of `version` has: an empty database migrated to it. Derived,
// not listed, so that a new migration needs no second list to keep in step.
SchemaObjects expected_schema(int version) {
    ++g_derivations;
    sqlite3* mem = nullptr;
    if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(mem);
        throw StoreError("Cannot check the diary: out of memory");
    }
    struct Closer {
        sqlite3* db;
        ~Closer() { sqlite3_close(db); }
    } closer{mem};
    sql::exec(mem, "BEGIN", "Cannot check the diary");
    schema::migrate(mem, 0, version);
    sql::exec(mem, "COMMIT", "Cannot check the diary");
    return schema_objects(mem);
}

std::size_t expected_schema_derivations() { return g_derivations.load(); }

namespace {

std::string quoted(const std::string& s) { return "\"" + s.substr(0, 60) + "\""; }

// "" when equal, else the first difference in words.
std::string schema_difference(const SchemaObjects& have, const SchemaObjects& want) {
    for (const auto& [type, objects] : have)
        for (const auto& [name, what] : objects) {
            const auto t = want.find(type);
            if (t == want.end() || !t->second.count(name))
                return "it holds a " + type + " " + quoted(name) + " that Numbness Diary did not create";
            if (t->second.at(name) != what) return "its " + type + " " + quoted(name) + " is not as Numbness Diary made it";
        }
    for (const auto& [type, objects] : want)
        for (const auto& [name, what] : objects) {
            const auto t = have.find(type);
            if (t == have.end() || !t->second.count(name)) return "its " + type + " " + quoted(name) + " is missing";
        }
    return "";
}

}  // namespace

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
    // A trigger could delete rows on every save, a view or index could run
    // functions: exactly our schema at this version, nothing more, nothing less.
    // The fingerprint this build knows for the version: equal, the file's schema is
    // exactly ours, and the migrations need not run to say so. Otherwise (another
    // schema, or a version not listed) the difference in words, from the derivation.
    const auto have = schema_objects(db);
    const char* known = known_schema_fingerprint(static_cast<int>(version));
    if (!known || schema_fingerprint(have) != known) {
        const std::string diff = schema_difference(have, expected_schema(static_cast<int>(version)));
        if (!diff.empty())
            throw StoreError(unchanged(path, diff + "; it was changed by another program, and is not opened."));
    }
    // A migration writes to the file: never write to a file that was not checked.
    if (check == OpenCheck::Deferred && version < schema::current_version()) quick_check_or_refuse(db, path);
    return static_cast<int>(version);
}

}  // namespace nd::store_detail
