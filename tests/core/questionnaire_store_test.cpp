// Questionnaire responses through the store, backups (JSON, binary, envelope) and
// merge: round trips, the bin and tombstones, newest change wins, deletes honoured,
// and backups written before responses existed still load.
#include <catch2/catch.hpp>

#include "backup.hpp"
#include "merge.hpp"
#include "questionnaire.hpp"
#include "sample_diary.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "time_util.hpp"

using namespace nd;

namespace {

constexpr std::int64_t T = test::kSampleNow;

QuestionnaireResponse response(const std::string& id, std::int64_t taken, int yes_count) {
    QuestionnaireResponse r;
    r.id = id;
    r.questionnaire = "mnsi_history";
    r.version = "1";
    r.taken = {taken, 60};
    for (int i = 1; i <= 15; ++i) r.answers.push_back({std::to_string(i), i <= yes_count ? "yes" : "no"});
    r.score = 0;
    r.created_utc = r.updated_utc = taken;
    return r;
}

Diary with_responses() {
    Diary d = test::sample_diary();
    d.questionnaire_responses.push_back(response("0b0e3c55-58a3-4c55-9a55-8f0c2f5b1a01", T - 86400 * 100, 3));
    d.questionnaire_responses.push_back(response("0b0e3c55-58a3-4c55-9a55-8f0c2f5b1a02", T - 86400, 9));
    d.questionnaire_responses.back().deleted_utc = T - 10;
    return d;
}

}  // namespace

TEST_CASE("Questionnaire responses: store round trip, bin, restore, tombstone", "[questionnaire][store]") {
    auto s = Store::open_in_memory();
    std::int64_t clock = T;
    s->set_clock([&] { return clock; });
    const auto all = load_default_questionnaires();
    const auto& q = *find_questionnaire(all, "mnsi_history");
    std::vector<QuestionnaireAnswer> answers;
    for (const auto& item : q.items) answers.push_back({item.id, "yes"});
    const auto stored = s->put_questionnaire_response(make_response(q, answers, {T - 3600, 120}));
    CHECK(is_uuid(stored.id));
    CHECK(stored.created_utc == T);
    CHECK(stored.score == 11);
    REQUIRE(s->questionnaire_response(stored.id) == stored);
    CHECK(s->questionnaire_responses() == std::vector<QuestionnaireResponse>{stored});

    clock += 10;
    s->delete_questionnaire_response(stored.id);
    CHECK(s->questionnaire_responses().empty());
    REQUIRE(s->questionnaire_responses(true).size() == 1);
    CHECK(s->questionnaire_responses(true)[0].deleted_utc == T + 10);
    clock += 10;
    s->restore_questionnaire_response(stored.id);
    CHECK(s->questionnaire_responses().size() == 1);

    // Refused values change nothing.
    auto bad = stored;
    bad.answers.push_back({"1", "no"});
    CHECK_THROWS_AS(s->put_questionnaire_response(bad), StoreError);
    bad = stored;
    bad.answers[0].answer = "yes,16=yes";
    CHECK_THROWS_AS(s->put_questionnaire_response(bad), StoreError);
    CHECK(s->questionnaire_responses()[0].answers == stored.answers);

    s->delete_questionnaire_response(stored.id);
    s->empty_bin();
    const auto d = s->load_diary();
    CHECK(d.questionnaire_responses.empty());
    REQUIRE(d.tombstones.size() == 1);
    CHECK(d.tombstones[0].kind == "questionnaire_response");
    CHECK_THROWS_AS(s->delete_questionnaire_response(stored.id), StoreError);
}

TEST_CASE("Questionnaire responses survive replace_diary, JSON, binary and envelope backups", "[questionnaire][backup]") {
    const Diary d = with_responses();
    REQUIRE_NOTHROW(validate(d));
    auto s = Store::open_in_memory();
    s->replace_diary(d);
    CHECK(s->load_diary() == d);
    CHECK(diary_from_json(diary_to_json(d)) == d);
    CHECK(diary_from_binary(diary_to_binary(d)) == d);
    CHECK(read_backup(write_backup(d)) == d);
    CHECK(diary_to_json(d).find("\"questionnaire_responses\"") != std::string::npos);
}

TEST_CASE("A backup written before questionnaire responses existed still loads", "[questionnaire][backup]") {
    // Diary class version 1: no questionnaire_responses member at all.
    Diary old = test::sample_diary();
    std::string json = diary_to_json(old);
    const auto list_at = json.find(",\n    \"questionnaire_responses\"");
    REQUIRE(list_at != std::string::npos);
    json.erase(list_at, json.find(']', list_at) + 1 - list_at);
    const auto ver = json.find("\"cereal_class_version\": 2");
    REQUIRE(ver != std::string::npos);
    json.replace(ver, std::string("\"cereal_class_version\": 2").size(), "\"cereal_class_version\": 1");
    const Diary loaded = diary_from_json(json);
    CHECK(loaded == old);
    CHECK(loaded.questionnaire_responses.empty());
    // A version-1 diary with the new member is read as version 1: the member is ignored.
    // A diary version newer than this build knows is refused.
    std::string newer = diary_to_json(old);
    newer.replace(newer.find("\"cereal_class_version\": 2"), std::string("\"cereal_class_version\": 2").size(),
                  "\"cereal_class_version\": 3");
    CHECK_THROWS_WITH(diary_from_json(newer), Catch::Contains("newer version"));
}

TEST_CASE("Merge of questionnaire responses: union, newest change wins, deletes honoured", "[questionnaire][merge]") {
    const Diary base = with_responses();
    Diary mine = base, theirs = base;
    // Mine: a new response. Theirs: deletes the first one later than mine edits it.
    mine.questionnaire_responses.push_back(response("0b0e3c55-58a3-4c55-9a55-8f0c2f5b1a03", T + 100, 5));
    mine.questionnaire_responses[0].score = 1;
    mine.questionnaire_responses[0].updated_utc = T + 200;
    theirs.questionnaire_responses[0].deleted_utc = T + 300;
    theirs.questionnaire_responses[0].updated_utc = T + 300;
    // Theirs restores the second (binned in base) after the bin time.
    theirs.questionnaire_responses[1].deleted_utc.reset();
    theirs.questionnaire_responses[1].updated_utc = T + 50;

    const Diary m = merge(mine, theirs);
    CHECK(m == merge(theirs, mine));
    CHECK(merge(m, m) == m);
    REQUIRE_NOTHROW(validate(m));
    REQUIRE(m.questionnaire_responses.size() == 3);
    auto find = [&](const std::string& tail) {
        for (const auto& r : m.questionnaire_responses)
            if (r.id.ends_with(tail)) return r;
        FAIL("missing " << tail);
        return QuestionnaireResponse{};
    };
    CHECK(find("a01").deleted_utc == T + 300);   // the later delete beats the earlier edit
    CHECK_FALSE(find("a02").deleted_utc);        // the later restore wins
    CHECK(find("a03").score == 0);               // new on one side: kept

    // A tombstone (erased for good) beats the record.
    Diary erased = base;
    erased.questionnaire_responses.erase(erased.questionnaire_responses.begin());
    erased.tombstones.push_back({base.questionnaire_responses[0].id, "questionnaire_response", T + 500});
    const Diary m2 = merge(mine, erased);
    CHECK(m2.questionnaire_responses.size() == 2);
    CHECK(diff_diaries(mine, m2).deleted == 1);
    // An edit after the erase brings it back.
    Diary late = mine;
    late.questionnaire_responses[0].updated_utc = T + 600;
    CHECK(merge(late, erased).questionnaire_responses.size() == 3);
}
