// FHIR R4 export, written with rapidjson's Writer (no cereal in this file).
#include "fhir_export.hpp"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <span>
#include <chrono>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "atomic_file.hpp"
#include "enum_names.hpp"
#include "fhir_questionnaire.hpp"
#include "json_compact_writer.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kSnomed = "http://snomed.info/sct";
constexpr const char* kUcum = "http://unitsofmeasure.org";
constexpr const char* kSymptomCategorySystem = "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary";

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// derived_uuid's 36 characters, written to `out`.
void derived_uuid_chars(std::string_view text, char* out) {
    const std::uint64_t a = fnv1a(text, 0xcbf29ce484222325ULL);
    const std::uint64_t b = fnv1a(text, a ^ 0x9e3779b97f4a7c15ULL);
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(a >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(b >> (56 - 8 * i));
    }
    uuid_chars(bytes, 8, out);   // version 8 (custom)
}

// "urn:uuid:" and a UUID in place (no allocation): a resource's fullUrl, its id the last 36.
struct Urn {
    char buf[45];
    std::string_view url() const { return {buf, 45}; }
    std::string_view id() const { return {buf + 9, 36}; }
};
Urn urn_of_uuid(std::string_view uuid) {   // uuid: 36 characters (is_uuid)
    Urn u;
    std::memcpy(u.buf, "urn:uuid:", 9);
    std::memcpy(u.buf + 9, uuid.data(), 36);
    return u;
}
Urn derived_urn(std::string_view text) {
    Urn u;
    std::memcpy(u.buf, "urn:uuid:", 9);
    derived_uuid_chars(text, u.buf + 9);
    return u;
}

// True when clean_utf8 would return `s` unchanged. Nearly every string is plain
// printable ASCII: that is checked first, a byte at a time, with no copy.
bool is_clean_utf8(std::string_view s);

// Invalid UTF-8 would make the JSON invalid: replace bad bytes with U+FFFD.
std::string clean_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        bool ok = len > 0 && i + len <= s.size();
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (ok && ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                   (cp >= 0xD800 && cp <= 0xDFFF)))
            ok = false;
        // Control characters other than tab / newline are not allowed in FHIR strings.
        if (ok && len == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') ok = false;
        if (ok) {
            out.append(s.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";
            ++i;
        }
    }
    return out;
}

bool is_clean_utf8(std::string_view s) {
    std::size_t i = 0;
    // Eight bytes at a time while none is below 0x20 or from 0x80 (the bit tricks of
    // "has a byte less than n", exact for "any").
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t x;
        std::memcpy(&x, s.data() + i, 8);
        if ((((x - kOnes * 0x20) & ~x) | x) & kHigh) break;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i == s.size()) return true;
    const std::string_view rest = s.substr(i);
    return clean_utf8(rest) == rest;   // rare: non-ASCII text (notes, names) or a control character
}

// The output stream of both JSON writers (rapidjson's PrettyWriter and
// CompactJsonWriter): characters go into a 256 KiB buffer that is handed to a
// ByteSink when full, so memory stays bounded (write_fhir_json) and the
// in-memory form (diary_to_fhir_json) is the same code with a StringSink. The
// writers reserve room before each run of characters (PutReserve, below), so each
// character is a plain store.
class SinkOut {
public:
    using Ch = char;
    explicit SinkOut(ByteSink& sink, std::size_t size = kSize) : sink_(sink), buf_(size, '\0') {
        cur_ = buf_.data();
        end_ = cur_ + buf_.size();
    }
    void Put(char c) {
        reserve(1);
        *cur_++ = c;
    }
    void put_unsafe(char c) { *cur_++ = c; }
    void append_unsafe(const char* p, std::size_t n) {
        std::memcpy(cur_, p, n);
        cur_ += n;
    }
    void put_n(char c, std::size_t n) {
        reserve(n);
        std::fill_n(cur_, n, c);
        cur_ += n;
    }
    // Room for n more characters: the buffer goes to the sink first; a run longer
    // than the buffer (an escaped 64 KB note) grows it once.
    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - cur_) < n) [[unlikely]] make_room(n);
    }
    void Flush() {
        if (cur_ != buf_.data()) sink_.write(std::string_view(buf_.data(), static_cast<std::size_t>(cur_ - buf_.data())));
        cur_ = buf_.data();
    }

private:
    [[gnu::noinline]] void make_room(std::size_t n) {
        Flush();
        if (buf_.size() < n) {
            buf_.assign(n, '\0');
            cur_ = buf_.data();
            end_ = cur_ + buf_.size();
        }
    }

    // AtomicFile's own buffer's size: each full buffer goes to write(2) as it is,
    // not copied again through the file's buffer (issue #19: 449 MB at 100k).
    static constexpr std::size_t kSize = 256 * 1024;
    ByteSink& sink_;
    std::string buf_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
};
// Found by argument-dependent lookup from rapidjson's writers, in place of their
// generic one-character-at-a-time versions.
inline void PutReserve(SinkOut& o, std::size_t n) { o.reserve(n); }
inline void PutUnsafe(SinkOut& o, char c) { o.put_unsafe(c); }
inline void PutN(SinkOut& o, char c, std::size_t n) { o.put_n(c, n); }

// "YYYY-MM-DDTHH:MM:SS+HH:MM" without snprintf or an allocation (every time of the
// bundle, two or three an episode); format_iso8601 for years outside 0..9999, where
// the forms may differ.
class IsoTime {
public:
    explicit IsoTime(const LocalTime& t);
    std::string_view view() const { return n_ ? std::string_view(buf_, n_) : std::string_view(slow_); }

private:
    char buf_[25];
    std::size_t n_ = 0;
    std::string slow_;
};

std::string iso8601(const LocalTime& t) { return std::string(IsoTime(t).view()); }

IsoTime::IsoTime(const LocalTime& t) {
    const std::int64_t local = t.utc + std::int64_t{t.offset_min} * 60;
    std::int64_t days = local / 86400;
    std::int64_t sod = local % 86400;
    if (sod < 0) {
        sod += 86400;
        --days;
    }
    const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
    const int year = static_cast<int>(ymd.year());
    const int off = t.offset_min;
    const int aoff = off < 0 ? -off : off;
    if (year < 0 || year > 9999 || aoff / 60 > 99) {
        slow_ = format_iso8601(t);
        return;
    }
    char* buf = buf_;
    auto two = [&](int at, int v) {
        buf[at] = static_cast<char>('0' + v / 10);
        buf[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, year / 100);
    two(2, year % 100);
    buf[4] = '-';
    two(5, static_cast<int>(static_cast<unsigned>(ymd.month())));
    buf[7] = '-';
    two(8, static_cast<int>(static_cast<unsigned>(ymd.day())));
    buf[10] = 'T';
    two(11, static_cast<int>(sod / 3600));
    buf[13] = ':';
    two(14, static_cast<int>(sod / 60 % 60));
    buf[16] = ':';
    two(17, static_cast<int>(sod % 60));
    buf[19] = off < 0 ? '-' : '+';
    two(20, aoff / 60);
    buf[22] = ':';
    two(23, aoff % 60);
    n_ = 25;
}

// True when normalize(Episode) would leave the episode as it is (lists sorted, unique).
template <class T>
bool sorted_unique(const std::vector<T>& v) {
    return std::adjacent_find(v.begin(), v.end(), [](const T& a, const T& b) { return !(a < b); }) == v.end();
}
bool is_normalized(const Episode& e) {
    return sorted_unique(e.regions) && sorted_unique(e.sensations) && sorted_unique(e.activities) &&
           sorted_unique(e.reliefs) && sorted_unique(e.signs);
}

// What Json::same() keeps: the bytes a compact writer wrote for a run of JSON
// that is the same every time, and whether it ended with a complete value.
struct Fragment {
    std::string bytes;
    bool due_after = false;
    bool made = false;
};

// A thin layer over rapidjson's writer so the resource code reads like the JSON.
// Keys are always this file's own literals (plain ASCII): the compact writer
// writes them without checking their bytes.
template <class W>
class Json {
public:
    static constexpr bool kCompact = requires(W& w) { w.raw_run(std::string_view{}, true); };

    explicit Json(W& w) : w_(w) {}
    void key(std::string_view k) {
        if constexpr (kCompact) w_.trusted_key(k);
        else w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
    }
    void str(std::string_view k, std::string_view v) {
        if constexpr (kCompact) {
            if (w_.trusted_key_member(k, v)) return;   // the common case, one pass
        }
        key(k);
        str(v);
    }
    // A string value whose first piece is given already as JSON holds it (a
    // constant with escapes) and whose rest needs none: the compact writer copies
    // the pieces. Returns false (nothing written) otherwise; the caller writes the
    // whole string with str().
    bool str_after_json(std::string_view json_prefix, std::string_view b, std::string_view c) {
        if constexpr (kCompact) return w_.plain_string_after(json_prefix, b, c);
        else return false;
    }
    void integer_value(std::int64_t v) { w_.Int64(v); }

    // A run of JSON that is the same every time it is written here (`write` may
    // depend only on what `slot` stands for): the compact writer writes it once
    // into the slot and then copies those bytes; the pretty writer writes it every
    // time (its indentation depends on where it is). The run must begin with a
    // value or a member, not with a closing bracket. tests/core/fhir_compact_test.cpp
    // checks the compact bundle against the pretty one, value for value.
    template <class F>
    void same(std::size_t slot, F&& write) {
        if constexpr (kCompact) {
            if (slot == static_cast<std::size_t>(-1)) {   // kNoSlot: not memoised
                write(*this);
                return;
            }
            if (memo_.size() <= slot) memo_.resize(slot + 1);
            Fragment& f = memo_[slot];
            if (!f.made) {
                StringSink sink(f.bytes);
                typename W::Stream out(sink, 1024);   // a small buffer: a fragment is a few hundred bytes
                W w(out);
                Json<W> j(w);
                write(j);
                out.Flush();
                f.due_after = w.due();
                f.made = true;
            }
            w_.raw_run(f.bytes, f.due_after);
        } else {
            write(*this);
        }
    }
    void str(std::string_view v) {
        if constexpr (requires { w_.plain_string(v.data(), v.size()); }) {
            if (w_.plain_string(v.data(), v.size())) return;   // the common case, one pass
        }
        if (is_clean_utf8(v)) {
            w_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
            return;
        }
        const std::string c = clean_utf8(v);
        w_.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
    }
    void integer(std::string_view k, std::int64_t v) {
        key(k);
        w_.Int64(v);
    }
    void boolean(std::string_view k, bool v) {
        key(k);
        w_.Bool(v);
    }
    void begin_object(const char* k = nullptr) {
        if (k) key(k);
        w_.StartObject();
    }
    void end_object() { w_.EndObject(); }
    void begin_array(std::string_view k) {
        key(k);
        w_.StartArray();
    }
    void end_array() { w_.EndArray(); }

    void reference(const char* k, std::string_view url) {
        begin_object(k);
        str("reference", url);
        end_object();
    }
    // {"coding":[{"system","code","display"?}],"text"?}
    void codeable(const char* k, const char* system, const char* code, const char* display, std::string_view text) {
        if (k) begin_object(k);
        else begin_object();
        if (system) {
            begin_array("coding");
            begin_object();
            str("system", system);
            str("code", code);
            if (display) str("display", display);
            end_object();
            end_array();
        }
        if (!text.empty()) str("text", text);
        end_object();
    }

    // A whole JSON value written elsewhere (fhir_questionnaire.cpp), re-emitted
    // through this writer so the pretty layout stays one piece.
    void value_from_json(const std::string& json) {
        rapidjson::Document doc;
        doc.Parse(json.data(), json.size());
        if (doc.HasParseError()) throw std::logic_error("fhir: a resource written by this program is not JSON");
        doc.Accept(w_);
    }

    // Strings to build values in, kept between calls (no allocation once grown).
    std::string& scratch() { return scratch_; }
    std::string& scratch2() { return scratch2_; }
    std::string& text() { return text_; }

private:
    W& w_;
    std::string scratch_, scratch2_, text_;
    std::vector<Fragment> memo_;
};

// ---- Codes (docs/fhir.md lists each with its source) ----

struct Code {
    const char* system;   // nullptr: no code, text only
    const char* code;
    const char* display;
};
constexpr Code kNoCode{nullptr, nullptr, nullptr};

// The SNOMED CT finding of a sensation (the symptom an Observation is about).
Code finding_of(Sensation s) {
    switch (s) {
        case Sensation::Numbness: return {kSnomed, "44077006", "Numbness"};
        case Sensation::Tingling: return {kSnomed, "91019004", "Paresthesia"};
        case Sensation::Burning: return {kSnomed, "90673000", "Burning sensation"};
        case Sensation::ShootingPain:
        case Sensation::Pain: return {kSnomed, "22253000", "Pain"};
        case Sensation::Cramping: return {kSnomed, "55300003", "Cramp"};
        case Sensation::Weakness: return {kSnomed, "26544005", "Muscle weakness"};
    }
    return kNoCode;
}

// The main sensation of an episode: numbness when it was rated above 0 (or the
// only thing marked); else the first other sensation in this order. An episode
// of cramp with numbness 0/10 is a cramp, not numbness.
Sensation main_sensation(const Episode& e) {
    if (e.numbness.value_or(0) > 0 && (e.sensations.empty() || contains(e.sensations, Sensation::Numbness))) return Sensation::Numbness;
    for (Sensation s : {Sensation::Tingling, Sensation::Burning, Sensation::Cramping, Sensation::ShootingPain,
                        Sensation::Pain, Sensation::Weakness, Sensation::Numbness})
        if (contains(e.sensations, s)) return s;
    return e.pain.value_or(0) > 0 ? Sensation::Pain : Sensation::Numbness;
}

bool is_pain(Sensation s) {
    return s == Sensation::Pain || s == Sensation::ShootingPain || s == Sensation::Cramping || s == Sensation::Burning;
}

// The 0-10 score that belongs to a sensation: pain for the painful ones.
// 0 when the person did not rate it (then no severity is written).
int score_of(const Episode& e, Sensation s) {
    return is_pain(s) ? e.pain.value_or(0) : s == Sensation::Numbness ? e.numbness.value_or(0) : 0;
}

// SNOMED CT severity (the IG's SeverityCodes: is-a 272141005 Severities) of a 0-10 score.
Code severity_code(int score) {
    if (score <= 3) return {kSnomed, "255604002", "Mild"};
    if (score <= 6) return {kSnomed, "6736007", "Moderate"};
    return {kSnomed, "24484000", "Severe"};
}

// A body structure, and its left / right form where SNOMED CT has one.
struct Site {
    Code structure;
    const char* left;
    const char* right;
};
Site site_of(Region r) {
    switch (r) {
        case Region::Toes: return {{kSnomed, "29707007", "Toe structure"}, nullptr, nullptr};
        case Region::Sole:
        case Region::TopOfFoot:
        case Region::Heel:
        case Region::WholeFoot: return {{kSnomed, "56459004", "Foot structure"}, nullptr, nullptr};
        case Region::InnerAnkle:
        case Region::Ankle: return {{kSnomed, "344001", "Ankle region structure"}, "51636004", "6685009"};
        case Region::Shin: return {{kSnomed, "30021000", "Lower leg structure"}, nullptr, nullptr};
        case Region::Calf: return {{kSnomed, "53840002", "Structure of calf of leg"}, "722115008", "722116009"};
        case Region::Knee: return {{kSnomed, "72696002", "Knee region structure"}, "82169009", "6757004"};
        case Region::ThighFront:
        case Region::ThighBack: return {{kSnomed, "68367000", "Thigh structure"}, "61396006", "11207009"};
        case Region::Hip: return {{kSnomed, "29836001", "Hip region structure"}, "287679003", "287579007"};
        case Region::WholeLeg: return {{kSnomed, "61685007", "Lower limb structure"}, "32153003", "62175007"};
        case Region::Hand: return {{kSnomed, "85562004", "Hand structure"}, nullptr, nullptr};
        case Region::Arm: return {{kSnomed, "53120007", "Upper limb structure"}, "80768000", "6921000"};
        case Region::Face: return {{kSnomed, "89545001", "Face structure"}, nullptr, nullptr};
        case Region::Buttock:
        case Region::SaddleArea:
        case Region::LowerBack: return {kNoCode, nullptr, nullptr};   // text only (docs/fhir.md)
    }
    return {kNoCode, nullptr, nullptr};
}

// SNOMED CT laterality qualifier values (attribute 272741003 |Laterality|).
const char* laterality_code(Side s) {
    switch (s) {
        case Side::Left: return "7771000";
        case Side::Right: return "24028007";
        case Side::Both: return "51440002";
        case Side::Middle: return nullptr;
    }
    return nullptr;
}

// A red-flag sign as a finding, where a code was checked (else text only).
Code sign_finding(Sign s) {
    switch (s) {
        case Sign::LegWeakness:
        case Sign::ArmWeakness: return {kSnomed, "26544005", "Muscle weakness"};
        case Sign::Confusion: return {kSnomed, "286933003", "Confusional state"};
        default: return kNoCode;
    }
}

// Speed of onset: the two codes of the IG's SpeedOfOnset value set.
Code onset_code(Onset o) {
    if (o == Onset::Sudden) return {kSnomed, "385315009", "Sudden onset"};
    if (o == Onset::Gradual) return {kSnomed, "61751001", "Gradual onset"};
    return kNoCode;
}

// ICF codes (the IG's FunctionalClassification) for the effects the diary asks about.
constexpr const char* kIcf = "http://hl7.org/fhir/sid/icf";

const char* effect_text(int v) {
    switch (v) {
        case 1: return "A little";
        case 2: return "A lot";
        case 3: return "Could not";
        default: return "None";
    }
}

Urn observation_urn(const Episode& e) {
    return is_uuid(e.id) ? urn_of_uuid(e.id) : derived_urn("nd-episode:" + e.id);
}

// Appends s with XML's special characters escaped, a run of plain ones at a time.
void append_xml_escaped(std::string& out, std::string_view s) {
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* with = nullptr;
        switch (s[i]) {
            case '&': with = "&amp;"; break;
            case '<': with = "&lt;"; break;
            case '>': with = "&gt;"; break;
            case '"': with = "&quot;"; break;
            default: continue;
        }
        out.append(s, from, i - from);
        out += with;
        from = i + 1;
    }
    out.append(s, from);
}

void append_int(std::string& out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

// Appends a label with its first letter in lower case (lower_first without a copy).
void append_lower_first(std::string& out, std::string_view label) {
    const std::size_t at = out.size();
    out.append(label);
    if (at < out.size() && out[at] >= 'A' && out[at] <= 'Z') out[at] = static_cast<char>(out[at] - 'A' + 'a');
}

// describe(m) and its capitalised form for every region and side, made once
// (each Observation's narrative and bodySite name its regions).
constexpr std::size_t kRegionRows = 32, kSides = 4;
struct RegionTexts {
    std::string lower[kRegionRows][kSides], upper[kRegionRows][kSides];
    RegionTexts() {
        for (const auto& entry : enum_entries<Region>())
            for (Side side : {Side::Left, Side::Right, Side::Both, Side::Middle}) {
                const auto r = static_cast<std::size_t>(entry.value), s = static_cast<std::size_t>(side);
                if (r >= kRegionRows) continue;
                lower[r][s] = describe({entry.value, side});
                upper[r][s] = lower[r][s];
                if (!upper[r][s].empty())
                    upper[r][s][0] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[r][s][0])));
            }
    }
};
const RegionTexts& region_texts() {
    static const RegionTexts t;
    return t;
}
void append_region(std::string& out, const RegionMark& m, bool capital) {
    const auto r = static_cast<std::size_t>(m.region), s = static_cast<std::size_t>(m.side);
    if (r < kRegionRows && s < kSides) {
        out += capital ? region_texts().upper[r][s] : region_texts().lower[r][s];
        return;
    }
    std::string t = describe(m);
    if (capital && !t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    out += t;
}

// The memo slots of Json::same() (what each run of JSON depends on: nothing, or
// one enum value or score). kNoSlot: write it without the memo (a value outside
// the expected range).
constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
enum : std::size_t {
    kSlotObsHead,         // "resourceType":"Observation","id":
    kSlotObsMeta,         // "meta":{...},"text":{"status":"generated","div":
    kSlotCore,            // "status" ... "effectivePeriod":{"start": (the bundle's Patient)
    kSlotSupportingInfo,  // {"url":"...workflow-supportingInfo","valueReference":{"reference":
    kSlotSpread,
    kSlotReliefAfter,
    kSlotPerformerSensation = 8,                    // + Sensation
    kSlotPerformerSign = kSlotPerformerSensation + 16,   // + Sign
    kSlotSeverity = kSlotPerformerSign + 16,        // + score 1..10
    kSlotPain = kSlotSeverity + 11,                 // + 0..10
    kSlotNumbness = kSlotPain + 11,                 // + 0..10
    kSlotQuality = kSlotNumbness + 11,              // + shooting (0 / 1)
    kSlotNight = kSlotQuality + 2,                  // + yes (0 / 1)
    kSlotOnset = kSlotNight + 2,                    // + Onset
    kSlotEffect = kSlotOnset + 4,                   // + 4 * effect + level 1..3
    kSlotActivity = kSlotEffect + 12,               // + Activity
    kSlotRelief = kSlotActivity + 32,               // + Relief
    kSlotBodySite = kSlotRelief + 16,               // + 4 * Region + Side (of the first mark)
    kSlotEnd = kSlotBodySite + kRegionRows * kSides,
};
// slot base + i when i < n, else kNoSlot.
constexpr std::size_t slot(std::size_t base, std::size_t i, std::size_t n) { return i < n ? base + i : kNoSlot; }

// The XHTML div of a narrative around already escaped text. The text sits in the
// div itself, without a <p> (R4 Narrative.div: XHTML in a div in the XHTML
// namespace, txt-1 basic formatting only, txt-2 some non-whitespace content; a
// paragraph element is not required; 7 bytes a resource, issue #19).
constexpr std::string_view kDivOpen = "<div xmlns=\"http://www.w3.org/1999/xhtml\">";
constexpr std::string_view kDivOpenJson = "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">";   // kDivOpen as a JSON string holds it
constexpr std::string_view kDivClose = "</div>";

// The value of text.div: `plain` in a generated XHTML div.
template <class W>
void write_div(Json<W>& j, std::string_view plain) {
    std::string& div = j.scratch();
    div.clear();
    append_xml_escaped(div, plain);
    if (j.str_after_json(kDivOpenJson, div, kDivClose)) return;
    div.insert(0, kDivOpen);
    div += kDivClose;
    j.str(div);
}

// text: the generated narrative every resource carries (dom-6), one XHTML div.
template <class W>
void write_narrative(Json<W>& j, std::string_view plain) {
    j.begin_object("text");
    j.str("status", "generated");
    j.key("div");
    write_div(j, plain);
    j.end_object();
}

template <class W>
void write_code(Json<W>& j, const char* key, const Code& c, std::string_view text) {
    j.codeable(key, c.system, c.code, c.display, text);
}

template <class W>
void write_component(Json<W>& j, const Code& code, std::string_view code_text, const Code& value,
                     std::string_view value_text) {
    j.begin_object();
    write_code(j, "code", code, code_text);
    write_code(j, "valueCodeableConcept", value, value_text);
    j.end_object();
}

template <class W>
void write_component_int(Json<W>& j, const Code& code, std::string_view code_text, int value) {
    j.begin_object();
    write_code(j, "code", code, code_text);
    j.integer("valueInteger", value);
    j.end_object();
}

// bodySite (0..1): the first marked region, coded with its laterality (a
// pre-coordinated left / right structure where SNOMED CT has one, else the
// structure with the laterality qualifier 272741003), and every marked region in
// the text. The coding depends only on the first mark (a memo slot).
template <class W>
void write_body_site(Json<W>& j, std::span<const RegionMark> regions) {
    if (regions.empty()) return;
    const RegionMark& m = regions.front();
    const auto r = static_cast<std::size_t>(m.region), s = static_cast<std::size_t>(m.side);
    j.same(r < kRegionRows && s < kSides ? kSlotBodySite + r * kSides + s : kNoSlot, [&](Json<W>& j) {
        const Site site = site_of(m.region);
        j.begin_object("bodySite");
        if (site.structure.system) {
            j.begin_array("coding");
            j.begin_object();
            j.str("system", kSnomed);
            const char* lat = laterality_code(m.side);
            // With a side, the coding has no display: Coding.display (0..1) is the code
            // system's own representation, and ours ("Left calf", "Toes (both sides)")
            // is our words for it, which bodySite.text already holds (with every marked
            // region). Issue #19: about 30 bytes an Observation.
            if (m.side == Side::Left && site.left) {
                j.str("code", site.left);
            } else if (m.side == Side::Right && site.right) {
                j.str("code", site.right);
            } else if (lat) {
                // SNOMED CT post-coordinated expression: structure with its laterality.
                j.str("code", std::string(site.structure.code) + ":272741003=" + lat);
            } else {
                j.str("code", site.structure.code);
                j.str("display", site.structure.display);
            }
            j.end_object();
            j.end_array();
        }
    });
    std::string& all = j.scratch();
    all.clear();
    for (const auto& r : regions) {
        if (!all.empty()) all += ", ";
        append_region(all, r, all.empty());
    }
    j.str("text", all);
    j.end_object();
}

// The parts every SymptomObservation has before its narrative's text.
template <class W>
void write_symptom_head(Json<W>& j, const Urn& urn, std::string_view narrative) {
    j.same(kSlotObsHead, [](Json<W>& j) {
        j.str("resourceType", "Observation");
        j.key("id");
    });
    j.str(urn.id());
    j.same(kSlotObsMeta, [](Json<W>& j) {
        j.begin_object("meta");
        j.begin_array("profile");
        j.str(kSymptomObservationProfile);
        j.end_array();
        j.end_object();
        j.begin_object("text");
        j.str("status", "generated");
        j.key("div");
    });
    write_div(j, narrative);
    j.end_object();
}

// The finding an Observation is about: its code, its words, and its memo slot
// (performer and value[x] depend only on it).
struct Finding {
    Code code;
    std::string_view text;
    std::size_t slot;
};

template <class W>
void write_symptom_core(Json<W>& j, const Episode& e, const IsoTime& start, const std::string& patient_url,
                        const Finding& finding) {
    j.same(kSlotCore, [&](Json<W>& j) {   // the Patient is the same for the whole bundle
        j.str("status", "final");
        // category[symptomCode] = SymptomTemporary#symptom: the profile fixes system and
        // code, no display (SymptomObservation.fsh); Coding.display is 0..1. Issue #19:
        // the display "Symptom" is left out (20 bytes an Observation).
        j.begin_array("category");
        j.codeable(nullptr, kSymptomCategorySystem, "symptom", nullptr, "");
        j.end_array();
        j.codeable("code", kLoinc, "75325-1", "Symptom", "");
        j.reference("subject", patient_url);
        j.begin_object("effectivePeriod");
        j.key("start");
    });
    j.str(start.view());
    if (e.duration_min && !e.ongoing) {
        LocalTime end = e.start;
        end.utc += std::int64_t{*e.duration_min} * 60;
        j.str("end", IsoTime(end).view());
    }
    j.end_object();
    if (e.updated_utc > 0) j.str("issued", IsoTime(LocalTime{e.updated_utc, 0}).view());
    j.same(finding.slot, [&](Json<W>& j) {
        j.begin_array("performer");
        j.reference(nullptr, patient_url);
        j.end_array();
        write_code(j, "valueCodeableConcept", finding.code, finding.text);
    });
}

struct Associated {
    Urn urn;
    Finding finding;
    std::span<const RegionMark> regions;   // the episode's, or a constant below: no copy
};

// The other sensations and the signs of an episode: each its own SymptomObservation,
// linked from the main one (associatedSymptomOrCondition). Into `out` (reused).
void associated_of(const Episode& e, Sensation main, std::vector<Associated>& out, std::string& key) {
    out.clear();
    const auto base = [&] {
        if (is_uuid(e.id)) key.assign(e.id);
        else key.assign("nd-episode:").append(e.id);
    };
    for (Sensation s : e.sensations) {
        if (s == main) continue;
        if (finding_of(s).code == finding_of(main).code) continue;   // shooting and aching pain: one Pain
        base();
        key.append(":sensation:").append(enum_id(s));
        out.push_back({derived_urn(key),
                       {finding_of(s), enum_label(s), slot(kSlotPerformerSensation, static_cast<std::size_t>(s), 16)},
                       e.regions});
    }
    static const RegionMark kLegs[] = {{Region::WholeLeg, Side::Both}};
    static const RegionMark kArms[] = {{Region::Arm, Side::Both}};
    for (Sign g : e.signs) {
        std::span<const RegionMark> where;
        if (g == Sign::LegWeakness) where = kLegs;
        if (g == Sign::ArmWeakness) where = kArms;
        base();
        key.append(":sign:").append(enum_id(g));
        out.push_back({derived_urn(key),
                       {sign_finding(g), enum_label(g), slot(kSlotPerformerSign, static_cast<std::size_t>(g), 16)},
                       where});
    }
}

template <class W>
void write_observation(Json<W>& j, const Episode& e, const std::string& patient_url,
                       std::vector<Associated>& associated, std::string& key) {
    const Urn urn = observation_urn(e);
    const Sensation main = main_sensation(e);
    const Finding finding{finding_of(main), enum_label(main),
                          slot(kSlotPerformerSensation, static_cast<std::size_t>(main), 16)};
    associated_of(e, main, associated, key);
    const IsoTime start(e.start);

    std::string& narrative = j.text();
    narrative.assign(enum_label(main)).append(" from ").append(start.view());
    if (e.ongoing) narrative += ", still going";
    else if (e.duration_min) {
        narrative += ", lasting ";
        append_int(narrative, *e.duration_min);
        narrative += " min";
    }
    if (!e.regions.empty()) {
        narrative += "; where: ";
        for (std::size_t i = 0; i < e.regions.size(); ++i) {
            if (i) narrative += ", ";
            append_region(narrative, e.regions[i], false);
        }
    }
    if (e.numbness) {
        narrative += "; numbness ";
        append_int(narrative, *e.numbness);
        narrative += "/10";
    }
    if (e.pain) {
        narrative += "; pain ";
        append_int(narrative, *e.pain);
        narrative += "/10";
    }
    if (!e.signs.empty()) {
        narrative += "; with: ";
        for (std::size_t i = 0; i < e.signs.size(); ++i) {
            if (i) narrative += ", ";
            append_lower_first(narrative, enum_label(e.signs[i]));
        }
    }
    // Who reported it is the Observation's performer (1..1, the Patient); the
    // narrative (dom-6 asks for one; a best practice) says what was felt, where, when
    // and how strongly. Issue #19: " Reported by the patient in a symptom diary."
    // left out, 45 bytes an Observation.
    narrative += '.';

    j.begin_object();
    j.str("fullUrl", urn.url());
    j.begin_object("resource");
    write_symptom_head(j, urn, narrative);
    if (!associated.empty()) {
        j.begin_array("extension");
        for (const auto& a : associated) {
            j.same(kSlotSupportingInfo, [](Json<W>& j) {
                j.begin_object();
                j.str("url", "http://hl7.org/fhir/StructureDefinition/workflow-supportingInfo");
                j.begin_object("valueReference");
                j.key("reference");
            });
            j.str(a.urn.url());
            j.end_object();
            j.end_object();
        }
        j.end_array();
    }
    write_symptom_core(j, e, start, patient_url, finding);

    if (!e.note.empty()) {
        j.begin_array("note");
        j.begin_object();
        j.str("text", e.note);
        j.end_object();
        j.end_array();
    }
    write_body_site(j, e.regions);

    j.begin_array("component");
    // An unrated severity is left out: absent, never a made-up 0.
    const int score = score_of(e, main);
    if (score > 0) {
        j.same(slot(kSlotSeverity, static_cast<std::size_t>(score), 11), [&](Json<W>& j) {
            // severity (0..1): a CodeableConcept; the 0-10 number is its own component below.
            j.begin_object();
            j.begin_array("extension");
            j.begin_object();
            j.str("url", "http://hl7.org/fhir/uv/symptoms/StructureDefinition/AssessmentScaleInformation");
            j.codeable("valueCodeableConcept", nullptr, nullptr, nullptr, "0-10 numeric rating scale, self-reported");
            j.end_object();
            j.end_array();
            j.codeable("code", kLoinc, "64750-3", "Severity of symptoms", "");
            const Code sev = severity_code(score);
            j.codeable("valueCodeableConcept", sev.system, sev.code, sev.display, std::to_string(score) + " of 10");
            j.end_object();
        });
    }
    // The 0-10 numbers as they were given (outside the IG's slices; its slicing is open).
    if (e.pain)
        j.same(slot(kSlotPain, static_cast<std::size_t>(*e.pain), 11), [&](Json<W>& j) {
            write_component_int(j, {kLoinc, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"}, "",
                                *e.pain);
        });
    if (e.numbness)
        j.same(slot(kSlotNumbness, static_cast<std::size_t>(*e.numbness), 11), [&](Json<W>& j) {
            write_component_int(j, kNoCode, "Numbness intensity, 0-10 numeric rating (self-reported)", *e.numbness);
        });
    // quality (0..1): the kind of pain, when the main symptom is pain.
    if (main == Sensation::ShootingPain || main == Sensation::Pain)
        j.same(kSlotQuality + (main == Sensation::ShootingPain), [&](Json<W>& j) {
            write_component(j, {kLoinc, "56823-8", "Problem quality or description"}, "", kNoCode,
                            main == Sensation::ShootingPain ? "Shooting or electric" : "Aching");
        });
    for (auto a : e.activities)
        j.same(slot(kSlotActivity, static_cast<std::size_t>(a), 32), [&](Json<W>& j) {
            write_component(j, {kLoinc, "100752-5", "Exacerbating factors - Reported"}, "", kNoCode, enum_label(a));
        });
    for (auto r : e.reliefs)
        if (r != Relief::Nothing)
            j.same(slot(kSlotRelief, static_cast<std::size_t>(r), 16), [&](Json<W>& j) {
                write_component(j, {kLoinc, "100753-3", "Alleviating factors - Reported"}, "", kNoCode, enum_label(r));
            });
    if (e.onset != Onset::Unknown)
        j.same(slot(kSlotOnset, static_cast<std::size_t>(e.onset), 4), [&](Json<W>& j) {
            write_component(j, {kLoinc, "99495-4", "Speed of condition onset"}, "", onset_code(e.onset), "");
        });
    if (e.spread) {
        std::string& text = j.scratch();
        text.assign("Spread");
        if (e.spread_from) append_lower_first(text.append(" from "), enum_label(*e.spread_from));
        if (e.spread_to) append_lower_first(text.append(" to "), enum_label(*e.spread_to));
        if (e.spread_speed != SpreadSpeed::Unknown) append_lower_first(text.append(", "), enum_label(e.spread_speed));
        j.same(kSlotSpread, [](Json<W>& j) {
            j.begin_object();
            j.codeable("code", nullptr, nullptr, nullptr, "Spread");
            j.key("valueString");
        });
        j.str(text);
        j.end_object();
    }
    if (e.worse_at_night != TriState::Unknown)
        j.same(kSlotNight + (e.worse_at_night == TriState::Yes), [&](Json<W>& j) {
            j.begin_object();
            j.codeable("code", nullptr, nullptr, nullptr, "Worse at night");
            j.boolean("valueBoolean", e.worse_at_night == TriState::Yes);
            j.end_object();
        });
    if (e.relief_after_min) {
        j.same(kSlotReliefAfter, [](Json<W>& j) {
            j.begin_object();
            j.codeable("code", nullptr, nullptr, nullptr, "Time until it eased after the relief");
            j.begin_object("valueQuantity");
            j.key("value");
        });
        j.integer_value(*e.relief_after_min);
        j.str("unit", "min");
        j.str("system", kUcum);
        j.str("code", "min");
        j.end_object();
        j.end_object();
    }
    // functionalImpact (0..*): ICF codes, the effect in words.
    const std::tuple<const char*, const char*, int> effects[] = {
        {"d450", "Walking", e.effect_walking}, {"b134", "Sleep functions", e.effect_sleep},
        {"d850", "Remunerative employment", e.effect_work}};
    for (std::size_t k = 0; k < 3; ++k) {
        // Named copies, not a structured binding: a lambda may not capture one before
        // clang 16 (the web build's compiler is clang 14).
        const char* const code = std::get<0>(effects[k]);
        const char* const display = std::get<1>(effects[k]);
        const int v = std::get<2>(effects[k]);
        if (v <= 0) continue;
        j.same(v < 4 ? kSlotEffect + 4 * k + static_cast<std::size_t>(v) : kNoSlot, [&](Json<W>& j) {
            write_component(j, {kIcf, code, display}, "", kNoCode, effect_text(v));
        });
    }
    j.end_array();

    j.end_object();  // resource
    j.end_object();  // entry

    // The associated symptoms and signs.
    for (const auto& a : associated) {
        std::string& text = j.text();
        text.assign(a.finding.text).append(" with the episode of ");
        append_lower_first(text, enum_label(main));
        text.append(" from ").append(start.view()).append(".");   // the performer says who reported it
        j.begin_object();
        j.str("fullUrl", a.urn.url());
        j.begin_object("resource");
        write_symptom_head(j, a.urn, text);
        write_symptom_core(j, e, start, patient_url, a.finding);
        write_body_site(j, a.regions);
        j.end_object();
        j.end_object();
    }
}

template <class W>
void write_bundle(W& writer, const Diary& d, const FhirOptions& options) {
    std::vector<const Episode*> eps;
    for (const auto& e : d.episodes) {
        if (is_deleted(e)) continue;
        if (options.from_utc && e.start.utc < *options.from_utc) continue;
        if (options.to_utc && e.start.utc >= *options.to_utc) continue;
        eps.push_back(&e);
    }
    std::stable_sort(eps.begin(), eps.end(), [](const Episode* a, const Episode* b) {
        return a->start.utc != b->start.utc ? a->start.utc < b->start.utc : a->id < b->id;
    });

    std::string patient_uuid = options.patient_uuid;
    if (patient_uuid.empty() && is_uuid(d.profile.fhir_patient_id)) patient_uuid = d.profile.fhir_patient_id;
    if (patient_uuid.empty()) {
        // Stable for the same diary whatever the order of its records.
        std::vector<std::string> ids;
        for (const auto& e : d.episodes) ids.push_back(e.id);
        std::sort(ids.begin(), ids.end());
        std::string seed = "nd-patient:" + d.profile.name + "\n" + d.profile.birth_date;
        std::size_t size = seed.size();
        for (const auto& id : ids) size += 1 + id.size();
        seed.reserve(size);
        for (const auto& id : ids) {
            seed += '\n';
            seed += id;
        }
        patient_uuid = derived_uuid(seed);
    }
    const std::string patient_url = "urn:uuid:" + patient_uuid;

    Json<W> j(writer);
    j.begin_object();
    j.str("resourceType", "Bundle");
    j.str("type", "collection");
    if (options.timestamp) j.str("timestamp", iso8601(*options.timestamp));
    j.begin_array("entry");

    j.begin_object();
    j.str("fullUrl", patient_url);
    j.begin_object("resource");
    j.str("resourceType", "Patient");
    j.str("id", patient_uuid);
    {
        std::string who = d.profile.name.empty() ? "The person who kept this symptom diary" : d.profile.name;
        if (is_valid_date(d.profile.birth_date)) who += ", born " + d.profile.birth_date;
        write_narrative(j, who + ".");
    }
    if (!d.profile.name.empty()) {
        j.begin_array("name");
        j.begin_object();
        j.str("text", d.profile.name);
        j.end_object();
        j.end_array();
    }
    if (!d.profile.health_number.empty()) {
        j.begin_array("identifier");
        j.begin_object();
        j.codeable("type", nullptr, nullptr, nullptr, "Health-service number");
        j.str("value", d.profile.health_number);
        j.end_object();
        j.end_array();
    }
    if (is_valid_date(d.profile.birth_date)) j.str("birthDate", d.profile.birth_date);
    j.end_object();
    j.end_object();

    // Medicines: MedicationStatement (the name as text; no drug code is chosen for the person's words).
    for (const auto& m : d.medicines) {
        if (m.deleted_utc) continue;
        const std::string url = "urn:uuid:" + (is_uuid(m.id) ? m.id : derived_uuid("nd-medicine:" + m.id));
        std::string what = m.name + (m.dose.empty() ? "" : " " + m.dose);
        std::string dosage = m.when_taken;
        std::string story = "Takes " + what + (dosage.empty() ? "" : ", " + dosage);
        if (!m.since.empty()) story += ", since " + m.since;
        if (m.helped != TriState::Unknown) story += std::string("; helped: ") + (m.helped == TriState::Yes ? "yes" : "no");
        j.begin_object();
        j.str("fullUrl", url);
        j.begin_object("resource");
        j.str("resourceType", "MedicationStatement");
        j.str("id", std::string_view(url).substr(9));
        write_narrative(j, story + ". Reported by the patient.");
        j.str("status", "active");
        j.codeable("medicationCodeableConcept", nullptr, nullptr, nullptr, what);
        j.reference("subject", patient_url);
        if (is_valid_date(m.since)) {
            j.begin_object("effectivePeriod");
            j.str("start", m.since);
            j.end_object();
        }
        j.reference("informationSource", patient_url);
        if (m.helped != TriState::Unknown || !m.note.empty()) {
            j.begin_array("note");
            j.begin_object();
            std::string note = m.helped == TriState::Yes ? "The patient says it helped."
                               : m.helped == TriState::No ? "The patient says it did not help." : "";
            if (!m.note.empty()) note += (note.empty() ? "" : " ") + m.note;
            j.str("text", note);
            j.end_object();
            j.end_array();
        }
        if (!dosage.empty()) {
            j.begin_array("dosage");
            j.begin_object();
            j.str("text", dosage);
            j.end_object();
            j.end_array();
        }
        j.end_object();
        j.end_object();
    }

    // Diagnoses and injuries of the background: Condition (alcohol use is not one).
    for (const auto& f : d.facts) {
        if (f.deleted_utc || f.kind == FactKind::AlcoholUse) continue;
        const std::string url = "urn:uuid:" + (is_uuid(f.id) ? f.id : derived_uuid("nd-fact:" + f.id));
        std::string text = std::string(enum_label(f.kind)) + (f.detail.empty() ? "" : " (" + f.detail + ")");
        j.begin_object();
        j.str("fullUrl", url);
        j.begin_object("resource");
        j.str("resourceType", "Condition");
        j.str("id", std::string_view(url).substr(9));
        write_narrative(j, text + (f.since.empty() ? "" : ", since " + f.since) + ". Reported by the patient.");
        j.codeable("clinicalStatus", "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active", "");
        j.begin_array("category");
        j.codeable(nullptr, "http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item",
                   "Problem List Item", "");
        j.end_array();
        if (f.kind == FactKind::Diabetes) j.codeable("code", kSnomed, "73211009", "Diabetes mellitus", text);
        else j.codeable("code", nullptr, nullptr, nullptr, text);
        j.reference("subject", patient_url);
        if (is_valid_date(f.since)) j.str("onsetDateTime", f.since);
        j.reference("asserter", patient_url);
        j.end_object();
        j.end_object();
    }

    std::vector<Associated> associated;   // reused for every episode
    std::string key;
    for (const Episode* e : eps) {
        if (is_normalized(*e)) {   // as every diary from the Store is: no copy
            write_observation(j, *e, patient_url, associated, key);
            continue;
        }
        Episode copy = *e;
        normalize(copy);
        write_observation(j, copy, patient_url, associated, key);
    }

    // Standard questionnaires: each Questionnaire once, then its responses.
    if (options.questionnaires) {
        std::vector<QuestionnaireResponse> responses;
        for (const auto& r : d.questionnaire_responses) {
            if (options.from_utc && r.taken.utc < *options.from_utc) continue;
            if (options.to_utc && r.taken.utc >= *options.to_utc) continue;
            responses.push_back(r);
        }
        for (const auto& entry : fhir_questionnaire_entries(responses, *options.questionnaires, patient_url))
            j.value_from_json(entry);
    }
    j.end_array();
    j.end_object();
}

}  // namespace

std::string derived_uuid(std::string_view text) {
    std::string out(36, '-');
    derived_uuid_chars(text, out.data());
    return out;
}

namespace {

// Compact: CompactJsonWriter, the bytes of rapidjson's Writer without its cost
// (tests/core/fhir_golden_test.cpp pins them); pretty: rapidjson's PrettyWriter.
void write_json(SinkOut& stream, const Diary& d, const FhirOptions& options) {
    if (options.pretty) {
        rapidjson::PrettyWriter<SinkOut> w(stream);
        w.SetIndent(' ', 2);
        write_bundle(w, d, options);
    } else {
        CompactJsonWriter<SinkOut> w(stream);
        write_bundle(w, d, options);
    }
    stream.Put('\n');
    stream.Flush();
}

}  // namespace

std::string diary_to_fhir_json(const Diary& d, const FhirOptions& options) {
    std::string out;
    // About 4.6 KB an episode compact, 8.2 KB pretty (the generated diary, the densest
    // we know): reserved, not written, so one allocation for most diaries and no page
    // touched twice.
    out.reserve(1024 + d.episodes.size() * (options.pretty ? 8300 : 4700));
    StringSink sink(out);
    SinkOut stream(sink);
    write_json(stream, d, options);
    return out;
}

void write_fhir_json(ByteSink& out, const Diary& d, const FhirOptions& options) {
    SinkOut stream(out);
    write_json(stream, d, options);
}

}  // namespace nd
