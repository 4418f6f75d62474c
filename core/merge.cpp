#include "merge.hpp"

#include <algorithm>
#include <map>
#include <tuple>

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
auto fields(const Profile& p) { return std::tie(p.updated_utc, p.name, p.birth_date); }

// -1, 0, 1 as a < b, a == b, a > b, by fields().
template <class T>
int compare_fields(const T& a, const T& b) {
    const auto fa = fields(a);
    const auto fb = fields(b);
    if (fa < fb) return -1;
    if (fb < fa) return 1;
    return 0;
}

// One version of the record with some id, from either copy.
struct Version {
    enum Kind { Episode_, CheckIn_, Fact_, Medicine_, Tombstone_ };
    Kind kind = Episode_;
    std::int64_t time = 0;
    bool deleted = false;   // in the bin, or a tombstone
    const Episode* episode = nullptr;
    const CheckIn* checkin = nullptr;
    const BackgroundFact* fact = nullptr;
    const Medicine* medicine = nullptr;
    const Tombstone* tombstone = nullptr;
};

Version version_of(const Episode& e) {
    Version v{Version::Episode_, change_time(e), e.deleted_utc.has_value()};
    v.episode = &e;
    return v;
}
Version version_of(const CheckIn& c) {
    Version v{Version::CheckIn_, change_time(c), c.deleted_utc.has_value()};
    v.checkin = &c;
    return v;
}
Version version_of(const BackgroundFact& f) {
    Version v{Version::Fact_, change_time(f), f.deleted_utc.has_value()};
    v.fact = &f;
    return v;
}
Version version_of(const Medicine& m) {
    Version v{Version::Medicine_, change_time(m), m.deleted_utc.has_value()};
    v.medicine = &m;
    return v;
}
Version version_of(const Tombstone& t) {
    Version v{Version::Tombstone_, t.deleted_utc, true};
    v.tombstone = &t;
    return v;
}

// A total order on versions of one id; the greater one wins.
int compare(const Version& a, const Version& b) {
    if (a.time != b.time) return a.time < b.time ? -1 : 1;
    const bool ta = a.kind == Version::Tombstone_, tb = b.kind == Version::Tombstone_;
    if (ta != tb) return ta ? 1 : -1;               // erased beats a record
    if (a.deleted != b.deleted) return a.deleted ? 1 : -1;   // then binned beats live
    if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
    switch (a.kind) {
        case Version::Episode_: return compare_fields(*a.episode, *b.episode);
        case Version::CheckIn_: return compare_fields(*a.checkin, *b.checkin);
        case Version::Fact_: return compare_fields(*a.fact, *b.fact);
        case Version::Medicine_: return compare_fields(*a.medicine, *b.medicine);
        case Version::Tombstone_: return compare_fields(*a.tombstone, *b.tombstone);
    }
    return 0;
}

void offer(std::map<std::string, Version>& best, const std::string& id, const Version& v) {
    auto [it, inserted] = best.try_emplace(id, v);
    if (!inserted && compare(v, it->second) > 0) it->second = v;
}

template <class T>
void offer_all(std::map<std::string, Version>& best, const std::vector<T>& records) {
    for (const auto& r : records) offer(best, r.id, version_of(r));
}

}  // namespace

std::int64_t change_time(const Episode& e) { return later(e.updated_utc, e.deleted_utc); }
std::int64_t change_time(const CheckIn& c) { return later(c.updated_utc, c.deleted_utc); }
std::int64_t change_time(const BackgroundFact& f) { return later(f.updated_utc, f.deleted_utc); }
std::int64_t change_time(const Medicine& m) { return later(m.updated_utc, m.deleted_utc); }

Diary merge(const Diary& mine_in, const Diary& theirs_in) {
    Diary mine = mine_in, theirs = theirs_in;
    normalize(mine);
    normalize(theirs);

    std::map<std::string, Version> best;
    for (const Diary* d : {&mine, &theirs}) {
        offer_all(best, d->episodes);
        offer_all(best, d->checkins);
        offer_all(best, d->facts);
        offer_all(best, d->medicines);
        offer_all(best, d->tombstones);
    }

    // One check-in per date: the greatest version of the date stays.
    std::map<LocalDate, Version> by_date;
    for (const auto& [id, v] : best) {
        if (v.kind != Version::CheckIn_) continue;
        auto [it, inserted] = by_date.try_emplace(v.checkin->date, v);
        if (!inserted && compare(v, it->second) > 0) it->second = v;
    }

    Diary out;
    out.profile = compare_fields(mine.profile, theirs.profile) >= 0 ? mine.profile : theirs.profile;
    for (const auto& [id, v] : best) {
        switch (v.kind) {
            case Version::Episode_: out.episodes.push_back(*v.episode); break;
            case Version::CheckIn_:
                if (by_date.at(v.checkin->date).checkin == v.checkin) out.checkins.push_back(*v.checkin);
                break;
            case Version::Fact_: out.facts.push_back(*v.fact); break;
            case Version::Medicine_: out.medicines.push_back(*v.medicine); break;
            case Version::Tombstone_: out.tombstones.push_back(*v.tombstone); break;
        }
    }
    normalize(out);
    return out;
}

// ---- Differences -------------------------------------------------------------------

namespace {

struct Seen {
    bool deleted = false;     // in the bin or a tombstone
    bool tombstone = false;
    int kind = 0;
    const void* record = nullptr;
};

template <class T>
void index(std::map<std::string, Seen>& m, const std::vector<T>& v, int kind) {
    for (const auto& r : v) m[r.id] = {r.deleted_utc.has_value(), false, kind, &r};
}

std::map<std::string, Seen> index_of(const Diary& d) {
    std::map<std::string, Seen> m;
    index(m, d.episodes, 0);
    index(m, d.checkins, 1);
    index(m, d.facts, 2);
    index(m, d.medicines, 3);
    for (const auto& t : d.tombstones) m[t.id] = {true, true, 4, &t};
    return m;
}

template <class T>
bool same_content(const void* a, const void* b) {
    T x = *static_cast<const T*>(a), y = *static_cast<const T*>(b);
    x.deleted_utc.reset();
    y.deleted_utc.reset();
    x.updated_utc = y.updated_utc = 0;
    return x == y;
}

bool same_content(const Seen& a, const Seen& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case 0: return same_content<Episode>(a.record, b.record);
        case 1: return same_content<CheckIn>(a.record, b.record);
        case 2: return same_content<BackgroundFact>(a.record, b.record);
        case 3: return same_content<Medicine>(a.record, b.record);
        default: return true;
    }
}

}  // namespace

DiaryChanges diff_diaries(const Diary& before, const Diary& after) {
    DiaryChanges c;
    const auto b = index_of(before);
    const auto a = index_of(after);
    for (const auto& [id, now] : a) {
        const auto it = b.find(id);
        if (it == b.end()) {
            if (!now.deleted) ++c.added;
            continue;
        }
        const Seen& was = it->second;
        if (now.deleted && !was.deleted) ++c.deleted;
        else if (!now.deleted && was.deleted) ++c.restored;
        if (!now.tombstone && !was.tombstone && !same_content(was, now)) ++c.changed;
    }
    for (const auto& [id, was] : b)
        if (!a.count(id) && !was.tombstone) ++c.removed;
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
