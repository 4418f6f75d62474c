// Every schema version that shipped is kept as a fixture database
// (tests/reliability/fixtures/schema-vN.sqlite, written by that version's `nd`,
// with its `nd export` beside it as schema-vN.json). Each is opened by this
// version: migrated to the current schema, integrity ok, and the same diary.
// When a schema version ships, add its fixture here (docs/reliability.md).
#include <catch2/catch.hpp>

#include "rel_util.hpp"
#include "serialization.hpp"
#include "store.hpp"

using namespace ndrel;

TEST_CASE("Every shipped schema version migrates to the current one with its content intact", "[migration]") {
    // Not __FILE__: with a compiler cache's base folder it is relative to the build.
    const fs::path fixtures = ND_RELIABILITY_FIXTURES_DIR;
    TempDir tmp("migrate");
    int found = 0;
    for (int v = 1; v <= nd::Store::current_schema_version(); ++v) {
        const fs::path db = fixtures / ("schema-v" + std::to_string(v) + ".sqlite");
        const fs::path json = fixtures / ("schema-v" + std::to_string(v) + ".json");
        INFO("schema version " << v);
        // Version numbers are reserved per branch (2 and 3 for other work while
        // 4 was built); a version that has not shipped has no fixture yet.
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
