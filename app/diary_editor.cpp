#include "diary_editor.hpp"

#include <algorithm>
#include <cstdio>


#include "enum_names.hpp"
#include "episode_text.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "rating_slider.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

std::string start_text(const LocalTime& t) {
    const int m = local_minute_of_day(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", local_date(t).c_str(), m / 60, m % 60);
    return buf;
}

void draw_places(AppState& s, EpisodeDraft& d) {
    heading(s, "Where");
    RegionMark remove{};
    bool removing = false;
    for (const RegionMark& m : d.edit.regions) {
        const std::string label = std::string(ND_ICON_TIMES " ") + describe(m) + "##place";
        if (chip(s, label.c_str(), false)) {
            remove = m;
            removing = true;
        }
    }
    if (d.edit.regions.empty()) muted_text("No place marked yet.");
    else muted_text("Tap a place to take it away.");
    if (removing) std::erase(d.edit.regions, remove);
    enum_combo<Region>(s, "##addregion", d.add_region, "Choose a place");
    static constexpr const char* kSides[] = {"Left", "Right", "Both sides"};
    segmented(s, "side", d.add_side, kSides);
    if (big_button(s, ND_ICON_PLUS " Add this place", 0, ButtonKind::Secondary) && d.add_region) {
        const Region r = *d.add_region;
        const Side side = d.add_side == 0 ? Side::Left : d.add_side == 1 ? Side::Right : Side::Both;
        const bool middle = r == Region::SaddleArea || r == Region::LowerBack;
        d.edit.regions.push_back({r, middle ? Side::Middle : side});
        std::sort(d.edit.regions.begin(), d.edit.regions.end());
        d.edit.regions.erase(std::unique(d.edit.regions.begin(), d.edit.regions.end()), d.edit.regions.end());
    }
}

// Checks the form and builds the episode to store; false with d.error set.
bool finish(AppState& s, EpisodeDraft& d, Episode& out) {
    out = d.edit;
    const auto t = parse_iso8601(d.start_text, d.edit.start.offset_min);
    if (!t) {
        d.error = "\"" + d.start_text + "\" is not a real date and time. Write it as 2026-03-14 08:30.";
        return false;
    }
    if (t->utc > s.now_utc() + 5 * 60) {
        d.error = "That time is in the future. Please check the date.";
        return false;
    }
    out.start = *t;
    if (out.regions.empty()) {
        d.error = "Add at least one place where you felt it.";
        return false;
    }
    if (!out.ongoing) {
        if (d.duration_min < 0 || d.duration_min > 60 * 24 * 365) {
            d.error = "The duration should be between 0 minutes and a year.";
            return false;
        }
        out.duration_min = d.duration_min > 0 ? std::optional<std::int32_t>(d.duration_min) : std::nullopt;
    } else {
        out.duration_min.reset();
    }
    normalize(out);
    return true;
}

}  // namespace

void open_episode_editor(AppState& s, const Episode& e) {
    EpisodeDraft d;
    d.before = e;
    d.edit = e;
    d.start_text = start_text(e.start);
    d.duration_min = e.duration_min.value_or(0);
    s.pages.diary.editing = std::move(d);
}

void draw_episode_editor(AppState& s) {
    DiaryPage& pg = s.pages.diary;
    EpisodeDraft& d = *pg.editing;
    if (big_button(s, ND_ICON_ARROW_LEFT " Back to the diary", 0, ButtonKind::Quiet)) {
        pg.editing.reset();
        return;
    }
    heading(s, ("Episode of " + format_date(local_date(d.before.start), s.settings.date_format) + " at " +
                        clock_text(d.before.start)).c_str());
    if (d.before.ongoing && big_button(s, ND_ICON_STOP_CIRCLE " It has stopped now", -1, ButtonKind::Secondary)) {
        if (s.run(end_episode_command(d.before))) {
            pg.editing.reset();
            s.show_toast("Ended. Undo if that was a mistake.");
            return;
        }
    }
    begin_card("##edit_when");
    text_field(s, "When it began", d.start_text, "2026-03-14 08:30");
    if (chip(s, "Still going##ongoing", d.edit.ongoing)) d.edit.ongoing = !d.edit.ongoing;
    if (!d.edit.ongoing) {
        ImGui::TextUnformatted("How long it lasted (minutes, 0 if not sure)");
        push_touch_frame();
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 260.0f * s.display_scale));
        ImGui::InputInt("##duration", &d.duration_min, 5, 30);
        pop_touch_frame();
        record_item(s, "field:duration");
    }
    end_card();

    begin_card("##edit_feel");
    rating_slider(s, "Numbness", "numbness", d.edit.numbness);
    rating_slider(s, "Pain", "pain", d.edit.pain);
    heading(s, "What it felt like");
    enum_chips<Sensation>(s, "sens", d.edit.sensations);
    end_card();

    begin_card("##edit_where");
    draw_places(s, d);
    end_card();

    begin_card("##edit_more");
    heading(s, "What you were doing before");
    enum_chips<Activity>(s, "act", d.edit.activities);
    heading(s, "What helped");
    enum_chips<Relief>(s, "rel", d.edit.reliefs);
    note_field(s, "Note", d.edit.note);
    end_card();

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
            if (after == before || s.run(edit_episode_command(d.before, after))) {
                pg.editing.reset();
                s.show_toast("Saved");
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
