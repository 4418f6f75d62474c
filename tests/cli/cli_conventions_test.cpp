// The command line's conventions (git, sqlite3, jq and friends): time zones of
// typed times, help at every level, write errors, standard input, JSON, dates,
// "did you mean", read-only commands, confirmations. Runs the built `nd`.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cli_runner.hpp"

namespace fs = std::filesystem;
using namespace nd::test;

namespace {

std::string show_started(const CliDir& t, const std::string& env = "") {
    const auto list = t.nd("--db d.sqlite list", env);
    const auto id = list.out.substr(0, 8);
    const auto show = t.nd("--db d.sqlite show " + id, env);
    const auto pos = show.out.find("Started      ");
    return pos == std::string::npos ? show.err : show.out.substr(pos + 13, 25);
}

}  // namespace

TEST_CASE("CLI log --at without an offset takes the offset of that day, not of today") {
    if (!has_cli()) return;
    CliDir t;
    // Typed in December in Berlin: a July time is summer time (+02:00).
    const std::string december = "ND_NOW='2026-12-01T09:00:00+01:00' TZ='Europe/Berlin'";
    auto r = t.nd("--db d.sqlite log --region left:toes --at '2026-07-01 10:00'", december);
    REQUIRE(r.code == 0);
    CHECK(show_started(t, december) == "2026-07-01T10:00:00+02:00");

    CliDir ny;
    const std::string ny_env = "ND_NOW='2026-12-01T09:00:00-05:00' TZ='America/New_York'";
    REQUIRE(ny.nd("--db d.sqlite log --region left:toes --at '2026-11-01 01:30'", ny_env).code == 0);
    CHECK(show_started(ny, ny_env) == "2026-11-01T01:30:00-04:00");   // the earlier of the two 01:30s

    // The spring gap: 02:30 on 29 March 2026 never happened in Berlin.
    r = t.nd("--db d.sqlite log --region left:toes --at '2026-03-29 02:30'", december);
    CHECK(r.code == 2);
    CHECK(contains(r.err, "does not exist in this time zone"));
    CHECK(contains(r.err, "--at"));
}

namespace {

// Runs `nd` like CliDir::nd, but with standard output going to `out_target` (a
// file such as /dev/full), for the write-error tests.
int nd_to(const CliDir& t, const std::string& args, const std::string& out_target) {
    const std::string cmd = "cd '" + t.dir.string() + "' && env -u ND_DB XDG_DATA_HOME='" + t.dir.string() +
                            "/xdg' ND_NOW='2026-03-01T12:00:00+01:00' TZ='Europe/Berlin' '" + kNd + "' " + args +
                            " >" + out_target + " 2>'" + t.dir.string() + "/stderr.txt'";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void log_two(const CliDir& t) {
    REQUIRE(t.nd("--db d.sqlite log --at '2026-02-27 20:30' --duration 6 --region left:toes --sensation tingling "
                 "--numbness 4 --note 'first'").code == 0);
    REQUIRE(t.nd("--db d.sqlite log --at 2026-02-28T08:00+01:00 --duration 30 --region both:sole --numbness 6")
                .code == 0);
}

}  // namespace

TEST_CASE("CLI help at every level: numbness-diary-cli help CMD, group help, --help after a group") {
    if (!has_cli()) return;
    CliDir t;
    const auto direct = t.nd("log --help");
    const auto via_help = t.nd("help log");
    CHECK(via_help.code == 0);
    CHECK(via_help.out == direct.out);
    CHECK(contains(via_help.out, "Usage: numbness-diary-cli [--db PATH] log"));
    CHECK(t.nd("help background add fact").out == t.nd("background add fact --help").out);

    // A group that is not a command itself: its commands are listed.
    const auto group = t.nd("background add --help");
    CHECK(group.code == 0);
    CHECK(contains(group.out, "background add fact"));
    CHECK(contains(group.out, "background add medicine"));
    CHECK(t.nd("help background add").out == group.out);
    CHECK(t.nd("checkin list --help").code == 0);

    const auto unknown = t.nd("help lgo");
    CHECK(unknown.code == 2);
    CHECK(contains(unknown.err, "did you mean 'log'?"));
    CHECK(t.nd("help").code == 0);
}

TEST_CASE("CLI write errors on standard output give a non-zero exit") {
    if (!has_cli()) return;
    CliDir t;
    log_two(t);
    CHECK(nd_to(t, "--db d.sqlite list", "/dev/null") == 0);
    CHECK(nd_to(t, "--db d.sqlite list", "/dev/full") == 1);
    CHECK(contains(slurp(t.path("stderr.txt")), "cannot write the output"));
    CHECK(nd_to(t, "--help", "/dev/full") == 1);
    CHECK(nd_to(t, "--db d.sqlite list --json", "/dev/full") == 1);
    CHECK(nd_to(t, "--db d.sqlite export -", "/dev/full") == 1);
}

TEST_CASE("CLI '-' reads standard input for import, restore, import-csv and --catalog") {
    if (!has_cli()) return;
    CliDir t;
    log_two(t);
    REQUIRE(t.nd("--db d.sqlite export backup.json").code == 0);
    auto r = t.nd("--db one.sqlite import - < backup.json");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Imported 2 episodes"));
    REQUIRE(t.nd("--db d.sqlite backup full.ndbackup").code == 0);
    r = t.nd("--db two.sqlite restore - < full.ndbackup");
    CHECK(r.code == 0);
    CHECK(t.nd("--db two.sqlite list").out == t.nd("--db d.sqlite list").out);
    t.write("in.csv", "start,numbness,regions\r\n2026-01-01T10:00+01:00,4,left:toes\r\n");
    r = t.nd("--db three.sqlite import-csv - < in.csv");
    CHECK(r.code == 0);
    CHECK(contains(t.nd("--db three.sqlite list").out, "2026-01-01 10:00 +01:00"));
    r = t.nd("--db d.sqlite match --catalog - < '" + std::string(ND_SOURCE_ASSETS_DIR) + "/catalog/causes.json'");
    CHECK(r.code == 0);
    // An empty standard input is not a backup, and says so without "file not found".
    r = t.nd("--db four.sqlite import - < /dev/null");
    CHECK(r.code == 1);
    CHECK_FALSE(contains(r.err, "file not found"));
}

TEST_CASE("CLI --json on list, show, background and checkin list, with the documented fields") {
    if (!has_cli()) return;
    CliDir t;
    log_two(t);
    REQUIRE(t.nd("--db d.sqlite checkin --date 2026-02-28 --symptom exhaustion --note tired").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind diabetes --detail 'Type 2' --since 2019-03-12").code == 0);
    REQUIRE(t.nd("--db d.sqlite background set --name 'Maria Example'").code == 0);

    auto r = t.nd("--db d.sqlite list --json");
    REQUIRE(r.code == 0);
    rapidjson::Document doc;
    REQUIRE_FALSE(doc.Parse(r.out.c_str()).HasParseError());
    REQUIRE(doc.IsArray());
    REQUIRE(doc.Size() == 2);
    const auto& e = doc[0];
    CHECK(std::string(e["type"].GetString()) == "episode");
    CHECK(std::string(e["start"].GetString()) == "2026-02-27T20:30:00+01:00");
    CHECK(std::string(e["date"].GetString()) == "2026-02-27");
    CHECK(e["duration_min"].GetInt() == 6);
    CHECK(std::string(e["regions"][0]["side"].GetString()) == "left");
    CHECK(std::string(e["regions"][0]["region"].GetString()) == "toes");
    CHECK(std::string(e["sensations"][0].GetString()) == "tingling");
    CHECK(e["numbness"].GetInt() == 4);
    CHECK(std::string(e["note"].GetString()) == "first");
    CHECK(e["deleted"].IsNull());
    CHECK(doc[1]["note"].IsNull());

    const std::string id = e["id"].GetString();
    r = t.nd("--db d.sqlite show " + id.substr(0, 8) + " --json");
    REQUIRE(r.code == 0);
    rapidjson::Document one;
    REQUIRE_FALSE(one.Parse(r.out.c_str()).HasParseError());
    CHECK(std::string(one["id"].GetString()) == id);

    r = t.nd("--db d.sqlite background --json");
    REQUIRE(r.code == 0);
    rapidjson::Document bg;
    REQUIRE_FALSE(bg.Parse(r.out.c_str()).HasParseError());
    CHECK(std::string(bg["name"].GetString()) == "Maria Example");
    CHECK(bg["birth_date"].IsNull());
    REQUIRE(bg["facts"].Size() == 1);
    CHECK(std::string(bg["facts"][0]["kind"].GetString()) == "diabetes");
    CHECK(std::string(bg["facts"][0]["since"].GetString()) == "2019-03-12");
    CHECK(bg["medicines"].Size() == 0);

    r = t.nd("--db d.sqlite checkin list --json");
    REQUIRE(r.code == 0);
    rapidjson::Document ck;
    REQUIRE_FALSE(ck.Parse(r.out.c_str()).HasParseError());
    REQUIRE(ck.Size() == 1);
    CHECK(std::string(ck[0]["date"].GetString()) == "2026-02-28");
    CHECK(std::string(ck[0]["symptoms"][0].GetString()) == "exhaustion");
    CHECK(ck[0]["no_numbness"].GetBool() == false);
    CHECK(t.nd("--db d.sqlite list --checkins --json").out == r.out);
}

TEST_CASE("CLI dates: HH:MM is today, yesterday and today work, the full forms too") {
    if (!has_cli()) return;
    CliDir t;   // the clock: 2026-03-01 12:00 +01:00 (Europe/Berlin)
    int n = 0;
    // Logs into a diary of its own and returns the episode's start as stored.
    auto started = [&](const std::string& at) -> std::string {
        const std::string db = "--db s" + std::to_string(++n) + ".sqlite ";
        if (t.nd(db + "log --region left:toes --at '" + at + "'").code != 0) return "refused";
        rapidjson::Document doc;
        const auto out = t.nd(db + "list --json").out;
        if (doc.Parse(out.c_str()).HasParseError() || doc.Size() != 1) return "no episode";
        return doc[0]["start"].GetString();
    };
    CHECK(started("08:30") == "2026-03-01T08:30:00+01:00");
    CHECK(started("today 09:15") == "2026-03-01T09:15:00+01:00");
    CHECK(started("yesterday 23:10") == "2026-02-28T23:10:00+01:00");
    REQUIRE(t.nd("--db d.sqlite log --region left:toes --at 'yesterday 23:10'").code == 0);
    REQUIRE(t.nd("--db d.sqlite log --region left:toes --at 08:30").code == 0);
    const auto y = t.nd("--db d.sqlite list --from yesterday --to yesterday").out;
    CHECK(contains(y, "2026-02-28 23:10"));
    CHECK_FALSE(contains(y, "2026-03-01"));
    const auto today = t.nd("--db d.sqlite list --from today").out;
    CHECK(contains(today, "2026-03-01 08:30"));
    CHECK_FALSE(contains(today, "2026-02-28"));
    REQUIRE(t.nd("--db d.sqlite checkin --date yesterday --no-numbness").code == 0);
    CHECK(contains(t.nd("--db d.sqlite checkin list").out, "2026-02-28"));
    auto bad = t.nd("--db d.sqlite log --region left:toes --at 'yesterday'");
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "needs a time of day"));
    bad = t.nd("--db d.sqlite log --region left:toes --at '13:00'");   // later today: the future
    CHECK(bad.code == 2);
    CHECK(contains(bad.err, "in the future"));
    CHECK(t.nd("--db d.sqlite log --region left:toes --at 24:00").code == 2);
}

TEST_CASE("CLI did you mean: commands, subcommands, options and values") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd("lsit");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "did you mean 'list'?"));
    r = t.nd("--db d.sqlite background ad");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "did you mean"));
    r = t.nd("--db d.sqlite log --region left:toe");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "did you mean 'toes'?"));
    r = t.nd("--db d.sqlite log --region left:toes --sensaton tingling");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "did you mean '--sensation'?"));
    // Nothing close: no guess.
    r = t.nd("frobnicate");
    CHECK_FALSE(contains(r.err, "did you mean"));
}

TEST_CASE("CLI read-only commands create nothing on a missing diary") {
    if (!has_cli()) return;
    CliDir t;
    for (const char* cmd : {"list", "list --json", "show abcd1234", "background", "checkin list", "match",
                            "export-csv out.csv", "backup out.ndbackup"}) {
        INFO(cmd);
        auto r = t.nd(cmd);
        CHECK(r.code == 1);
        CHECK(contains(r.err, "there is no diary"));
        CHECK_FALSE(fs::exists(t.dir / "xdg"));   // not even the data folder
        r = t.nd(std::string("--db missing.sqlite ") + cmd);
        CHECK(r.code == 1);
        CHECK_FALSE(fs::exists(t.path("missing.sqlite")));
    }
}

TEST_CASE("CLI empty-bin asks first, and --yes answers for scripts") {
    if (!has_cli()) return;
    CliDir t;
    log_two(t);
    const auto id = t.nd("--db d.sqlite list").out.substr(0, 8);
    REQUIRE(t.nd("--db d.sqlite delete " + id).code == 0);
    // No terminal to answer on: refused, nothing erased.
    auto r = t.nd("--db d.sqlite empty-bin < /dev/null");
    CHECK(r.code == 2);
    CHECK(contains(r.err, "--yes"));
    CHECK(contains(t.nd("--db d.sqlite list --deleted").out, "[in bin]"));
    r = t.nd("--db d.sqlite empty-bin --yes");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Erased 1 record"));
    CHECK_FALSE(contains(t.nd("--db d.sqlite list --deleted").out, "[in bin]"));
}

TEST_CASE("CLI --version") {
    if (!has_cli()) return;
    CliDir t;
    const auto r = t.nd("--version");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "(Numbness Diary) 0."));
}
