#include "episode_form.hpp"

#include <algorithm>
#include <functional>
#include <type_traits>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "body_map.hpp"
#include "date_picker.hpp"
#include "enum_names.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "log_actions.hpp"
#include "red_flags.hpp"
#include "rating_slider.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// ---- "Any of these now?" -------------------------------------------------------

// A large toggle tile with a wrapped label; at least touch_height() tall.
bool sign_tile(AppState& s, const char* key, const char* label, bool on, float w) {
    const Palette& p = palette();
    // Compact (issue 12: the whole common episode on a phone's first screen), still
    // at least a touch target tall.
    const float pad = 6.0f * s.display_scale;
    const ImVec2 ts = ImGui::CalcTextSize(label, nullptr, false, w - 2 * pad);
    const float h = std::max(touch_height(), ts.y + 2 * pad);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushID(key);
    const bool pressed = ImGui::InvisibleButton("##tile", ImVec2(w, h));
    ImGui::PopID();
    const bool hovered = ImGui::IsItemHovered();
    record_item(s, key);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + w, a.y + h);
    dl->AddRectFilled(a, b, ImGui::GetColorU32(on ? p.danger : hovered ? p.warning_soft : p.card), 10 * s.display_scale);
    dl->AddRect(a, b, ImGui::GetColorU32(on ? p.danger : p.border), 10 * s.display_scale, 0, 1.5f * s.display_scale);
    const std::string text = on ? std::string(ND_ICON_CHECK " ") + label : std::string(label);
    const ImVec2 t = ImGui::CalcTextSize(text.c_str(), nullptr, false, w - 2 * pad);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + pad, a.y + (h - t.y) * 0.5f),
                ImGui::GetColorU32(on ? p.danger_text : p.text), text.c_str(), nullptr, w - 2 * pad);
    // For the layout test: a word wider than the tile would be broken mid-word.
    probe_fit(s, std::string("tile:") + key, longest_word_width(text.c_str(), nullptr), w - 2 * pad);
    return pressed;
}

void toggle_sign(std::vector<Sign>& signs, Sign sg) {
    if (contains(signs, sg))
        std::erase(signs, sg);
    else
        signs.push_back(sg);
}

void toggle_mark(std::set<RegionMark>& marks, RegionMark m) {
    if (marks.count(m))
        marks.erase(m);
    else
        marks.insert(m);
}

void warning_signs(AppState& s, LogDraft& d, bool editing) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    ImGui::PushTextWrapPos(0.0f);   // wraps on a phone at the larger text sizes (was cut by the form)
    ImGui::TextUnformatted(editing ? ND_ICON_WARNING "  Did any of these come with it?" : ND_ICON_WARNING "  Any of these now?");
    ImGui::PopTextWrapPos();
    if (s.fonts.bold) ImGui::PopFont();
    ImGui::PopStyleColor();
    struct Tile { const char* key; const char* label; };
    static constexpr Tile kTiles[] = {
        {"sign:face", "Face drooping"},
        {"sign:arm", "Arm weak or numb"},
        {"sign:speech", "Trouble speaking"},
        {"sign:saddle", "Numb between the legs, or lost bladder or bowel control"},   // two tiles wide on a phone
        {"sign:leg", "A whole leg weak"},
    };
    const bool saddle_on = d.saddle_toggle || d.marks.count({Region::SaddleArea, Side::Middle}) ||
                           contains(d.signs, Sign::BladderBowelLoss);
    const bool leg_on = d.leg_weak_toggle || contains(d.signs, Sign::LegWeakness);
    const bool on[] = {contains(d.signs, Sign::FaceDrooping), contains(d.signs, Sign::ArmWeakness),
                       contains(d.signs, Sign::TroubleSpeaking), saddle_on, leg_on};
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    // Five across where each is wide enough for two short lines, else three and two.
    // One a row when a word would not fit a third of the width (a phone at Largest:
    // "drooping" and "speaking" were broken mid-word).
    int per_row = avail >= 5 * 120.0f * s.display_scale ? 5 : 3;
    if (per_row == 3) {
        const float third = (avail - gap * 2) / 3.0f - 2 * 8.0f * s.display_scale;
        for (const Tile& t : kTiles)
            if (longest_word_width(t.label, nullptr) > third) per_row = 1;
    }
    const float w = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    for (int i = 0; i < 5; ++i) {
        if (i % per_row && !(per_row == 3 && i == 4)) ImGui::SameLine(0, gap);
        // The long saddle label spans the rest of its row.
        // Phone: three, then the long saddle tile two wide beside the leg tile.
        const float tile_w = per_row == 3 && i == 3 ? w * 2 + gap : w;
        if (per_row == 3 && i == 4) ImGui::SameLine(0, gap);
        if (!sign_tile(s, kTiles[i].key, kTiles[i].label, on[i], tile_w)) continue;
        switch (i) {
            case 0: toggle_sign(d.signs, Sign::FaceDrooping); break;
            case 1: toggle_sign(d.signs, Sign::ArmWeakness); break;
            case 2: toggle_sign(d.signs, Sign::TroubleSpeaking); break;
            case 3:
                d.saddle_toggle = !saddle_on;
                if (saddle_on) {   // off: takes both answers back
                    d.marks.erase({Region::SaddleArea, Side::Middle});
                    std::erase(d.signs, Sign::BladderBowelLoss);
                }
                break;
            case 4:
                d.leg_weak_toggle = !leg_on;
                if (leg_on) {
                    std::erase(d.signs, Sign::LegWeakness);
                } else if (!contains(d.signs, Sign::LegWeakness)) {
                    d.signs.push_back(Sign::LegWeakness);
                }
                break;
        }
    }
    // The second word those two need (asked, never guessed).
    if (saddle_on) {
        muted_text("Which? Tap one or both.");
        if (chip(s, "Numb between the legs##saddle", d.marks.count({Region::SaddleArea, Side::Middle}) > 0))
            toggle_mark(d.marks, {Region::SaddleArea, Side::Middle});
        if (chip(s, "Lost bladder or bowel control##saddle", contains(d.signs, Sign::BladderBowelLoss)))
            toggle_sign(d.signs, Sign::BladderBowelLoss);
    }
    if (leg_on) {
        muted_text("Which leg is weak?");
        if (chip(s, "Left leg##legweak", d.marks.count({Region::WholeLeg, Side::Left}) > 0))
            toggle_mark(d.marks, {Region::WholeLeg, Side::Left});
        if (chip(s, "Right leg##legweak", d.marks.count({Region::WholeLeg, Side::Right}) > 0))
            toggle_mark(d.marks, {Region::WholeLeg, Side::Right});
    }
}

void warnings_card(AppState& s, const std::vector<RedFlag>& flags) {
    const Palette& p = palette();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, p.warning_soft);
    ImGui::PushStyleColor(ImGuiCol_Border, p.danger);
    begin_card("##log_warning");
    for (const RedFlag& f : flags) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
        ImGui::TextWrapped(ND_ICON_WARNING "  %s", f.title.c_str());
        if (s.fonts.bold) ImGui::PopFont();
        ImGui::PopStyleColor();
        if (f.call_emergency && !s.settings.emergency_number.empty())
            ImGui::TextWrapped("Call %s now. Do not wait to see if it passes, and do not drive yourself.",
                               s.settings.emergency_number.c_str());
        else
            ImGui::TextWrapped("%s", f.advice.c_str());
    }
    muted_text("Save keeps this with the episode; you can save after you have called for help.");
    end_card();
    record_item(s, "log_warning");   // the card
    ImGui::PopStyleColor(2);
}

// ---- The rest of the form --------------------------------------------------------

template <class E>
void chips_of(AppState& s, const char* group, std::vector<E>& values, std::initializer_list<E> which, bool include) {
    for (const auto& entry : enum_entries<E>()) {
        const bool listed = std::find(which.begin(), which.end(), entry.value) != which.end();
        if (listed != include) continue;
        const bool on = contains(values, entry.value);
        // The quick row says "Tingling" (the stored meaning is the same), so the three
        // feelings share one row on a phone.
        const char* text = entry.label;
        if constexpr (std::is_same_v<E, Sensation>)
            if (include && entry.value == Sensation::Tingling) text = "Tingling";
        const std::string label = std::string(text) + "##" + group;
        if (chip(s, label.c_str(), on)) {
            if (on)
                std::erase(values, entry.value);
            else
                values.push_back(entry.value);
        }
    }
}

constexpr std::initializer_list<Sensation> kQuickSensations = {Sensation::Numbness, Sensation::Tingling,
                                                               Sensation::Burning};
constexpr std::initializer_list<Activity> kQuickActivities = {Activity::CrossedLegs, Activity::LongSitting,
                                                              Activity::Kneeling, Activity::Walking};

void label_line(const Fonts& fonts, const char* text) {
    if (fonts.bold) ImGui::PushFont(fonts.bold);
    ImGui::PushTextWrapPos(0.0f);   // wraps on a phone at the larger text sizes
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    if (fonts.bold) ImGui::PopFont();
}

void where(AppState& s, BodyMapUi& map, LogDraft& d) {
    const BodyMapLook look = body_map_look(s);
    if (!body_map_one_view(look)) label_line(s.fonts, "Where do you feel it?");
    body_map(look, map, d.marks);
}

// Whole feet in one tap; face, arms and hands as their own row (stroke regions).
void other_places(AppState& s, LogDraft& d) {
    struct Extra { Region region; Side side; const char* label; };
    static constexpr Extra kFeet[] = {
        {Region::WholeFoot, Side::Left, "Whole left foot"}, {Region::WholeFoot, Side::Right, "Whole right foot"}};
    for (const Extra& x : kFeet)
        if (chip(s, x.label, d.marks.count({x.region, x.side}) > 0)) toggle_mark(d.marks, {x.region, x.side});
    const bool both = d.marks.count({Region::WholeFoot, Side::Left}) && d.marks.count({Region::WholeFoot, Side::Right});
    if (chip(s, "Both feet", both)) {
        if (both) {
            d.marks.erase({Region::WholeFoot, Side::Left});
            d.marks.erase({Region::WholeFoot, Side::Right});
        } else {
            d.marks.insert({Region::WholeFoot, Side::Left});
            d.marks.insert({Region::WholeFoot, Side::Right});
        }
    }
    static constexpr Extra kUpper[] = {
        {Region::Face, Side::Middle, "Face"},     {Region::Arm, Side::Left, "Left arm"},
        {Region::Arm, Side::Right, "Right arm"},  {Region::Hand, Side::Left, "Left hand"},
        {Region::Hand, Side::Right, "Right hand"},
    };
    for (const Extra& x : kUpper)
        if (chip(s, x.label, d.marks.count({x.region, x.side}) > 0)) toggle_mark(d.marks, {x.region, x.side});
}

void onset_question(AppState& s, LogDraft& d) {
    // Asked while the places call for it, and kept on screen once answered so the
    // answer can be changed.
    Episode probe;
    probe.regions = merge_sides(d.marks);
    probe.onset = Onset::Unknown;
    if (!needs_sudden_onset_question(probe)) return;
    label_line(s.fonts, "Did it come on suddenly?");
    if (chip(s, "Yes, suddenly##sudden", d.onset == Onset::Sudden)) d.onset = Onset::Sudden, d.onset_not_sure = false;
    if (chip(s, "No, slowly##sudden", d.onset == Onset::Gradual)) d.onset = Onset::Gradual, d.onset_not_sure = false;
    if (chip(s, "Not sure##sudden", d.onset == Onset::Unknown && d.onset_not_sure))
        d.onset = Onset::Unknown, d.onset_not_sure = true;
}

// The start typed ("YYYY-MM-DD HH:MM") or picked on a calendar (up to today).
void picked_time_field(AppState& s, LogDraft& d) {
    push_touch_frame();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##picked", "YYYY-MM-DD HH:MM", &d.picked_time);
    pop_touch_frame();
    record_item(s, "##picked");
    const LocalDate today = local_date(s.now_local());
    date_time_picker(date_look(s), "when_picker", d.picked_time, today, today);
}

void when(AppState& s, LogDraft& d, bool editing) {
    if (editing) {
        label_line(s.fonts, "When it began");
        picked_time_field(s, d);
        return;
    }
    static constexpr std::pair<Began, const char*> kBegan[] = {
        {Began::Now, "Now##when"}, {Began::FewMinutes, "A few minutes ago##when"}, {Began::Picked, "Earlier##when"}};
    for (const auto& [b, label] : kBegan)
        if (chip(s, label, d.began == b)) {
            d.began = b;   // one of them, always exactly one
            if (b == Began::Picked && d.picked_time.empty()) {
                const LocalTime now = s.now_local();   // start from now: usually only the hour changes
                d.picked_time = format_iso8601(now).substr(0, 16);
                d.picked_time[10] = ' ';
            }
        }
    if (d.began == Began::Picked) picked_time_field(s, d);
}

void level_chips(AppState& s, const char* group, int& value) {
    static constexpr const char* kLevels[] = {"Not at all", "A little", "A lot", "Could not"};
    for (int i = 0; i < 4; ++i) {
        const std::string label = std::string(kLevels[i]) + "##" + group;
        if (chip(s, label.c_str(), value == i)) value = i;
    }
}

void minutes_chips(AppState& s, const char* group, int& value) {
    struct M { int min; const char* label; };
    static constexpr M kM[] = {{5, "Within 5 min"}, {15, "15 min"}, {30, "30 min"}, {60, "1 hour"}, {240, "Longer"}};
    for (const M& m : kM) {
        const std::string label = std::string(m.label) + "##" + group;
        if (chip(s, label.c_str(), value == m.min)) value = value == m.min ? 0 : m.min;
    }
}

void more_details(AppState& s, LogDraft& d) {
    const std::string title = std::string(d.details_open ? ND_ICON_CHEVRON_DOWN : ND_ICON_CHEVRON_RIGHT) +
                              "  More details (optional)##details";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (big_button(s, title.c_str(), -1, ButtonKind::Quiet)) d.details_open = !d.details_open;
    ImGui::PopStyleVar();
    if (!d.details_open) return;

    begin_card("##details_card");
    section_heading(s.fonts, "How long did it last?");
    struct Dur { int min; const char* label; };
    static constexpr Dur kDur[] = {{5, "A few minutes"}, {15, "15 min"}, {30, "30 min"}, {60, "1 hour"}, {180, "Hours"}};
    for (const Dur& x : kDur)
        if (chip(s, (std::string(x.label) + "##dur").c_str(), !d.still_going && d.duration_min == x.min)) {
            d.duration_min = d.duration_min == x.min && !d.still_going ? 0 : x.min;
            d.still_going = false;
        }
    if (chip(s, "Still going", d.still_going)) d.still_going = !d.still_going;

    section_heading(s.fonts, "Other feelings");
    chips_of(s, "sens", d.sensations, kQuickSensations, false);
    rating_slider(s, "Pain", "pain", d.pain);

    section_heading(s.fonts, "Other things you were doing");
    chips_of(s, "act", d.activities, kQuickActivities, false);

    section_heading(s.fonts, "What else helped?");
    chips_of(s, "relief", d.reliefs, {Relief::MovingOrChangingPosition}, false);
    if (!d.reliefs.empty()) {
        ImGui::TextUnformatted("How soon did it ease?");
        minutes_chips(s, "relief_after", d.relief_after_min);
    }

    section_heading(s.fonts, "How did it start?");
    if (enum_choice(s, "onset", d.onset)) d.onset_not_sure = d.onset == Onset::Unknown;

    section_heading(s.fonts, "Did it spread?");
    if (chip(s, "Yes, it spread", d.spread)) d.spread = !d.spread;
    if (d.spread) enum_choice(s, "spread", d.spread_speed);

    section_heading(s.fonts, "Did any of these come with it?");
    muted_text("Some of these need care at once; the app will tell you what to do.");
    for (Sign sg : {Sign::Confusion, Sign::VisionChange, Sign::Unsteadiness}) {
        const std::string label = std::string(enum_label(sg)) + "##sign";
        if (chip(s, label.c_str(), contains(d.signs, sg))) toggle_sign(d.signs, sg);
    }

    section_heading(s.fonts, "Is it worse at night?");
    enum_choice(s, "night", d.worse_at_night);

    section_heading(s.fonts, "Did it get in the way of...");
    ImGui::TextUnformatted("Walking");
    level_chips(s, "walk", d.effect_walking);
    ImGui::TextUnformatted("Sleep");
    level_chips(s, "sleep", d.effect_sleep);
    ImGui::TextUnformatted("Work or daily tasks");
    level_chips(s, "work", d.effect_work);

    section_heading(s.fonts, "Note");
    ImGui::InputTextMultiline("##note", &d.note, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    record_item(s, "##note");
    end_card();
}

}  // namespace

bool two_column_form(const AppState& s) {
    return ImGui::GetContentRegionAvail().x >= 700.0f * s.display_scale * std::max(1.0f, s.settings.font_scale);
}

void red_flag_marker(AppState& s, const char* key) {
    // A pill as tall as a button: words and an icon, not a colour alone.
    const Palette& p = palette();
    const char* text = ND_ICON_WARNING "  Warning sign";
    const ImVec2 ts = ImGui::CalcTextSize(text);
    const float h = touch_height(), w = ts.x + h;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h));
    record_item(s, key);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), ImGui::GetColorU32(p.danger), h * 0.5f);
    dl->AddText(ImVec2(a.x + h * 0.5f, a.y + (h - ts.y) * 0.5f), ImGui::GetColorU32(p.danger_text), text);
}

namespace {

// What it felt like, what brought it on, what eased it, when; then how strong.
// The common episode's answers come first, so on a phone they are on the first
// screen with the map (issue 12: place, feeling, posture, "eased" and Save).
void what_rows(AppState& s, LogDraft& d, bool editing, const std::function<void()>& after_common) {
    const ImGuiStyle& st = ImGui::GetStyle();
    // A little tighter than other chips, so the three feelings share one row on a phone
    // (one of them ticked, with its check mark, too).
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x * 0.65f, st.FramePadding.y));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(st.ItemSpacing.x * 0.6f, st.ItemSpacing.y));
    label_line(s.fonts, "What did it feel like?");
    chips_of(s, "sens", d.sensations, kQuickSensations, true);

    // "Eased when I moved", the most telling answer for the most common cause: its
    // question beside it when both fit one line (the chip as wide as when ticked).
    const char* eased_q = "What helped?";   // as "What else helped?" under More details
    const bool moving = contains(d.reliefs, Relief::MovingOrChangingPosition);
    const float chip_w = ImGui::CalcTextSize(ND_ICON_CHECK " Eased on moving").x + ImGui::GetStyle().FramePadding.x * 2.4f;
    const float q_gap = ImGui::GetStyle().ItemSpacing.x;
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    const float q_w = ImGui::CalcTextSize(eased_q).x;
    const bool inline_q = q_w + q_gap + chip_w <= ImGui::GetContentRegionAvail().x;
    if (inline_q) {
        const float dy = (std::max(touch_height(), ImGui::GetFrameHeight()) - ImGui::GetTextLineHeight()) * 0.5f;
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + dy);
        ImGui::TextUnformatted(eased_q);
        ImGui::SameLine(0, q_gap);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - dy);
    }
    if (s.fonts.bold) ImGui::PopFont();
    if (!inline_q) label_line(s.fonts, eased_q);
    if (chip(s, "Eased on moving##relief", moving)) {
        if (moving)
            std::erase(d.reliefs, Relief::MovingOrChangingPosition);
        else
            d.reliefs.push_back(Relief::MovingOrChangingPosition);
    }

    label_line(s.fonts, "What were you doing just before?");
    chips_of(s, "act", d.activities, kQuickActivities, true);
    ImGui::PopStyleVar(2);
    if (after_common) after_common();

    if (!editing) label_line(s.fonts, "When did it begin?");   // the editor's own says "When it began"
    when(s, d, editing);
    rating_slider(s, "How strong? Numbness", "numbness", d.numbness);
}

// A column of the wide form: a child window as tall as the taller column was on
// the last frame (ImGui 1.86 children do not size to their content), so chips flow
// within the column's own width.
void column(const char* id, float w, float& height, const std::function<void()>& body) {
    // A little side padding: a line that starts with "j" draws its hook left of the
    // pen, and a child with none cut it (layout test: "just before?").
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3.0f * ui_scale(), 0));
    ImGui::BeginChild(id, ImVec2(w, std::max(height, touch_height())), false,
                      ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    body();
    height = ImGui::GetCursorPosY();
    ImGui::EndChild();
}

}  // namespace

void draw_episode_form(AppState& s, BodyMapUi& map, LogDraft& d, bool editing, const std::function<void()>& quick) {
    warning_signs(s, d, editing);
    const std::vector<RedFlag> flags = draft_warnings(d, s.now_local(), editing ? nullptr : &s.diary);
    if (!flags.empty()) warnings_card(s, flags);

    const float avail = ImGui::GetContentRegionAvail().x;
    if (two_column_form(s)) {
        // Wide: the map and the other places on the left, the answers on the right,
        // so the whole common episode is on a laptop's first screen.
        ImGuiStorage* st = ImGui::GetStateStorage();
        const ImGuiID ka = ImGui::GetID("##col_a_h"), kb = ImGui::GetID("##col_b_h");
        float ha = st->GetFloat(ka, 0), hb = st->GetFloat(kb, 0);
        const float h = std::max(ha, hb);
        const float gap = ImGui::GetStyle().ItemSpacing.x * 3;
        const float wa = (avail - gap) * 0.52f;
        column("##where_col", wa, ha = h, [&] {
            where(s, map, d);
            other_places(s, d);
            onset_question(s, d);
        });
        ImGui::SameLine(0, gap);
        column("##what_col", avail - wa - gap, hb = h, [&] { what_rows(s, d, editing, {}); });
        st->SetFloat(ka, ha);
        st->SetFloat(kb, hb);
    } else {
        where(s, map, d);
        what_rows(s, d, editing, quick);
        label_line(s.fonts, "Other places");
        other_places(s, d);
        onset_question(s, d);
    }
    more_details(s, d);
}

}  // namespace nd::app
