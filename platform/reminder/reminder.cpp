#include "reminder.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "atomic_file.hpp"
#include "time_util.hpp"

extern char** environ;

namespace nd::reminder {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// One argument of ExecStart, quoted for systemd: '\' and '"' escaped, '%'
// (specifiers) doubled, '$' (variables) doubled.
std::string unit_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '%') out += '%';
        if (c == '$') out += '$';
        out += c;
    }
    return out + "\"";
}

class RealSystemd : public SystemdUser {
public:
    bool available() override {
        std::error_code ec;
        if (!fs::is_directory("/run/systemd/system", ec)) return false;
        return run_program({"systemctl", "--user", "--quiet", "show-environment"}) == 0;
    }
    bool systemctl(const std::vector<std::string>& args, std::string& error) override {
        std::vector<std::string> argv{"systemctl", "--user"};
        argv.insert(argv.end(), args.begin(), args.end());
        const int rc = run_program(argv);
        if (rc == 0) return true;
        std::string cmd;
        for (const auto& a : argv) cmd += (cmd.empty() ? "" : " ") + a;
        error = "'" + cmd + "' failed" + (rc < 0 ? " to start" : " (exit status " + std::to_string(rc) + ")");
        return false;
    }
};

class CommandNotifier : public Notifier {
public:
    bool notify(const std::string& title, const std::string& body, std::string& error) override {
        std::string program = env("ND_NOTIFY_COMMAND");
        if (program.empty()) program = "notify-send";
        const int rc = run_program({program, "--app-name=Numbness Diary", title, body});
        if (rc == 0) return true;
        error = rc < 0 ? "could not run " + program + " (on Debian it comes with the package libnotify-bin)"
                       : program + " failed (exit status " + std::to_string(rc) + ")";
        return false;
    }
};

}  // namespace

int run_program(const std::vector<std::string>& argv) {
    if (argv.empty()) return -1;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (!WIFEXITED(status)) return -1;
    // posix_spawnp reports a missing program as exit status 127 from the child.
    return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

std::unique_ptr<SystemdUser> real_systemd_user() { return std::make_unique<RealSystemd>(); }
std::unique_ptr<Notifier> command_notifier() { return std::make_unique<CommandNotifier>(); }

std::string user_unit_dir() {
    const std::string xdg = env("XDG_CONFIG_HOME");
    if (!xdg.empty() && fs::path(xdg).is_absolute()) return (fs::path(xdg) / "systemd" / "user").string();
    return (fs::path(env("HOME")) / ".config" / "systemd" / "user").string();
}

std::string service_unit_text(const std::string& nd_path, const std::string& db_path) {
    return "# Written by Numbness Diary (Settings > Daily reminder); removed when the reminder is turned off.\n"
           "[Unit]\n"
           "Description=Numbness Diary daily reminder\n"
           "\n"
           "[Service]\n"
           "Type=oneshot\n"
           "ExecStart=" + unit_quote(nd_path) + " --db " + unit_quote(db_path) + " remind\n";
}

std::string timer_unit_text(int hour, int minute) {
    char at[16];
    std::snprintf(at, sizeof at, "%02d:%02d:00", hour, minute);
    return "# Written by Numbness Diary (Settings > Daily reminder); removed when the reminder is turned off.\n"
           "[Unit]\n"
           "Description=Numbness Diary daily reminder at " + std::string(at, 5) + "\n"
           "\n"
           "[Timer]\n"
           "OnCalendar=*-*-* " + std::string(at) + "\n"
           "# A reminder missed while the computer was off is not shown later.\n"
           "Persistent=false\n"
           "\n"
           "[Install]\n"
           "WantedBy=timers.target\n";
}

JobResult install_job(SystemdUser& systemd, const std::string& unit_dir, int hour, int minute,
                      const std::string& nd_path, const std::string& db_path) {
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return {false, "The time must be between 00:00 and 23:59."};
    if (!systemd.available())
        return {false, "This desktop has no systemd user session, so the reminder can only come while the app is open."};
    std::error_code ec;
    fs::create_directories(unit_dir, ec);
    if (ec) return {false, "Could not create " + unit_dir + ": " + ec.message()};
    const fs::path dir(unit_dir);
    try {
        write_file_atomic((dir / (std::string(kUnitName) + ".service")).string(), service_unit_text(nd_path, db_path));
        write_file_atomic((dir / (std::string(kUnitName) + ".timer")).string(), timer_unit_text(hour, minute));
    } catch (const std::exception& e) {
        return {false, std::string("Could not write the reminder's files: ") + e.what()};
    }
    std::string error;
    if (!systemd.systemctl({"daemon-reload"}, error) ||
        !systemd.systemctl({"enable", "--now", std::string(kUnitName) + ".timer"}, error))
        return {false, "The reminder's files were written but systemd did not start the timer: " + error};
    char at[8];
    std::snprintf(at, sizeof at, "%02d:%02d", hour, minute);
    return {true, std::string("A reminder comes every day at ") + at + ", also when the app is closed."};
}

JobResult remove_job(SystemdUser& systemd, const std::string& unit_dir) {
    std::string error;
    const bool running = systemd.available();
    if (running) systemd.systemctl({"disable", "--now", std::string(kUnitName) + ".timer"}, error);
    std::error_code ec;
    bool ok = true;
    for (const char* ext : {".timer", ".service"}) {
        fs::remove(fs::path(unit_dir) / (std::string(kUnitName) + ext), ec);
        if (ec) ok = false;
    }
    if (running) systemd.systemctl({"daemon-reload"}, error);
    if (!ok) return {false, "Could not remove the reminder's files from " + unit_dir};
    return {true, "The daily reminder is off."};
}

bool logged_on(const Diary& d, const LocalDate& date) {
    for (const auto& e : d.episodes)
        if (!e.deleted_utc && local_date(e.start) == date) return true;
    for (const auto& c : d.checkins)
        if (!c.deleted_utc && c.date == date) return true;
    return false;
}

bool remind_if_nothing_logged(const Diary& d, const LocalDate& today, Notifier& notifier, std::string& error) {
    if (logged_on(d, today)) return false;
    return notifier.notify(kTitle, kBody, error);
}

}  // namespace nd::reminder
