// `numbness-diary-cli questionnaire list|take|show` end to end (the built binary, ND_CLI_PATH):
// answers from flags and from prompts on stdin, scores from the MNSI scoring guide
// (docs/questionnaires.md), refusals that save nothing.
#include <catch2/catch.hpp>

#include "cli_runner.hpp"

using namespace nd::test;

namespace {
// Yes on 1, 2, 5, 11; no elsewhere (so no on 7 and 13 also scores): 6.
const char* kSix = "yes,yes,no,no,yes,no,no,no,no,no,yes,no,no,no,no";
}  // namespace

TEST_CASE("CLI questionnaire take with --answers saves a scored response, list and show read it", "[questionnaire][cli]") {
    if (!has_cli()) return;
    CliDir t;
    auto r = t.nd(std::string("--db d.sqlite questionnaire take mnsi_history --answers ") + kSix);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "Score 6 of 13: 4 or more: above the lower cut-off used in diabetes studies"));
    CHECK(contains(r.out, "It is not a diagnosis."));
    const std::string id = first_line(r.out);
    CHECK(id.size() == 36);

    auto l = t.nd("--db d.sqlite questionnaire list");
    CHECK(l.code == 0);
    CHECK(contains(l.out, "mnsi_history  MNSI history (15 questions, score 0 to 13)"));
    CHECK(contains(l.out, id + "  2026-03-01 12:00 +01:00  MNSI history  score 6 of 13"));

    auto s = t.nd("--db d.sqlite questionnaire show " + id.substr(0, 6));
    CHECK(s.code == 0);
    CHECK(contains(s.out, "7. When you get into the tub or shower, are you able to tell the hot water from the cold water?  No"));
    CHECK(contains(s.out, "What it does not mean: It is not a diagnosis."));
    auto latest = t.nd("--db d.sqlite questionnaire show");
    CHECK(latest.out == s.out);

    auto e = t.nd("--db d.sqlite questionnaire export --fhir q.json --csv q.csv");
    CHECK(e.code == 0);
    CHECK(contains(slurp(t.path("q.json")), "\"resourceType\":\"QuestionnaireResponse\""));
    CHECK(contains(slurp(t.path("q.csv")), id + ",mnsi_history,1,2026-03-01T12:00:00+01:00,6,13,4 or more,yes,yes,no"));

    // --answer on top of --answers answers a question twice: refused.
    auto twice = t.nd(std::string("--db d.sqlite questionnaire take mnsi_history --answers ") + kSix + " --answer 7=yes");
    CHECK(twice.code == 2);
    CHECK(contains(twice.err, "question 7 is answered twice"));
}

TEST_CASE("CLI questionnaire take asks on stdin one question at a time", "[questionnaire][cli]") {
    if (!has_cli()) return;
    CliDir t;
    // All yes via y, with one wrong answer re-asked: 11 (items 7 and 13 answered yes score nothing).
    t.write("in.txt", "maybe\ny\ny\nY\nyes\ny\ny\ny\ny\ny\ny\ny\ny\ny\ny\ny\n");
    auto r = t.nd("--db d.sqlite questionnaire take mnsi_history <in.txt");
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(contains(r.out, "1 of 15. Are your legs and/or feet numb? [yes/no]"));
    CHECK(contains(r.out, "Please answer yes/no."));
    CHECK(contains(r.out, "15 of 15. Have you ever had an amputation?"));
    CHECK(contains(r.out, "Score 11 of 13"));

    // Answers that stop early save nothing.
    t.write("short.txt", "n\nn\n");
    auto s = t.nd("--db d.sqlite questionnaire take mnsi_history <short.txt");
    CHECK(s.code == 1);
    CHECK(contains(s.err, "nothing was saved"));
    auto l = t.nd("--db d.sqlite questionnaire list");
    CHECK(contains(l.out, "score 11 of 13"));
    CHECK_FALSE(contains(l.out, "score 0 of 13"));
}

TEST_CASE("CLI questionnaire refuses missing or wrong answers and unknown questionnaires", "[questionnaire][cli]") {
    if (!has_cli()) return;
    CliDir t;
    auto missing = t.nd("--db d.sqlite questionnaire take mnsi_history --answers yes,no,yes");
    CHECK(missing.code == 2);
    CHECK(contains(missing.err, "missing: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15"));
    auto wrong = t.nd("--db d.sqlite questionnaire take mnsi_history --answers yes,no,yes,no,yes,no,yes,no,yes,no,yes,no,yes,no,perhaps");
    CHECK(wrong.code == 2);
    CHECK(contains(wrong.err, "'perhaps' is not an answer"));
    auto unknown = t.nd("--db d.sqlite questionnaire take dn4");
    CHECK(unknown.code == 2);
    CHECK(contains(unknown.err, "unknown questionnaire 'dn4' (available: mnsi_history)"));
    auto l = t.nd("--db d.sqlite questionnaire list");
    CHECK(contains(l.out, "(none yet"));
    auto none = t.nd("--db d.sqlite questionnaire show");
    CHECK(none.code == 1);
    auto sub = t.nd("--db d.sqlite questionnaire frobnicate");
    CHECK(sub.code == 2);
}
