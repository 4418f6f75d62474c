// The diary file could not be opened: say so plainly, with the path and what to
// do. The file is never overwritten or "repaired" from here. When it is damaged
// and an automatic backup passed its check, that backup is offered; restoring it
// keeps the damaged file beside it under a new name.
#include <filesystem>

#include "icons.hpp"
#include "theme.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

void draw_backup_offer(AppState& s, DiaryHealth& h) {
    const Palette& p = palette();
    section_heading(s.fonts, "Restore your latest backup");
    if (!h.offer) {
        ImGui::TextWrapped("No automatic backup of this diary was found (they are kept in %s). If you saved a backup "
                           "yourself from the Export page, keep this file safe, move it to another folder, start the "
                           "app again and restore that backup on the Export page.",
                           h.backup_folder.c_str());
        return;
    }
    const std::string when = backup_time_text(s, h.offer->taken_utc);
    ImGui::TextWrapped("The app keeps a copy of your diary every day. The newest good copy is from %s and holds %lld "
                       "episode%s. Anything you logged after that is not in it.",
                       when.c_str(), static_cast<long long>(h.offer_episodes), h.offer_episodes == 1 ? "" : "s");
    ImGui::TextWrapped("Restoring puts that copy in place of your diary. The damaged file is not deleted: it is kept "
                       "beside it as \"%s.damaged-...\", in case it can be rescued later.",
                       std::filesystem::path(s.open_error_path).filename().string().c_str());
    ImGui::Spacing();
    if (big_button(s, ND_ICON_UNDO " Restore this backup", -1)) h.request_restore = true;
    record_item(s, "restore_backup");
    if (!h.restore_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("%s", h.restore_error.c_str());
        ImGui::PopStyleColor();
    }
}

}  // namespace

void draw_open_error(AppState& s, DiaryHealth& health) {
    const Palette& p = palette();
    const bool damaged = health.check == DiaryHealth::Check::Damaged;
    ImGui::PushTextWrapPos(0);
    if (s.fonts.heading) ImGui::PushFont(s.fonts.heading);
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::TextWrapped(damaged ? ND_ICON_WARNING " Your diary file is damaged" : ND_ICON_WARNING " Your diary could not be opened");
    ImGui::PopStyleColor();
    if (s.fonts.heading) ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextWrapped("%s", s.open_error.c_str());
    if (damaged) draw_backup_offer(s, health);
    ImGui::Spacing();
    section_heading(s.fonts, "The file");
    ImGui::TextWrapped("%s", s.open_error_path.c_str());
    if (!damaged) {
        section_heading(s.fonts, "What you can do");
        ImGui::TextWrapped("Nothing in this file was changed. If you chose this file yourself (with --db or ND_DB), "
                           "start the app again with your diary file. If this is your usual diary, keep the file "
                           "safe, move it to another folder, and restore your latest backup. The app never "
                           "overwrites a file it cannot read.");
    }
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (big_button(s, ND_ICON_CLIPBOARD " Copy the path", 0, ButtonKind::Secondary) && s.services)
        s.services->set_clipboard(s.open_error_path);
    if (!s.narrow) ImGui::SameLine();   // side by side only where both fit
    if (big_button(s, ND_ICON_FOLDER_OPEN " Open its folder", 0, ButtonKind::Secondary) && s.services)
        s.services->open_path(std::filesystem::path(s.open_error_path).parent_path().string());
}

}  // namespace nd::app
