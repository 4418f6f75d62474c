// Option parsing and value validation for `nd`.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ostream>

#include "cli.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace {

const OptSpec* find_opt(const CommandSpec& spec, const std::string& name) {
    for (const auto& o : spec.options)
        if (o.name == name) return &o;
    return nullptr;
}

std::string option_list(const CommandSpec& spec) {
    std::string out;
    for (const auto& o : spec.options) {
        if (!out.empty()) out += ", ";
        out += o.name;
    }
    return out.empty() ? "none" : out;
}

}  // namespace

Args Args::parse(const CommandSpec& spec, const std::vector<std::string>& words) {
    Args a;
    bool options_done = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (!options_done && (w == "--help" || w == "-h")) {
            a.help = true;
            continue;
        }
        if (!options_done && w == "--") {
            options_done = true;
            continue;
        }
        if (options_done || w.size() < 2 || w[0] != '-' || (w[1] >= '0' && w[1] <= '9')) {
            a.positional.push_back(w);
            continue;
        }
        std::string name = w;
        std::optional<std::string> value;
        if (const auto eq = w.find('='); eq != std::string::npos) {
            name = w.substr(0, eq);
            value = w.substr(eq + 1);
        }
        const OptSpec* opt = find_opt(spec, name);
        if (!opt) {
            std::vector<std::string> names{"--help"};
            for (const auto& o : spec.options) names.push_back(o.name);
            throw UsageError("unknown option '" + name + "'" + did_you_mean(name, names) + " (options of 'numbness-diary-cli " +
                             spec.name + "': " + option_list(spec) + ")");
        }
        if (opt->value_name.empty()) {
            if (value) throw UsageError(name + " takes no value");
            value = "";
        } else if (!value) {
            if (i + 1 >= words.size()) throw UsageError(name + " needs a value (" + opt->value_name + ")");
            value = words[++i];
        }
        auto& slot = a.values_[name];
        if (!slot.empty() && !opt->repeatable) throw UsageError(name + " given more than once");
        slot.push_back(*value);
    }
    if (a.help) return a;
    if (a.positional.size() < spec.min_positional)
        throw UsageError("missing argument: numbness-diary-cli " + spec.name + " " + spec.args);
    if (a.positional.size() > spec.max_positional)
        throw UsageError("unexpected argument '" + a.positional[spec.max_positional] + "'");
    return a;
}

std::optional<std::string> Args::get(const std::string& flag) const {
    const auto it = values_.find(flag);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::all(const std::string& flag) const {
    const auto it = values_.find(flag);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

void print_help(const CommandSpec& spec, std::ostream& out) {
    out << "Usage: numbness-diary-cli [--db PATH] " << spec.name;
    if (!spec.options.empty()) out << " [options]";
    if (!spec.args.empty()) out << " " << spec.args;
    out << "\n\n" << spec.summary << "\n";
    if (!spec.details.empty()) out << "\n" << spec.details << "\n";
    if (!spec.options.empty()) {
        out << "\nOptions:\n";
        for (const auto& o : spec.options) {
            std::string head = "  " + o.name + (o.value_name.empty() ? "" : " " + o.value_name);
            if (head.size() < 28) head.resize(28, ' ');
            else head += "\n" + std::string(28, ' ');
            out << head << o.help << (o.repeatable ? " (repeatable)" : "") << "\n";
        }
    }
    out << "  --db PATH                 the diary file (default: $ND_DB, else the data folder)\n";
    if (spec.name != "check")
        out << "  --check                   check the whole diary file first (SQLite quick_check)\n";
    out << "  --help                    show this help\n";
    if (!spec.examples.empty()) {
        out << "\nExamples:\n";
        for (const auto& e : spec.examples) out << "  " << e << "\n";
    }
}

int parse_int(const std::string& flag, const std::string& text, int lo, int hi) {
    const std::string range = " (a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ")";
    if (text.empty()) throw UsageError(flag + ": missing number" + range);
    char* end = nullptr;
    errno = 0;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || errno == ERANGE || text[0] == ' ' || text[0] == '+')
        throw UsageError(flag + ": '" + text + "' is not a whole number" + range);
    if (v < lo || v > hi) throw UsageError(flag + ": " + text + " is out of range" + range);
    return static_cast<int>(v);
}

double parse_number(const std::string& flag, const std::string& text, double lo, double hi) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v) || text[0] == ' ')
        throw UsageError(flag + ": '" + text + "' is not a number");
    if (v < lo || v > hi)
        throw UsageError(flag + ": " + text + " is out of range (" + std::to_string(static_cast<int>(lo)) + " to " +
                         std::to_string(static_cast<int>(hi)) + ")");
    return v;
}

nd::LocalDate parse_date(const std::string& flag, const std::string& text, const Context& ctx) {
    if (text == "today") return ctx.today();
    if (text == "yesterday") return nd::date_from_days(*nd::days_since_epoch(ctx.today()) - 1);
    if (!nd::is_valid_date(text))
        throw UsageError(flag + ": '" + text + "' is not a valid date (YYYY-MM-DD such as 2026-01-31, today, yesterday)");
    return text;
}

namespace {

// "HH:MM" -> minutes since midnight; -1 when it is not one.
int clock_minutes(const std::string& text) {
    if (text.size() != 5 || text[2] != ':') return -1;
    for (int i : {0, 1, 3, 4})
        if (text[i] < '0' || text[i] > '9') return -1;
    const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
    return h > 23 || m > 59 ? -1 : h * 60 + m;
}

}  // namespace

nd::LocalTime parse_time(const std::string& flag, const std::string& text, const Context& ctx) {
    const std::string forms =
        " (HH:MM for today, 'yesterday HH:MM', 'YYYY-MM-DD HH:MM', or YYYY-MM-DDTHH:MM[:SS] with Z or +HH:MM)";
    if (text == "now") return ctx.at(ctx.now);
    // Relative forms: a day word and/or a clock time.
    std::string day = ctx.today(), clock = text;
    if (text.rfind("today ", 0) == 0) {
        clock = text.substr(6);
    } else if (text.rfind("yesterday ", 0) == 0) {
        day = nd::date_from_days(*nd::days_since_epoch(day) - 1);
        clock = text.substr(10);
    } else if (text == "today" || text == "yesterday") {
        throw UsageError(flag + ": '" + text + "' needs a time of day, e.g. '" + text + " 08:30'");
    }
    std::string error;
    std::optional<nd::LocalTime> t;
    if (const int mins = clock_minutes(clock); mins >= 0) {
        bool gap = false;
        t = nd::resolve_local(day, mins / 60, mins % 60, 0, &gap);
        if (!t) error = gap ? "does not exist in this time zone: the clocks were put forward that night" : "not a valid time";
    } else if (clock != text) {
        error = "not a valid time of day";
    } else {
        t = nd::parse_local_time(text, error);
    }
    if (!t) throw UsageError(flag + ": '" + text + "' " + error + forms);
    return *t;
}

nd::RegionMark parse_region_mark(const std::string& flag, const std::string& text) {
    nd::RegionMark m;
    const auto colon = text.find(':');
    std::string region = text;
    if (colon != std::string::npos) {
        m.side = parse_id<nd::Side>(flag + " (side)", text.substr(0, colon));
        region = text.substr(colon + 1);
    } else {
        // No side given: the middle for the saddle area and lower back, else both.
        m.side = (region == "saddle_area" || region == "lower_back") ? nd::Side::Middle : nd::Side::Both;
    }
    m.region = parse_id<nd::Region>(flag + " (region)", region);
    return m;
}

}  // namespace ndcli
