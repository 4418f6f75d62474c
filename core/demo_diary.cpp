#include "demo_diary.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

#include "time_util.hpp"

namespace nd {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

// Only the raw 32-bit outputs of mt19937 are used (see the header).
struct Gen {
    std::mt19937 g;
    explicit Gen(std::uint32_t seed) : g(seed) {}
    // lo..hi inclusive (a tiny modulo bias does not matter here).
    int range(int lo, int hi) { return lo + static_cast<int>(g() % static_cast<std::uint32_t>(hi - lo + 1)); }
    double unit() { return static_cast<double>(g()) / 4294967296.0; }
    bool chance(double p) { return unit() < p; }
    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(range(0, static_cast<int>(N) - 1))]; }
};

int weekday_of_day(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // 0 = Monday

// Days since epoch of the last Sunday of a month (month 1..12) in `year`.
std::int64_t last_sunday(int year, int month) {
    char buf[16];
    const int next_month = month == 12 ? 1 : month + 1;
    const int next_year = month == 12 ? year + 1 : year;
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", next_year, next_month);
    std::int64_t d = days_since_epoch(buf).value_or(0) - 1;
    while (weekday_of_day(d) != 6) --d;
    return d;
}

// Central European time: +60, or +120 from the last Sunday of March to the last
// Sunday of October (by local date; the hour of the switch does not matter here).
std::int32_t offset_for_day(std::int64_t day) {
    const auto date = date_from_days(day);
    const int year = std::stoi(date.substr(0, 4));
    return (day >= last_sunday(year, 3) && day < last_sunday(year, 10)) ? 120 : 60;
}

// A moment on local day `day`, `minute` minutes after its midnight (may run past
// 1440 into the small hours of the next day, which then takes that day's offset).
LocalTime at_local(std::int64_t day, int minute) {
    const std::int64_t d = day + minute / 1440;
    const int m = minute % 1440;
    LocalTime t;
    t.offset_min = offset_for_day(d);
    t.utc = d * kDay + std::int64_t{m} * 60 - std::int64_t{t.offset_min} * 60;
    return t;
}

std::int64_t local_day_of(std::int64_t utc) {
    const std::int32_t off = offset_for_day(floor_div(utc + 60 * 60, kDay));
    return floor_div(utc + std::int64_t{off} * 60, kDay);
}

Episode diabetic_episode(Gen& r, std::int64_t day, double p) {
    Episode e;
    e.id = uuid_from_rng(r.g);
    // Mostly evening and night (21:00 .. 02:00), sometimes on waking.
    const int minute = r.chance(0.8) ? r.range(21 * 60, 26 * 60) : r.range(6 * 60 + 15, 8 * 60);
    e.start = at_local(day, minute);
    e.regions.push_back({Region::Toes, Side::Both});
    if (p > 0.2 && r.chance(std::min(1.0, 0.4 + p))) e.regions.push_back({Region::Sole, Side::Both});
    if (p > 0.5 && r.chance(0.5)) e.regions.push_back({Region::TopOfFoot, Side::Both});
    if (p > 0.72 && r.chance(0.4 + p / 2)) e.regions.push_back({Region::Ankle, Side::Both});
    e.sensations.push_back(Sensation::Tingling);
    const bool burning = r.chance(0.4 + 0.4 * p);
    const bool numb = r.chance(0.35 + 0.55 * p);
    if (burning) e.sensations.push_back(Sensation::Burning);
    if (numb) e.sensations.push_back(Sensation::Numbness);
    if (r.chance(0.15)) e.sensations.push_back(Sensation::Pain);
    e.numbness = numb ? std::clamp(static_cast<int>(1.5 + 5.0 * p) + r.range(-1, 1), 1, 10) : 0;
    e.pain = burning ? std::clamp(static_cast<int>(1.0 + 4.0 * p) + r.range(-1, 1), 1, 10) : r.range(0, 1);
    e.duration_min = r.range(45, 120) + static_cast<int>(180 * p * r.unit());
    e.activities.push_back(minute >= 22 * 60 || minute < 9 * 60 ? Activity::LyingDown : Activity::LongSitting);
    const double rel = r.unit();
    if (rel < 0.3) {
        e.reliefs.push_back(Relief::Warmth);
        e.relief_after_min = r.range(20, 60);
    } else if (rel < 0.65) {
        e.reliefs.push_back(Relief::Nothing);
    }
    e.onset = Onset::Gradual;
    e.worse_at_night = r.chance(0.9) ? TriState::Yes : TriState::Unknown;
    e.effect_sleep = std::clamp(static_cast<int>(p * 2.5) + r.range(0, 1), 0, 3);
    e.effect_walking = p > 0.6 && r.chance(0.3) ? 1 : 0;
    static constexpr std::array<const char*, 6> kNotes{
        "", "", "Feet burning under the duvet", "Had to get up and walk around",
        "Like walking on cotton wool", "Cold feet in bed"};
    e.note = r.pick(kNotes);
    return e;
}

Episode posture_episode(Gen& r, std::int64_t day) {
    Episode e;
    e.id = uuid_from_rng(r.g);
    e.start = at_local(day, r.range(10 * 60, 22 * 60));
    const Side side = r.chance(0.5) ? Side::Left : Side::Right;
    e.regions.push_back({r.chance(0.5) ? Region::TopOfFoot : Region::Sole, side});
    if (r.chance(0.5)) e.regions.push_back({Region::Toes, side});
    e.sensations = {Sensation::Numbness, Sensation::Tingling};
    e.numbness = r.range(3, 6);
    e.pain = r.range(0, 1);
    const double a = r.unit();
    e.activities.push_back(a < 0.7 ? Activity::CrossedLegs : a < 0.9 ? Activity::LongSitting : Activity::SittingOnFeet);
    e.reliefs.push_back(Relief::MovingOrChangingPosition);
    e.relief_after_min = r.range(1, 8);
    e.duration_min = *e.relief_after_min + r.range(0, 3);
    e.onset = Onset::Sudden;
    e.worse_at_night = TriState::No;
    static constexpr std::array<const char*, 5> kNotes{
        "", "Foot fell asleep watching TV", "Pins and needles after the meeting", "", "Gone once I stood up"};
    e.note = r.pick(kNotes);
    return e;
}

Episode calf_episode(Gen& r, std::int64_t day) {
    Episode e;
    e.id = uuid_from_rng(r.g);
    e.start = at_local(day, r.range(9 * 60, 18 * 60));
    e.regions.push_back({Region::Calf, r.chance(0.7) ? Side::Right : Side::Both});
    e.sensations = {Sensation::Cramping, Sensation::Pain};
    e.numbness = r.chance(0.3) ? r.range(1, 2) : 0;
    if (e.numbness > 0) e.sensations.push_back(Sensation::Numbness);
    e.pain = r.range(4, 6);
    e.activities.push_back(Activity::Walking);
    e.reliefs.push_back(Relief::Rest);
    e.relief_after_min = r.range(2, 6);
    e.duration_min = *e.relief_after_min + r.range(1, 4);
    e.onset = Onset::Gradual;
    e.worse_at_night = TriState::No;
    e.effect_walking = r.chance(0.3) ? 2 : 1;
    static constexpr std::array<const char*, 4> kNotes{
        "", "After about 300 m uphill", "Had to stop at the shop window", "Calf tight, fine after standing still"};
    e.note = r.pick(kNotes);
    return e;
}

void add_background(Diary& d, Gen& r, std::int64_t at) {
    d.profile.name = "Maria Example (demo)";
    d.profile.birth_date = "1961-04-18";
    d.profile.updated_utc = at;
    auto fact = [&](FactKind k, std::string detail, std::string since, std::optional<double> amount) {
        BackgroundFact f;
        f.id = uuid_from_rng(r.g);
        f.kind = k;
        f.detail = std::move(detail);
        f.since = std::move(since);
        f.amount = amount;
        f.created_utc = f.updated_utc = at;
        d.facts.push_back(std::move(f));
    };
    fact(FactKind::Diabetes, "Type 2 diabetes, diagnosed at a routine check-up", "2019-03-12", std::nullopt);
    fact(FactKind::AlcoholUse, "About 4 glasses of wine a week, mostly at weekends", "", 4.0);
    fact(FactKind::OtherDiagnosis, "High blood pressure", "2016-09-01", std::nullopt);
    auto medicine = [&](std::string name, std::string dose, std::string when, std::string since, std::string note) {
        Medicine m;
        m.id = uuid_from_rng(r.g);
        m.name = std::move(name);
        m.dose = std::move(dose);
        m.when_taken = std::move(when);
        m.since = std::move(since);
        m.note = std::move(note);
        m.created_utc = m.updated_utc = at;
        d.medicines.push_back(std::move(m));
    };
    medicine("Metformin", "1000 mg", "twice a day with meals", "2019-04-02", "For diabetes");
    medicine("Ramipril", "5 mg", "mornings", "2016-09-15", "For blood pressure");
}

// Logged a little after it ended, never after now.
void stamp(Episode& e, Gen& r, std::int64_t now) {
    const std::int64_t end = e.start.utc + std::int64_t{e.duration_min.value_or(0)} * 60;
    e.created_utc = std::min(now, end + std::int64_t{r.range(1, 180)} * 60);
    e.updated_utc = e.created_utc;
}

CheckIn make_checkin(Gen& r, std::int64_t day, double p, bool had_episode) {
    CheckIn c;
    c.id = uuid_from_rng(r.g);
    c.date = date_from_days(day);
    c.no_numbness = !had_episode;
    if (r.chance(0.08 + 0.05 * p)) c.symptoms.push_back(GeneralSymptom::Exhaustion);
    if (r.chance(0.05)) c.symptoms.push_back(GeneralSymptom::BackPain);
    if (r.chance(0.02 + 0.06 * p)) c.symptoms.push_back(GeneralSymptom::RestlessLegs);
    static constexpr std::array<const char*, 8> kNotes{
        "", "", "", "Walked 4 km with the dog", "Blood sugar 8.1 this morning", "Good day", "Slept badly", ""};
    c.note = r.pick(kNotes);
    c.created_utc = at_local(day, r.range(20 * 60, 22 * 60 + 30)).utc;
    c.updated_utc = c.created_utc;
    return c;
}

// A complete MNSI history response taken in the evening of `day`: "yes" to the
// scored "yes" items listed, "yes" to 7 and 13 (reversed items: no point) and
// "no" to the rest. The score is counted here from the published rule (yes on
// 1-3, 5-6, 8-9, 11-12, 14-15; no on 7 and 13) because the core's demo cannot
// read the questionnaire file.
void add_mnsi(Diary& d, Gen& r, std::int64_t day, const std::vector<std::string>& yes_scored) {
    QuestionnaireResponse q;
    q.id = uuid_from_rng(r.g);
    q.questionnaire = "mnsi_history";
    q.version = "1";
    q.taken = at_local(day, 20 * 60 + 15);
    for (int i = 1; i <= 15; ++i) {
        const std::string id = std::to_string(i);
        const bool yes = id == "7" || id == "13" ||
                         std::find(yes_scored.begin(), yes_scored.end(), id) != yes_scored.end();
        q.answers.push_back({id, yes ? "yes" : "no"});
    }
    q.score = static_cast<int>(yes_scored.size());
    q.created_utc = q.updated_utc = q.taken.utc;
    d.questionnaire_responses.push_back(std::move(q));
}

}  // namespace

std::string uuid_from_rng(std::mt19937& rng) {
    unsigned char b[16];
    for (int i = 0; i < 16; i += 4) {
        const std::uint32_t v = static_cast<std::uint32_t>(rng());
        for (int k = 0; k < 4; ++k) b[i + k] = static_cast<unsigned char>(v >> (8 * k));
    }
    return uuid_from_bytes(b, 4);
}

Diary make_demo_diary(std::uint32_t seed, std::int64_t now_utc) {
    Gen r(seed);
    Diary d;
    const std::int64_t today = local_day_of(now_utc);
    const std::int64_t first = today - 364;
    add_background(d, r, at_local(first, 19 * 60).utc);
    bool seen_sole = false;
    bool seen_ankle = false;
    for (std::int64_t day = first; day <= today; ++day) {
        const double p = static_cast<double>(day - first) / 364.0;
        std::vector<Episode> todays;
        if (r.chance(0.1 + 0.5 * p)) {
            Episode e = diabetic_episode(r, day, p);
            if (!seen_sole && contains(e.regions, RegionMark{Region::Sole, Side::Both})) {
                seen_sole = true;
                e.spread = true;
                e.spread_from = Region::Toes;
                e.spread_to = Region::Sole;
                e.spread_speed = SpreadSpeed::Weeks;
                e.note = "Now the soles too, not just the toes";
            }
            if (!seen_ankle && contains(e.regions, RegionMark{Region::Ankle, Side::Both})) {
                seen_ankle = true;
                e.spread = true;
                e.spread_from = Region::Toes;
                e.spread_to = Region::Ankle;
                e.spread_speed = SpreadSpeed::Weeks;
                e.note = "It has crept up to my ankles over the last weeks";
            }
            todays.push_back(std::move(e));
        }
        if (r.chance(0.07)) todays.push_back(posture_episode(r, day));
        if (r.chance(0.03 + 0.03 * p)) todays.push_back(calf_episode(r, day));
        bool had_episode = false;
        for (auto& e : todays) {
            const std::int64_t end = e.start.utc + std::int64_t{e.duration_min.value_or(0)} * 60;
            if (end > now_utc) continue;  // not lived yet
            stamp(e, r, now_utc);
            normalize(e);
            had_episode = had_episode || local_date(e.start) == date_from_days(day);
            d.episodes.push_back(std::move(e));
        }
        if (r.chance(0.6)) {
            CheckIn c = make_checkin(r, day, p, had_episode);
            if (c.created_utc <= now_utc) d.checkins.push_back(std::move(c));
        }
    }
    // Two MNSI history responses (assets/questionnaires/mnsi_history.json, version 1)
    // about four months apart, drawn after everything else so the rest of the year
    // stays as it was: 3 of 13, then 5 of 13 as the symptoms rise.
    add_mnsi(d, r, today - 140, {"1", "2", "14"});
    add_mnsi(d, r, today - 16, {"1", "2", "3", "12", "14"});
    normalize(d);
    return d;
}

Diary make_generated_diary(std::size_t episodes, std::uint32_t seed, std::int64_t now_utc) {
    Gen r(seed);
    Diary d;
    const std::int64_t today = local_day_of(now_utc);
    const std::int64_t days = std::max<std::int64_t>(30, static_cast<std::int64_t>((episodes + 2) / 3));
    const std::int64_t first = today - days + 1;
    add_background(d, r, at_local(first, 19 * 60).utc);
    d.episodes.reserve(episodes);
    while (d.episodes.size() < episodes) {
        const std::int64_t day = first + r.range(0, static_cast<int>(days - 1));
        const double p = static_cast<double>(day - first) / static_cast<double>(days);
        const double kind = r.unit();
        Episode e = kind < 0.6 ? diabetic_episode(r, day, p) : kind < 0.85 ? posture_episode(r, day) : calf_episode(r, day);
        const std::int64_t end = e.start.utc + std::int64_t{e.duration_min.value_or(0)} * 60;
        if (end > now_utc) continue;  // draw again
        stamp(e, r, now_utc);
        normalize(e);
        d.episodes.push_back(std::move(e));
    }
    for (std::int64_t day = first; day <= today; ++day) {
        if (!r.chance(0.5)) continue;
        CheckIn c = make_checkin(r, day, static_cast<double>(day - first) / static_cast<double>(days), r.chance(0.7));
        if (c.created_utc <= now_utc) d.checkins.push_back(std::move(c));
    }
    normalize(d);
    return d;
}

}  // namespace nd
