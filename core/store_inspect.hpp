// Looking at a file before writing to it (private to the store): "open to check,
// never to change" (docs/storage.md, "Opening: the refusal rules").
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "store_error.hpp"
#include "store_schema_fingerprint.hpp"

namespace nd::store_detail {

// True when the file's "-journal" is that of its own creation cut short (the
// database was empty when the transaction began): rolling it back loses nothing.
bool interrupted_creation(const std::string& path);

// "Cannot open the diary "<path>": <why> The file was not changed."
std::string unchanged(const std::string& path, const std::string& why);

std::int64_t pragma_int(sqlite3* db, const char* sql);

// A read-only connection to an existing file that changes none of its bytes, nor
// those of its -wal, -shm or -journal:
// - a hot rollback journal (a non-empty "-journal") is refused untouched (reading
//   would roll it back);
// - no -wal (or an empty one): opened `immutable`, nothing else to read, no lock,
//   no -wal or -shm created;
// - a -wal and its -shm: opened read-only with `readonly_shm` (reads the WAL
//   without checkpointing, writes nothing to the -shm); when that -shm needs a
//   recovery (its writer was killed), as below;
// - a -wal without its -shm: the file and its WAL are copied into a private
//   temporary folder and the copy is read (removed on close).
// The connection never checkpoints on close.
class ReadOnlyDb {
public:
    explicit ReadOnlyDb(const std::string& path);
    ~ReadOnlyDb();
    ReadOnlyDb(const ReadOnlyDb&) = delete;
    ReadOnlyDb& operator=(const ReadOnlyDb&) = delete;
    sqlite3* db() const { return db_; }
    // Hands the connection over (the caller closes it); the private copy, if any,
    // is removed on the next close of this object, so only call without one.
    sqlite3* release();
    bool is_private_copy() const { return !temp_dir_.empty(); }

private:
    void open_uri(const std::string& path, const std::string& uri);
    sqlite3* db_ = nullptr;
    std::string temp_dir_;
};

// The read-only checks (docs/storage.md): quick_check (now, or before a migration
// when deferred), application id, user_version, and the schema exactly as this
// version's migrations make it at the file's own version: the same tables,
// columns, indexes, and no trigger or view we did not create. Returns the schema
// version found (0: an empty, new database). Throws StoreError /
// StoreDamagedError with "The file was not changed."
int check_ours(sqlite3* db, const std::string& path, OpenCheck check);

// The schema objects in `db`, and those a diary of `version` has (an empty
// in-memory database migrated to it: the authority that check_ours only consults
// when the file's fingerprint is not the one known for its version).
SchemaObjects schema_objects(sqlite3* db);
SchemaObjects expected_schema(int version);
// How many times this process has derived an expected schema (tests: an open of a
// diary whose schema is as ours must not).
std::size_t expected_schema_derivations();

// Connection settings that write nothing.
void configure(sqlite3* db);

}  // namespace nd::store_detail
