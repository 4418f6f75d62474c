// Every schema version that shipped is kept as a fixture database
// (tests/reliability/fixtures/schema-vN.sqlite, written by that version's `nd`,
// with its `numbness-diary-cli export` beside it as schema-vN.json). Each is opened by this
// version: migrated to the current schema, integrity ok, and the same diary.
// When a schema version ships, add its fixture here (docs/reliability.md).
#include <catch2/catch.hpp>

#include "rel_util.hpp"
#include "serialization.hpp"
#include "store.hpp"

#include <sqlite3.h>

#include <cstdlib>

using namespace ndrel;

namespace {
// From the configured source path, not __FILE__: with ccache's CCACHE_BASEDIR the
// compiler sees a relative __FILE__, which does not resolve from the test's folder.
fs::path fixtures_dir() { return ND_RELIABILITY_FIXTURES_DIR; }
}  // namespace

TEST_CASE("Every shipped schema version migrates to the current one with its content intact", "[migration]") {
    const fs::path fixtures = fixtures_dir();
    TempDir tmp("migrate");
    int found = 0;
    for (int v = 1; v <= nd::Store::current_schema_version(); ++v) {
        const fs::path db = fixtures / ("schema-v" + std::to_string(v) + ".sqlite");
        const fs::path json = fixtures / ("schema-v" + std::to_string(v) + ".json");
        INFO("schema version " << v);
        // A version without a fixture was never shipped on its own.
        if (v > 1 && !fs::exists(db)) continue;
        REQUIRE(fs::exists(db));
        REQUIRE(fs::exists(json));
        ++found;
        const std::string path = tmp.file("v" + std::to_string(v) + ".sqlite");
        fs::copy_file(db, path);
        ::chmod(path.c_str(), 0644);
        const nd::Diary want = nd::diary_from_json(read_bytes(json.string()));
        {
            auto s = nd::Store::open(path);
            CHECK(s->schema_version() == nd::Store::current_schema_version());
            CHECK(s->integrity_check() == "ok");
            CHECK(s->load_diary() == want);
        }
        CHECK(file_mode(path) == 0600);
        auto again = nd::Store::open(path);
        CHECK(again->load_diary() == want);
    }
    CHECK(found >= 1);
}

// Schema 2: numbness and pain may be NULL ("not rated"). The version-1 table had them
// NOT NULL; the rebuild must keep every stored number, accept NULL, and still refuse
// a value outside 0..10.
TEST_CASE("Schema 2 keeps version-1 severities, stores 'not rated' as NULL and still checks 0..10", "[migration]") {
    const fs::path fixtures = fixtures_dir();
    TempDir tmp("migrate-v2");
    const std::string path = tmp.file("v1.sqlite");
    fs::copy_file(fixtures / "schema-v1.sqlite", path);
    ::chmod(path.c_str(), 0644);
    const nd::Diary v1 = nd::diary_from_json(read_bytes((fixtures / "schema-v1.json").string()));
    REQUIRE_FALSE(v1.episodes.empty());
    nd::Episode unrated = v1.episodes.front();
    {
        auto s = nd::Store::open(path);
        REQUIRE(s->schema_version() >= 2);
        const nd::Diary got = s->load_diary();
        REQUIRE(got.episodes.size() == v1.episodes.size());
        for (std::size_t i = 0; i < got.episodes.size(); ++i) {
            REQUIRE(v1.episodes[i].numbness.has_value());   // version 1 always held a number
            CHECK(got.episodes[i].numbness == v1.episodes[i].numbness);
            CHECK(got.episodes[i].pain == v1.episodes[i].pain);
        }
        unrated.numbness.reset();
        unrated.pain.reset();
        const nd::Episode stored = s->update_episode(unrated);
        CHECK_FALSE(stored.numbness.has_value());
    }
    {
        auto s = nd::Store::open(path);
        const auto back = s->episode(unrated.id);
        REQUIRE(back);
        CHECK_FALSE(back->numbness.has_value());
        CHECK_FALSE(back->pain.has_value());
    }
    // The CHECK constraint survived the rebuild: a raw write of 11 is refused.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    const std::string sql = "UPDATE episodes SET numbness = 11 WHERE id = '" + unrated.id + "'";
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_CONSTRAINT);
    int null_count = -1;
    sqlite3_exec(
        db, "SELECT count(*) FROM episodes WHERE numbness IS NULL",
        [](void* out, int, char** v, char**) {
            *static_cast<int*>(out) = std::atoi(v[0]);
            return 0;
        },
        &null_count, nullptr);
    CHECK(null_count == 1);
    sqlite3_close(db);
}
