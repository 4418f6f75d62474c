// Shared pieces of the `nd` command-line tool: errors, the option parser, the
// context every command runs in, and the command registry.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "enum_names.hpp"
#include "model.hpp"
#include "store.hpp"

namespace nd {
struct RedFlag;
struct Catalog;
}

namespace ndcli {

// A failure to report on stderr; `code` is the exit status.
struct CliError : std::runtime_error {
    CliError(const std::string& what, int code_ = 1) : std::runtime_error(what), code(code_) {}
    int code;
};
// Wrong use of the command line (unknown flag, bad value): exit status 2.
struct UsageError : CliError {
    explicit UsageError(const std::string& what) : CliError(what, 2) {}
};

struct OptSpec {
    std::string name;        // "--numbness"
    std::string value_name;  // "N"; empty for a switch without value
    std::string help;
    bool repeatable = false;
};

struct CommandSpec {
    std::string name;        // "log", "background add fact"
    std::string args;        // positional arguments for the usage line: "ID"
    std::string summary;     // one line for `nd --help`
    std::string details;     // more text for `nd CMD --help`
    std::vector<OptSpec> options;
    std::size_t min_positional = 0;
    std::size_t max_positional = 0;
    std::vector<std::string> examples;
};

class Args {
public:
    // Parses `words` (after the command name) against `spec`; accepts "--flag value"
    // and "--flag=value". Throws UsageError on unknown flags, missing values, a flag
    // given twice that is not repeatable, or the wrong number of arguments.
    static Args parse(const CommandSpec& spec, const std::vector<std::string>& words);

    bool help = false;
    std::vector<std::string> positional;

    bool has(const std::string& flag) const { return values_.count(flag) > 0; }
    std::optional<std::string> get(const std::string& flag) const;
    std::vector<std::string> all(const std::string& flag) const;

private:
    std::map<std::string, std::vector<std::string>> values_;
};

void print_help(const CommandSpec& spec, std::ostream& out);

struct Context;

// ---- Value parsers: throw UsageError naming the flag --------------------------
int parse_int(const std::string& flag, const std::string& text, int lo, int hi);
double parse_number(const std::string& flag, const std::string& text, double lo, double hi);
// "YYYY-MM-DD", "today", "yesterday" (the local date of ctx.now).
nd::LocalDate parse_date(const std::string& flag, const std::string& text, const Context& ctx);
// "YYYY-MM-DDTHH:MM[:SS]" with Z or +HH:MM; or local time: "YYYY-MM-DD HH:MM",
// "HH:MM" (today), "today HH:MM", "yesterday HH:MM", "now". Local times get the
// offset of that instant from the time-zone database (TZ); a time skipped by the
// change to summer time is refused.
nd::LocalTime parse_time(const std::string& flag, const std::string& text, const Context& ctx);
nd::RegionMark parse_region_mark(const std::string& flag, const std::string& text);

// " (did you mean 'x'?)" when one candidate is close to `word` (a typo: at most
// two edits, or a unique prefix); "" otherwise.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

template <class E>
std::string valid_ids() {
    std::string out;
    for (const auto& e : nd::enum_entries<E>()) {
        if (!out.empty()) out += ", ";
        out += e.id;
    }
    return out;
}

template <class E>
E parse_id(const std::string& flag, const std::string& text) {
    if (auto v = nd::enum_from_id<E>(text)) return *v;
    std::vector<std::string> ids;
    for (const auto& e : nd::enum_entries<E>()) ids.emplace_back(e.id);
    throw UsageError(flag + ": unknown value '" + text + "'" + did_you_mean(text, ids) + " (valid: " + valid_ids<E>() +
                     ")");
}

// A comma-separated list of ids ("numbness,tingling"); several uses of the flag add up.
template <class E>
std::vector<E> parse_ids(const std::string& flag, const std::vector<std::string>& texts) {
    std::vector<E> out;
    for (const auto& text : texts) {
        std::string_view rest = text;
        while (true) {
            const auto comma = rest.find(',');
            const std::string part(rest.substr(0, comma));
            if (part.empty()) throw UsageError(flag + ": empty value in '" + text + "' (valid: " + valid_ids<E>() + ")");
            out.push_back(parse_id<E>(flag, part));
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

// ---- Context ------------------------------------------------------------------
struct Context {
    std::optional<std::string> db_flag;   // --db
    std::int64_t now = 0;                 // UTC seconds (ND_NOW overrides the clock)
    std::int32_t offset_min = 0;          // the person's UTC offset now
    bool fixed_clock = false;             // ND_NOW given
    // --check: run PRAGMA quick_check over the whole file when opening. Off by
    // default: reading every page costs more than a command's work at 100k episodes
    // (issue 19). The cheap refusals (not SQLite, another application's file, a newer
    // or altered schema) always run; `check`, `backup` and the app's schedule check fully.
    bool full_check = false;

    // The local date of `now`, "YYYY-MM-DD".
    nd::LocalDate today() const;
    // The moment `utc` with its local offset (the time-zone database's offset at
    // that instant; `now` keeps the offset ND_NOW gave).
    nd::LocalTime at(std::int64_t utc) const;

    // --db, else $ND_DB, else $XDG_DATA_HOME/numbness-diary/diary.sqlite, else
    // ~/.local/share/numbness-diary/diary.sqlite (default folder created 0700).
    std::string db_path() const;
    // The default data folder (created 0700 when missing, with any parent it needs).
    std::string data_dir() const;
    // At every start: removes the temporaries killed writes left in the data folder,
    // beside the diary and in its backups folder (core/temp_cleanup.hpp).
    void clean_stale_temporaries() const;
    std::unique_ptr<nd::Store> open_store(const std::string& path) const;
    std::unique_ptr<nd::Store> open_store() const { return open_store(db_path()); }
    // For commands that only read: a missing diary is an error, and neither the
    // file nor the data folder is created.
    std::unique_ptr<nd::Store> open_existing_store() const;
};

// Writes the demo diary into `path` (which must hold no diary); a file this call
// created is removed again when the write fails (cmd_demo.cpp).
void write_demo_diary(const Context& ctx, const std::string& path, const nd::Diary& demo);

// Asks "QUESTION [y/N]" on the terminal; true for yes. Without a terminal on
// standard input the answer cannot be given: throws UsageError asking for --yes.
bool confirm(const std::string& question);
Context make_context();

// ---- Records and formatting ---------------------------------------------------
enum class RecordKind { Episode, CheckIn, Fact, Medicine };
const char* kind_name(RecordKind k);
struct RecordRef {
    RecordKind kind;
    std::string id;
    bool deleted = false;
};
// A full id or a unique prefix (at least 4 characters) of any record, the bin included.
RecordRef find_record(const nd::Store& store, const std::string& text);
// The same, episodes only.
nd::Episode find_episode(const nd::Store& store, const std::string& text);

std::string format_when(const nd::LocalTime& t);          // "2026-01-05 08:30 +01:00"
std::string format_duration(const nd::Episode& e);        // "45 min", "still going", "-"
std::string format_regions(const std::vector<nd::RegionMark>& regions);
std::string episode_line(const nd::Episode& e);
void print_episode(const nd::Episode& e, std::ostream& out);
bool diary_is_empty(const nd::Diary& d);
std::string diary_summary(const nd::Diary& d);  // "12 episodes, 30 check-ins, 2 facts, 1 medicine"
// The whole file; "-" reads standard input.
std::string read_file(const std::string& path, std::size_t max_bytes);
// import-csv --what checkins|medicines|background (cmd_import_records.cpp).
int run_import_records(const std::string& what, const std::string& path, Context& ctx);
// A cause catalog from --catalog FILE ("-": standard input).
nd::Catalog catalog_from(const std::string& path);
// Writes via a temporary file and rename, so a failure never leaves half a file;
// the file gets mode 0600 (nd::write_file_atomic).
void write_file_atomic(const std::string& path, const std::string& data);

// A loud warning block for one red flag (stderr of `log`, top of `match`).
void print_red_flag_warning(const nd::RedFlag& flag, std::ostream& out);

// ---- JSON output (json_out.cpp; field names documented in docs/cli.md) ---------
std::string episodes_json(const std::vector<nd::Episode>& episodes);
std::string checkins_json(const std::vector<nd::CheckIn>& checkins);
std::string record_json(const nd::Store& store, const RecordRef& ref);
std::string background_json(const nd::Store& store);

// ---- The report's PDF helper (report_helper.cpp) ---------------------------------
// main() keeps the command line; `report` in a build without the PDF renderer replaces
// the process with PREFIX/libexec/numbness-diary/numbness-diary-report (the same
// command line built with it), passing the same arguments. Throws CliError when it
// cannot be run; never returns otherwise.
void set_command_line(int argc, char** argv);
std::string report_helper_path();
[[noreturn]] void exec_report_helper();

// ---- Registry -----------------------------------------------------------------
struct Command {
    CommandSpec spec;
    int (*run)(const Args&, Context&);
};
std::vector<Command> log_commands();         // log, end
std::vector<Command> record_commands();      // list, show, delete, undo, empty-bin
std::vector<Command> background_commands();  // background ..., checkin
std::vector<Command> match_commands();       // match
std::vector<Command> backup_commands();      // export, import, demo, check
std::vector<Command> export_commands();      // backup, restore, export-csv, import-csv, export-fhir, report
std::vector<Command> questionnaire_commands();  // questionnaire list, take, show (cmd_questionnaire.cpp)
std::vector<Command> remind_commands();         // remind (cmd_remind.cpp)

}  // namespace ndcli
