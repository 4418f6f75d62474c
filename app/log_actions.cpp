#include "log_actions.hpp"

#include <cstdio>

#include "body_map.hpp"
#include "matching.hpp"
#include "red_flags.hpp"
#include "time_util.hpp"

namespace nd::app {

namespace {
int minutes_ago(Began b) {
    switch (b) {
        case Began::FewMinutes: return 5;
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
    // The two warning toggles that need one more word: asked, not guessed.
    if (d.saddle_toggle && !d.marks.count({Region::SaddleArea, Side::Middle}) &&
        !contains(d.signs, Sign::BladderBowelLoss)) {
        error = "Say which: numb between the legs, or lost bladder or bowel control (or both).";
        return std::nullopt;
    }
    if (contains(d.signs, Sign::LegWeakness) && !d.marks.count({Region::WholeLeg, Side::Left}) &&
        !d.marks.count({Region::WholeLeg, Side::Right})) {
        error = "Say which leg is weak: left or right (or both).";
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
    // Place, sensation, activity and relief only. Signs, onset and time are never
    // copied: a warning sign must be a fresh, deliberate choice, and this episode
    // began now. The strength is left "not rated" so it is not copied unseen.
    fresh.marks = split_sides(e.regions);
    std::erase_if(fresh.marks, [](const RegionMark& m) { return m.region == Region::SaddleArea; });   // a warning sign
    fresh.sensations = e.sensations;
    fresh.activities = e.activities;
    fresh.reliefs = e.reliefs;
    d = std::move(fresh);
}

LogDraft draft_of(const Episode& e) {
    LogDraft d;
    d.marks = split_sides(e.regions);
    d.sensations = e.sensations;
    d.numbness = e.numbness;
    d.pain = e.pain;
    d.activities = e.activities;
    d.began = Began::Picked;
    d.picked_time = format_iso8601(e.start).substr(0, 16);
    d.picked_time[10] = ' ';
    d.duration_min = e.duration_min.value_or(0);
    d.still_going = e.ongoing;
    d.onset = e.onset;
    d.spread = e.spread;
    d.spread_speed = e.spread_speed;
    d.signs = e.signs;
    d.saddle_toggle = d.marks.count({Region::SaddleArea, Side::Middle}) || contains(e.signs, Sign::BladderBowelLoss);
    d.leg_weak_toggle = contains(e.signs, Sign::LegWeakness);
    d.reliefs = e.reliefs;
    d.relief_after_min = e.relief_after_min.value_or(0);
    d.worse_at_night = e.worse_at_night;
    d.effect_walking = e.effect_walking;
    d.effect_sleep = e.effect_sleep;
    d.effect_work = e.effect_work;
    d.note = e.note;
    d.details_open = true;
    return d;
}

std::vector<RedFlag> warnings_for(const Episode& e, const Diary* history) {
    // With the diary, a familiar radiation already logged without signs is a pattern,
    // not an alarm (red_flags_for(e, diary)); signs always warn.
    std::vector<RedFlag> flags = history ? red_flags_for(e, *history) : red_flags_for(e);
    // Face, arm or one-sided numbness whose onset is still not known: the stroke
    // advice shows (the answer may be "suddenly"); the stored onset stays unknown.
    if (needs_sudden_onset_question(e)) {
        bool have_stroke = false;
        for (const RedFlag& f : flags) have_stroke = have_stroke || f.kind == RedFlagKind::StrokeSigns;
        if (!have_stroke) {
            Episode sudden = e;
            sudden.onset = Onset::Sudden;
            for (RedFlag& f : history ? red_flags_for(sudden, *history) : red_flags_for(sudden)) {
                if (f.kind != RedFlagKind::StrokeSigns) continue;
                f.reasons.erase(f.reasons.begin());   // not "Came on suddenly": that is not known
                f.reasons.insert(f.reasons.begin(), "Not known whether it came on suddenly");
                flags.insert(flags.begin(), std::move(f));
            }
        }
    }
    return flags;
}

std::vector<RedFlag> draft_warnings(const LogDraft& d, const LocalTime& now, const Diary* history) {
    // A lenient copy of the form: the warning shows as soon as a sign is ticked, even
    // while the form is not yet complete enough to save.
    LogDraft probe = d;
    if (probe.saddle_toggle && !probe.marks.count({Region::SaddleArea, Side::Middle}) &&
        !contains(probe.signs, Sign::BladderBowelLoss))
        probe.marks.insert({Region::SaddleArea, Side::Middle});
    if (contains(probe.signs, Sign::LegWeakness) && !probe.marks.count({Region::WholeLeg, Side::Left}) &&
        !probe.marks.count({Region::WholeLeg, Side::Right}))
        probe.marks.insert({Region::WholeLeg, Side::Left});
    probe.began = Began::Now;
    if (probe.marks.empty() && probe.sensations.empty() && probe.signs.empty()) return {};
    std::string ignored;
    auto e = episode_from_draft(probe, now, ignored);
    if (!e) return {};
    return warnings_for(*e, history);
}

bool save_draft(AppState& s, LogUi& log) {
    std::string error;
    auto e = episode_from_draft(log.draft, s.now_local(), error);
    if (!e) {
        log.draft.error = error;
        return false;
    }
    std::vector<RedFlag> flags = warnings_for(*e, &s.diary);   // decided before saving: nothing may delay it
    Episode stored;
    if (!s.run(add_episode_command(*e, &stored))) return false;
    for (RedFlag& f : flags) f.episode_id = stored.id;
    log.draft = LogDraft{};
    const std::string done = e->ongoing ? "Saved. Tap \"It stopped\" when it ends." : "Saved to your diary.";
    // Back to the top of the form, with the confirmation where the eye goes next.
    log.scroll_to_top = true;
    log.saved_note = done + " " + when_text(s, e->start) + ".";
    log.saved_until = static_cast<double>(s.now_utc()) + 8;
    if (!flags.empty()) {
        s.pending_red_flags = std::move(flags);
        s.toast_after_flags = done;
    } else {
        s.show_toast(done);
    }
    return true;
}

bool log_no_numbness_today(AppState& s, LogUi& log) {
    if (!s.store) return false;
    const LocalDate today = local_date(s.now_local());
    // A day with episodes cannot also be a day without numbness: refused, with the reason.
    int logged = 0;
    for (const Episode& e : s.diary.episodes)
        if (!is_deleted(e) && local_date(e.start) == today) ++logged;
    if (logged > 0) {
        log.draft.error = std::string("Not saved: you logged ") + (logged == 1 ? "an episode" : std::to_string(logged) + " episodes") +
                            " today, so today is not a day without numbness. Delete it in the Diary if it was a mistake.";
        return false;
    }
    std::optional<CheckIn> previous;
    for (const CheckIn& c : s.diary.checkins)
        if (c.date == today && !c.deleted_utc) previous = c;
    CheckIn c = previous.value_or(CheckIn{});
    c.date = today;
    c.no_numbness = true;
    if (!s.run(put_checkin_command(c, previous))) return false;
    log.draft.error.clear();
    log.saved_note = "Noted: no numbness today.";
    log.saved_until = static_cast<double>(s.now_utc()) + 8;
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
