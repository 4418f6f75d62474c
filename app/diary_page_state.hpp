// What the Diary page remembers between frames (view_diary.cpp, diary_editor.cpp): the
// filter, the episode being edited and the flattened rows, cached on AppState::revision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "log_state.hpp"
#include "model.hpp"

namespace nd::app {

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
    std::vector<DiaryRow> scratch;        // diary_rows.cpp's working list, kept to reuse its memory
    std::vector<std::int32_t> row_of;     // per diary.episodes index: its row, -1 when not shown
    std::vector<std::uint64_t> ids_of;    // per diary.episodes index: its id's hash when built
    std::vector<std::uint8_t> in_bin_of;  // per diary.episodes index: 1 when it was in the bin (bin_count)
    int rows_builds = 0;                  // how many times the rows were built (tests)
    std::uint64_t rows_revision = ~0ull;
    DiaryFilter rows_filter;
    bool rows_bin = false;
    LocalDate rows_today;
    int shown_episodes = 0;
    int bin_count = 0;
};

}  // namespace nd::app
