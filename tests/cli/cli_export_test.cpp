// End-to-end tests of the export commands of `nd`: backup / restore (replace,
// merge, password), export-csv / import-csv, export-fhir and report. Each runs
// the built binary in a fresh temporary folder (helpers in cli_runner.hpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using namespace nd::test;

namespace {

const char* kDirPrefix = "nd-cli-export-test-";

// Two episodes, a check-in, a fact: a small diary in d.sqlite.
void small_diary(const CliDir& t) {
    REQUIRE(t.nd("--db d.sqlite log --at 2026-01-05T20:30+01:00 --duration 6 --region left:toes "
                 "--sensation numbness --numbness 4 --activity crossed_legs --note 'Foot fell asleep, \"TV\"'")
                .code == 0);
    REQUIRE(t.nd("--db d.sqlite log --at 2026-01-07T23:00+01:00 --duration 120 --region both:sole "
                 "--sensation burning --numbness 3 --pain 5 --onset gradual --note 'Nachts, brennend'")
                .code == 0);
    REQUIRE(t.nd("--db d.sqlite checkin --date 2026-01-06 --symptom exhaustion").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind diabetes --detail 'Type 2'").code == 0);
}

}  // namespace

TEST_CASE("CLI export commands have help") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    const auto all = t.nd("--help");
    for (const char* cmd : {"backup", "restore", "export-csv", "import-csv", "export-fhir", "report"}) {
        INFO(cmd);
        CHECK(contains(all.out, cmd));
        const auto h = t.nd(std::string(cmd) + " --help");
        CHECK(h.code == 0);
        CHECK(contains(h.out, std::string("Usage: numbness-diary-cli [--db PATH] ") + cmd));
    }
    CHECK(contains(t.nd("restore --help").out, "--merge"));
    CHECK(contains(t.nd("backup --help").out, "--password-file"));
    CHECK(contains(t.nd("report --help").out, "red-flags"));
}

TEST_CASE("CLI backup and restore give identical bytes with mode 0600") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    const auto b = t.nd("--db d.sqlite backup a.ndbackup");
    REQUIRE(b.code == 0);
    CHECK(contains(b.out, "Backed up 2 episodes"));
    CHECK(contains(b.out, t.path("a.ndbackup").string()));   // where it went
    CHECK(contains(b.out, "not encrypted"));
    CHECK(mode_of(t.path("a.ndbackup")) == 0600u);
    const std::string bytes = slurp(t.path("a.ndbackup"));
    CHECK(bytes.substr(0, 8) == "NDBACKUP");

    const auto r = t.nd("--db e.sqlite restore a.ndbackup");
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "Restored a.ndbackup"));
    REQUIRE(t.nd("--db e.sqlite backup b.ndbackup").code == 0);
    CHECK(slurp(t.path("b.ndbackup")) == bytes);

    // Never overwrites without --force.
    CHECK(t.nd("--db d.sqlite backup a.ndbackup").code == 1);
    CHECK(t.nd("--db d.sqlite backup a.ndbackup --force").code == 0);
    // The old JSON export still restores, and import reads the envelope.
    REQUIRE(t.nd("--db d.sqlite export old.json").code == 0);
    CHECK(mode_of(t.path("old.json")) == 0600u);
    const auto legacy = t.nd("--db f.sqlite restore old.json");
    CHECK(legacy.code == 0);
    CHECK(contains(legacy.out, "older backup"));
    CHECK(t.nd("--db g.sqlite import a.ndbackup").code == 0);
}

TEST_CASE("CLI restore refuses damaged and foreign files and changes nothing") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    REQUIRE(t.nd("--db d.sqlite backup a.ndbackup").code == 0);
    std::string bytes = slurp(t.path("a.ndbackup"));
    bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x40);
    t.write("bad.ndbackup", bytes);
    t.write("cut.ndbackup", slurp(t.path("a.ndbackup")).substr(0, 100));
    t.write("foreign.txt", "hello, I am not a backup");
    REQUIRE(t.nd("--db d.sqlite backup before.ndbackup").code == 0);

    const auto bad = t.nd("--db d.sqlite restore bad.ndbackup --replace");
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "damaged"));
    CHECK(contains(bad.err, "Nothing was changed."));
    const auto cut = t.nd("--db d.sqlite restore cut.ndbackup --replace");
    CHECK(cut.code == 1);
    CHECK(contains(cut.err, "cut short"));
    const auto foreign = t.nd("--db d.sqlite restore foreign.txt --merge");
    CHECK(foreign.code == 1);
    CHECK(contains(foreign.err, "not a Numbness Diary backup"));
    const auto sqlite = t.nd("--db e.sqlite restore d.sqlite");
    CHECK(sqlite.code == 1);
    CHECK(contains(sqlite.err, "SQLite"));

    REQUIRE(t.nd("--db d.sqlite backup after.ndbackup").code == 0);
    CHECK(slurp(t.path("after.ndbackup")) == slurp(t.path("before.ndbackup")));
    // A diary that is not empty needs --merge or --replace.
    const auto ask = t.nd("--db d.sqlite restore a.ndbackup");
    CHECK(ask.code == 1);
    CHECK(contains(ask.err, "--merge"));
    CHECK(t.nd("--db d.sqlite restore a.ndbackup --merge --replace").code == 2);
}

TEST_CASE("CLI encrypted backup needs the right password") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    t.write("pw.txt", "correct horse\n");
    t.write("wrong.txt", "wrong horse\n");
    const auto b = t.nd("--db d.sqlite backup s.ndbackup --password-file pw.txt");
    REQUIRE(b.code == 0);
    CHECK(contains(b.out, "no way back"));
    CHECK(mode_of(t.path("s.ndbackup")) == 0600u);
    CHECK_FALSE(contains(slurp(t.path("s.ndbackup")), "Foot fell asleep"));

    const auto none = t.nd("--db e.sqlite restore s.ndbackup");
    CHECK(none.code == 1);
    CHECK(contains(none.err, "protected with a password"));
    const auto wrong = t.nd("--db e.sqlite restore s.ndbackup --password-file wrong.txt");
    CHECK(wrong.code == 1);
    CHECK(contains(wrong.err, "The password is wrong, or the file was damaged. Nothing was changed."));
    CHECK_FALSE((fs::exists(t.path("e.sqlite")) && contains(t.nd("--db e.sqlite list").out, "toes")));

    const auto ok = t.nd("--db e.sqlite restore s.ndbackup --password-env ND_TEST_PW", "ND_TEST_PW='correct horse'");
    REQUIRE(ok.code == 0);
    REQUIRE(t.nd("--db d.sqlite backup plain1.ndbackup").code == 0);
    REQUIRE(t.nd("--db e.sqlite backup plain2.ndbackup").code == 0);
    CHECK(slurp(t.path("plain1.ndbackup")) == slurp(t.path("plain2.ndbackup")));

    CHECK(t.nd("--db d.sqlite backup x.ndbackup --password-env NO_SUCH_VARIABLE_ND").code == 2);
    CHECK(t.nd("--db d.sqlite backup x.ndbackup --password-file pw.txt --password-env ND_TEST_PW",
               "ND_TEST_PW=x").code == 2);
}

TEST_CASE("CLI restore merge combines two diaries") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    REQUIRE(t.nd("--db d.sqlite backup base.ndbackup").code == 0);
    REQUIRE(t.nd("--db laptop.sqlite restore base.ndbackup").code == 0);
    // The laptop logs a new episode; the phone (d.sqlite) deletes one.
    REQUIRE(t.nd("--db laptop.sqlite log --at 2026-02-01T10:00+01:00 --duration 5 --region right:calf "
                 "--sensation cramping --note 'laptop entry'")
                .code == 0);
    const std::string first = t.nd("--db d.sqlite list").out.substr(0, 36);
    REQUIRE(t.nd("--db d.sqlite delete " + first).code == 0);
    REQUIRE(t.nd("--db laptop.sqlite backup laptop.ndbackup").code == 0);

    const auto m = t.nd("--db d.sqlite restore laptop.ndbackup --merge");
    REQUIRE(m.code == 0);
    CHECK(contains(m.out, "1 added"));
    const auto list = t.nd("--db d.sqlite list").out;
    CHECK(contains(list, "right calf"));   // the laptop's episode arrived
    CHECK_FALSE(contains(list, first));    // the phone's delete was kept
    // Merging again changes nothing.
    const auto again = t.nd("--db d.sqlite restore laptop.ndbackup --merge");
    CHECK(contains(again.out, "no changes"));
}

TEST_CASE("CLI export-csv and import-csv round trip and report bad rows") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    const auto e = t.nd("--db d.sqlite export-csv all.csv");
    REQUIRE(e.code == 0);
    CHECK(contains(e.out, "Wrote 2 episodes"));
    CHECK(contains(e.out, "not encrypted"));
    CHECK(mode_of(t.path("all.csv")) == 0600u);
    const std::string csv = slurp(t.path("all.csv"));
    CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(contains(csv, "\"Foot fell asleep, \"\"TV\"\"\""));
    REQUIRE(t.nd("--db d.sqlite export-csv jan7.csv --from 2026-01-07 --to 2026-01-07").code == 0);
    CHECK_FALSE(contains(slurp(t.path("jan7.csv")), "Foot fell asleep"));
    CHECK(contains(slurp(t.path("jan7.csv")), "Nachts"));
    CHECK(t.nd("--db d.sqlite export-csv x.csv --from 2026-02-01 --to 2026-01-01").code == 2);

    const auto imp = t.nd("--db new.sqlite import-csv all.csv");
    REQUIRE(imp.code == 0);
    CHECK(contains(imp.out, "Imported 2 episodes"));
    REQUIRE(t.nd("--db new.sqlite export-csv again.csv").code == 0);
    CHECK(slurp(t.path("again.csv")) == csv);
    // Importing the same rows twice is refused, naming the episodes.
    const auto twice = t.nd("--db new.sqlite import-csv all.csv");
    CHECK(twice.code == 1);
    CHECK(contains(twice.err, "already in the diary"));

    t.write("bad.csv", "start,numbness,regions\r\n2026-01-01T10:00+01:00,4,left:toes\r\n"
                       "2026-01-02T10:00+01:00,12,left:toes\r\nnot a time,3,left:nose\r\n");
    const auto bad = t.nd("--db new.sqlite import-csv bad.csv");
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "Row 3"));
    CHECK(contains(bad.err, "Row 4"));
    CHECK(contains(bad.err, "nothing was imported"));
    CHECK(t.nd("--db new.sqlite list").out == t.nd("--db d.sqlite list").out);   // unchanged
}

TEST_CASE("CLI export-fhir writes a bundle with a stable patient") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    const auto f = t.nd("--db d.sqlite export-fhir a.json");
    REQUIRE(f.code == 0);
    CHECK(contains(f.out, "2 Observations"));
    CHECK(contains(f.out, "not encrypted"));
    CHECK(mode_of(t.path("a.json")) == 0600u);
    const std::string a = slurp(t.path("a.json"));
    CHECK(contains(a, "\"resourceType\": \"Bundle\""));
    CHECK(contains(a, "75325-1"));
    REQUIRE(t.nd("--db d.sqlite export-fhir b.json").code == 0);
    CHECK(slurp(t.path("b.json")) == a);   // same Patient id, same bytes
    const auto out = t.nd("--db d.sqlite export-fhir - --from 2026-01-07");
    CHECK(out.code == 0);
    CHECK(contains(out.out, "Nachts"));
    CHECK_FALSE(contains(out.out, "Foot fell asleep"));
    CHECK(contains(out.err, "not encrypted"));
}

TEST_CASE("CLI report writes a PDF") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    small_diary(t);
    const auto r = t.nd("--db d.sqlite report r.pdf");
    if (r.code != 0) {
        CHECK(contains(r.err, "without the PDF renderer"));
        return;
    }
    CHECK(contains(r.out, "r.pdf"));
    CHECK(contains(r.out, "not encrypted"));
    CHECK(mode_of(t.path("r.pdf")) == 0600u);
    CHECK(slurp(t.path("r.pdf")).substr(0, 5) == "%PDF-");
    CHECK(t.nd("--db d.sqlite report s.pdf --sections summary,episodes --from 2026-01-01 --to 2026-01-31").code == 0);
    CHECK(slurp(t.path("s.pdf")).substr(0, 5) == "%PDF-");
    const auto bad = t.nd("--db d.sqlite report x.pdf --sections summary,pictures");
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "unknown section 'pictures'"));
}
