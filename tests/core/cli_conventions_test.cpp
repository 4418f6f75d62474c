// The command line's conventions (git, sqlite3, jq and friends): time zones of
// typed times, help at every level, write errors, standard input, JSON, dates,
// "did you mean", read-only commands, confirmations. Runs the built `nd`.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

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
