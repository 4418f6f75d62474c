// Questionnaire files and scoring. The expected scores come from the University of
// Michigan's MNSI scoring guide (docs/questionnaires.md): "yes" scores on items
// 1-3, 5-6, 8-9, 11-12, 14-15, "no" on 7 and 13, items 4 and 10 are not scored.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <unistd.h>

#include "questionnaire.hpp"

namespace {

const nd::Questionnaire& mnsi() {
    static const auto all = nd::load_default_questionnaires();
    const auto* q = nd::find_questionnaire(all, "mnsi_history");
    REQUIRE(q);
    return *q;
}

// Answers for items 1..15: `yes` lists the items answered yes, the rest no.
std::vector<nd::QuestionnaireAnswer> answers_yes_on(std::initializer_list<int> yes) {
    std::vector<nd::QuestionnaireAnswer> out;
    for (int i = 1; i <= 15; ++i) {
        const bool y = std::find(yes.begin(), yes.end(), i) != yes.end();
        out.push_back({std::to_string(i), y ? "yes" : "no"});
    }
    return out;
}

std::string asset_text() {
    std::ifstream in(std::filesystem::path(nd::default_assets_dir()) / "questionnaires" / "mnsi_history.json");
    return {std::istreambuf_iterator<char>(in), {}};
}

// The shipped file with one piece of text replaced (must be present).
std::string mutated(const std::string& from, const std::string& to) {
    std::string s = asset_text();
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

void require_refused(const std::string& json, const std::string& field) {
    try {
        nd::load_questionnaire_json(json);
        FAIL("accepted a file with a bad " << field);
    } catch (const nd::QuestionnaireError& e) {
        INFO(e.what());
        CHECK(std::string(e.what()).find("field '" + field + "'") != std::string::npos);
    }
}

}  // namespace

TEST_CASE("The shipped MNSI history file has the published 15 items and scoring", "[questionnaire]") {
    const auto& q = mnsi();
    REQUIRE(q.items.size() == 15);
    CHECK(q.items[0].text == "Are your legs and/or feet numb?");
    CHECK(q.items[6].text ==
          "When you get into the tub or shower, are you able to tell the hot water from the cold water?");
    CHECK(q.items[12].text == "Are you able to sense your feet when you walk?");
    CHECK(q.items[14].text == "Have you ever had an amputation?");
    CHECK(q.score_max == 13);
    for (int i : {1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) CHECK(q.items[i - 1].scores_on == std::optional<std::string>("yes"));
    for (int i : {7, 13}) CHECK(q.items[i - 1].scores_on == std::optional<std::string>("no"));
    for (int i : {4, 10}) CHECK_FALSE(q.items[i - 1].scores_on.has_value());
    REQUIRE(q.cutoffs.size() == 2);
    CHECK(q.cutoffs[0].at_least == 4);
    CHECK(q.cutoffs[1].at_least == 7);
    CHECK(q.offer_when == nd::OfferWhen::Always);
    CHECK(q.retake_days == 90);
}

TEST_CASE("MNSI history scoring at every answer-pattern edge", "[questionnaire]") {
    const auto& q = mnsi();
    SECTION("all yes: 11 (items 7 and 13 answered yes score nothing)") {
        CHECK(nd::score_answers(q, answers_yes_on({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})) == 11);
    }
    SECTION("all no: 2 (the reversed items 7 and 13)") {
        CHECK(nd::score_answers(q, answers_yes_on({})) == 2);
    }
    SECTION("the highest score, 13: yes everywhere except no on 7 and 13") {
        CHECK(nd::score_answers(q, answers_yes_on({1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15})) == 13);
    }
    SECTION("the lowest score, 0: no everywhere except yes on 7 and 13") {
        CHECK(nd::score_answers(q, answers_yes_on({7, 13})) == 0);
    }
    SECTION("each reversed item alone") {
        CHECK(nd::score_answers(q, answers_yes_on({7})) == 1);   // no on 13
        CHECK(nd::score_answers(q, answers_yes_on({13})) == 1);  // no on 7
    }
    SECTION("items 4 and 10 never change the score") {
        CHECK(nd::score_answers(q, answers_yes_on({4, 10, 7, 13})) == 0);
        CHECK(nd::score_answers(q, answers_yes_on({4})) == 2);
        CHECK(nd::score_answers(q, answers_yes_on({10})) == 2);
    }
    SECTION("each scored yes-item adds one") {
        for (int i : {1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15}) CHECK(nd::score_answers(q, answers_yes_on({i, 7, 13})) == 1);
    }
    SECTION("answers in any order score the same and are stored in item order") {
        auto a = answers_yes_on({1, 2});
        std::reverse(a.begin(), a.end());
        const auto r = nd::make_response(q, a, {1700000000, 60});
        CHECK(r.score == 4);
        CHECK(r.answers.front().item == "1");
        CHECK(r.answers.back().item == "15");
        CHECK(r.questionnaire == "mnsi_history");
        CHECK(r.version == "1");
    }
}

TEST_CASE("MNSI cut-offs: what a score reaches", "[questionnaire]") {
    const auto& q = mnsi();
    CHECK(q.cutoff_reached(3) == nullptr);
    REQUIRE(q.cutoff_reached(4));
    CHECK(q.cutoff_reached(4)->at_least == 4);
    CHECK(q.cutoff_reached(6)->at_least == 4);
    CHECK(q.cutoff_reached(7)->at_least == 7);
    CHECK(q.cutoff_reached(13)->at_least == 7);
    CHECK(nd::describe_score(q, 3) == "Score 3 of 13: below the lowest cut-off (4)");
    CHECK(nd::describe_score(q, 8).find("above the original cut-off used in diabetes studies") != std::string::npos);
}

TEST_CASE("Incomplete or wrong answers are refused, never scored", "[questionnaire]") {
    const auto& q = mnsi();
    auto missing = answers_yes_on({1});
    missing.erase(missing.begin() + 6);  // item 7
    CHECK_THROWS_WITH(nd::score_answers(q, missing), Catch::Contains("missing: 7"));
    CHECK_THROWS_AS(nd::score_answers(q, {}), nd::QuestionnaireError);
    auto twice = answers_yes_on({});
    twice.push_back({"3", "yes"});
    CHECK_THROWS_WITH(nd::score_answers(q, twice), Catch::Contains("answered twice"));
    auto unknown_item = answers_yes_on({});
    unknown_item.push_back({"16", "yes"});
    CHECK_THROWS_WITH(nd::score_answers(q, unknown_item), Catch::Contains("no question 16"));
    auto bad_answer = answers_yes_on({});
    bad_answer[0].answer = "maybe";
    CHECK_THROWS_WITH(nd::score_answers(q, bad_answer), Catch::Contains("'maybe' is not an answer"));
    CHECK_THROWS_AS(nd::make_response(q, missing, {}), nd::QuestionnaireError);
}

TEST_CASE("Malformed questionnaire files are refused naming the field", "[questionnaire]") {
    REQUIRE_NOTHROW(nd::load_questionnaire_json(asset_text()));
    require_refused(mutated("\"format\": 1", "\"format\": 2"), "format");
    require_refused(mutated("\"id\": \"mnsi_history\"", "\"id\": \"MNSI history\""), "id");
    require_refused(mutated("\"version\": \"1\",", ""), "version");
    require_refused(mutated("\"title\":", "\"titel\": \"x\", \"title\":"), "titel");
    require_refused(mutated("{\"code\": \"no\", \"label\": \"No\"}", "{\"code\": \"yes\", \"label\": \"No\"}"),
                    "options[1].code");
    require_refused(mutated("\"id\": \"4\", \"text\": \"Do you get muscle cramps in your legs and/or feet?\", \"scores_on\": null",
                            "\"id\": \"4\", \"text\": \"Do you get muscle cramps in your legs and/or feet?\", \"scores_on\": \"maybe\""),
                    "items[3].scores_on");
    require_refused(mutated("{\"id\": \"2\", \"text\"", "{\"id\": \"1\", \"text\""), "items[1].id");
    require_refused(mutated("\"Are your feet too sensitive to touch?\"", "\"\""), "items[2].text");
    require_refused(mutated(", \"scores_on\": null}", "}"), "items[3].scores_on");
    require_refused(mutated("\"max\": 13", "\"max\": 15"), "score.max");
    require_refused(mutated("\"at_least\": 7", "\"at_least\": 3"), "cutoffs[1].at_least");
    require_refused(mutated("\"at_least\": 7", "\"at_least\": 14"), "cutoffs[1].at_least");
    require_refused(mutated("\"offer_when\": \"always\"", "\"offer_when\": \"sometimes\""), "offer_when");
    require_refused(mutated("\"retake_days\": 90", "\"retake_days\": \"90\""), "retake_days");
    require_refused(mutated("\"licence\":", "\"licence\": 1, \"licence\":"), "licence");
    CHECK_THROWS_WITH(nd::load_questionnaire_json("{\"id\": "), Catch::Contains("not valid JSON"));
    CHECK_THROWS_WITH(nd::load_questionnaire_json("[]"), Catch::Contains("must be an object"));
}

TEST_CASE("A directory of questionnaire files: another instrument needs no code, ids are unique", "[questionnaire]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("nd-q-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream(dir / "a.json") << asset_text();
        // A second, made-up instrument (test data only): two items, one scored.
        std::ofstream(dir / "b.json") << R"({"format": 1, "id": "test_two", "version": "x", "title": "T", "short_title": "T",
          "intro": "I", "options": [{"code": "yes", "label": "Yes"}, {"code": "no", "label": "No"}],
          "items": [{"id": "a", "text": "A?", "scores_on": "yes"}, {"id": "b", "text": "B?", "scores_on": null}],
          "score": {"min": 0, "max": 1}, "cutoffs": [{"at_least": 1, "label": "one", "source": "s"}],
          "meaning": "m", "not_meaning": "n", "offer_when": "pain_logged", "retake_days": 30, "licence": "l",
          "sources": [{"title": "t"}]})";
    }
    const auto all = nd::load_questionnaires_dir(dir.string());
    REQUIRE(all.size() == 2);
    const auto* t = nd::find_questionnaire(all, "test_two");
    REQUIRE(t);
    CHECK(t->offer_when == nd::OfferWhen::PainLogged);
    CHECK(nd::score_answers(*t, {{"a", "yes"}, {"b", "yes"}}) == 1);
    std::ofstream(dir / "c.json") << asset_text();
    CHECK_THROWS_WITH(nd::load_questionnaires_dir(dir.string()), Catch::Contains("field 'id'"));
    fs::remove_all(dir);
}
