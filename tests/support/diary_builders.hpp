// Builders for test diaries: episodes, check-ins and background facts with stable,
// UUID-shaped ids, so tests read like the diary they describe. Header-only; any test
// may include it.
//
//   Diary d;
//   add(d, EpisodeBuilder(1).day(0).region(Region::Toes).after(Activity::CrossedLegs)
//              .eased_by(Relief::MovingOrChangingPosition, 5).lasted(10));
//   add(d, fact(1, FactKind::Diabetes, {}, "2015-03-01"));
//   add(d, checkin(1, day_date(0), {GeneralSymptom::BackPain}));
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model.hpp"
#include "time_util.hpp"

namespace nd::test {

// 2026-01-05T00:00:00Z, a Monday: day 0 of every test diary.
inline constexpr std::int64_t kDay0Utc = 1767571200;
inline constexpr std::int64_t kDaySeconds = 86400;

// A deterministic, valid-looking UUID v4 for test record `n` of a kind (1 episode,
// 2 check-in, 3 fact, 4 medicine): "00000001-0000-4000-8000-000000000007".
inline std::string test_uuid(int kind, long long n) {
    char buf[48];   // room for any n (16 hex digits), so the compiler sees no truncation
    std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012llx", static_cast<unsigned>(kind),
                  static_cast<unsigned long long>(n));
    return buf;
}

// The local date `d` days after day 0 ("2026-01-05" + d).
inline LocalDate day_date(int d) { return date_from_days(*days_since_epoch("2026-01-05") + d); }

class EpisodeBuilder {
public:
    explicit EpisodeBuilder(long long n) {
        e_.id = test_uuid(1, n);
        e_.start = {kDay0Utc + 10 * 3600, 0};
        e_.numbness = 4;
        e_.created_utc = e_.updated_utc = e_.start.utc;
    }
    // Starts `d` days after day 0 at `hour`:`minute` local time (with the current offset).
    EpisodeBuilder& day(int d, int hour = 10, int minute = 0) {
        e_.start.utc = kDay0Utc + d * kDaySeconds + hour * 3600 + minute * 60 - e_.start.offset_min * 60;
        e_.created_utc = e_.updated_utc = e_.start.utc;
        return *this;
    }
    EpisodeBuilder& offset(int minutes) {
        e_.start.utc += e_.start.offset_min * 60 - minutes * 60;  // same local clock time
        e_.start.offset_min = minutes;
        return *this;
    }
    EpisodeBuilder& region(Region r, Side s = Side::Both) { e_.regions.push_back({r, s}); return *this; }
    EpisodeBuilder& sensation(Sensation s) { e_.sensations.push_back(s); return *this; }
    EpisodeBuilder& numbness(int v) { e_.numbness = v; return *this; }
    EpisodeBuilder& pain(int v) { e_.pain = v; return *this; }
    EpisodeBuilder& after(Activity a) { e_.activities.push_back(a); return *this; }
    // Eased by `r`, `minutes` after it (unset: not recorded how soon).
    EpisodeBuilder& eased_by(Relief r, std::optional<int> minutes = std::nullopt) {
        e_.reliefs.push_back(r);
        if (minutes) e_.relief_after_min = *minutes;
        return *this;
    }
    EpisodeBuilder& lasted(int minutes) { e_.duration_min = minutes; e_.ongoing = false; return *this; }
    EpisodeBuilder& still_going() { e_.ongoing = true; e_.duration_min.reset(); return *this; }
    EpisodeBuilder& onset(Onset o) { e_.onset = o; return *this; }
    EpisodeBuilder& spread(Region from, Region to, SpreadSpeed speed = SpreadSpeed::Unknown) {
        e_.spread = true;
        e_.spread_from = from;
        e_.spread_to = to;
        e_.spread_speed = speed;
        return *this;
    }
    EpisodeBuilder& sign(Sign s) { e_.signs.push_back(s); return *this; }
    EpisodeBuilder& worse_at_night(TriState t = TriState::Yes) { e_.worse_at_night = t; return *this; }
    EpisodeBuilder& effects(int walking, int sleep, int work) {
        e_.effect_walking = walking;
        e_.effect_sleep = sleep;
        e_.effect_work = work;
        return *this;
    }
    EpisodeBuilder& note(std::string text) { e_.note = std::move(text); return *this; }
    EpisodeBuilder& deleted(std::int64_t when = kDay0Utc + 400 * kDaySeconds) { e_.deleted_utc = when; return *this; }

    Episode build() const {
        Episode e = e_;
        normalize(e);
        return e;
    }
    operator Episode() const { return build(); }  // NOLINT: lets add(d, EpisodeBuilder(...)...) read well

private:
    Episode e_;
};

inline CheckIn checkin(long long n, LocalDate date, std::vector<GeneralSymptom> symptoms, bool no_numbness = false) {
    CheckIn c;
    c.id = test_uuid(2, n);
    c.date = std::move(date);
    c.symptoms = std::move(symptoms);
    c.no_numbness = no_numbness;
    c.created_utc = c.updated_utc = kDay0Utc;
    normalize(c);
    return c;
}

inline BackgroundFact fact(long long n, FactKind kind, std::optional<double> amount = std::nullopt,
                           LocalDate since = "", std::string detail = "") {
    BackgroundFact f;
    f.id = test_uuid(3, n);
    f.kind = kind;
    f.amount = amount;
    f.since = std::move(since);
    f.detail = std::move(detail);
    f.created_utc = f.updated_utc = kDay0Utc;
    return f;
}

inline void add(Diary& d, const Episode& e) { d.episodes.push_back(e); }
inline void add(Diary& d, const CheckIn& c) { d.checkins.push_back(c); }
inline void add(Diary& d, const BackgroundFact& f) { d.facts.push_back(f); }

// A foot that fell asleep: crossed legs, numb and tingling toes and sole, eased within
// minutes of moving. The classic harmless episode; it must never raise a red flag.
inline Episode fallen_asleep_foot(long long n, int day) {
    return EpisodeBuilder(n)
        .day(day, 20)
        .region(Region::Toes, Side::Left)
        .region(Region::Sole, Side::Left)
        .sensation(Sensation::Numbness)
        .sensation(Sensation::Tingling)
        .numbness(5)
        .after(Activity::CrossedLegs)
        .eased_by(Relief::MovingOrChangingPosition, 3)
        .lasted(10)
        .onset(Onset::Sudden)
        .build();
}

}  // namespace nd::test
