// Bringing a backup back, from the Export page: choose the file, give its
// password when it has one, combine or replace (all or nothing), confirm. The
// work itself is restore_from_file (export_actions.*).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "background_job.hpp"
#include "export_actions.hpp"
#include "export_page_state.hpp"
#include "export_view_parts.hpp"
#include "folder_picker.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace fs = std::filesystem;

void pick_restore_file(AppState& s, ExportPageState& pg, const std::string& path) {
    pg.restore_path = path;
    pg.restore_password.clear();
    pg.restore_confirm = false;
    pg.restore_done.clear();
    const BackupCheck c = check_backup_file(path);
    pg.restore_file_ok = c.ok;
    pg.restore_encrypted = c.encrypted;
    pg.restore_error = c.ok ? "" : c.error;
    (void)s;
}

// Starts the restore or merge on a worker with its own connection; its outcome
// comes back through poll_export_jobs (view_export.cpp) into finish_restore.
void run_restore(AppState& s, ExportPageState& pg) {
    const RestoreMode mode = pg.restore_mode == 0 ? RestoreMode::Merge : RestoreMode::Replace;
    std::optional<std::string> password;
    if (pg.restore_encrypted) password = pg.restore_password;
    start_page_job(s, s.restore_job, [path = pg.restore_path, mode, password](Store& store, JobControl& job) {
        return restore_from_file(store, path, mode, password, job);
    });
}

void finish_restore(AppState& s, ExportPageState& pg, JobOutcome<RestoreOutcome>& o) {
    const auto message = [](const RestoreOutcome& r) -> const std::string& { return r.message; };
    if (says_job_ended_early<RestoreOutcome>(s, o, message, pg.restore_error, "Cancelled. Your diary was not changed.", "changed")) {
        if (o.value && o.value->password_needed) pg.restore_encrypted = true;
        return;
    }
    RestoreOutcome& r = *o.value;
    // Undo cannot take a restore back, and its commands refer to records that may be gone.
    // The worker read the new diary inside its transaction: taken as it is, not read again here.
    const ReloadReason why = r.mode == RestoreMode::Merge ? ReloadReason::Merge : ReloadReason::Restore;
    if (r.after)
        s.reload_all(why, std::move(*r.after));
    else
        s.reload_all(why);
    pg.restore_done = r.message;
    pg.restore_error.clear();
    pg.restore_path.clear();
    pg.restore_password.clear();
    pg.restore_file_ok = false;
    s.show_toast(r.mode == RestoreMode::Merge ? "The backup was combined with your diary" : "Your diary was restored");
}

namespace {

// The system's own file chooser where there is one (the web: the phone's file
// picker); the app's folder picker otherwise (the desktop).
void choose_backup(AppState& s, ExportPageState& pg, const std::string& start_folder) {
    const std::vector<std::string> kinds = {"ndbackup", "json"};
    if (s.services && s.services->choose_file(kinds)) return;   // the answer comes in a later frame
    open_folder_picker(pg.picker, start_folder, s.services ? s.services->documents_dir() : "",
                       "Which backup should come back?", true, kinds);
    pg.picker_for_restore = true;
}

}  // namespace

void draw_restore(AppState& s, ExportPageState& pg) {
    const Palette& p = palette();
    if (s.services) {
        const std::string chosen = s.services->chosen_file();
        if (!chosen.empty()) pick_restore_file(s, pg, chosen);
    }
    begin_card("##restore");
    step_heading(s, 2, "Which backup should come back?");
    muted_text("Choose a backup file made with this app (its name ends in .ndbackup).");
    if (!pg.restore_done.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.success);
        ImGui::TextWrapped(ND_ICON_CHECK_CIRCLE "  %s", pg.restore_done.c_str());
        ImGui::PopStyleColor();
    }
    if (pg.restore_path.empty()) {
        if (big_button(s, ND_ICON_FOLDER_OPEN " Choose a backup file##restore", s.narrow ? -1.0f : 0.0f,
                       ButtonKind::Secondary))
            choose_backup(s, pg, folder_of(s, pg));
        record_item(s, "restore:choose");
        end_card();
        return;
    }
    ImGui::TextUnformatted(ND_ICON_FILE_TEXT);
    ImGui::SameLine();
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    ImGui::TextWrapped("%s", fs::path(pg.restore_path).filename().string().c_str());
    if (s.fonts.bold) ImGui::PopFont();
    muted_text(fs::path(pg.restore_path).parent_path().string().c_str());
    if (!pg.restore_error.empty()) danger_text(pg.restore_error);

    const bool working = pg.restore_working || s.restore_job.active();
    if (pg.restore_file_ok && !working) {
        if (pg.restore_encrypted) {
            muted_text("This backup is protected with a password.");
            if (password_field(s, "Password of the backup##restore", pg.restore_password, "")) pg.restore_confirm = false;
        }
        step_heading(s, 3, "Combine or replace?");
        static constexpr const char* kModes[] = {"Combine", "Replace"};
        if (segmented(s, "restoremode", pg.restore_mode, kModes)) pg.restore_confirm = false;
        muted_text(pg.restore_mode == 0
                       ? "Keeps everything from your diary and from the backup. Where the same entry was changed in "
                         "both, the newest change wins; entries deleted later stay deleted."
                       : "Your diary becomes exactly the backup. Anything entered since the backup was made is lost.");
    }

    if (working) {
        ImGui::BeginDisabled();
        big_button(s, ND_ICON_CLOCK " Restoring...##restore", s.narrow ? -1.0f : 0.0f);
        ImGui::EndDisabled();
        if (JobControl* job = s.restore_job.control()) draw_job_progress(s, *job, "restore:cancel");
    } else if (pg.restore_confirm) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
        ImGui::TextWrapped("%s", pg.restore_mode == 0
                                     ? "Combine this backup with your diary now? Undo cannot take this back."
                                     : "Replace your whole diary with this backup now? Anything not in the backup is "
                                       "lost, and undo cannot take this back.");
        ImGui::PopStyleColor();
        if (big_button(s, pg.restore_mode == 0 ? "Yes, combine them##restore" : "Yes, replace my diary##restore",
                       s.narrow ? -1.0f : 0.0f, pg.restore_mode == 0 ? ButtonKind::Primary : ButtonKind::Danger)) {
            pg.restore_confirm = false;
            pg.restore_error.clear();
            pg.restore_working = 1;
        }
        record_item(s, "restore:yes");
        if (!s.narrow) ImGui::SameLine();
        if (big_button(s, "No, go back##restore", s.narrow ? -1.0f : 0.0f, ButtonKind::Quiet))
            pg.restore_confirm = false;
        record_item(s, "restore:no");
    } else {
        ImGui::BeginDisabled(!pg.restore_file_ok || (pg.restore_encrypted && pg.restore_password.empty()));
        if (big_button(s, ND_ICON_HISTORY " Restore##restore", s.narrow ? -1.0f : 0.0f)) {
            pg.restore_confirm = true;
            pg.restore_done.clear();
        }
        record_item(s, "restore:go");
        ImGui::EndDisabled();
        if (!s.narrow) ImGui::SameLine();
        if (big_button(s, "Choose another file##restore", s.narrow ? -1.0f : 0.0f, ButtonKind::Quiet))
            choose_backup(s, pg, fs::path(pg.restore_path).parent_path().string());
        record_item(s, "restore:other");
    }
    end_card();
}

}  // namespace nd::app
