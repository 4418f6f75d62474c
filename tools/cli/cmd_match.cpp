// `numbness-diary-cli match`: the causes ranked against the diary, red flags first, as text or JSON.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <map>

#include "catalog.hpp"
#include "cli.hpp"
#include "matching.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

const char* kind_id(nd::RedFlagKind k) {
    switch (k) {
        case nd::RedFlagKind::StrokeSigns: return "stroke_signs";
        case nd::RedFlagKind::SaddleOrBladder: return "saddle_or_bladder";
        case nd::RedFlagKind::RapidSpreadOrLegWeakness: return "rapid_spread_or_leg_weakness";
        case nd::RedFlagKind::ClimbingBothLegs: return "climbing_both_legs";
    }
    return "unknown";
}

const char* fit_id(nd::Fit f) {
    switch (f) {
        case nd::Fit::CannotTell: return "cannot_tell";
        case nd::Fit::FitsLittle: return "fits_little";
        case nd::Fit::FitsPartly: return "fits_partly";
        case nd::Fit::FitsWell: return "fits_well";
    }
    return "unknown";
}

std::string count_text(const nd::EvidenceLine& ev) {
    std::string out;
    auto add = [&](std::size_t n, const char* one, const char* many) {
        if (n == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(ev.episode_indices.size(), "episode", "episodes");
    add(ev.fact_ids.size(), "background record", "background records");
    return out.empty() ? "" : "  [" + out + "]";
}

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void write_string(Writer& w, const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }
void write_key(Writer& w, const char* k) { w.Key(k); }
void write_double(Writer& w, double v) {
    if (std::isfinite(v))
        w.Double(v);
    else
        w.Null();
}
void write_strings(Writer& w, const std::vector<std::string>& v) {
    w.StartArray();
    for (const auto& s : v) write_string(w, s);
    w.EndArray();
}

std::string to_json(const nd::MatchResult& r, const nd::Diary& d) {
    std::map<std::string, const nd::Episode*> by_id;
    for (const auto& e : d.episodes) by_id[e.id] = &e;
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.SetIndent(' ', 2);
    w.StartObject();
    write_key(w, "disclaimer");
    write_string(w, nd::disclaimer());
    write_key(w, "episodes_considered");
    w.Int(r.episodes_considered);
    write_key(w, "minimum_episodes");
    w.Int(r.minimum_episodes);
    write_key(w, "enough_data");
    w.Bool(r.episodes_considered >= r.minimum_episodes);
    write_key(w, "red_flags");
    w.StartArray();
    for (const auto& f : r.red_flags) {
        w.StartObject();
        write_key(w, "kind");
        w.String(kind_id(f.kind));
        write_key(w, "episode_id");
        write_string(w, f.episode_id);
        write_key(w, "episode_start");
        const auto it = by_id.find(f.episode_id);
        write_string(w, it == by_id.end() ? std::string() : nd::format_iso8601(it->second->start));
        write_key(w, "call_emergency");
        w.Bool(f.call_emergency);
        write_key(w, "title");
        write_string(w, f.title);
        write_key(w, "advice");
        write_string(w, f.advice);
        write_key(w, "reasons");
        write_strings(w, f.reasons);
        w.EndObject();
    }
    w.EndArray();
    write_key(w, "familiar_spreads");
    w.StartArray();
    for (const auto& f : r.familiar_spreads) {
        w.StartObject();
        write_key(w, "path");
        write_string(w, f.path);
        write_key(w, "count");
        w.Int(f.count);
        write_key(w, "episode_ids");
        write_strings(w, f.episode_ids);
        write_key(w, "dates");
        write_strings(w, f.dates);
        w.EndObject();
    }
    w.EndArray();
    write_key(w, "causes");
    w.StartArray();
    int rank = 0;
    for (const auto& c : r.causes) {
        w.StartObject();
        write_key(w, "rank");
        w.Int(++rank);
        write_key(w, "id");
        write_string(w, c.cause_id);
        write_key(w, "name");
        write_string(w, c.name);
        write_key(w, "fit");
        w.String(fit_id(c.fit));
        write_key(w, "fit_text");
        write_string(w, c.fit_text);
        write_key(w, "score");
        write_double(w, c.score);
        write_key(w, "serious");
        w.Bool(c.serious);
        write_key(w, "evidence");
        w.StartArray();
        for (const auto& ev : c.evidence) {
            w.StartObject();
            write_key(w, "supports");
            w.Bool(ev.supports);
            write_key(w, "text");
            write_string(w, ev.text);
            write_key(w, "weight");
            write_double(w, ev.weight);
            write_key(w, "episode_count");
            w.Uint(static_cast<unsigned>(ev.episode_indices.size()));
            write_key(w, "episode_ids");
            w.StartArray();   // resolved through the diary that was matched
            for (const std::uint32_t i : ev.episode_indices)
                if (const std::string* id = nd::episode_id(d, i)) write_string(w, *id);
            w.EndArray();
            write_key(w, "fact_ids");
            write_strings(w, ev.fact_ids);
            w.EndObject();
        }
        w.EndArray();
        write_key(w, "unknowns");
        write_strings(w, c.unknowns);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

void print_text(const nd::MatchResult& r, const nd::Diary& d, bool show_ids, std::ostream& out) {
    if (!r.red_flags.empty()) {
        out << "WARNING SIGNS FOUND - read these first:\n\n";
        // A flag repeated for the same reason is shown once, with its count and dates.
        for (const auto& g : nd::group_red_flags(r.red_flags, d)) {
            print_red_flag_warning({g.kind, "", g.call_emergency, g.title, g.advice, g.reasons}, out);
            out << "   Logged " << nd::count_and_dates(g.count, g.dates) << "\n";
            for (const auto& id : g.episode_ids) out << "   (episode " << id << ")\n";
            out << "\n";
        }
    }
    for (const auto& f : r.familiar_spreads)
        out << "A familiar pattern, not a new alarm: numbness running " << f.path << ", "
            << nd::count_and_dates(f.count, f.dates) << " (shown as a warning the first time).\n\n";
    out << "Causes, best fit first (" << r.episodes_considered
        << (r.episodes_considered == 1 ? " episode" : " episodes") << " considered):\n";
    if (r.episodes_considered < r.minimum_episodes)
        out << "The diary cannot tell yet: it needs at least " << r.minimum_episodes
            << " episodes before it compares the pattern with the causes (it has " << r.episodes_considered
            << ").\n";
    int rank = 0;
    for (const auto& c : r.causes) {
        out << "\n" << ++rank << ". " << c.name << " - " << c.fit_text << (c.serious ? "  (serious cause)" : "")
            << "\n";
        for (int pass = 0; pass < 2; ++pass) {
            const bool supports = pass == 0;
            bool any = false;
            for (const auto& ev : c.evidence) {
                if (ev.supports != supports) continue;
                if (!any) out << (supports ? "   For:\n" : "   Against:\n");
                any = true;
                out << "     " << (supports ? "+ " : "- ") << ev.text << count_text(ev) << "\n";
                if (show_ids)
                    for (const std::uint32_t i : ev.episode_indices)
                        if (const std::string* id = nd::episode_id(d, i)) out << "         episode " << *id << "\n";
            }
        }
        if (!c.unknowns.empty()) {
            out << "   The diary does not tell yet:\n";
            for (const auto& u : c.unknowns) out << "     ? " << u << "\n";
        }
    }
    out << "\n" << nd::disclaimer() << "\n";
}

int run_match(const Args& a, Context& ctx) {
    const nd::Catalog catalog = a.get("--catalog") ? catalog_from(*a.get("--catalog")) : nd::load_default_catalog();
    auto store = ctx.open_existing_store();
    const nd::Diary diary = store->load_diary();
    const nd::MatchResult result = nd::match(catalog, diary);
    if (a.has("--json"))
        std::cout << to_json(result, diary);
    else
        print_text(result, diary, a.has("--ids"), std::cout);
    return 0;
}

}  // namespace

void print_red_flag_warning(const nd::RedFlag& f, std::ostream& out) {
    out << "!!! WARNING: " << f.title << (f.call_emergency ? " - CALL EMERGENCY SERVICES NOW" : "") << " !!!\n";
    if (!f.advice.empty()) out << "!!! " << f.advice << "\n";
    for (const auto& reason : f.reasons) out << "!!!   - " << reason << "\n";
}

std::vector<Command> match_commands() {
    return {{{"match", "", "Rank the documented causes against the diary, warning signs first",
              "For each cause: how well the diary's pattern fits, the evidence for and against with\n"
              "the number of episodes it rests on, and what the diary does not tell yet. Warning signs\n"
              "that need urgent care are listed first and never hidden by a score. This informs; it\n"
              "never diagnoses: discuss the patterns with a doctor.",
              {{"--json", "", "machine-readable output"},
               {"--ids", "", "list the episode ids behind each evidence line"},
               {"--catalog", "PATH", "use another cause catalog file"}},
              0, 0, {"numbness-diary-cli match", "numbness-diary-cli match --json", "numbness-diary-cli --db demo.sqlite match"}},
             run_match}};
}

}  // namespace ndcli
