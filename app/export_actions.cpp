#include "export_actions.hpp"

#include <exception>
#include <filesystem>

#include "atomic_file.hpp"
#include "export_service.hpp"
#include "store.hpp"
#include "time_util.hpp"

#ifdef ND_HAVE_PDF
#include "report_pdf.hpp"
#endif

namespace nd::app {

namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::size_t live_episodes(const Diary& d) {
    std::size_t n = 0;
    for (const Episode& e : d.episodes) n += is_deleted(e) ? 0 : 1;
    return n;
}

std::string period_words(const LocalDate& from, const LocalDate& to) {
    if (from.empty() && to.empty()) return "all dates";
    if (from.empty()) return "up to " + format_date_long(to);
    if (to.empty()) return "from " + format_date_long(from);
    return format_date_long(from) + " to " + format_date_long(to);
}

}  // namespace

bool pdf_available() {
#ifdef ND_HAVE_PDF
    return true;
#else
    return false;
#endif
}

const char* file_extension(ExportFormat f) {
    switch (f) {
        case ExportFormat::Pdf: return "pdf";
        case ExportFormat::Csv: return "csv";
        case ExportFormat::Fhir: return "json";
        case ExportFormat::Backup: return "ndbackup";
    }
    return "";
}

std::string default_file_name(ExportFormat f, const LocalDate& today) {
    const char* what = f == ExportFormat::Pdf ? "report" : f == ExportFormat::Csv ? "episodes"
                       : f == ExportFormat::Fhir ? "fhir" : "backup";
    return std::string("numbness-diary-") + what + "-" + today + "." + file_extension(f);
}

std::string checked_file_name(const std::string& name_in, ExportFormat f, std::string& problem) {
    problem.clear();
    std::string name = name_in;
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(name.begin());
    if (name.empty()) {
        problem = "Please give the file a name.";
        return "";
    }
    if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos) {
        problem = "A file name cannot contain / or \\. Choose the folder above, and only the name here.";
        return "";
    }
    if (name.front() == '.') {
        problem = "A file name cannot start with a dot (it would be hidden).";
        return "";
    }
    if (name.size() > 200) {
        problem = "That file name is too long.";
        return "";
    }
    const std::string ext = std::string(".") + file_extension(f);
    const bool has_ext = name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    if (!has_ext) name += ext;
    return name;
}

std::string build_export(Store& store, const Catalog& catalog, const ExportRequest& r) {
    if (r.format == ExportFormat::Backup) {
        BackupOptions options;
        if (r.password && !r.password->empty()) options.password = r.password;
        options.kdf = r.kdf;
        return write_backup(store.load_diary(), options);
    }
    // Everything else goes through the core's one export path (shared with the CLI).
    ExportSpec spec;
    spec.kind = r.format == ExportFormat::Pdf ? ExportKind::Pdf : r.format == ExportFormat::Csv ? ExportKind::Csv
                                                                                                 : ExportKind::Fhir;
    spec.from = r.from;
    spec.to = r.to;
    spec.sections = r.sections;
    spec.generated_on = r.today;
    spec.paper = r.paper;
    PdfRenderer render;
#ifdef ND_HAVE_PDF
    render = [](const ReportModel& m) { return render_report_pdf(m); };
#endif
    return build_export_output(store, catalog, spec, render).bytes;
}

ExportResult write_export(Store& store, const Catalog& catalog, const ExportRequest& r, const std::string& path) {
    ExportResult out;
    try {
        const std::string bytes = build_export(store, catalog, r);
        write_export_file(path, bytes);
        out.ok = true;
        out.path = path;
        if (r.format == ExportFormat::Backup) {
            const Diary d = store.load_diary();
            out.summary = "the whole diary: " + plural(live_episodes(d), "episode", "episodes") + ", " +
                          plural(d.checkins.size(), "check-in", "check-ins");
        } else {
            const Diary d = diary_in_range(store.load_diary(), r.from, r.to);
            out.summary = plural(live_episodes(d), "episode", "episodes") + ", " + period_words(r.from, r.to);
        }
    } catch (const std::exception& e) {
        out.error = std::string(e.what());
        if (!out.error.empty() && out.error.back() != '.') out.error += '.';
        out.error += " Nothing was saved.";
    }
    return out;
}

BackupCheck check_backup_file(const std::string& path) {
    BackupCheck c;
    try {
        const std::string bytes = read_file(path, kMaxBackupFileBytes);
        const BackupInfo info = inspect_backup(bytes);
        c.ok = true;
        c.encrypted = info.encrypted;
        c.legacy = info.legacy;
    } catch (const BackupError& e) {
        c.error = e.what();
    } catch (const std::exception& e) {
        c.error = std::string(e.what()) + " Nothing was changed.";
    }
    return c;
}

RestoreOutcome restore_from_file(Store& store, const std::string& path, RestoreMode mode,
                                 const std::optional<std::string>& password) {
    RestoreOutcome out;
    try {
        const std::string bytes = read_file(path, kMaxBackupFileBytes);
        const RestoreResult r = restore_backup(store, bytes, mode, password);
        out.ok = true;
        out.changes = diff_diaries(r.before, r.after);
        out.message = mode == RestoreMode::Merge
                          ? "The backup was combined with your diary: " + describe(out.changes) + "."
                          : std::string("Your diary was replaced by the backup.");
        out.message += " It now holds " + plural(live_episodes(r.after), "episode", "episodes") + ".";
    } catch (const BackupError& e) {
        out.wrong_password = e.problem == BackupProblem::WrongPassword;
        out.password_needed = e.problem == BackupProblem::PasswordNeeded;
        out.message = e.what();
    } catch (const std::exception& e) {
        out.message = std::string(e.what()) + " Nothing was changed.";
    }
    return out;
}

}  // namespace nd::app
