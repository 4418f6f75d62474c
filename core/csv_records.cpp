#include "csv_records.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "enum_names.hpp"
#include "time_util.hpp"

namespace nd {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// The same guard as the episode CSV: a leading ' before text a spreadsheet would run.
std::string guard(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\'') ++i;
    if (i < s.size() && is_formula_start(s[i])) return "'" + s;
    return s;
}
std::string unguard(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\'') ++i;
    if (i >= 1 && i < s.size() && is_formula_start(s[i])) return s.substr(1);
    return s;
}

std::string utc(std::int64_t t) { return format_iso8601(LocalTime{t, 0}); }

void row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_quote(fields[i]);
    }
    out += "\r\n";
}

template <class E>
std::string ids(const std::vector<E>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ";") + std::string(enum_id(x));
    return out;
}
template <class E>
std::string labels(const std::vector<E>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : "; ") + std::string(enum_label(x));
    return out;
}

// RFC 4180 rows (CRLF or LF); false when a quoted field is not closed.
bool parse(std::string_view csv, std::vector<std::vector<std::string>>& rows) {
    if (csv.substr(0, kBom.size()) == kBom) csv.remove_prefix(kBom.size());
    std::vector<std::string> cur;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < csv.size() && csv[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            quoted = true;
            any = true;
        } else if (c == ',') {
            cur.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                cur.push_back(std::move(field));
                rows.push_back(std::move(cur));
            }
            cur.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (quoted) return false;
    if (any || !field.empty()) {
        cur.push_back(std::move(field));
        rows.push_back(std::move(cur));
    }
    return true;
}

// Rows as maps by header name, with the problems of the shape.
struct Table {
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<CsvProblem> problems;   // at most `cap`
    bool truncated = false;             // stopped at the cap
};
Table table(std::string_view csv, std::initializer_list<const char*> required, std::size_t cap) {
    Table t;
    std::vector<std::vector<std::string>> raw;
    if (!parse(csv, raw)) {
        t.problems.push_back({0, "", "a quoted field is not closed"});
        return t;
    }
    if (raw.empty()) {
        t.problems.push_back({1, "", "the file is empty (no header row)"});
        return t;
    }
    const auto& header = raw.front();
    auto full = [&] {
        if (t.problems.size() >= cap) t.truncated = true;
        return t.truncated;
    };
    for (const char* r : required)
        if (!full() && std::find(header.begin(), header.end(), r) == header.end())
            t.problems.push_back({1, r, std::string("the column ") + r + " is missing"});
    for (std::size_t i = 1; i < raw.size(); ++i) {
        if (raw[i].size() != header.size()) {
            if (full()) break;
            t.problems.push_back({static_cast<int>(i + 1), "",
                                  "has " + std::to_string(raw[i].size()) + " fields, the header " +
                                      std::to_string(header.size())});
            continue;
        }
        std::map<std::string, std::string> m;
        for (std::size_t k = 0; k < header.size(); ++k) m[header[k]] = raw[i][k];
        t.rows.push_back(std::move(m));
    }
    return t;
}

struct RowReader {
    const std::map<std::string, std::string>& m;
    int row;
    std::vector<CsvProblem>& problems;
    std::string get(const char* k) const {
        const auto it = m.find(k);
        return it == m.end() ? std::string() : it->second;
    }
    void problem(const char* col, const std::string& what) { problems.push_back({row, col, what}); }
    std::int64_t time(const char* k) {
        const std::string v = get(k);
        if (v.empty()) return 0;
        const auto t = parse_iso8601(v);
        if (!t) {
            problem(k, "\"" + v + "\" is not an ISO 8601 time");
            return 0;
        }
        return t->utc;
    }
    LocalDate date(const char* k, bool optional) {
        const std::string v = get(k);
        if (v.empty() && optional) return v;
        if (!is_valid_date(v)) problem(k, "\"" + v + "\" is not a date (YYYY-MM-DD)");
        return v;
    }
    template <class E>
    E one(const char* k, E fallback) {
        const std::string v = get(k);
        if (v.empty()) return fallback;
        if (auto e = enum_from_id<E>(v)) return *e;
        problem(k, "\"" + v + "\" is not one of the known ids");
        return fallback;
    }
    template <class E>
    std::vector<E> list(const char* k) {
        std::vector<E> out;
        std::string v = get(k);
        std::replace(v.begin(), v.end(), ';', ',');
        if (v.empty()) return out;
        if (auto l = split_ids<E>(v)) return *l;
        problem(k, "\"" + get(k) + "\" holds an unknown id");
        return out;
    }
    std::string id() {
        std::string v = get("id");
        if (v.empty()) return new_uuid();
        if (!is_uuid(v)) problem("id", "\"" + v + "\" is not a UUID");
        return v;
    }
};

template <class T, class Read>
CsvRecords<T> read_all(std::string_view csv, std::initializer_list<const char*> required, Read read) {
    // The episode import's documented cap (csv_export.hpp) covers every kind of
    // problem here too: the header, the rows' shape and their values.
    const std::size_t cap = CsvImportOptions{}.max_errors;
    CsvRecords<T> out;
    Table t = table(csv, required, cap);
    out.problems = std::move(t.problems);
    out.truncated = t.truncated;
    for (std::size_t i = 0; i < t.rows.size() && !out.truncated; ++i) {
        if (out.problems.size() >= cap) {   // rows left unread: there may be more
            out.truncated = true;
            break;
        }
        RowReader r{t.rows[i], static_cast<int>(i + 2), out.problems};
        T rec = read(r);
        out.records.push_back(std::move(rec));
    }
    if (out.problems.size() > cap) {   // a row may add several at once
        out.problems.resize(cap);
        out.truncated = true;
    }
    if (!out.problems.empty()) out.records.clear();
    return out;
}

}  // namespace

std::string checkins_to_csv(const std::vector<CheckIn>& checkins, const CsvOptions& options) {
    std::string out(options.bom ? kBom : "");
    row(out, {"id", "date", "no_numbness", "symptoms", "symptoms_label", "note", "created", "updated"});
    std::vector<const CheckIn*> rows;
    for (const auto& c : checkins)
        if (!c.deleted_utc) rows.push_back(&c);
    std::stable_sort(rows.begin(), rows.end(),
                     [](const CheckIn* a, const CheckIn* b) { return a->date != b->date ? a->date < b->date : a->id < b->id; });
    for (const CheckIn* c : rows)
        row(out, {c->id, c->date, c->no_numbness ? "yes" : "no", ids(c->symptoms), labels(c->symptoms), guard(c->note),
                  utc(c->created_utc), utc(c->updated_utc)});
    return out;
}

std::string medicines_to_csv(const std::vector<Medicine>& medicines, const CsvOptions& options) {
    std::string out(options.bom ? kBom : "");
    row(out, {"id", "name", "dose", "when_taken", "since", "helped", "helped_label", "note", "created", "updated"});
    for (const auto& m : medicines) {
        if (m.deleted_utc) continue;
        row(out, {m.id, guard(m.name), guard(m.dose), guard(m.when_taken), m.since, std::string(enum_id(m.helped)),
                  m.helped == TriState::Yes ? "Helped" : m.helped == TriState::No ? "Did not help" : "Not noted",
                  guard(m.note), utc(m.created_utc), utc(m.updated_utc)});
    }
    return out;
}

std::string background_to_csv(const std::vector<BackgroundFact>& facts, const CsvOptions& options) {
    std::string out(options.bom ? kBom : "");
    row(out, {"id", "kind", "kind_label", "detail", "since", "amount", "created", "updated"});
    for (const auto& f : facts) {
        if (f.deleted_utc) continue;
        std::string amount;
        if (f.amount) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", *f.amount);
            amount = buf;
        }
        row(out, {f.id, std::string(enum_id(f.kind)), std::string(enum_label(f.kind)), guard(f.detail), f.since, amount,
                  utc(f.created_utc), utc(f.updated_utc)});
    }
    return out;
}

CsvRecords<CheckIn> csv_to_checkins(std::string_view csv) {
    return read_all<CheckIn>(csv, {"date"}, [](RowReader& r) {
        CheckIn c;
        c.id = r.id();
        c.date = r.date("date", false);
        const std::string nn = r.get("no_numbness");
        if (nn != "yes" && nn != "no" && !nn.empty()) r.problem("no_numbness", "must be yes or no");
        c.no_numbness = nn == "yes";
        c.symptoms = r.list<GeneralSymptom>("symptoms");
        c.note = unguard(r.get("note"));
        c.created_utc = r.time("created");
        c.updated_utc = r.time("updated");
        normalize(c);
        return c;
    });
}

CsvRecords<Medicine> csv_to_medicines(std::string_view csv) {
    return read_all<Medicine>(csv, {"name"}, [](RowReader& r) {
        Medicine m;
        m.id = r.id();
        m.name = unguard(r.get("name"));
        if (m.name.empty()) r.problem("name", "a medicine needs a name");
        m.dose = unguard(r.get("dose"));
        m.when_taken = unguard(r.get("when_taken"));
        m.since = r.date("since", true);
        m.helped = r.one<TriState>("helped", TriState::Unknown);
        m.note = unguard(r.get("note"));
        m.created_utc = r.time("created");
        m.updated_utc = r.time("updated");
        return m;
    });
}

CsvRecords<BackgroundFact> csv_to_background(std::string_view csv) {
    return read_all<BackgroundFact>(csv, {"kind"}, [](RowReader& r) {
        BackgroundFact f;
        f.id = r.id();
        f.kind = r.one<FactKind>("kind", FactKind::OtherDiagnosis);
        f.detail = unguard(r.get("detail"));
        f.since = r.date("since", true);
        const std::string a = r.get("amount");
        if (!a.empty()) {
            char* end = nullptr;
            const double v = std::strtod(a.c_str(), &end);
            if (end && *end == '\0') f.amount = v;
            else r.problem("amount", "\"" + a + "\" is not a number");
        }
        f.created_utc = r.time("created");
        f.updated_utc = r.time("updated");
        return f;
    });
}

}  // namespace nd
