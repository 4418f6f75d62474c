// FHIR R4 export, written with rapidjson's Writer (no cereal in this file).
#include "fhir_export.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <vector>

#include "enum_names.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr const char* kLoinc = "http://loinc.org";
constexpr const char* kSnomed = "http://snomed.info/sct";
constexpr const char* kUcum = "http://unitsofmeasure.org";
constexpr const char* kSymptomCategorySystem = "http://hl7.org/fhir/uv/symptoms/CodeSystem/SymptomTemporary";

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
    while (i < s.size() && static_cast<unsigned char>(s[i]) >= 0x20 && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i == s.size()) return true;
    const std::string_view rest = s.substr(i);
    return clean_utf8(rest) == rest;   // rare: non-ASCII text (notes, names) or a control character
}

// Writes JSON straight into a std::string (a rapidjson output stream), so the
// document is not built in a StringBuffer and then copied. The writer reserves
// room before each run of characters (PutReserve, below), so each character is a
// plain store; finish() trims the string to what was written.
class StringOut {
public:
    using Ch = char;
    StringOut(std::string& s, std::size_t expected) : s_(s) {
        s_.clear();
        grow(expected);
    }
    void Put(char c) {
        reserve(1);
        *cur_++ = c;
    }
    void put_unsafe(char c) { *cur_++ = c; }
    void put_n(char c, std::size_t n) {
        reserve(n);
        std::fill_n(cur_, n, c);
        cur_ += n;
    }
    void reserve(std::size_t n) {
        if (static_cast<std::size_t>(end_ - cur_) < n) grow(n);
    }
    void Flush() {}
    void finish() { s_.resize(static_cast<std::size_t>(cur_ - s_.data())); }

private:
    void grow(std::size_t n) {
        const std::size_t used = s_.empty() ? 0 : static_cast<std::size_t>(cur_ - s_.data());
        s_.resize(std::max(used + n, s_.size() * 2 + 4096));
        cur_ = s_.data() + used;
        end_ = s_.data() + s_.size();
    }
    std::string& s_;
    char* cur_ = nullptr;
    char* end_ = nullptr;
};
// Found by argument-dependent lookup from rapidjson's writers, in place of their
// generic one-character-at-a-time versions.
inline void PutReserve(StringOut& o, std::size_t n) { o.reserve(n); }
inline void PutUnsafe(StringOut& o, char c) { o.put_unsafe(c); }
inline void PutN(StringOut& o, char c, std::size_t n) { o.put_n(c, n); }

// "YYYY-MM-DDTHH:MM:SS+HH:MM" without snprintf (the bundle has one or two per
// episode); format_iso8601 for years outside 0..9999, where the forms may differ.
std::string iso8601(const LocalTime& t) {
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
    if (year < 0 || year > 9999 || aoff / 60 > 99) return format_iso8601(t);
    char buf[25];
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
    return std::string(buf, 25);
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

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

// A thin layer over rapidjson's writer so the resource code reads like the JSON.
template <class W>
class Json {
public:
    explicit Json(W& w) : w_(w) {}
    void key(const char* k) { w_.Key(k); }
    void str(const char* k, std::string_view v) {
        w_.Key(k);
        str(v);
    }
    void str(std::string_view v) {
        if (is_clean_utf8(v)) {
            w_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
            return;
        }
        const std::string c = clean_utf8(v);
        w_.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
    }
    void integer(const char* k, std::int64_t v) {
        w_.Key(k);
        w_.Int64(v);
    }
    void boolean(const char* k, bool v) {
        w_.Key(k);
        w_.Bool(v);
    }
    void begin_object(const char* k = nullptr) {
        if (k) w_.Key(k);
        w_.StartObject();
    }
    void end_object() { w_.EndObject(); }
    void begin_array(const char* k) {
        w_.Key(k);
        w_.StartArray();
    }
    void end_array() { w_.EndArray(); }

    void reference(const char* k, const std::string& url) {
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

private:
    W& w_;
};

struct Finding {
    const char* code;
    const char* display;
};

Finding finding_of(const Episode& e) {
    const bool numb = contains(e.sensations, Sensation::Numbness) || (e.sensations.empty() && e.numbness.value_or(0) > 0);
    const bool tingle = contains(e.sensations, Sensation::Tingling) || contains(e.sensations, Sensation::Burning);
    if (!numb && tingle) return {"91019004", "Paresthesia"};
    return {"44077006", "Numbness"};
}

std::string body_site_text(const Episode& e) {
    std::string out;
    for (const auto& m : e.regions) {
        if (!out.empty()) out += ", ";
        out += describe(m);
    }
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

const char* effect_text(int v) {
    switch (v) {
        case 1: return "a little";
        case 2: return "a lot";
        case 3: return "could not";
        default: return "none";
    }
}

std::string observation_url(const Episode& e) {
    return "urn:uuid:" + (is_uuid(e.id) ? e.id : derived_uuid("nd-episode:" + e.id));
}

template <class W>
void write_component_text(Json<W>& j, const char* loinc, const char* code_text, std::string_view value_text) {
    j.begin_object();
    j.codeable("code", loinc ? kLoinc : nullptr, loinc, nullptr, code_text);
    j.codeable("valueCodeableConcept", nullptr, nullptr, nullptr, value_text);
    j.end_object();
}

template <class W>
void write_component_int(Json<W>& j, const char* loinc, const char* code_text, int value) {
    j.begin_object();
    j.codeable("code", kLoinc, loinc, nullptr, code_text);
    j.integer("valueInteger", value);
    j.end_object();
}

template <class W>
void write_observation(Json<W>& j, const Episode& e, const std::string& patient_url) {
    const std::string url = observation_url(e);
    j.begin_object();
    j.str("fullUrl", url);
    j.begin_object("resource");
    j.str("resourceType", "Observation");
    j.str("id", url.substr(9));
    j.begin_object("meta");
    j.begin_array("profile");
    j.str(kSymptomObservationProfile);
    j.end_array();
    j.end_object();
    j.str("status", "final");
    j.begin_array("category");
    j.codeable(nullptr, kSymptomCategorySystem, "symptom", "Symptom", "");
    j.end_array();
    j.codeable("code", kLoinc, "75325-1", "Symptom", "Symptom");
    j.reference("subject", patient_url);

    j.begin_object("effectivePeriod");
    j.str("start", iso8601(e.start));
    if (e.duration_min && !e.ongoing) {
        LocalTime end = e.start;
        end.utc += std::int64_t{*e.duration_min} * 60;
        j.str("end", iso8601(end));
    }
    j.end_object();

    j.begin_array("performer");
    j.reference(nullptr, patient_url);
    j.end_array();

    const Finding f = finding_of(e);
    j.codeable("valueCodeableConcept", kSnomed, f.code, f.display, e.note.empty() ? std::string_view(f.display) : e.note);

    if (!e.note.empty()) {
        j.begin_array("note");
        j.begin_object();
        j.str("text", e.note);
        j.end_object();
        j.end_array();
    }

    const std::string site = body_site_text(e);
    if (!site.empty()) j.codeable("bodySite", nullptr, nullptr, nullptr, site);

    j.begin_array("component");
    // An unrated severity is left out: absent, never a made-up 0.
    if (e.numbness) write_component_int(j, "64750-3", "Numbness severity (0-10)", *e.numbness);
    if (e.pain) write_component_int(j, "72514-3", "Pain severity (0-10)", *e.pain);
    for (auto s : e.sensations) write_component_text(j, "56823-8", "Quality", enum_label(s));
    for (auto a : e.activities) write_component_text(j, "100752-5", "Trigger (before onset)", enum_label(a));
    for (auto r : e.reliefs) write_component_text(j, "100753-3", "Alleviating factor", enum_label(r));
    if (e.onset != Onset::Unknown)
        write_component_text(j, "99495-4", "Speed of onset", e.onset == Onset::Sudden ? "Sudden onset" : "Gradual onset");
    for (auto s : e.signs) write_component_text(j, nullptr, "Associated sign", enum_label(s));
    if (e.spread) {
        std::string text = "Spread";
        if (e.spread_from) text += " from " + lower_first(std::string(enum_label(*e.spread_from)));
        if (e.spread_to) text += " to " + lower_first(std::string(enum_label(*e.spread_to)));
        if (e.spread_speed != SpreadSpeed::Unknown) text += ", " + lower_first(std::string(enum_label(e.spread_speed)));
        write_component_text(j, nullptr, "Spread", text);
    }
    if (e.worse_at_night != TriState::Unknown) {
        j.begin_object();
        j.codeable("code", nullptr, nullptr, nullptr, "Worse at night");
        j.boolean("valueBoolean", e.worse_at_night == TriState::Yes);
        j.end_object();
    }
    if (e.relief_after_min) {
        j.begin_object();
        j.codeable("code", nullptr, nullptr, nullptr, "Time until it eased after the relief");
        j.begin_object("valueQuantity");
        j.integer("value", *e.relief_after_min);
        j.str("unit", "min");
        j.str("system", kUcum);
        j.str("code", "min");
        j.end_object();
        j.end_object();
    }
    const std::pair<const char*, int> effects[] = {
        {"Effect on walking", e.effect_walking}, {"Effect on sleep", e.effect_sleep}, {"Effect on work", e.effect_work}};
    for (const auto& [label, v] : effects) {
        if (v <= 0) continue;
        j.begin_object();
        j.codeable("code", nullptr, nullptr, nullptr, label);
        j.str("valueString", effect_text(v));
        j.end_object();
    }
    j.end_array();

    j.end_object();  // resource
    j.end_object();  // entry
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
    if (options.timestamp) j.str("timestamp", format_iso8601(*options.timestamp));
    j.begin_array("entry");

    j.begin_object();
    j.str("fullUrl", patient_url);
    j.begin_object("resource");
    j.str("resourceType", "Patient");
    j.str("id", patient_uuid);
    if (!d.profile.name.empty()) {
        j.begin_array("name");
        j.begin_object();
        j.str("text", d.profile.name);
        j.end_object();
        j.end_array();
    }
    if (is_valid_date(d.profile.birth_date)) j.str("birthDate", d.profile.birth_date);
    j.end_object();
    j.end_object();

    for (const Episode* e : eps) {
        if (is_normalized(*e)) {   // as every diary from the Store is: no copy
            write_observation(j, *e, patient_url);
            continue;
        }
        Episode copy = *e;
        normalize(copy);
        write_observation(j, copy, patient_url);
    }
    j.end_array();
    j.end_object();
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t h) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

std::string derived_uuid(std::string_view text) {
    const std::uint64_t a = fnv1a(text, 0xcbf29ce484222325ULL);
    const std::uint64_t b = fnv1a(text, a ^ 0x9e3779b97f4a7c15ULL);
    unsigned char bytes[16];
    for (int i = 0; i < 8; ++i) {
        bytes[i] = static_cast<unsigned char>(a >> (56 - 8 * i));
        bytes[8 + i] = static_cast<unsigned char>(b >> (56 - 8 * i));
    }
    return uuid_from_bytes(bytes, 8);   // version 8 (custom)
}

std::string diary_to_fhir_json(const Diary& d, const FhirOptions& options) {
    std::string out;
    // About 4.5 KB an episode pretty, 2.1 KB compact: one allocation for most diaries.
    StringOut stream(out, 1024 + d.episodes.size() * (options.pretty ? 4600 : 2200));
    if (options.pretty) {
        rapidjson::PrettyWriter<StringOut> w(stream);
        w.SetIndent(' ', 2);
        write_bundle(w, d, options);
    } else {
        rapidjson::Writer<StringOut> w(stream);
        write_bundle(w, d, options);
    }
    stream.finish();
    out += '\n';
    return out;
}

}  // namespace nd
