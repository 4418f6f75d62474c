// "The file was not changed" must be true: every refusal leaves the database and
// its -wal, -shm and -journal byte for byte as they were (and creates none of
// them). And our own diary, killed in the middle of a write, still opens with
// every committed save (docs/storage.md, "Opening: the refusal rules").
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <optional>

#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

const std::string kCli = ND_CLI_PATH;

// The bytes of the file and of each companion (nullopt: absent).
using Snapshot = std::map<std::string, std::optional<std::string>>;

Snapshot snapshot(const std::string& path) {
    Snapshot s;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string p = path + suffix;
        s[suffix] = fs::exists(p) ? std::optional<std::string>(read_bytes(p)) : std::nullopt;
    }
    return s;
}

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    REQUIRE(rc == SQLITE_OK);
}

// Another program's database in WAL mode whose last transactions are still in
// the -wal (it closed without checkpointing, as after a crash).
void foreign_hot_wal(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    exec(db, "PRAGMA journal_mode=WAL; CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');");
    sqlite3_close(db);
    REQUIRE(fs::file_size(path + "-wal") > 0);
}

// Another program's database killed in the middle of a transaction in rollback
// mode: a hot -journal.
void foreign_hot_journal(const std::string& path) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    exec(db, "PRAGMA journal_mode=DELETE; CREATE TABLE t(x BLOB); INSERT INTO t VALUES (zeroblob(50000));");
    sqlite3_close(db);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        sqlite3* c = nullptr;
        sqlite3_open(path.c_str(), &c);
        sqlite3_exec(c, "PRAGMA cache_size=1; BEGIN; UPDATE t SET x = randomblob(50000); "
                        "INSERT INTO t SELECT randomblob(50000) FROM t;", nullptr, nullptr, nullptr);
        ::_exit(0);   // no COMMIT, no close: the journal stays hot
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(fs::exists(path + "-journal"));
    REQUIRE(fs::file_size(path + "-journal") > 0);
}

// Our diary, then changed by another program with `sql`.
void our_diary_with(const std::string& path, const char* sql) {
    {
        auto s = nd::Store::open(path);
        s->set_clock([] { return kClock; });
        s->replace_diary(import_diary(0));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    exec(db, sql);
    sqlite3_close(db);
}

// Store::open and open_read_only refuse; nothing changed; the message says why.
void require_refused_untouched(const std::string& path, const std::string& why) {
    const Snapshot before = snapshot(path);
    for (int read_only = 0; read_only < 2; ++read_only) {
        INFO((read_only ? "open_read_only" : "open"));
        try {
            if (read_only) nd::Store::open_read_only(path);
            else nd::Store::open(path);
            FAIL("opened");
        } catch (const nd::StoreError& e) {
            const std::string msg = e.what();
            INFO(msg);
            CHECK(msg.find(why) != std::string::npos);
            CHECK(msg.find("not changed") != std::string::npos);
        }
        const Snapshot after = snapshot(path);
        for (const auto& [suffix, bytes] : before) {
            INFO("file " << path << suffix);
            CHECK(after.at(suffix).has_value() == bytes.has_value());
            if (bytes && after.at(suffix)) CHECK(*after.at(suffix) == *bytes);
        }
    }
}

}  // namespace

TEST_CASE("Refused: another program's database with a hot WAL keeps its WAL and shared memory", "[hostile][refusal]") {
    TempDir tmp("refuse");
    const std::string path = tmp.file("other.db");
    foreign_hot_wal(path);
    REQUIRE(fs::exists(path + "-shm"));
    require_refused_untouched(path, "another application");
    // Its data is all still there for its own program.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT x FROM notes", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "keep me");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("Refused: a hot WAL without its -shm: no -shm is created", "[hostile][refusal]") {
    TempDir tmp("refuse");
    const std::string path = tmp.file("other.db");
    foreign_hot_wal(path);
    fs::remove(path + "-shm");
    require_refused_untouched(path, "another application");
}

TEST_CASE("Refused: a hot rollback journal is left untouched", "[hostile][refusal]") {
    TempDir tmp("refuse");
    const std::string path = tmp.file("other.db");
    foreign_hot_journal(path);
    require_refused_untouched(path, "rollback journal");
}

TEST_CASE("Refused: our diary with a foreign trigger, view or index", "[hostile][refusal]") {
    const std::pair<const char*, const char*> cases[] = {
        {"CREATE TRIGGER wipe AFTER INSERT ON episodes BEGIN DELETE FROM episodes WHERE id <> new.id; END;",
         "trigger \"wipe\""},
        {"CREATE VIEW v AS SELECT note FROM episodes;", "view \"v\""},
        {"CREATE INDEX extra ON episodes (note);", "index \"extra\""},
        {"CREATE TABLE extra_table (x);", "table \"extra_table\""},
        {"DROP INDEX episodes_by_start;", "index \"episodes_by_start\" is missing"},
    };
    for (const auto& [sql, why] : cases) {
        INFO(sql);
        TempDir tmp("refuse");
        const std::string path = tmp.file("diary.db");
        our_diary_with(path, sql);
        require_refused_untouched(path, why);
    }
}

TEST_CASE("Our own diary killed in the middle of writes opens with every committed save", "[refusal]") {
    TempDir tmp("refuse");
    const std::string path = tmp.file("diary.db");
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        auto s = nd::Store::open(path);
        s->set_clock([] { return kClock; });
        for (std::uint64_t i = 0; i < 40; ++i) s->add_episode(make_episode(i));
        ::_exit(0);   // as a kill would: no close, no checkpoint; the saves are in the -wal only
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(fs::file_size(path + "-wal") > 0);
    {
        auto ro = nd::Store::open_read_only(path);   // reads the WAL without checkpointing it
        CHECK(ro->episodes().size() == 40);
    }
    auto s = nd::Store::open(path);
    CHECK(s->integrity_check() == "ok");
    CHECK(s->episodes().size() == 40);
    CHECK(*s->episode(episode_id(39)) == [] {
        auto e = make_episode(39);
        e.created_utc = e.updated_utc = kClock;
        nd::normalize(e);
        return e;
    }());
}

TEST_CASE("numbness-diary-cli check never creates or changes a file", "[refusal]") {
    if (kCli.empty() || !fs::exists(kCli)) return;
    TempDir tmp("refuse");
    const std::string empty = tmp.file("empty.db");
    write_bytes(empty, "");
    const std::string cmd = "'" + kCli + "' check '" + empty + "' >'" + tmp.file("out.txt") + "' 2>&1";
    const int status = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(read_bytes(tmp.file("out.txt")).find("problems") != std::string::npos);
    CHECK(fs::file_size(empty) == 0);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) CHECK_FALSE(fs::exists(empty + suffix));

    // A good diary: "ok", and its bytes (and no new -wal / -shm) as they were.
    const std::string good = tmp.file("good.db");
    { nd::Store::open(good)->replace_diary(import_diary(1)); }
    const Snapshot before = snapshot(good);
    const std::string cmd2 = "'" + kCli + "' check '" + good + "' >'" + tmp.file("out.txt") + "' 2>&1";
    CHECK(WEXITSTATUS(std::system(cmd2.c_str())) == 0);
    CHECK(read_bytes(tmp.file("out.txt")).rfind("ok:", 0) == 0);
    CHECK(snapshot(good) == before);
}

TEST_CASE("A read-only diary is refused naming the file, and nothing is created beside it", "[refusal]") {
    if (::geteuid() == 0) {
        WARN("running as root: file permissions do not stop writes; skipped");
        return;
    }
    TempDir tmp("refuse");
    const std::string path = tmp.file("diary.db");
    { nd::Store::open(path)->replace_diary(import_diary(0)); }
    ::chmod(path.c_str(), 0400);
    const Snapshot before = snapshot(path);
    try {
        nd::Store::open(path);
        FAIL("opened");
    } catch (const nd::StoreError& e) {
        CHECK(std::string(e.what()).find(path) != std::string::npos);
        CHECK(std::string(e.what()).find("read-only") != std::string::npos);
    }
    CHECK(snapshot(path) == before);
    CHECK(nd::Store::open_read_only(path)->episodes().size() == 120);
    CHECK(snapshot(path) == before);
}
