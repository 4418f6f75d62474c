// CSV export and import of episodes, for spreadsheets and for people coming from
// one.
//
// Format (RFC 4180):
// - UTF-8. The export starts with a byte order mark by default (CsvOptions::bom)
//   because spreadsheet programs (Excel in particular) read a file without one as
//   a legacy code page and garble non-ASCII notes; the import accepts files with
//   or without it.
// - Lines end with CRLF; a field is quoted when it contains a comma, a double
//   quote, CR or LF (or starts or ends with a space), and a quote inside is
//   doubled. The import also accepts LF line ends.
// - The first row is the header; one row per episode that is not in the bin,
//   oldest first. The columns, in this order (kCsvColumns):
//     id                UUID of the episode
//     start             ISO 8601 with the UTC offset then, "2026-11-26T08:30:00+01:00"
//     duration_min      whole minutes; empty when unknown or still going
//     ongoing           yes | no
//     regions           side:region pairs joined with ';', e.g. "left:toes;both:sole"
//                       (side: left, right, both, middle; region ids of enum_names)
//     sensations        ids joined with ';', e.g. "numbness;tingling"
//     numbness, pain    0..10
//     activities        ids joined with ';' (what came before onset)
//     reliefs           ids joined with ';'
//     relief_after_min  whole minutes; empty when unknown
//     onset             unknown | sudden | gradual
//     spread            yes | no
//     spread_from, spread_to   region id or empty
//     spread_speed      unknown | minutes | hours | days | weeks
//     signs             ids joined with ';'
//     worse_at_night    unknown | yes | no
//     effect_walking, effect_sleep, effect_work   0 none, 1 a little, 2 a lot, 3 could not
//     note              the person's words (any text)
//     created, updated  ISO 8601 in UTC ("+00:00")
//   Lists use ';' (not ',') so that a list stays readable inside one cell.
// - Formula guard: a note starting with = + - @ TAB or CR would run as a formula
//   in a spreadsheet; the export puts one ' in front of it (the spreadsheet
//   convention for "this is text"), and the import removes it again. (A note that
//   itself starts with ' before such a character gets one more ', so the round
//   trip is exact.)
//
// Import: the header names the columns (any order; the derived columns below are
// accepted and ignored); only `start` is required,
// a missing column takes the default of a new episode (an empty id gets a new
// UUID). Every row is checked; any problem anywhere means no episodes are
// returned, only the list of problems (all or nothing).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace nd {

inline constexpr const char* kCsvColumns[] = {
    "id", "start", "duration_min", "ongoing", "regions", "sensations", "numbness", "pain",
    "activities", "reliefs", "relief_after_min", "onset", "spread", "spread_from", "spread_to",
    "spread_speed", "signs", "worse_at_night", "effect_walking", "effect_sleep", "effect_work",
    "note", "created", "updated",
};

// Derived columns written beside the machine codes for people reading the file
// (issue #14); the import accepts and ignores them (the codes are what count),
// so a file edited in a spreadsheet, or exported before they existed, reads the
// same. In the export they follow the column they explain:
//     regions_label     "Left toes; Sole of the foot (both sides)"
//     sensations_label, activities_label, reliefs_label, signs_label
//                       the labels of the ids, joined with "; "
//     red_flags         after signs_label: the red flag(s) the episode raises in
//                       the diary (red_flags.hpp), each "title: reason, reason",
//                       joined with " | "; empty when none
inline constexpr const char* kCsvDerivedColumns[] = {
    "regions_label", "sensations_label", "activities_label", "reliefs_label", "signs_label", "red_flags",
};

struct CsvOptions {
    bool bom = true;      // start with the UTF-8 byte order mark (see above)
    bool labels = true;   // the derived columns above; false: the machine columns only (the format before them)
};

class ByteSink;

// The episodes not in the bin, oldest first (start, then id).
// write_episodes_csv writes the same bytes to `out` as they are produced (a
// chunk of about 64 KiB at a time), so memory does not grow with the diary.
// `judged_in` is the diary the red flags are judged in (a fast spread is a flag
// only when it is new in the diary); unset: a diary of these episodes alone.
void write_episodes_csv(ByteSink& out, const std::vector<Episode>& episodes, const CsvOptions& options = {},
                        const Diary* judged_in = nullptr);
std::string episodes_to_csv(const std::vector<Episode>& episodes, const CsvOptions& options = {});
inline std::string diary_to_csv(const Diary& d, const CsvOptions& options = {}) {
    return episodes_to_csv(d.episodes, options);
}

struct CsvImportOptions {
    // Offset used for times written without one ("2026-03-01 08:30").
    std::int32_t default_offset_min = 0;
    // created/updated of rows that have none (0: the current time).
    std::int64_t now_utc = 0;
    // The file's size limit: a million rows is about 250 MB. The streaming
    // reader's memory does not grow with the file, so the limit is generous.
    std::size_t max_bytes = std::size_t{1} << 30;
    // The report stops after this many problems of any kind (the file, the header,
    // the rows); a row of more than 256 fields is one problem, its fields not kept.
    std::size_t max_errors = 200;
};

struct CsvProblem {
    int row = 0;            // 1 is the header row, 2 the first episode (as a spreadsheet numbers them)
    std::string column;     // empty when the problem is the whole row or file
    std::string problem;    // plain words: "numbness must be a whole number from 0 to 10, found \"12\""
};

struct CsvImportResult {
    std::vector<Episode> episodes;     // empty whenever problems is not
    std::vector<CsvProblem> problems;
    bool truncated = false;            // more problems than max_errors
    bool ok() const { return problems.empty(); }
};

CsvImportResult csv_to_episodes(std::string_view csv, const CsvImportOptions& options = {});

// The streaming import (issue #17): the file is fed a piece at a time (any
// size, split anywhere); each row is parsed and checked as it comes and handed
// to `add` at once, so memory does not grow with the file (a million rows).
// `add` returns "" when it took the episode, else why its id cannot be used
// (reported as a problem of the row's id column); `id_given` is false when the
// row had no id (a new one was made). Rows with a problem are never handed
// over. Problems of every kind (file, header, rows) stop at max_errors; then
// stopped() is true and the rest need not be read. The caller keeps the all or
// nothing rule: whatever it did with the episodes is undone when result() has
// problems (Store::add_episodes rolls its transaction back).
class CsvEpisodeReader {
public:
    using Add = std::function<std::string(Episode&& e, bool id_given)>;
    CsvEpisodeReader(const CsvImportOptions& options, Add add);
    ~CsvEpisodeReader();
    CsvEpisodeReader(const CsvEpisodeReader&) = delete;
    CsvEpisodeReader& operator=(const CsvEpisodeReader&) = delete;
    void feed(std::string_view bytes);
    void finish();   // the end of the file
    bool stopped() const;
    const CsvImportResult& result() const;   // its episodes stay empty

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "Row 4, column numbness: ..." one problem a line; "" when there are none.
std::string format_problems(const CsvImportResult& r);

// Low-level RFC 4180 helpers (exposed for tests and other tabular exports).
std::string csv_quote(std::string_view field);   // quotes only when needed

}  // namespace nd
