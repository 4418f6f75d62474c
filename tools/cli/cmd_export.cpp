// `numbness-diary-cli backup`, `restore`, `export-csv`, `import-csv`, `export-fhir` and `report`.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <filesystem>
#include <iostream>
#include <set>

#include "atomic_file.hpp"
#include "backup.hpp"
#include "catalog.hpp"
#include "cli.hpp"
#include "csv_export.hpp"
#include "export_service.hpp"
#include "fhir_export.hpp"
#include "matching.hpp"
#include "merge.hpp"
#include "report_model.hpp"
#include "serialization.hpp"
#include "time_util.hpp"
#ifdef ND_HAVE_LOCALE_PAPER
#include "locale_paper.hpp"
#endif
#ifdef ND_HAVE_PDF
#include "report_pdf.hpp"
#endif

namespace ndcli {

namespace {

namespace fs = std::filesystem;

const char* const kNotEncrypted =
    "This file is not encrypted: anyone who gets it can read it. Share it only with people you choose.";

const OptSpec kPasswordFile{"--password-file", "F", "read the password from the file F (its first line)"};
const OptSpec kPasswordEnv{"--password-env", "VAR", "read the password from the environment variable VAR"};
const OptSpec kForce{"--force", "", "overwrite FILE when it exists"};
const OptSpec kFrom{"--from", "DATE", "first local date included (YYYY-MM-DD; default: the first entry)"};
const OptSpec kTo{"--to", "DATE", "last local date included (default: the last entry)"};

std::string shown_path(const std::string& path) {
    std::error_code ec;
    const auto abs = fs::absolute(path, ec);
    return ec ? path : abs.lexically_normal().string();
}

// The password of --password-file / --password-env, if one was given.
std::optional<std::string> password_option(const Args& a) {
    if (a.has("--password-file") && a.has("--password-env"))
        throw UsageError("give the password with --password-file or with --password-env, not both");
    std::string pw;
    if (auto f = a.get("--password-file")) {
        pw = read_file(*f, 64 * 1024);
        const auto nl = pw.find('\n');   // the first line; a final CR LF or LF is not part of it
        if (nl != std::string::npos) pw.resize(nl);
        if (!pw.empty() && pw.back() == '\r') pw.pop_back();
        if (pw.empty()) throw UsageError("--password-file: the first line of " + *f + " is empty");
    } else if (auto var = a.get("--password-env")) {
        const char* v = std::getenv(var->c_str());
        if (!v || !*v) throw UsageError("--password-env: the environment variable " + *var + " is not set or empty");
        pw = v;
    } else {
        return std::nullopt;
    }
    if (!nd::is_valid_utf8(pw)) throw UsageError("the password is not UTF-8 text");
    return pw;
}

// Writes an export to FILE (atomically, mode 0600) or to stdout for '-'.
// Returns where it went, for the message.
std::string write_output(const Args& a, const std::string& out, const std::string& bytes) {
    if (out == "-") {
        std::cout << bytes;
        std::cout.flush();
        if (!std::cout) throw CliError("cannot write to standard output");
        return "standard output";
    }
    std::error_code ec;
    if (fs::exists(out, ec) && !a.has("--force"))
        throw CliError(out + " already exists; choose another file or add --force to overwrite it");
    try {
        nd::write_file_atomic(out, bytes);
    } catch (const nd::FileError& e) {
        throw CliError(e.what());
    }
    return shown_path(out);
}

// Standard output as a ByteSink (FILE '-').
class StdoutSink final : public nd::ByteSink {
public:
    void write(std::string_view bytes) override {
        std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!std::cout) throw CliError("cannot write to standard output");
    }
};

// Runs a CSV or FHIR export straight into FILE as it is produced (atomically,
// mode 0600: a failure leaves no partial file), or to stdout for '-'. Returns
// what the export service says and, in `where`, where it went.
nd::ExportOutput stream_export(const Args& a, const std::string& out, nd::Store& store, const nd::ExportSpec& spec,
                               std::string& where) {
    if (out == "-") {
        StdoutSink sink;
        nd::ExportOutput o = nd::write_export(store, nd::Catalog{}, spec, sink);
        std::cout.flush();
        if (!std::cout) throw CliError("cannot write to standard output");
        where = "standard output";
        return o;
    }
    std::error_code ec;
    if (fs::exists(out, ec) && !a.has("--force"))
        throw CliError(out + " already exists; choose another file or add --force to overwrite it");
    try {
        nd::ExportOutput o = nd::export_to_file(store, nd::Catalog{}, spec, out);
        where = shown_path(out);
        return o;
    } catch (const nd::FileError& e) {
        throw CliError(e.what());
    }
}

// Messages go to stdout, or to stderr when stdout holds the export.
std::ostream& msg(const std::string& out) { return out == "-" ? std::cerr : std::cout; }

nd::LocalDate date_option(const Args& a, const char* flag, const Context& ctx) {
    if (auto v = a.get(flag)) return parse_date(flag, *v, ctx);
    return {};
}

// --from and --to (each optional, empty when not given); --to may not be before --from.
struct DateRange {
    nd::LocalDate from, to;
};
DateRange date_range(const Args& a, const Context& ctx) {
    DateRange r{date_option(a, "--from", ctx), date_option(a, "--to", ctx)};
    if (!r.from.empty() && !r.to.empty() && r.to < r.from)
        throw UsageError("--to " + r.to + " is before --from " + r.from);
    return r;
}

// The spec of an export of `kind` over --from/--to (the whole diary without them);
// read before the diary is opened, so a bad date changes and opens nothing.
nd::ExportSpec export_spec(nd::ExportKind kind, const Args& a, Context& ctx) {
    nd::ExportSpec spec;
    spec.kind = kind;
    const DateRange range = date_range(a, ctx);
    spec.from = range.from;
    spec.to = range.to;
    return spec;
}

std::string count(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- backup / restore -------------------------------------------------------------

int run_backup(const Args& a, Context& ctx) {
    const std::string& out = a.positional[0];
    nd::BackupOptions options;
    options.password = password_option(a);
    ctx.full_check = true;   // a backup is what a person falls back on: never copy a damaged file unknowingly
    auto store = ctx.open_existing_store();
    const nd::Diary d = store->load_diary();
    std::string where;
    if (out == "-") {
        where = write_output(a, out, nd::write_backup(d, options));
    } else {
        std::error_code ec;
        if (fs::exists(out, ec) && !a.has("--force"))
            throw CliError(out + " already exists; choose another file or add --force to overwrite it");
        try {
            nd::write_backup_file(out, d, options);   // atomic: a failure leaves no partial file
        } catch (const nd::FileError& e) {
            throw CliError(e.what());
        }
        where = shown_path(out);
    }
    msg(out) << "Backed up " << diary_summary(d) << " to " << where << "\n";
    if (options.password)
        msg(out) << "The backup is encrypted with your password. Without the password nobody, you included, can "
                    "restore it: there is no way back. Keep the password safe.\n";
    else
        msg(out) << "The backup is not encrypted: anyone who gets the file can read the diary. Keep it private, or "
                    "use --password-file to protect it.\n";
    return 0;
}

int run_restore(const Args& a, Context& ctx) {
    const std::string& in = a.positional[0];
    if (a.has("--merge") && a.has("--replace")) throw UsageError("choose --merge or --replace, not both");
    const auto password = password_option(a);
    const std::string bytes = read_file(in, nd::kMaxBackupFileBytes);
    try {
        // The header only: restore_backup checks the whole envelope (its checksum) as it
        // reads it, and a second SHA-256 of a large backup cost a tenth of a restore.
        const nd::BackupInfo info = nd::inspect_backup_header(bytes);
        if (info.encrypted && !password)
            throw CliError(in + " is protected with a password; give it with --password-file F or --password-env "
                                "VAR. Nothing was changed.");
        auto store = ctx.open_store();
        const bool merge = a.has("--merge");
        // Checked inside restore's one transaction, on the diary as it is then.
        const auto must_be_empty = [&](const nd::Diary& current) {
            if (!merge && !a.has("--replace") && !diary_is_empty(current))
                throw CliError("the diary " + store->path() + " is not empty (" + diary_summary(current) +
                               "). Choose --merge (combine both: the newest change of each record wins) or --replace "
                               "(the backup replaces the diary). Nothing was changed.");
        };
        const nd::RestoreResult r = nd::restore_backup(
            *store, bytes, merge ? nd::RestoreMode::Merge : nd::RestoreMode::Replace, password, must_be_empty);
        if (merge)
            std::cout << "Merged " << in << " into " << store->path() << ": "
                      << nd::describe(nd::diff_diaries(r.before, r.after)) << "\n";
        else
            std::cout << "Restored " << in << " into " << store->path() << " (the diary was replaced)\n";
        std::cout << "The diary now holds " << diary_summary(r.after) << "\n";
        if (info.legacy) std::cout << "(an older backup without the checked envelope; it read correctly)\n";
    } catch (const nd::BackupError& e) {
        throw CliError(in + ": " + e.what());
    }
    return 0;
}

// ---- CSV ------------------------------------------------------------------------

int run_export_csv(const Args& a, Context& ctx) {
    const std::string& out = a.positional[0];
    nd::ExportSpec spec = export_spec(nd::ExportKind::Csv, a, ctx);
    auto store = ctx.open_existing_store();
    spec.csv.bom = !a.has("--no-bom");
    std::string what = "episodes";
    if (auto w = a.get("--what")) {
        what = *w;
        if (what == "episodes") spec.csv_table = nd::CsvTable::Episodes;
        else if (what == "checkins") spec.csv_table = nd::CsvTable::CheckIns;
        else if (what == "medicines") spec.csv_table = nd::CsvTable::Medicines;
        else if (what == "background") spec.csv_table = nd::CsvTable::Background;
        else if (what == "questionnaires") spec.csv_table = nd::CsvTable::Questionnaires;
        else throw UsageError("--what: '" + what + "' is not episodes, checkins, medicines, background or questionnaires");
    }
    std::string where;
    const nd::ExportOutput o = stream_export(a, out, *store, spec, where);
    msg(out) << "Wrote " << (what == "episodes" ? count(o.episodes, "episode", "episodes") : "the " + what)
             << " as CSV to " << where << "\n"
             << kNotEncrypted << "\n";
    return 0;
}

// Reads FILE ('-': standard input) a piece at a time into `piece` until the end
// or until `piece` returns false; the same checks and messages as read_file.
void read_in_pieces(const std::string& path, const std::function<bool(std::string_view)>& piece) {
    char buf[64 * 1024];
    if (path == "-") {
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0)
            if (!piece(std::string_view(buf, static_cast<std::size_t>(std::cin.gcount())))) return;
        if (std::cin.bad()) throw CliError("cannot read standard input");
        return;
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) throw CliError("file not found: " + path);
    if (fs::is_directory(path, ec)) throw CliError(path + " is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw CliError("cannot open " + path + ": " + std::strerror(errno));
    while (in.read(buf, sizeof buf) || in.gcount() > 0)
        if (!piece(std::string_view(buf, static_cast<std::size_t>(in.gcount())))) return;
    if (in.bad()) throw CliError("cannot read all of " + path);
}

int run_import_csv(const Args& a, Context& ctx) {
    const std::string& in = a.positional[0];
    if (auto what = a.get("--what"); what && *what != "episodes") return run_import_records(*what, in, ctx);
    nd::CsvImportOptions options;
    options.default_offset_min = ctx.offset_min;
    options.now_utc = ctx.now;
    if (in != "-") {   // a missing file is named before the diary is opened
        std::error_code ec;
        if (!fs::exists(in, ec)) throw CliError("file not found: " + in);
    }
    auto store = ctx.open_store();
    // Streamed (issue #17): each row is read, checked and written inside one
    // transaction (Store::add_episodes), so a million rows cost no more memory
    // than ten; any problem rolls it all back. A save made meanwhile by another
    // process is kept (the transaction begins before the first row is read).
    constexpr std::size_t kShownLines = 20;
    std::vector<std::string> shown;
    std::vector<std::string> clashes;   // ids already in the diary: listed apart, as before
    nd::CsvImportResult result;
    std::size_t added = 0;
    try {
        added = store->add_episodes([&](const nd::Store::AddEpisode& add) {
            nd::CsvEpisodeReader reader(options, [&](nd::Episode&& e, bool) -> std::string {
                std::string why = add(e);
                if (why.empty()) {
                    if (shown.size() < kShownLines) shown.push_back(episode_line(e));
                } else if (why.find("already in the diary") != std::string::npos && clashes.size() < options.max_errors) {
                    clashes.push_back("Episode " + e.id + " (" + format_when(e.start) + "): this id is already in the diary");
                }
                return why;
            });
            read_in_pieces(in, [&](std::string_view piece) {
                reader.feed(piece);
                return !reader.stopped();
            });
            reader.finish();
            result = reader.result();
            return result.ok();
        });
    } catch (const nd::StoreError& e) {
        throw CliError(in + ": " + e.what() + " (nothing was imported)");
    }
    if (!result.ok()) {
        const std::size_t clash_count = clashes.size();
        if (clash_count == result.problems.size() && !result.truncated) {
            for (const auto& c : clashes) std::cerr << c << "\n";
            throw CliError(in + ": " + count(clash_count, "episode is", "episodes are") +
                           " already in the diary (listed above); nothing was imported. To bring back a backup, use "
                           "'numbness-diary-cli restore'");
        }
        std::cerr << nd::format_problems(result);   // at most max_errors lines
        throw CliError(in + ": " + count(result.problems.size(), "problem", "problems") +
                       (result.truncated ? " (and more)" : "") + " (listed above); nothing was imported");
    }
    if (added == 0) throw CliError(in + " holds no episodes; nothing was imported");
    for (const auto& line : shown) std::cout << "  + " << line << "\n";
    if (added > shown.size()) std::cout << "  (and " << (added - shown.size()) << " more)\n";
    std::cout << "Imported " << count(added, "episode", "episodes") << " from " << in << " into " << store->path()
              << "\n";
    return 0;
}

// ---- FHIR ---------------------------------------------------------------------

int run_export_fhir(const Args& a, Context& ctx) {
    const std::string& out = a.positional[0];
    nd::ExportSpec spec = export_spec(nd::ExportKind::Fhir, a, ctx);
    auto store = ctx.open_existing_store();
    spec.fhir_pretty = !a.has("--compact");
    // One Patient id per diary (the export service keeps it), shared with the app.
    std::string where;
    const nd::ExportOutput o = stream_export(a, out, *store, spec, where);
    msg(out) << "Wrote a FHIR R4 bundle (1 Patient, " << count(o.episodes, "Observation", "Observations")
             << ") to " << where << "\n"
             << kNotEncrypted << "\n";
    return 0;
}

// ---- PDF report -----------------------------------------------------------------

struct SectionName {
    const char* id;
    nd::ReportSection bit;
};
constexpr SectionName kSections[] = {
    {"summary", nd::kSectionSummary},       {"per-week", nd::kSectionPerWeek},
    {"body-map", nd::kSectionBodyMap},      {"sensations", nd::kSectionSensations},
    {"severity", nd::kSectionSeverity},     {"red-flags", nd::kSectionRedFlags},
    {"background", nd::kSectionBackground}, {"checkins", nd::kSectionCheckIns},
    {"topics", nd::kSectionTopics},         {"episodes", nd::kSectionEpisodeTable},
    {"notes", nd::kSectionNotes},
};

std::string section_ids() {
    std::string s;
    for (const auto& sec : kSections) s += std::string(s.empty() ? "" : ", ") + sec.id;
    return s + ", all";
}

std::uint32_t parse_sections(const std::vector<std::string>& texts) {
    if (texts.empty()) return nd::kSectionDefault;   // page 1 and the figures; the full table when asked
    std::uint32_t bits = 0;
    for (const auto& text : texts) {
        std::size_t start = 0;
        while (start <= text.size()) {
            const auto comma = text.find(',', start);
            const std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            bool found = part == "all";
            if (found) bits |= nd::kSectionAll;
            for (const auto& sec : kSections)
                if (part == sec.id) {
                    bits |= sec.bit;
                    found = true;
                }
            if (!found) throw UsageError("--sections: unknown section '" + part + "' (valid: " + section_ids() + ")");
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return bits;
}

int run_report(const Args& a, Context& ctx) {
    const std::string& out = a.positional[0];
    nd::ExportSpec spec = export_spec(nd::ExportKind::Pdf, a, ctx);
    spec.sections = parse_sections(a.all("--sections"));
    spec.generated_on = nd::local_date({ctx.now, ctx.offset_min});
    // --paper overrides the diary's saved paper (the app's Settings), whose default
    // is the locale's LC_PAPER (docs/report.md).
    if (auto p = a.get("--paper")) {
        spec.paper = nd::paper_from_id(*p);
        if (!spec.paper) throw UsageError("--paper: '" + *p + "' is not a4 or letter");
    }
#ifdef ND_HAVE_LOCALE_PAPER
    spec.locale_paper = nd::platform::locale_paper();
#endif
#ifdef ND_HAVE_PDF
    const nd::Catalog catalog =
        a.get("--catalog") ? catalog_from(*a.get("--catalog")) : nd::load_default_catalog();
    auto store = ctx.open_existing_store();
    nd::ExportOutput o;
    try {
        o = nd::build_export_output(*store, catalog, spec, [](const nd::ReportModel& m) { return nd::render_report_pdf(m); });
    } catch (const nd::PdfError& e) {
        throw CliError(std::string("could not draw the report: ") + e.what());
    }
    const std::string where = write_output(a, out, o.bytes);
    msg(out) << "Wrote the doctor's report (" << count(o.episodes, "episode", "episodes") << ", " << o.period_text
             << ") to " << where << "\n"
             << kNotEncrypted << "\n";
    return 0;
#elif defined(ND_REPORT_VIA_HELPER)
    (void)ctx;
    (void)out;
    exec_report_helper();   // the same command, in the build with the PDF renderer (report_helper.cpp)
#else
    (void)ctx;
    (void)out;
    throw CliError("this numbness-diary-cli was built without the PDF renderer (cairo and pango); rebuild with ND_BUILD_PDF=ON");
#endif
}

}  // namespace

std::vector<Command> export_commands() {
    return {
        {{"backup", "FILE", "Back up the whole diary into a checked (optionally password-protected) file",
          "Everything, the bin and tombstones included, in the NDBACKUP envelope (format version,\n"
          "length and checksum, so a damaged file is refused on restore). Without a password the\n"
          "same diary always gives the same bytes. With --password-file or --password-env the\n"
          "diary is encrypted (Argon2id, XChaCha20-Poly1305): there is no way back without the\n"
          "password. FILE '-' writes to standard output; the file is created with mode 0600.",
          {kPasswordFile, kPasswordEnv, kForce},
          1, 1,
          {"numbness-diary-cli backup diary.ndbackup", "numbness-diary-cli backup diary.ndbackup --password-file ~/.nd-password",
           "ND_PW=secret numbness-diary-cli backup diary.ndbackup --password-env ND_PW"}},
         run_backup},
        {{"restore", "FILE", "Restore a backup: replace the diary, or merge it in",
          "Reads a file of 'numbness-diary-cli backup' (or an older JSON file of 'numbness-diary-cli export'). --replace makes the\n"
          "diary exactly the backup; --merge combines both record by record: the newest change\n"
          "of each record wins, and a delete counts as a change (see docs/backup-format.md). An\n"
          "empty diary needs neither. All or nothing: a damaged file or a wrong password\n"
          "changes nothing.",
          {{"--merge", "", "combine the backup with the diary (newest change wins)"},
           {"--replace", "", "replace the diary with the backup"},
           kPasswordFile,
           kPasswordEnv},
          1, 1,
          {"numbness-diary-cli --db new.sqlite restore diary.ndbackup", "numbness-diary-cli restore phone.ndbackup --merge",
           "numbness-diary-cli restore diary.ndbackup --replace --password-file ~/.nd-password"}},
         run_restore},
        {{"export-csv", "FILE", "Write the episodes (not the bin) as CSV for a spreadsheet",
          "One row per episode, oldest first, RFC 4180, UTF-8 with a byte order mark, ISO 8601\n"
          "times with the UTC offset; lists joined with ';'. Columns: see docs/cli.md.\n"
          "The file is not encrypted. FILE '-' writes to standard output.",
          {kFrom, kTo, {"--no-bom", "", "leave out the UTF-8 byte order mark"},
           {"--what", "KIND", "episodes (default), checkins, medicines, background or questionnaires: each its own file"}, kForce},
          1, 1,
          {"numbness-diary-cli export-csv episodes.csv", "numbness-diary-cli export-csv march.csv --from 2026-03-01 --to 2026-03-31"}},
         run_export_csv},
        {{"import-csv", "FILE", "Add the episodes (or check-ins, medicines, background) of a CSV file to the diary",
          "The header names the columns (any order; for episodes only 'start' is needed). Every\n"
          "row is checked; any problem means nothing is imported, and every problem is listed by\n"
          "row and column. Times without an offset take this computer's current offset. Records\n"
          "already in the diary (same id, or a check-in of a day that has one) are refused, never\n"
          "overwritten (use 'numbness-diary-cli restore' for backups). FILE '-' reads standard input.",
          {{"--what", "KIND", "episodes (default), checkins, medicines or background: the files export-csv --what writes"}},
          1, 1,
          {"numbness-diary-cli import-csv episodes.csv", "numbness-diary-cli import-csv --what checkins checkins.csv"}},
         run_import_csv},
        {{"export-fhir", "FILE", "Write a FHIR R4 bundle (Patient + one Observation per episode)",
          "A Bundle of type collection following the HL7 Symptoms IG's SymptomObservation profile,\n"
          "for a doctor's or a hospital's system. The Patient keeps the same id in every export\n"
          "of this diary. The JSON is indented for reading; --compact leaves the layout out (the\n"
          "same content, about half the size, faster to write: for a system to import).\n"
          "The file is not encrypted. FILE '-' writes to standard output.",
          {kFrom, kTo, {"--compact", "", "write the JSON without indentation or line breaks"}, kForce},
          1, 1,
          {"numbness-diary-cli export-fhir diary-fhir.json", "numbness-diary-cli export-fhir - --from 2026-01-01",
           "numbness-diary-cli export-fhir diary-fhir.json --compact"}},
         run_export_fhir},
        {{"report", "FILE", "Write the doctor's report as a PDF",
          "Page 1 is the doctor's 30-second summary: who and when, every warning sign, your\n"
          "questions, at most five patterns, medicines, causes worth discussing (docs/report.md).\n"
          "The figures follow; the episode table and notes when asked (--sections all).\n"
          "Warning signs are always included. Sections: " + section_ids() + ".\n"
          "The file is not encrypted.",
          {kFrom,
           kTo,
           {"--sections", "LIST", "the sections to include, comma-separated (default: all but episodes and notes)", true},
           {"--paper", "SIZE", "a4 or letter (default: the one saved in the app's Settings, else the locale's LC_PAPER)"},
           {"--catalog", "PATH", "use another cause catalog file"},
           kForce},
          1, 1,
          {"numbness-diary-cli report report.pdf", "numbness-diary-cli report spring.pdf --from 2026-03-01 --to 2026-05-31",
           "numbness-diary-cli report short.pdf --sections summary,per-week,red-flags,episodes"}},
         run_report},
    };
}

}  // namespace ndcli
