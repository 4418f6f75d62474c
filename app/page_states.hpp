// What each review page remembers between frames (filters, open rows, caches
// keyed on AppState::revision). One struct per page, all held by AppState, so
// views keep no function statics and tests can inspect them.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "export_actions.hpp"
#include "folder_picker_state.hpp"
#include "log_state.hpp"
#include "model.hpp"
#include "questionnaire_page.hpp"
#include "reminder_state.hpp"
#include "report_model.hpp"

namespace nd::app {

// ---- Diary -----------------------------------------------------------------

enum class DiaryRowKind : std::uint8_t { Day, Episode, CheckIn };

struct DiaryRow {
    DiaryRowKind kind = DiaryRowKind::Day;
    std::size_t index = 0;     // into diary.episodes / diary.checkins
    std::int64_t day = 0;      // the local day, days since 1970-01-01 (all kinds)
    int count = 0;             // Day: episodes shown that day
    std::uint32_t days_before = 0;   // Day rows above this one (its position: view_diary.cpp)
    std::uint32_t checkins_before = 0;   // CheckIn rows above this one (they are shorter)
};

enum class DatePreset : std::uint8_t { Days7, Days30, Days90, All, Custom };

struct DiaryFilter {
    DatePreset preset = DatePreset::All;
    std::string from, to;                 // "YYYY-MM-DD" (Custom), may be empty
    std::optional<Region> region;
    std::optional<Sensation> sensation;
    friend bool operator==(const DiaryFilter&, const DiaryFilter&) = default;
};

// The episode being edited: a copy of the record plus the text fields of the form.
struct EpisodeDraft {
    Episode before;
    LogDraft form;                        // the same form as Log (episode_form.hpp)
    std::string error;
};

struct DiaryPage {
    DiaryFilter filter;
    std::string from_text, to_text;       // what is typed in the custom range fields
    std::string filter_error;
    bool show_filters = false;
    bool show_bin = false;
    std::optional<EpisodeDraft> editing;  // set: the editor replaces the list
    int last_frame = -10;                 // the frame the page was last drawn (a gap: just opened)
    bool scroll_editor_to_top = false;
    bool open_newest = false;             // --page editor: open the newest episode once the diary is there
    bool confirm_delete = false;
    // Cache: the flattened rows for (revision, filter, bin).
    std::vector<DiaryRow> rows;
    std::vector<DiaryRow> scratch;        // build_rows' episode list, kept to reuse its memory
    std::vector<std::int32_t> row_of;     // per diary.episodes index: its row, -1 when not shown
    std::vector<std::uint64_t> ids_of;    // per diary.episodes index: its id's hash when built
    int rows_builds = 0;                  // how many times the rows were built (tests)
    std::uint64_t rows_revision = ~0ull;
    DiaryFilter rows_filter;
    bool rows_bin = false;
    LocalDate rows_today;
    int shown_episodes = 0;
    int bin_count = 0;
};

// ---- Patterns --------------------------------------------------------------

enum class PatternPeriod : std::uint8_t { Days30, Days90, Year, All };

struct PatternStats;   // diary_analysis.hpp

struct PatternsPage {
    PatternPeriod period = PatternPeriod::Days90;
    bool show_numbers = false;
    // The figures drawn: for (revision, period, today), or the latest ones while the
    // worker computes those (app/diary_analysis.hpp).
    std::shared_ptr<const PatternStats> stats;
    // The red flags drawn: the figures' made current for this revision (match_figures.hpp).
    std::uint64_t flags_revision = ~0ull;
    std::uint64_t flags_stats_revision = ~0ull;
    std::vector<RedFlagGroup> red_flag_groups;
};

// ---- Causes ----------------------------------------------------------------

struct CausesPage {
    std::set<std::string> open_causes;        // cause ids shown in full
    std::set<std::string> open_evidence;      // "cause_id#line" keys
    std::uint64_t revision = ~0ull;
    std::uint64_t figures_revision = ~0ull;      // of the match the groups were made with
    std::vector<RedFlagGroup> red_flag_groups;   // the red flags, grouped by reason (count and dates)
};

// ---- Daily check-in --------------------------------------------------------

struct CheckInPage {
    std::string date_text;                 // what is typed; empty: today
    LocalDate date;                        // the date the draft is for
    CheckIn draft;
    bool loaded = false;
    std::uint64_t loaded_revision = ~0ull;
    bool dirty = false;
    std::string error;
};

// ---- Health background -----------------------------------------------------

struct FactDraft {
    BackgroundFact fact;
    std::string amount_text;
    std::string error;
};

struct MedicineDraft {
    Medicine medicine;
    std::string error;
};

struct BackgroundPage {
    Profile profile;
    std::uint64_t profile_revision = ~0ull;
    bool profile_dirty = false;
    std::string profile_error;
    std::string new_question;              // "questions for my doctor": the line being typed
    std::optional<FactDraft> fact;         // set: the fact form is open (new or edit)
    std::optional<MedicineDraft> medicine;
};

// ---- Settings --------------------------------------------------------------

struct SettingsPage {
    std::string emergency_text;
    bool emergency_loaded = false;
    std::string emergency_error;
    bool confirm_empty_bin = false;
    int delete_all_step = 0;               // 0 idle, 1 first confirmation, 2 second confirmation
};

// ---- Export ----------------------------------------------------------------

enum class ExportRange : std::uint8_t { Days30, Days90, Year, All, Custom };

struct ExportPageState {
    bool initialised = false;              // format and file name set on the first draw
    ExportFormat format = ExportFormat::Pdf;
    bool restoring = false;                // "Bring back a backup" chosen instead of a format
    ExportRange range = ExportRange::Days90;
    std::string from_text, to_text;        // Custom: "YYYY-MM-DD"
    std::uint32_t sections = kSectionDefault;  // PDF report: page 1 and the figures (table and notes optional)
    int paper = 0;                         // PDF report: 0 A4, 1 US Letter
    bool show_sections = false;            // phone: the parts' chips are folded away until asked for
    bool use_password = false;             // backup
    std::string password, password_again;
    KdfLimits kdf;                         // Argon2id cost of a protected backup (tests lower it)
    std::string folder;                    // where it goes; empty: the Documents folder
    std::string file_name;
    bool file_name_edited = false;         // keep what the person typed when the format changes
    std::string error;                     // why the last try did not export
    bool confirm_overwrite = false;        // the file is there: asked before replacing it
    int working = 0;                       // 1: "Saving..." drawn, export on the next frame
    // The last export that worked.
    std::string done_path;
    std::string done_summary;
    ExportFormat done_format = ExportFormat::Pdf;
    bool done_encrypted = false;
    int scroll_to_done = 0;                // frames left to bring the "Saved" card into view
    // Cache: episodes in the chosen range, for (revision, from, to).
    std::uint64_t count_revision = ~0ull;
    LocalDate count_from, count_to;
    int count = 0;

    FolderPickerState picker;
    bool picker_for_restore = false;

    // Restore from a backup.
    std::string restore_path;              // the chosen file; empty: none yet
    bool restore_file_ok = false;          // its envelope checked out
    bool restore_encrypted = false;
    std::string restore_password;
    int restore_mode = 0;                  // 0 combine (merge), 1 replace
    bool restore_confirm = false;          // the last question before it runs
    int restore_working = 0;
    std::string restore_error;             // the file could not be used; nothing changed
    std::string restore_done;              // what the restore did
};

class DiaryAnalysis;

struct PageStates {
    // Figures computed from the whole diary, kept up to date per change (Diary red-flag
    // marks, Patterns statistics): app/diary_analysis.hpp. Made on first use.
    std::shared_ptr<DiaryAnalysis> analysis;
    DiaryPage diary;
    PatternsPage patterns;
    CausesPage causes;
    CheckInPage checkin;
    BackgroundPage background;
    SettingsPage settings;
    ExportPageState export_page;
    QuestionnairePage questionnaire;
    ReminderUi reminder;
};

}  // namespace nd::app
