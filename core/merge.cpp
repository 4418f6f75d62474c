#include "merge.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <tuple>
#include <type_traits>
#include <variant>

namespace nd {

namespace {

std::int64_t later(std::int64_t updated, const std::optional<std::int64_t>& deleted) {
    return deleted ? std::max(updated, *deleted) : updated;
}

// Every field but the id, in a fixed order: the content tie-break.
auto fields(const Episode& e) {
    return std::tie(e.start.utc, e.start.offset_min, e.duration_min, e.ongoing, e.regions, e.sensations, e.numbness,
                    e.pain, e.activities, e.reliefs, e.relief_after_min, e.onset, e.spread, e.spread_from,
                    e.spread_to, e.spread_speed, e.signs, e.worse_at_night, e.effect_walking, e.effect_sleep,
                    e.effect_work, e.note, e.created_utc, e.updated_utc, e.deleted_utc);
}
auto fields(const CheckIn& c) {
    return std::tie(c.date, c.symptoms, c.no_numbness, c.note, c.created_utc, c.updated_utc, c.deleted_utc);
}
auto fields(const BackgroundFact& f) {
    return std::tie(f.kind, f.detail, f.since, f.amount, f.created_utc, f.updated_utc, f.deleted_utc);
}
auto fields(const Medicine& m) {
    return std::tie(m.name, m.dose, m.when_taken, m.since, m.helped, m.note, m.created_utc, m.updated_utc,
                    m.deleted_utc);
}
auto fields(const Tombstone& t) { return std::tie(t.kind, t.deleted_utc); }
auto fields(const QuestionnaireResponse& r) {
    return std::tie(r.questionnaire, r.version, r.taken.utc, r.taken.offset_min, r.answers, r.score, r.created_utc,
                    r.updated_utc, r.deleted_utc);
}
auto fields(const Profile& p) {
    return std::tie(p.updated_utc, p.name, p.birth_date, p.complaint_began, p.health_number, p.questions,
                    p.fhir_patient_id);
}

// -1, 0, 1 as a < b, a == b, a > b, by fields().
template <class T>
int compare_fields(const T& a, const T& b) {
    const auto fa = fields(a);
    const auto fb = fields(b);
    if (fa < fb) return -1;
    if (fb < fa) return 1;
    return 0;
}

// The diary's record lists, one per kind, in the fixed order of kinds that breaks
// ties between kinds (episode, check-in, fact, medicine, tombstone).
// Questionnaire responses come last so the order of the older kinds is unchanged.
auto lists(const Diary& d) {
    return std::tie(d.episodes, d.checkins, d.facts, d.medicines, d.tombstones, d.questionnaire_responses);
}
auto lists(Diary& d) {
    return std::tie(d.episodes, d.checkins, d.facts, d.medicines, d.tombstones, d.questionnaire_responses);
}

// Calls f on each of the diary's record lists, in that order.
template <class D, class F>
void for_each_list(D& d, F f) {
    std::apply([&](auto&... list) { (f(list), ...); }, lists(d));
}

// A record of any kind; its index is the kind's place in that order.
using RecordRef = std::variant<const Episode*, const CheckIn*, const BackgroundFact*, const Medicine*, const Tombstone*,
                               const QuestionnaireResponse*>;

bool is_tombstone(const RecordRef& r) { return std::holds_alternative<const Tombstone*>(r); }

// In the bin, or a tombstone.
template <class T>
bool is_deleted(const T& r) { return r.deleted_utc.has_value(); }
bool is_deleted(const Tombstone&) { return true; }

// One version of the record with some id, from either copy.
struct Version {
    RecordRef record;
    std::int64_t time = 0;
    bool deleted = false;   // in the bin, or a tombstone
    bool theirs = false;    // from the second copy (merge() may move it out of there)
};

template <class T>
Version version_of(const T& r, bool theirs) { return {&r, change_time(r), is_deleted(r), theirs}; }
Version version_of(const Tombstone& t, bool theirs) { return {&t, t.deleted_utc, true, theirs}; }

// A total order on versions of one id; the greater one wins.
int compare(const Version& a, const Version& b) {
    if (a.time != b.time) return a.time < b.time ? -1 : 1;
    const bool ta = is_tombstone(a.record), tb = is_tombstone(b.record);
    if (ta != tb) return ta ? 1 : -1;               // erased beats a record
    if (a.deleted != b.deleted) return a.deleted ? 1 : -1;   // then binned beats live
    if (a.record.index() != b.record.index()) return a.record.index() < b.record.index() ? -1 : 1;
    return std::visit(
        [&](const auto* x) { return compare_fields(*x, *std::get<std::decay_t<decltype(x)>>(b.record)); },
        a.record);
}

// The same record, every field (the id included): which copy it is taken from
// changes nothing in the result.
bool identical(const Version& a, const Version& b) {
    if (a.record.index() != b.record.index()) return false;
    return std::visit([&](const auto* x) { return *x == *std::get<std::decay_t<decltype(x)>>(b.record); }, a.record);
}

// Keyed by views into the two diaries' own ids (alive for the whole merge) and
// hashed: a 100k merge no longer copies 200k id strings into a tree. The order
// of the result comes from the lists themselves (see merge()), not from this map.
using Best = std::unordered_map<std::string_view, Version>;

// `prefer_theirs`: when their version is identical to the one held, hold theirs
// instead (it can then be moved, not copied, into the result: a merge of a backup
// into the diary it came from finds every record identical).
void offer(Best& best, const std::string& id, const Version& v, bool prefer_theirs) {
    auto [it, inserted] = best.try_emplace(id, v);
    if (inserted) return;
    if (prefer_theirs && v.theirs && !it->second.theirs && identical(v, it->second)) it->second = v;
    else if (compare(v, it->second) > 0) it->second = v;
}

template <class T>
const T* as(const Version& v) {
    const auto* p = std::get_if<const T*>(&v.record);
    return p ? *p : nullptr;
}

// merge(): `theirs` may be moved from when `theirs_movable` (its records are left
// empty, still valid).
Diary merge_impl(const Diary& mine_in, const Diary& theirs_in, Diary* theirs_movable) {
    // Diaries from the store and the readers are normalized already: read them in
    // place instead of copying 100k records each.
    Diary mine_copy, theirs_copy;
    const Diary& mine = normalized_view(mine_in, mine_copy);
    Diary* theirs_owned = theirs_movable;
    if (theirs_owned) normalize(*theirs_owned);
    else if (&normalized_view(theirs_in, theirs_copy) == &theirs_copy) theirs_owned = &theirs_copy;
    const Diary& theirs = theirs_owned ? *theirs_owned : theirs_in;
    const bool can_move = theirs_owned != nullptr;

    Best best;
    best.reserve(mine.episodes.size() + theirs.episodes.size() + mine.checkins.size() + theirs.checkins.size());
    for (const Diary* d : {&mine, &theirs}) {
        const bool from_theirs = d == &theirs;
        for_each_list(*d, [&](const auto& list) {
            for (const auto& r : list) offer(best, r.id, version_of(r, from_theirs), can_move);
        });
    }

    // One check-in per date: the greatest version of the date stays. Two check-ins of
    // one date can differ only by id (compare() leaves ids out: they are one record's
    // versions elsewhere); the greater id then wins, so that the result does not
    // depend on the hash map's order (the merge is commutative; fuzz_merge found it).
    std::map<LocalDate, Version> by_date;
    for (const auto& [id, v] : best) {
        const auto* c = as<CheckIn>(v);
        if (!c) continue;
        auto [it, inserted] = by_date.try_emplace(c->date, v);
        if (inserted) continue;
        const int order = compare(v, it->second);
        if (order > 0 || (order == 0 && c->id > as<CheckIn>(it->second)->id)) it->second = v;
    }
    // The winners, marked by their place in their own list: the result is built by
    // walking each list in its (sorted) order, not the hash map's.
    std::unordered_set<const void*> wins;
    wins.reserve(best.size());
    for (const auto& [id, v] : best) {
        if (const auto* c = as<CheckIn>(v); c && as<CheckIn>(by_date.at(c->date)) != c) continue;
        std::visit([&](const auto* r) { wins.insert(r); }, v.record);
    }

    Diary out;
    const bool mine_profile = compare_fields(mine.profile, theirs.profile) >= 0;
    if (mine_profile) out.profile = mine.profile;
    else if (can_move) out.profile = std::move(theirs_owned->profile);
    else out.profile = theirs.profile;
    auto take = [&](auto& into, const auto& from, auto* movable) {
        for (std::size_t i = 0; i < from.size(); ++i) {
            // Each winner once, even when both copies are one diary (merge(d, d)).
            if (!wins.erase(&from[i])) continue;
            if (movable) into.push_back(std::move((*movable)[i]));
            else into.push_back(from[i]);
        }
    };
    std::apply(
        [&](auto&... into) {
            (
                [&](auto& list) {
                    using List = std::decay_t<decltype(list)>;
                    const List& m = std::get<const List&>(lists(mine));
                    const List& t = std::get<const List&>(lists(theirs));
                    list.reserve(m.size() + t.size());   // at most (pages past the end stay untouched)
                    take(list, m, static_cast<List*>(nullptr));
                    const auto mid = static_cast<std::ptrdiff_t>(list.size());
                    take(list, t, can_move ? &std::get<List&>(lists(*theirs_owned)) : static_cast<List*>(nullptr));
                    // Two sorted runs (mine's winners, then theirs'): one linear merge
                    // where normalize() would sort 100k episodes.
                    if constexpr (std::is_same_v<List, std::vector<Episode>>)
                        std::inplace_merge(list.begin(), list.begin() + mid, list.end(), episode_less);
                }(into),
                ...);
        },
        lists(out));
    normalize(out);
    return out;
}

}  // namespace

std::int64_t change_time(const Episode& e) { return later(e.updated_utc, e.deleted_utc); }
std::int64_t change_time(const CheckIn& c) { return later(c.updated_utc, c.deleted_utc); }
std::int64_t change_time(const BackgroundFact& f) { return later(f.updated_utc, f.deleted_utc); }
std::int64_t change_time(const Medicine& m) { return later(m.updated_utc, m.deleted_utc); }
std::int64_t change_time(const QuestionnaireResponse& r) { return later(r.updated_utc, r.deleted_utc); }

Diary merge(const Diary& mine, const Diary& theirs) { return merge_impl(mine, theirs, nullptr); }

Diary merge(const Diary& mine, Diary&& theirs) { return merge_impl(mine, theirs, &theirs); }

// ---- Differences -------------------------------------------------------------------

namespace {

struct Seen {
    bool deleted = false;     // in the bin or a tombstone
    RecordRef record;
};

// Views into the diary's ids, hashed (only counts come out of the comparison).
// A list equal to the same list of `other` is left out: its records are in both
// with the same content, so they count nowhere (ids are unique across kinds in a
// valid diary, so none of them can be in `other` as another kind). A merge of a
// backup into the diary it came from changes few records: most lists, and by far
// the most records, are left out then.
std::unordered_map<std::string_view, Seen> index_of(const Diary& d, const Diary& other) {
    std::unordered_map<std::string_view, Seen> m;
    for_each_list(d, [&](const auto& list) {
        using List = std::decay_t<decltype(list)>;
        if (list == std::get<const List&>(lists(other))) return;
        m.reserve(m.size() + list.size());
        for (const auto& r : list) m[r.id] = {is_deleted(r), &r};
    });
    return m;
}

template <class T>
bool same_content(const T& a, const T& b) {
    if (a == b) return true;   // the usual case, without the copies below
    T x = a, y = b;
    x.deleted_utc.reset();
    y.deleted_utc.reset();
    x.updated_utc = y.updated_utc = 0;
    return x == y;
}
bool same_content(const Tombstone&, const Tombstone&) { return true; }

bool same_content(const Seen& a, const Seen& b) {
    if (a.record.index() != b.record.index()) return false;
    return std::visit(
        [&](const auto* x) { return same_content(*x, *std::get<std::decay_t<decltype(x)>>(b.record)); },
        a.record);
}

}  // namespace

DiaryChanges diff_diaries(const Diary& before, const Diary& after) {
    DiaryChanges c;
    const auto b = index_of(before, after);
    const auto a = index_of(after, before);
    for (const auto& [id, now] : a) {
        const auto it = b.find(id);
        if (it == b.end()) {
            if (!now.deleted) ++c.added;
            continue;
        }
        const Seen& was = it->second;
        if (now.deleted && !was.deleted) ++c.deleted;
        else if (!now.deleted && was.deleted) ++c.restored;
        if (!is_tombstone(now.record) && !is_tombstone(was.record) && !same_content(was, now)) ++c.changed;
    }
    for (const auto& [id, was] : b)
        if (!a.count(id) && !is_tombstone(was.record)) ++c.removed;
    c.profile_changed = !(before.profile == after.profile);
    return c;
}

std::string describe(const DiaryChanges& c) {
    std::string out;
    auto add = [&](int n, const char* what) {
        if (n == 0) return;
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + what;
    };
    add(c.added, "added");
    add(c.changed, "changed");
    add(c.deleted, "deleted");
    add(c.restored, "restored");
    add(c.removed, "removed");
    if (c.profile_changed) out += out.empty() ? "profile changed" : ", profile changed";
    return out.empty() ? "no changes" : out;
}

}  // namespace nd
