// Value checks for every diary record (see serialization.hpp). Kept apart from
// serialization.cpp so the store can use them without pulling in cereal.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>
#include <string>

#include "enum_names.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "store_validate.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr std::int64_t kMinUtc = -2208988800;     // 1900-01-01T00:00:00Z
constexpr std::int64_t kMaxUtc = 7258118400;      // 2200-01-01T00:00:00Z
constexpr std::int32_t kMaxOffsetMin = 14 * 60;   // UTC-14:00 .. UTC+14:00
constexpr std::int32_t kMaxMinutes = 50 * 366 * 24 * 60;  // 50 years
constexpr std::size_t kMaxText = 1024 * 1024;     // one string, in bytes
constexpr double kMaxAmount = 1e6;

// A printable, bounded rendering of a (possibly hostile) id for messages.
std::string shown(std::string_view id) {
    if (id.empty()) return "(no id)";
    std::string out;
    for (char c : id.substr(0, 40)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    if (id.size() > 40) out += "...";
    return out;
}

[[noreturn]] void fail(const std::string& record, const std::string& field, const std::string& problem) {
    throw ImportError(record + ": " + field + " " + problem);
}

std::string rec_name(const char* kind, const std::string& id) { return std::string(kind) + " " + shown(id); }

// The record a check is about, named only when a check fails ("episode <id>",
// "profile"): a restore checks 100k records and builds no string for the ones
// that pass.
struct Rec {
    const char* kind;
    const std::string* id = nullptr;   // none: the kind alone names it (the profile)
    std::string name() const { return id ? rec_name(kind, *id) : std::string(kind); }
};

[[noreturn]] void fail(const Rec& rec, const std::string& field, const std::string& problem) {
    fail(rec.name(), field, problem);
}

void check_id(const Rec& rec, const std::string& id) {
    if (!is_uuid(id)) fail(rec, "id", "is not a UUID (lower-case, with dashes)");
}

void check_text(const Rec& rec, const char* field, const std::string& s) {
    if (s.size() > kMaxText) fail(rec, field, "is longer than 1 MiB");
    if (!is_valid_utf8(s)) fail(rec, field, "is not valid UTF-8 text");
}

void check_time(const Rec& rec, const char* field, std::int64_t t) {
    if (t < kMinUtc || t >= kMaxUtc) fail(rec, field, "is " + std::to_string(t) + ", outside the years 1900 to 2199");
}

void check_opt_time(const Rec& rec, const char* field, const std::optional<std::int64_t>& t) {
    if (t) check_time(rec, field, *t);
}

void check_range(const Rec& rec, const char* field, long long v, long long lo, long long hi) {
    if (v < lo || v > hi)
        fail(rec, field, "is " + std::to_string(v) + "; it must be " + std::to_string(lo) + " to " + std::to_string(hi));
}

void check_date(const Rec& rec, const char* field, const std::string& d, bool may_be_empty) {
    if (d.empty() && may_be_empty) return;
    if (!is_valid_date(d)) fail(rec, field, "\"" + shown(d) + "\" is not a real date written YYYY-MM-DD (from 1900)");
}

template <class E>
void check_enum(const Rec& rec, const char* field, E v) {
    for (const auto& entry : enum_entries<E>())
        if (entry.value == v) return;
    fail(rec, field, "has an unknown value " + std::to_string(static_cast<int>(v)));
}

template <class E>
void check_enums(const Rec& rec, const char* field, const std::vector<E>& vs) {
    for (auto v : vs) check_enum(rec, field, v);
}

void check_stamps(const Rec& rec, std::int64_t created, std::int64_t updated,
                  const std::optional<std::int64_t>& deleted) {
    check_time(rec, "created_utc", created);
    check_time(rec, "updated_utc", updated);
    check_opt_time(rec, "deleted_utc", deleted);
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        std::size_t len;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

void validate(const Episode& e) {
    const Rec rec{"episode", &e.id};
    check_id(rec, e.id);
    check_time(rec, "start", e.start.utc);
    check_range(rec, "start offset_min", e.start.offset_min, -kMaxOffsetMin, kMaxOffsetMin);
    if (e.duration_min) check_range(rec, "duration_min", *e.duration_min, 0, kMaxMinutes);
    if (e.ongoing && e.duration_min) fail(rec, "duration_min", "is set on an episode that is still going");
    for (const auto& m : e.regions) {
        check_enum(rec, "regions", m.region);
        check_enum(rec, "regions (side)", m.side);
    }
    check_enums(rec, "sensations", e.sensations);
    if (e.numbness) check_range(rec, "numbness", *e.numbness, 0, 10);   // unset: not rated
    if (e.pain) check_range(rec, "pain", *e.pain, 0, 10);
    check_enums(rec, "activities", e.activities);
    check_enums(rec, "reliefs", e.reliefs);
    if (e.relief_after_min) check_range(rec, "relief_after_min", *e.relief_after_min, 0, kMaxMinutes);
    check_enum(rec, "onset", e.onset);
    if (e.spread_from) check_enum(rec, "spread_from", *e.spread_from);
    if (e.spread_to) check_enum(rec, "spread_to", *e.spread_to);
    check_enum(rec, "spread_speed", e.spread_speed);
    check_enums(rec, "signs", e.signs);
    check_enum(rec, "worse_at_night", e.worse_at_night);
    check_range(rec, "effect_walking", e.effect_walking, 0, 3);
    check_range(rec, "effect_sleep", e.effect_sleep, 0, 3);
    check_range(rec, "effect_work", e.effect_work, 0, 3);
    check_text(rec, "note", e.note);
    check_stamps(rec, e.created_utc, e.updated_utc, e.deleted_utc);
}

void validate(const CheckIn& c) {
    const Rec rec{"check-in", &c.id};
    check_id(rec, c.id);
    check_date(rec, "date", c.date, false);
    check_enums(rec, "symptoms", c.symptoms);
    check_text(rec, "note", c.note);
    check_stamps(rec, c.created_utc, c.updated_utc, c.deleted_utc);
}

void validate(const BackgroundFact& f) {
    const Rec rec{"background fact", &f.id};
    check_id(rec, f.id);
    check_enum(rec, "kind", f.kind);
    check_text(rec, "detail", f.detail);
    check_date(rec, "since", f.since, true);
    if (f.amount && (!std::isfinite(*f.amount) || *f.amount < 0 || *f.amount > kMaxAmount))
        fail(rec, "amount", "must be a number from 0 to 1000000");
    check_stamps(rec, f.created_utc, f.updated_utc, f.deleted_utc);
}

void validate(const Medicine& m) {
    const Rec rec{"medicine", &m.id};
    check_id(rec, m.id);
    check_text(rec, "name", m.name);
    check_text(rec, "dose", m.dose);
    check_text(rec, "when_taken", m.when_taken);
    check_date(rec, "since", m.since, true);
    check_enum(rec, "helped", m.helped);
    check_text(rec, "note", m.note);
    check_stamps(rec, m.created_utc, m.updated_utc, m.deleted_utc);
}

void validate(const Profile& p) {
    const Rec rec{"profile"};
    check_text(rec, "name", p.name);
    check_date(rec, "birth_date", p.birth_date, true);
    check_time(rec, "updated_utc", p.updated_utc);
    check_date(rec, "complaint_began", p.complaint_began, true);
    check_text(rec, "health_number", p.health_number);
    for (const auto& q : p.questions) {
        check_text(rec, "questions", q);
        if (q.find('\n') != std::string::npos || q.find('\r') != std::string::npos)
            fail(rec, "questions", "a question is one line (no line breaks)");
    }
    if (p.questions.size() > 50) fail(rec, "questions", "at most 50 questions");
    if (!p.fhir_patient_id.empty() && !is_uuid(p.fhir_patient_id))
        fail(rec, "fhir_patient_id", "\"" + shown(p.fhir_patient_id) + "\" is not a UUID");
}

void validate(const Tombstone& t) {
    const Rec rec{"tombstone", &t.id};
    check_id(rec, t.id);
    if (t.kind != "episode" && t.kind != "checkin" && t.kind != "fact" && t.kind != "medicine" &&
        t.kind != "questionnaire_response")
        fail(rec, "kind", "\"" + shown(t.kind) + "\" is not one of episode, checkin, fact, medicine, questionnaire_response");
    check_time(rec, "deleted_utc", t.deleted_utc);
}

// Questionnaire ids, item ids and answer codes: the alphabet the questionnaire
// files allow (core/questionnaire.cpp), which the store joins with ',' and '='.
bool is_code(std::string_view s) {
    if (s.empty() || s.size() > 32) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

void validate(const QuestionnaireResponse& r) {
    const Rec rec{"questionnaire response", &r.id};
    check_id(rec, r.id);
    if (!is_code(r.questionnaire)) fail(rec, "questionnaire", "\"" + shown(r.questionnaire) + "\" is not a questionnaire id");
    if (r.version.empty() || r.version.size() > 32) fail(rec, "version", "must be 1 to 32 characters");
    check_text(rec, "version", r.version);
    check_time(rec, "taken", r.taken.utc);
    check_range(rec, "taken offset_min", r.taken.offset_min, -kMaxOffsetMin, kMaxOffsetMin);
    if (r.answers.empty() || r.answers.size() > 200) fail(rec, "answers", "must hold 1 to 200 answers");
    std::set<std::string> items;
    for (const auto& a : r.answers) {
        if (!is_code(a.item)) fail(rec, "answers", "item \"" + shown(a.item) + "\" is not an item id");
        if (!is_code(a.answer)) fail(rec, "answers", "answer \"" + shown(a.answer) + "\" is not an answer code");
        if (!items.insert(a.item).second) fail(rec, "answers", "item " + a.item + " is answered twice");
    }
    check_range(rec, "score", r.score, 0, static_cast<long long>(r.answers.size()));
    check_stamps(rec, r.created_utc, r.updated_utc, r.deleted_utc);
}

namespace {
// Everything of validate(const Diary&) after the episodes, which `seen` already
// holds the ids of (views into the diary's own strings, or into `owned`).
void validate_rest(const Diary& d, std::unordered_set<std::string_view>& ids) {
    auto unique = [&](const char* kind, const std::string& id) {
        if (!ids.insert(id).second) fail(rec_name(kind, id), "id", "is used by more than one record");
    };
    std::unordered_set<std::string_view> dates;
    for (const auto& c : d.checkins) {
        validate(c);
        unique("check-in", c.id);
        if (!dates.insert(c.date).second) fail(rec_name("check-in", c.id), "date", c.date + " has a second check-in");
    }
    for (const auto& f : d.facts) { validate(f); unique("background fact", f.id); }
    for (const auto& m : d.medicines) { validate(m); unique("medicine", m.id); }
    for (const auto& t : d.tombstones) { validate(t); unique("tombstone", t.id); }
    for (const auto& r : d.questionnaire_responses) { validate(r); unique("questionnaire response", r.id); }
}
}  // namespace

namespace {
// True when no two ids (of any kinds) and no two check-in dates have the same
// 64-bit hash, so none is used twice: a sort of 8-byte numbers instead of a hash
// set of 100k nodes (a restore --merge of 100k checks two diaries). Any equal
// hash, a duplicate or a collision, and validate() takes the exact way.
bool ids_and_dates_surely_unique(const Diary& d) {
    const std::hash<std::string_view> hash;
    std::vector<std::uint64_t> h;
    h.reserve(d.episodes.size() + d.checkins.size() + d.facts.size() + d.medicines.size() + d.tombstones.size() +
              d.questionnaire_responses.size());
    auto add = [&](const auto& list) {
        for (const auto& r : list) h.push_back(hash(r.id));
    };
    add(d.episodes);
    add(d.checkins);
    add(d.facts);
    add(d.medicines);
    add(d.tombstones);
    add(d.questionnaire_responses);
    std::sort(h.begin(), h.end());
    if (std::adjacent_find(h.begin(), h.end()) != h.end()) return false;
    h.clear();
    for (const auto& c : d.checkins) h.push_back(hash(c.date));
    std::sort(h.begin(), h.end());
    return std::adjacent_find(h.begin(), h.end()) == h.end();
}
}  // namespace

void validate(const Diary& d) {
    if (ids_and_dates_surely_unique(d)) {
        // The same checks in the same order as below, without the sets (nothing can
        // be a second use of an id or a date here).
        validate(d.profile);
        for (const auto& e : d.episodes) validate(e);
        for (const auto& c : d.checkins) validate(c);
        for (const auto& f : d.facts) validate(f);
        for (const auto& m : d.medicines) validate(m);
        for (const auto& t : d.tombstones) validate(t);
        for (const auto& r : d.questionnaire_responses) validate(r);
        return;
    }
    validate(d.profile);
    // Views into the diary's own strings, hashed: a 100k restore runs this twice.
    std::unordered_set<std::string_view> ids;
    ids.reserve(d.episodes.size() + d.checkins.size() + d.facts.size() + d.medicines.size() + d.tombstones.size() +
                d.questionnaire_responses.size());
    for (const auto& e : d.episodes) {
        validate(e);
        if (!ids.insert(e.id).second) fail(rec_name("episode", e.id), "id", "is used by more than one record");
    }
    validate_rest(d, ids);
}

namespace {

// validate(store.load_diary()) without the diary in memory (issue 19: the daily
// backup's check must not add tens of MB to the app's peak). The records are read
// one at a time in the order load_diary() hands them over, and each is checked as
// validate(const Diary&) checks it. For the duplicate checks (an id used by two
// records of any kinds, a second check-in on a date) only a 64-bit hash of each id
// and date is kept: 8 bytes a record instead of a set of strings (about 20 MB at
// 100k). Equal hashes are rare (a duplicate, or a collision); only then are the
// records read a second time, with exact sets of just the ids and dates whose hash
// was seen twice, so the result is exact and the first problem is the one the
// whole-diary check names.
class StreamedCheck {
public:
    explicit StreamedCheck(const Store& store) : store_(store) {
        // What load_diary() reads, in its order (a read error surfaces where it would).
        rest_.profile = store.profile();
        read_episodes();
        read_checkins();
        rest_.facts = store.facts(true);
        rest_.medicines = store.medicines(true);
        rest_.tombstones = store.tombstones();
        rest_.questionnaire_responses = store.questionnaire_responses(true);
        normalize(rest_);
    }

    void run() {
        if (!in_order_) {
            // Rows not in canonical order (a value of another type in a sort column):
            // load_diary() would sort them, so only the whole diary gives its order.
            validate(store_.load_diary());
            return;
        }
        if (!failure_) {   // the small tables, after the streamed ones
            try {
                check_rest();
            } catch (...) {
                failure_ = std::current_exception();
            }
        }
        suspect_ids_ = twice(id_hashes_);
        suspect_dates_ = twice(date_hashes_);
        if (!suspect_ids_.empty() || !suspect_dates_.empty()) {
            // Second pass: everything again, now with exact sets for the suspects;
            // throws the first problem, as validate(const Diary&) does.
            exact_ = true;
            id_hashes_ = {};
            date_hashes_ = {};
            validate(rest_.profile);
            store_.for_each_episode([&](const Episode& e) { check_episode(e); });
            store_.for_each_checkin([&](const CheckIn& c) { check_checkin(c); });
            check_rest();
        }
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    // FNV-1a, 64 bits on every platform (std::hash is 32 bits in the web build, where
    // 100k ids would share a hash about once a diary and cost a second reading).
    static std::uint64_t hash(std::string_view s) {
        std::uint64_t h = 14695981039346656037ull;
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        return h;
    }

    // The hashes that occur more than once, sorted (for binary_search).
    static std::vector<std::uint64_t> twice(std::vector<std::uint64_t>& hashes) {
        std::sort(hashes.begin(), hashes.end());
        std::vector<std::uint64_t> out;
        for (std::size_t i = 1; i < hashes.size(); ++i)
            if (hashes[i] == hashes[i - 1] && (out.empty() || out.back() != hashes[i])) out.push_back(hashes[i]);
        return out;
    }

    static bool in(const std::vector<std::uint64_t>& sorted, std::uint64_t h) {
        return std::binary_search(sorted.begin(), sorted.end(), h);
    }

    void unique_id(const char* kind, const std::string& id) {
        const std::uint64_t h = hash(id);
        if (!exact_) {
            id_hashes_.push_back(h);
        } else if (in(suspect_ids_, h) && !ids_.insert(id).second) {
            fail(rec_name(kind, id), "id", "is used by more than one record");
        }
    }

    void unique_date(const CheckIn& c) {
        const std::uint64_t h = hash(c.date);
        if (!exact_) {
            date_hashes_.push_back(h);
        } else if (in(suspect_dates_, h) && !dates_.insert(c.date).second) {
            fail(rec_name("check-in", c.id), "date", c.date + " has a second check-in");
        }
    }

    void check_episode(const Episode& e) {
        episode_ = e;
        normalize(episode_);   // as load_diary() hands it over
        validate(episode_);
        unique_id("episode", episode_.id);
    }

    void check_checkin(const CheckIn& c) {
        checkin_ = c;
        normalize(checkin_);
        validate(checkin_);
        unique_id("check-in", checkin_.id);
        unique_date(checkin_);
    }

    // Everything after the check-ins, in validate_rest's order.
    void check_rest() {
        for (const auto& f : rest_.facts) { validate(f); unique_id("background fact", f.id); }
        for (const auto& m : rest_.medicines) { validate(m); unique_id("medicine", m.id); }
        for (const auto& t : rest_.tombstones) { validate(t); unique_id("tombstone", t.id); }
        for (const auto& r : rest_.questionnaire_responses) { validate(r); unique_id("questionnaire response", r.id); }
    }

    // First pass: every row is read (a read error anywhere is what load_diary()
    // would throw) and its order checked; records are checked up to the first
    // problem, which is kept to be thrown after the duplicates before it are known.
    void read_episodes() {
        if (!failure_) {
            try {
                validate(rest_.profile);
            } catch (...) {
                failure_ = std::current_exception();
            }
        }
        bool first = true;
        std::int64_t last_start = 0;
        std::string last_id;
        store_.for_each_episode([&](const Episode& e) {
            if (!first && (e.start.utc < last_start || (e.start.utc == last_start && e.id < last_id))) in_order_ = false;
            first = false;
            last_start = e.start.utc;
            last_id = e.id;
            if (failure_) return;
            try {
                check_episode(e);
            } catch (...) {
                failure_ = std::current_exception();
            }
        });
    }

    void read_checkins() {
        bool first = true;
        std::string last_date, last_id;
        store_.for_each_checkin([&](const CheckIn& c) {
            if (!first && (c.date < last_date || (c.date == last_date && c.id < last_id))) in_order_ = false;
            first = false;
            last_date = c.date;
            last_id = c.id;
            if (failure_) return;
            try {
                check_checkin(c);
            } catch (...) {
                failure_ = std::current_exception();
            }
        });
    }

    const Store& store_;
    Diary rest_;   // profile and the small tables, whole
    bool in_order_ = true;
    bool exact_ = false;
    std::exception_ptr failure_;
    std::vector<std::uint64_t> id_hashes_, date_hashes_;        // first pass
    std::vector<std::uint64_t> suspect_ids_, suspect_dates_;    // seen twice, sorted
    std::unordered_set<std::string> ids_, dates_;               // second pass: the suspects only
    Episode episode_;   // reused: its strings keep their capacity
    CheckIn checkin_;
};

}  // namespace

void validate_stored(const Store& store) { StreamedCheck(store).run(); }

}  // namespace nd
