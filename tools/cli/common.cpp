// Context (database path, clock), record look-up and formatting for `nd`.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "atomic_file.hpp"
#include "catalog.hpp"
#include "cli.hpp"
#include "temp_cleanup.hpp"
#include "time_util.hpp"

namespace ndcli {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// The data folder and every parent made for it are 0700, whatever the umask.
void make_private_dir(const fs::path& dir) {
    try {
        nd::make_private_dirs(dir.string());
    } catch (const nd::FileError& e) {
        throw CliError(std::string("cannot create the data folder: ") + e.what());
    }
}

}  // namespace

Context make_context() {
    Context c;
    const std::string fixed = env("ND_NOW");
    if (!fixed.empty()) {
        auto t = nd::parse_iso8601(fixed, 0);
        if (!t) throw UsageError("ND_NOW: '" + fixed + "' is not a valid time (e.g. 2026-03-01T12:00:00+01:00)");
        c.now = t->utc;
        c.offset_min = t->offset_min;
        c.fixed_clock = true;
        return c;
    }
    c.now = nd::now_utc_seconds();
    c.offset_min = nd::local_offset_at(c.now);
    return c;
}

nd::LocalDate Context::today() const { return nd::local_date({now, offset_min}); }

nd::LocalTime Context::at(std::int64_t utc) const {
    if (utc == now) return {now, offset_min};
    return nd::local_time_at(utc);
}

namespace {
// $XDG_DATA_HOME/numbness-diary, else ~/.local/share/numbness-diary; "" when neither is set.
std::string default_data_dir() {
    fs::path base;
    if (const auto xdg = env("XDG_DATA_HOME"); !xdg.empty() && fs::path(xdg).is_absolute()) base = xdg;
    else if (const auto home = env("HOME"); !home.empty()) base = fs::path(home) / ".local" / "share";
    else return "";
    return (base / "numbness-diary").string();
}
}  // namespace

std::string Context::data_dir() const {
    const std::string dir = default_data_dir();
    if (dir.empty()) throw CliError("cannot find the data folder: neither XDG_DATA_HOME nor HOME is set; use --db PATH");
    make_private_dir(dir);
    return dir;
}

void Context::clean_stale_temporaries() const {
    const std::string data = default_data_dir();
    std::string diary;
    if (db_flag) diary = *db_flag;
    else if (const auto e = env("ND_DB"); !e.empty()) diary = e;
    else if (!data.empty()) diary = (fs::path(data) / "diary.sqlite").string();
    nd::clean_stale_temporaries(diary, data);   // creates nothing, never throws
}

std::string Context::db_path() const {
    if (db_flag) {
        if (db_flag->empty()) throw UsageError("--db: empty path");
        return *db_flag;
    }
    if (const auto e = env("ND_DB"); !e.empty()) return e;
    return (fs::path(data_dir()) / "diary.sqlite").string();
}

std::unique_ptr<nd::Store> Context::open_existing_store() const {
    std::string path;
    if (db_flag || !env("ND_DB").empty()) {
        path = db_path();
    } else {
        // The default place, without creating the data folder.
        fs::path base;
        if (const auto xdg = env("XDG_DATA_HOME"); !xdg.empty() && fs::path(xdg).is_absolute()) base = xdg;
        else if (const auto home = env("HOME"); !home.empty()) base = fs::path(home) / ".local" / "share";
        else throw CliError("cannot find the data folder: neither XDG_DATA_HOME nor HOME is set; use --db PATH");
        path = (base / "numbness-diary" / "diary.sqlite").string();
    }
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw CliError("there is no diary at " + path + " (nothing was created; 'numbness-diary-cli log' or the app starts one, "
                       "--db PATH chooses another)");
    return open_store(path);
}

bool confirm(const std::string& question) {
    if (!::isatty(STDIN_FILENO)) throw UsageError(question + " Nobody can answer here (no terminal): add --yes");
    std::cerr << question << " [y/N] " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
}

std::unique_ptr<nd::Store> Context::open_store(const std::string& path) const {
    const fs::path p(path);
    std::error_code ec;
    if (p.has_parent_path() && !fs::is_directory(p.parent_path(), ec))
        throw CliError("the folder of " + path + " does not exist");
    if (fs::is_directory(p, ec)) throw CliError(path + " is a folder, not a diary file");
    try {
        auto store = nd::Store::open(path, full_check ? nd::OpenCheck::QuickCheckNow : nd::OpenCheck::Deferred);
        if (fixed_clock) {
            const auto t = now;
            store->set_clock([t] { return t; });
        }
        return store;
    } catch (const nd::StoreError& e) {
        throw CliError("cannot open the diary " + path + ": " + e.what());
    }
}

const char* kind_name(RecordKind k) {
    switch (k) {
        case RecordKind::Episode: return "episode";
        case RecordKind::CheckIn: return "check-in";
        case RecordKind::Fact: return "background fact";
        case RecordKind::Medicine: return "medicine";
    }
    return "record";
}

RecordRef find_record(const nd::Store& store, const std::string& text) {
    if (text.size() < 4) throw UsageError("id '" + text + "' is too short (give at least 4 characters)");
    std::vector<RecordRef> hits;
    auto consider = [&](RecordKind kind, const std::string& id, bool deleted) {
        if (id == text) {
            hits.assign(1, {kind, id, deleted});
            return true;
        }
        if (id.compare(0, text.size(), text) == 0) hits.push_back({kind, id, deleted});
        return false;
    };
    for (const auto& e : store.episodes({}, true))
        if (consider(RecordKind::Episode, e.id, e.deleted_utc.has_value())) return hits[0];
    for (const auto& c : store.checkins(true))
        if (consider(RecordKind::CheckIn, c.id, c.deleted_utc.has_value())) return hits[0];
    for (const auto& f : store.facts(true))
        if (consider(RecordKind::Fact, f.id, f.deleted_utc.has_value())) return hits[0];
    for (const auto& m : store.medicines(true))
        if (consider(RecordKind::Medicine, m.id, m.deleted_utc.has_value())) return hits[0];
    if (hits.empty()) throw CliError("no record with id '" + text + "' (see 'numbness-diary-cli list')");
    if (hits.size() > 1) throw CliError("id '" + text + "' is ambiguous (" + std::to_string(hits.size()) + " records start with it)");
    return hits[0];
}

nd::Episode find_episode(const nd::Store& store, const std::string& text) {
    const auto ref = find_record(store, text);
    if (ref.kind != RecordKind::Episode)
        throw CliError("'" + text + "' is a " + kind_name(ref.kind) + ", not an episode");
    auto e = store.episode(ref.id);
    if (!e) throw CliError("no episode with id '" + text + "'");
    return *e;
}

std::string format_when(const nd::LocalTime& t) {
    const auto iso = nd::format_iso8601(t);  // 2026-01-05T08:30:00+01:00
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + " " + iso.substr(19);
}

std::string format_duration(const nd::Episode& e) {
    if (e.ongoing) return "still going";
    if (!e.duration_min) return "-";
    const int m = *e.duration_min;
    if (m < 120) return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h " + std::to_string(m % 60) + " min";
}

std::string format_regions(const std::vector<nd::RegionMark>& regions) {
    std::string out;
    for (const auto& r : regions) {
        if (!out.empty()) out += ", ";
        out += nd::describe(r);
    }
    return out.empty() ? "-" : out;
}

// "4/10", or "not rated" when the person never set the scale (unknown, not 0).
static std::string rating_text(const std::optional<int>& v) { return v ? std::to_string(*v) + "/10" : "not rated"; }

std::string episode_line(const nd::Episode& e) {
    std::ostringstream s;
    s << e.id << "  " << format_when(e.start) << "  " << format_duration(e) << "  " << format_regions(e.regions)
      << "  numbness " << rating_text(e.numbness) << ", pain " << rating_text(e.pain);
    if (e.deleted_utc) s << "  [in bin]";
    return s.str();
}

namespace {
template <class E>
std::string labels(const std::vector<E>& v) {
    std::string out;
    for (const auto& x : v) {
        if (!out.empty()) out += ", ";
        out += std::string(nd::enum_label(x)) + " (" + std::string(nd::enum_id(x)) + ")";
    }
    return out.empty() ? "-" : out;
}
const char* effect(int v) {
    static const char* kEffects[] = {"none", "a little", "a lot", "could not"};
    return v >= 0 && v <= 3 ? kEffects[v] : "?";
}
}  // namespace

void print_episode(const nd::Episode& e, std::ostream& out) {
    out << "Episode      " << e.id << (e.deleted_utc ? "  [in bin]" : "") << "\n"
        << "Started      " << nd::format_iso8601(e.start) << "\n"
        << "Duration     " << format_duration(e) << "\n"
        << "Where        " << format_regions(e.regions) << "\n"
        << "Feels like   " << labels(e.sensations) << "\n"
        << "Numbness     " << rating_text(e.numbness) << "\n"
        << "Pain         " << rating_text(e.pain) << "\n"
        << "Before onset " << labels(e.activities) << "\n"
        << "Relieved by  " << labels(e.reliefs);
    if (e.relief_after_min) out << ", within " << *e.relief_after_min << " min";
    out << "\n"
        << "Onset        " << nd::enum_label(e.onset) << "\n";
    if (e.spread) {
        out << "Spread       from " << (e.spread_from ? std::string(nd::enum_label(*e.spread_from)) : "?") << " to "
            << (e.spread_to ? std::string(nd::enum_label(*e.spread_to)) : "?") << ", "
            << nd::enum_label(e.spread_speed) << "\n";
    }
    out << "Signs        " << labels(e.signs) << "\n"
        << "At night     worse at night: " << nd::enum_label(e.worse_at_night) << "\n"
        << "Effect       walking: " << effect(e.effect_walking) << ", sleep: " << effect(e.effect_sleep)
        << ", work: " << effect(e.effect_work) << "\n";
    if (!e.note.empty()) out << "Note         " << e.note << "\n";
    const auto off = e.start.offset_min;
    out << "Created      " << nd::format_iso8601({e.created_utc, off}) << "\n"
        << "Updated      " << nd::format_iso8601({e.updated_utc, off}) << "\n";
    if (e.deleted_utc) out << "Deleted      " << nd::format_iso8601({*e.deleted_utc, off}) << "\n";
}

bool diary_is_empty(const nd::Diary& d) {
    return d.episodes.empty() && d.checkins.empty() && d.facts.empty() && d.medicines.empty() &&
           d.tombstones.empty() && d.profile.name.empty() && d.profile.birth_date.empty();
}

std::string diary_summary(const nd::Diary& d) {
    auto n = [](std::size_t k, const char* one, const char* many) {
        return std::to_string(k) + " " + (k == 1 ? one : many);
    };
    return n(d.episodes.size(), "episode", "episodes") + ", " + n(d.checkins.size(), "check-in", "check-ins") + ", " +
           n(d.facts.size(), "background fact", "background facts") + ", " +
           n(d.medicines.size(), "medicine", "medicines");
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
    if (path == "-") {
        // Standard input, as git, jq and sqlite3 read it: at most max_bytes + 1 to
        // tell "too large" without reading a whole endless stream.
        std::string data;
        char buf[65536];
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
            if (data.size() > max_bytes) throw CliError("standard input is too large (over " + std::to_string(max_bytes) + " bytes)");
        }
        if (std::cin.bad()) throw CliError("cannot read standard input");
        return data;
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) throw CliError("file not found: " + path);
    if (fs::is_directory(path, ec)) throw CliError(path + " is a folder, not a file");
    const auto size = fs::file_size(path, ec);
    if (ec) throw CliError("cannot read " + path + ": " + ec.message());
    if (size > max_bytes) throw CliError(path + " is too large (" + std::to_string(size) + " bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError("cannot open " + path + ": " + std::strerror(errno));
    std::string data(static_cast<std::size_t>(size), '\0');
    in.read(data.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) throw CliError("cannot read all of " + path);
    return data;
}

nd::Catalog catalog_from(const std::string& path) {
    if (path == "-") return nd::load_catalog_json(read_file("-", 16 * 1024 * 1024));
    return nd::load_catalog_file(path);
}

void write_file_atomic(const std::string& path, const std::string& data) {
    try {
        nd::write_file_atomic(path, data);   // temporary file, fsync, rename; mode 0600
    } catch (const nd::FileError& e) {
        throw CliError(e.what());
    }
}

}  // namespace ndcli
