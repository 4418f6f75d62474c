// The diary file could not be opened: say so plainly, with the path and what to
// do. The file is never overwritten or "repaired" from here.
#include <filesystem>

#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

void draw_open_error(AppState& s) {
    const Palette& p = palette();
    ImGui::PushTextWrapPos(0);
    if (s.fonts.heading) ImGui::PushFont(s.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::TextWrapped(ND_ICON_WARNING " Your diary could not be opened");
    ImGui::PopStyleColor();
    if (s.fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", s.open_error.c_str());
    ImGui::Spacing();
    section_heading(s, "The file");
    ImGui::TextWrapped("%s", s.open_error_path.c_str());
    section_heading(s, "What you can do");
    ImGui::TextWrapped("Nothing in this file was changed. If you chose this file yourself (with --db or ND_DB), "
                       "start the app again with your diary file. If this is your usual diary, keep the file safe, "
                       "move it to another folder, and restore your latest backup. The app never overwrites a file "
                       "it cannot read.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (big_button(s, ND_ICON_CLIPBOARD " Copy the path", 0, ButtonKind::Secondary) && s.services)
        s.services->set_clipboard(s.open_error_path);
    ImGui::SameLine();
    if (big_button(s, ND_ICON_FOLDER_OPEN " Open its folder", 0, ButtonKind::Secondary) && s.services)
        s.services->open_path(std::filesystem::path(s.open_error_path).parent_path().string());
}

}  // namespace nd::app
