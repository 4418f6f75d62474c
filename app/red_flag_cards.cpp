#include "red_flag_cards.hpp"

#include <imgui.h>

#include "emergency_text.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "widgets.hpp"

namespace nd::app {

std::string count_and_dates_text(DateFormat format, int count, const std::vector<LocalDate>& dates) {
    std::vector<LocalDate> shown;
    for (const LocalDate& d : dates) shown.push_back(format_date(d, format));
    return count_and_dates(count, shown);
}

void draw_red_flag_cards(const RedFlagCardsLook& look, const std::vector<RedFlagGroup>& groups, const char* page) {
    const Palette& p = palette();
    for (const RedFlagGroup& g : groups) {
        ImGui::PushID(&g);
        ImGui::PushStyleColor(ImGuiCol_Border, p.danger);
        ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f * look.display_scale);
        begin_card("##flag");
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        heading(look.fonts, (std::string(ND_ICON_WARNING "  ") + g.title).c_str());
        ImGui::PopStyleColor();
        record_item(look.log, std::string(page) + ":red_flag:" + (g.episode_ids.empty() ? std::string() : g.episode_ids.back()));
        if (g.count > 0) muted_text(("Logged " + count_and_dates_text(look.settings.date_format, g.count, g.dates)).c_str());
        if (g.call_emergency) {
            ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
            ImGui::TextWrapped(ND_ICON_PHONE "  If these signs are happening now, call %s at once.",
                               emergency_numbers_text(look.settings).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::TextWrapped("%s", with_emergency_number(g.advice, look.settings).c_str());
        for (const std::string& r : g.reasons) bullet_text(r.c_str());
        end_card();
        ImGui::PopStyleVar();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

}  // namespace nd::app
