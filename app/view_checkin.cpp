// Daily check-in: one short form per day - how the day was in general (chips),
// "no numbness today", a note. Today by default; another day can be picked.
// An existing check-in is loaded into the form and saving replaces it (undoable).
#include <string>

#include "checkin_page_state.hpp"
#include "date_picker.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "record_commands.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

const CheckIn* existing(const AppState& s, const LocalDate& date) {
    for (const CheckIn& c : s.diary.checkins)
        if (!c.deleted_utc && c.date == date) return &c;
    return nullptr;
}

void load(AppState& s, CheckInPage& pg, const LocalDate& date) {
    pg.date = date;
    pg.date_text = date;
    if (const CheckIn* c = existing(s, date)) {
        pg.draft = *c;
    } else {
        pg.draft = {};
        pg.draft.date = date;
    }
    pg.loaded = true;
    pg.loaded_revision = s.revision;
    pg.dirty = false;
    pg.error.clear();
}

void error_text(const std::string& e) {
    if (e.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped(ND_ICON_WARNING " %s", e.c_str());
    ImGui::PopStyleColor();
}

}  // namespace

void draw_checkin(AppState& s, PageStates& pages) {
    CheckInPage& pg = pages.checkin;
    const LocalDate today = local_date(s.now_local());
    if (!pg.loaded) {
        // Opened from the diary with a date, or fresh: today.
        const LocalDate want = is_valid_date(pg.date_text) ? pg.date_text : today;
        load(s, pg, want);
    } else if (pg.loaded_revision != s.revision && !pg.dirty) {
        load(s, pg, pg.date);   // the diary changed (undo, another page): show what is stored
    }
    const CheckIn* stored = existing(s, pg.date);
    const auto yesterday = date_from_days(days_since_epoch(today).value_or(0) - 1);

    begin_card("##day");
    const std::string day = format_date(pg.date, s.settings.date_format) +
                            (pg.date == today ? " (today)" : pg.date == yesterday ? " (yesterday)" : "");
    heading(s.fonts, (std::string(ND_ICON_CALENDAR "  ") + day).c_str());
    if (stored)
        muted_text(ND_ICON_CHECK_CIRCLE "  You have checked in for this day. Change it below and save again.");
    else
        muted_text("No check-in for this day yet.");
    if (chip(s, "Today##day", pg.date == today)) load(s, pg, today);
    if (chip(s, "Yesterday##day", pg.date == yesterday)) load(s, pg, yesterday);
    // Another day from a calendar (days after today cannot be picked); the day opens at once.
    std::string other = pg.date;
    if (date_picker_field(date_look(s), "Another day", "checkin_day", other, pg.date, today, false, false)) {
        if (other > today) pg.error = "That day has not come yet. Pick today or an earlier day.";
        else load(s, pg, other);
    }
    end_card();

    begin_card("##how");
    heading(s.fonts, "How was the day in general?");
    muted_text(pg.date == today ? "Tap everything that was true today." : "Tap everything that was true that day.");
    if (enum_chips<GeneralSymptom>(s, "sym", pg.draft.symptoms)) pg.dirty = true;
    ImGui::Spacing();
    if (chip(s, pg.date == today ? ND_ICON_SMILE " No numbness today##nonumb" : ND_ICON_SMILE " No numbness that day##nonumb", pg.draft.no_numbness)) {
        pg.draft.no_numbness = !pg.draft.no_numbness;
        pg.dirty = true;
    }
    if (note_field(s, "Note (optional)", pg.draft.note)) pg.dirty = true;
    end_card();

    error_text(pg.error);
    if (big_button(s, ND_ICON_CHECK " Save check-in", -1)) {
        CheckIn c = pg.draft;
        c.date = pg.date;
        normalize(c);
        std::optional<CheckIn> previous;
        if (stored) previous = *stored;
        if (s.run(put_checkin_command(c, previous))) {
            load(s, pg, pg.date);
            s.show_toast(stored ? "Check-in updated" : "Check-in saved");
        }
    }
    if (stored && big_button(s, ND_ICON_TRASH " Remove this check-in", -1, ButtonKind::Quiet)) {
        if (s.run(delete_checkin_command(*stored))) {
            load(s, pg, pg.date);
            s.show_toast("Check-in removed. Undo brings it back.");
        }
    }
}

}  // namespace nd::app
