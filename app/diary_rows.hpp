// The Diary page's rows (DiaryPage::rows): the list flattened newest first, a title row
// for each day, then that day's check-ins, then its episodes (newest first), built for
// the page's filter and kept in step with the diary. Only the rows in view are drawn
// (view_diary.cpp), so what a change costs is keeping these in step (issue 19).
#pragma once

#include <cstdint>
#include <utility>

#include "diary_page_state.hpp"
#include "model.hpp"

namespace nd::app {

struct AppState;

// The first date included by the filter ("" = open).
LocalDate filter_from(const DiaryFilter& f, const LocalDate& today);
// True when the episode passes the filter's place and sensation.
bool episode_passes(const Episode& e, const DiaryFilter& f);
// The filter's first and last local day (open ends: the extremes).
std::pair<std::int64_t, std::int64_t> day_range(const DiaryFilter& f, const LocalDate& today);

// The rows from the whole diary (one pass, newest first).
void build_rows(AppState& s, DiaryPage& pg, const LocalDate& today);
// After changes that leave the list's shape as it was (a rating, a note, the places
// edited; the start moved within its day): the rows stay. False when a row must come,
// go or move.
bool rows_still_fit(AppState& s, DiaryPage& pg, const LocalDate& today);
// After one episode was added, moved to the bin or back, or moved to another
// day: its row taken out and put back where it now belongs, and the other rows' indices
// shifted, in one pass over the rows, not over the diary. False when the change is not
// a single episode's (then build_rows).
bool rows_take_episode_change(AppState& s, DiaryPage& pg, const LocalDate& today);
// Brings the rows to s's revision, the page's filter and today, the cheapest way.
void update_rows(AppState& s, DiaryPage& pg, const LocalDate& today);

}  // namespace nd::app
