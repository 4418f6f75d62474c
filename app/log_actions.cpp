#include "log_actions.hpp"

#include <cstdio>

#include "body_map.hpp"
#include "matching.hpp"
#include "time_util.hpp"

namespace nd::app {

namespace {
int minutes_ago(Began b) {
    switch (b) {
        case Began::Min15: return 15;
        case Began::Min30: return 30;
        case Began::Min60: return 60;
        default: return 0;
    }
}
}  // namespace

std::optional<Episode> episode_from_draft(const LogDraft& d, const LocalTime& now, std::string& error) {
    if (d.marks.empty() && d.sensations.empty() && d.signs.empty()) {
        error = "Tap the map where you feel it, or choose what it feels like.";
        return std::nullopt;
    }
    Episode e;
    if (d.began == Began::Picked) {
        auto t = parse_iso8601(d.picked_time, now.offset_min);
        if (!t) {
            error = "Write the time like 2026-11-26 08:30.";
            return std::nullopt;
        }
        if (t->utc > now.utc) {
            error = "That time is in the future.";
            return std::nullopt;
        }
        e.start = *t;
    } else {
        e.start.utc = now.utc - static_cast<std::int64_t>(minutes_ago(d.began)) * 60;
        e.start.offset_min = now.offset_min;
    }
    e.ongoing = d.still_going;
    if (!d.still_going && d.duration_min > 0) e.duration_min = d.duration_min;
    e.regions = merge_sides(d.marks);
    e.sensations = d.sensations;
    e.numbness = d.numbness;
    e.pain = d.pain;
    e.activities = d.activities;
    e.reliefs = d.reliefs;
    if (d.relief_after_min > 0) e.relief_after_min = d.relief_after_min;
    e.onset = d.onset;
    e.spread = d.spread;
    e.spread_speed = d.spread ? d.spread_speed : SpreadSpeed::Unknown;
    e.signs = d.signs;
    e.worse_at_night = d.worse_at_night;
    e.effect_walking = d.effect_walking;
    e.effect_sleep = d.effect_sleep;
    e.effect_work = d.effect_work;
    e.note = d.note;
    normalize(e);
    error.clear();
    return e;
}

void fill_draft_from(LogDraft& d, const Episode& e) {
    LogDraft fresh;
    fresh.marks = split_sides(e.regions);
    fresh.sensations = e.sensations;
    fresh.numbness = e.numbness;
    fresh.pain = e.pain;
    fresh.activities = e.activities;
    fresh.duration_min = e.duration_min.value_or(0);
    fresh.reliefs = e.reliefs;
    fresh.relief_after_min = e.relief_after_min.value_or(0);
    fresh.onset = e.onset;
    fresh.worse_at_night = e.worse_at_night;
    // Signs are not copied: a warning sign must be a fresh, deliberate choice.
    d = std::move(fresh);
}

bool save_draft(AppState& s) {
    std::string error;
    auto e = episode_from_draft(s.log.draft, s.now_local(), error);
    if (!e) {
        s.log.draft.error = error;
        return false;
    }
    std::vector<RedFlag> flags = red_flags_for(*e);   // decided before saving: nothing may delay it
    Episode stored;
    if (!s.run(add_episode_command(*e, &stored))) return false;
    for (RedFlag& f : flags) f.episode_id = stored.id;
    s.log.draft = LogDraft{};
    const std::string done = e->ongoing ? "Saved. Tap \"It stopped\" when it ends." : "Saved to your diary.";
    if (!flags.empty()) {
        s.pending_red_flags = std::move(flags);
        s.toast_after_flags = done;
    } else {
        s.show_toast(done);
    }
    return true;
}

bool log_no_numbness_today(AppState& s) {
    if (!s.store) return false;
    const LocalDate today = local_date(s.now_local());
    std::optional<CheckIn> previous;
    for (const CheckIn& c : s.diary.checkins)
        if (c.date == today && !c.deleted_utc) previous = c;
    CheckIn c = previous.value_or(CheckIn{});
    c.date = today;
    c.no_numbness = true;
    if (!s.run(put_checkin_command(c, previous))) return false;
    s.show_toast("Noted: no numbness today.");
    return true;
}

bool end_ongoing(AppState& s, const Episode& e) {
    if (!s.run(end_episode_command(e))) return false;
    s.show_toast("Marked as stopped.");
    return true;
}

std::string when_text(const AppState& s, const LocalTime& t) {
    const int m = local_minute_of_day(t);
    char hhmm[16];
    std::snprintf(hhmm, sizeof hhmm, "%02d:%02d", (m / 60) % 24, m % 60);
    const LocalDate day = local_date(t);
    LocalTime now = s.now_local();
    if (day == local_date(now)) return std::string("today ") + hhmm;
    now.utc -= 86400;
    if (day == local_date(now)) return std::string("yesterday ") + hhmm;
    return format_date(day, s.settings.date_format) + " " + hhmm;
}

}  // namespace nd::app
