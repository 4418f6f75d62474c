#include "csv_export.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "atomic_file.hpp"
#include "enum_names.hpp"
#include "red_flags.hpp"
#include "serialization.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxNoteBytes = 64 * 1024;
constexpr std::int64_t kMaxMinutes = 60LL * 24 * 366;   // a year

bool is_formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// True when `s` is ' repeated n >= min_quotes times and then a formula character.
bool quotes_then_formula(std::string_view s, std::size_t min_quotes) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\'') ++i;
    return i >= min_quotes && i < s.size() && is_formula_start(s[i]);
}

std::string guard_formula(const std::string& text) {
    if (quotes_then_formula(text, 0)) return "'" + text;
    return text;
}

std::string unguard_formula(std::string text) {
    if (quotes_then_formula(text, 1)) text.erase(0, 1);
    return text;
}

std::string iso_utc(std::int64_t utc) { return format_iso8601(LocalTime{utc, 0}); }

template <class E>
std::string join_list(const std::vector<E>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ';';
        out += enum_id(v);
    }
    return out;
}

std::string join_regions(const std::vector<RegionMark>& marks) {
    std::string out;
    for (const auto& m : marks) {
        if (!out.empty()) out += ';';
        out += enum_id(m.side);
        out += ':';
        out += enum_id(m.region);
    }
    return out;
}

std::string opt_int(const std::optional<std::int32_t>& v) { return v ? std::to_string(*v) : std::string(); }

std::vector<std::string> episode_fields(const Episode& e) {
    return {
        e.id,
        format_iso8601(e.start),
        opt_int(e.duration_min),
        e.ongoing ? "yes" : "no",
        join_regions(e.regions),
        join_list(e.sensations),
        opt_int(e.numbness),   // empty: not rated
        opt_int(e.pain),
        join_list(e.activities),
        join_list(e.reliefs),
        opt_int(e.relief_after_min),
        std::string(enum_id(e.onset)),
        e.spread ? "yes" : "no",
        e.spread_from ? std::string(enum_id(*e.spread_from)) : std::string(),
        e.spread_to ? std::string(enum_id(*e.spread_to)) : std::string(),
        std::string(enum_id(e.spread_speed)),
        join_list(e.signs),
        std::string(enum_id(e.worse_at_night)),
        std::to_string(e.effect_walking),
        std::to_string(e.effect_sleep),
        std::to_string(e.effect_work),
        guard_formula(e.note),
        iso_utc(e.created_utc),
        iso_utc(e.updated_utc),
    };
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_quote(fields[i]);
    }
    out += "\r\n";
}

// ---- Parsing ----------------------------------------------------------------

struct Record {
    int row = 0;   // 1-based record number (the header is 1)
    std::vector<std::string> fields;
};

// More fields than this in one row is an error (the diary's columns are far fewer).
constexpr std::size_t kMaxCsvFields = 256;
// A field longer than this is refused without being kept (a note holds at most
// 64 KB): a file with no line end must not become one huge string.
constexpr std::size_t kMaxCsvFieldBytes = 1024 * 1024;

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;
        i += len;
    }
    return true;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string quoted(std::string_view s) {
    std::string out = "\"";
    out += s.size() > 60 ? std::string(s.substr(0, 57)) + "..." : std::string(s);
    out += '"';
    return out;
}

template <class E>
std::string known_ids() {
    std::string out;
    for (const auto& e : enum_entries<E>()) {
        if (!out.empty()) out += ", ";
        out += e.id;
    }
    return out;
}

// Collects the problems of one row, by column.
class RowReader {
public:
    RowReader(int row, std::vector<CsvProblem>& problems) : row_(row), problems_(problems) {}

    void problem(const std::string& column, std::string text) {
        problems_.push_back({row_, column, std::move(text)});
    }

    std::optional<long long> integer(const std::string& column, const std::string& raw, long long lo,
                                     long long hi, const char* meaning) {
        const std::string s = trim(raw);
        long long v = 0;
        const auto* first = s.data();
        const auto* last = s.data() + s.size();
        const auto res = std::from_chars(first, last, v);
        if (s.empty() || res.ec != std::errc{} || res.ptr != last || v < lo || v > hi) {
            problem(column, column + " must be a whole number from " + std::to_string(lo) + " to " +
                                std::to_string(hi) + meaning + ", found " + quoted(raw));
            return std::nullopt;
        }
        return v;
    }

    int score(const std::string& column, const std::string& raw, int hi, const char* meaning = "") {
        if (trim(raw).empty()) return 0;
        const auto v = integer(column, raw, 0, hi, meaning);
        return v ? static_cast<int>(*v) : 0;
    }

    // A 0..10 rating; empty means "not rated" (kept unset, never read as 0).
    std::optional<int> rating(const std::string& column, const std::string& raw) {
        if (trim(raw).empty()) return std::nullopt;
        const auto v = integer(column, raw, 0, 10, "");
        if (!v) return std::nullopt;
        return static_cast<int>(*v);
    }

    std::optional<std::int32_t> minutes(const std::string& column, const std::string& raw) {
        if (trim(raw).empty()) return std::nullopt;
        const auto v = integer(column, raw, 0, kMaxMinutes, " (minutes)");
        if (!v) return std::nullopt;
        return static_cast<std::int32_t>(*v);
    }

    bool yes_no(const std::string& column, const std::string& raw) {
        const std::string s = lower(trim(raw));
        if (s.empty() || s == "no" || s == "false" || s == "0") return false;
        if (s == "yes" || s == "true" || s == "1") return true;
        problem(column, column + " must be yes or no, found " + quoted(raw));
        return false;
    }

    template <class E>
    std::optional<E> one(const std::string& column, const std::string& raw, bool allow_empty) {
        const std::string s = lower(trim(raw));
        if (s.empty()) {
            if (!allow_empty) problem(column, column + " is empty; use one of: " + known_ids<E>());
            return std::nullopt;
        }
        auto v = enum_from_id<E>(s);
        if (!v) problem(column, "unknown value " + quoted(raw) + " in " + column + "; use one of: " + known_ids<E>());
        return v;
    }

    template <class E>
    std::vector<E> list(const std::string& column, const std::string& raw) {
        std::vector<E> out;
        for (const auto& part : split(raw)) {
            auto v = enum_from_id<E>(lower(part));
            if (!v) {
                problem(column, "unknown value " + quoted(part) + " in " + column + "; use one or more of: " +
                                    known_ids<E>() + " (joined with ;)");
                continue;
            }
            out.push_back(*v);
        }
        return out;
    }

    std::vector<RegionMark> regions(const std::string& column, const std::string& raw) {
        std::vector<RegionMark> out;
        for (const auto& part : split(raw)) {
            RegionMark m;
            std::string region_text = part;
            const auto colon = part.find(':');
            if (colon != std::string::npos) {
                const std::string side_text = lower(trim(std::string_view(part).substr(0, colon)));
                region_text = trim(std::string_view(part).substr(colon + 1));
                auto side = enum_from_id<Side>(side_text);
                if (!side) {
                    problem(column, "unknown side " + quoted(side_text) + " in " + quoted(part) +
                                        "; use one of: " + known_ids<Side>());
                    continue;
                }
                m.side = *side;
            }
            auto region = enum_from_id<Region>(lower(region_text));
            if (!region) {
                problem(column, "unknown body region " + quoted(region_text) + "; write side:region, e.g. "
                                "left:toes; regions: " + known_ids<Region>());
                continue;
            }
            m.region = *region;
            out.push_back(m);
        }
        return out;
    }

    std::optional<LocalTime> time(const std::string& column, const std::string& raw, std::int32_t default_offset) {
        const std::string s = trim(raw);
        auto t = parse_iso8601(s, default_offset);
        if (!t)
            problem(column, column + " must be a date and time like 2026-03-01T08:30:00+01:00 or "
                                     "2026-03-01 08:30, found " + quoted(raw));
        return t;
    }

private:
    static std::vector<std::string> split(const std::string& raw) {
        std::vector<std::string> parts;
        std::string_view rest = raw;
        while (true) {
            const auto semi = rest.find(';');
            std::string part = trim(rest.substr(0, semi));
            if (!part.empty()) parts.push_back(std::move(part));
            if (semi == std::string_view::npos) break;
            rest.remove_prefix(semi + 1);
        }
        return parts;
    }

    int row_;
    std::vector<CsvProblem>& problems_;
};

}  // namespace

std::string csv_quote(std::string_view field) {
    const bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs) return std::string(field);
    std::string out;
    out.reserve(field.size() + 2);
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

namespace {

// csv_quote, appended in place (no temporary per field).
void append_quoted(std::string& out, std::string_view field) {
    const bool needs = field.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!needs) {
        out.append(field);
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

namespace {

template <class E>
void append_labels(std::string& out, const std::vector<E>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += "; ";
        out += enum_label(values[i]);
    }
}

void append_region_labels(std::string& out, const std::vector<RegionMark>& marks) {
    for (std::size_t i = 0; i < marks.size(); ++i) {
        if (i) out += "; ";
        std::string d = describe(marks[i]);
        if (!d.empty() && d[0] >= 'a' && d[0] <= 'z') d[0] = static_cast<char>(d[0] - 'a' + 'A');
        out += d;
    }
}

// The header: the machine columns, each derived one right after the column it explains.
std::vector<std::string> header_columns(bool labels) {
    std::vector<std::string> out;
    for (const char* c : kCsvColumns) {
        out.emplace_back(c);
        if (!labels) continue;
        const std::string_view col(c);
        if (col == "regions" || col == "sensations" || col == "activities" || col == "reliefs" || col == "signs")
            out.push_back(std::string(col) + "_label");
        if (col == "signs") out.emplace_back("red_flags");
    }
    return out;
}

// "Title: reason, reason | Title: reason" for each episode id that raises a flag.
std::map<std::string, std::string> red_flag_texts(const Diary& d) {
    std::map<std::string, std::string> out;
    for (const RedFlag& f : red_flags_in(d)) {
        std::string text = f.title;
        for (std::size_t i = 0; i < f.reasons.size(); ++i) text += (i ? ", " : ": ") + f.reasons[i];
        std::string& cell = out[f.episode_id];
        cell += (cell.empty() ? "" : " | ") + text;
    }
    return out;
}

}  // namespace

void write_episodes_csv(ByteSink& out, const std::vector<Episode>& episodes, const CsvOptions& options,
                        const Diary* judged_in) {
    std::vector<const Episode*> rows;
    for (const auto& e : episodes)
        if (!is_deleted(e)) rows.push_back(&e);
    std::stable_sort(rows.begin(), rows.end(), [](const Episode* a, const Episode* b) {
        return a->start.utc != b->start.utc ? a->start.utc < b->start.utc : a->id < b->id;
    });
    std::map<std::string, std::string> flags;
    if (options.labels) {
        if (judged_in) {
            flags = red_flag_texts(*judged_in);
        } else {
            Diary alone;
            alone.episodes = episodes;
            flags = red_flag_texts(alone);
        }
    }

    // Rows are gathered in a chunk of about 64 KiB, then handed to the sink.
    constexpr std::size_t kChunk = 64 * 1024;
    std::string chunk;
    chunk.reserve(kChunk + 4096);
    if (options.bom) chunk += kBom;
    append_row(chunk, header_columns(options.labels));
    Episode copy;
    std::string label;
    for (const Episode* e : rows) {
        copy = *e;
        normalize(copy);
        const std::vector<std::string> fields = episode_fields(copy);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) chunk += ',';
            append_quoted(chunk, fields[i]);
            if (!options.labels) continue;
            // The derived columns after their machine column (header_columns' order).
            const std::string_view col = kCsvColumns[i];
            label.clear();
            if (col == "regions") append_region_labels(label, copy.regions);
            else if (col == "sensations") append_labels(label, copy.sensations);
            else if (col == "activities") append_labels(label, copy.activities);
            else if (col == "reliefs") append_labels(label, copy.reliefs);
            else if (col == "signs") append_labels(label, copy.signs);
            else continue;
            chunk += ',';
            append_quoted(chunk, guard_formula(label));
            if (col == "signs") {
                chunk += ',';
                const auto it = flags.find(copy.id);
                if (it != flags.end()) append_quoted(chunk, guard_formula(it->second));
            }
        }
        chunk += "\r\n";
        if (chunk.size() >= kChunk) {
            out.write(chunk);
            chunk.clear();
        }
    }
    if (!chunk.empty()) out.write(chunk);
}

std::string episodes_to_csv(const std::vector<Episode>& episodes, const CsvOptions& options) {
    std::string out;
    StringSink sink(out);
    write_episodes_csv(sink, episodes, options);
    return out;
}

struct CsvEpisodeReader::Impl {
    CsvImportOptions options;
    Add add;
    CsvImportResult result;
    std::int64_t now = 0;
    std::uint64_t bytes = 0;
    bool stopped = false;        // the error cap, or the file refused as a whole
    std::size_t bom_seen = 0;    // bytes of the start compared with the BOM so far
    std::string bom_held;

    // Parser state (RFC 4180, LF accepted as a line end too).
    Record rec{1, {}};
    std::string field;
    bool in_quotes = false;
    bool was_quoted = false;     // the current field was quoted (then only , or EOL may follow)
    bool just_closed = false;    // the last character closed a quoted field ("" continues it)
    bool pending_cr = false;     // a CR ended the record; a LF right after it belongs to it
    bool bad_row = false;
    bool field_too_long = false;
    int row = 1;

    // Header.
    bool have_header = false;
    std::size_t header_fields = 0;
    std::map<std::string, std::size_t> column_of;
    std::vector<std::string> names;
    std::size_t records = 0;     // records seen (the header included)

    std::vector<CsvProblem>& problems() { return result.problems; }
    bool full() {
        if (problems().size() >= options.max_errors) {
            result.truncated = true;
            stopped = true;
        }
        return stopped;
    }
    void problem(int at, std::string column, std::string text) {
        if (full()) return;
        problems().push_back({at, std::move(column), std::move(text)});
        full();
    }

    void end_field() {
        // A row wider than any diary export is refused at once, without keeping
        // its fields: a million commas must not cost a million strings.
        if (rec.fields.size() >= kMaxCsvFields) {
            if (!bad_row)
                problem(rec.row, "", "this row has more than " + std::to_string(kMaxCsvFields) +
                                         " fields; a diary CSV has " + std::to_string(std::size(kCsvColumns)));
            bad_row = true;
        } else if (!bad_row) {
            rec.fields.push_back(std::move(field));
        }
        field.clear();
        was_quoted = false;
        field_too_long = false;
    }
    void end_record() {
        end_field();
        const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!blank && !bad_row) take(rec);
        rec.fields.clear();
        ++row;
        rec.row = row;
        bad_row = false;
    }
    void append(char c) {
        if (field.size() >= kMaxCsvFieldBytes) {
            if (!field_too_long && !bad_row)
                problem(rec.row, "", "a field is longer than " + std::to_string(kMaxCsvFieldBytes / 1024) +
                                         " KB (a note holds at most 64 KB); is a closing quote missing?");
            field_too_long = true;
            bad_row = true;
            return;
        }
        field += c;
    }

    void parse(std::string_view text) {
        for (std::size_t i = 0; i < text.size() && !stopped; ++i) {
            const char c = text[i];
            if (pending_cr) {
                pending_cr = false;
                if (c == '\n') continue;
            }
            if (just_closed) {
                just_closed = false;
                if (c == '"') {   // "" inside a quoted field: one quote, still inside
                    append('"');
                    in_quotes = true;
                    continue;
                }
            }
            if (in_quotes) {
                if (c == '"') {
                    in_quotes = false;
                    just_closed = true;
                } else {
                    append(c);
                }
                continue;
            }
            if (c == ',') {
                end_field();
            } else if (c == '\r') {
                end_record();
                pending_cr = true;
            } else if (c == '\n') {
                end_record();
            } else if (c == '"') {
                if (!field.empty() || was_quoted) {
                    if (!bad_row)
                        problem(rec.row, "", "a double quote inside a field that is not quoted; quote the "
                                             "whole field and double the quote (\"\")");
                    bad_row = true;
                } else {
                    in_quotes = true;
                    was_quoted = true;
                }
            } else {
                if (was_quoted) {
                    if (!bad_row) problem(rec.row, "", "text after the closing quote of a field");
                    bad_row = true;
                }
                append(c);
            }
        }
    }

    void take(const Record& r) {
        ++records;
        if (!have_header) {
            have_header = true;
            header(r);
            return;
        }
        if (stopped || full()) return;
        if (!column_of.count("start")) return;   // the header was refused
        convert(r);
    }

    void header(const Record& h) {
        if (h.row != 1) {
            problem(1, "", "the first row must name the columns (id, start, ...)");
            stopped = true;
            return;
        }
        header_fields = h.fields.size();
        const std::size_t before = problems().size();
        for (std::size_t i = 0; i < h.fields.size(); ++i) {
            if (full()) return;
            const std::string name = lower(trim(h.fields[i]));
            names.push_back(name);
            if (!valid_utf8(name)) {
                problem(1, "", "a column name is not UTF-8 text; save the file as UTF-8");
                continue;
            }
            const bool known = std::find_if(std::begin(kCsvColumns), std::end(kCsvColumns),
                                            [&](const char* c) { return name == c; }) != std::end(kCsvColumns);
            const bool derived = std::find_if(std::begin(kCsvDerivedColumns), std::end(kCsvDerivedColumns),
                                              [&](const char* c) { return name == c; }) != std::end(kCsvDerivedColumns);
            if (derived) continue;   // labels and red flags: for people; the codes are what is read
            if (!known) {
                std::string all;
                for (const char* c : kCsvColumns) all += std::string(all.empty() ? "" : ", ") + c;
                problem(1, name, "unknown column " + quoted(h.fields[i]) + "; the columns are: " + all);
                continue;
            }
            if (column_of.count(name)) {
                problem(1, name, "the column " + name + " appears twice");
                continue;
            }
            column_of[name] = i;
        }
        if (!column_of.count("start")) problem(1, "start", "the column start (date and time) is missing");
        // A header with a problem: the rows cannot be read against it.
        if (problems().size() != before) {
            column_of.clear();
            stopped = true;
        }
    }

    void convert(const Record& rec) {
        std::vector<CsvProblem>& problems = result.problems;
        const std::size_t before = problems.size();
        RowReader rd(rec.row, problems);
        if (rec.fields.size() != header_fields) {
            rd.problem("", "this row has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                               std::to_string(header_fields) +
                               " (a comma inside a note needs the note in double quotes)");
            full();
            return;
        }
        bool utf8_ok = true;
        for (std::size_t i = 0; i < rec.fields.size(); ++i) {
            if (!valid_utf8(rec.fields[i])) {
                rd.problem(names[i], names[i] + " is not UTF-8 text; save the file as UTF-8");
                utf8_ok = false;
            }
        }
        if (!utf8_ok) {
            cap();
            return;
        }
        const CsvImportOptions& options = this->options;
        bool id_given = false;
        auto get = [&](const char* name) -> std::string {
            const auto it = column_of.find(name);
            return it == column_of.end() ? std::string() : rec.fields[it->second];
        };

        Episode e;
        e.id = trim(get("id"));
        if (e.id.empty()) {
            e.id = new_uuid();
        } else {
            e.id = lower(e.id);
            id_given = true;
            if (!is_uuid(e.id)) rd.problem("id", "id must be a UUID like 0b7c...-... or empty, found " + quoted(e.id));
        }
        if (auto t = rd.time("start", get("start"), options.default_offset_min)) e.start = *t;
        e.duration_min = rd.minutes("duration_min", get("duration_min"));
        e.ongoing = rd.yes_no("ongoing", get("ongoing"));
        if (e.ongoing && e.duration_min)
            rd.problem("duration_min", "an episode that is still going (ongoing yes) has no duration yet");
        e.regions = rd.regions("regions", get("regions"));
        e.sensations = rd.list<Sensation>("sensations", get("sensations"));
        e.numbness = rd.rating("numbness", get("numbness"));
        e.pain = rd.rating("pain", get("pain"));
        e.activities = rd.list<Activity>("activities", get("activities"));
        e.reliefs = rd.list<Relief>("reliefs", get("reliefs"));
        e.relief_after_min = rd.minutes("relief_after_min", get("relief_after_min"));
        e.onset = rd.one<Onset>("onset", get("onset"), true).value_or(Onset::Unknown);
        e.spread = rd.yes_no("spread", get("spread"));
        e.spread_from = rd.one<Region>("spread_from", get("spread_from"), true);
        e.spread_to = rd.one<Region>("spread_to", get("spread_to"), true);
        e.spread_speed = rd.one<SpreadSpeed>("spread_speed", get("spread_speed"), true).value_or(SpreadSpeed::Unknown);
        e.signs = rd.list<Sign>("signs", get("signs"));
        e.worse_at_night = rd.one<TriState>("worse_at_night", get("worse_at_night"), true).value_or(TriState::Unknown);
        const char* effect_meaning = " (0 none, 1 a little, 2 a lot, 3 could not)";
        e.effect_walking = rd.score("effect_walking", get("effect_walking"), 3, effect_meaning);
        e.effect_sleep = rd.score("effect_sleep", get("effect_sleep"), 3, effect_meaning);
        e.effect_work = rd.score("effect_work", get("effect_work"), 3, effect_meaning);
        e.note = unguard_formula(get("note"));
        if (e.note.size() > kMaxNoteBytes)
            rd.problem("note", "the note is longer than " + std::to_string(kMaxNoteBytes / 1024) + " KB");
        const std::string created = trim(get("created"));
        const std::string updated = trim(get("updated"));
        e.created_utc = now;
        e.updated_utc = now;
        if (!created.empty()) {
            if (auto t = rd.time("created", created, 0)) e.created_utc = t->utc;
        }
        if (!updated.empty()) {
            if (auto t = rd.time("updated", updated, 0)) e.updated_utc = t->utc;
        } else if (!created.empty()) {
            e.updated_utc = e.created_utc;
        }
        normalize(e);
        // The store's own rules too (times within 1900..2199, ...): an import must
        // never return an episode that saving would then refuse.
        try {
            validate(e);
        } catch (const ImportError& err) {
            rd.problem("", err.what());
        }
        if (problems.size() == before) {
            const std::string why = add(std::move(e), id_given);
            if (!why.empty()) rd.problem("id", why);
        }
        cap();
    }
    // The cap covers every kind of problem; a row may add several at once.
    void cap() {
        if (result.problems.size() > options.max_errors) result.problems.resize(options.max_errors);
        full();
    }

    void feed(std::string_view chunk) {
        if (stopped) return;
        bytes += chunk.size();
        if (bytes > options.max_bytes) {
            problem(0, "", "the file is larger than " + std::to_string(options.max_bytes / (1024 * 1024)) +
                               " MB; split it into smaller files");
            stopped = true;
            return;
        }
        // The byte order mark, possibly split across pieces.
        while (bom_seen < kBom.size() && !chunk.empty()) {
            if (chunk[0] != kBom[bom_seen]) {
                const std::string held = std::move(bom_held);
                bom_held.clear();
                bom_seen = kBom.size();
                parse(held);
                break;
            }
            bom_held += chunk[0];
            chunk.remove_prefix(1);
            if (++bom_seen == kBom.size()) bom_held.clear();
        }
        if (bom_seen < kBom.size()) return;
        parse(chunk);
    }

    void finish() {
        if (!bom_held.empty()) {
            const std::string held = std::move(bom_held);
            bom_held.clear();
            bom_seen = kBom.size();
            parse(held);
        }
        if (stopped) return;
        if (in_quotes) {
            problem(rec.row, "", "a quoted field is not closed before the end of the file");
            return;
        }
        if (!field.empty() || !rec.fields.empty() || was_quoted) end_record();
        if (records == 0 && problems().empty()) problem(0, "", "the file is empty; the first row must name the columns");
    }
};

CsvEpisodeReader::CsvEpisodeReader(const CsvImportOptions& options, Add add) : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
    impl_->add = std::move(add);
    impl_->now = options.now_utc != 0 ? options.now_utc : now_utc_seconds();
}
CsvEpisodeReader::~CsvEpisodeReader() = default;
void CsvEpisodeReader::feed(std::string_view bytes) { impl_->feed(bytes); }
void CsvEpisodeReader::finish() { impl_->finish(); }
bool CsvEpisodeReader::stopped() const { return impl_->stopped; }
const CsvImportResult& CsvEpisodeReader::result() const { return impl_->result; }

CsvImportResult csv_to_episodes(std::string_view csv, const CsvImportOptions& options) {
    std::vector<Episode> episodes;
    std::set<std::string> seen_ids;
    CsvEpisodeReader reader(options, [&](Episode&& e, bool id_given) -> std::string {
        if (id_given && !seen_ids.insert(e.id).second) return "the id " + e.id + " is used by an earlier row";
        episodes.push_back(std::move(e));
        return {};
    });
    if (csv.size() > options.max_bytes) {
        CsvImportResult r;
        r.problems.push_back({0, "", "the file is larger than " + std::to_string(options.max_bytes / (1024 * 1024)) +
                                         " MB; split it into smaller files"});
        return r;
    }
    reader.feed(csv);
    reader.finish();
    CsvImportResult result = reader.result();
    if (!result.problems.empty()) return result;   // all or nothing
    std::sort(episodes.begin(), episodes.end(), [](const Episode& a, const Episode& b) {
        return a.start.utc != b.start.utc ? a.start.utc < b.start.utc : a.id < b.id;
    });
    result.episodes = std::move(episodes);
    return result;
}

std::string format_problems(const CsvImportResult& r) {
    std::string out;
    for (const auto& p : r.problems) {
        if (p.row > 0) out += "Row " + std::to_string(p.row);
        else out += "File";
        if (!p.column.empty()) out += ", column " + p.column;
        out += ": " + p.problem + "\n";
    }
    if (r.truncated) out += "(more problems not listed; fix these first)\n";
    return out;
}

}  // namespace nd
