// Merging diverged diaries by record id: newest change wins, deletes are changes,
// ties broken by a fixed rule; commutative, idempotent, associative; property
// checks over random edits of generated diaries.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <string>

#include "demo_diary.hpp"
#include "merge.hpp"
#include "sample_diary.hpp"
#include "serialization.hpp"

using namespace nd;

namespace {

constexpr std::int64_t T = test::kSampleNow;

const Episode* find_episode(const Diary& d, const std::string& id) {
    for (const auto& e : d.episodes)
        if (e.id == id) return &e;
    return nullptr;
}
Episode& episode_ref(Diary& d, const std::string& id) {
    for (auto& e : d.episodes)
        if (e.id == id) return e;
    FAIL("no episode " << id);
    return d.episodes.front();
}
const Tombstone* find_tombstone(const Diary& d, const std::string& id) {
    for (const auto& t : d.tombstones)
        if (t.id == id) return &t;
    return nullptr;
}

void edit(Episode& e, std::int64_t at, const std::string& note) {
    e.note = note;
    e.updated_utc = at;
}
void bin(Episode& e, std::int64_t at) {
    e.deleted_utc = at;
    e.updated_utc = at;
}
// Empties the bin of one episode: content erased, a tombstone stays.
void erase(Diary& d, const std::string& id, std::int64_t at) {
    std::erase_if(d.episodes, [&](const Episode& e) { return e.id == id; });
    d.tombstones.push_back({id, "episode", at});
    normalize(d);
}

const std::string kA = "0a000001-1111-4111-8111-000000000001";   // ended episode, live
const std::string kB = "0a000001-1111-4111-8111-000000000002";   // ongoing, live
const std::string kC = "0a000001-1111-4111-8111-000000000003";   // in the bin

}  // namespace

TEST_CASE("Merge of two diverged diaries is the union with newest edits and deletes") {
    const Diary base = test::sample_diary();
    Diary phone = base, laptop = base;

    // Phone: edits A late, adds an episode, bins B.
    edit(episode_ref(phone, kA), T + 100, "edited on the phone");
    Episode added = episode_ref(phone, kA);
    added.id = "1a000001-1111-4111-8111-000000000009";
    added.note = "new on the phone";
    added.created_utc = added.updated_utc = T + 50;
    phone.episodes.push_back(added);
    bin(episode_ref(phone, kB), T + 60);
    normalize(phone);

    // Laptop: edits A earlier (loses), edits B before the phone's delete (loses),
    // restores C from the bin and edits it (wins), adds a check-in and a medicine.
    edit(episode_ref(laptop, kA), T + 90, "edited on the laptop");
    edit(episode_ref(laptop, kB), T + 40, "edited on the laptop before the delete");
    Episode& c = episode_ref(laptop, kC);
    c.deleted_utc.reset();
    edit(c, T + 70, "back from the bin");
    CheckIn ci;
    ci.id = "2b000002-2222-4222-8222-000000000009";
    ci.date = "2026-01-06";
    ci.created_utc = ci.updated_utc = T + 80;
    laptop.checkins.push_back(ci);
    Medicine m;
    m.id = "3d000004-4444-4444-8444-000000000009";
    m.name = "Pregabalin";
    m.created_utc = m.updated_utc = T + 10;
    laptop.medicines.push_back(m);
    laptop.profile.name = "Anna M.";
    laptop.profile.updated_utc = T + 5;
    normalize(laptop);

    const Diary merged = merge(phone, laptop);
    REQUIRE_NOTHROW(validate(merged));
    CHECK(merged == merge(laptop, phone));
    CHECK(merged.episodes.size() == 4);
    CHECK(find_episode(merged, kA)->note == "edited on the phone");
    CHECK(find_episode(merged, kB)->deleted_utc == T + 60);
    CHECK(find_episode(merged, kB)->note.empty());
    CHECK_FALSE(find_episode(merged, kC)->deleted_utc.has_value());
    CHECK(find_episode(merged, kC)->note == "back from the bin");
    CHECK(find_episode(merged, added.id) != nullptr);
    CHECK(merged.checkins.size() == 3);
    CHECK(merged.medicines.size() == 3);
    CHECK(merged.profile.name == "Anna M.");
    CHECK(merged.tombstones == base.tombstones);

    const DiaryChanges ch = diff_diaries(phone, merged);
    CHECK(ch.added == 2);      // the check-in and the medicine
    CHECK(ch.restored == 1);   // C
    CHECK(ch.changed == 1);    // C's note (A and B kept the phone's version)
    CHECK(ch.deleted == 0);
    CHECK(ch.profile_changed);
    CHECK(describe(ch) == "2 added, 1 changed, 1 restored, profile changed");
    CHECK(describe(diff_diaries(merged, merged)) == "no changes");
}

TEST_CASE("Merge keeps a delete over an older edit from the other copy") {
    Diary a = test::sample_diary(), b = a;
    bin(episode_ref(a, kA), T + 20);
    edit(episode_ref(b, kA), T + 10, "older edit");
    for (const Diary& m : {merge(a, b), merge(b, a)}) {
        CHECK(find_episode(m, kA)->deleted_utc == T + 20);
        CHECK(find_episode(m, kA)->note != "older edit");
    }
    // Erased for good (tombstone) beats an older edit too.
    Diary erased = test::sample_diary();
    erase(erased, kA, T + 20);
    for (const Diary& m : {merge(erased, b), merge(b, erased)}) {
        CHECK(find_episode(m, kA) == nullptr);
        REQUIRE(find_tombstone(m, kA) != nullptr);
        CHECK(find_tombstone(m, kA)->deleted_utc == T + 20);
        CHECK_NOTHROW(validate(m));
    }
}

TEST_CASE("Merge lets an edit made after the delete win") {
    Diary a = test::sample_diary(), b = a;
    bin(episode_ref(a, kA), T + 10);
    edit(episode_ref(b, kA), T + 20, "edited after the delete");
    for (const Diary& m : {merge(a, b), merge(b, a)}) {
        CHECK_FALSE(find_episode(m, kA)->deleted_utc.has_value());
        CHECK(find_episode(m, kA)->note == "edited after the delete");
    }
    // After the bin was emptied, too: the record comes back and the tombstone goes.
    Diary erased = test::sample_diary();
    erase(erased, kA, T + 10);
    for (const Diary& m : {merge(erased, b), merge(b, erased)}) {
        REQUIRE(find_episode(m, kA) != nullptr);
        CHECK(find_episode(m, kA)->note == "edited after the delete");
        CHECK(find_tombstone(m, kA) == nullptr);
        CHECK_NOTHROW(validate(m));
    }
}

TEST_CASE("Merge breaks ties by a fixed rule") {
    Diary a = test::sample_diary(), b = a;
    edit(episode_ref(a, kA), T + 10, "apple");
    edit(episode_ref(b, kA), T + 10, "banana");
    const Diary ab = merge(a, b), ba = merge(b, a);
    CHECK(ab == ba);
    CHECK(find_episode(ab, kA)->note == "banana");   // the greater content
    // A delete at the same second as an edit wins.
    Diary d = test::sample_diary();
    bin(episode_ref(d, kA), T + 10);
    CHECK(find_episode(merge(a, d), kA)->deleted_utc == T + 10);
    CHECK(find_episode(merge(d, a), kA)->deleted_utc == T + 10);
    // An erase at the same second as an edit or a bin wins.
    Diary e = test::sample_diary();
    erase(e, kA, T + 10);
    CHECK(find_episode(merge(a, e), kA) == nullptr);
    CHECK(find_episode(merge(d, e), kA) == nullptr);
    CHECK(merge(e, d) == merge(d, e));
    // The profile: equal times, the fixed order of its fields.
    Diary p = test::sample_diary(), q = p;
    p.profile.name = "Zoe";
    q.profile.name = "Ada";
    CHECK(merge(p, q).profile.name == "Zoe");
    CHECK(merge(q, p).profile.name == "Zoe");
}

TEST_CASE("Merge keeps one check-in per date when two devices checked in") {
    Diary a = test::sample_diary(), b = a;
    CheckIn x;
    x.id = "4b000002-2222-4222-8222-00000000000a";
    x.date = "2026-01-07";
    x.note = "from the phone";
    x.created_utc = x.updated_utc = T + 30;
    CheckIn y = x;
    y.id = "4b000002-2222-4222-8222-00000000000b";
    y.note = "from the laptop";
    y.updated_utc = T + 40;
    a.checkins.push_back(x);
    b.checkins.push_back(y);
    normalize(a);
    normalize(b);
    const Diary m = merge(a, b);
    CHECK(m == merge(b, a));
    CHECK_NOTHROW(validate(m));
    int on_date = 0;
    for (const auto& c : m.checkins)
        if (c.date == "2026-01-07") {
            ++on_date;
            CHECK(c.note == "from the laptop");   // the newer one
        }
    CHECK(on_date == 1);
    CHECK(merge(m, a) == m);
    CHECK(merge(m, b) == m);
}

TEST_CASE("Two check-ins of one date that differ only by id merge to the same one either way") {
    // Found by fuzz_merge: the winner came from a hash map's order.
    Diary a = test::sample_diary(), b = a;
    CheckIn x;
    x.date = "2026-01-07";
    x.no_numbness = true;
    x.note = "Slept badly";
    x.created_utc = x.updated_utc = T + 30;
    CheckIn y = x;
    x.id = "05fca73c-4f6b-480a-b140-625fb6052ce0";
    y.id = "05fca73c-4f6b-480a-b140-25b066f52ce0";
    a.checkins.push_back(x);
    b.checkins.push_back(y);
    normalize(a);
    normalize(b);
    for (int round = 0; round < 20; ++round) {   // hash maps of different sizes, different orders
        Diary a2 = a, b2 = b;
        for (int i = 0; i < round; ++i) {
            CheckIn filler;
            filler.id = "4b000003-3333-4333-8333-" + std::string(10, '0') + std::to_string(10 + i);
            filler.date = "2025-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
            filler.created_utc = filler.updated_utc = T;
            (i % 2 ? a2 : b2).checkins.push_back(filler);
        }
        normalize(a2);
        normalize(b2);
        const Diary ab = merge(a2, b2), ba = merge(b2, a2);
        CHECK(ab == ba);
        for (const auto& c : ab.checkins)
            if (c.date == "2026-01-07") CHECK(c.id == x.id);   // the greater id
    }
}

TEST_CASE("Merge is idempotent and commutative on the sample") {
    const Diary d = test::sample_diary();
    CHECK(merge(d, d) == d);
    CHECK(merge(d, Diary{}) == d);
    CHECK(merge(Diary{}, d) == d);
    CHECK(merge(Diary{}, Diary{}) == Diary{});
}

namespace {

struct Mutator {
    std::mt19937 rng;
    explicit Mutator(std::uint32_t seed) : rng(seed) {}
    int below(int n) { return static_cast<int>(rng() % static_cast<std::uint32_t>(n)); }
    // Change times from a narrow window, so that ties happen.
    std::int64_t when() { return T + below(40); }

    void mutate(Diary& d, int steps) {
        for (int i = 0; i < steps; ++i) {
            const int op = below(9);
            if (op <= 2 && !d.episodes.empty()) {   // edit (maybe bringing back from the bin)
                Episode& e = d.episodes[static_cast<std::size_t>(below(static_cast<int>(d.episodes.size())))];
                e.numbness = below(11);
                e.note = "edit " + std::to_string(below(5));
                e.updated_utc = std::max(e.updated_utc, when());
                if (below(3) == 0) e.deleted_utc.reset();
            } else if (op == 3 && !d.episodes.empty()) {   // to the bin
                Episode& e = d.episodes[static_cast<std::size_t>(below(static_cast<int>(d.episodes.size())))];
                const std::int64_t t = std::max(e.updated_utc, when());
                e.deleted_utc = t;
                e.updated_utc = t;
            } else if (op == 4 && !d.episodes.empty()) {   // erase for good
                const Episode e = d.episodes[static_cast<std::size_t>(below(static_cast<int>(d.episodes.size())))];
                erase(d, e.id, std::max(change_time(e), when()));
            } else if (op == 5) {   // a new episode (sometimes the same id on both sides)
                Episode e = d.episodes.empty() ? Episode{} : d.episodes.front();
                std::mt19937 id_rng(900000u + static_cast<std::uint32_t>(below(6)));
                e.id = uuid_from_rng(id_rng);
                if (find_episode(d, e.id) || find_tombstone(d, e.id)) continue;
                e.deleted_utc.reset();
                e.note = "new " + std::to_string(below(3));
                e.created_utc = e.updated_utc = when();
                d.episodes.push_back(e);
            } else if (op == 6) {   // a check-in on one of a few dates
                const int day = 1 + below(4);
                const std::string date = "2026-02-0" + std::to_string(day);
                bool done = false;
                for (auto& c : d.checkins)
                    if (c.date == date) {
                        c.note = "again " + std::to_string(below(3));
                        c.updated_utc = std::max(c.updated_utc, when());
                        if (below(4) == 0) c.deleted_utc = c.updated_utc;
                        done = true;
                    }
                if (done) continue;
                CheckIn c;
                // Two possible ids per date (a check-in never changes its date).
                std::mt19937 id_rng(800000u + static_cast<std::uint32_t>(day * 10 + below(2)));
                c.id = uuid_from_rng(id_rng);
                bool taken = find_tombstone(d, c.id) != nullptr;
                for (const auto& o : d.checkins) taken = taken || o.id == c.id;
                if (taken) continue;
                c.date = date;
                c.no_numbness = below(2) == 0;
                c.created_utc = c.updated_utc = when();
                d.checkins.push_back(c);
            } else if (op == 7 && !d.facts.empty()) {   // background fact edit or delete
                auto& f = d.facts[static_cast<std::size_t>(below(static_cast<int>(d.facts.size())))];
                f.detail = "detail " + std::to_string(below(4));
                f.updated_utc = std::max(f.updated_utc, when());
                if (below(3) == 0) f.deleted_utc = f.updated_utc;
            } else if (op == 8) {   // profile
                d.profile.name = "Name " + std::to_string(below(3));
                d.profile.updated_utc = std::max(d.profile.updated_utc, when());
            }
            normalize(d);
        }
    }
};

// The newest version of each id over several diaries, by change time alone
// (used where the times differ).
std::map<std::string, std::int64_t> newest_times(std::initializer_list<const Diary*> ds) {
    std::map<std::string, std::int64_t> out;
    for (const Diary* d : ds) {
        for (const auto& e : d->episodes) out[e.id] = std::max(out[e.id], change_time(e));
        for (const auto& t : d->tombstones) out[t.id] = std::max(out[t.id], t.deleted_utc);
    }
    return out;
}

}  // namespace

TEST_CASE("Merge properties hold over random edits of generated diaries") {
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        const Diary base = make_generated_diary(12 + seed % 7, seed, T - 86400);
        Mutator mu(seed * 7919u);
        Diary a = base, b = base, c = base;
        mu.mutate(a, 1 + mu.below(25));
        mu.mutate(b, 1 + mu.below(25));
        mu.mutate(c, 1 + mu.below(10));
        REQUIRE_NOTHROW(validate(a));
        REQUIRE_NOTHROW(validate(b));

        const Diary ab = merge(a, b);
        REQUIRE_NOTHROW(validate(ab));
        CHECK(ab == merge(b, a));                          // commutative
        CHECK(merge(a, a) == a);                           // idempotent
        CHECK(merge(ab, b) == ab);                         // repeating changes nothing
        CHECK(merge(ab, a) == ab);
        CHECK(merge(ab, ab) == ab);
        CHECK(merge(merge(a, b), c) == merge(a, merge(b, c)));   // associative
        CHECK(merge(merge(a, c), b) == merge(merge(a, b), c));
        CHECK(diary_to_json(ab) == diary_to_json(merge(b, a)));  // same bytes

        // Union: every id of either side is in the result (as a record or a
        // tombstone), except check-ins that lost their date; the newest change
        // time of each episode id wins.
        const auto newest = newest_times({&a, &b});
        for (const auto& [id, t] : newest) {
            INFO("id " << id);
            if (const Episode* e = find_episode(ab, id)) CHECK(change_time(*e) == t);
            else if (const Tombstone* s = find_tombstone(ab, id)) CHECK(s->deleted_utc == t);
            else FAIL("id lost in the merge");
        }
        // Nothing deleted in either copy is alive in the merge unless edited later.
        for (const Diary* side : {&a, &b})
            for (const auto& t : side->tombstones)
                if (const Episode* e = find_episode(ab, t.id)) CHECK(change_time(*e) > t.deleted_utc);
    }
}

// diff_diaries leaves out the lists equal in both diaries (the episodes here) and
// still counts every change in the others, a move to the bin, an erasure and an
// episode that became a tombstone.
TEST_CASE("What changed is counted in every list, the unchanged ones left out") {
    const Diary before = make_generated_diary(60, 11, test::kSampleNow);
    REQUIRE(before.medicines.size() >= 2);
    REQUIRE(before.facts.size() >= 1);
    Diary after = before;
    after.checkins[0].note = "changed later";
    after.checkins[0].updated_utc += 60;
    after.medicines[0].deleted_utc = after.medicines[0].updated_utc + 60;   // to the bin
    BackgroundFact added = after.facts[0];
    added.id = "0b7e6a52-1111-4a5b-8c9d-0123456789ab";
    after.facts.push_back(added);
    after.medicines.erase(after.medicines.begin() + 1);                    // gone, no tombstone
    normalize(after);
    REQUIRE(after.episodes == before.episodes);

    DiaryChanges c = diff_diaries(before, after);
    CHECK(c.added == 1);
    CHECK(c.changed == 1);
    CHECK(c.deleted == 1);
    CHECK(c.removed == 1);
    CHECK(c.restored == 0);
    c = diff_diaries(after, before);
    CHECK(c.added == 1);   // the erased medicine is back
    CHECK(c.changed == 1);
    CHECK(c.restored == 1);
    CHECK(c.removed == 1);

    // An episode erased for good: its tombstone is in `after`, so it is "deleted", not "removed".
    Diary erased = before;
    const std::string id = erased.episodes[5].id;
    erased.episodes.erase(erased.episodes.begin() + 5);
    erased.tombstones.push_back({id, "episode", test::kSampleNow});
    normalize(erased);
    c = diff_diaries(before, erased);
    CHECK(c.deleted == 1);
    CHECK(c.removed == 0);
    CHECK(c.added == 0);
    CHECK(describe(diff_diaries(before, before)) == "no changes");
}

// restore --merge hands the backup's diary over (merge(mine, Diary&&)) so its
// records are moved into the result, not copied; the result must be the one the
// copying merge gives, whichever side wins, ties included, sorted or not.
TEST_CASE("A merge that moves records out of the other copy gives the same diary as one that copies") {
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        const Diary base = make_generated_diary(12 + seed % 7, seed, T - 86400);
        Mutator mu(seed * 104729u);
        Diary a = base, b = base;
        mu.mutate(a, 1 + mu.below(25));
        mu.mutate(b, 1 + mu.below(25));
        const Diary ab = merge(a, b);

        Diary moved = b;
        CHECK(merge(a, std::move(moved)) == ab);
        Diary moved_a = a;
        CHECK(merge(b, std::move(moved_a)) == ab);   // commutative with the move too
        Diary same = a;
        CHECK(merge(a, std::move(same)) == a);        // the same copy again: nothing changes

        // Out of order (an input normalize() has to sort first), copied or moved.
        Diary shuffled = b;
        std::reverse(shuffled.episodes.begin(), shuffled.episodes.end());
        std::reverse(shuffled.checkins.begin(), shuffled.checkins.end());
        CHECK(merge(a, shuffled) == ab);
        CHECK(merge(shuffled, a) == ab);
        CHECK(merge(a, std::move(shuffled)) == ab);
    }
}
