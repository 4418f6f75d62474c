// Schema 5 (core/store_schema.cpp): a partial index of the episodes that spread, by
// where they spread from, so that judging a fast spread reads a range, not the whole
// table. A version-4 diary gains it on opening, and the history the red-flag rule
// reads through it is the same as the rule's own definition over the whole diary.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <string>

#include "red_flags.hpp"
#include "store.hpp"
#include "raw_sql.hpp"
#include "temp_dir.hpp"

using namespace nd;
using nd::test::raw_sql;

namespace {

bool has_index(const std::string& path, const char* name) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", -1, &st, nullptr) ==
            SQLITE_OK);
    sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
    const bool found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return found;
}

// A spread from the buttock to the calf within minutes, in one leg.
Episode spread_from_buttock(std::int64_t start, Side side) {
    Episode e;
    e.start = {start, 60};
    e.duration_min = 20;
    e.regions = {{Region::Buttock, side}, {Region::Calf, side}};
    e.sensations = {Sensation::Numbness, Sensation::Tingling};
    e.spread = true;
    e.spread_from = Region::Buttock;
    e.spread_to = Region::Calf;
    e.spread_speed = SpreadSpeed::Minutes;
    return e;
}

std::string flags_text(const std::vector<RedFlag>& flags) {
    std::string out;
    for (const auto& f : flags) {
        out += std::to_string(static_cast<int>(f.kind)) + " " + f.episode_id + " " + f.title + ":";
        for (const auto& r : f.reasons) out += " " + r + ";";
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("A version-4 diary gains the index of spreads, and a spread is judged the same through it") {
    test::TempDir tmp;
    const auto path = tmp.file("diary.db");
    const std::int64_t day = 86400, t0 = 1'767'225'600;   // 2026-01-01
    std::string deleted_id, newest_id;
    {
        auto s = Store::open(path);
        s->add_episode(spread_from_buttock(t0, Side::Right));                   // the first: a new path
        deleted_id = s->add_episode(spread_from_buttock(t0 + 10 * day, Side::Left)).id;
        s->delete_episode(deleted_id);                                          // in the bin: not history
        Episode toes;                                                           // no spread: not in the index
        toes.start = {t0 + 20 * day, 60};
        toes.regions = {{Region::Toes, Side::Both}};
        toes.sensations = {Sensation::Numbness};
        s->add_episode(toes);
        newest_id = s->add_episode(spread_from_buttock(t0 + 40 * day, Side::Right)).id;
    }
    REQUIRE(has_index(path, "episodes_spreads_by_from"));
    // Make it the file an app of schema 4 wrote.
    raw_sql(path, "DROP INDEX episodes_spreads_by_from; PRAGMA user_version = 4;");
    REQUIRE_FALSE(has_index(path, "episodes_spreads_by_from"));

    {   // opening migrates it (closed before the plain look: the web build's SQLite locks exclusively)
        auto s = Store::open(path);
        CHECK(s->schema_version() == 5);
    }
    CHECK(has_index(path, "episodes_spreads_by_from"));
    auto s = Store::open(path);

    const Diary d = s->load_diary();
    const Episode newest = *s->episode(newest_id);
    // The rule's own definition over the whole diary, and the partial read.
    CHECK(flags_text(red_flags_for(newest, *s)) == flags_text(red_flags_for(newest, d)));
    const auto history = s->red_flag_history(newest, kClimbWindowSeconds, true);
    REQUIRE(history.size() == 1);   // the first spread only: not the one in the bin, not the toes
    CHECK(history[0].start.utc == t0);
    // The newest repeats a path the diary already has: familiar, so its fast spread raises nothing.
    for (const auto& f : red_flags_for(newest, *s)) CHECK(f.kind != RedFlagKind::RapidSpreadOrLegWeakness);
}
