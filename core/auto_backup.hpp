// Automatic backups of the diary file, and the way back from a damaged diary.
//
// A backup is a complete copy of the SQLite file, made on a read-only
// connection of its own with VACUUM INTO (a consistent snapshot even while the
// app keeps writing), into a temporary name that is checked, flushed to disk and
// only then renamed to "<diary stem>-YYYYMMDD-HHMMSS.sqlite" in the "backups"
// folder beside the diary. Rotation keeps the newest few and one a month for
// some months, so an old mistake can still be undone. A damaged diary is never
// overwritten: restoring renames it aside ("diary.sqlite.damaged-...") first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nd {

class Store;

struct BackupFile {
    std::string path;
    std::int64_t taken_utc = 0;   // read from the file name (UTC)
};

struct BackupPolicy {
    std::int64_t min_interval_s = 20 * 3600;   // at most one automatic backup in 20 hours
    std::size_t keep_recent = 7;                // the newest 7 are always kept
    std::size_t keep_monthly = 6;               // older ones: the newest of each 30-day period, 6 periods
};

// The folder holding the automatic backups of the diary at diary_path.
std::string backup_dir_for(const std::string& diary_path);
// The automatic backups of this diary, newest first (other files are ignored).
std::vector<BackupFile> list_backups(const std::string& diary_path);

// True when no backup was taken in the last policy.min_interval_s seconds.
bool backup_due(const std::vector<BackupFile>& newest_first, std::int64_t now_utc, const BackupPolicy& policy);
// The backups the policy no longer keeps (pure: decides, deletes nothing).
std::vector<BackupFile> backups_to_drop(const std::vector<BackupFile>& newest_first, std::int64_t now_utc,
                                        const BackupPolicy& policy);

// Copies the diary as it is now into a new backup file (mode 0600) and returns
// it. Throws StoreError (with the reason: disk full, folder not writable) and
// leaves no partial file behind.
// `open` (optional): the diary's open Store, used instead of a connection of
// its own where a second connection cannot open the file (the web build).
BackupFile make_backup(const std::string& diary_path, std::int64_t now_utc, const Store* open = nullptr);
// Deletes what backups_to_drop names; returns the paths deleted.
std::vector<std::string> rotate_backups(const std::string& diary_path, std::int64_t now_utc,
                                        const BackupPolicy& policy);

// Deletes every automatic backup of this diary ("delete all my data" must not
// leave copies behind); returns how many were deleted.
std::size_t delete_all_backups(const std::string& diary_path);

// Whether a backup file opens as a sound diary this version can read.
struct BackupCheck {
    bool good = false;
    std::string problem;          // why not, in words
    std::int64_t episodes = 0;    // episodes not in the bin
};
BackupCheck check_backup(const std::string& path);
// The newest backup that passes check_backup, if any.
std::optional<BackupFile> newest_good_backup(const std::string& diary_path);

// Puts a copy of `backup` where the diary is. The diary file (and its -wal and
// -shm) are first renamed aside, never overwritten or deleted; returns the new
// name of the damaged file. Throws StoreError with nothing changed when the
// backup is not good or a step fails (a failed copy renames the damaged file back).
// The diary must not be open (close the Store first).
std::string restore_backup(const std::string& diary_path, const BackupFile& backup, std::int64_t now_utc);

// What the app runs after its first frame, on a thread of its own: quick_check on
// a separate read-only connection; then, only when the diary is sound and a
// backup is due, a backup and a rotation. Never throws.
struct HealthReport {
    bool damaged = false;
    std::string problems;                   // quick_check's findings, or the error that showed the damage
    std::string check_error;                // the check could not run (busy, no memory): not "damaged"
    std::optional<BackupFile> backup_made;
    std::string backup_error;               // a backup was due but could not be made
    std::vector<std::string> rotated_out;
};
// With `open` (the web build, no threads), the check and the copy run on that
// connection instead of a read-only one of their own.
HealthReport check_and_back_up(const std::string& diary_path, std::int64_t now_utc,
                               const BackupPolicy& policy = {}, const Store* open = nullptr);

}  // namespace nd
