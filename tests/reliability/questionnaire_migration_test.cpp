// Schema version 4 (questionnaire responses, docs/questionnaires.md): a diary of
// version 1 (the shipped fixture) gains the new table, keeps every record and
// tombstone, and then stores responses and their tombstones.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "rel_util.hpp"
#include "serialization.hpp"
#include "store.hpp"

using namespace ndrel;

namespace {

std::vector<std::string> tables(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &st, nullptr);
    std::vector<std::string> out;
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("A version-1 diary migrates to version 4 with questionnaire responses", "[migration][questionnaire]") {
    // From the source tree (__FILE__ is relative when ccache's CCACHE_BASEDIR is set).
    const fs::path fixtures = ND_RELIABILITY_FIXTURES_DIR;
    TempDir tmp("migrate-q");
    const std::string path = tmp.file("v1.sqlite");
    fs::copy_file(fixtures / "schema-v1.sqlite", path);
    const nd::Diary want = nd::diary_from_json(read_bytes((fixtures / "schema-v1.json").string()));
    REQUIRE_FALSE(want.tombstones.empty());
    {
        const auto before = tables(path);
        CHECK(std::find(before.begin(), before.end(), "questionnaire_responses") == before.end());
    }
    auto s = nd::Store::open(path);
    CHECK(s->schema_version() >= 4);
    CHECK(s->integrity_check() == "ok");
    CHECK(s->load_diary() == want);  // tombstones carried over by the table rebuild
    const auto after = tables(path);
    CHECK(std::find(after.begin(), after.end(), "questionnaire_responses") != after.end());
    CHECK(std::find(after.begin(), after.end(), "tombstones_v4") == after.end());

    nd::QuestionnaireResponse r;
    r.questionnaire = "mnsi_history";
    r.version = "1";
    r.taken = {1772400000, 60};
    r.answers = {{"1", "yes"}, {"2", "no"}};
    r.score = 1;
    r = s->put_questionnaire_response(r);
    s->delete_questionnaire_response(r.id);
    s->empty_bin();
    const auto d = s->load_diary();
    CHECK(d.questionnaire_responses.empty());
    bool tomb = false;
    for (const auto& t : d.tombstones) tomb = tomb || (t.id == r.id && t.kind == "questionnaire_response");
    CHECK(tomb);
    s.reset();
    auto again = nd::Store::open(path);
    CHECK(again->load_diary() == d);
}
