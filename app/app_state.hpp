// Everything the views share, in one struct passed by reference (no globals).
// The diary is read from the Store once per change, never per frame: views read
// the cached snapshot (diary, match, the index lists) and every mutation goes
// through run() / undo() / redo(), which refresh the cache.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "font_set.hpp"
#include "matching.hpp"
#include "model.hpp"
#include "services.hpp"
#include "ui_settings.hpp"
#include "undo.hpp"
#include "widget_log.hpp"

namespace nd {
class Store;
}

namespace nd::app {
struct DiaryHealth;   // diary_health.hpp (AppState holds a pointer: no include, no cycle)
class DiaryAnalysis;  // diary_analysis.hpp
template <class T>
class BackgroundJob;  // background_job.hpp
class JobGate;        // background_job.hpp
struct ExportResult;  // export_actions.hpp
struct RestoreOutcome;   // export_actions.hpp
}

namespace nd::app {

enum class Page : std::uint8_t {
    FirstRun, Log, Diary, Patterns, Causes, CheckIn, Background, Settings, More, Export,
    Questionnaire,
};

// One step of the cached diary, for views that keep figures of their own and update
// them for what changed instead of redoing everything (app/diary_analysis.hpp).
struct DiaryChange {
    enum class What : std::uint8_t {
        Everything,   // the whole diary was read again (open, import, restore, another process)
        Record,       // one record (type, id) was put, changed or deleted
        Nothing,      // the revision moved but the diary did not (the catalog changed)
    };
    std::uint64_t revision = 0;
    What what = What::Everything;
    RecordType type = RecordType::Unknown;
    std::string id;
    // An episode's change: the earlier of its start before and after (UTC seconds;
    // INT64_MAX when it neither was nor is in the diary). No red flag of an episode
    // that began before it can change (a flag reads only earlier episodes).
    std::int64_t from_utc = INT64_MAX;
};

struct AppState;
// The record changes after revision `since` up to s.revision, oldest first (entries that
// changed nothing left out). False when that is not known one record at a time (the
// whole diary was read again, or the log no longer reaches back): redo everything.
// (Defined in diary_analysis.cpp, its first user.)
bool record_changes_since(const AppState& s, std::uint64_t since, std::vector<const DiaryChange*>& out);

// Why the whole diary is read again (AppState::reload_all).
enum class ReloadReason {
    Restore,        // a backup replaced the diary
    Merge,          // a backup was merged in
    EmptyBin,       // the bin was erased for good
    DeleteAll,      // everything was deleted
    OtherProcess,   // another process (the CLI) changed the file (issue 16)
};

// A WidgetLog too (widget_log.hpp): a view passes its state where a widget takes the log.
struct AppState : WidgetLog {
    AppState();
    ~AppState();
    AppState(const AppState&) = delete;
    AppState& operator=(const AppState&) = delete;

    Services* services = nullptr;
    Store* store = nullptr;             // null while the diary could not be opened
    Catalog catalog;
    std::string catalog_error;          // shown on the Causes page when the catalog failed

    // ---- Cached snapshot, rebuilt by refresh() after every change ----
    Diary diary;
    // The match of the cached diary against the catalog, made on first use after a change
    // (the Causes and Patterns pages ask for it): the first frame and a save do not wait
    // for it. Its evidence indices point into `diary`.
    const MatchResult& match();
    bool match_ready() const { return !match_stale_; }
    std::vector<std::size_t> episodes_newest_first;   // indices into diary.episodes, not deleted
    std::vector<std::size_t> ongoing;                 // "still going" episodes, newest first
    std::uint64_t revision = 0;         // bumps on every refresh; views key their own caches on it
    std::uint64_t full_reloads = 0;     // how many times the whole diary was read (tests, bench)
    std::uint64_t catalog_revision = 0; // bumps when the catalog changes (rematch)
    // The latest revisions' changes, oldest first (at most kChangesKept): one entry per
    // revision bump. A cache older than the first entry redoes everything.
    static constexpr std::size_t kChangesKept = 64;
    std::deque<DiaryChange> changes;

    // ---- UI ----
    Page page = Page::Log;
    Settings settings;
    Fonts fonts;
    float display_scale = 1.0f;         // HiDPI content scale from the platform
    bool fonts_dirty = true;            // the platform rebuilds the atlas and its texture
    bool style_dirty = true;
    bool narrow = false;                // phone layout this frame
    std::string toast;                  // short confirmation ("Saved"), shown for a few seconds
    double toast_until = 0;
    std::vector<RedFlag> pending_red_flags;   // shown full screen before anything else
    std::string toast_after_flags;      // the "Saved" toast, held until the warning is read
    UndoStack undo_stack;
    // Figures computed from the whole diary, kept up to date per change (Diary red-flag
    // marks, Patterns statistics, the Causes page's match): app/diary_analysis.hpp. Made
    // on first use; dropped when the diary is replaced.
    std::shared_ptr<DiaryAnalysis> analysis;
    // The pages' own states are App's (page_states.hpp), not AppState's. Where the diary
    // decides them, AppState says so through these (set by connect_pages; empty: no pages):
    std::function<void()> reset_pages;    // the diary was replaced: every page's state as new
    std::function<void()> paper_loaded;   // settings.paper was loaded: the Export page starts at it

    // The diary file's check and automatic backups (owned by App; null in a bare AppState).
    DiaryHealth* health = nullptr;
    // Diary file problems: a full-page message, never an overwrite.
    std::string open_error;
    std::string open_error_path;
    bool demo_mode = false;
    bool request_open_demo = false;     // handled by App, which owns the stores
    bool request_leave_demo = false;
    std::optional<Page> request_page;   // go here after the requests above (command line, tests)

    // ---- Background jobs (background_job.hpp): the Export page's export or backup,
    // and its restore or merge, each on a worker with its own connection. Their
    // outcomes come back through poll_export_jobs (view_export.cpp), every frame.
    // (Held apart, so that this header names the jobs' result types without their headers.)
private:
    struct JobsHeld;                    // holds the two jobs (app_state.cpp); before the references
    std::unique_ptr<JobsHeld> jobs_held_;
public:
    BackgroundJob<ExportResult>& export_job;
    BackgroundJob<RestoreOutcome>& restore_job;
    std::shared_ptr<JobGate> job_gate;   // tests: workers wait on it before starting
    bool jobs_running() const;

    // ---- Operations ----
    // Reads the whole diary from the Store again (open, import, restore, merge, empty bin).
    void refresh();
    // Takes a diary read elsewhere (a worker's own connection) as the new snapshot,
    // as refresh() would have read it.
    void adopt_diary(Diary d);
    // True while the snapshot holds only the newest weeks of episodes (the first
    // frames of a large diary, App::open_diary); the rest is being read.
    bool diary_partial = false;
    // The one step after the diary was replaced: reloads the cache and resets the
    // analysis, every page's state (reset_pages: an open editor must not outlive the
    // record it edits) and the undo history (its commands may refer to records that
    // are gone). For OtherProcess only the cache is reloaded: undo and drafts stay. The log page's
    // new-entry draft (PageStates::log) is never discarded.
    void reload_all(ReloadReason why);
    // The same with the diary as a worker already read it (a restore's result,
    // Store::update_diary's `after`): nothing is read again on the UI thread.
    void reload_all(ReloadReason why, Diary loaded);
    // After one command ran, was undone or redone: updates the cached diary in place from
    // the Store's copy of the record it touched (Command::touches); a full refresh() when
    // the command does not say.
    void refresh_after(const Command* cmd);
    // The catalog changed: the cached diary is matched again (on next use), not reloaded.
    void rematch();
    // Runs a change through the undo stack and refreshes; on StoreError shows it
    // as a toast and returns false.
    bool run(Command cmd);
    bool undo();
    bool redo();
    void show_toast(std::string text, double seconds = 3.0);

    std::int64_t now_utc() const;
    LocalTime now_local() const;
    const Episode* last_episode() const;
    // Where the episode with this id is in diary.episodes (deleted ones too); npos: none.
    // Scans the ids' hashes, not the ids (a fraction of a millisecond at 100k).
    std::size_t episode_index(const std::string& id) const;
    // The hashes of diary.episodes' ids, in step with it (a view can tell cheaply whether
    // index i still holds the episode it held).
    const std::vector<std::uint64_t>& episode_id_hashes() const { return episode_id_hashes_; }
    // The hash episode_id_hashes() keeps of an id (to find where an episode was, once it is gone).
    static std::uint64_t episode_id_hash(const std::string& id);

    void load_settings();               // from the store (or defaults)
    void save_settings();

private:
    void after_diary_changed();         // rebuild the index lists, mark the match stale
    bool step_history(bool back);       // undo() (back) or redo()
    void take_whole_diary(Diary d);     // refresh() and adopt_diary(): the new snapshot and its lists
    void note_change(DiaryChange::What what, RecordType type = RecordType::Unknown, std::string id = {});
    MatchResult match_;
    bool match_stale_ = true;
    std::vector<std::uint64_t> episode_id_hashes_;   // hash of diary.episodes[i].id, kept in step
};

// The emergency number for a locale such as "en_US.UTF-8" (911), "en_GB" (999), "de_DE" (112);
// "" when the locale names no country ("C", "en"): see emergency_text.hpp.
std::string emergency_number_for_locale(const std::string& locale);

// The default date format for a locale's territory ("de_DE.UTF-8": day first).
DateFormat date_format_for_locale(const std::string& locale);

}  // namespace nd::app
