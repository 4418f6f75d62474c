#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "sample_diary.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "raw_sql.hpp"
#include "temp_dir.hpp"
#include "time_util.hpp"

using namespace nd;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
using nd::test::TempDir;

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

using nd::test::raw_sql;   // plain SQLite, no Store: to build foreign or old files

std::string open_error(const std::string& path) {
    try {
        Store::open(path);
    } catch (const StoreError& e) {
        return e.what();
    }
    FAIL("Store::open accepted " << path);
    return {};
}

std::unique_ptr<Store> clocked(std::unique_ptr<Store> s, std::int64_t* t) {
    s->set_clock([t] { return *t; });
    return s;
}

Episode sample_episode() {
    Episode e = test::sample_diary().episodes[1];
    e.id.clear();
    e.deleted_utc.reset();
    return e;
}

}  // namespace

TEST_CASE("A new diary file is created with the current schema, owner-only") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    {
        auto s = Store::open(path);
        CHECK(s->schema_version() == Store::current_schema_version());
        CHECK(s->integrity_check() == "ok");
        s->set_setting("theme", "dark");
        for (const char* suffix : {"", "-wal"}) {
            struct stat st {};
            REQUIRE(::stat((path + suffix).c_str(), &st) == 0);
            CHECK((st.st_mode & 0777) == 0600);
        }
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 0x4E444941);
    sqlite3_finalize(st);
    REQUIRE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("Everything saved is there after reopening the file") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    const Diary d = test::sample_diary();
    {
        auto s = Store::open(path);
        s->replace_diary(d);
        s->set_setting("reminder", "20:00");
    }
    auto s = Store::open(path);
    CHECK(s->load_diary() == d);
    CHECK(s->setting("reminder") == "20:00");
    CHECK_FALSE(s->setting("missing"));
}

TEST_CASE("Episodes: add, read, update, end, range queries") {
    std::int64_t t = test::kSampleNow;
    auto s = clocked(Store::open_in_memory(), &t);
    Episode e = sample_episode();
    const Episode added = s->add_episode(e);
    CHECK(is_uuid(added.id));
    CHECK(added.created_utc == t);
    CHECK(added.updated_utc == t);
    REQUIRE(s->episode(added.id));
    CHECK(*s->episode(added.id) == added);
    CHECK_THROWS_AS(s->add_episode(added), StoreError);  // same id twice

    t += 60;
    Episode changed = added;
    changed.note = "edited";
    changed.numbness = 4;
    const Episode updated = s->update_episode(changed);
    CHECK(updated.updated_utc == t);
    CHECK(updated.created_utc == added.created_utc);
    CHECK(s->episode(added.id)->note == "edited");

    Episode ghost = added;
    ghost.id = new_uuid();
    CHECK_THROWS_AS(s->update_episode(ghost), StoreError);

    Episode bad = added;
    bad.pain = 11;
    CHECK_THROWS_AS(s->update_episode(bad), StoreError);
    CHECK(s->episode(added.id)->pain == updated.pain);  // nothing half-written

    // Ending a still-going episode: duration from start to now.
    Episode going = sample_episode();
    going.ongoing = true;
    going.duration_min.reset();
    going.start.utc = t - 3600;
    const Episode g = s->add_episode(going);
    const Episode ended = s->end_episode(g.id);
    CHECK_FALSE(ended.ongoing);
    CHECK(ended.duration_min == 60);
    CHECK(*s->episode(g.id) == ended);
    CHECK_THROWS_AS(s->end_episode(new_uuid()), StoreError);

    // Range queries are half-open and ordered by start.
    const std::int64_t base = 1767571200;
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        Episode x = sample_episode();
        x.start.utc = base + i * 86400;
        ids.push_back(s->add_episode(x).id);
    }
    auto in = s->episodes({base + 86400, base + 3 * 86400});
    REQUIRE(in.size() == 2);
    CHECK(in[0].id == ids[1]);
    CHECK(in[1].id == ids[2]);
    CHECK(s->episodes({base + 4 * 86400, std::nullopt}).size() >= 1);
    CHECK(s->episodes({std::nullopt, base}).empty());
    CHECK(s->episodes().size() == 7);
}

TEST_CASE("Delete moves to the bin and restore undoes it") {
    std::int64_t t = test::kSampleNow;
    auto s = clocked(Store::open_in_memory(), &t);
    const Episode e = s->add_episode(sample_episode());
    t += 10;
    s->delete_episode(e.id);
    CHECK(s->episodes().empty());
    REQUIRE(s->episodes({}, true).size() == 1);
    CHECK(s->episode(e.id)->deleted_utc == t);
    s->restore_episode(e.id);
    CHECK(s->episodes().size() == 1);
    CHECK_FALSE(s->episode(e.id)->deleted_utc);
    CHECK_THROWS_AS(s->delete_episode(new_uuid()), StoreError);
    CHECK_THROWS_AS(s->restore_episode(new_uuid()), StoreError);

    const CheckIn c = s->put_checkin({"", "2026-01-05", {GeneralSymptom::Exhaustion}, false, "", 0, 0, {}});
    s->delete_checkin(c.id);
    CHECK_FALSE(s->checkin("2026-01-05"));
    CHECK(s->checkins().empty());
    CHECK(s->checkins(true).size() == 1);
    s->restore_checkin(c.id);
    CHECK(s->checkin("2026-01-05"));

    const auto f = s->put_fact({"", FactKind::Diabetes, "type 2", "2015-01-01", std::nullopt, 0, 0, {}});
    s->delete_fact(f.id);
    CHECK(s->facts().empty());
    s->restore_fact(f.id);
    CHECK(s->facts().size() == 1);

    const auto m = s->put_medicine({"", "B12", "1 mg", "daily", "", TriState::Unknown, "", 0, 0, {}});
    s->delete_medicine(m.id);
    CHECK(s->medicines().empty());
    CHECK(s->medicines(true).size() == 1);
    s->restore_medicine(m.id);
    CHECK(s->medicines().size() == 1);
}

TEST_CASE("Check-ins are one per date and putting a date again replaces it") {
    std::int64_t t = test::kSampleNow;
    auto s = clocked(Store::open_in_memory(), &t);
    const CheckIn first = s->put_checkin({"", "2026-01-05", {GeneralSymptom::BackPain}, false, "a", 0, 0, {}});
    t += 100;
    const CheckIn second =
        s->put_checkin({"", "2026-01-05", {GeneralSymptom::RestlessLegs}, true, "b", 0, 0, {}});
    CHECK(second.id == first.id);
    CHECK(second.created_utc == first.created_utc);
    CHECK(second.updated_utc == t);
    REQUIRE(s->checkins().size() == 1);
    CHECK(s->checkin("2026-01-05")->note == "b");
    CHECK(s->checkin("2026-01-05")->symptoms == std::vector<GeneralSymptom>{GeneralSymptom::RestlessLegs});
    s->put_checkin({"", "2026-01-06", {}, true, "", 0, 0, {}});
    CHECK(s->checkins().size() == 2);
    CHECK(s->checkins()[0].date == "2026-01-05");
    CHECK_THROWS_AS(s->put_checkin({"", "2026-02-30", {}, true, "", 0, 0, {}}), StoreError);
}

TEST_CASE("Profile, background facts and medicines are saved and edited") {
    std::int64_t t = test::kSampleNow;
    auto s = clocked(Store::open_in_memory(), &t);
    CHECK(s->profile() == Profile{});
    s->set_profile({"Anna", "1968-04-30", 0});
    CHECK(s->profile() == Profile{"Anna", "1968-04-30", t});
    CHECK_THROWS_AS(s->set_profile({"Anna", "1968-02-30", 0}), StoreError);

    auto f = s->put_fact({"", FactKind::AlcoholUse, "beer", "", 10.5, 0, 0, {}});
    CHECK(is_uuid(f.id));
    t += 5;
    f.amount = 3.0;
    const auto f2 = s->put_fact(f);
    CHECK(f2.created_utc == f.created_utc);
    REQUIRE(s->facts().size() == 1);
    CHECK(s->facts()[0].amount == 3.0);
    f.amount = std::nan("");
    CHECK_THROWS_AS(s->put_fact(f), StoreError);

    auto m = s->put_medicine({"", "Gabapentin", "300 mg", "evenings", "2025-01-01", TriState::No, "", 0, 0, {}});
    m.helped = TriState::Yes;
    s->put_medicine(m);
    REQUIRE(s->medicines().size() == 1);
    CHECK(s->medicines()[0].helped == TriState::Yes);
}

TEST_CASE("Emptying the bin erases content for good and leaves tombstones") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    std::int64_t t = test::kSampleNow;
    auto s = clocked(Store::open(path), &t);
    Episode e = sample_episode();
    e.note = "SECRET-NOTE-TEXT-1234";
    const auto kept = s->add_episode(sample_episode());
    const auto gone = s->add_episode(e);
    const auto c = s->put_checkin({"", "2026-01-05", {}, true, "", 0, 0, {}});
    s->delete_episode(gone.id);
    s->delete_checkin(c.id);
    t += 50;
    s->empty_bin();
    CHECK_FALSE(s->episode(gone.id));
    CHECK(s->episode(kept.id));
    const Diary d = s->load_diary();
    REQUIRE(d.tombstones.size() == 2);
    for (const auto& ts : d.tombstones) {
        CHECK(ts.deleted_utc == t);
        CHECK((ts.id == gone.id ? ts.kind == "episode" : (ts.id == c.id && ts.kind == "checkin")));
    }
    CHECK(d.checkins.empty());
    s.reset();
    CHECK(read_bytes(path).find("SECRET-NOTE-TEXT-1234") == std::string::npos);
}

TEST_CASE("Delete all data leaves a valid empty diary") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    {
        auto s = Store::open(path);
        s->replace_diary(test::sample_diary());
        s->set_setting("k", "v");
        s->delete_all_data();
        CHECK(s->load_diary() == Diary{});
        CHECK_FALSE(s->setting("k"));
    }
    auto s = Store::open(path);
    CHECK(s->load_diary() == Diary{});
    CHECK(s->integrity_check() == "ok");
    CHECK(read_bytes(path).find("Anna M") == std::string::npos);
}

TEST_CASE("An empty file or an empty SQLite database becomes a new diary") {
    TempDir tmp;
    const auto empty = tmp.file("empty.db");
    write_bytes(empty, "");
    CHECK(Store::open(empty)->schema_version() == Store::current_schema_version());

    const auto v0 = tmp.file("v0.db");
    raw_sql(v0, "CREATE TABLE t(x); DROP TABLE t;");  // a SQLite file, user_version 0, no tables
    auto s = Store::open(v0);
    CHECK(s->schema_version() == Store::current_schema_version());
    s->add_episode(sample_episode());
    CHECK(s->episodes().size() == 1);
}

TEST_CASE("A diary from a newer version is refused and left unchanged") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    { Store::open(path)->replace_diary(test::sample_diary()); }
    raw_sql(path, "PRAGMA user_version = 99;");
    const auto before = read_bytes(path);
    const auto msg = open_error(path);
    CHECK(msg.find("newer version of Numbness Diary (schema 99)") != std::string::npos);
    CHECK(msg.find("understands up to " + std::to_string(Store::current_schema_version())) != std::string::npos);
    CHECK(msg.find("the file was not changed") != std::string::npos);
    CHECK(read_bytes(path) == before);
}

TEST_CASE("Another application's SQLite file is refused and left unchanged") {
    TempDir tmp;
    const auto other = tmp.file("other.db");
    raw_sql(other, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');");
    auto before = read_bytes(other);
    CHECK(open_error(other).find("another application") != std::string::npos);
    CHECK(read_bytes(other) == before);

    const auto tagged = tmp.file("tagged.db");
    raw_sql(tagged, "PRAGMA application_id = 1234; CREATE TABLE t(x);");
    before = read_bytes(tagged);
    CHECK(open_error(tagged).find("another application") != std::string::npos);
    CHECK(read_bytes(tagged) == before);
}

TEST_CASE("A file that is not SQLite is refused and left unchanged") {
    TempDir tmp;
    const auto path = tmp.file("notes.txt");
    std::string text;
    for (int i = 0; i < 200; ++i) text += "my notes, line " + std::to_string(i) + "\n";
    write_bytes(path, text);
    CHECK(open_error(path).find("not a SQLite file") != std::string::npos);
    CHECK(read_bytes(path) == text);
    CHECK_FALSE(fs::exists(path + "-wal"));

    const auto tiny = tmp.file("tiny.db");
    write_bytes(tiny, "SQLite format 3");
    CHECK_THROWS_AS(Store::open(tiny), StoreError);
    CHECK(read_bytes(tiny) == "SQLite format 3");

    CHECK_THROWS_AS(Store::open(tmp.dir.string()), StoreError);  // a folder
}

TEST_CASE("A damaged diary is refused and left unchanged") {
    TempDir tmp;
    const auto path = tmp.file("diary.db");
    {
        auto s = Store::open(path);
        Diary d = test::sample_diary();
        for (int i = 0; i < 300; ++i) {  // enough rows for several pages
            Episode e = d.episodes[1];
            e.id = new_uuid();
            e.note = std::string(200, 'n');
            d.episodes.push_back(e);
        }
        s->replace_diary(d);
    }
    std::string bytes = read_bytes(path);
    const std::size_t page = 4096;
    REQUIRE(bytes.size() > 4 * page);
    for (std::size_t i = 2 * page; i < 2 * page + 64; ++i) bytes[i] = static_cast<char>(0xEE);  // page 3's header
    write_bytes(path, bytes);
    const auto msg = open_error(path);
    CHECK(msg.find("damaged") != std::string::npos);
    CHECK(msg.find("was not changed") != std::string::npos);
    CHECK(read_bytes(path) == bytes);
}

TEST_CASE("Replacing the diary is all or nothing") {
    auto s = Store::open_in_memory();
    const Diary d = test::sample_diary();
    s->replace_diary(d);
    CHECK(s->load_diary() == d);

    Diary bad = d;
    bad.episodes.push_back(bad.episodes[0]);
    bad.episodes.back().id = new_uuid();
    bad.episodes.back().numbness = 12;  // the last record is invalid
    CHECK_THROWS_AS(s->replace_diary(bad), StoreError);
    CHECK(s->load_diary() == d);

    Diary dup = d;
    dup.checkins[1].date = dup.checkins[0].date;
    CHECK_THROWS_AS(s->replace_diary(dup), StoreError);
    CHECK(s->load_diary() == d);

    s->replace_diary(Diary{});
    CHECK(s->load_diary() == Diary{});
}

TEST_CASE("A backup of the store imports into a new store unchanged") {
    std::int64_t t = test::kSampleNow;
    auto a = clocked(Store::open_in_memory(), &t);
    a->set_profile({"Zoë", "1970-01-01", 0});
    const auto e = a->add_episode(sample_episode());
    a->put_checkin({"", "2026-01-05", {GeneralSymptom::Exhaustion}, false, "tired", 0, 0, {}});
    a->put_fact({"", FactKind::AlcoholUse, "", "", 0.1, 0, 0, {}});
    a->delete_episode(e.id);
    a->empty_bin();
    const Diary d = a->load_diary();
    auto b = Store::open_in_memory();
    b->replace_diary(diary_from_json(diary_to_json(d)));
    CHECK(b->load_diary() == d);
    b->replace_diary(diary_from_binary(diary_to_binary(d)));
    CHECK(b->load_diary() == d);
}
