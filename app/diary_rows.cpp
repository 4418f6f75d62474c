#include "diary_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "app_state.hpp"
#include "time_util.hpp"

namespace nd::app {

// The first date included by the filter ("" = open).
LocalDate filter_from(const DiaryFilter& f, const LocalDate& today) {
    const auto t = days_since_epoch(today);
    const int n = f.preset == DatePreset::Days7 ? 7 : f.preset == DatePreset::Days30 ? 30 : f.preset == DatePreset::Days90 ? 90 : 0;
    if (n && t) return date_from_days(*t - n + 1);
    return f.preset == DatePreset::Custom ? f.from : "";
}

bool episode_passes(const Episode& e, const DiaryFilter& f) {
    if (f.sensation && !contains(e.sensations, *f.sensation)) return false;
    if (f.region) {
        bool hit = false;
        for (const RegionMark& m : e.regions) hit = hit || m.region == *f.region;
        if (!hit) return false;
    }
    return true;
}

namespace {

// Whether the page lists an episode that began on local `day`, within the filter's days [from, to].
bool row_shown(const Episode& e, std::int64_t day, const DiaryPage& pg, std::int64_t from, std::int64_t to) {
    return is_deleted(e) == pg.show_bin && day >= from && day <= to && episode_passes(e, pg.filter);
}

// Each row's place (the day titles and check-ins above it) and each shown episode's row,
// from the rows in order; returns how many episodes are shown. Rows are told apart by kind
// only, so the rows built from scratch and the rows edited in place are numbered alike.
int number_rows(DiaryPage& pg, std::size_t episodes) {
    pg.row_of.assign(episodes, -1);
    std::uint32_t days = 0, checkins_above = 0;
    int shown = 0;
    for (std::size_t k = 0; k < pg.rows.size(); ++k) {
        DiaryRow& r = pg.rows[k];
        switch (r.kind) {
            case DiaryRowKind::Day:
                r.days_before = days++;
                r.checkins_before = checkins_above;
                break;
            case DiaryRowKind::CheckIn:
                r.days_before = days;
                r.checkins_before = checkins_above++;
                break;
            case DiaryRowKind::Episode:
                r.days_before = days;
                r.checkins_before = checkins_above;
                pg.row_of[r.index] = static_cast<std::int32_t>(k);
                ++shown;
                break;
        }
    }
    return shown;
}

}  // namespace

std::pair<std::int64_t, std::int64_t> day_range(const DiaryFilter& f, const LocalDate& today) {
    const LocalDate from_text = filter_from(f, today);
    const LocalDate to_text = f.preset == DatePreset::Custom ? f.to : "";
    return {from_text.empty() ? INT64_MIN : days_since_epoch(from_text).value_or(INT64_MIN),
            to_text.empty() ? INT64_MAX : days_since_epoch(to_text).value_or(INT64_MAX)};
}

// One pass over the diary, newest first (the list is sorted by start), with day numbers
// instead of date strings. Rows are 40 bytes; a day's title is formatted only when its
// row is drawn.
void build_rows(AppState& s, DiaryPage& pg, const LocalDate& today) {
    pg.rows.clear();
    pg.shown_episodes = 0;
    pg.bin_count = 0;
    const auto [from, to] = day_range(pg.filter, today);
    pg.ids_of = s.episode_id_hashes();
    pg.in_bin_of.assign(s.diary.episodes.size(), 0);
    // (day, row) of every episode shown, newest first.
    std::vector<DiaryRow>& eps = pg.scratch;
    eps.clear();
    eps.reserve(s.diary.episodes.size());   // at most one each: no doubling past what is needed
    bool in_order = true;
    for (std::size_t i = s.diary.episodes.size(); i-- > 0;) {
        const Episode& e = s.diary.episodes[i];
        const bool deleted = is_deleted(e);
        pg.bin_count += deleted ? 1 : 0;
        pg.in_bin_of[i] = deleted ? 1 : 0;
        const std::int64_t d = local_day_number(e.start);
        if (!row_shown(e, d, pg, from, to)) continue;
        in_order = in_order && (eps.empty() || d <= eps.back().day);
        eps.push_back({DiaryRowKind::Episode, i, d, 0});
    }
    // Sorted by start in UTC; a change of time zone can put a later start on an earlier
    // local day: then sort by day (stable keeps newest first within a day).
    if (!in_order) std::stable_sort(eps.begin(), eps.end(), [](const DiaryRow& x, const DiaryRow& y) { return x.day > y.day; });
    // Check-ins speak of the whole day, not of a place or a sensation.
    std::vector<DiaryRow> checkins;
    if (!pg.show_bin && !pg.filter.region && !pg.filter.sensation) {
        for (std::size_t i = 0; i < s.diary.checkins.size(); ++i) {
            const CheckIn& c = s.diary.checkins[i];
            const auto d = days_since_epoch(c.date);
            if (c.deleted_utc || !d || *d < from || *d > to) continue;
            checkins.push_back({DiaryRowKind::CheckIn, i, *d, 0});
        }
        std::stable_sort(checkins.begin(), checkins.end(), [](const DiaryRow& x, const DiaryRow& y) { return x.day > y.day; });
    }
    // Room for exactly the rows to come, a title for each day shown among them (a 100k
    // diary shows ~33k days, more than its check-ins): growing past a short reserve
    // held the old and the doubled array at once, 16 MB, the app's peak (issue 19).
    std::size_t days_shown = 0;
    for (std::size_t i = 0, j = 0; i < eps.size() || j < checkins.size(); ++days_shown) {
        const std::int64_t day = std::max(i < eps.size() ? eps[i].day : INT64_MIN, j < checkins.size() ? checkins[j].day : INT64_MIN);
        while (i < eps.size() && eps[i].day == day) ++i;
        while (j < checkins.size() && checkins[j].day == day) ++j;
    }
    pg.rows.reserve(eps.size() + checkins.size() + days_shown);
    std::size_t e = 0, c = 0;
    while (e < eps.size() || c < checkins.size()) {
        const std::int64_t day = std::max(e < eps.size() ? eps[e].day : INT64_MIN, c < checkins.size() ? checkins[c].day : INT64_MIN);
        const std::size_t title = pg.rows.size();
        pg.rows.push_back({DiaryRowKind::Day, 0, day, 0});
        for (; c < checkins.size() && checkins[c].day == day; ++c) pg.rows.push_back(checkins[c]);
        int n = 0;
        for (; e < eps.size() && eps[e].day == day; ++e, ++n) pg.rows.push_back(eps[e]);
        pg.rows[title].count = n;
    }
    pg.shown_episodes = number_rows(pg, s.diary.episodes.size());
    ++pg.rows_builds;
    pg.rows_revision = s.revision;
    pg.rows_filter = pg.filter;
    pg.rows_bin = pg.show_bin;
    pg.rows_today = today;
}

// Only the revision the rows are of moves on. Issue 19: an edit at 100k episodes costs
// the Diary no rebuild.
bool rows_still_fit(AppState& s, DiaryPage& pg, const LocalDate& today) {
    if (pg.rows_filter != pg.filter || pg.rows_bin != pg.show_bin || pg.rows_today != today) return false;
    if (pg.row_of.size() != s.diary.episodes.size() || pg.in_bin_of.size() != s.diary.episodes.size())
        return false;   // one came or went: indices moved
    std::vector<const DiaryChange*> changes;
    if (!record_changes_since(s, pg.rows_revision, changes)) return false;
    const auto [from, to] = day_range(pg.filter, today);
    for (const DiaryChange* c : changes) {
        if (c->type == RecordType::CheckIn) return false;
        if (c->type != RecordType::Episode) continue;   // background, medicines, profile: not in the list
        const std::size_t i = s.episode_index(c->id);
        if (i >= s.diary.episodes.size()) return false;
        const Episode& e = s.diary.episodes[i];
        // Still where it was (no episode came, went or moved past another): the same id at
        // this index as when the rows were built.
        if (i >= pg.ids_of.size() || pg.ids_of[i] != s.episode_id_hashes()[i]) return false;
        const std::int64_t d = local_day_number(e.start);
        const bool shown = row_shown(e, d, pg, from, to);
        const std::int32_t r = pg.row_of[i];
        if (shown != (r >= 0)) return false;
        if (r >= 0 && pg.rows[static_cast<std::size_t>(r)].day != d) return false;
        // One the filter hides may have gone to the bin or come back: the bin's count follows.
        const std::uint8_t in_bin = is_deleted(e) ? 1 : 0;
        if (pg.in_bin_of[i] != in_bin) {
            pg.bin_count += in_bin - pg.in_bin_of[i];
            pg.in_bin_of[i] = in_bin;
        }
    }
    pg.rows_revision = s.revision;
    return true;
}

bool rows_take_episode_change(AppState& s, DiaryPage& pg, const LocalDate& today) {
    if (pg.rows_filter != pg.filter || pg.rows_bin != pg.show_bin || pg.rows_today != today) return false;
    std::vector<const DiaryChange*> changes;
    if (!record_changes_since(s, pg.rows_revision, changes) || changes.size() != 1) return false;
    const DiaryChange& change = *changes.front();
    if (change.type != RecordType::Episode) return false;
    const auto& v = s.diary.episodes;
    const auto& hashes = s.episode_id_hashes();
    const std::size_t n_old = pg.ids_of.size(), n_new = v.size();
    if (pg.row_of.size() != n_old || pg.in_bin_of.size() != n_old || hashes.size() != n_new) return false;
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    // Where the episode is now (b) and was when the rows were built (a): its id's hash
    // among the old ones, which must be there once (else, rarely: build_rows).
    const std::size_t found = s.episode_index(change.id);
    const std::size_t b = found < n_new ? found : kNone;
    const std::uint64_t h = AppState::episode_id_hash(change.id);
    std::size_t a = kNone;
    for (std::size_t i = 0; i < n_old; ++i)
        if (pg.ids_of[i] == h) {
            if (a != kNone) return false;
            a = i;
        }
    // Gone from the list altogether (no command does that to one record; a reload does): build_rows.
    if (b == kNone) return false;
    if (n_new != n_old + (a == kNone ? 1 : 0)) return false;
    // Every other episode's index now: shifted by one between where it was and where it is.
    const auto moved = [&](std::size_t i) -> std::size_t {
        if (a == kNone) return i >= b ? i + 1 : i;
        if (a < b) return i > a && i <= b ? i - 1 : i;
        return i >= b && i < a ? i + 1 : i;
    };
    // The shift must account for every other id (integer compares only): else build_rows.
    for (std::size_t i = 0; i < n_old; ++i)
        if (i != a && hashes[moved(i)] != pg.ids_of[i]) return false;

    // Its row now, if the filter shows it.
    const auto [from, to] = day_range(pg.filter, today);
    const Episode& e = v[b];
    const std::int64_t day = local_day_number(e.start);
    const bool show = row_shown(e, day, pg, from, to);
    const std::uint8_t was_in_bin = a != kNone ? pg.in_bin_of[a] : 0;
    const std::uint8_t in_bin = is_deleted(e) ? 1 : 0;

    // In place: its old row out (and its day's title when the day is left with neither
    // episodes nor check-ins), its new row in (under a new title when its day had none),
    // then every other row's index shifted and all of them numbered again (number_rows).
    std::vector<DiaryRow>& rows = pg.rows;
    const auto at = [](std::size_t k) { return static_cast<std::ptrdiff_t>(k); };
    if (a != kNone && pg.row_of[a] >= 0) {
        const auto r = static_cast<std::size_t>(pg.row_of[a]);
        std::size_t title = r;
        while (rows[title].kind != DiaryRowKind::Day) --title;
        rows.erase(rows.begin() + at(r));
        const bool day_empty = --rows[title].count == 0 &&
                               (title + 1 >= rows.size() || rows[title + 1].kind != DiaryRowKind::CheckIn);
        if (day_empty) rows.erase(rows.begin() + at(title));
    }
    if (show) {
        // The first row of a day older than its own (rows go by day, newest first).
        std::size_t pos = static_cast<std::size_t>(
            std::partition_point(rows.begin(), rows.end(), [&](const DiaryRow& r) { return r.day >= day; }) - rows.begin());
        std::size_t title = pos;
        while (title > 0 && rows[title - 1].day == day && rows[title - 1].kind != DiaryRowKind::Day) --title;
        if (title > 0 && rows[title - 1].day == day) {   // its day is there: after the check-ins, newest first
            --title;
            ++rows[title].count;
            std::size_t k = title + 1;
            while (k < pos && rows[k].kind == DiaryRowKind::CheckIn) ++k;
            // The others' indices are still the old ones here: compare where they will be.
            while (k < pos && moved(rows[k].index) > b) ++k;
            rows.insert(rows.begin() + at(k), DiaryRow{DiaryRowKind::Episode, kNone, day, 0});
        } else {   // a day of its own
            const DiaryRow both[] = {{DiaryRowKind::Day, 0, day, 1}, {DiaryRowKind::Episode, kNone, day, 0}};
            rows.insert(rows.begin() + at(pos), std::begin(both), std::end(both));
        }
    }
    for (DiaryRow& r : rows)
        if (r.kind == DiaryRowKind::Episode) r.index = r.index == kNone ? b : moved(r.index);   // kNone: the new row
    pg.shown_episodes = number_rows(pg, n_new);
    pg.ids_of = hashes;
    if (a != kNone) pg.in_bin_of.erase(pg.in_bin_of.begin() + static_cast<std::ptrdiff_t>(a));
    pg.in_bin_of.insert(pg.in_bin_of.begin() + static_cast<std::ptrdiff_t>(b), in_bin);
    pg.bin_count += in_bin - was_in_bin;
    pg.rows_revision = s.revision;
    return true;
}

void update_rows(AppState& s, DiaryPage& pg, const LocalDate& today) {
    if (pg.rows_revision == s.revision && pg.rows_filter == pg.filter && pg.rows_bin == pg.show_bin && pg.rows_today == today)
        return;
    if (!rows_still_fit(s, pg, today) && !rows_take_episode_change(s, pg, today)) build_rows(s, pg, today);
}

}  // namespace nd::app
