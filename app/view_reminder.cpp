// The daily reminder in the app (docs/reminders.md): its Settings card, the
// question on the first-run page, and the reminder shown while the app is open
// (used where no scheduled job can run: no systemd user session, or the web).
// The scheduled job itself is the platform's (Services::set_reminder_job).
#include <cstdio>
#include <string>

#include <imgui.h>

#include "form_util.hpp"
#include "icons.hpp"
#include "reminder_state.hpp"
#include "store.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

bool parse_hhmm(const std::string& t, int& h, int& m) {
    if (t.size() != 5 || t[2] != ':') return false;
    for (int i : {0, 1, 3, 4})
        if (t[i] < '0' || t[i] > '9') return false;
    h = (t[0] - '0') * 10 + (t[1] - '0');
    m = (t[3] - '0') * 10 + (t[4] - '0');
    return h < 24 && m < 60;
}

void load(AppState& s, ReminderUi& r) {
    if ((r.loaded && r.revision == s.revision) || !s.store) return;
    r.revision = s.revision;
    r.on = s.store->setting(kReminderOn).value_or("0") == "1";
    r.time_text = s.store->setting(kReminderTime).value_or("20:00");
    int h = 0, m = 0;
    if (!parse_hhmm(r.time_text, h, m)) r.time_text = "20:00";
    r.loaded = true;
}

bool web(AppState& s) { return s.services && s.services->exports_are_downloads(); }
bool job(AppState& s) { return s.services && !web(s) && s.services->reminder_job_supported(); }

// Saves the choice and installs or removes the scheduled job where there is one.
void apply(AppState& s, ReminderUi& r, bool on) {
    int h = 20, m = 0;
    if (on && !parse_hhmm(r.time_text, h, m)) {
        r.message = "Write the time as HH:MM, for example 20:00.";
        r.message_is_error = true;
        return;
    }
    r.message.clear();
    r.message_is_error = false;
    if (job(s) || (!on && s.services)) {
        bool ok = true;
        r.message = s.services->set_reminder_job(on, h, m, s.store->path(), ok);
        r.message_is_error = !ok;
        if (!ok && on) on = false;   // not installed: stays off, the message says why
    }
    r.on = on;
    s.store->set_setting(kReminderOn, on ? "1" : "0");
    if (on) s.store->set_setting(kReminderTime, r.time_text);
    if (on && !job(s) && r.message.empty()) r.message = "Reminder on at " + r.time_text + ", while the app is open.";
}

}  // namespace

void draw_reminder_settings(AppState& s, ReminderUi& r) {
    if (!s.store) return;
    load(s, r);
    begin_card("##reminder");
    heading(s.fonts, ND_ICON_CLOCK "  Daily reminder");
    if (web(s))
        muted_text("In the web version the reminder only comes while this page is open. Reminding you when it "
                   "is closed would need a push server, and Numbness Diary has no network code.");
    else if (job(s))
        muted_text("Once a day at the time you choose, also when the app is closed. It says only \"Time for your "
                   "diary\", and it does not come on days you have already logged something.");
    else
        muted_text("This desktop has no systemd user session, so the reminder can only come while the app is "
                   "open. It says only \"Time for your diary\", and not on days you have already logged.");
    text_field(s, "Time (HH:MM)##reminder", r.time_text, "20:00", 160 * s.display_scale);
    if (!r.on) {
        if (big_button(s, ND_ICON_CLOCK " Turn the reminder on##reminder", 0)) apply(s, r, true);
    } else {
        if (big_button(s, ND_ICON_CHECK " Save the time##reminder", 0, ButtonKind::Secondary)) apply(s, r, true);
        ImGui::SameLine();
        if (big_button(s, "Turn it off##reminder", 0, ButtonKind::Quiet)) apply(s, r, false);
    }
    muted_text(r.on ? ("On, at " + r.time_text + ".").c_str() : "Off.");
    if (!r.message.empty()) {
        if (r.message_is_error) ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("%s", r.message.c_str());
        if (r.message_is_error) ImGui::PopStyleColor();
    }
    end_card();
}

void draw_reminder_first_run(AppState& s, ReminderUi& r) {
    if (!s.store || s.store->setting(kReminderAsked)) return;
    load(s, r);
    begin_card("##reminder_ask");
    section_heading(s.fonts, ND_ICON_CLOCK "  A daily reminder?");
    ImGui::TextWrapped("A short \"Time for your diary\" at 20:00 on days you have not logged yet. You can change "
                       "the time or turn it off in Settings.");
    if (big_button(s, "Yes, remind me##ask", 0)) {
        r.time_text = "20:00";
        apply(s, r, true);
        s.store->set_setting(kReminderAsked, "1");
    }
    ImGui::SameLine();
    if (big_button(s, "No, thanks##ask", 0, ButtonKind::Secondary)) s.store->set_setting(kReminderAsked, "1");
    end_card();
}

void tick_in_app_reminder(AppState& s, ReminderUi& r) {
    if (!s.store || s.demo_mode || job(s)) return;   // the scheduled job reminds on its own
    load(s, r);
    int h = 0, m = 0;
    if (!r.on || !parse_hhmm(r.time_text, h, m)) return;
    const LocalTime now = s.now_local();
    const LocalDate today = local_date(now);
    const std::int64_t minute_of_day = ((now.utc + now.offset_min * 60) % 86400 + 86400) % 86400 / 60;
    if (minute_of_day < h * 60 + m) return;
    if (s.store->setting(kReminderShownOn).value_or("") == today) return;
    s.store->set_setting(kReminderShownOn, today);
    for (const auto& e : s.diary.episodes)
        if (!e.deleted_utc && local_date(e.start) == today) return;
    for (const auto& c : s.diary.checkins)
        if (!c.deleted_utc && c.date == today) return;
    s.show_toast(ND_ICON_CLOCK "  Time for your diary", 15.0);
}

}  // namespace nd::app
