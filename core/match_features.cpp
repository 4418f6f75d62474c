// Semantics of every feature kind of the catalog vocabulary. See docs/catalog.md.
#include "match_features.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "enum_names.hpp"
#include "time_util.hpp"

namespace nd::detail {

namespace {

template <class E>
std::vector<E> parse_values(const Rule& r) {
    std::vector<E> out;
    for (const auto& v : r.values)
        if (auto e = enum_from_id<E>(v)) out.push_back(*e);
    return out;
}

template <class E>
bool any_of_values(const std::vector<E>& have, const std::vector<E>& wanted) {
    for (const auto& w : wanted)
        if (contains(have, w)) return true;
    return false;
}

std::string lower_first(std::string_view s) {
    std::string out(s);
    if (!out.empty() && out[0] >= 'A' && out[0] <= 'Z') out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

std::string count_phrase(int k, int n, const char* one, const char* many) {
    return std::to_string(k) + " of " + std::to_string(n) + " " + (n == 1 ? one : many);
}

// "were felt ..." reads "was felt ..." after a single episode.
std::string agree(const std::string& says, bool singular) {
    if (!singular) return says;
    if (says.rfind("were ", 0) == 0) return "was " + says.substr(5);
    if (says.rfind("are ", 0) == 0) return "is " + says.substr(4);
    return says;
}

// "3 of 7 episodes were ...", "1 of 7 episodes was ...", "The only episode was ...".
std::string episodes_text(int k, int n, const std::string& says) {
    if (n == 1) return "The only episode " + agree(says, true);
    return std::to_string(k) + " of " + std::to_string(n) + " episodes " + agree(says, k == 1);
}

// How many episodes leave a field unrecorded, as an unknowns line ("No episode records
// what eased it"); nothing when at most half leave it out.
void add_missing(FeatureOutcome& out, int missing, int total, const std::string& what) {
    if (total == 0 || missing * 2 <= total) return;
    if (missing == total)
        out.unknowns.push_back("No episode records " + what);
    else
        out.unknowns.push_back(count_phrase(missing, total, "episode does", "episodes do") + " not record " + what);
}


// Where it was felt, as a clinician reads it (EpisodeFacts::shape): both sides or one;
// a "stocking" (both sides, from the toes or sole, nothing above the knee); "glove and
// stocking" (that and the hands); a band down the back of one leg.
std::uint8_t shape_of(const Episode& e, std::uint32_t regions, int highest) {
    using F = EpisodeFacts;
    int legs = 0, hands = 0;
    for (const auto& m : e.regions) {
        int* which = leg_height(m.region) >= 0 ? &legs : m.region == Region::Hand ? &hands : nullptr;
        if (!which) continue;
        if (m.side == Side::Left || m.side == Side::Both) *which |= 1;
        if (m.side == Side::Right || m.side == Side::Both) *which |= 2;
    }
    auto has = [&](Region r) { return (regions & (1u << static_cast<unsigned>(r))) != 0; };
    std::uint8_t shape = 0;
    if (legs == 3) shape |= F::kBothSides;
    if (legs == 1 || legs == 2) shape |= F::kOneSide;
    const bool from_toes = has(Region::Toes) || has(Region::Sole) || (e.spread && e.spread_from &&
                                                                     (*e.spread_from == Region::Toes ||
                                                                      *e.spread_from == Region::Sole));
    if (legs == 3 && from_toes && highest <= 4 && !has(Region::WholeLeg)) {
        shape |= F::kStocking;
        if (hands != 0) shape |= F::kGloveStocking;
    }
    if (legs == 1 || legs == 2) {
        const int back = has(Region::LowerBack) + has(Region::Buttock) + has(Region::ThighBack) + has(Region::Calf);
        const bool runs_down = e.spread && e.spread_from && e.spread_to &&
                               (*e.spread_from == Region::LowerBack || *e.spread_from == Region::Buttock ||
                                *e.spread_from == Region::ThighBack) &&
                               leg_height(*e.spread_to) >= 0 && leg_height(*e.spread_to) <= 3;
        if (back >= 2 || runs_down) shape |= F::kLegBand;
    }
    return shape;
}

// Bit of an enum value in a mask of type M; 0 for a value that does not fit (no valid
// catalog value can then equal it, so "any of" tests behave as before).
// True when every element is strictly before the next: std::sort would leave the order
// as it is (with equal keys it might not, so then it still sorts).
template <class T, class Before>
bool strictly_increasing(const std::vector<T>& v, Before before) {
    for (std::size_t i = 1; i < v.size(); ++i)
        if (!before(v[i - 1], v[i])) return false;
    return true;
}

template <class M, class E>
M bit(E v) {
    const auto u = static_cast<unsigned>(v);
    return u < sizeof(M) * 8 ? static_cast<M>(M{1} << u) : M{0};
}

template <class M, class E>
M mask_of(const std::vector<E>& v) {
    M m = 0;
    for (const auto& x : v) m |= bit<M>(x);
    return m;
}

// The catalog values of a rule as a mask ("any of these").
template <class M, class E>
M wanted_mask(const Rule& r) {
    M m = 0;
    for (const auto& v : r.values)
        if (auto e = enum_from_id<E>(v)) m |= bit<M>(*e);
    return m;
}

// Episode-level features: the share of live episodes for which pred(i) holds (i indexes
// MatchContext::episodes and its facts_of / numbers_of). With rule.absent, the share of the
// episodes that record the field (rec(i)) for which pred(i) does NOT hold.
template <class Pred, class Rec>
FeatureOutcome episode_share(const Rule& r, const MatchContext& ctx, Pred pred, Rec rec) {
    FeatureOutcome out;
    const std::size_t n = ctx.facts_of.size();
    if (n == 0) return out;
    // Branch-free collection into an uninitialised buffer, then one exact copy.
    const std::unique_ptr<std::uint32_t[]> buf(new std::uint32_t[n]);
    std::uint32_t* dst = buf.get();
    const std::uint32_t* index = ctx.diary_index.data();
    std::size_t k = 0, considered = n;
    if (r.absent) {
        considered = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!rec(i)) continue;
            ++considered;
            dst[k] = index[i];
            k += pred(i) ? 0 : 1;
        }
        if (considered == 0) return out;
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            dst[k] = index[i];
            k += pred(i) ? 1 : 0;
        }
    }
    out.applicable = true;
    out.from_episodes = true;
    out.episodes.assign(dst, dst + k);
    out.fraction = static_cast<double>(k) / static_cast<double>(n);
    out.text = episodes_text(static_cast<int>(k), static_cast<int>(considered), r.says);
    return out;
}

template <class Pred>
FeatureOutcome episode_share(const Rule& r, const MatchContext& ctx, Pred pred) {
    return episode_share(r, ctx, pred, [](std::size_t) { return true; });
}

// The share of episodes with any of the rule's values in one of their sets (`set`: where
// it was felt, what it felt like, ...); with rule.absent, among the episodes that record
// any. `missing` of them record none (said as `what` is not known).
template <class E, class M>
FeatureOutcome set_share(const Rule& r, const MatchContext& ctx, M EpisodeFacts::*set, int missing, const char* what) {
    const M want = wanted_mask<M, E>(r);
    const EpisodeFacts* facts = ctx.facts_of.data();
    FeatureOutcome out = episode_share(r, ctx, [&](std::size_t i) { return (facts[i].*set & want) != 0; },
                                       [&](std::size_t i) { return facts[i].*set != 0; });
    add_missing(out, missing, static_cast<int>(ctx.episodes.size()), what);
    return out;
}

std::optional<std::int64_t> local_day(const Episode& e) { return days_since_epoch(local_date(e.start)); }

// Days from the first to the last live episode (local dates); nullopt below 2 episodes.
std::optional<std::int64_t> span_days(const MatchContext& ctx) {
    if (ctx.episodes.size() < 2) return std::nullopt;
    auto first = local_day(*ctx.episodes.front());
    auto last = local_day(*ctx.episodes.back());
    if (!first || !last) return std::nullopt;
    return *last - *first;
}

void all_episodes(FeatureOutcome& out, const MatchContext& ctx, std::size_t from, std::size_t to) {
    out.episodes.assign(ctx.diary_index.begin() + static_cast<std::ptrdiff_t>(from),
                        ctx.diary_index.begin() + static_cast<std::ptrdiff_t>(to));
}

FeatureOutcome diary_level(const Rule& r, bool holds, const std::string& detail, const MatchContext& ctx) {
    FeatureOutcome out;
    out.applicable = true;
    out.fraction = holds ? 1.0 : 0.0;
    out.text = r.says + " (" + detail + ")";
    out.from_episodes = true;
    if (holds) all_episodes(out, ctx, 0, ctx.episodes.size());
    return out;
}

FeatureOutcome background(const Rule& r, const MatchContext& ctx) {
    FeatureOutcome out;
    out.applicable = true;
    const auto kinds = parse_values<FactKind>(r);
    std::vector<std::string> details;
    bool alcohol_without_amount = false;
    bool below_threshold = false;
    for (const BackgroundFact* f : ctx.facts) {
        if (!contains(kinds, f->kind)) continue;
        std::string d;
        if (f->kind == FactKind::AlcoholUse && r.number > 0) {
            if (!f->amount) {
                alcohol_without_amount = true;
                continue;
            }
            if (*f->amount < r.number) {
                below_threshold = true;
                continue;
            }
            d = format_number(*f->amount) + " drinks a week";
            if (!f->detail.empty()) d += ": " + f->detail;
        } else {
            // The person's own words ("type 2 diabetes"), else the category.
            d = f->detail.empty() ? lower_first(enum_label(f->kind)) : f->detail;
        }
        if (!f->since.empty()) d += " since " + f->since;
        details.push_back(d);
        out.fact_ids.push_back(f->id);
    }
    if (!out.fact_ids.empty()) {
        out.fraction = 1.0;
        std::string joined;
        for (const auto& d : details) joined += (joined.empty() ? "" : "; ") + d;
        out.text = r.says + " (" + joined + ")";
        out.detail = joined;
    } else if (alcohol_without_amount) {
        out.unknowns.push_back("The background records alcohol but not how many drinks a week");
    } else if (r.weight > 0 && !below_threshold) {
        std::string names;
        for (std::size_t i = 0; i < kinds.size(); ++i)
            names += (i == 0 ? "" : (i + 1 == kinds.size() ? " or " : ", ")) + lower_first(enum_label(kinds[i]));
        out.unknowns.push_back("The background records nothing about " + names);
    }
    return out;
}

FeatureOutcome checkin_symptom(const Rule& r, const MatchContext& ctx) {
    FeatureOutcome out;
    const auto wanted = parse_values<GeneralSymptom>(r);
    const int n = static_cast<int>(ctx.checkins.size());
    if (n == 0) {
        out.unknowns.push_back("No daily check-in records general symptoms yet");
        return out;
    }
    out.applicable = true;
    for (const CheckIn* c : ctx.checkins)
        if (any_of_values(c->symptoms, wanted)) out.fact_ids.push_back(c->id);
    const int k = static_cast<int>(out.fact_ids.size());
    out.fraction = static_cast<double>(k) / n;
    out.text = count_phrase(k, n, "daily check-in", "daily check-ins") + " " + r.says;
    return out;
}

std::string one_decimal(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f", std::clamp(v, -1e9, 1e9));
    return buf;
}

FeatureOutcome worsening(const Rule& r, const MatchContext& ctx) {
    FeatureOutcome out;
    // Only episodes with a numbness rating count: "not rated" is unknown, not 0.
    std::vector<std::size_t> rated;
    for (std::size_t i = 0; i < ctx.episodes.size(); ++i)
        if (ctx.numbers_of[i].numbness >= 0) rated.push_back(i);
    const std::size_t n = rated.size();
    if (n < 4) {
        out.unknowns.push_back("Fewer than 4 episodes with a numbness rating: too few to see whether the numbness "
                               "grows stronger");
        return out;
    }
    const std::size_t half = n / 2;
    double early = 0, late = 0;
    for (std::size_t i = 0; i < half; ++i) early += ctx.numbers_of[rated[i]].numbness;
    for (std::size_t i = n - half; i < n; ++i) late += ctx.numbers_of[rated[i]].numbness;
    early /= static_cast<double>(half);
    late /= static_cast<double>(half);
    const std::string detail = "average numbness " + one_decimal(early) + " out of 10 in the first " +
                               std::to_string(half) + " episodes, " + one_decimal(late) + " in the last " +
                               std::to_string(half);
    const bool holds = late - early >= r.number;
    out.applicable = true;
    out.fraction = holds ? 1.0 : 0.0;
    out.text = r.says + " (" + detail + ")";
    out.from_episodes = true;
    if (holds)
        for (std::size_t i = n - half; i < n; ++i) out.episodes.push_back(ctx.diary_index[rated[i]]);
    return out;
}

// Age in whole years on `on` for a birth date, both "YYYY-MM-DD"; nullopt if either is invalid.
std::optional<int> age_on(const LocalDate& birth, const LocalDate& on) {
    if (!days_since_epoch(birth) || !days_since_epoch(on) || birth.size() != 10 || on.size() != 10)
        return std::nullopt;
    const int by = std::stoi(birth.substr(0, 4)), oy = std::stoi(on.substr(0, 4));
    int age = oy - by;
    if (on.substr(5) < birth.substr(5)) --age;
    return age < 0 ? std::nullopt : std::optional<int>(age);
}

// Age at the last live episode (so the result does not depend on today's date).
FeatureOutcome age_at_least(const Rule& r, const MatchContext& ctx) {
    FeatureOutcome out;
    if (ctx.episodes.empty()) return out;
    const auto age = age_on(ctx.birth_date, local_date(ctx.episodes.back()->start));
    if (!age) {
        if (r.weight > 0) out.unknowns.push_back("The profile has no birth date, so age is not counted");
        return out;
    }
    out.applicable = true;
    out.fraction = *age >= r.number ? 1.0 : 0.0;
    out.detail = std::to_string(*age) + " years old at the last episode";
    out.text = r.says + " (" + out.detail + ")";
    return out;
}

}  // namespace

std::string format_number(double v) {
    v = std::clamp(v, -1e12, 1e12);
    char buf[64];
    if (std::fabs(v - std::round(v)) < 1e-9)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

ContextSteps::ContextSteps(const Diary& diary) : ContextSteps(diary, {}) {}

ContextSteps::ContextSteps(const Diary& diary, std::vector<const Episode*> live_in_order) {
    MatchContext& ctx = ctx_;
    const bool given = !live_in_order.empty() || diary.episodes.empty();
    ctx.episodes = std::move(live_in_order);
    if (!given) {
        ctx.episodes.reserve(diary.episodes.size());
        for (const auto& e : diary.episodes)
            if (!e.deleted_utc) ctx.episodes.push_back(&e);
    }
    for (const auto& c : diary.checkins)
        if (!c.deleted_utc) ctx.checkins.push_back(&c);
    for (const auto& f : diary.facts)
        if (!f.deleted_utc) ctx.facts.push_back(&f);
    ctx.birth_date = diary.profile.birth_date;
    const auto episode_before = [](const Episode* a, const Episode* b) {
        return a->start.utc != b->start.utc ? a->start.utc < b->start.utc : a->id < b->id;
    };
    // A diary from the Store is already in these orders; sorting is then skipped.
    if (!given && !strictly_increasing(ctx.episodes, episode_before))
        std::sort(ctx.episodes.begin(), ctx.episodes.end(), episode_before);
    const auto checkin_before = [](const CheckIn* a, const CheckIn* b) {
        return a->date != b->date ? a->date < b->date : a->id < b->id;
    };
    if (!strictly_increasing(ctx.checkins, checkin_before))
        std::sort(ctx.checkins.begin(), ctx.checkins.end(), checkin_before);
    std::sort(ctx.facts.begin(), ctx.facts.end(),
              [](const BackgroundFact* a, const BackgroundFact* b) { return a->id < b->id; });

    ctx.diary_index.resize(ctx.episodes.size());
    for (std::size_t i = 0; i < ctx.episodes.size(); ++i)
        ctx.diary_index[i] = static_cast<std::uint32_t>(ctx.episodes[i] - diary.episodes.data());

    // Day numbers (ascending) of the live check-ins that record a general symptom. A date
    // that is not a valid "YYYY-MM-DD" can never equal an episode's local date: left out.
    std::vector<std::int64_t>& symptom_days = symptom_days_;
    for (const CheckIn* c : ctx.checkins)
        if (!c->symptoms.empty())
            if (const auto day = days_since_epoch(c->date)) symptom_days.push_back(*day);
    if (!std::is_sorted(symptom_days.begin(), symptom_days.end())) std::sort(symptom_days.begin(), symptom_days.end());
    ctx.facts_of.resize(ctx.episodes.size());
    ctx.numbers_of.resize(ctx.episodes.size());
}

// One pass over the episodes, in slices: everything the episode-level rules read.
bool ContextSteps::step(std::size_t max_episodes) {
    constexpr std::size_t kPrefetchAhead = 8;
    const std::size_t n = ctx_.episodes.size();
    for (std::size_t k = 0; k < max_episodes && next_ < n; ++k, ++next_) {
        // The loop is bound by the memory latency of the episodes' small heap lists (each its
        // own allocation): ask for those of an episode a few steps ahead.
        if (next_ + kPrefetchAhead < n) {
            const Episode& ahead = *ctx_.episodes[next_ + kPrefetchAhead];
            __builtin_prefetch(ahead.regions.data());
            __builtin_prefetch(ahead.sensations.data());
            __builtin_prefetch(ahead.activities.data());
            __builtin_prefetch(ahead.reliefs.data());
            __builtin_prefetch(ahead.signs.data());
        }
        add_facts(next_);
    }
    return done();
}

void ContextSteps::add_facts(std::size_t i) {
    constexpr std::uint32_t kRedFlagRegions = (1u << static_cast<unsigned>(Region::Face)) |
                                              (1u << static_cast<unsigned>(Region::Arm)) |
                                              (1u << static_cast<unsigned>(Region::Hand)) |
                                              (1u << static_cast<unsigned>(Region::SaddleArea));

    MatchContext& ctx = ctx_;
    const std::vector<std::int64_t>& symptom_days = symptom_days_;
    const Episode& e = *ctx.episodes[i];
    EpisodeFacts& f = ctx.facts_of[i];
    EpisodeNumbers& num = ctx.numbers_of[i];
    bool toes = false;
    int high = -1;
    for (const auto& m : e.regions) {
        f.regions |= bit<std::uint32_t>(m.region);
        toes = toes || m.region == Region::Toes || m.region == Region::Sole;
        high = std::max(high, leg_height(m.region));
    }
    if (e.spread_to) high = std::max(high, leg_height(*e.spread_to));
    f.highest_level = static_cast<std::int8_t>(high);
    f.sensations = mask_of<std::uint16_t>(e.sensations);
    f.activities = mask_of<std::uint16_t>(e.activities);
    f.reliefs = mask_of<std::uint16_t>(e.reliefs);
    f.signs = mask_of<std::uint16_t>(e.signs);
    f.onset = static_cast<std::uint8_t>(e.onset);
    num.effect_walking = e.effect_walking;
    num.effect_sleep = e.effect_sleep;
    num.effect_work = e.effect_work;
    num.numbness = e.numbness.value_or(-1);
    std::uint8_t flags = 0;
    if (e.ongoing) flags |= EpisodeFacts::kOngoing;
    if (e.duration_min) {
        flags |= EpisodeFacts::kHasDuration;
        num.duration_min = *e.duration_min;
    }
    if (e.relief_after_min) {
        flags |= EpisodeFacts::kHasReliefAfter;
        num.relief_after_min = *e.relief_after_min;
    }
    if (e.worse_at_night == TriState::Yes) flags |= EpisodeFacts::kWorseAtNight;
    if (toes) flags |= EpisodeFacts::kStartsAtToes;
    if (e.spread && e.spread_from && e.spread_to &&
        (*e.spread_from == Region::Toes || *e.spread_from == Region::Sole) &&
        leg_height(*e.spread_to) > leg_height(*e.spread_from))
        flags |= EpisodeFacts::kSpreadUpFromToes;
    // Numbness and nothing else: no other sensation, no sign, no check-in symptom that day.
    if (!e.sensations.empty() && e.signs.empty() &&
        std::all_of(e.sensations.begin(), e.sensations.end(),
                    [](Sensation s) { return s == Sensation::Numbness; })) {
        bool symptom_that_day = false;
        if (!symptom_days.empty()) {
            const std::int64_t day = local_day_number(e.start);
            symptom_that_day = std::binary_search(symptom_days.begin(), symptom_days.end(), day);
        }
        if (!symptom_that_day) flags |= EpisodeFacts::kNumbnessOnly;
    }
    if (!e.signs.empty() || e.spread || (f.regions & kRedFlagRegions) != 0) flags |= EpisodeFacts::kMayRedFlag;
    f.flags = flags;
    f.shape = shape_of(e, f.regions, high);
    if (toes && ctx.first_toes < 0) ctx.first_toes = static_cast<std::int64_t>(i);

    ctx.no_regions += e.regions.empty();
    ctx.no_sensations += e.sensations.empty();
    ctx.no_activities += e.activities.empty();
    ctx.no_reliefs += e.reliefs.empty();
    ctx.no_relief_time += e.reliefs.empty() || !e.relief_after_min;
    ctx.no_duration += !e.ongoing && !e.duration_min;
    ctx.no_onset += e.onset == Onset::Unknown;
    ctx.no_night += e.worse_at_night == TriState::Unknown;
    ctx.no_spread_ends += e.spread && (!e.spread_from || !e.spread_to);
}

MatchContext make_context(const Diary& diary) {
    ContextSteps steps(diary);
    steps.step(static_cast<std::size_t>(-1));
    return steps.take();
}

FeatureOutcome evaluate(const Rule& r, const MatchContext& ctx) {
    const FeatureSpec* spec = find_feature(r.feature);
    if (!spec) return {};  // the loader rejects unknown features; a hand-built rule is ignored
    const int n = static_cast<int>(ctx.episodes.size());
    using F = EpisodeFacts;
    const EpisodeFacts* facts = ctx.facts_of.data();
    const EpisodeNumbers* nums = ctx.numbers_of.data();
    FeatureOutcome out;
    switch (spec->kind) {
        case FeatureKind::Region:
            out = set_share<Region>(r, ctx, &F::regions, ctx.no_regions, "where it was felt");
            break;
        case FeatureKind::Sensation:
            out = set_share<Sensation>(r, ctx, &F::sensations, ctx.no_sensations, "what it felt like");
            break;
        case FeatureKind::Activity:
            out = set_share<Activity>(r, ctx, &F::activities, ctx.no_activities, "what you were doing before it began");
            break;
        case FeatureKind::Relief:
            out = set_share<Relief>(r, ctx, &F::reliefs, ctx.no_reliefs, "what eased it");
            break;
        case FeatureKind::ReliefWithin: {
            const auto want = wanted_mask<std::uint16_t, Relief>(r);
            out = episode_share(r, ctx, [&](std::size_t i) {
                const F& e = facts[i];
                return (e.reliefs & want) != 0 && (e.flags & F::kHasReliefAfter) && nums[i].relief_after_min >= 0 &&
                       nums[i].relief_after_min <= r.number;
            });
            add_missing(out, ctx.no_relief_time, n, "how soon it eased");
            break;
        }
        case FeatureKind::ShortLasting:
            out = episode_share(r, ctx, [&](std::size_t i) {
                const F& e = facts[i];
                return !(e.flags & F::kOngoing) && (e.flags & F::kHasDuration) && nums[i].duration_min <= r.number;
            });
            add_missing(out, ctx.no_duration, n, "how long it lasted");
            break;
        case FeatureKind::LongLasting:
            out = episode_share(r, ctx, [&](std::size_t i) {
                const F& e = facts[i];
                return (e.flags & F::kOngoing) || ((e.flags & F::kHasDuration) && nums[i].duration_min >= r.number);
            });
            add_missing(out, ctx.no_duration, n, "how long it lasted");
            break;
        case FeatureKind::Onset: {
            const auto want = wanted_mask<std::uint32_t, Onset>(r);
            out = episode_share(r, ctx,
                                [&](std::size_t i) { return (bit<std::uint32_t>(facts[i].onset) & want) != 0; },
                                [&](std::size_t i) { return facts[i].onset != 0; });
            add_missing(out, ctx.no_onset, n, "whether it came on suddenly or gradually");
            break;
        }
        case FeatureKind::Sign: {
            const auto want = wanted_mask<std::uint16_t, Sign>(r);
            out = episode_share(r, ctx, [&](std::size_t i) { return (facts[i].signs & want) != 0; });
            break;
        }
        case FeatureKind::WorseAtNight:
            out = episode_share(r, ctx, [&](std::size_t i) { return (facts[i].flags & F::kWorseAtNight) != 0; });
            add_missing(out, ctx.no_night, n, "whether it was worse at night");
            break;
        case FeatureKind::Effect: {
            // Each value names an area; any other word than walking or sleep reads work (as before).
            bool walking = false, sleep = false, work = false;
            for (const auto& area : r.values) {
                if (area == "walking") walking = true;
                else if (area == "sleep") sleep = true;
                else work = true;
            }
            out = episode_share(r, ctx, [&](std::size_t i) {
                const EpisodeNumbers& e = nums[i];
                return (walking && e.effect_walking >= r.number) || (sleep && e.effect_sleep >= r.number) ||
                       (work && e.effect_work >= r.number);
            });
            break;
        }
        case FeatureKind::SpreadUpwardFromToes: {
            // Baseline: how high the earliest episode that began at the toes or sole reached.
            const std::int64_t first = ctx.first_toes;
            const int baseline = first >= 0 ? ctx.facts_of[static_cast<std::size_t>(first)].highest_level : 0;
            out = episode_share(r, ctx, [&](std::size_t i) {
                const F& e = facts[i];
                if (e.flags & F::kSpreadUpFromToes) return true;
                return first >= 0 && static_cast<std::int64_t>(i) != first && (e.flags & F::kStartsAtToes) &&
                       e.highest_level > baseline;
            });
            add_missing(out, ctx.no_spread_ends, n, "where it spread from and to");
            break;
        }
        case FeatureKind::NumbnessOnly:
            out = episode_share(r, ctx, [&](std::size_t i) { return (facts[i].flags & F::kNumbnessOnly) != 0; });
            break;
        case FeatureKind::Recurrent:
        case FeatureKind::ShortTerm: {
            const auto span = span_days(ctx);
            if (!span) {
                out.unknowns.push_back("Fewer than 2 episodes: too few to tell how long-term it is");
                break;
            }
            const bool holds = spec->kind == FeatureKind::Recurrent ? *span >= r.number : *span < r.number;
            // Never "the episodes span 0 days".
            const std::string span_text = *span == 0 ? "all the episodes fall on one day"
                                          : "the episodes span " + std::to_string(*span) + (*span == 1 ? " day" : " days");
            out = diary_level(r, holds, span_text, ctx);
            break;
        }
        case FeatureKind::Worsening:
            out = worsening(r, ctx);
            break;
        case FeatureKind::Background:
            out = background(r, ctx);
            break;
        case FeatureKind::CheckinSymptom:
            out = checkin_symptom(r, ctx);
            break;
        case FeatureKind::BothSides:
        case FeatureKind::OneSide:
        case FeatureKind::Stocking:
        case FeatureKind::GloveStocking:
        case FeatureKind::LegBand: {
            const std::uint8_t want = spec->kind == FeatureKind::BothSides ? F::kBothSides
                                      : spec->kind == FeatureKind::OneSide ? F::kOneSide
                                      : spec->kind == FeatureKind::Stocking ? F::kStocking
                                      : spec->kind == FeatureKind::GloveStocking ? F::kGloveStocking
                                                                             : F::kLegBand;
            out = episode_share(r, ctx, [&](std::size_t i) { return (facts[i].shape & want) != 0; });
            add_missing(out, ctx.no_regions, n, "where it was felt");
            break;
        }
        case FeatureKind::AgeAtLeast:
            out = age_at_least(r, ctx);
            break;
    }
    return out;
}

}  // namespace nd::detail
