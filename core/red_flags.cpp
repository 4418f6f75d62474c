// Red flags: fixed in code, not in the catalog, so tuning a cause can never hide one.
// Sources (see docs/clinical.md): NHS FAST stroke signs, CDC stroke signs, Cleveland
// Clinic's advice on when numbness needs urgent care, and the NHS and Mayo Clinic pages on
// Guillain-Barré syndrome for numbness or weakness climbing both legs over hours to days.
#include "red_flags.hpp"

#include "red_flag_walk.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "enum_names.hpp"
#include "store.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

bool has_region(const Episode& e, Region r) {
    for (const auto& m : e.regions)
        if (m.region == r) return true;
    return false;
}

std::string label(Sign s) { return std::string(enum_label(s)); }


// Which legs an episode marks: bit 1 left, bit 2 right (a "both sides" mark sets both).
int legs_of(const Episode& e) {
    int legs = 0;
    for (const auto& m : e.regions) {
        if (leg_height(m.region) < 0) continue;
        if (m.side == Side::Left || m.side == Side::Both) legs |= 1;
        if (m.side == Side::Right || m.side == Side::Both) legs |= 2;
    }
    return legs;
}

bool both_legs(const Episode& e) { return legs_of(e) == 3; }

// How high up the leg it reached: the spread's end, else the highest marked region.
int reach_of(const Episode& e) {
    int high = -1;
    for (const auto& m : e.regions) high = std::max(high, leg_height(m.region));
    if (e.spread && e.spread_to) high = std::max(high, leg_height(*e.spread_to));
    return high;
}

bool fast_spread(const Episode& e) {
    return e.spread && (e.spread_speed == SpreadSpeed::Minutes || e.spread_speed == SpreadSpeed::Hours);
}

// Spread up a leg: to a higher point than where it started (start unknown: any leg end).
bool climbs(const Episode& e) {
    if (!e.spread || !e.spread_to || leg_height(*e.spread_to) < 0) return false;
    return !e.spread_from || leg_height(*e.spread_to) > leg_height(*e.spread_from);
}

// A spread's path: where it began and on which leg. Unknown start: 255.
using PathKey = std::pair<int, int>;
PathKey path_of(const Episode& e) {
    return {e.spread_from ? static_cast<int>(*e.spread_from) : 255, legs_of(e)};
}

// Where an episode was felt: a bit per region (the spread's ends included).
std::uint32_t felt_mask(const Episode& e) {
    std::uint32_t m = 0;
    for (const auto& r : e.regions) m |= 1u << static_cast<unsigned>(r.region);
    if (e.spread && e.spread_to) m |= 1u << static_cast<unsigned>(*e.spread_to);
    if (e.spread && e.spread_from) m |= 1u << static_cast<unsigned>(*e.spread_from);
    return m;
}

// What earlier episodes tell: the paths already logged (with every place they reached)
// and the both-legs episodes (start, reach) for climbing over several entries.
struct History {
    std::map<PathKey, std::uint32_t> paths;
    std::vector<std::pair<std::int64_t, int>> both_leg_entries;   // start utc, reach

    void add(const Episode& e) {
        if (e.spread) paths[path_of(e)] |= felt_mask(e);
        if (both_legs(e)) both_leg_entries.emplace_back(e.start.utc, reach_of(e));
    }
};


// Numbness climbing both legs over several entries: a both-legs episode within three days
// of an earlier both-legs one, still felt from where that one was (a continuous climb, not
// another complaint higher up), at least two steps higher (toes to ankle is not enough) and
// reaching the shin or calf at least. Wavering between toes and ankle over weeks is not it.
int lowest_of(const Episode& e) {
    int low = 99;
    for (const auto& m : e.regions)
        if (const int h = leg_height(m.region); h >= 0) low = std::min(low, h);
    return low;
}

// h.both_leg_entries is in start order (History is filled oldest first), so the window is
// read from the newest entry back and left at the first one older than it: a walk over
// the whole diary stays linear (it read every earlier both-legs entry per episode).
bool climbed_across_entries(const Episode& e, const History& h) {
    if (!both_legs(e)) return false;
    const int reach = reach_of(e);
    if (reach < 3) return false;
    const int low = lowest_of(e);
    for (auto it = h.both_leg_entries.rbegin(); it != h.both_leg_entries.rend(); ++it) {
        const auto& [when, before] = *it;
        if (e.start.utc - when > kClimbWindowSeconds) break;
        if (e.start.utc - when >= 0 && reach - before >= 2 && low <= before) return true;
    }
    return false;
}

// A fast spread along a path already logged, reaching nowhere it had not reached before,
// on one leg, with no sign.
bool familiar(const Episode& e, const History* h) {
    if (!h || !fast_spread(e) || !e.signs.empty() || both_legs(e)) return false;
    const auto it = h->paths.find(path_of(e));
    return it != h->paths.end() && (felt_mask(e) & ~it->second) == 0;
}

std::vector<RedFlag> flags_of(const Episode& e, const History* h) {
    std::vector<RedFlag> flags;
    if (e.deleted_utc) return flags;
    const bool sudden = e.onset == Onset::Sudden;
    const bool unknown_onset = e.onset == Onset::Unknown;

    // Stroke signs. FAST signs (face drooping, arm weakness, trouble speaking) count
    // whatever the onset; confusion and sight change count when it came on suddenly;
    // numbness of the face, arm or hand counts unless it is known to have come on gradually
    // (not knowing is treated as sudden: the Log asks, see needs_sudden_onset_question()).
    {
        std::vector<std::string> reasons;
        for (Sign s : {Sign::FaceDrooping, Sign::ArmWeakness, Sign::TroubleSpeaking})
            if (contains(e.signs, s)) reasons.push_back(label(s));
        if (sudden)
            for (Sign s : {Sign::Confusion, Sign::VisionChange})
                if (contains(e.signs, s)) reasons.push_back(label(s));
        if (sudden || unknown_onset)
            for (Region r : {Region::Face, Region::Arm, Region::Hand})
                if (has_region(e, r))
                    reasons.push_back("Numbness of the " + std::string(enum_id(r)) +
                                      (sudden ? "" : " (not known whether it came on suddenly)"));
        if (!reasons.empty()) {
            if (sudden) reasons.insert(reasons.begin(), "Came on suddenly");
            flags.push_back({RedFlagKind::StrokeSigns, e.id, true, "Possible stroke signs",
                             "Call emergency services now (999, 911 or 112). Do not wait to see if it passes, "
                             "and do not drive yourself.",
                             reasons});
        }
    }

    // Saddle area numbness or loss of bladder or bowel control: always, however familiar.
    {
        std::vector<std::string> reasons;
        if (has_region(e, Region::SaddleArea)) reasons.push_back("Numbness in the saddle area");
        if (contains(e.signs, Sign::BladderBowelLoss)) reasons.push_back(label(Sign::BladderBowelLoss));
        if (!reasons.empty())
            flags.push_back({RedFlagKind::SaddleOrBladder, e.id, false,
                             "Saddle area numbness or loss of bladder or bowel control",
                             "Get urgent medical care today: go to an emergency department or urgent care now.",
                             reasons});
    }

    // Numbness or weakness climbing both legs over hours to days (one entry, or several
    // within three days). Takes in a weak leg and a fast spread of the same episode.
    const bool climbing_one = both_legs(e) && climbs(e) &&
                              (e.spread_speed == SpreadSpeed::Hours || e.spread_speed == SpreadSpeed::Days);
    const bool climbing = climbing_one || (h && climbed_across_entries(e, *h));
    if (climbing) {
        std::vector<std::string> reasons;
        if (climbing_one)
            reasons.push_back(e.spread_speed == SpreadSpeed::Hours ? "Climbed both legs within hours"
                                                                  : "Climbed both legs within days");
        else
            reasons.push_back("Reached higher up both legs than an entry of the days before");
        if (contains(e.signs, Sign::LegWeakness)) reasons.push_back("With weakness of the legs");
        flags.push_back({RedFlagKind::ClimbingBothLegs, e.id, false, "Numbness or weakness climbing both legs",
                         "Get urgent medical care today: numbness or weakness rising up both legs over hours or "
                         "days needs a doctor at once. If breathing or swallowing gets hard, call emergency "
                         "services.",
                         reasons});
        return flags;
    }

    // A fast spread that is new (first time on that path, reaching further, in both legs or
    // with a sign), or a weak leg (any region: weakness needs no "whole leg").
    {
        std::vector<std::string> reasons;
        if (fast_spread(e) && !familiar(e, h)) {
            std::string r = e.spread_speed == SpreadSpeed::Minutes ? "Spread within minutes" : "Spread within hours";
            if (both_legs(e)) r += ", in both legs";
            else if (h && h->paths.contains(path_of(e)))
                r += ", further than before";
            else if (h)
                r += ", the first time along this path";
            reasons.push_back(std::move(r));
        }
        if (contains(e.signs, Sign::LegWeakness))
            reasons.push_back(has_region(e, Region::WholeLeg) ? "Weakness of a whole leg" : "Weakness of a leg");
        if (!reasons.empty())
            flags.push_back({RedFlagKind::RapidSpreadOrLegWeakness, e.id, false,
                             "Numbness spreading fast or a weak leg",
                             "Get urgent medical care today: contact urgent care or an emergency department.",
                             reasons});
    }
    return flags;
}

bool episode_before(const Episode* a, const Episode* b) {
    return a->start.utc != b->start.utc ? a->start.utc < b->start.utc : a->id < b->id;
}

std::vector<const Episode*> live_in_order(const Diary& d) {
    std::vector<const Episode*> eps;
    eps.reserve(d.episodes.size());
    for (const auto& e : d.episodes)
        if (!e.deleted_utc) eps.push_back(&e);
    // Diary::episodes is kept in this order (normalize): one linear check, no sort.
    if (!std::is_sorted(eps.begin(), eps.end(), episode_before)) std::sort(eps.begin(), eps.end(), episode_before);
    return eps;
}

// Walks the diary oldest first, calling f(episode, flags, familiar?).
template <class F>
void walk(const Diary& d, F&& f) {
    History h;
    for (const Episode* e : live_in_order(d)) {
        auto flags = flags_of(*e, &h);
        const bool fam = flags.empty() ? familiar(*e, &h) : false;
        f(*e, std::move(flags), fam);
        h.add(*e);
    }
}

std::string region_words(Region r) {
    std::string s(enum_label(r));
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string path_text(const Episode& e) {
    std::string out;
    if (e.spread_from) out += "from the " + region_words(*e.spread_from);
    if (e.spread_to) out += std::string(out.empty() ? "" : " ") + "to the " + region_words(*e.spread_to);
    if (out.empty()) out = "down the leg";
    const int legs = legs_of(e);
    if (legs == 1) out += ", left leg";
    if (legs == 2) out += ", right leg";
    return out;
}

}  // namespace

std::vector<RedFlag> red_flags_for(const Episode& e) { return flags_of(e, nullptr); }

// One pass, no copy or sort of the diary: History keeps only what flags_of reads (the
// paths, which only a fast spread consults, and the both-legs entries of the climbing
// window), and neither depends on the order they were added in, but the window's entries
// are sorted for climbed_across_entries.
std::vector<RedFlag> red_flags_for(const Episode& e, const Diary& history) {
    History h;
    const bool paths_matter = fast_spread(e);
    for (const auto& x : history.episodes) {
        if (x.deleted_utc || !episode_before(&x, &e) || x.id == e.id) continue;
        if (paths_matter && x.spread) h.paths[path_of(x)] |= felt_mask(x);
        if (e.start.utc - x.start.utc <= kClimbWindowSeconds && both_legs(x))
            h.both_leg_entries.emplace_back(x.start.utc, reach_of(x));
    }
    std::sort(h.both_leg_entries.begin(), h.both_leg_entries.end());
    return flags_of(e, &h);
}

std::vector<RedFlag> red_flags_from(const Diary& diary, std::int64_t from_utc) {
    // Everything before from_utc is only history (as in red_flags_for); the episodes
    // from it on are judged oldest first, each joining the history after its turn, as
    // walk() does.
    // Older paths matter only to a fast spread among them, and only paths from where one
    // of those began (a path is keyed by that place first): the rest are not gathered.
    std::vector<const Episode*> tail;
    std::vector<int> spread_places;
    for (const auto& x : diary.episodes)
        if (!x.deleted_utc && x.start.utc >= from_utc) {
            tail.push_back(&x);
            if (fast_spread(x)) spread_places.push_back(path_of(x).first);
        }
    History h;
    for (const auto& x : diary.episodes) {
        if (x.deleted_utc || x.start.utc >= from_utc) continue;
        if (x.spread && !spread_places.empty()) {
            const PathKey p = path_of(x);
            if (std::find(spread_places.begin(), spread_places.end(), p.first) != spread_places.end())
                h.paths[p] |= felt_mask(x);
        }
        if (from_utc - x.start.utc <= kClimbWindowSeconds && both_legs(x))
            h.both_leg_entries.emplace_back(x.start.utc, reach_of(x));
    }
    std::sort(h.both_leg_entries.begin(), h.both_leg_entries.end());
    std::sort(tail.begin(), tail.end(), episode_before);
    std::vector<std::vector<RedFlag>> per;
    for (const Episode* e : tail) {
        auto f = flags_of(*e, &h);
        if (!f.empty()) per.push_back(std::move(f));
        h.add(*e);
    }
    std::vector<RedFlag> flags;
    for (auto it = per.rbegin(); it != per.rend(); ++it)
        for (auto& f : *it) flags.push_back(std::move(f));
    return flags;
}

struct RedFlagWalk::State {
    const Diary* diary = nullptr;
    std::size_t next = 0;
    History history;
};

RedFlagWalk::RedFlagWalk(const Diary& diary, std::int64_t from_utc) : st_(std::make_unique<State>()), from_(from_utc) {
    // What red_flags_from() gathers before judging: the history before from_utc,
    // restricted to what the episodes from it on can read (the climbing window's
    // both-legs entries; the earlier paths from where one of their fast spreads began).
    const auto& v = diary.episodes;
    st_->diary = &diary;
    st_->next = static_cast<std::size_t>(
        std::partition_point(v.begin(), v.end(), [&](const Episode& e) { return e.start.utc < from_utc; }) - v.begin());
    std::vector<int> spread_places;
    for (std::size_t i = st_->next; i < v.size(); ++i)
        if (!v[i].deleted_utc && fast_spread(v[i])) {
            const int place = path_of(v[i]).first;
            if (std::find(spread_places.begin(), spread_places.end(), place) == spread_places.end()) spread_places.push_back(place);
        }
    History& h = st_->history;
    if (!spread_places.empty()) {
        for (std::size_t i = 0; i < st_->next; ++i) {
            const Episode& x = v[i];
            if (x.deleted_utc) continue;
            if (x.spread) {
                const PathKey p = path_of(x);
                if (std::find(spread_places.begin(), spread_places.end(), p.first) != spread_places.end()) h.paths[p] |= felt_mask(x);
            }
            if (from_utc - x.start.utc <= kClimbWindowSeconds && both_legs(x)) h.both_leg_entries.emplace_back(x.start.utc, reach_of(x));
        }
    } else {
        // No fast spread to judge: only the climbing window before from_utc is read, and
        // the diary is in time order (a change to the newest episode reads days, not years).
        for (std::size_t i = st_->next; i-- > 0;) {
            const Episode& x = v[i];
            if (from_utc - x.start.utc > kClimbWindowSeconds) break;
            if (!x.deleted_utc && both_legs(x)) h.both_leg_entries.emplace_back(x.start.utc, reach_of(x));
        }
    }
    std::sort(h.both_leg_entries.begin(), h.both_leg_entries.end());
}

RedFlagWalk::~RedFlagWalk() = default;

std::vector<RedFlag> red_flags_at(const Diary& diary, std::size_t index) {
    const auto& v = diary.episodes;
    if (index >= v.size() || v[index].deleted_utc) return {};
    const Episode& e = v[index];
    History h;
    if (fast_spread(e)) {
        const int place = path_of(e).first;
        for (std::size_t i = 0; i < index; ++i)
            if (!v[i].deleted_utc && v[i].spread && path_of(v[i]).first == place) h.paths[path_of(v[i])] |= felt_mask(v[i]);
    }
    for (std::size_t i = index; i-- > 0;) {
        const Episode& x = v[i];
        if (e.start.utc - x.start.utc > kClimbWindowSeconds) break;
        if (!x.deleted_utc && both_legs(x)) h.both_leg_entries.emplace_back(x.start.utc, reach_of(x));
    }
    std::sort(h.both_leg_entries.begin(), h.both_leg_entries.end());
    return flags_of(e, &h);
}

bool RedFlagWalk::done() const { return st_->next >= st_->diary->episodes.size(); }

std::size_t RedFlagWalk::remaining() const { return st_->diary->episodes.size() - std::min(st_->next, st_->diary->episodes.size()); }

bool RedFlagWalk::step(std::size_t max_episodes, const std::function<void(const Episode&, std::vector<RedFlag>&&)>& out) {
    const auto& v = st_->diary->episodes;
    for (std::size_t n = 0; n < max_episodes && st_->next < v.size(); ++n) {
        const Episode& e = v[st_->next++];
        if (e.deleted_utc) continue;
        out(e, flags_of(e, &st_->history));
        st_->history.add(e);
    }
    return done();
}

// The history the rule reads, and no more: the both-legs entries of the climbing
// window (any episode that began within it), and, only for a fast spread (the one
// thing familiar() and "further than before" judge), the earlier spreads from the
// same place (a path is keyed by where it spread from, then the legs).
std::vector<RedFlag> red_flags_for(const Episode& e, const Store& store) {
    if (e.deleted_utc) return {};
    Diary history;
    history.episodes = store.red_flag_history(e, kClimbWindowSeconds, fast_spread(e));
    return red_flags_for(e, history);
}

std::vector<RedFlag> red_flags_in(const Diary& diary) {
    std::vector<RedFlag> flags;
    std::vector<FamiliarSpread> familiar;
    scan_red_flags(diary, flags, familiar);
    return flags;
}

bool is_red_flag_episode(const Episode& e, const Diary& diary) {
    if (e.deleted_utc) return false;
    return !red_flags_for(e, diary).empty();
}

std::vector<std::string> red_flag_episode_ids(const Diary& diary) {
    std::vector<std::string> ids;
    walk(diary, [&](const Episode& e, std::vector<RedFlag> flags, bool) {
        if (!flags.empty()) ids.push_back(e.id);
    });
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool needs_sudden_onset_question(const Episode& e) {
    if (e.onset != Onset::Unknown) return false;
    return has_region(e, Region::Face) || has_region(e, Region::Arm) || has_region(e, Region::Hand);
}

std::vector<RedFlagGroup> group_red_flags(const std::vector<RedFlag>& flags, const std::vector<const LocalTime*>& starts) {
    std::vector<RedFlagGroup> groups;
    std::map<std::pair<int, std::vector<std::string>>, std::size_t> index;
    struct Member {
        const LocalTime* start;
        const std::string* id;
    };
    std::vector<std::vector<Member>> members;
    for (std::size_t i = 0; i < flags.size(); ++i) {
        const RedFlag& f = flags[i];
        auto key = std::make_pair(static_cast<int>(f.kind), f.reasons);
        std::sort(key.second.begin(), key.second.end());
        auto [it, fresh] = index.try_emplace(key, groups.size());
        if (fresh) {
            groups.push_back({f.kind, f.call_emergency, f.title, f.advice, f.reasons, 0, {}, {}});
            members.emplace_back();
        }
        if (i < starts.size() && starts[i]) members[it->second].push_back({starts[i], &f.episode_id});
        else ++groups[it->second].count;   // an episode not in this diary: counted, no date
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
        auto& m = members[g];
        std::sort(m.begin(), m.end(), [](const Member& a, const Member& b) {
            return a.start->utc != b.start->utc ? a.start->utc < b.start->utc : *a.id < *b.id;
        });
        m.erase(std::unique(m.begin(), m.end(), [](const Member& a, const Member& b) { return *a.id == *b.id; }), m.end());
        for (const Member& e : m) {
            groups[g].episode_ids.push_back(*e.id);
            groups[g].dates.push_back(local_date(*e.start));
        }
        groups[g].count += static_cast<int>(m.size());
    }
    return groups;
}

std::vector<RedFlagGroup> group_red_flags(const std::vector<RedFlag>& flags, const Diary& diary) {
    // Only the flagged ids are looked for (a diary without flags costs nothing; a map of
    // every id cost 74 ms at 100k on each change of the Causes page).
    std::unordered_map<std::string_view, const Episode*> by_id;
    for (const RedFlag& f : flags) by_id.emplace(f.episode_id, nullptr);
    if (!by_id.empty())
        for (const auto& e : diary.episodes)
            if (const auto it = by_id.find(e.id); it != by_id.end()) it->second = &e;   // the last of an id, as before
    std::vector<const LocalTime*> starts;
    starts.reserve(flags.size());
    for (const RedFlag& f : flags) {
        const Episode* e = by_id.at(f.episode_id);
        starts.push_back(e ? &e->start : nullptr);
    }
    return group_red_flags(flags, starts);
}

struct RedFlagScan::State {
    std::vector<const Episode*> order;   // live episodes, oldest first
    std::size_t next = 0;
    History history;
    std::vector<std::vector<RedFlag>> per;   // the flags of each flagged episode, oldest first
    std::map<PathKey, std::size_t> familiar_index;
    std::vector<FamiliarSpread> familiar;
};

RedFlagScan::RedFlagScan(const Diary& diary) : st_(std::make_unique<State>()) { st_->order = live_in_order(diary); }

RedFlagScan::RedFlagScan(std::vector<const Episode*> order) : st_(std::make_unique<State>()) {
    st_->order = std::move(order);
}

RedFlagScan::~RedFlagScan() = default;

bool RedFlagScan::done() const { return st_->next >= st_->order.size(); }

std::size_t RedFlagScan::remaining() const { return st_->order.size() - std::min(st_->next, st_->order.size()); }

// walk()'s step, one episode at a time.
bool RedFlagScan::step(std::size_t max_episodes) {
    State& s = *st_;
    for (std::size_t n = 0; n < max_episodes && s.next < s.order.size(); ++n) {
        const Episode& e = *s.order[s.next++];
        auto f = flags_of(e, &s.history);
        const bool fam = f.empty() && familiar(e, &s.history);
        if (!f.empty()) s.per.push_back(std::move(f));
        if (fam) {
            auto [it, fresh] = s.familiar_index.try_emplace(path_of(e), s.familiar.size());
            if (fresh) s.familiar.push_back({path_text(e), 0, {}, {}});
            auto& g = s.familiar[it->second];
            ++g.count;
            g.episode_ids.push_back(e.id);
            g.dates.push_back(local_date(e.start));
        }
        s.history.add(e);
    }
    return done();
}

void RedFlagScan::take(std::vector<RedFlag>& flags, std::vector<FamiliarSpread>& familiar) {
    for (auto it = st_->per.rbegin(); it != st_->per.rend(); ++it)
        for (auto& f : *it) flags.push_back(std::move(f));
    for (auto& g : st_->familiar) familiar.push_back(std::move(g));
    st_->per.clear();
    st_->familiar.clear();
}

void scan_red_flags(const Diary& diary, std::vector<RedFlag>& flags, std::vector<FamiliarSpread>& familiar) {
    RedFlagScan scan(diary);
    scan.step(static_cast<std::size_t>(-1));
    scan.take(flags, familiar);
}

std::vector<FamiliarSpread> familiar_spreads(const Diary& diary) {
    std::vector<RedFlag> flags;
    std::vector<FamiliarSpread> out;
    scan_red_flags(diary, flags, out);
    return out;
}

std::string count_and_dates(int count, const std::vector<LocalDate>& dates) {
    if (count <= 0) return "";
    if (count == 1) return dates.empty() ? "once" : "once, on " + dates.front();
    std::string out = std::to_string(count) + " times";
    if (dates.empty()) return out;
    if (dates.front() == dates.back()) return out + ", on " + dates.front();
    if (dates.size() <= 3) {
        out += ": ";
        for (std::size_t i = 0; i < dates.size(); ++i)
            out += (i == 0 ? "" : (i + 1 == dates.size() ? " and " : ", ")) + dates[i];
        return out;
    }
    return out + ", " + dates.front() + " to " + dates.back();
}

}  // namespace nd
