// The diary file's health, as the app sees it: the quick_check and the daily
// automatic backup that run after the first frame (so they never delay the
// window), and, when the file turns out to be damaged, the backup offered in its
// place. App owns one; the open-error page and Settings read it.
#pragma once

#include <cstdint>
#include <future>
#include <optional>
#include <string>

#include "auto_backup.hpp"
#include "services.hpp"

namespace nd::app {

struct DiaryHealth {
    enum class Check : std::uint8_t { NotRun, Running, Sound, Damaged, CouldNotRun };
    Check check = Check::NotRun;
    std::string problems;                      // quick_check's findings, or why it could not run
    std::optional<BackupFile> newest_backup;   // the newest automatic backup there is
    std::size_t backups_kept = 0;
    std::string backup_folder;
    std::string backup_error;                  // the last automatic backup failed: why

    // When the diary is damaged: the newest backup that passed its check.
    std::optional<BackupFile> offer;
    std::int64_t offer_episodes = 0;
    bool request_restore = false;              // the person asked for the offer (App acts on it)
    bool request_backup_now = false;           // Settings: "Back up now"
    bool request_delete_backups = false;       // Settings: "Delete all my data" takes the copies too
    bool request_fresh_backups = false;        // Settings: "Empty the bin": one new copy replaces the old ones
    std::string restore_error;

    // Looks for the backup to offer for the damaged diary at diary_path.
    void find_offer(const std::string& diary_path);
    // Re-reads the list of backups (after one was made or rotated).
    void list(const std::string& diary_path);
};

struct AppState;
// "2026-11-24 09:12" in the person's date format and local time.
std::string backup_time_text(const AppState& s, std::int64_t utc);

// Runs nd::check_and_back_up off the UI thread at idle priority (inline where
// Services has no threads: the web build), and hands over its report once.
class HealthCheckRunner {
public:
    // `open`: the diary's Store, used where there are no threads (the web build,
    // whose exclusive file lock keeps a second connection out).
    void start(const std::string& diary_path, std::int64_t now_utc, const Store* open, Services* services);
    bool running() const { return future_.valid(); }
    // The report when the run has finished (once), else nothing; never blocks
    // unless `wait` (tests, and leaving the app).
    std::optional<HealthReport> poll(bool wait = false);

private:
    std::future<HealthReport> future_;
};

}  // namespace nd::app
