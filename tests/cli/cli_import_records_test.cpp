// End to end: `import-csv --what checkins|medicines|background` brings back what
// `export-csv --what ...` wrote, all or nothing, and never overwrites a record the
// diary already holds (tools/cli/cmd_import_records.cpp).
#include <catch2/catch.hpp>

#include <string>

#include "cli_runner.hpp"

using namespace nd::test;

namespace {

const char* kDirPrefix = "nd-cli-import-records-test-";

void diary_with_other_records(const CliDir& t) {
    REQUIRE(t.nd("--db d.sqlite checkin --date 2026-01-06 --symptom exhaustion,back_pain --note 'Tired, \"very\"'").code == 0);
    REQUIRE(t.nd("--db d.sqlite checkin --date 2026-01-07 --no-numbness").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add medicine --name Metformin --dose '1000 mg' --when 'twice a day' "
                 "--since 2025-03-01 --helped unknown")
                .code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind diabetes --detail 'Type 2'").code == 0);
}

// The rows of a CSV without the created/updated columns (an import writes its own times).
std::string without_times(const std::string& csv) {
    std::string out;
    std::size_t at = 0;
    while (at < csv.size()) {
        std::size_t end = csv.find('\n', at);
        if (end == std::string::npos) end = csv.size();
        std::string line = csv.substr(at, end - at);
        // created and updated are the last two columns, neither quoted.
        for (int i = 0; i < 2; ++i)
            if (auto comma = line.rfind(','); comma != std::string::npos) line.erase(comma);
        out += line + "\n";
        at = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("CLI import-csv --what brings back check-ins, medicines and background exported by export-csv") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    diary_with_other_records(t);
    for (const std::string what : {"checkins", "medicines", "background"}) {
        INFO(what);
        REQUIRE(t.nd("--db d.sqlite export-csv --what " + what + " " + what + ".csv").code == 0);
        const auto imp = t.nd("--db new.sqlite import-csv --what " + what + " " + what + ".csv");
        INFO(imp.err);
        REQUIRE(imp.code == 0);
        CHECK(contains(imp.out, "Imported"));
        REQUIRE(t.nd("--db new.sqlite export-csv --what " + what + " again.csv --force").code == 0);
        CHECK(without_times(slurp(t.path("again.csv"))) == without_times(slurp(t.dir / (what + ".csv"))));
    }
    CHECK(contains(t.nd("--db new.sqlite import-csv --what checkins checkins.csv").err, "2 check-ins are already"));
}

TEST_CASE("CLI import-csv --what refuses a bad file or a record already in the diary, and changes nothing") {
    if (!has_cli()) return;
    CliDir t(kDirPrefix);
    diary_with_other_records(t);
    REQUIRE(t.nd("--db d.sqlite export-csv --what checkins before.csv").code == 0);
    const std::string before = slurp(t.path("before.csv"));
    const auto unchanged = [&] {
        REQUIRE(t.nd("--db d.sqlite export-csv --what checkins after.csv --force").code == 0);
        return slurp(t.path("after.csv")) == before;
    };

    // A day that already has a check-in (a new id, so only the date clashes): the
    // person's own entry must not be overwritten; the other, new day is not added either.
    t.write("clash.csv", "date,no_numbness,note\r\n2026-01-08,yes,new day\r\n2026-01-06,yes,would overwrite\r\n");
    const auto clash = t.nd("--db d.sqlite import-csv --what checkins clash.csv");
    CHECK(clash.code == 1);
    CHECK(contains(clash.err, "2026-01-06: the diary already has a check-in for that day"));
    CHECK(contains(clash.err, "nothing was imported"));
    CHECK(unchanged());

    t.write("twice.csv", "date,no_numbness\r\n2026-02-01,yes\r\n2026-02-01,no\r\n");
    const auto twice = t.nd("--db d.sqlite import-csv --what checkins twice.csv");
    CHECK(twice.code == 1);
    CHECK(contains(twice.err, "2026-02-01 has two check-ins in the file"));
    CHECK(unchanged());

    t.write("bad.csv", "date,no_numbness\r\n2026-02-30,yes\r\n2026-03-01,maybe\r\n");
    const auto bad = t.nd("--db d.sqlite import-csv --what checkins bad.csv");
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "Row 2"));
    CHECK(contains(bad.err, "Row 3"));
    CHECK(unchanged());

    // A medicine file exported from this diary, imported into it again: refused by id.
    REQUIRE(t.nd("--db d.sqlite export-csv --what medicines m.csv").code == 0);
    const auto again = t.nd("--db d.sqlite import-csv --what medicines m.csv");
    CHECK(again.code == 1);
    CHECK(contains(again.err, "Metformin"));
    CHECK(contains(again.err, "1 medicine is already in the diary"));

    CHECK(t.nd("--db d.sqlite import-csv --what pills m.csv").code == 2);
    // A file larger than the cap is refused before anything is read into the diary.
    t.write("huge.csv", std::string(5u * 1024 * 1024, 'a'));
    const auto huge = t.nd("--db d.sqlite import-csv --what checkins huge.csv");
    CHECK(huge.code == 1);
    CHECK(contains(huge.err, "too large"));
    CHECK(unchanged());
}
