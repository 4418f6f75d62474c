// Every schema version that shipped is kept as a fixture database
// (tests/reliability/fixtures/schema-vN.sqlite, written by that version's `nd`,
// with its `nd export` beside it as schema-vN.json). Each is opened by this
// version: migrated to the current schema, integrity ok, and the same diary.
// When a schema version ships, add its fixture here (docs/reliability.md).
#include <catch2/catch.hpp>

#include "rel_util.hpp"
#include "serialization.hpp"
#include "store.hpp"

#include <sqlite3.h>

using namespace ndrel;

namespace {
// The fixtures folder by an absolute path (__FILE__ is relative when ccache rewrites
// paths under CCACHE_BASEDIR, and ctest runs the tests from another folder).
fs::path fixtures_dir() {
    const fs::path here = fs::path(__FILE__).parent_path() / "fixtures";
    if (fs::exists(here)) return here;
    return fs::path(ND_FUZZ_CORPUS_DIR).parent_path().parent_path() / "reliability" / "fixtures";
}
}  // namespace

TEST_CASE("Every shipped schema version migrates to the current one with its content intact", "[migration]") {
    const fs::path fixtures = fixtures_dir();
    TempDir tmp("migrate");
    int found = 0;
    for (int v = 1; v <= nd::Store::current_schema_version(); ++v) {
        const fs::path db = fixtures / ("schema-v" + std::to_string(v) + ".sqlite");
        const fs::path json = fixtures / ("schema-v" + std::to_string(v) + ".json");
        INFO("schema version " << v);
        // Versions taken by issues not merged yet have no fixture until they ship.
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

// Schema 3 (issue #14): the FHIR Patient id moves from the setting (outside backups)
// into the profile, so it travels with the backup; the new fields start empty.
TEST_CASE("Schema 1 to 3 keeps the FHIR patient id and starts the new profile fields empty", "[migration]") {
    const fs::path fixtures = fixtures_dir();
    TempDir tmp("migrate3");
    const std::string path = tmp.file("v1.sqlite");
    fs::copy_file(fixtures / "schema-v1.sqlite", path);
    ::chmod(path.c_str(), 0600);
    const std::string id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        const std::string sql = "INSERT INTO settings (key, value) VALUES ('export.fhir_patient_uuid', '" + id + "')";
        CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const nd::Diary want = nd::diary_from_json(read_bytes((fixtures / "schema-v1.json").string()));
    auto s = nd::Store::open(path);
    CHECK(s->schema_version() == nd::Store::current_schema_version());
    const nd::Profile p = s->profile();
    CHECK(p.fhir_patient_id == id);
    CHECK(p.name == want.profile.name);
    CHECK(p.birth_date == want.profile.birth_date);
    CHECK(p.complaint_began.empty());
    CHECK(p.health_number.empty());
    CHECK(p.questions.empty());
    // And the new fields are kept once set.
    nd::Profile q = p;
    q.complaint_began = "2025-11-02";
    q.health_number = "943 476 5919";
    q.questions = {"Could this be my back?", "Should I stop the statin?"};
    s->set_profile(q);
    const nd::Profile r = nd::Store::open(path)->profile();
    CHECK(r.complaint_began == "2025-11-02");
    CHECK(r.health_number == "943 476 5919");
    CHECK(r.questions == q.questions);
    CHECK(r.fhir_patient_id == id);
}
