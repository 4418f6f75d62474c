// Phone layout: the pages that do not fit the bottom tab bar, as big rows.
#include <string>

#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_more(AppState& s, PageStates&) {
    for (const ViewInfo& v : views()) {
        if (v.in_tab_bar || !v.in_side_nav) continue;
        const std::string label = std::string(v.icon) + "  " + v.title;
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        if (big_button(s, label.c_str(), -1, ButtonKind::Secondary)) s.page = v.page;
        ImGui::PopStyleVar();
    }
}

}  // namespace nd::app
