// The command line opens a diary without reading the whole file (issue 19): the
// cheap refusals (not SQLite, another application's database, an altered schema)
// still run on every command, the full check (SQLite quick_check) runs with --check,
// in `check` and before a backup. And `report`, drawn by the PDF helper that the
// command line execs, behaves as the command always did.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"
#include "demo_diary.hpp"
#include "store.hpp"

using namespace nd::test;

namespace {

// Today (ND_NOW is 2026-03-01 12:00), after the generated diary's last entry.
const char* kLog = "log --at 2026-03-01T08:00+01:00 --duration 5 --region left:toes --sensation numbness";

// A diary of 3000 generated episodes (many table pages), then the header of one
// table leaf page in the middle of the file overwritten: the older rows' page, which
// a `log` of today never reads, is damaged beyond what quick_check accepts.
void damaged_diary(const std::filesystem::path& path) {
    {
        auto store = nd::Store::open(path.string());
        store->replace_diary(nd::make_generated_diary(3000, 7u, 1'772'000'000));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT pageno FROM dbstat WHERE name = 'episodes' AND pagetype = 'leaf' "
                               "ORDER BY pageno",
                               -1, &q, nullptr) == SQLITE_OK);
    std::vector<long long> pages;
    while (sqlite3_step(q) == SQLITE_ROW) pages.push_back(sqlite3_column_int64(q, 0));
    sqlite3_finalize(q);
    const int page_size = [&] {
        sqlite3_stmt* p = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &p, nullptr);
        sqlite3_step(p);
        const int n = sqlite3_column_int(p, 0);
        sqlite3_finalize(p);
        return n;
    }();
    sqlite3_close(db);
    REQUIRE(pages.size() > 20);
    const long long victim = pages[pages.size() / 4];   // an old part of the diary
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((victim - 1) * page_size);
    const char garbage[8] = {0x42, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f};   // no b-tree page type
    f.write(garbage, sizeof garbage);
    REQUIRE(f.good());
}

}  // namespace

TEST_CASE("CLI: foreign and non-SQLite files are refused unchanged without the full check") {
    if (!has_cli()) return;
    CliDir t;
    t.write("notes.txt", "these are not the droids you are looking for, padded to more than 512 bytes" +
                             std::string(600, '.'));
    const std::string text_before = slurp(t.path("notes.txt"));
    const auto text = t.nd("--db notes.txt " + std::string(kLog));
    CHECK(text.code == 1);
    CHECK(contains(text.err, "not a SQLite file"));
    CHECK(slurp(t.path("notes.txt")) == text_before);

    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(t.path("other.sqlite").string().c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE episodes(id TEXT); INSERT INTO episodes VALUES ('x');", nullptr, nullptr,
                             nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string other_before = slurp(t.path("other.sqlite"));
    for (const char* cmd : {kLog, "list", "match --json"}) {
        INFO(cmd);
        const auto r = t.nd("--db other.sqlite " + std::string(cmd));
        CHECK(r.code == 1);
        CHECK(contains(r.err, "another application"));
        CHECK(slurp(t.path("other.sqlite")) == other_before);
        CHECK_FALSE(std::filesystem::exists(t.path("other.sqlite-wal")));
    }
}

TEST_CASE("CLI: --check, check and backup find a damaged diary that a light command does not read") {
    if (!has_cli()) return;
    CliDir t;
    damaged_diary(t.path("d.sqlite"));
    const std::string before = slurp(t.path("d.sqlite"));

    // The full check, asked for before the command or after it: refused, unchanged.
    for (const std::string& args : {"--check --db d.sqlite " + std::string(kLog), "--db d.sqlite " + std::string(kLog) + " --check"}) {
        INFO(args);
        const auto r = t.nd(args);
        CHECK(r.code == 1);
        CHECK(contains(r.err, "damaged"));
        CHECK(contains(r.err, "not changed"));
        CHECK(slurp(t.path("d.sqlite")) == before);
    }
    const auto check = t.nd("check d.sqlite");
    CHECK(check.code == 1);
    CHECK(contains(check.out, "problems"));
    const auto backup = t.nd("--db d.sqlite backup b.ndbackup");
    CHECK(backup.code == 1);
    CHECK(contains(backup.err, "damaged"));
    CHECK_FALSE(std::filesystem::exists(t.path("b.ndbackup")));

    // Without --check, `log` reads only today's end of the file: it saves. (The
    // damage is for `check` and the app's scheduled check to find.)
    const auto light = t.nd("--db d.sqlite " + std::string(kLog));
    CHECK(light.code == 0);
    CHECK(light.err.empty());
}

TEST_CASE("CLI: report runs through the PDF helper with the command's options, output and exit status") {
    if (!has_cli()) return;
    CliDir t;
    REQUIRE(t.nd("--db d.sqlite " + std::string(kLog)).code == 0);
    const auto pdf = t.nd("--db d.sqlite report -");
    if (pdf.code != 0 && contains(pdf.err, "without the PDF renderer")) return;   // a build without cairo
    CHECK(pdf.code == 0);
    CHECK(pdf.out.substr(0, 5) == "%PDF-");
    CHECK(contains(pdf.err, "not encrypted"));
    const auto usage = t.nd("--db d.sqlite report x.pdf --sections summary,pictures");
    CHECK(usage.code == 2);
    CHECK(contains(usage.err, "numbness-diary-cli report: error:"));
    const auto missing = t.nd("--db nowhere.sqlite report x.pdf");
    CHECK(missing.code == 1);
    CHECK(contains(missing.err, "there is no diary"));

    // A command line installed without its helper says so, and exits 1.
    std::filesystem::create_directories(t.path("prefix/bin"));
    std::filesystem::copy_file(kNd, t.path("prefix/bin/numbness-diary-cli"));
    const std::string cmd = "'" + t.path("prefix/bin/numbness-diary-cli").string() + "' --db '" +
                            t.path("d.sqlite").string() + "' report y.pdf >/dev/null 2>'" +
                            t.path("err.txt").string() + "'";
    const int status = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(contains(slurp(t.path("err.txt")), "reinstall"));
    CHECK_FALSE(std::filesystem::exists(t.path("y.pdf")));
}
