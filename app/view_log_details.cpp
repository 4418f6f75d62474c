// Log: the optional "More details" section. Folded away by default so a quick
// entry stays quick; everything here helps the matching tell causes apart.
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "enum_names.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

// A one-of row for small ints (effects: 0 none .. 3 could not).
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

}  // namespace

void draw_more_details(AppState& s, LogDraft& d) {
    const std::string title = std::string(d.details_open ? ND_ICON_CHEVRON_DOWN : ND_ICON_CHEVRON_RIGHT) +
                              "  More details (optional)##details";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    if (big_button(s, title.c_str(), -1, ButtonKind::Quiet)) d.details_open = !d.details_open;
    ImGui::PopStyleVar();
    if (!d.details_open) return;

    begin_card("##details_card");
    section_heading(s, "How did it start?");
    enum_choice(s, "onset", d.onset);

    section_heading(s, "Did it spread?");
    if (chip(s, "Yes, it spread", d.spread)) d.spread = !d.spread;
    if (d.spread) enum_choice(s, "spread", d.spread_speed);

    section_heading(s, "Did any of these come with it?");
    muted_text("Some of these need care at once; the app will tell you what to do.");
    enum_chips(s, "sign", d.signs);

    section_heading(s, "What helped?");
    enum_chips(s, "relief", d.reliefs);
    if (!d.reliefs.empty()) {
        ImGui::TextUnformatted("How soon did it ease?");
        minutes_chips(s, "relief_after", d.relief_after_min);
    }

    section_heading(s, "Is it worse at night?");
    enum_choice(s, "night", d.worse_at_night);

    section_heading(s, "Did it get in the way of...");
    ImGui::TextUnformatted("Walking");
    level_chips(s, "walk", d.effect_walking);
    ImGui::TextUnformatted("Sleep");
    level_chips(s, "sleep", d.effect_sleep);
    ImGui::TextUnformatted("Work or daily tasks");
    level_chips(s, "work", d.effect_work);

    section_heading(s, "Note");
    ImGui::InputTextMultiline("##note", &d.note, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    record_item(s, "##note");
    end_card();
}

}  // namespace nd::app
