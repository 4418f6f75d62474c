// What the app needs from the operating system, behind one interface so the app
// layer never includes GLFW, GL or OS headers. platform/ implements it for the
// desktop; FakeServices (below) is the null implementation the tests use.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "paper.hpp"

namespace nd::app {

// How eagerly a worker thread runs (Services::set_this_thread_priority).
enum class ThreadPriority : std::uint8_t {
    Normal,   // work the person waits for (an export, a restore)
    Low,      // a reload in the background: never at the cost of a frame
    Idle,     // housekeeping (the file check, the daily backup): only when nothing else wants the CPU or disk
};

class Services {
public:
    virtual ~Services() = default;

    // Folder holding the person's diary files (created 0700 by the platform).
    virtual std::string data_dir() = 0;
    // Default folder for exports (reports, CSV, backups).
    virtual std::string documents_dir() = 0;
    // Folder with catalog/causes.json and other shipped assets.
    virtual std::string assets_dir() = 0;
    // A font file ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "fontawesome"), or ""
    // when it is not installed (fonts.cpp then falls back to ImGui's own font).
    virtual std::string font_file(const std::string& name) = 0;

    virtual void set_clipboard(const std::string& text) = 0;
    // Opens a file or folder in the system's viewer; false when that failed.
    virtual bool open_path(const std::string& path) = 0;
    // True where exported files leave the app as downloads (the web version:
    // open_path() of a file downloads it, and there is no folder to choose or to
    // open); false on the desktop, where exports go into a folder the person picks.
    virtual bool exports_are_downloads() { return false; }

    // Where the system's own file chooser picks files (the web: <input type=file>):
    // asks it for a file ending in one of `extensions` and returns true; the answer
    // comes later, from chosen_file(). False where the app's own folder picker is
    // the way (the desktop).
    virtual bool choose_file(const std::vector<std::string>& extensions) {
        (void)extensions;
        return false;
    }
    // The file chosen since the last call (a path the app can read), or "".
    virtual std::string chosen_file() { return {}; }
    // How safely this device keeps the diary, in a sentence for Settings, or ""
    // where there is nothing to say (the desktop). `at_risk`: the browser may clear
    // it (no persistent storage), so Settings offers a backup download.
    virtual std::string storage_note(bool& at_risk) {
        at_risk = false;
        return {};
    }

    // The person's locale, e.g. "en_GB.UTF-8"; "" when unknown. Picks the
    // default emergency number.
    virtual std::string locale() = 0;
    // The locale of dates (LC_TIME), which picks the default date format; the
    // general locale where a platform has no separate one.
    virtual std::string time_locale() { return locale(); }
    // The paper of the locale (LC_PAPER on glibc): the doctor's report's paper until
    // the person chooses one in Settings (kPaperSetting). A4 where a platform cannot tell.
    virtual Paper paper_default() { return Paper::A4; }
    // Seconds since the epoch, and the local UTC offset (minutes) at a moment:
    // every logged moment carries its own offset (see nd::LocalTime).
    virtual std::int64_t now_utc() = 0;
    virtual std::int32_t utc_offset_min(std::int64_t utc) = 0;

    // ---- Threads (background_job.hpp) ----
    // True where the app may run work on threads of its own (the desktop); false
    // where it must not (the web build has none): jobs then run at once, inline,
    // and views compute their heavy figures (the Patterns statistics, the Diary's
    // red-flag marks) on the UI thread when asked (app/diary_analysis.hpp). Tests
    // leave it false so that each frame is final.
    virtual bool threads_available() { return false; }
    // Lowers the calling thread's CPU and I/O priority (the desktop: nice,
    // SCHED_IDLE, ioprio). Called on the worker thread itself; thread-safe.
    virtual void set_this_thread_priority(ThreadPriority priority) { (void)priority; }

    // ---- Daily reminder (docs/reminders.md) ----
    // True where a scheduled job reminds while the app is closed (the desktop with a
    // systemd user session); false: the app reminds only while it is open.
    virtual bool reminder_job_supported() { return false; }
    // Installs (on) or removes (off) that job for the diary at `db_path`. Returns a
    // sentence for Settings; `ok` is false when it failed.
    virtual std::string set_reminder_job(bool on, int hour, int minute, const std::string& db_path, bool& ok) {
        (void)on, (void)hour, (void)minute, (void)db_path;
        ok = true;
        return {};
    }
};

// Deterministic services for tests: a fixed clock, a fixed offset, no OS effects.
class FakeServices : public Services {
public:
    std::string data = "/tmp/nd-fake-data";
    std::string documents = "/tmp/nd-fake-docs";
    std::string assets;
    std::string locale_name = "en_GB.UTF-8";
    std::string time_locale_name;          // LC_TIME; "" (dates as ISO) unless a test sets it
    Paper paper = Paper::A4;               // LC_PAPER's paper
    std::int64_t clock = 1'790'000'000;   // 2026-09-21, a fixed "now"
    std::int32_t offset_min = 60;
    std::string clipboard;
    std::vector<std::string> opened;
    bool downloads = false;   // exports_are_downloads()
    bool threads = false;     // threads_available(): tests of background jobs turn it on

    std::string data_dir() override { return data; }
    std::string documents_dir() override { return documents; }
    std::string assets_dir() override { return assets; }
    std::string font_file(const std::string&) override { return ""; }
    void set_clipboard(const std::string& text) override { clipboard = text; }
    bool open_path(const std::string& path) override {
        opened.push_back(path);
        return true;
    }
    bool exports_are_downloads() override { return downloads; }
    bool threads_available() override { return threads; }
    std::string locale() override { return locale_name; }
    std::string time_locale() override { return time_locale_name; }
    Paper paper_default() override { return paper; }
    std::int64_t now_utc() override { return clock; }
    std::int32_t utc_offset_min(std::int64_t) override { return offset_min; }
    // A recording reminder job: the calls made, "on 20:00 DB" / "off".
    bool reminder_job = false;
    std::vector<std::string> reminder_calls;
    bool reminder_job_supported() override { return reminder_job; }
    std::string set_reminder_job(bool on, int hour, int minute, const std::string& db_path, bool& ok) override {
        char at[8];
        std::snprintf(at, sizeof at, "%02d:%02d", hour, minute);
        reminder_calls.push_back(on ? "on " + std::string(at) + " " + db_path : "off");
        ok = true;
        return on ? "recorded" : "";
    }
};

}  // namespace nd::app
