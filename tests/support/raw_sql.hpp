// Runs SQL on a diary file with the plain sqlite3 API, no Store: for tests that
// build old, foreign or damaged files, or make a change no Store call would make.
#pragma once

#include <sqlite3.h>

#include <string>

#include <catch2/catch.hpp>

namespace nd::test {

inline void raw_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace nd::test
