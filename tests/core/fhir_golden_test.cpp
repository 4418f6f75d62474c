// The FHIR bundle's exact bytes, pinned (issue #19: the compact writer was made
// faster and had to stay byte for byte what it wrote before). The digests are those
// of the writer at commit 813754c (rapidjson's Writer / PrettyWriter), taken before
// it changed; a change to the bundle's content updates them on purpose, with a
// note in the commit saying why. Updated on the fhirsize branch (issue #19, 5%
// fewer bytes): the narrative div without <p>, the Observations' narratives without
// "Reported by the patient in a symptom diary." (the performer says it), the
// category coding without its display, the bodySite coding without our words as
// its display where it has a side (bodySite.text holds them); nothing else moved
// (the 10k bundle before and after compared as JSON with those changes undone).
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
         "e76154320a077f9a33b0497bb5fc29054d99d27e8a7240e40313a38613b2991d",
         "c6059d0b60857456da99dc2f7b850afddd23c4bc9bd776ae2c03cfc2f6b555b1"},
        {"export", test::export_diary(),
         "07f698fb3a890665a985121374a4704ed83c6fe86f739ce2191d40ef6d778748",
         "d0101324a03795b80c2c8e0b2b111c03153123e9c397d581eb14f33d113dfa11"},
        {"demo", make_demo_diary(2026, 1789992000),
         "581661b86707aec72072d541e6161d963dad93d5d5bdfd43ad3dd6ef27f1cc53",
         "143c68f80cf8cef5eb85dac45566b579992c9fcacb59f12306773732cdf77af1"},
        {"generated 3000", make_generated_diary(3000, 20260921u, 1790000000),
         "3afad8b20b9fa1b8b0910dd967183b4d9fe218a1536d1b79f56ae4ce6ba0a01a",
         "e3fe07c632cf60fcd08554c88d95acc0d2f7366fea3a98725632a8d91878f349"},
        {"edge", edge_diary(),
         "5db48dc895c2fd1b3e25d8ee6754f3c0a31fe1e1465b1cece570f82797143558",
         "6d08842cdc508b2760f2bfb2c76fce44fdb365f99afdcd2325b2bacbc11400a9"},
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
