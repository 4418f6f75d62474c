// End-to-end tests of the `nd` command line: each runs the built binary in a
// fresh temporary folder and checks its exit status, stdout and stderr.
#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <filesystem>
#include <string>

#include "cli_runner.hpp"
#include "matching_thresholds.hpp"

namespace fs = std::filesystem;
using namespace nd::test;

namespace {

const char* kPosture =
    "--db d.sqlite log --at 2026-01-05T20:30+01:00 --duration 6 --region left:top_of_foot,left:toes "
    "--sensation numbness,tingling --numbness 4 --activity crossed_legs --relief moving --relief-after 3 "
    "--onset sudden --worse-at-night no --note 'Foot fell asleep, \"TV\" evening'";

}  // namespace

TEST_CASE("CLI help works for nd and every command") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd("--help");
    CHECK(r.code == 0);
    CHECK(contains(r.out, "Usage: numbness-diary-cli"));
    for (const char* cmd : {"log", "end", "list", "show", "delete", "undo", "empty-bin", "background",
                            "background set", "background add fact", "background add medicine", "background list",
                            "checkin", "match", "export", "import", "demo", "check"}) {
        INFO(cmd);
        CHECK(contains(r.out, cmd));
        auto h = t.nd(std::string(cmd) + " --help");
        CHECK(h.code == 0);
        CHECK(contains(h.out, std::string("Usage: numbness-diary-cli [--db PATH] ") + cmd));
    }
    auto none = t.nd("");
    CHECK(none.code == 2);
    CHECK(contains(none.err, "no command"));
    auto unknown = t.nd("frobnicate");
    CHECK(unknown.code == 2);
    CHECK(contains(unknown.err, "unknown command 'frobnicate'"));
}

TEST_CASE("CLI log list match export import round trip is byte identical") {
    if (!has_cli()) return;
    CliDir t;
    auto logged = t.nd(kPosture);
    REQUIRE(logged.code == 0);
    const std::string id = first_line(logged.out);
    CHECK(id.size() == 36);
    CHECK(logged.err.empty());  // a foot that fell asleep raises no alarm
    REQUIRE(t.nd("--db d.sqlite log --at '2026-01-07 23:00' --duration 120 --region both:toes --region both:sole "
                 "--sensation burning,tingling --numbness 3 --pain 5 --onset gradual --worse-at-night yes "
                 "--spread-from toes --spread-to sole --spread-speed weeks --sleep 2")
                .code == 0);
    auto ongoing = t.nd("--db d.sqlite log --ago 30 --ongoing --region right:calf --sensation cramping "
                        "--activity walking --relief rest --relief-after 4");
    REQUIRE(ongoing.code == 0);
    REQUIRE(t.nd("--db d.sqlite end " + first_line(ongoing.out).substr(0, 8)).code == 0);
    REQUIRE(t.nd("--db d.sqlite checkin --date 2026-01-06 --no-numbness --symptom exhaustion --note 'tired'").code == 0);
    REQUIRE(t.nd("--db d.sqlite background set --name 'Test Person' --birth-date 1960-02-29").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind diabetes --detail 'Type 2' --since 2019-03-12").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add fact --kind alcohol_use --amount 4").code == 0);
    REQUIRE(t.nd("--db d.sqlite background add medicine --name Metformin --dose '1000 mg' --helped unknown").code == 0);

    auto list = t.nd("--db d.sqlite list");
    REQUIRE(list.code == 0);
    CHECK(contains(list.out, id));
    CHECK(contains(list.out, "2026-01-05 20:30 +01:00"));
    auto ranged = t.nd("--db d.sqlite list --from 2026-01-07 --to 2026-01-07");
    CHECK(ranged.code == 0);
    CHECK_FALSE(contains(ranged.out, id));
    CHECK(contains(ranged.out, "both sides"));
    auto shown = t.nd("--db d.sqlite show " + id);
    CHECK(shown.code == 0);
    CHECK(contains(shown.out, "Foot fell asleep"));
    CHECK(contains(t.nd("--db d.sqlite background").out, "Metformin"));

    auto text = t.nd("--db d.sqlite match");
    REQUIRE(text.code == 0);
    CHECK(contains(text.out, "not a diagnosis"));
    auto json = t.nd("--db d.sqlite match --json");
    REQUIRE(json.code == 0);
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    REQUIRE(doc["causes"].IsArray());
    CHECK(doc["causes"].Size() == 11);
    CHECK(doc["red_flags"].IsArray());
    CHECK(doc["red_flags"].Size() == 0);
    CHECK(doc["episodes_considered"].GetInt() == 3);
    CHECK(contains(json.out, "\"diabetic_neuropathy\""));
    CHECK(contains(json.out, "\"posture\""));

    REQUIRE(t.nd("--db d.sqlite export a.json").code == 0);
    auto imported = t.nd("--db e.sqlite import a.json");
    REQUIRE(imported.code == 0);
    CHECK(contains(imported.out, "3 episodes"));
    REQUIRE(t.nd("--db e.sqlite export b.json").code == 0);
    const std::string a = slurp(t.dir / "a.json");
    CHECK(a.size() > 1000);
    CHECK(a == slurp(t.dir / "b.json"));
    CHECK(t.nd("--db d.sqlite export -").out == a);
    // The same diary matches the same way.
    CHECK(t.nd("--db e.sqlite match --json").out == json.out);
}

TEST_CASE("CLI delete and undo move an episode to the bin and back") {
    if (!has_cli()) return;
    CliDir t;
    const std::string id = first_line(t.nd(kPosture).out);
    REQUIRE(id.size() == 36);
    auto del = t.nd("--db d.sqlite delete " + id.substr(0, 6));
    CHECK(del.code == 0);
    CHECK(contains(del.out, "to the bin"));
    CHECK(contains(t.nd("--db d.sqlite list").out, "(no episodes)"));
    CHECK(contains(t.nd("--db d.sqlite list --deleted").out, "[in bin]"));
    auto again = t.nd("--db d.sqlite delete " + id);
    CHECK(again.code == 1);
    CHECK(contains(again.err, "already in the bin"));
    auto undo = t.nd("--db d.sqlite undo " + id);
    CHECK(undo.code == 0);
    CHECK(contains(t.nd("--db d.sqlite list").out, id));
    CHECK(t.nd("--db d.sqlite undo " + id).code == 1);
    // Emptying the bin erases for good: undo then explains why it cannot.
    REQUIRE(t.nd("--db d.sqlite delete " + id).code == 0);
    auto emptied = t.nd("--db d.sqlite empty-bin --yes");
    CHECK(emptied.code == 0);
    CHECK(contains(emptied.out, "Erased 1 record"));
    auto gone = t.nd("--db d.sqlite undo " + id);
    CHECK(gone.code == 1);
    CHECK(contains(gone.err, "erased for good"));
    CHECK(t.nd("--db d.sqlite show ffffffff").code == 1);
}

TEST_CASE("CLI rejects bad input with a message naming the flag") {
    if (!has_cli()) return;
    CliDir t;
    struct Bad {
        const char* args;
        const char* message;
    };
    const Bad cases[] = {
        {"log --region left:toes --numbness 11", "--numbness"},
        {"log --region left:toes --pain -1", "--pain"},
        {"log --region left:toes --numbness abc", "--numbness"},
        {"log --region left:toes --at 2026-02-30T10:00", "--at"},
        {"log --region left:toes --at 2026-01-01T25:00Z", "--at"},
        {"log --region left:toes --at 2099-01-01T10:00Z", "in the future"},
        {"log --region left:toes --at 2026-01-01T10:00Z --ago 5", "not both"},
        {"log --region left:toes --duration 5 --ongoing", "not both"},
        {"log --region left:elbow", "elbow"},
        {"log --region upside:toes", "upside"},
        {"log --numbness 3", "--region is required"},
        {"log --region left:toes --sensation numbness,itching", "itching"},
        {"log --region left:toes --sensation numbness,itching", "tingling"},  // lists the valid ids
        {"log --region left:toes --onset slowly", "--onset"},
        {"log --region left:toes --relief-after 5", "--relief"},
        {"log --region left:toes --frobnicate", "unknown option '--frobnicate'"},
        {"log --region", "needs a value"},
        {"checkin --date 2026-13-01", "--date"},
        {"checkin --symptom sneezing", "--symptom"},
        {"background add fact --kind unicorn", "--kind"},
        {"background add fact --kind alcohol_use", "--amount"},
        {"background set --birth-date 1960-02-30", "--birth-date"},
        {"list --from 2026-02-01 --to 2026-01-01", "--from"},
        {"show", "missing argument"},
        {"delete 12", "too short"},
        {"demo --seed x", "--seed"},
    };
    for (const auto& c : cases) {
        INFO(c.args);
        auto r = t.nd(std::string("--db d.sqlite ") + c.args);
        CHECK(r.code == 2);
        CHECK(contains(r.err, c.message));
        CHECK(r.out.empty());
    }
    // Failures that are not usage errors exit 1 with a message.
    auto missing = t.nd("--db d.sqlite import no-such-file.json");
    CHECK(missing.code == 1);
    CHECK(contains(missing.err, "not found"));
    auto no_folder = t.nd("--db no/such/folder/d.sqlite log --region left:toes");
    CHECK(no_folder.code == 1);
    CHECK(contains(no_folder.err, "does not exist"));
    auto no_diary = t.nd("--db no/such/folder/d.sqlite list");
    CHECK(no_diary.code == 1);
    CHECK(contains(no_diary.err, "there is no diary"));
    // Nothing was logged by the rejected commands.
    CHECK(contains(t.nd("--db d.sqlite list --deleted").out, "(no episodes)"));
}

TEST_CASE("CLI prints a loud red flag warning for a stroke sign episode") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd("--db d.sqlite log --ago 10 --ongoing --region left:arm,left:face,left:whole_leg --onset sudden "
                  "--sensation numbness,weakness --numbness 7 --sign face_drooping,trouble_speaking");
    CHECK(r.code == 0);
    CHECK(first_line(r.out).size() == 36);
    CHECK(contains(r.err, "WARNING"));
    CHECK(contains(r.err, "EMERGENCY"));
    auto text = t.nd("--db d.sqlite match");
    CHECK(text.code == 0);
    CHECK(text.out.rfind("WARNING SIGNS FOUND", 0) == 0);  // red flags first
    auto json = t.nd("--db d.sqlite match --json");
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc["red_flags"].Size() >= 1);
    CHECK(std::string(doc["red_flags"][0]["kind"].GetString()) == "stroke_signs");
    CHECK(doc["red_flags"][0]["call_emergency"].GetBool());
}

TEST_CASE("CLI demo creates a diary whose match gives ranked causes") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd("demo --out demo.sqlite --now 2026-03-01T12:00:00+01:00");
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "episodes"));
    auto again = t.nd("demo --out demo.sqlite");
    CHECK(again.code == 1);
    CHECK(contains(again.err, "never overwrites"));
    auto json = t.nd("--db demo.sqlite match --json");
    REQUIRE(json.code == 0);
    rapidjson::Document doc;
    doc.Parse(json.out.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    CHECK(doc["red_flags"].Size() == 0);
    CHECK(doc["enough_data"].GetBool());
    REQUIRE(doc["causes"].Size() == 11);
    CHECK(std::string(doc["causes"][0]["id"].GetString()) == "diabetic_neuropathy");
    CHECK(std::string(doc["causes"][0]["fit"].GetString()) == "fits_well");
    // Ranked by score; scores under the rank floor count as equal (matching_thresholds.hpp).
    auto ranked = [](double v) { return v >= nd::kMatchThresholds.rank_floor || v < 0 ? v : 0.0; };
    double previous = ranked(doc["causes"][0]["score"].GetDouble());
    for (const auto& c : doc["causes"].GetArray()) {
        CHECK(ranked(c["score"].GetDouble()) <= previous);
        previous = ranked(c["score"].GetDouble());
    }
    // Same seed and time: the same diary, byte for byte.
    REQUIRE(t.nd("demo --out demo2.sqlite --now 2026-03-01T12:00:00+01:00").code == 0);
    REQUIRE(t.nd("--db demo.sqlite export a.json").code == 0);
    REQUIRE(t.nd("--db demo2.sqlite export b.json").code == 0);
    CHECK(slurp(t.dir / "a.json") == slurp(t.dir / "b.json"));
    // Without --out or --db the demo goes to the data folder, created private.
    REQUIRE(t.nd("demo").code == 0);
    const fs::path data = t.dir / "xdg" / "numbness-diary";
    CHECK(fs::exists(data / "demo.sqlite"));
    CHECK_FALSE(fs::exists(data / "diary.sqlite"));
    CHECK(mode_of(data) == 0700u);
}

TEST_CASE("CLI import is all or nothing and refuses a non-empty diary without replace") {
    if (!has_cli()) return;
    CliDir t;
    REQUIRE(t.nd(kPosture).code == 0);
    REQUIRE(t.nd("--db d.sqlite export a.json").code == 0);
    auto refused = t.nd("--db d.sqlite import a.json");
    CHECK(refused.code == 1);
    CHECK(contains(refused.err, "--replace"));
    CHECK(t.nd("--db d.sqlite import a.json --replace").code == 0);
    CHECK(t.nd("--db d.sqlite export a.json").code == 1);  // never overwrites without --force
    CHECK(t.nd("--db d.sqlite export a.json --force").code == 0);

    std::ofstream(t.dir / "bad.json") << "{\"diary\": {\"profile\": 5}}";
    auto bad = t.nd("--db fresh.sqlite import bad.json");
    CHECK(bad.code == 1);
    CHECK(contains(bad.err, "not a valid diary backup"));
    // A damaged backup (truncated) changes nothing in an existing diary.
    const std::string full = slurp(t.dir / "a.json");
    std::ofstream(t.dir / "cut.json") << full.substr(0, full.size() / 2);
    CHECK(t.nd("--db d.sqlite import cut.json --replace").code == 1);
    CHECK(t.nd("--db d.sqlite export again.json").code == 0);
    CHECK(slurp(t.dir / "again.json") == full);
}

TEST_CASE("CLI check reports ok or problems with the exit status") {
    if (!has_cli()) return;
    CliDir t;
    REQUIRE(t.nd(kPosture).code == 0);
    auto ok = t.nd("--db d.sqlite check");
    CHECK(ok.code == 0);
    CHECK(ok.out.rfind("ok:", 0) == 0);
    CHECK(t.nd("check d.sqlite").code == 0);
    std::ofstream(t.dir / "foreign.sqlite") << "these are not the droids you are looking for";
    auto foreign = t.nd("check foreign.sqlite");
    CHECK(foreign.code == 1);
    CHECK(contains(foreign.out, "problems"));
    CHECK(slurp(t.dir / "foreign.sqlite") == "these are not the droids you are looking for");
    auto missing = t.nd("check nothing-here.sqlite");
    CHECK(missing.code == 1);
    CHECK(contains(missing.err, "no diary"));
}

TEST_CASE("CLI checkin replaces the same day and ND_DB chooses the diary") {
    if (!has_cli()) return;
    CliDir t;
    const std::string env = "ND_DB='" + t.path("env.sqlite").string() + "'";
    auto first = t.nd("checkin --date 2026-01-06 --no-numbness", env);
    REQUIRE(first.code == 0);
    auto second = t.nd("checkin --date 2026-01-06 --symptom back_pain,exhaustion", env);
    REQUIRE(second.code == 0);
    auto list = t.nd("list --checkins", env);
    CHECK(contains(list.out, "2026-01-06"));
    CHECK(contains(list.out, "back_pain"));
    CHECK_FALSE(contains(list.out, "no numbness"));
    CHECK(fs::exists(t.dir / "env.sqlite"));
    CHECK_FALSE(fs::exists(t.dir / "xdg" / "numbness-diary" / "diary.sqlite"));
}
