#include "export_actions.hpp"

#include <exception>
#include <filesystem>

#include "atomic_file.hpp"
#include "background_job.hpp"
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

namespace {

// The export's bytes and its summary, in the job's steps.
std::string build_export_steps(Store& store, const Catalog& catalog, const ExportRequest& r, std::string& summary,
                               JobControl& job) {
    if (r.format == ExportFormat::Backup) {
        job.stage("Reading your diary", 0.05f);
        const Diary d = store.load_diary();
        job.check();
        const bool locked = r.password && !r.password->empty();
        // The Argon2id step of a password takes a second or more and cannot be
        // interrupted: a cancel is honoured right after it.
        job.stage(locked ? "Locking the backup with your password" : "Packing the backup", 0.3f);
        BackupOptions options;
        if (locked) options.password = r.password;
        options.kdf = r.kdf;
        std::string bytes = write_backup(d, options);
        summary = "the whole diary: " + plural(live_episodes(d), "episode", "episodes") + ", " +
                  plural(d.checkins.size(), "check-in", "check-ins");
        return bytes;
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
    render = [&job](const ReportModel& m) {
        job.check();
        job.stage("Drawing the pages", 0.5f);
        return render_report_pdf(m);
    };
#endif
    job.stage(r.format == ExportFormat::Pdf ? "Reading your diary and finding its patterns" : "Reading your diary",
              0.1f);
    ExportOutput out = build_export_output(store, catalog, spec, render);
    summary = plural(out.episodes, "episode", "episodes") + ", " + period_words(r.from, r.to);
    return std::move(out.bytes);
}

}  // namespace

std::string build_export(Store& store, const Catalog& catalog, const ExportRequest& r) {
    JobControl job;
    std::string summary;
    return build_export_steps(store, catalog, r, summary, job);
}

ExportResult write_export(Store& store, const Catalog& catalog, const ExportRequest& r, const std::string& path) {
    JobControl job;   // never cancelled
    return write_export(store, catalog, r, path, job);
}

ExportResult write_export(Store& store, const Catalog& catalog, const ExportRequest& r, const std::string& path,
                          JobControl& job) {
    ExportResult out;
    out.format = r.format;
    out.encrypted = r.format == ExportFormat::Backup && r.password && !r.password->empty();
    try {
        std::string summary;
        const std::string bytes = build_export_steps(store, catalog, r, summary, job);
        job.check();   // the last moment to stop: nothing is on disk yet
        job.stage("Writing the file", 0.9f);
        write_export_file(path, bytes);
        job.stage("Done", 1.0f);
        out.ok = true;
        out.path = path;
        out.summary = std::move(summary);
    } catch (const JobCancelled&) {
        throw;
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
    JobControl job;   // never cancelled
    return restore_from_file(store, path, mode, password, job);
}

RestoreOutcome restore_from_file(Store& store, const std::string& path, RestoreMode mode,
                                 const std::optional<std::string>& password, JobControl& job) {
    RestoreOutcome out;
    out.mode = mode;
    try {
        job.stage("Reading the backup", 0.05f);
        const std::string bytes = read_file(path, kMaxBackupFileBytes);
        job.check();
        job.stage(password ? "Opening the backup with its password" : "Opening the backup", 0.2f);
        // check_current runs inside the write transaction, after the slow opening
        // (the KDF, parsing): a cancel by then throws there and rolls it back.
        RestoreResult r = restore_backup(store, bytes, mode, password, [&job](const Diary&) {
            job.check();
            job.stage("Saving", 0.8f);
        });
        out.ok = true;
        out.changes = diff_diaries(r.before, r.after);
        out.message = mode == RestoreMode::Merge
                          ? "The backup was combined with your diary: " + describe(out.changes) + "."
                          : std::string("Your diary was replaced by the backup.");
        out.message += " It now holds " + plural(live_episodes(r.after), "episode", "episodes") + ".";
        out.after = std::make_shared<Diary>(std::move(r.after));
        job.stage("Done", 1.0f);
    } catch (const JobCancelled&) {
        throw;
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
