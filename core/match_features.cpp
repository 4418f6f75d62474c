// Semantics of every feature kind of the catalog vocabulary. See docs/catalog.md.
#include "match_features.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
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

// How many episodes leave a field unrecorded, as an unknowns line ("No episode records
// what eased it"); nothing when at most half leave it out.
void add_missing(FeatureOutcome& out, int missing, int total, const std::string& what) {
    if (total == 0 || missing * 2 <= total) return;
    if (missing == total)
        out.unknowns.push_back("No episode records " + what);
    else
        out.unknowns.push_back(count_phrase(missing, total, "episode does", "episodes do") + " not record " + what);
}

// Height up the leg of a region; -1 for regions that are not on the leg.
int leg_level(Region r) {
    switch (r) {
        case Region::Toes: case Region::Sole: return 0;
        case Region::TopOfFoot: case Region::Heel: return 1;
        case Region::InnerAnkle: case Region::Ankle: return 2;
        case Region::Shin: case Region::Calf: return 3;
        case Region::Knee: return 4;
        case Region::ThighFront: case Region::ThighBack: return 5;
        case Region::Hip: case Region::Buttock: case Region::WholeLeg: return 6;
        default: return -1;
    }
}

bool starts_at_toes(const Episode& e) {
    for (const auto& m : e.regions)
        if (m.region == Region::Toes || m.region == Region::Sole) return true;
    return false;
}

int highest_level(const Episode& e) {
    int h = -1;
    for (const auto& m : e.regions) h = std::max(h, leg_level(m.region));
    if (e.spread_to) h = std::max(h, leg_level(*e.spread_to));
    return h;
}

// Episode-level features: the share of episodes matching `pred`.
FeatureOutcome episode_share(const Rule& r, const MatchContext& ctx, const std::function<bool(const Episode&)>& pred) {
    FeatureOutcome out;
    const int n = static_cast<int>(ctx.episodes.size());
    if (n == 0) return out;
    out.applicable = true;
    for (const Episode* e : ctx.episodes)
        if (pred(*e)) out.episode_ids.push_back(e->id);
    const int k = static_cast<int>(out.episode_ids.size());
    out.fraction = static_cast<double>(k) / n;
    out.text = count_phrase(k, n, "episode", "episodes") + " " + r.says;
    return out;
}

int missing_count(const MatchContext& ctx, const std::function<bool(const Episode&)>& missing) {
    int m = 0;
    for (const Episode* e : ctx.episodes) m += missing(*e) ? 1 : 0;
    return m;
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

FeatureOutcome diary_level(const Rule& r, bool holds, const std::string& detail, const MatchContext& ctx) {
    FeatureOutcome out;
    out.applicable = true;
    out.fraction = holds ? 1.0 : 0.0;
    out.text = r.says + " (" + detail + ")";
    if (holds)
        for (const Episode* e : ctx.episodes) out.episode_ids.push_back(e->id);
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
        } else {
            d = lower_first(enum_label(f->kind));
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
    const std::size_t n = ctx.episodes.size();
    if (n < 4) {
        out.unknowns.push_back("Fewer than 4 episodes: too few to see whether the numbness grows stronger");
        return out;
    }
    const std::size_t half = n / 2;
    double early = 0, late = 0;
    for (std::size_t i = 0; i < half; ++i) early += ctx.episodes[i]->numbness;
    for (std::size_t i = n - half; i < n; ++i) late += ctx.episodes[i]->numbness;
    early /= static_cast<double>(half);
    late /= static_cast<double>(half);
    const std::string detail = "average numbness " + one_decimal(early) + " out of 10 in the first " +
                               std::to_string(half) + " episodes, " + one_decimal(late) + " in the last " +
                               std::to_string(half);
    out = diary_level(r, late - early >= r.number, detail, ctx);
    out.episode_ids.clear();
    if (out.fraction > 0)
        for (std::size_t i = n - half; i < n; ++i) out.episode_ids.push_back(ctx.episodes[i]->id);
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

MatchContext make_context(const Diary& diary) {
    MatchContext ctx;
    for (const auto& e : diary.episodes)
        if (!e.deleted_utc) ctx.episodes.push_back(&e);
    for (const auto& c : diary.checkins)
        if (!c.deleted_utc) ctx.checkins.push_back(&c);
    for (const auto& f : diary.facts)
        if (!f.deleted_utc) ctx.facts.push_back(&f);
    std::sort(ctx.episodes.begin(), ctx.episodes.end(), [](const Episode* a, const Episode* b) {
        return a->start.utc != b->start.utc ? a->start.utc < b->start.utc : a->id < b->id;
    });
    std::sort(ctx.checkins.begin(), ctx.checkins.end(), [](const CheckIn* a, const CheckIn* b) {
        return a->date != b->date ? a->date < b->date : a->id < b->id;
    });
    std::sort(ctx.facts.begin(), ctx.facts.end(),
              [](const BackgroundFact* a, const BackgroundFact* b) { return a->id < b->id; });
    return ctx;
}

FeatureOutcome evaluate(const Rule& r, const MatchContext& ctx) {
    const FeatureSpec* spec = find_feature(r.feature);
    if (!spec) return {};  // the loader rejects unknown features; a hand-built rule is ignored
    const int n = static_cast<int>(ctx.episodes.size());
    FeatureOutcome out;
    switch (spec->kind) {
        case FeatureKind::Region: {
            const auto want = parse_values<Region>(r);
            out = episode_share(r, ctx, [&](const Episode& e) {
                for (const auto& m : e.regions)
                    if (contains(want, m.region)) return true;
                return false;
            });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.regions.empty(); }), n,
                        "where it was felt");
            break;
        }
        case FeatureKind::Sensation: {
            const auto want = parse_values<Sensation>(r);
            out = episode_share(r, ctx, [&](const Episode& e) { return any_of_values(e.sensations, want); });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.sensations.empty(); }), n,
                        "what it felt like");
            break;
        }
        case FeatureKind::Activity: {
            const auto want = parse_values<Activity>(r);
            out = episode_share(r, ctx, [&](const Episode& e) { return any_of_values(e.activities, want); });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.activities.empty(); }), n,
                        "what you were doing before it began");
            break;
        }
        case FeatureKind::Relief: {
            const auto want = parse_values<Relief>(r);
            out = episode_share(r, ctx, [&](const Episode& e) { return any_of_values(e.reliefs, want); });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.reliefs.empty(); }), n,
                        "what eased it");
            break;
        }
        case FeatureKind::ReliefWithin: {
            const auto want = parse_values<Relief>(r);
            out = episode_share(r, ctx, [&](const Episode& e) {
                return any_of_values(e.reliefs, want) && e.relief_after_min && *e.relief_after_min >= 0 &&
                       *e.relief_after_min <= r.number;
            });
            add_missing(out, missing_count(ctx, [](const Episode& e) {
                            return e.reliefs.empty() || !e.relief_after_min;
                        }), n, "how soon it eased");
            break;
        }
        case FeatureKind::ShortLasting:
            out = episode_share(r, ctx, [&](const Episode& e) {
                return !e.ongoing && e.duration_min && *e.duration_min <= r.number;
            });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return !e.ongoing && !e.duration_min; }), n,
                        "how long it lasted");
            break;
        case FeatureKind::LongLasting:
            out = episode_share(r, ctx, [&](const Episode& e) {
                return e.ongoing || (e.duration_min && *e.duration_min >= r.number);
            });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return !e.ongoing && !e.duration_min; }), n,
                        "how long it lasted");
            break;
        case FeatureKind::Onset: {
            const auto want = parse_values<Onset>(r);
            out = episode_share(r, ctx, [&](const Episode& e) { return contains(want, e.onset); });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.onset == Onset::Unknown; }), n,
                        "whether it came on suddenly or gradually");
            break;
        }
        case FeatureKind::Sign: {
            const auto want = parse_values<Sign>(r);
            out = episode_share(r, ctx, [&](const Episode& e) { return any_of_values(e.signs, want); });
            break;
        }
        case FeatureKind::WorseAtNight:
            out = episode_share(r, ctx, [](const Episode& e) { return e.worse_at_night == TriState::Yes; });
            add_missing(out, missing_count(ctx, [](const Episode& e) { return e.worse_at_night == TriState::Unknown; }),
                        n, "whether it was worse at night");
            break;
        case FeatureKind::Effect:
            out = episode_share(r, ctx, [&](const Episode& e) {
                for (const auto& area : r.values) {
                    const int level = area == "walking" ? e.effect_walking
                                      : area == "sleep" ? e.effect_sleep
                                                        : e.effect_work;
                    if (level >= r.number) return true;
                }
                return false;
            });
            break;
        case FeatureKind::SpreadUpwardFromToes: {
            // Baseline: how high the earliest episode that began at the toes or sole reached.
            std::optional<int> baseline;
            const Episode* first_toes = nullptr;
            for (const Episode* e : ctx.episodes)
                if (starts_at_toes(*e)) {
                    first_toes = e;
                    baseline = highest_level(*e);
                    break;
                }
            out = episode_share(r, ctx, [&](const Episode& e) {
                if (e.spread && e.spread_from && e.spread_to &&
                    (*e.spread_from == Region::Toes || *e.spread_from == Region::Sole) &&
                    leg_level(*e.spread_to) > leg_level(*e.spread_from))
                    return true;
                return baseline && &e != first_toes && starts_at_toes(e) && highest_level(e) > *baseline;
            });
            add_missing(out, missing_count(ctx, [](const Episode& e) {
                            return e.spread && (!e.spread_from || !e.spread_to);
                        }), n, "where it spread from and to");
            break;
        }
        case FeatureKind::NumbnessOnly: {
            out = episode_share(r, ctx, [&](const Episode& e) {
                if (e.sensations.empty() || !e.signs.empty()) return false;
                for (auto s : e.sensations)
                    if (s != Sensation::Numbness) return false;
                const auto day = local_date(e.start);
                for (const CheckIn* c : ctx.checkins)
                    if (c->date == day && !c->symptoms.empty()) return false;
                return true;
            });
            break;
        }
        case FeatureKind::Recurrent:
        case FeatureKind::ShortTerm: {
            const auto span = span_days(ctx);
            if (!span) {
                out.unknowns.push_back("Fewer than 2 episodes: too few to tell how long-term it is");
                break;
            }
            const bool holds = spec->kind == FeatureKind::Recurrent ? *span >= r.number : *span < r.number;
            out = diary_level(r, holds,
                              "the episodes span " + std::to_string(*span) + (*span == 1 ? " day" : " days"), ctx);
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
    }
    return out;
}

}  // namespace nd::detail
