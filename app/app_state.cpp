#include "app_state.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>

#include <imgui.h>

#include "background_job.hpp"
#include "export_actions.hpp"
#include "store.hpp"
#include "time_util.hpp"

namespace nd::app {

struct AppState::JobsHeld {
    BackgroundJob<ExportResult> export_job;
    BackgroundJob<RestoreOutcome> restore_job;
};

AppState::AppState()
    : jobs_held_(std::make_unique<JobsHeld>()),
      export_job(jobs_held_->export_job),
      restore_job(jobs_held_->restore_job) {}

AppState::~AppState() = default;

bool AppState::jobs_running() const { return export_job.active() || restore_job.active(); }

namespace {

std::uint64_t id_hash(const std::string& id) { return std::hash<std::string>{}(id); }

// Puts the Store's copy of one episode into the sorted list: replaced where it was (moved
// if its start changed), inserted in order when new, removed when the Store has none.
// `hashes` runs parallel to `v` (the ids' hashes: finding an id scans 8 bytes an episode
// instead of each id's own heap block) and is kept so. Returns the earlier of its start
// before and after (INT64_MAX when neither exists): where the change begins in time.
std::int64_t sync_episode(const Store& store, std::vector<Episode>& v, std::vector<std::uint64_t>& hashes,
                  const std::string& id) {
    std::optional<Episode> stored = store.episode(id);
    const std::uint64_t h = id_hash(id);
    std::size_t at = v.size();
    for (std::size_t i = 0; i < hashes.size(); ++i)
        if (hashes[i] == h && v[i].id == id) {
            at = i;
            break;
        }
    const auto pos = [&](std::size_t i) { return static_cast<std::ptrdiff_t>(i); };
    std::int64_t from = at < v.size() ? v[at].start.utc : std::numeric_limits<std::int64_t>::max();
    if (!stored) {
        if (at < v.size()) {
            v.erase(v.begin() + pos(at));
            hashes.erase(hashes.begin() + pos(at));
        }
        return from;
    }
    normalize(*stored);
    from = std::min(from, stored->start.utc);
    if (at == v.size()) {
        const auto it = std::lower_bound(v.begin(), v.end(), *stored, episode_less);
        hashes.insert(hashes.begin() + (it - v.begin()), h);
        v.insert(it, std::move(*stored));
        return from;
    }
    const auto it = v.begin() + pos(at);
    *it = std::move(*stored);
    const auto hit = hashes.begin() + pos(at);
    if (it != v.begin() && episode_less(*it, *(it - 1))) {
        const auto to = std::upper_bound(v.begin(), it, *it, episode_less);
        std::rotate(hashes.begin() + (to - v.begin()), hit, hit + 1);
        std::rotate(to, it, it + 1);
    } else if (it + 1 != v.end() && episode_less(*(it + 1), *it)) {
        const auto to = std::lower_bound(it + 1, v.end(), *it, episode_less);
        std::rotate(hit, hit + 1, hashes.begin() + (to - v.begin()));
        std::rotate(it, it + 1, to);
    }
    return from;
}

// Replaces one list of the cached diary with the Store's, normalised as refresh() reads it.
template <class T>
void reread_list(Diary& diary, std::vector<T> Diary::*list, std::vector<T> stored) {
    Diary part;
    part.*list = std::move(stored);
    normalize(part);
    diary.*list = std::move(part.*list);
}

}  // namespace

void AppState::note_change(DiaryChange::What what, RecordType type, std::string id) {
    changes.push_back({revision, what, type, std::move(id)});
    while (changes.size() > kChangesKept) changes.pop_front();
}

void AppState::refresh() {
    ++revision;
    note_change(DiaryChange::What::Everything);
    episodes_newest_first.clear();
    ongoing.clear();
    episode_id_hashes_.clear();
    match_ = {};
    match_stale_ = true;
    if (!store) {
        diary = {};
        return;
    }
    diary = {};   // let the old snapshot go before the new one is read (peak memory)
    take_whole_diary(store->load_diary());
}

void AppState::adopt_diary(Diary d) {
    ++revision;
    take_whole_diary(std::move(d));
}

void AppState::take_whole_diary(Diary d) {
    diary = std::move(d);
    diary_partial = false;
    ++full_reloads;
    episode_id_hashes_.clear();
    episode_id_hashes_.reserve(diary.episodes.size());
    for (const Episode& e : diary.episodes) episode_id_hashes_.push_back(id_hash(e.id));
    after_diary_changed();
}

void AppState::reload_all(ReloadReason why) {
    if (why != ReloadReason::OtherProcess) undo_stack.clear();
    refresh();
    if (why == ReloadReason::OtherProcess) return;
    analysis.reset();
    if (reset_pages) reset_pages();
    if (paper_loaded) paper_loaded();
}

void AppState::reload_all(ReloadReason why, Diary loaded) {
    if (why != ReloadReason::OtherProcess) undo_stack.clear();
    if (store) adopt_diary(std::move(loaded));
    else refresh();
    if (why == ReloadReason::OtherProcess) return;
    analysis.reset();
    if (reset_pages) reset_pages();
    if (paper_loaded) paper_loaded();   // the Export page starts at the saved paper again, as after a reload
}

void AppState::refresh_after(const Command* cmd) {
    if (!store || !cmd || cmd->touches == RecordType::Unknown ||
        (cmd->touches != RecordType::Profile && (!cmd->touched_id || cmd->touched_id->empty()))) {
        refresh();
        return;
    }
    ++revision;
    note_change(DiaryChange::What::Record, cmd->touches, cmd->touches == RecordType::Profile ? "" : *cmd->touched_id);
    switch (cmd->touches) {
        case RecordType::Episode:
            changes.back().from_utc = sync_episode(*store, diary.episodes, episode_id_hashes_, *cmd->touched_id);
            break;
        case RecordType::CheckIn:
            // A put may replace the check-in of its date under another id: take the list (one
            // row a day at most) rather than guess.
            reread_list(diary, &Diary::checkins, store->checkins(true));
            break;
        case RecordType::Fact:
            reread_list(diary, &Diary::facts, store->facts(true));
            break;
        case RecordType::Medicine:
            reread_list(diary, &Diary::medicines, store->medicines(true));
            break;
        case RecordType::Profile:
            diary.profile = store->profile();
            break;
        case RecordType::Unknown:
            break;
    }
    after_diary_changed();
}

void AppState::after_diary_changed() {
    episodes_newest_first.clear();
    ongoing.clear();
    match_ = {};   // its indices are of the diary before the change
    match_stale_ = true;
    for (std::size_t i = diary.episodes.size(); i-- > 0;) {
        const Episode& e = diary.episodes[i];
        if (is_deleted(e)) continue;
        episodes_newest_first.push_back(i);
        if (e.ongoing) ongoing.push_back(i);
    }
}

void AppState::rematch() {
    ++revision;
    ++catalog_revision;
    note_change(DiaryChange::What::Nothing);
    match_ = {};
    match_stale_ = true;
}

const MatchResult& AppState::match() {
    if (match_stale_) {
        match_ = store ? nd::match(catalog, diary) : MatchResult{};
        match_stale_ = false;
    }
    return match_;
}

bool AppState::run(Command cmd) {
    if (!store) return false;
    try {
        undo_stack.run(*store, std::move(cmd));
    } catch (const std::exception& e) {
        show_toast(std::string("Could not save: ") + e.what(), 6.0);
        return false;
    }
    refresh_after(undo_stack.last_done());
    return true;
}

namespace {
// An error text as a sentence, so another can follow it.
std::string sentence(std::string text) {
    if (!text.empty() && text.back() != '.') text += '.';
    return text;
}
}  // namespace

bool AppState::undo() { return step_history(true); }
bool AppState::redo() { return step_history(false); }

// Undo and redo are one step through the history, in either direction.
bool AppState::step_history(bool back) {
    if (!store || !(back ? undo_stack.can_undo() : undo_stack.can_redo())) return false;
    const char* verb = back ? "undo" : "redo";
    const std::string label = back ? undo_stack.undo_label() : undo_stack.redo_label();
    try {
        if (back) undo_stack.undo(*store);
        else undo_stack.redo(*store);
    } catch (const std::exception& e) {
        // The step is still in the history (UndoStack::undo and redo move it only once written).
        show_toast(std::string("Could not ") + verb + " " + label + ": " + sentence(e.what()) + " Nothing was changed; " +
                       (back ? "Undo" : "Redo") + " can try again.",
                   8.0);
        return false;
    }
    refresh_after(back ? undo_stack.last_undone() : undo_stack.last_done());
    show_toast((back ? "Undone: " : "Redone: ") + label);
    return true;
}

void AppState::show_toast(std::string text, double seconds) {
    toast = std::move(text);
    toast_until = ImGui::GetTime() + seconds;
}

std::int64_t AppState::now_utc() const { return services ? services->now_utc() : now_utc_seconds(); }

LocalTime AppState::now_local() const {
    LocalTime t;
    t.utc = now_utc();
    t.offset_min = services ? services->utc_offset_min(t.utc) : 0;
    return t;
}

const Episode* AppState::last_episode() const {
    // Newest by start time; the list is already sorted.
    return episodes_newest_first.empty() ? nullptr : &diary.episodes[episodes_newest_first.front()];
}

std::uint64_t AppState::episode_id_hash(const std::string& id) { return id_hash(id); }

std::size_t AppState::episode_index(const std::string& id) const {
    const std::uint64_t h = id_hash(id);
    for (std::size_t i = 0; i < episode_id_hashes_.size() && i < diary.episodes.size(); ++i)
        if (episode_id_hashes_[i] == h && diary.episodes[i].id == id) return i;
    return static_cast<std::size_t>(-1);
}

namespace {
constexpr const char* kFontScale = "ui.font_scale";
constexpr const char* kTheme = "ui.theme";
constexpr const char* kEmergency = "ui.emergency_number";
constexpr const char* kDateFormat = "ui.date_format";
constexpr const char* kFirstRunDone = "ui.first_run_done";
}  // namespace

void AppState::load_settings() {
    Settings s;
    s.emergency_number = emergency_number_for_locale(services ? services->locale() : "");
    // The date format follows LC_TIME until the person chooses one (then the setting stays).
    s.date_format = date_format_for_locale(services ? services->time_locale() : "");
    s.paper = services ? services->paper_default() : Paper::A4;
    if (store) {
        s.paper_chosen = store->setting(kPaperSetting).has_value();
        s.paper = saved_paper(*store, s.paper);
    }
    if (store) {
        if (auto v = store->setting(kFontScale)) s.font_scale = std::clamp(std::strtof(v->c_str(), nullptr), 0.8f, 2.0f);
        if (auto v = store->setting(kTheme)) s.theme = *v == "dark" ? Theme::Dark : *v == "high_contrast" ? Theme::HighContrast : Theme::Light;
        if (auto v = store->setting(kEmergency); v && !v->empty()) s.emergency_number = *v;
        if (auto v = store->setting(kDateFormat)) s.date_format = *v == "dmy" ? DateFormat::DayMonthYear : *v == "mdy" ? DateFormat::MonthDayYear : DateFormat::Iso;
        if (auto v = store->setting(kFirstRunDone)) s.first_run_done = *v == "1";
    }
    if (s.font_scale != settings.font_scale) fonts_dirty = true;
    if (s.theme != settings.theme) style_dirty = true;
    settings = s;
    if (paper_loaded) paper_loaded();   // the Export page starts at it
}

void AppState::save_settings() {
    if (!store) return;
    try {
        store->set_setting(kFontScale, std::to_string(settings.font_scale));
        store->set_setting(kTheme, settings.theme == Theme::Dark ? "dark" : settings.theme == Theme::HighContrast ? "high_contrast" : "light");
        store->set_setting(kEmergency, settings.emergency_number);
        store->set_setting(kDateFormat, settings.date_format == DateFormat::DayMonthYear ? "dmy" : settings.date_format == DateFormat::MonthDayYear ? "mdy" : "iso");
        store->set_setting(kFirstRunDone, settings.first_run_done ? "1" : "0");
    } catch (const std::exception& e) {
        show_toast(std::string("Could not save settings: ") + e.what(), 6.0);
    }
}

DateFormat date_format_for_locale(const std::string& locale) {
    // The territory ("en_US.UTF-8" -> "US"). Month first in the United States and a
    // few neighbours; year first (as ISO) in East Asia, Hungary, Lithuania, Sweden
    // and where no territory is known (C, POSIX); day first elsewhere.
    const auto us = locale.find('_');
    if (us == std::string::npos || locale.size() < us + 3) return DateFormat::Iso;
    const std::string cc = locale.substr(us + 1, 2);
    for (const char* mdy : {"US", "PR", "PH", "FM", "MH", "PW", "BZ"})
        if (cc == mdy) return DateFormat::MonthDayYear;
    for (const char* ymd : {"CN", "JP", "KR", "TW", "HU", "LT", "SE", "MN", "KP"})
        if (cc == ymd) return DateFormat::Iso;
    return DateFormat::DayMonthYear;
}

std::string emergency_number_for_locale(const std::string& locale) {
    // The territory is the part after '_' ("en_GB.UTF-8" -> "GB").
    const auto us = locale.find('_');
    const std::string cc = us == std::string::npos ? "" : locale.substr(us + 1, 2);
    // No territory ("C", "POSIX", a bare "en"): unknown. The warning then shows 112
    // and 911 alike with "or your local emergency number" (emergency_text.hpp).
    if (cc.size() != 2) return "";
    if (cc == "US" || cc == "CA" || cc == "MX" || cc == "PH") return "911";
    if (cc == "GB" || cc == "IE" || cc == "HK" || cc == "MY" || cc == "SG") return "999";
    if (cc == "AU") return "000";
    if (cc == "NZ") return "111";
    if (cc == "IN") return "112";
    if (cc == "JP" || cc == "KR" || cc == "TW") return "119";
    if (cc == "CN") return "120";
    if (cc == "ZA") return "112";
    return "112";   // a known country not listed: the EU-wide number, routed in many other countries too
}

std::string format_date(const LocalDate& iso, DateFormat f) {
    if (iso.size() != 10 || f == DateFormat::Iso) return iso;
    const std::string y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
    return f == DateFormat::DayMonthYear ? d + "/" + m + "/" + y : m + "/" + d + "/" + y;
}

}  // namespace nd::app
