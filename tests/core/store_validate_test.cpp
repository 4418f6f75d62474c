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
