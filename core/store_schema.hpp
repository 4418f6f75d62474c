// The diary database's schema and its migrations (see docs/storage.md).
// Migrations are applied in order by PRAGMA user_version, all inside one
// transaction; a new schema version appends one step to kMigrations.
#pragma once

#include <cstdint>

struct sqlite3;

namespace nd::schema {

// 'NDIA': marks a SQLite file as a Numbness Diary database (PRAGMA application_id).
inline constexpr std::int32_t kApplicationId = 0x4E444941;

// The newest schema this build writes and understands.
int current_version();

// Brings a database at `from_version` (0 = empty) up to current_version() and
// stamps application_id and user_version. Must run inside a write transaction.
// Throws StoreError.
void migrate(sqlite3* db, int from_version);
// The same, stopping at `to_version` (the expected schema of a file of that
// version is an empty database migrated this way: store_inspect.cpp).
void migrate(sqlite3* db, int from_version, int to_version);

}  // namespace nd::schema
