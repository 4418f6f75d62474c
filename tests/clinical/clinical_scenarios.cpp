// The public clinical scenario suite. Every file in scenarios/ is one diary, written from
// the seed article or cited guidance (its `source:` line), with what the matching and the
// red flags must show. This program converts each file into a Diary, runs nd::match with
// the shipped catalog, prints one table row per expectation (scenario, expected, got) and
// exits non-zero on any miss. The format is described in docs/clinical.md.
#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "enum_names.hpp"
#include "matching.hpp"
#include "red_flags.hpp"
#include "time_util.hpp"

namespace fs = std::filesystem;
using namespace nd;

namespace {

constexpr std::int64_t kDay0Utc = 1767571200;   // 2026-01-05T00:00:00Z, day 0 of every diary

struct ParseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep))
        if (!cur.empty()) out.push_back(cur);
    return out;
}

template <class E>
E parse_enum(const std::string& id, const char* what) {
    if (auto v = enum_from_id<E>(id)) return *v;
    throw ParseError(std::string("unknown ") + what + " '" + id + "'");
}

std::string uuid(int kind, long long n) {
    char buf[48];   // room for any values (-Wformat-truncation)
    std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012llx", static_cast<unsigned>(kind),
                  static_cast<unsigned long long>(n));
    return buf;
}

struct Expectation {
    std::string kind;                 // "top", "not_first", "not_top3", "fit", "all_cannot_tell", ...
    std::vector<std::string> args;
    std::string text() const {
        std::string t = kind;
        for (const auto& a : args) t += " " + a;
        return t;
    }
};

struct Scenario {
    std::string file, title, source;
    Diary diary;
    std::vector<Expectation> expect;
};

// key=value tokens of an episode line; values may not hold spaces.
std::map<std::string, std::string> tokens(std::istringstream& in) {
    std::map<std::string, std::string> kv;
    std::string tok;
    while (in >> tok) {
        const auto eq = tok.find('=');
        if (eq == std::string::npos) throw ParseError("expected key=value, found '" + tok + "'");
        kv[tok.substr(0, eq)] = tok.substr(eq + 1);
    }
    return kv;
}

Episode parse_episode(std::map<std::string, std::string> kv, long long n) {
    Episode e;
    e.id = uuid(1, n);
    const int day = std::stoi(kv.count("day") ? kv["day"] : "0");
    int hour = 10, minute = 0;
    if (kv.count("at")) std::sscanf(kv["at"].c_str(), "%d:%d", &hour, &minute);
    e.start = {kDay0Utc + day * 86400LL + hour * 3600 + minute * 60, 0};
    e.created_utc = e.updated_utc = e.start.utc;
    e.numbness = kv.count("numb") ? std::stoi(kv["numb"]) : 4;
    if (kv.count("pain")) e.pain = std::stoi(kv["pain"]);
    if (kv.count("for")) {
        if (kv["for"] == "going") e.ongoing = true;
        else e.duration_min = std::stoi(kv["for"]);
    }
    for (const auto& w : split(kv["where"], ',')) {
        const auto colon = w.find(':');
        RegionMark m;
        m.region = parse_enum<Region>(w.substr(0, colon), "region");
        m.side = colon == std::string::npos ? Side::Both : parse_enum<Side>(w.substr(colon + 1), "side");
        e.regions.push_back(m);
    }
    for (const auto& v : split(kv["feel"], ',')) e.sensations.push_back(parse_enum<Sensation>(v, "sensation"));
    for (const auto& v : split(kv["before"], ',')) e.activities.push_back(parse_enum<Activity>(v, "activity"));
    for (const auto& v : split(kv["eased"], ',')) e.reliefs.push_back(parse_enum<Relief>(v, "relief"));
    if (kv.count("after")) e.relief_after_min = std::stoi(kv["after"]);
    if (kv.count("onset")) e.onset = parse_enum<Onset>(kv["onset"], "onset");
    for (const auto& v : split(kv["signs"], ',')) e.signs.push_back(parse_enum<Sign>(v, "sign"));
    if (kv.count("night")) e.worse_at_night = kv["night"] == "yes" ? TriState::Yes : TriState::No;
    if (kv.count("walk")) e.effect_walking = std::stoi(kv["walk"]);
    if (kv.count("work")) e.effect_work = std::stoi(kv["work"]);
    if (kv.count("sleep")) e.effect_sleep = std::stoi(kv["sleep"]);
    if (kv.count("spread")) {   // from>to:speed
        const std::string sp = kv["spread"];
        const auto gt = sp.find('>');
        const auto colon = sp.find(':');
        if (gt == std::string::npos) throw ParseError("spread needs from>to[:speed]");
        e.spread = true;
        e.spread_from = parse_enum<Region>(sp.substr(0, gt), "region");
        e.spread_to = parse_enum<Region>(sp.substr(gt + 1, colon == std::string::npos ? std::string::npos : colon - gt - 1),
                                         "region");
        if (colon != std::string::npos) e.spread_speed = parse_enum<SpreadSpeed>(sp.substr(colon + 1), "spread speed");
    }
    normalize(e);
    return e;
}

Scenario parse_file(const fs::path& path) {
    Scenario sc;
    sc.file = path.stem().string();
    std::ifstream in(path);
    std::string line;
    int line_no = 0;
    long long next_episode = 1, next_checkin = 1, next_fact = 1;
    std::map<std::string, std::string> last_episode;
    try {
        while (std::getline(in, line)) {
            ++line_no;
            if (line.empty() || line[0] == '#') continue;
            std::istringstream ls(line);
            std::string head;
            ls >> head;
            auto rest = [&] {
                std::string r;
                std::getline(ls, r);
                const auto b = r.find_first_not_of(' ');
                return b == std::string::npos ? std::string() : r.substr(b);
            };
            if (head == "title:") sc.title = rest();
            else if (head == "source:") sc.source += (sc.source.empty() ? "" : " ") + rest();
            else if (head == "born") ls >> sc.diary.profile.birth_date;
            else if (head == "episode") {
                last_episode = tokens(ls);
                sc.diary.episodes.push_back(parse_episode(last_episode, next_episode++));
            } else if (head == "repeat") {   // repeat N every=D: N more copies of the last episode
                int times = 0;
                ls >> times;
                auto kv = tokens(ls);
                const int every = std::stoi(kv.count("every") ? kv["every"] : "1");
                if (last_episode.empty()) throw ParseError("repeat before any episode");
                for (int i = 0; i < times; ++i) {
                    last_episode["day"] = std::to_string(std::stoi(last_episode.count("day") ? last_episode["day"] : "0") + every);
                    sc.diary.episodes.push_back(parse_episode(last_episode, next_episode++));
                }
            } else if (head == "fact") {     // fact kind [amount=N] [since=DATE] words of the person
                std::string kind;
                ls >> kind;
                BackgroundFact f;
                f.id = uuid(3, next_fact++);
                f.kind = parse_enum<FactKind>(kind, "fact kind");
                std::string word, detail;
                while (ls >> word) {
                    if (word.rfind("amount=", 0) == 0) f.amount = std::stod(word.substr(7));
                    else if (word.rfind("since=", 0) == 0) f.since = word.substr(6);
                    else detail += (detail.empty() ? "" : " ") + word;
                }
                f.detail = detail;
                sc.diary.facts.push_back(f);
            } else if (head == "checkins") {  // checkins from=A to=B every=D symptoms=a,b
                auto kv = tokens(ls);
                const int from = std::stoi(kv["from"]), to = std::stoi(kv["to"]);
                const int every = std::stoi(kv.count("every") ? kv["every"] : "1");
                for (int d = from; d <= to; d += every) {
                    CheckIn c;
                    c.id = uuid(2, next_checkin++);
                    c.date = date_from_days(*days_since_epoch("2026-01-05") + d);
                    for (const auto& v : split(kv["symptoms"], ','))
                        c.symptoms.push_back(parse_enum<GeneralSymptom>(v, "check-in symptom"));
                    normalize(c);
                    sc.diary.checkins.push_back(c);
                }
            } else if (head == "expect") {
                Expectation x;
                ls >> x.kind;
                std::string a;
                while (ls >> a) x.args.push_back(a);
                sc.expect.push_back(x);
            } else {
                throw ParseError("unknown line '" + head + "'");
            }
        }
    } catch (const std::exception& e) {
        throw ParseError(path.filename().string() + ":" + std::to_string(line_no) + ": " + e.what());
    }
    if (sc.source.empty()) throw ParseError(path.filename().string() + ": no source: line");
    if (sc.expect.empty()) throw ParseError(path.filename().string() + ": no expectation");
    normalize(sc.diary);
    return sc;
}

const char* fit_id(Fit f) {
    switch (f) {
        case Fit::CannotTell: return "cannot_tell";
        case Fit::FitsLittle: return "fits_little";
        case Fit::FitsPartly: return "fits_partly";
        case Fit::FitsWell: return "fits_well";
    }
    return "?";
}

const char* kind_id(RedFlagKind k) {
    switch (k) {
        case RedFlagKind::StrokeSigns: return "stroke_signs";
        case RedFlagKind::SaddleOrBladder: return "saddle_or_bladder";
        case RedFlagKind::RapidSpreadOrLegWeakness: return "rapid_spread_or_leg_weakness";
        case RedFlagKind::ClimbingBothLegs: return "climbing_both_legs";
    }
    return "?";
}

std::string ranking(const MatchResult& r, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < r.causes.size() && i < n; ++i) s += (i ? "," : "") + r.causes[i].cause_id;
    return s;
}

std::string flags_text(const MatchResult& r, const Diary& d) {
    std::string s;
    for (auto it = r.red_flags.rbegin(); it != r.red_flags.rend(); ++it) {
        int number = 0;
        for (std::size_t i = 0; i < d.episodes.size(); ++i)
            if (d.episodes[i].id == it->episode_id) number = static_cast<int>(i) + 1;
        s += (s.empty() ? "" : ",") + std::string(kind_id(it->kind)) + "@" + std::to_string(number);
    }
    return s.empty() ? "none" : s;
}

// Checks one expectation; returns what was seen and whether it holds.
std::pair<std::string, bool> check(const Expectation& x, const MatchResult& r, const Diary& d) {
    auto rank_of = [&](const std::string& id) {
        for (std::size_t i = 0; i < r.causes.size(); ++i)
            if (r.causes[i].cause_id == id) return static_cast<int>(i) + 1;
        throw ParseError("unknown cause '" + id + "'");
    };
    auto cause = [&](const std::string& id) -> const CauseMatch& { return r.causes[rank_of(id) - 1]; };
    auto arg = [&](std::size_t i) {
        if (i >= x.args.size()) throw ParseError("expect " + x.kind + ": missing argument");
        return x.args[i];
    };
    if (x.kind == "top") {   // top CAUSE N: ranks within the first N
        const int rank = rank_of(arg(0));
        return {"rank " + std::to_string(rank) + " (" + ranking(r, 3) + ")", rank <= std::stoi(arg(1))};
    }
    if (x.kind == "not_first") {
        const int rank = rank_of(arg(0));
        return {"rank " + std::to_string(rank) + " (" + ranking(r, 3) + ")", rank > 1};
    }
    if (x.kind == "not_top3") {
        const int rank = rank_of(arg(0));
        return {"rank " + std::to_string(rank) + " (" + ranking(r, 3) + ")", rank > 3};
    }
    if (x.kind == "fit") {   // fit CAUSE FIT
        const std::string got = fit_id(cause(arg(0)).fit);
        return {got, got == arg(1)};
    }
    if (x.kind == "not_fit") {   // not_fit CAUSE FIT
        const std::string got = fit_id(cause(arg(0)).fit);
        return {got, got != arg(1)};
    }
    if (x.kind == "all_cannot_tell") {
        std::string bad;
        for (const auto& c : r.causes)
            if (c.fit != Fit::CannotTell) bad += (bad.empty() ? "" : ",") + c.cause_id + "=" + fit_id(c.fit);
        return {bad.empty() ? "all cannot_tell" : bad, bad.empty()};
    }
    if (x.kind == "no_flags") return {flags_text(r, d), r.red_flags.empty()};
    if (x.kind == "flag" || x.kind == "no_flag") {   // flag KIND [EPISODE#]
        bool found = false;
        for (const auto& f : r.red_flags) {
            if (kind_id(f.kind) != arg(0)) continue;
            if (x.args.size() > 1) {
                const auto n = static_cast<std::size_t>(std::stoi(x.args[1]));
                if (n == 0 || n > d.episodes.size() || d.episodes[n - 1].id != f.episode_id) continue;
            }
            found = true;
        }
        return {flags_text(r, d), x.kind == "flag" ? found : !found};
    }
    if (x.kind == "flag_count") {
        return {std::to_string(r.red_flags.size()) + " (" + flags_text(r, d) + ")",
                static_cast<int>(r.red_flags.size()) == std::stoi(arg(0))};
    }
    if (x.kind == "grouped") {   // grouped N: the flags form N groups (shown once each)
        const auto groups = group_red_flags(r.red_flags, d);
        return {std::to_string(groups.size()) + " group(s)", static_cast<int>(groups.size()) == std::stoi(arg(0))};
    }
    if (x.kind == "familiar") {   // familiar N: N repeats shown as a familiar pattern
        int n = 0;
        for (const auto& f : r.familiar_spreads) n += f.count;
        return {std::to_string(n), n == std::stoi(arg(0))};
    }
    if (x.kind == "question") {   // question EPISODE# yes|no
        const auto n = static_cast<std::size_t>(std::stoi(arg(0)));
        if (n == 0 || n > d.episodes.size()) throw ParseError("no episode " + arg(0));
        const bool asked = needs_sudden_onset_question(d.episodes[n - 1]);
        return {asked ? "yes" : "no", asked == (arg(1) == "yes")};
    }
    throw ParseError("unknown expectation '" + x.kind + "'");
}

std::string fit_cell(std::string s, std::size_t w) {
    if (s.size() > w) s = s.substr(0, w - 3) + "...";
    return s + std::string(w - s.size(), ' ');
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(ND_SCENARIO_DIR);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".diary") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Catalog catalog;
    try {
        catalog = load_default_catalog();
    } catch (const std::exception& e) {
        std::cerr << "cannot load the catalog: " << e.what() << "\n";
        return 2;
    }
    int rows = 0, misses = 0, scenarios = 0;
    std::printf("%s | %s | %s | ok\n", fit_cell("scenario", 34).c_str(), fit_cell("expected", 44).c_str(),
                fit_cell("got", 60).c_str());
    std::printf("%s\n", std::string(150, '-').c_str());
    for (const auto& path : files) {
        Scenario sc;
        try {
            sc = parse_file(path);
        } catch (const std::exception& e) {
            std::printf("%s | cannot read: %s | MISS\n", fit_cell(path.stem().string(), 34).c_str(), e.what());
            ++misses;
            continue;
        }
        ++scenarios;
        const MatchResult r = match(catalog, sc.diary);
        if (std::getenv("ND_SCENARIO_VERBOSE")) {   // the ranking with scores, for writing scenarios
            std::printf("# %s:", sc.file.c_str());
            for (std::size_t i = 0; i < r.causes.size() && i < 6; ++i)
                std::printf(" %s=%.2f(%s)", r.causes[i].cause_id.c_str(), r.causes[i].score, fit_id(r.causes[i].fit));
            std::printf("\n");
        }
        for (const auto& x : sc.expect) {
            ++rows;
            std::string got;
            bool ok = false;
            try {
                std::tie(got, ok) = check(x, r, sc.diary);
            } catch (const std::exception& e) {
                got = std::string("error: ") + e.what();
            }
            if (!ok) ++misses;
            std::printf("%s | %s | %s | %s\n", fit_cell(sc.file, 34).c_str(), fit_cell(x.text(), 44).c_str(),
                        fit_cell(got, 60).c_str(), ok ? "ok" : "MISS");
        }
    }
    std::printf("\n%d scenarios, %d expectations, %d missed\n", scenarios, rows, misses);
    if (scenarios < 40) {
        std::printf("the suite needs at least 40 scenarios (found %d)\n", scenarios);
        return 1;
    }
    return misses == 0 ? 0 : 1;
}
