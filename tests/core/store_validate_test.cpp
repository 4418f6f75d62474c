// validate_stored (core/store_validate.hpp): the automatic backup's check of every
// record, made one episode at a time, finds what validate(load_diary()) finds, with
// the same message, and check_and_back_up never backs up such a diary.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "auto_backup.hpp"
#include "demo_diary.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "store_validate.hpp"
#include "raw_sql.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;

// A fresh folder, removed at the end (tests/support/temp_dir.hpp).
struct Folder : nd::test::TempDir {
    Folder() : TempDir("nd_store_validate") {}
};

// A change no Store call would make (each one passes quick_check and the table's
// constraints), written with the plain sqlite3 API.
using nd::test::raw_sql;

std::string problem_whole(const std::string& path) {
    try {
        nd::validate(nd::Store::open_read_only(path)->load_diary());
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::string problem_streamed(const std::string& path) {
    try {
        nd::validate_stored(*nd::Store::open_read_only(path));
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace

TEST_CASE("The streamed record check finds what the whole-diary check finds, in the same words", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    const nd::Diary d = nd::make_generated_diary(400, 3, kNow);
    nd::Store::open(diary)->replace_diary(d);
    REQUIRE(problem_whole(diary).empty());
    CHECK(problem_streamed(diary).empty());

    const std::string second = d.episodes[200].id;
    const std::string checkin = d.checkins[10].id;
    SECTION("an episode's id used again by a check-in") {
        raw_sql(diary, "UPDATE checkins SET id = '" + second + "' WHERE id = '" + checkin + "'");
    }
    SECTION("a note that is not UTF-8") {
        raw_sql(diary, "UPDATE episodes SET note = CAST(X'61FF62' AS TEXT) WHERE id = '" + second + "'");
    }
    SECTION("an episode's start in the year 2500") {
        raw_sql(diary, "UPDATE episodes SET start_utc = 16725225600 WHERE id = '" + second + "'");
    }
    SECTION("a medicine's id used again by an episode") {
        REQUIRE_FALSE(d.medicines.empty());
        raw_sql(diary, "UPDATE episodes SET id = '" + d.medicines[0].id + "' WHERE id = '" + second + "'");
    }
    const std::string whole = problem_whole(diary);
    REQUIRE_FALSE(whole.empty());
    CHECK(problem_streamed(diary) == whole);

    // The automatic backup's check refuses it: no backup of a diary that does not read.
    const auto report = nd::check_and_back_up(diary, kNow);
    CHECK(report.damaged);
    CHECK(report.problems.find(whole) != std::string::npos);
    CHECK_FALSE(report.backup_made);
    CHECK(nd::list_backups(diary).empty());
}

// validate_stored keeps only a hash of each id and date, and reads the records a
// second time (with exact sets) when two hashes are equal; it keeps checking after
// the first bad value only to learn whether a duplicate came before it. Whatever
// the mix, the problem it names must be the first one validate(load_diary()) meets.
TEST_CASE("The streamed record check names the first of several problems, as the whole-diary check does",
          "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    nd::Diary d = nd::make_generated_diary(400, 5, kNow);
    nd::normalize(d);   // the order the checks meet the records in
    nd::Store::open(diary)->replace_diary(d);
    REQUIRE(d.checkins.size() > 50);
    REQUIRE_FALSE(d.medicines.empty());
    auto bad_note = [&](const char* table, const std::string& id) {
        raw_sql(diary, std::string("UPDATE ") + table + " SET note = CAST(X'61FF62' AS TEXT) WHERE id = '" + id + "'");
    };
    auto set_id = [&](const char* table, const std::string& from, const std::string& to) {
        raw_sql(diary, std::string("UPDATE ") + table + " SET id = '" + to + "' WHERE id = '" + from + "'");
    };
    std::string expected;   // the record the first problem is in
    SECTION("a bad note in an episode, then an id used twice (found at the check-in)") {
        bad_note("episodes", d.episodes[100].id);
        set_id("checkins", d.checkins[10].id, d.episodes[200].id);
        expected = "episode " + d.episodes[100].id + ": note";
    }
    SECTION("an id used twice (found at a check-in), then a bad note in a later check-in") {
        set_id("checkins", d.checkins[10].id, d.episodes[200].id);
        bad_note("checkins", d.checkins[50].id);
        expected = "check-in " + d.episodes[200].id + ": id";
    }
    SECTION("a bad note in a check-in, then an id used twice by a later check-in") {
        bad_note("checkins", d.checkins[5].id);
        set_id("checkins", d.checkins[10].id, d.episodes[200].id);
        expected = "check-in " + d.checkins[5].id + ": note";
    }
    SECTION("two ids used twice: the first found is named") {
        set_id("checkins", d.checkins[40].id, d.episodes[300].id);
        set_id("checkins", d.checkins[20].id, d.episodes[5].id);
        expected = "check-in " + d.episodes[5].id + ": id";
    }
    SECTION("an id used twice, found at the medicine, after a bad check-in") {
        set_id("episodes", d.episodes[7].id, d.medicines[0].id);
        bad_note("checkins", d.checkins[3].id);
        expected = "check-in " + d.checkins[3].id + ": note";
    }
    SECTION("rows read out of their order (the start index damaged; quick_check does not see it)") {
        // The index rebuilt newest first while its schema said so, then the schema
        // put back: the file looks as the app made it, but the store's ORDER BY now
        // walks the index backwards. load_diary() sorts the episodes again.
        auto index_sql = [&](const char* from, const char* to) {
            raw_sql(diary, std::string("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, '") +
                               from + "', '" + to + "') WHERE name = 'episodes_by_start'");
        };
        index_sql("(start_utc, id)", "(start_utc DESC, id DESC)");
        raw_sql(diary, "REINDEX episodes_by_start");
        index_sql("(start_utc DESC, id DESC)", "(start_utc, id)");
        {
            std::vector<std::string> order;
            nd::Store::open_read_only(diary)->for_each_episode([&](const nd::Episode& e) { order.push_back(e.id); });
            REQUIRE(order.size() == d.episodes.size());
            REQUIRE(order.front() == d.episodes.back().id);   // really read backwards
        }
        bad_note("episodes", d.episodes[20].id);
        bad_note("episodes", d.episodes[300].id);
        expected = "episode " + d.episodes[20].id + ": note";
    }
    const std::string whole = problem_whole(diary);
    INFO(whole);
    REQUIRE(whole.rfind(expected, 0) == 0);
    CHECK(problem_streamed(diary) == whole);
}
