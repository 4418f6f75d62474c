// The FHIR bundle's exact bytes, pinned (issue #19: the compact writer was made
// faster and had to stay byte for byte what it wrote before). The digests are those
// of the writer at commit 813754c (rapidjson's Writer / PrettyWriter), taken before
// it changed; a change to the bundle's content updates them on purpose, with a
// note in the commit saying why.
//
// The diaries cover every branch of the writer's text: the generated diary (every
// region, sensation, sign, effect, relief and onset), the demo year, and an
// "edge" diary of hostile text (invalid UTF-8, control characters, quotes,
// backslashes, XML's special characters, 4-byte UTF-8, a long note), negative and
// large offsets, a year outside 0..9999, episodes that need normalize(), non-UUID
// ids, medicines, conditions and a questionnaire response.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string>

#include "demo_diary.hpp"
#include "export_fixture.hpp"
#include "fhir_export.hpp"
#include "questionnaire.hpp"
#include "sample_diary.hpp"
#include "sha256_hex.hpp"
#include "serialization.hpp"
#include "time_util.hpp"

using namespace nd;

namespace {

using nd::test::sha256_hex;

// A questionnaire of the file format (docs/questionnaires.md), kept here so that
// a change to the shipped MNSI file does not move these digests.
const Questionnaire& test_questionnaire() {
    static const Questionnaire q = load_questionnaire_json(R"({
      "format": 1, "id": "golden_q", "version": "1", "title": "A test \"questionnaire\" <1>",
      "short_title": "Test Q", "intro": "Answer yes or no.",
      "options": [{"code": "yes", "label": "Yes"}, {"code": "no", "label": "No"}],
      "items": [{"id": "1", "text": "Numb feet & toes?", "scores_on": "yes"},
                {"id": "2", "text": "Cramps?", "scores_on": null}],
      "score": {"min": 0, "max": 1},
      "cutoffs": [{"at_least": 1, "label": "1: some", "source": "this test"}],
      "meaning": "m", "not_meaning": "n", "offer_when": "always", "retake_days": 30,
      "licence": "test only", "sources": [{"title": "none"}]
    })");
    return q;
}

Diary edge_diary() {
    Diary d = test::sample_diary();
    d.profile.name = "O'Brien \"Bob\" <&> \\ Ñandú \xF0\x9F\xA6\xB6";
    d.profile.birth_date = "1950-02-28";
    d.profile.health_number = "943 476 \t5919";
    auto live = std::find_if(d.episodes.begin(), d.episodes.end(), [](const Episode& x) { return !x.deleted_utc; });
    REQUIRE(live != d.episodes.end());
    Episode& e = *live;
    e.note = std::string("bad \xC3 byte, \x01 control, \x7F del, tab\there, cr\r, nl\n, quote \" back \\ slash / ") +
             "\xE2\x82\xAC euro \xED\xA0\x80 surrogate \xF4\x90\x80\x80 too high \xC0\xAF overlong" + std::string(3000, 'x');
    Episode odd = e;
    odd.id = "not-a-uuid-1";
    odd.start = {-62198755200 + 86400 * 3, -600};   // year 0, offset -10:00 (format_iso8601's branch)
    odd.regions = {{Region::Calf, Side::Right}, {Region::Toes, Side::Left}, {Region::Calf, Side::Right}};
    odd.sensations = {Sensation::Weakness, Sensation::Burning, Sensation::Burning};
    odd.signs = {Sign::LegWeakness, Sign::ArmWeakness, Sign::Confusion};
    odd.spread = true;
    odd.spread_from = Region::Toes;
    odd.spread_to = Region::Knee;
    odd.spread_speed = SpreadSpeed::Unknown;
    odd.pain = 10;
    odd.numbness = 0;
    odd.relief_after_min = 0;
    odd.effect_walking = 3;
    odd.effect_sleep = 2;
    odd.effect_work = 1;
    odd.updated_utc = 1;
    d.episodes.push_back(odd);
    Episode far = d.episodes.back();   // `e` may have moved with the push_back
    far.id = "far";
    far.start = {253402300800 + 3600, 14 * 60};   // year 10000
    far.note = "<script>&amp;</script>";
    far.duration_min = 60 * 24 * 400;
    d.episodes.push_back(far);
    Medicine m;
    m.id = "med-1";
    m.name = "Pregabalin \"Lyrica\"";
    m.dose = "75 mg";
    m.when_taken = "at night <bed>";
    m.since = "2025-13-01";   // not a date: no effectivePeriod
    m.helped = TriState::No;
    m.note = "dizzy & tired";
    d.medicines.push_back(m);
    Medicine m2 = m;
    m2.id = "0c000003-3333-4333-8333-000000000001";
    m2.since = "2024-06-30";
    m2.helped = TriState::Yes;
    m2.note.clear();
    m2.when_taken.clear();
    m2.dose.clear();
    d.medicines.push_back(m2);
    BackgroundFact f;
    f.id = "fact-\xC3";
    f.kind = FactKind::Diabetes;
    f.detail = "type 1 <since childhood>";
    f.since = "1970-01-01";
    d.facts.push_back(f);
    BackgroundFact g;
    g.id = "0d000004-4444-4444-8444-000000000001";
    g.kind = FactKind::OtherDiagnosis;
    d.facts.push_back(g);
    auto r = make_response(test_questionnaire(), {{"1", "yes"}, {"2", "no"}}, *parse_iso8601("2026-01-06T08:00:00-03:30"));
    r.id = "0e000005-5555-4555-8555-000000000001";
    r.created_utc = r.updated_utc = r.taken.utc;
    d.questionnaire_responses.push_back(r);
    return d;
}

struct Golden {
    const char* name;
    Diary diary;
    const char* compact;
    const char* pretty;
};

}  // namespace

TEST_CASE("The FHIR bundle's bytes are pinned, compact and pretty", "[fhir][golden]") {
    const std::vector<Questionnaire> questionnaires{test_questionnaire()};
    const Golden cases[] = {
        {"sample", test::sample_diary(),
         "a8e9097f7e00efa24acaeddfbcaeeeb30486f8c488052bbd9122b3452cdee0f4",
         "be584cdf2e25d4b06d9caaa3e664599b00b4fc6e566de956655778ea05cc662a"},
        {"export", test::export_diary(),
         "79053a7c0f1174027d0e4cf0e2fcd4db6c2f5a96ea2b5280a79317f904ab0ee4",
         "2e4c2b00fca486d328614e045ed676c07554efa0f18845a5676933012530137c"},
        {"demo", make_demo_diary(2026, 1789992000),
         "51e8cd524cca045611304d4b86f0a0d9c957c3e13a99ba2592c6480809ad806b",
         "1059fb123df905f87777bb603b8e7d51f84d05ec5212fa4e61cb6ac2740e1eee"},
        {"generated 3000", make_generated_diary(3000, 20260921u, 1790000000),
         "97afb4d84522d086d3d21e26b3661a46b9fa05db7f3262b546f014dc28bdc084",
         "fd3978c3a00abc261a07a01bd99ba55066c6488e2d6f44bad0b71ffac16c23bf"},
        {"edge", edge_diary(),
         "2055065d53cc439e5a60797f75db17d2fc59936fc829dc27a8b61b7390e3771b",
         "e81a4572b9b24546582e56de9b5fb4b1a78292e46a55e68d42f400301e5c607f"},
    };
    for (const auto& c : cases) {
        for (bool pretty : {false, true}) {
            FhirOptions o;
            o.pretty = pretty;
            o.questionnaires = &questionnaires;
            if (std::string(c.name) != "sample") o.timestamp = LocalTime{1767600000, -150};
            const std::string json = diary_to_fhir_json(c.diary, o);
            // ND_GOLDEN_DUMP=DIR writes each bundle there, to see what changed.
            if (const char* dir = std::getenv("ND_GOLDEN_DUMP"))
                std::ofstream(std::string(dir) + "/" + c.name + (pretty ? ".pretty" : ".compact") + ".json",
                              std::ios::binary) << json;
            INFO(c.name << (pretty ? " pretty" : " compact") << ", " << json.size() << " bytes");
            CHECK(sha256_hex(json) == (pretty ? c.pretty : c.compact));
        }
    }
}
