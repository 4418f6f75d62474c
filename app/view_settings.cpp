// Settings: text size, theme, the report's paper, the emergency number, the date format, where the
// diary lives, emptying the bin, and deleting everything (asked twice, erased
// for good). Each choice is saved at once with the diary (AppState::save_settings).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "export_actions.hpp"
#include "export_page_state.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "settings_page_state.hpp"
#include "store.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace {

constexpr float kFontScales[] = {1.0f, 1.2f, 1.45f, 1.75f};

bool valid_emergency_number(const std::string& n) {
    if (n.empty() || n.size() > 15) return false;
    return std::all_of(n.begin(), n.end(), [](char c) { return (c >= '0' && c <= '9') || c == '+'; });
}

void draw_look(AppState& s) {
    begin_card("##look");
    heading(s.fonts, "Text size");
    static constexpr const char* kSizes[] = {"Normal", "Large", "Larger", "Largest"};
    int size = 0;
    for (int i = 0; i < 4; ++i)
        if (std::fabs(s.settings.font_scale - kFontScales[i]) < std::fabs(s.settings.font_scale - kFontScales[size])) size = i;
    if (segmented(s, "textsize", size, kSizes)) {
        s.settings.font_scale = kFontScales[size];
        s.fonts_dirty = true;
        s.save_settings();
    }
    heading(s.fonts, "Colours");
    static constexpr const char* kThemes[] = {ND_ICON_SUN " Light", ND_ICON_MOON " Dark", ND_ICON_EYE " High contrast"};
    static constexpr const char* kThemesShort[] = {ND_ICON_SUN " Light", ND_ICON_MOON " Dark", ND_ICON_EYE " Strong"};
    int theme = static_cast<int>(s.settings.theme);
    if (segmented(s, "theme", theme, s.narrow ? kThemesShort : kThemes)) {
        s.settings.theme = static_cast<Theme>(theme);
        s.style_dirty = true;
        s.save_settings();
    }
    heading(s.fonts, "How dates are written");
    static constexpr const char* kFormats[] = {"2026-03-14", "14/03/2026", "03/14/2026"};
    int fmt = static_cast<int>(s.settings.date_format);
    if (segmented(s, "datefmt", fmt, kFormats)) {
        s.settings.date_format = static_cast<DateFormat>(fmt);
        s.save_settings();
    }
    end_card();
}

// The doctor's report's paper. Saved on its own (not by save_settings), so that until
// it is chosen it follows the locale's LC_PAPER (Services::paper_default).
void draw_report_paper(AppState& s, ExportPageState& export_page) {
    begin_card("##paper");
    heading(s.fonts, ND_ICON_FILE_TEXT "  Paper for the doctor's report");
    static constexpr const char* kPapers[] = {"A4", "US Letter"};
    int paper = s.settings.paper == Paper::Letter ? 1 : 0;
    if (segmented(s, "paper", paper, kPapers)) {
        s.settings.paper = paper == 1 ? Paper::Letter : Paper::A4;
        export_page.paper = paper;
        if (s.store) {
            try {
                s.store->set_setting(kPaperSetting, paper_id(s.settings.paper));
                s.settings.paper_chosen = true;
            } catch (const std::exception& e) {
                s.show_toast(std::string("Could not save the paper size: ") + e.what(), 6.0);
            }
        }
    }
    muted_text(s.settings.paper_chosen ? "Used for every report from now on, by the app and by numbness-diary-cli."
                      : "Not chosen yet: this is your computer's paper size (from its language settings).");
    end_card();
}

void draw_emergency(AppState& s, SettingsPage& pg) {
    if (!pg.emergency_loaded) {
        pg.emergency_text = s.settings.emergency_number;
        pg.emergency_loaded = true;
    }
    begin_card("##emergency");
    heading(s.fonts, ND_ICON_PHONE "  Emergency number");
    muted_text("Shown with warnings about stroke signs. Set it to the number for emergencies where you live.");
    if (s.settings.emergency_number.empty())
        muted_text("Not set (your country is not known to the app): warnings show 112 and 911 and say \"or your "
                   "local emergency number\".");
    text_field(s, "Number##emergency", pg.emergency_text, "e.g. 112");
    if (!pg.emergency_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("%s", pg.emergency_error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(pg.emergency_text == s.settings.emergency_number);
    if (big_button(s, ND_ICON_CHECK " Save number", 0)) {
        if (!valid_emergency_number(pg.emergency_text)) {
            pg.emergency_error = "Please enter digits only (and + if needed), e.g. 112, 911 or 999.";
        } else {
            pg.emergency_error.clear();
            s.settings.emergency_number = pg.emergency_text;
            s.save_settings();
            s.show_toast("Emergency number saved");
        }
    }
    ImGui::EndDisabled();
    end_card();
}

// The start-up check and the daily copies: what they are, when the last one was
// made, and where they are kept.
void draw_backups(AppState& s) {
    if (!s.health) return;
    DiaryHealth& h = *s.health;
    const Palette& p = palette();
    heading(s.fonts, ND_ICON_CLIPBOARD "  Automatic backups");
    muted_text("Each time the app starts it checks your diary file, and once a day it keeps a copy of it on this "
               "device: the newest 7, and one a month for six months.");
    switch (h.check) {
        case DiaryHealth::Check::Running: ImGui::TextWrapped("Checking your diary file..."); break;
        case DiaryHealth::Check::Sound: ImGui::TextWrapped(ND_ICON_CHECK " Your diary file was checked: it is sound."); break;
        case DiaryHealth::Check::CouldNotRun:
            ImGui::TextWrapped("The check could not run this time: %s", h.problems.c_str());
            break;
        default: break;
    }
    if (h.newest_backup)
        ImGui::TextWrapped("Newest copy: %s (%zu kept).", backup_time_text(s, h.newest_backup->taken_utc).c_str(),
                           h.backups_kept);
    else if (h.check != DiaryHealth::Check::NotRun)
        ImGui::TextWrapped("No copy yet.");
    if (!h.backup_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("The last copy could not be made: %s", h.backup_error.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::BeginDisabled(h.backup_folder.empty() && !s.store);
    if (big_button(s, ND_ICON_CLIPBOARD " Back up now", 0, ButtonKind::Secondary)) h.request_backup_now = true;
    record_item(s, "backup_now");
    ImGui::EndDisabled();
    if (!h.backup_folder.empty() && s.services) {
        ImGui::SameLine();
        if (big_button(s, ND_ICON_FOLDER_OPEN " Open the backups folder", 0, ButtonKind::Secondary) &&
            !s.services->open_path(h.backup_folder))
            s.show_toast("Could not open the folder");
    }
}

void draw_data(AppState& s, SettingsPage& pg, ExportPageState& export_page) {
    const Palette& p = palette();
    begin_card("##data");
    heading(s.fonts, ND_ICON_FOLDER_OPEN "  Your data");
    const std::string path = s.store ? s.store->path() : "";
    muted_text("Everything is saved on this device, the moment you enter it, in this file:");
    ImGui::TextWrapped("%s", path.empty() ? "(no diary open)" : path.c_str());
    const std::string folder = std::filesystem::path(path).parent_path().string();
    // In a browser the diary is in the browser's storage: no folder to open, but
    // whether the browser may clear it matters (services.hpp, storage_note).
    bool at_risk = false;
    const std::string kept = s.services ? s.services->storage_note(at_risk) : "";
    if (!kept.empty()) {
        if (at_risk) ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("%s", kept.c_str());
        if (at_risk) ImGui::PopStyleColor();
        record_item(s, "storage_note");
        if (at_risk) {
            if (big_button(s, ND_ICON_FLOPPY " Download a backup now", 0, ButtonKind::Primary)) {
                ExportPageState& ex = export_page;
                ex.initialised = true;
                ex.restoring = false;
                ex.format = ExportFormat::Backup;
                ex.file_name = default_file_name(ExportFormat::Backup, local_date(s.now_local()));
                ex.file_name_edited = false;
                s.request_page = Page::Export;
            }
            record_item(s, "storage_backup_now");
        }
    }
    if (!s.services || !s.services->exports_are_downloads()) {
        ImGui::BeginDisabled(folder.empty() || !s.services);
        if (big_button(s, ND_ICON_FOLDER_OPEN " Open the folder", 0, ButtonKind::Secondary)) {
            if (!s.services->open_path(folder)) s.show_toast("Could not open the folder");
        }
        ImGui::EndDisabled();
    }

    draw_backups(s);

    heading(s.fonts, ND_ICON_TRASH "  Bin");
    int in_bin = 0;
    for (const Episode& e : s.diary.episodes) in_bin += is_deleted(e) ? 1 : 0;
    for (const CheckIn& c : s.diary.checkins) in_bin += c.deleted_utc ? 1 : 0;
    for (const BackgroundFact& f : s.diary.facts) in_bin += f.deleted_utc ? 1 : 0;
    for (const Medicine& m : s.diary.medicines) in_bin += m.deleted_utc ? 1 : 0;
    muted_text((std::to_string(in_bin) + (in_bin == 1 ? " entry is" : " entries are") + " in the bin.").c_str());
    if (!pg.confirm_empty_bin) {
        ImGui::BeginDisabled(in_bin == 0 || !s.store);
        if (big_button(s, "Empty the bin", 0, ButtonKind::Secondary)) pg.confirm_empty_bin = true;
        ImGui::EndDisabled();
    } else {
        ImGui::TextWrapped("Erase the %d entries in the bin for good, here and in the automatic backups? This cannot "
                           "be undone.", in_bin);
        if (big_button(s, "Yes, empty the bin", 0, ButtonKind::Danger)) {
            try {
                s.store->empty_bin();
                if (s.health && !s.demo_mode) s.health->request_fresh_backups = true;   // not kept in old copies
                s.reload_all(ReloadReason::EmptyBin);   // undo could not bring the erased entries back
                s.show_toast("The bin is empty");
            } catch (const std::exception& e) {
                s.show_toast(std::string("Could not empty the bin: ") + e.what(), 6.0);
            }
            pg.confirm_empty_bin = false;
        }
        ImGui::SameLine();
        if (big_button(s, "Keep them##bin", 0, ButtonKind::Quiet)) pg.confirm_empty_bin = false;
    }

    heading(s.fonts, ND_ICON_WARNING "  Delete all my data");
    muted_text("Erases every episode, check-in, background fact and medicine in this diary, for good, and the "
               "automatic backups of it.");
    if (pg.delete_all_step == 0) {
        ImGui::BeginDisabled(!s.store);
        if (big_button(s, "Delete all my data", 0, ButtonKind::Secondary)) pg.delete_all_step = 1;
        ImGui::EndDisabled();
    } else if (pg.delete_all_step == 1) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("Are you sure? Your whole diary will be erased. Consider exporting a report or a backup first.");
        ImGui::PopStyleColor();
        if (big_button(s, "Yes, continue", 0, ButtonKind::Danger)) pg.delete_all_step = 2;
        ImGui::SameLine();
        if (big_button(s, "No, keep my data##1", 0, ButtonKind::Quiet)) pg.delete_all_step = 0;
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("Last check: this cannot be undone. Erase everything now?");
        ImGui::PopStyleColor();
        if (big_button(s, "Erase everything for good", 0, ButtonKind::Danger)) {
            try {
                s.store->delete_all_data();
                if (s.health && !s.demo_mode) s.health->request_delete_backups = true;   // no copies left behind
                s.save_settings();   // keep how the app looks; the settings hold no health data
                s.reload_all(ReloadReason::DeleteAll);
                s.show_toast("All your data has been deleted");
            } catch (const std::exception& e) {
                s.show_toast(std::string("Could not delete: ") + e.what(), 6.0);
            }
            pg.delete_all_step = 0;
            end_card();
            return;
        }
        ImGui::SameLine();
        if (big_button(s, "No, keep my data##2", 0, ButtonKind::Quiet)) pg.delete_all_step = 0;
    }
    end_card();
}

}  // namespace

void draw_settings(AppState& s, PageStates& pages) {
    SettingsPage& pg = pages.settings;
    draw_look(s);
    draw_report_paper(s, pages.export_page);
    draw_reminder_settings(s, pages.reminder);
    draw_emergency(s, pg);
    draw_data(s, pg, pages.export_page);
}

}  // namespace nd::app
