// Opening a diary compares its schema with ours by a fingerprint known for each
// schema version (core/store_schema_fingerprint.hpp) instead of running every
// migration on an empty database on every open (issue 19: more than half of a `log`
// command's work). The migrations stay the authority: each known fingerprint must
// be theirs, and a file that differs is still described and refused by them.
#include <catch2/catch.hpp>

#include <string>

#include "store.hpp"
#include "store_inspect.hpp"
#include "store_schema.hpp"
#include "raw_sql.hpp"
#include "temp_dir.hpp"

using namespace nd;
using nd::test::raw_sql;
using nd::test::TempDir;

TEST_CASE("every schema version's known fingerprint is that of the migrations' schema", "[store][schema]") {
    for (int v = 1; v <= schema::current_version(); ++v) {
        const std::string derived = store_detail::schema_fingerprint(store_detail::expected_schema(v));
        const char* known = store_detail::known_schema_fingerprint(v);
        // A new migration: add {v, "<derived>"} to kKnown in core/store_schema_fingerprint.cpp.
        INFO("schema version " << v << ": the migrations give " << derived);
        CHECK(known != nullptr);
        if (known) CHECK(std::string(known) == derived);
    }
    CHECK(store_detail::known_schema_fingerprint(schema::current_version() + 1) == nullptr);
}

TEST_CASE("the fingerprint tells apart objects that differ in any field, or only in where a field ends",
          "[store][schema]") {
    const store_detail::SchemaObjects a{{"table", {{"t", {"t", "CREATE TABLE t (x)"}}}}};
    auto b = a;
    std::get<1>(b["table"]["t"]) = "CREATE TABLE t (y)";
    const store_detail::SchemaObjects c{{"table", {{"t", {"t", "CREATE TABLE t (x)"}}}}, {"index", {}}};
    // The same characters, split between name and table differently.
    const store_detail::SchemaObjects d{{"index", {{"ab", {"c", ""}}}}};
    const store_detail::SchemaObjects e{{"index", {{"a", {"bc", ""}}}}};
    CHECK(store_detail::schema_fingerprint(a) == store_detail::schema_fingerprint(a));
    CHECK(store_detail::schema_fingerprint(a) != store_detail::schema_fingerprint(b));
    CHECK(store_detail::schema_fingerprint(d) != store_detail::schema_fingerprint(e));
    // An empty type adds nothing: the same objects (the map never holds one from a file).
    CHECK(store_detail::schema_fingerprint(a) == store_detail::schema_fingerprint(c));
    CHECK(store_detail::schema_fingerprint(a).size() == 64);
}

TEST_CASE("opening a diary whose schema is ours runs no migration to compare it", "[store][schema]") {
    TempDir dir("fingerprint");
    const std::string path = dir.file("diary.sqlite");
    Store::open(path)->set_setting("k", "v");   // a new diary, at the current version

    const auto before = store_detail::expected_schema_derivations();
    Store::open(path);
    Store::open_read_only(path);
    CHECK(store_detail::expected_schema_derivations() == before);

    SECTION("an older version too, before it is migrated") {
        const std::string old = dir.file("v4.sqlite");
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(old.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
        schema::migrate(db, 0, 4);
        REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
        const auto at = store_detail::expected_schema_derivations();
        CHECK(Store::open(old)->schema_version() == schema::current_version());
        CHECK(store_detail::expected_schema_derivations() == at);
    }
}

TEST_CASE("a schema off by one index's column order is still refused, in words", "[store][schema]") {
    TempDir dir("fingerprint");
    const std::string path = dir.file("diary.sqlite");
    Store::open(path)->set_setting("k", "v");
    raw_sql(path, "DROP INDEX episodes_by_start; CREATE INDEX episodes_by_start ON episodes (id, start_utc);");
    const auto before = store_detail::expected_schema_derivations();
    try {
        Store::open(path);
        FAIL("opened a diary whose index was changed");
    } catch (const StoreError& e) {
        CHECK_THAT(e.what(), Catch::Contains("its index \"episodes_by_start\" is not as Numbness Diary made it"));
        CHECK_THAT(e.what(), Catch::Contains("The file was not changed."));
    }
    CHECK(store_detail::expected_schema_derivations() == before + 1);
}
