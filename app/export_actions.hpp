// The Export page's work without the UI: build each format from the diary and
// write it (atomically, 0600, see atomic_file.hpp), and restore a backup file.
// Every function returns what happened in words fit for a person: the path that
// was written, or why nothing was written / changed. No ImGui here.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "backup.hpp"
#include "catalog.hpp"
#include "merge.hpp"
#include "model.hpp"
#include "report_model.hpp"

namespace nd {
class Store;
}

namespace nd::app {

class JobControl;

enum class ExportFormat : std::uint8_t { Pdf, Csv, Fhir, Backup };

// True when this build can draw the PDF report (the desktop build links the
// cairo renderer; the web build does not).
bool pdf_available();

// "pdf", "csv", "json", "ndbackup"
const char* file_extension(ExportFormat f);
// "numbness-diary-report-2026-11-26.pdf", "numbness-diary-episodes-2026-11-26.csv", ...
std::string default_file_name(ExportFormat f, const LocalDate& today);
// The name with the format's extension added when it has none of its own;
// "" plus a message in `problem` when the name cannot be used (empty, a folder
// separator, starts with a dot).
std::string checked_file_name(const std::string& name, ExportFormat f, std::string& problem);

struct ExportRequest {
    ExportFormat format = ExportFormat::Csv;
    LocalDate from, to;                      // local dates, inclusive; empty: open (not used by backups)
    std::uint32_t sections = kSectionDefault;   // PDF report
    Paper paper = Paper::A4;                    // PDF report
    LocalDate today;                         // the report's "generated on"
    std::optional<std::string> password;     // backup: set and non-empty = encrypted
    KdfLimits kdf;                           // backup: Argon2id cost (tests lower it)
};

struct ExportResult {
    bool ok = false;
    std::string path;       // where the file went (ok)
    std::string summary;    // "12 episodes, 1 Mar 2026 to 31 May 2026" (ok)
    std::string error;      // why nothing was written (not ok), ends with "Nothing was saved."
    ExportFormat format = ExportFormat::Csv;   // what was asked for
    bool encrypted = false;                    // a backup locked with a password
};

// The file's bytes; throws (std::exception with a readable what()) on failure.
std::string build_export(Store& store, const Catalog& catalog, const ExportRequest& request);

// Builds and writes to `path` (replacing a file that is there: ask first).
ExportResult write_export(Store& store, const Catalog& catalog, const ExportRequest& request,
                          const std::string& path);
// The same in steps a background job reports (JobControl::stage) and may be
// stopped between (JobControl::check throws JobCancelled; no file is written).
ExportResult write_export(Store& store, const Catalog& catalog, const ExportRequest& request,
                          const std::string& path, JobControl& job);

// ---- Restore ----------------------------------------------------------------------

struct BackupCheck {
    bool ok = false;
    bool encrypted = false;   // a password is needed to restore it
    bool legacy = false;      // plain JSON from before the envelope
    std::string error;        // not ok: why it cannot be restored ("Nothing was changed.")
};

// Reads the file and checks its envelope (not the diary inside, not the password).
BackupCheck check_backup_file(const std::string& path);

struct RestoreOutcome {
    bool ok = false;
    bool wrong_password = false;   // ask again
    bool password_needed = false;
    std::string message;           // ok: what changed; else why nothing changed
    DiaryChanges changes;
    RestoreMode mode = RestoreMode::Merge;
    std::shared_ptr<Diary> after;  // ok: the diary as it now is (read inside the write transaction)
};

// Replaces the diary with the backup, or merges it in; all or nothing.
RestoreOutcome restore_from_file(Store& store, const std::string& path, RestoreMode mode,
                                 const std::optional<std::string>& password);
// The same as a job's steps: a cancel that comes before the write transaction's
// end rolls it back (JobCancelled propagates; the diary is unchanged).
RestoreOutcome restore_from_file(Store& store, const std::string& path, RestoreMode mode,
                                 const std::optional<std::string>& password, JobControl& job);

}  // namespace nd::app
