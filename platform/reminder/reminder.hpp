// The daily reminder's operating-system side (docs/reminders.md): a systemd user
// timer that runs `numbness-diary-cli remind` at the chosen time, which shows a desktop
// notification with Debian's `notify-send` unless something was logged that day.
// systemd and the notifier sit behind small interfaces so tests replace them
// (CI has no running systemd or D-Bus session). POSIX only; not in the web build.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model.hpp"

namespace nd::reminder {

// The notification's words: never a symptom, never a diagnosis.
inline constexpr const char* kTitle = "Numbness Diary";
inline constexpr const char* kBody = "Time for your diary";
inline constexpr const char* kUnitName = "numbness-diary-reminder";

// ---- systemd ------------------------------------------------------------------

class SystemdUser {
public:
    virtual ~SystemdUser() = default;
    // A systemd user manager is running for this person (else: remind only while the app runs).
    virtual bool available() = 0;
    // Runs `systemctl --user ARGS...`; false with `error` set when it failed.
    virtual bool systemctl(const std::vector<std::string>& args, std::string& error) = 0;
};

// The real one: /run/systemd/system exists (systemd is PID 1) and
// `systemctl --user show-environment` answers.
std::unique_ptr<SystemdUser> real_systemd_user();

// $XDG_CONFIG_HOME/systemd/user, else $HOME/.config/systemd/user (from the environment).
std::string user_unit_dir();

// The unit files' text. `nd_path` and `db_path` are absolute paths.
std::string service_unit_text(const std::string& nd_path, const std::string& db_path);
std::string timer_unit_text(int hour, int minute);

struct JobResult {
    bool ok = false;
    std::string message;   // for people: what happened, or why not
};

// Writes the two unit files into `unit_dir` (created 0700 when missing), then
// daemon-reload and `enable --now` the timer. Without systemd: writes nothing.
JobResult install_job(SystemdUser& systemd, const std::string& unit_dir, int hour, int minute,
                      const std::string& nd_path, const std::string& db_path);
// Disables the timer and removes both files (also when systemd is not running,
// so no stale files stay behind).
JobResult remove_job(SystemdUser& systemd, const std::string& unit_dir);

// ---- Notifying ------------------------------------------------------------------

class Notifier {
public:
    virtual ~Notifier() = default;
    virtual bool notify(const std::string& title, const std::string& body, std::string& error) = 0;
};

// Runs `notify-send --app-name=... TITLE BODY`, or the program named by
// $ND_NOTIFY_COMMAND (tests: a script that records its arguments).
std::unique_ptr<Notifier> command_notifier();

// True when the diary holds an entry of that local date: an episode starting
// that day or a check-in for it (not in the bin).
bool logged_on(const Diary& d, const LocalDate& date);

// Notifies (kTitle, kBody) unless something was logged on `today`. Returns
// whether a notification was sent; `error` when the notifier failed.
bool remind_if_nothing_logged(const Diary& d, const LocalDate& today, Notifier& notifier, std::string& error);

// Runs a program with arguments (no shell); its exit status, or -1 when it could
// not be started. stdout/stderr go to /dev/null.
int run_program(const std::vector<std::string>& argv);

}  // namespace nd::reminder
