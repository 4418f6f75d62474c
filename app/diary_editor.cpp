#include "diary_editor.hpp"

#include <algorithm>

#include <imgui.h>

#include "diary_page_state.hpp"
#include "episode_form.hpp"
#include "episode_text.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "log_actions.hpp"
#include "matching.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// Checks the form and builds the episode to store; false with d.error set.
bool finish(AppState& s, EpisodeDraft& d, Episode& out) {
    std::string error;
    LogDraft form = d.form;
    form.began = Began::Picked;
    LocalTime now = s.now_local();
    now.utc += 5 * 60;   // a clock a little ahead of the one that logged it is not "the future"
    auto e = episode_from_draft(form, now, error);
    if (!e) {
        d.error = error;
        return false;
    }
    if (e->regions.empty()) {
        d.error = "Mark at least one place where you felt it.";
        return false;
    }
    // The form does not show these: they stay as they were.
    e->id = d.before.id;
    e->spread_from = d.before.spread_from;
    e->spread_to = d.before.spread_to;
    if (!e->spread) e->spread_from.reset(), e->spread_to.reset();
    e->created_utc = d.before.created_utc;
    e->updated_utc = d.before.updated_utc;
    e->deleted_utc = d.before.deleted_utc;
    // The time keeps its own UTC offset unless it was changed.
    if (form.picked_time == draft_of(d.before).picked_time) e->start = d.before.start;
    normalize(*e);
    out = *e;
    return true;
}

}  // namespace

void open_episode_editor(DiaryPage& pg, const Episode& e) {
    EpisodeDraft d;
    d.before = e;
    d.form = draft_of(e);
    pg.editing = std::move(d);
    pg.scroll_editor_to_top = true;
}

void draw_episode_editor(AppState& s, DiaryPage& pg, BodyMapUi& map) {
    EpisodeDraft& d = *pg.editing;
    if (pg.scroll_editor_to_top) {
        ImGui::SetScrollY(0);
        pg.scroll_editor_to_top = false;
    }
    if (big_button(s, ND_ICON_ARROW_LEFT " Back to the diary", 0, ButtonKind::Quiet)) {
        pg.editing.reset();
        ImGui::SetScrollY(0);
        return;
    }
    heading(s.fonts, ("Episode of " + format_date(local_date(d.before.start), s.settings.date_format) + " at " +
                clock_text(d.before.start)).c_str());
    if (!warnings_for(d.before).empty()) red_flag_marker(s, "editor:red_flag");
    if (d.before.ongoing && big_button(s, ND_ICON_STOP_CIRCLE " It has stopped now", -1, ButtonKind::Secondary)) {
        if (s.run(end_episode_command(d.before))) {
            pg.editing.reset();
            s.show_toast("Ended. Undo if that was a mistake.");
            return;
        }
    }
    draw_episode_form(s, map, d.form, true);

    if (!d.error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped(ND_ICON_WARNING " %s", d.error.c_str());
        ImGui::PopStyleColor();
    }
    if (big_button(s, ND_ICON_CHECK " Save changes", -1)) {
        Episode after;
        if (finish(s, d, after)) {
            Episode before = d.before;
            normalize(before);
            const std::vector<RedFlag> flags = after == before ? std::vector<RedFlag>{} : warnings_for(after);
            if (after == before || s.run(edit_episode_command(d.before, after))) {
                pg.editing.reset();
                // A warning sign added while editing is shown in full, as at logging time.
                bool was_flagged = !warnings_for(before).empty();
                if (!flags.empty() && !was_flagged) {
                    s.pending_red_flags = flags;
                    for (RedFlag& f : s.pending_red_flags) f.episode_id = after.id;
                    s.toast_after_flags = "Saved";
                } else {
                    s.show_toast("Saved");
                }
                return;
            }
            d.error = "Could not save the change.";
        }
    }
    if (big_button(s, ND_ICON_TRASH " Delete this episode", -1, ButtonKind::Danger)) {
        if (s.run(delete_episode_command(d.before))) {
            pg.editing.reset();
            s.show_toast("Moved to the bin. Undo brings it back.");
            return;
        }
    }
    muted_text("Deleted episodes go to the bin, where you can restore them.");
}

}  // namespace nd::app
