#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <random>
#include <sstream>

#include "catalog.hpp"
#include "cause_diaries.hpp"
#include "demo_diary.hpp"
#include "spread_diary.hpp"
#include "matching.hpp"
#include "matching_thresholds.hpp"

using namespace nd;
using namespace nd::test;
using Catch::Contains;

namespace {

const Catalog& catalog() {
    static const Catalog cat = load_default_catalog();
    return cat;
}

// A copy, so it may be taken from a temporary result.
CauseMatch cause(const MatchResult& r, const std::string& id) {
    for (const auto& c : r.causes)
        if (c.cause_id == id) return c;
    FAIL("no cause " << id);
    throw std::logic_error("unreachable");
}

// Everything a result says, in one string: for failure messages and exact comparisons.
// Evidence episodes are shown by id, resolved through the diary that was matched.
std::string dump(const MatchResult& r, const Diary& d) {
    std::ostringstream o;
    o << "episodes " << r.episodes_considered << "/" << r.minimum_episodes << "\n";
    for (const auto& f : r.red_flags) {
        o << "FLAG " << static_cast<int>(f.kind) << " " << f.episode_id << " " << f.call_emergency << " " << f.title;
        for (const auto& why : f.reasons) o << " | " << why;
        o << "\n";
    }
    for (const auto& c : r.causes) {
        o << c.cause_id << " score=" << c.score << " fit=" << fit_label(c.fit) << " : " << c.fit_text << "\n";
        for (const auto& e : c.evidence) {
            o << "  " << (e.supports ? "+ " : "- ") << e.text << " w=" << e.weight << " [";
            for (const auto& id : episode_ids(e, d)) o << id << " ";
            for (const auto& id : e.fact_ids) o << id << " ";
            o << "]\n";
        }
        for (const auto& u : c.unknowns) o << "  ? " << u << "\n";
    }
    return o.str();
}

bool has_against_line(const CauseMatch& c) {
    return std::any_of(c.evidence.begin(), c.evidence.end(), [](const EvidenceLine& e) { return !e.supports; });
}

const EvidenceLine* line_containing(const CauseMatch& c, const std::string& text) {
    for (const auto& e : c.evidence)
        if (e.text.find(text) != std::string::npos) return &e;
    return nullptr;
}

// The cause ranks first on `own`, with a good fit; on `other` it fits worse.
void check_cause(const std::string& id, const Diary& own, const Diary& other, bool expect_against_line,
                 Fit other_fit = Fit::FitsLittle) {
    const auto mine = match(catalog(), own);
    INFO(dump(mine, own));
    REQUIRE(mine.causes.size() == 11);
    CHECK(mine.causes.front().cause_id == id);
    const auto& c = cause(mine, id);
    CHECK(c.fit == Fit::FitsWell);
    REQUIRE_FALSE(c.evidence.empty());
    CHECK(c.evidence.front().supports);

    const auto theirs = match(catalog(), other);
    INFO(dump(theirs, other));
    const auto& o = cause(theirs, id);
    CHECK(o.score < c.score);
    CHECK(o.fit == other_fit);
    CHECK(theirs.causes.front().cause_id != id);
    if (expect_against_line) CHECK(has_against_line(o));
    if (o.serious) CHECK(o.fit_text == "The diary does not point to it so far.");
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::vector<Diary> all_diaries() {
    return {posture_diary(), nothing_eases_diary(), injury_diary(), diabetic_diary(), sciatica_diary(),
            tarsal_diary(), pad_diary(), growth_diary(), alcohol_diary(), alcohol_diary(3), fibromyalgia_diary(),
            numbness_only_diary(), ms_diary(), stroke_diary(), Diary{}};
}

}  // namespace

TEST_CASE("posture ranks first on a fallen-asleep pattern and loses when nothing eases it") {
    check_cause("posture", posture_diary(), nothing_eases_diary(), true);
    const Diary posture = posture_diary();
    const auto r = match(catalog(), posture);
    const auto& c = cause(r, "posture");
    const EvidenceLine* trigger = line_containing(c, "began after crossed legs");
    REQUIRE(trigger);
    CHECK(trigger->text ==
          "7 of 9 episodes began after crossed legs, long sitting, kneeling, sitting on the feet or tight clothes");
    CHECK(trigger->episode_indices.size() == 7);
    CHECK(episode_ids(*trigger, posture).front() == test_uuid(1, 1));
    const EvidenceLine* eased = line_containing(c, "eased within 15 minutes");
    REQUIRE(eased);
    CHECK(eased->text.rfind("9 of 9 episodes", 0) == 0);

    const auto against = cause(match(catalog(), nothing_eases_diary()), "posture");
    const EvidenceLine* nothing = line_containing(against, "were eased by nothing");
    REQUIRE(nothing);
    CHECK_FALSE(nothing->supports);
    CHECK(nothing->weight < 0);
    CHECK(nothing->episode_indices.size() == 5);
    CHECK(against.score < 0);
}

TEST_CASE("injury ranks first after a fall with a recorded ankle injury") {
    check_cause("injury", injury_diary(), posture_diary(), false);
    const auto& c = cause(match(catalog(), injury_diary()), "injury");
    const EvidenceLine* bg = line_containing(c, "The background records an injury");
    REQUIRE(bg);
    CHECK(bg->fact_ids == std::vector<std::string>{test_uuid(3, 1)});
    // The person's own words, not the category (issue 11).
    CHECK_THAT(bg->text, Contains("(twisted ankle playing football since 2025-11-20)"));
    REQUIRE(line_containing(c, "3 of 5 episodes began after a fall or injury"));
}

TEST_CASE("diabetic neuropathy ranks first when numbness rises from the toes with diabetes") {
    check_cause("diabetic_neuropathy", diabetic_diary(), posture_diary(), false);
    const auto& c = cause(match(catalog(), diabetic_diary()), "diabetic_neuropathy");
    const EvidenceLine* rising = line_containing(c, "started in the toes or soles and reached higher");
    REQUIRE(rising);
    CHECK(rising->text.rfind("5 of 8 episodes", 0) == 0);
    // Without diabetes in the background, the diary says so.
    const auto& other = cause(match(catalog(), posture_diary()), "diabetic_neuropathy");
    CHECK(std::count(other.unknowns.begin(), other.unknowns.end(), "The background records nothing about diabetes") == 1);
}

TEST_CASE("lower back and sciatica ranks first with a disc problem, back pain and a numb back of the leg") {
    check_cause("lower_back_sciatica", sciatica_diary(), tarsal_diary(), false);
    const auto& c = cause(match(catalog(), sciatica_diary()), "lower_back_sciatica");
    const EvidenceLine* pain = line_containing(c, "daily check-ins reported back pain");
    REQUIRE(pain);
    CHECK(pain->text == "8 of 10 daily check-ins reported back pain");
    CHECK(pain->fact_ids.size() == 8);
}

TEST_CASE("tarsal tunnel ranks first with burning at the inner ankle and heel") {
    check_cause("tarsal_tunnel", tarsal_diary(), pad_diary(), false);
}

TEST_CASE("peripheral artery disease ranks first on walking pain eased by rest and loses when nothing eases it") {
    check_cause("peripheral_artery_disease", pad_diary(), nothing_eases_diary(), true);
    const auto& c = cause(match(catalog(), pad_diary()), "peripheral_artery_disease");
    REQUIRE(line_containing(c, "7 of 7 episodes began while walking"));
    REQUIRE(line_containing(c, "7 of 7 episodes eased within 10 minutes of resting"));
}

TEST_CASE("tumours and growths rank first with a known growth, and a posture diary does not point to them") {
    check_cause("tumors_growths", growth_diary(), posture_diary(), false);
}

TEST_CASE("alcohol neuropathy ranks first on heavy drinking and low vitamin B, not on light drinking") {
    // Light drinking with numbness of both feet and hands: the glove-and-stocking pattern is part
    // of the documented picture, so it fits partly, but without the heavy-drinking lines.
    check_cause("alcohol_neuropathy", alcohol_diary(), alcohol_diary(3), false, Fit::FitsPartly);
    const auto& c = cause(match(catalog(), alcohol_diary()), "alcohol_neuropathy");
    const EvidenceLine* heavy = line_containing(c, "8 or more drinks a week");
    REQUIRE(heavy);
    CHECK_THAT(heavy->text, Contains("(28 drinks a week since 2018-01-01)"));
    REQUIRE(line_containing(c, "15 or more drinks a week"));
    const auto& light = cause(match(catalog(), alcohol_diary(3)), "alcohol_neuropathy");
    CHECK(line_containing(light, "drinks a week") == nullptr);
    // Alcohol recorded below the threshold is not reported as missing.
    for (const auto& u : light.unknowns) CHECK(u.find("alcohol") == std::string::npos);
}

TEST_CASE("fibromyalgia ranks first with widespread pain over months and loses on numbness alone") {
    check_cause("fibromyalgia", fibromyalgia_diary(), numbness_only_diary(), true);
    const auto& c = cause(match(catalog(), fibromyalgia_diary()), "fibromyalgia");
    REQUIRE(line_containing(c, "15 of 20 daily check-ins reported pain in many parts of the body"));
    REQUIRE(line_containing(c, "Long-term: the episodes recur over 3 months or more (the episodes span 112 days)"));
    const auto& against = cause(match(catalog(), numbness_only_diary()), "fibromyalgia");
    const EvidenceLine* alone = line_containing(against, "were numbness alone");
    REQUIRE(alone);
    CHECK_FALSE(alone->supports);
    CHECK(alone->text.rfind("5 of 5 episodes", 0) == 0);
    const EvidenceLine* short_term = line_containing(against, "Not long-term so far");
    REQUIRE(short_term);
    CHECK_FALSE(short_term->supports);
    CHECK(against.score < 0);
}

TEST_CASE("multiple sclerosis ranks first on spells lasting days, growing stronger, with unsteadiness") {
    check_cause("multiple_sclerosis", ms_diary(), posture_diary(), false);
    const auto& c = cause(match(catalog(), ms_diary()), "multiple_sclerosis");
    const EvidenceLine* worse = line_containing(c, "Numbness grew stronger over the diary");
    REQUIRE(worse);
    CHECK_THAT(worse->text, Contains("2.7 out of 10 in the first 3 episodes, 7.0 in the last 3"));
}

TEST_CASE("stroke ranks first on sudden face and arm numbness with warning signs") {
    check_cause("stroke", stroke_diary(), posture_diary(), false);
    const auto r = match(catalog(), stroke_diary());
    CHECK(r.red_flags.size() == 3);
    CHECK_THAT(cause(r, "stroke").fit_text, Contains("doctor"));
}

TEST_CASE("Serious causes are never shown as ruled out") {
    for (const auto& d : all_diaries()) {
        const auto r = match(catalog(), d);
        INFO(dump(r, d));
        for (const auto& c : r.causes) {
            std::string all = c.fit_text;
            for (const auto& e : c.evidence) all += " " + e.text;
            for (const auto& u : c.unknowns) all += " " + u;
            all = lower(all);
            for (const char* word : {"ruled out", "rule out", "rules out", "excluded", "unlikely", "not the cause"})
                CHECK(all.find(word) == std::string::npos);
            if (c.serious && c.fit == Fit::FitsLittle) {
                CHECK(c.fit_text == "The diary does not point to it so far.");
                // ... with what would change that.
                CHECK(std::any_of(c.unknowns.begin(), c.unknowns.end(),
                                  [](const std::string& u) { return u.rfind("What would change that: ", 0) == 0; }));
            }
        }
    }
}

TEST_CASE("Too little data gives no claims: the diary cannot tell yet") {
    Diary d;
    add(d, fallen_asleep_foot(1, 0));
    add(d, fallen_asleep_foot(2, 1));
    const auto r = match(catalog(), d);
    INFO(dump(r, d));
    CHECK(r.episodes_considered == 2);
    CHECK(r.minimum_episodes == 3);
    for (const auto& c : r.causes) {
        CHECK(c.fit == Fit::CannotTell);
        CHECK_THAT(c.fit_text, Contains("needs at least 3 episodes (it has 2)"));
        REQUIRE_FALSE(c.unknowns.empty());
        CHECK(c.unknowns.front() == "Log at least 3 episodes before the diary can show a pattern");
    }
    CHECK(std::string(fit_label(Fit::CannotTell)) == "The diary cannot tell yet");

    // An empty diary too.
    for (const auto& c : match(catalog(), Diary{}).causes) CHECK(c.fit == Fit::CannotTell);

    // A background fact does not bypass the minimum (issue 11): still "cannot tell yet", and
    // the fact is only mentioned as such, in the person's words.
    add(d, fact(1, FactKind::Diabetes, {}, "", "type 2 diabetes"));
    const auto with_fact = match(catalog(), d);
    for (const auto& c : with_fact.causes) CHECK(c.fit == Fit::CannotTell);
    const auto& diabetic = cause(with_fact, "diabetic_neuropathy");
    REQUIRE(diabetic.evidence.size() == 1);
    CHECK(diabetic.evidence[0].text == "Your background mentions type 2 diabetes");
    CHECK(diabetic.evidence[0].episode_indices.empty());
}

TEST_CASE("Matching is deterministic: the same result twice and under any input order") {
    std::mt19937 rng(12345);
    for (auto d : all_diaries()) {
        const std::string first = dump(match(catalog(), d), d);
        CHECK(dump(match(catalog(), d), d) == first);
        for (int round = 0; round < 3; ++round) {
            std::shuffle(d.episodes.begin(), d.episodes.end(), rng);
            std::shuffle(d.checkins.begin(), d.checkins.end(), rng);
            std::shuffle(d.facts.begin(), d.facts.end(), rng);
            CHECK(dump(match(catalog(), d), d) == first);
        }
    }
}

TEST_CASE("Ranking: scores under the rank floor count as equal and keep catalog order") {
    // Ties used to break by cause id; now scores from 0 to under kMatchThresholds.rank_floor
    // are equal and keep the catalog's order (the seed's, most common first), so one stray weak
    // line cannot lift a serious cause into the top 3 of a fallen-asleep diary.
    for (const Diary& d : all_diaries()) {
        const auto r = match(catalog(), d);
        auto ranked = [](double s) { return s >= kMatchThresholds.rank_floor || s < 0 ? s : 0.0; };
        auto position = [&](const std::string& id) {
            for (std::size_t i = 0; i < catalog().causes.size(); ++i)
                if (catalog().causes[i].id == id) return i;
            return std::size_t(99);
        };
        for (std::size_t i = 1; i < r.causes.size(); ++i) {
            const auto& a = r.causes[i - 1];
            const auto& b = r.causes[i];
            CHECK((ranked(a.score) > ranked(b.score) ||
                   (ranked(a.score) == ranked(b.score) && position(a.cause_id) < position(b.cause_id))));
        }
    }
    const auto empty = match(catalog(), Diary{});
    CHECK(empty.causes.front().cause_id == catalog().causes.front().id);
}

TEST_CASE("Deleted episodes, check-ins and facts are ignored") {
    Diary d = posture_diary();
    const std::string clean = dump(match(catalog(), d), d);
    Diary stroke = stroke_diary();
    for (auto& e : stroke.episodes) {
        e.deleted_utc = kDay0Utc + 100 * kDaySeconds;
        d.episodes.push_back(e);
    }
    auto growth = fact(9, FactKind::KnownGrowth);
    growth.deleted_utc = kDay0Utc;
    d.facts.push_back(growth);
    auto pain = checkin(9, day_date(0), {GeneralSymptom::WidespreadPain});
    pain.deleted_utc = kDay0Utc;
    d.checkins.push_back(pain);
    const auto r = match(catalog(), d);
    CHECK(r.episodes_considered == 9);
    CHECK(r.red_flags.empty());
    CHECK(dump(r, d) == clean);
}

TEST_CASE("Unknowns say what the diary does not record") {
    Diary d;
    for (int i = 0; i < 4; ++i)
        add(d, EpisodeBuilder(i + 1).day(i).region(Region::Calf).sensation(Sensation::Numbness).after(Activity::Walking));
    const auto r = match(catalog(), d);
    const auto& pad = cause(r, "peripheral_artery_disease");
    INFO(dump(r, d));
    CHECK(std::count(pad.unknowns.begin(), pad.unknowns.end(), "No episode records what eased it") == 1);
    CHECK(std::count(pad.unknowns.begin(), pad.unknowns.end(), "No episode records how soon it eased") == 1);
    const auto& fib = cause(r, "fibromyalgia");
    CHECK(std::count(fib.unknowns.begin(), fib.unknowns.end(), "No daily check-in records general symptoms yet") == 1);
}

TEST_CASE("Evidence lines name their episodes in time order and carry their weight") {
    const Diary d = pad_diary();
    const auto r = match(catalog(), d);
    for (const auto& c : r.causes)
        for (const auto& e : c.evidence) {
            CHECK(e.weight != 0);
            CHECK(e.supports == (e.weight > 0));
            const auto ids = episode_ids(e, d);
            CHECK(ids.size() == e.episode_indices.size());
            CHECK(std::is_sorted(ids.begin(), ids.end()));  // test ids grow with time
        }
}

TEST_CASE("Evidence indices point at live episodes of the matched diary in any input order") {
    Diary d = diabetic_diary();
    Diary binned = stroke_diary();
    for (auto& e : binned.episodes) {
        e.deleted_utc = kDay0Utc;
        d.episodes.push_back(e);
    }
    std::mt19937 rng(7);
    std::shuffle(d.episodes.begin(), d.episodes.end(), rng);
    const auto r = match(catalog(), d);
    std::size_t lines = 0;
    for (const auto& c : r.causes)
        for (const auto& e : c.evidence) {
            for (std::size_t k = 0; k < e.episode_indices.size(); ++k) {
                REQUIRE(e.episode_indices[k] < d.episodes.size());
                const Episode& ep = d.episodes[e.episode_indices[k]];
                CHECK_FALSE(ep.deleted_utc);
                if (k > 0) CHECK(d.episodes[e.episode_indices[k - 1]].start.utc <= ep.start.utc);
            }
            lines += !e.episode_indices.empty();
        }
    CHECK(lines > 0);
    CHECK(episode_id(d, static_cast<std::uint32_t>(d.episodes.size())) == nullptr);
}

TEST_CASE("The disclaimer says it is not a diagnosis and when to call for help") {
    const std::string text = disclaimer();
    CHECK_THAT(text, Contains("doctor"));
    CHECK_THAT(text, Contains("not a diagnosis"));
    CHECK_THAT(text, Contains("emergency"));
}

TEST_CASE("A diary of feet that fell asleep suggests no other cause") {
    const Diary d = posture_diary();
    const auto r = match(catalog(), d);
    INFO(dump(r, d));
    CHECK(r.red_flags.empty());
    for (const auto& c : r.causes)
        if (c.cause_id != "posture") CHECK(c.fit == Fit::FitsLittle);
}

TEST_CASE("Numb hands and feet without warning signs do not point to stroke") {
    for (const auto& d : {alcohol_diary(), fibromyalgia_diary()}) {
        const auto r = match(catalog(), d);
        INFO(dump(r, d));
        CHECK(r.red_flags.empty());
        CHECK(cause(r, "stroke").fit == Fit::FitsLittle);
    }
}

TEST_CASE("Evidence wording agrees in number and never says 0 days") {
    // One episode of three at the inner ankle: "1 of 3 episodes was felt", not "were felt".
    Diary d;
    add(d, EpisodeBuilder(1).day(0, 8).region(Region::InnerAnkle, Side::Right).sensation(Sensation::Numbness).build());
    add(d, EpisodeBuilder(2).day(0, 12).region(Region::Calf, Side::Right).sensation(Sensation::Numbness).build());
    add(d, EpisodeBuilder(3).day(0, 18).region(Region::Calf, Side::Right).sensation(Sensation::Numbness).build());
    const auto r = match(catalog(), d);
    const auto& tarsal = cause(r, "tarsal_tunnel");
    const EvidenceLine* ankle = line_containing(tarsal, "inner ankle or heel");
    REQUIRE(ankle);
    CHECK(ankle->text == "1 of 3 episodes was felt at the inner ankle or heel");
    for (const auto& c : r.causes)
        for (const auto& e : c.evidence) {
            INFO(e.text);
            CHECK(e.text.find("span 0 days") == std::string::npos);
            CHECK(e.text.find(" 1 episode were") == std::string::npos);
        }
    const auto& fibro = cause(r, "fibromyalgia");
    const EvidenceLine* short_term = line_containing(fibro, "Not long-term so far");
    REQUIRE(short_term);
    CHECK_THAT(short_term->text, Contains("(all the episodes fall on one day)"));
}

TEST_CASE("A serious cause's card never asks for what a supporting line already shows") {
    // Sudden numbness of a leg only: stroke fits little, shows "came on suddenly", and must not
    // also say "What would change that: whether it came on suddenly".
    Diary d;
    for (int i = 0; i < 3; ++i)
        add(d, EpisodeBuilder(i + 1).day(i * 3, 8).region(Region::Calf, Side::Left).sensation(Sensation::Numbness)
                   .onset(Onset::Sudden).lasted(20).build());
    const auto& stroke = cause(match(catalog(), d), "stroke");
    REQUIRE(line_containing(stroke, "came on suddenly"));
    for (const auto& u : stroke.unknowns) CHECK(lower(u).find("whether it came on suddenly") == std::string::npos);
    CHECK(std::any_of(stroke.unknowns.begin(), stroke.unknowns.end(),
                      [](const std::string& u) { return u.rfind("What would change that: ", 0) == 0; }));
}

TEST_CASE("PAD is judged by what does not fit (no walking or lasting hours) and shows risk factors in the person's words") {
    Diary d;
    d.profile.birth_date = "1960-05-01";
    add(d, fact(1, FactKind::Smoking, {}, "", "20 a day since I was 18"));
    for (int i = 0; i < 4; ++i)
        add(d, EpisodeBuilder(i + 1).day(i * 5, 7).region(Region::Calf, Side::Left).sensation(Sensation::Numbness)
                   .after(Activity::LyingDown).eased_by(Relief::Nothing).lasted(600).build());
    const auto& pad = cause(match(catalog(), d), "peripheral_artery_disease");
    INFO(dump(match(catalog(), d), d));
    const EvidenceLine* no_walk = line_containing(pad, "began with no walking or exercise noted");
    REQUIRE(no_walk);
    CHECK_FALSE(no_walk->supports);
    CHECK(no_walk->text.rfind("4 of 4 episodes", 0) == 0);
    const EvidenceLine* hours = line_containing(pad, "lasted two hours or longer");
    REQUIRE(hours);
    CHECK_FALSE(hours->supports);
    const EvidenceLine* smoke = line_containing(pad, "risk factor of narrowed arteries");
    REQUIRE(smoke);
    CHECK_THAT(smoke->text, Contains("(20 a day since I was 18)"));
    const EvidenceLine* age = line_containing(pad, "Age 50 or over");
    REQUIRE(age);
    CHECK_THAT(age->text, Contains("(65 years old at the last episode)"));
    CHECK(pad.fit == Fit::FitsLittle);
    CHECK(pad.score < 0);
    // Episodes that do not record an activity are not counted as "no walking".
    Diary unknown = d;
    for (auto& e : unknown.episodes) e.activities.clear();
    CHECK(line_containing(cause(match(catalog(), unknown), "peripheral_artery_disease"), "no walking") == nullptr);
}

TEST_CASE("Where it is felt, as a clinician reads it: stocking, glove and stocking, a band down one leg") {
    Diary stocking;
    for (int i = 0; i < 4; ++i)
        add(stocking, EpisodeBuilder(i + 1).day(i * 7, 21).region(Region::Toes).region(Region::Sole)
                          .region(Region::Hand).sensation(Sensation::Numbness).onset(Onset::Gradual).lasted(240).build());
    const auto rs = match(catalog(), stocking);
    CHECK(line_containing(cause(rs, "diabetic_neuropathy"), "stocking\" pattern"));
    CHECK(line_containing(cause(rs, "alcohol_neuropathy"), "\"glove and stocking\""));
    const CauseMatch tarsal = cause(rs, "tarsal_tunnel");   // kept: the line points into it
    const EvidenceLine* both = line_containing(tarsal, "both legs or feet");
    REQUIRE(both);
    CHECK_FALSE(both->supports);

    Diary band;
    for (int i = 0; i < 4; ++i)
        add(band, EpisodeBuilder(i + 1).day(i * 4, 8).region(Region::Buttock, Side::Right)
                      .region(Region::ThighBack, Side::Right).region(Region::Calf, Side::Right)
                      .sensation(Sensation::Tingling).lasted(30).build());
    const auto rb = match(catalog(), band);
    CHECK(rb.causes.front().cause_id == "lower_back_sciatica");
    CHECK(line_containing(cause(rb, "lower_back_sciatica"), "ran down the back of one leg"));
    const CauseMatch diabetic = cause(rb, "diabetic_neuropathy");   // kept: the line points into it
    const EvidenceLine* one = line_containing(diabetic, "one side only");
    REQUIRE(one);
    CHECK_FALSE(one->supports);
}

namespace {

// dump() and the familiar spreads, which dump() leaves out.
std::string dump_all(const MatchResult& r, const Diary& d) {
    std::ostringstream o;
    o << dump(r, d);
    for (const auto& f : r.familiar_spreads) {
        o << "FAMILIAR " << f.path << " x" << f.count;
        for (const auto& id : f.episode_ids) o << " " << id;
        o << "\n";
    }
    return o.str();
}

// MatchSteps run to the end with `budget` a step; how many steps it took, and the most
// work units one step did.
MatchResult match_in_steps(const Diary& d, std::size_t budget, std::size_t& steps, std::size_t* most = nullptr) {
    MatchSteps m(catalog(), d);
    steps = 0;
    std::size_t largest = 0;
    for (bool finished = false; !finished;) {
        const std::size_t before = m.work_done();
        finished = m.step(budget);
        largest = std::max(largest, m.work_done() - before);
        ++steps;
        REQUIRE(steps < 10'000'000);   // a step that does nothing would loop for ever
    }
    CHECK(m.done());
    if (most) *most = largest;
    return m.take();
}

}  // namespace

TEST_CASE("A match made in slices says exactly what the match in one go says") {
    // The web build has no worker thread: it matches a slice per frame (MatchSteps).
    // Every budget, down to one episode a step, must give match()'s result.
    std::vector<Diary> diaries = all_diaries();
    diaries.push_back(make_demo_diary(20260101u, 1'790'000'000));
    // Red flags judged against earlier episodes, familiar spreads grouped over time, a
    // deleted episode: what the slices must carry across steps.
    const Diary big = diary_with_spreads();
    diaries.push_back(big);
    for (const Diary& d : diaries) {
        const std::string whole = dump_all(match(catalog(), d), d);
        for (std::size_t budget : {std::size_t{1}, std::size_t{7}, std::size_t{500}, std::size_t{100'000}}) {
            std::size_t steps = 0;
            const MatchResult sliced = match_in_steps(d, budget, steps);
            INFO("episodes " << d.episodes.size() << ", budget " << budget << ", steps " << steps);
            CHECK(dump_all(sliced, d) == whole);
        }
    }
    // It has them (else the comparison above would show little).
    const MatchResult whole = match(catalog(), big);
    CHECK_FALSE(whole.red_flags.empty());
    CHECK_FALSE(whole.familiar_spreads.empty());
}

TEST_CASE("A match in slices does a bounded piece of work a step") {
    const Diary d = diary_with_spreads();
    std::size_t live = 0;
    for (const auto& e : d.episodes) live += !e.deleted_utc;
    const std::size_t causes = catalog().causes.size();
    std::size_t steps = 0, most = 0;
    match_in_steps(d, 100, steps, &most);
    // A pass over every episode (gathering the live ones in order) and two over the live
    // ones (red flags, then their facts), 100 a step, then the causes: each costs one
    // unit per live episode (over 100), so one a step.
    const std::size_t passes = (d.episodes.size() + 99) / 100 + 2 * ((live + 99) / 100);
    CHECK(steps >= passes + causes);
    CHECK(steps <= passes + causes + 2);
    CHECK(most == live);   // a cause: the one step that may exceed the budget
    match_in_steps(d, live, steps, &most);
    CHECK(most <= live);
    // Within a budget of several causes, several a step.
    match_in_steps(d, 3 * live, steps, &most);
    CHECK(steps <= 3 + (causes + 2) / 3 + 1);
    CHECK(most <= 3 * live);
    // A budget as large as the whole match: each stage in one step.
    match_in_steps(d, 1'000'000'000, steps);
    CHECK(steps <= 4);
    MatchSteps m(catalog(), d);
    while (!m.step(1'000'000'000)) {
    }
    CHECK(m.work_done() == d.episodes.size() + 2 * live + causes * live);
}
