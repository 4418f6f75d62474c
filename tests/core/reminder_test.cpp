// The daily reminder (platform/reminder): the systemd user timer's files created
// and removed in a temporary HOME (text checked, and `systemd-analyze --user
// verify` when it is installed), a recording systemd and notifier in process, and
// `numbness-diary-cli remind` end to end with a recording notifier program.
#ifdef ND_HAVE_REMINDER
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cli_runner.hpp"
#include "reminder.hpp"

namespace fs = std::filesystem;
using namespace nd::reminder;

namespace {

struct RecordingSystemd : SystemdUser {
    bool running = true;
    std::vector<std::string> calls;
    bool available() override { return running; }
    bool systemctl(const std::vector<std::string>& args, std::string&) override {
        std::string c;
        for (const auto& a : args) c += (c.empty() ? "" : " ") + a;
        calls.push_back(c);
        return true;
    }
};

struct RecordingNotifier : Notifier {
    std::vector<std::string> shown;
    bool notify(const std::string& title, const std::string& body, std::string&) override {
        shown.push_back(title + ": " + body);
        return true;
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

nd::Episode episode_at(std::int64_t utc, std::int32_t offset) {
    nd::Episode e;
    e.id = "0b0e3c55-58a3-4c55-9a55-8f0c2f5b1a01";
    e.start = {utc, offset};
    return e;
}

}  // namespace

TEST_CASE("Reminder job: unit files created in a temporary home, verified, and removed", "[reminder]") {
    nd::test::CliDir home("nd-remind-home-");
    const fs::path unit_dir = home.dir / ".config" / "systemd" / "user";
    const std::string nd_path = nd::test::kNd.empty() ? "/bin/true" : nd::test::kNd;
    const std::string db = (home.dir / "my diary%.sqlite").string();
    RecordingSystemd systemd;

    const auto r = install_job(systemd, unit_dir.string(), 20, 5, nd_path, db);
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK(r.message == "A reminder comes every day at 20:05, also when the app is closed.");
    const std::string timer = slurp(unit_dir / "numbness-diary-reminder.timer");
    const std::string service = slurp(unit_dir / "numbness-diary-reminder.service");
    CHECK(timer.find("OnCalendar=*-*-* 20:05:00\n") != std::string::npos);
    CHECK(timer.find("WantedBy=timers.target\n") != std::string::npos);
    CHECK(service.find("Type=oneshot\n") != std::string::npos);
    // '%' would be a systemd specifier: doubled; the path is quoted (it has a space).
    CHECK(service.find("ExecStart=\"" + nd_path + "\" --db \"" + (home.dir / "my diary%%.sqlite").string() +
                       "\" remind\n") != std::string::npos);
    CHECK(systemd.calls == std::vector<std::string>{"daemon-reload", "enable --now numbness-diary-reminder.timer"});

    if (std::system("command -v systemd-analyze >/dev/null 2>&1") == 0 && !nd::test::kNd.empty()) {
        const fs::path runtime = home.dir / "runtime";
        fs::create_directories(runtime);
        ::chmod(runtime.c_str(), 0700);
        const std::string cmd = "HOME='" + home.dir.string() + "' XDG_CONFIG_HOME='" + (home.dir / ".config").string() +
                                "' XDG_RUNTIME_DIR='" + runtime.string() + "' systemd-analyze --user verify '" +
                                (unit_dir / "numbness-diary-reminder.timer").string() + "' '" +
                                (unit_dir / "numbness-diary-reminder.service").string() + "' >'" +
                                (home.dir / "verify.txt").string() + "' 2>&1";
        const int rc = std::system(cmd.c_str());
        INFO(slurp(home.dir / "verify.txt"));
        CHECK(rc == 0);
    } else {
        WARN("systemd-analyze not installed: unit verification skipped");
    }

    systemd.calls.clear();
    const auto off = remove_job(systemd, unit_dir.string());
    CHECK(off.ok);
    CHECK_FALSE(fs::exists(unit_dir / "numbness-diary-reminder.timer"));
    CHECK_FALSE(fs::exists(unit_dir / "numbness-diary-reminder.service"));
    CHECK(systemd.calls == std::vector<std::string>{"disable --now numbness-diary-reminder.timer", "daemon-reload"});
}

TEST_CASE("Reminder job without systemd: nothing installed, said plainly, files still removed", "[reminder]") {
    nd::test::CliDir home("nd-remind-home-");
    const fs::path unit_dir = home.dir / "units";
    RecordingSystemd systemd;
    systemd.running = false;
    const auto r = install_job(systemd, unit_dir.string(), 8, 0, "/bin/true", "/tmp/x.sqlite");
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("no systemd user session") != std::string::npos);
    CHECK_FALSE(fs::exists(unit_dir));
    CHECK(systemd.calls.empty());
    fs::create_directories(unit_dir);
    std::ofstream(unit_dir / "numbness-diary-reminder.timer") << "old";
    CHECK(remove_job(systemd, unit_dir.string()).ok);
    CHECK_FALSE(fs::exists(unit_dir / "numbness-diary-reminder.timer"));
    CHECK_FALSE(install_job(systemd, unit_dir.string(), 24, 0, "/bin/true", "/tmp/x.sqlite").ok);
}

TEST_CASE("Reminder: notifies on a day without an entry, not on a day with one (local days)", "[reminder]") {
    RecordingNotifier n;
    std::string error;
    nd::Diary d;
    CHECK(remind_if_nothing_logged(d, "2026-03-01", n, error));
    REQUIRE(n.shown == std::vector<std::string>{"Numbness Diary: Time for your diary"});
    // 2026-03-01T23:30 at +01:00 is 22:30 UTC: that local day counts.
    d.episodes.push_back(episode_at(1772404200, 60));
    CHECK_FALSE(remind_if_nothing_logged(d, "2026-03-01", n, error));
    CHECK(remind_if_nothing_logged(d, "2026-03-02", n, error));
    // An episode in the bin is not an entry; a check-in is.
    d.episodes[0].deleted_utc = 1772404300;
    CHECK(remind_if_nothing_logged(d, "2026-03-01", n, error));
    nd::CheckIn c;
    c.id = "0b0e3c55-58a3-4c55-9a55-8f0c2f5b1a02";
    c.date = "2026-03-01";
    d.checkins.push_back(c);
    CHECK_FALSE(remind_if_nothing_logged(d, "2026-03-01", n, error));
    CHECK(n.shown.size() == 3);
}

TEST_CASE("CLI remind calls the notifier on a day without an entry and not on a day with one", "[reminder][cli]") {
    if (!nd::test::has_cli()) return;
    nd::test::CliDir t;
    t.write("record.sh", "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done >> \"$(dirname \"$0\")/notified.txt\"\necho >> \"$(dirname \"$0\")/notified.txt\"\n");
    ::chmod(t.path("record.sh").c_str(), 0755);
    const std::string env = "ND_NOTIFY_COMMAND='" + t.path("record.sh").string() + "'";
    // ND_NOW is 2026-03-01 12:00 +01:00; nothing logged.
    auto r = t.nd("--db d.sqlite remind", env);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(nd::test::slurp(t.path("notified.txt")) == "--app-name=Numbness Diary|Numbness Diary|Time for your diary|\n");
    // Log something that day: no second notification.
    auto l = t.nd("--db d.sqlite log --at 2026-03-01T09:00+01:00 --duration 5 --region left:toes --sensation tingling");
    REQUIRE(l.code == 0);
    auto r2 = t.nd("--db d.sqlite remind", env);
    CHECK(r2.code == 0);
    CHECK(nd::test::contains(r2.out, "No reminder"));
    CHECK(nd::test::slurp(t.path("notified.txt")) == "--app-name=Numbness Diary|Numbness Diary|Time for your diary|\n");
    // A notifier that cannot run: a clear error, exit status 1.
    auto bad = t.nd("--db e.sqlite remind", "ND_NOTIFY_COMMAND=/nonexistent/notify");
    CHECK(bad.code == 1);
    CHECK(nd::test::contains(bad.err, "could not run /nonexistent/notify"));
}
#endif
