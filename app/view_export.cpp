// Export and backup: the file a person takes to the doctor (the PDF report), a
// spreadsheet (CSV), a FHIR R4 bundle for health systems, or a full backup
// (optionally protected with a password); and bringing a backup back (combine
// or replace, all or nothing). Choose the dates, the report's parts, the format
// and where it goes (the in-app folder picker, starting in Documents), then
// Export. The work itself is in export_actions.* (no UI there); bringing a
// backup back is drawn by view_restore.cpp.
#include <algorithm>
#include <cfloat>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "background_job.hpp"
#include "date_picker.hpp"
#include "export_actions.hpp"
#include "export_page_state.hpp"
#include "export_view_parts.hpp"
#include "folder_picker.hpp"
#include "form_util.hpp"
#include "icons.hpp"
#include "theme.hpp"
#include "time_util.hpp"
#include "views.hpp"
#include "widgets.hpp"

namespace nd::app {

namespace fs = std::filesystem;

// Shared with view_restore.cpp (export_view_parts.hpp).
std::string folder_of(AppState& s, const ExportPageState& pg) {
    if (!pg.folder.empty()) return pg.folder;
    return s.services ? s.services->documents_dir() : std::string();
}

void danger_text(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// A numbered step heading: "1  What would you like to make?"
void step_heading(AppState& s, int n, const char* text) {
    const std::string t = std::to_string(n) + "   " + text;
    heading(s.fonts, t.c_str());
}

bool password_field(AppState& s, const char* label, std::string& value, const char* hint) {
    const char* hidden = std::strstr(label, "##");
    ImGui::TextUnformatted(label, hidden ? hidden : nullptr);
    push_touch_frame();
    ImGui::SetNextItemWidth(s.narrow ? -1.0f : std::min(ImGui::GetContentRegionAvail().x, 420.0f * s.display_scale));
    const std::string id = std::string("##") + label;
    const bool changed = ImGui::InputTextWithHint(id.c_str(), hint, &value, ImGuiInputTextFlags_Password);
    pop_touch_frame();
    record_item(s, std::string("field:") + label);
    return changed;
}


namespace {

struct FormatInfo {
    ExportFormat format;
    const char* key;
    const char* icon;
    const char* title;
    const char* description;
};

constexpr FormatInfo kFormats[] = {
    {ExportFormat::Pdf, "format:pdf", ND_ICON_FILE_TEXT, "Report for your doctor (PDF)",
     "Page 1 is a summary a doctor can read in 30 seconds; the figures follow, every episode if you choose."},
    {ExportFormat::Csv, "format:csv", ND_ICON_LIST_UL, "Spreadsheet (CSV)",
     "One row per episode. Opens in Excel, LibreOffice or Numbers."},
    {ExportFormat::Fhir, "format:fhir", ND_ICON_USER_MD, "For health systems (FHIR R4)",
     "A standard file that clinic and hospital systems can read in."},
    {ExportFormat::Backup, "format:backup", ND_ICON_BOOK, "Full backup of your diary",
     "Everything in your diary, to keep safe or to move to another device."},
};

// Not a format: the row that turns the page into "bring a backup back".
constexpr FormatInfo kRestoreRow{ExportFormat::Backup, "format:restore", ND_ICON_HISTORY, "Bring back a backup",
                                 "Restore your diary from a backup file made on this device or another one."};

struct SectionInfo {
    ReportSection bit;
    const char* label;
};

constexpr SectionInfo kSectionChoices[] = {
    {kSectionSummary, "Summary##sec"},
    {kSectionPerWeek, "Episodes per week##sec"},
    {kSectionBodyMap, "Where on the body##sec"},
    {kSectionSensations, "Feelings and triggers##sec"},
    {kSectionSeverity, "Strength over time##sec"},
    {kSectionBackground, "Health background##sec"},
    {kSectionCheckIns, "Daily check-ins##sec"},
    {kSectionTopics, "Topics to discuss##sec"},
    {kSectionEpisodeTable, "Table of episodes##sec"},
    {kSectionNotes, "Your notes##sec"},
};

const char* const kNotEncrypted =
    "This file is not encrypted: anyone who gets it can read it. That is on purpose, it is made to be shared. "
    "Give it only to people you choose.";

const char* format_noun(ExportFormat f) {
    switch (f) {
        case ExportFormat::Pdf: return "The report";
        case ExportFormat::Csv: return "The spreadsheet";
        case ExportFormat::Fhir: return "The FHIR file";
        case ExportFormat::Backup: return "The backup";
    }
    return "The file";
}


LocalDate today_of(const AppState& s) { return local_date(s.now_local()); }

// The chosen dates; false with `problem` when the typed dates are not usable.
bool chosen_range(const ExportPageState& pg, const LocalDate& today, LocalDate& from, LocalDate& to,
                  std::string& problem) {
    from.clear();
    to.clear();
    problem.clear();
    const auto t = days_since_epoch(today);
    int days = 0;
    switch (pg.range) {
        case ExportRange::Days30: days = 30; break;
        case ExportRange::Days90: days = 90; break;
        case ExportRange::Year: days = 365; break;
        case ExportRange::All: return true;
        case ExportRange::Custom: {
            problem = date_problem(pg.from_text, true);
            if (problem.empty()) problem = date_problem(pg.to_text, true);
            if (!problem.empty()) return false;
            from = pg.from_text;
            to = pg.to_text;
            if (!from.empty() && !to.empty() && to < from) {
                problem = "The last date is before the first date.";
                return false;
            }
            return true;
        }
    }
    if (t) {
        from = date_from_days(*t - days + 1);
        to = today;
    }
    return true;
}



// A tall radio row: a circle, a bold title and a wrapped description.
bool format_row(AppState& s, const FormatInfo& f, bool selected, bool enabled, const char* why_not) {
    const Palette& p = palette();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float font = ImGui::GetFontSize();
    const float pad = st.FramePadding.x * 1.5f;
    const float width = ImGui::GetContentRegionAvail().x;
    const float content_x = pad + font * 1.8f;               // after the radio circle
    const float wrap = std::max(40.0f, width - content_x - pad);
    // On a phone only the chosen row (or one that cannot be chosen) explains
    // itself: five explained rows would fill the screen before step 2.
    const char* desc = !enabled ? why_not : (!s.narrow || selected) ? f.description : "";
    ImFont* bold = s.fonts.bold ? s.fonts.bold : ImGui::GetFont();
    const float title_wrap = std::max(40.0f, wrap - font * 1.5f);   // after the format's icon
    const float title_h = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, title_wrap, f.title).y;
    const ImVec2 desc_sz = *desc ? ImGui::CalcTextSize(desc, nullptr, false, wrap) : ImVec2(0, 0);
    const float gap = *desc ? 3.0f * ui_scale() : 0.0f;
    const float h = std::max(touch_height() * 1.3f, title_h + gap + desc_sz.y + pad * 1.6f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::PushID(f.key);
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::InvisibleButton("##row", ImVec2(width, h));
    ImGui::EndDisabled();
    ImGui::PopID();
    record_item(s, f.key);
    const bool hovered = enabled && ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = 12.0f * ui_scale();
    const ImVec2 end(pos.x + width, pos.y + h);
    // Chosen: filled and outlined in the accent; under the mouse: outlined only.
    if (selected) dl->AddRectFilled(pos, end, ImGui::GetColorU32(p.accent_soft), rounding);
    dl->AddRect(pos, end, ImGui::GetColorU32(selected || hovered ? p.accent : p.border), rounding, 0,
                selected ? 2.0f : 1.0f);
    const float ty = pos.y + (h - title_h - gap - desc_sz.y) * 0.5f;
    // The radio circle, drawn (it scales with the text and needs no icon glyph).
    const ImVec2 c(pos.x + pad + font * 0.5f, pos.y + h * 0.5f);
    const float r = font * 0.45f;
    dl->AddCircle(c, r, ImGui::GetColorU32(selected ? p.accent : p.text_muted), 24, 2.0f * ui_scale());
    if (selected) dl->AddCircleFilled(c, r * 0.5f, ImGui::GetColorU32(p.accent), 24);
    const float cx = pos.x + content_x;
    dl->AddText(ImVec2(cx, ty), ImGui::GetColorU32(enabled ? p.accent : p.text_muted), f.icon);
    dl->AddText(bold, bold->FontSize, ImVec2(cx + font * 1.5f, ty), ImGui::GetColorU32(enabled ? p.text : p.text_muted),
                f.title, nullptr, title_wrap);
    dl->AddText(ImGui::GetFont(), font, ImVec2(cx, ty + title_h + gap), ImGui::GetColorU32(p.text_muted), desc, nullptr,
                wrap);
    return pressed && enabled;
}


// The web version: exports leave as downloads, there is no folder to choose.
bool downloads(const AppState& s) { return s.services && s.services->exports_are_downloads(); }

void set_default_name(AppState& s, ExportPageState& pg) {
    pg.file_name = default_file_name(pg.format, today_of(s));
    pg.file_name_edited = false;
}

// ---- 1 What -------------------------------------------------------------------------

void draw_formats(AppState& s, ExportPageState& pg) {
    step_heading(s, 1, "What would you like to do?");
    for (const FormatInfo& f : kFormats) {
        const bool enabled = f.format != ExportFormat::Pdf || pdf_available();
        if (format_row(s, f, !pg.restoring && pg.format == f.format, enabled,
                       downloads(s) ? "The PDF report comes from the desktop app. Here you can download the "
                                      "spreadsheet, the FHIR file or a backup."
                                    : "The PDF report comes from the desktop app. Here you can export the "
                                      "spreadsheet, the FHIR file or a backup.")) {
            pg.restoring = false;
            if (pg.format != f.format) {
                pg.format = f.format;
                if (!pg.file_name_edited) set_default_name(s, pg);
                pg.error.clear();
                pg.confirm_overwrite = false;
            }
        }
    }
    if (format_row(s, kRestoreRow, pg.restoring, true, "")) pg.restoring = true;
}

// ---- 2 Dates --------------------------------------------------------------------------

void draw_range(AppState& s, ExportPageState& pg, int step) {
    step_heading(s, step, "Which dates?");
    static constexpr const char* kRanges[] = {"Last 30 days##exrange", "Last 90 days##exrange",
                                              "Last year##exrange", "Everything##exrange", "Choose dates##exrange"};
    for (int i = 0; i < 5; ++i)
        if (chip(s, kRanges[i], static_cast<int>(pg.range) == i)) {
            pg.range = static_cast<ExportRange>(i);
            pg.confirm_overwrite = false;
        }
    if (pg.range == ExportRange::Custom) {
        date_picker_field(date_look(s), "From (first day)", "export_from", pg.from_text, today_of(s), today_of(s), true, true);
        date_picker_field(date_look(s), "To (last day)", "export_to", pg.to_text, today_of(s), today_of(s), true, true);
        muted_text("Leave a date empty to start at the first entry or to go up to the last one.");
    }
    LocalDate from, to;
    std::string problem;
    if (!chosen_range(pg, today_of(s), from, to, problem)) {
        danger_text(problem);
        return;
    }
    if (pg.count_revision != s.revision || pg.count_from != from || pg.count_to != to) {
        const Diary in = diary_in_range(s.diary, from, to);
        pg.count = 0;
        for (const Episode& e : in.episodes) pg.count += is_deleted(e) ? 0 : 1;
        pg.count_revision = s.revision;
        pg.count_from = from;
        pg.count_to = to;
    }
    const std::string n = std::to_string(pg.count) + (pg.count == 1 ? " episode" : " episodes") + " in these dates.";
    muted_text(n.c_str());
}

// ---- Report parts / password ----------------------------------------------------------

void draw_sections(AppState& s, ExportPageState& pg, int step) {
    step_heading(s, step, "What should the report show?");
    int chosen = 0;
    for (const SectionInfo& sec : kSectionChoices) chosen += (pg.sections & sec.bit) ? 1 : 0;
    constexpr int total = static_cast<int>(std::size(kSectionChoices));
    // Eleven chips fill a phone screen: folded away until asked for.
    if (s.narrow && !pg.show_sections) {
        const std::string said = chosen == total ? "Everything: summary, charts, warning signs, topics to discuss, "
                                                   "the table of episodes and your notes."
                                                 : std::to_string(chosen) + " of " + std::to_string(total) + " parts.";
        muted_text(said.c_str());
        if (chip(s, "Choose the parts##secshow", false)) pg.show_sections = true;
        if ((pg.sections & kSectionAll & ~kSectionRedFlags) == 0) danger_text("Choose at least one part for the report.");
        return;
    }
    // Warning signs are not a choice: every report lists them all (issue #14).
    muted_text(ND_ICON_WARNING "  Warning signs are always in the report.");
    static constexpr const char* kPapers[] = {"A4", "US Letter"};
    segmented(s, "paper", pg.paper, kPapers);
    for (const SectionInfo& sec : kSectionChoices) {
        const bool on = (pg.sections & sec.bit) != 0;
        if (chip(s, sec.label, on)) pg.sections ^= sec.bit;
    }
    if ((pg.sections & kSectionAll & ~kSectionRedFlags) == 0) danger_text("Choose at least one part for the report.");
}

void draw_password(AppState& s, ExportPageState& pg, int step) {
    step_heading(s, step, "Protect it with a password?");
    // Said before anyone chooses a password (issue: "the app says so before").
    ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
    ImGui::TextWrapped(ND_ICON_WARNING "  If you protect the backup with a password and then forget the password, "
                                       "there is no way back: nobody can open the backup, not you and not us.");
    ImGui::PopStyleColor();
    muted_text("Without a password, anyone who gets the file can read your diary. Keep it somewhere private.");
    if (chip(s, ND_ICON_LOCK " Protect with a password##pw", pg.use_password)) {
        pg.use_password = !pg.use_password;
        pg.error.clear();
    }
    if (pg.use_password) {
        password_field(s, "Password##backup", pg.password, "at least 8 characters");
        password_field(s, "The same password again##backup", pg.password_again, "");
        muted_text("Write the password down and keep it somewhere safe, away from the backup.");
    }
}

// ---- Where --------------------------------------------------------------------------

void draw_where(AppState& s, ExportPageState& pg, int step) {
    if (downloads(s)) {
        // A page cannot choose a folder: the browser saves the download (usually in Downloads).
        step_heading(s, step, "Download it");
        muted_text("Your browser saves the file, usually in its Downloads folder.");
        if (text_field(s, "File name##export", pg.file_name, default_file_name(pg.format, today_of(s)).c_str()))
            pg.file_name_edited = true;
        return;
    }
    step_heading(s, step, "Where should it go?");
    const std::string folder = folder_of(s, pg);
    ImGui::TextUnformatted(ND_ICON_FOLDER_OPEN);
    ImGui::SameLine();
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    std::string name = fs::path(folder).filename().string();
    if (name.empty()) name = folder;
    ImGui::TextWrapped("%s", name.c_str());
    if (s.fonts.bold) ImGui::PopFont();
    muted_text(folder.c_str());
    if (big_button(s, ND_ICON_FOLDER_OPEN " Choose another folder##export", s.narrow ? -1.0f : 0.0f,
                   ButtonKind::Secondary)) {
        open_folder_picker(pg.picker, folder, s.services ? s.services->documents_dir() : folder,
                           "Where should the file go?");
        pg.picker_for_restore = false;
    }
    record_item(s, "export:folder");
    if (text_field(s, "File name##export", pg.file_name, default_file_name(pg.format, today_of(s)).c_str())) {
        pg.file_name_edited = true;
        pg.confirm_overwrite = false;
    }
}

// Checks the choices; on success fills `request` and `path`.
bool prepare(AppState& s, ExportPageState& pg, ExportRequest& request, std::string& path) {
    request = {};
    request.format = pg.format;
    request.today = today_of(s);
    request.sections = pg.sections;
    request.paper = pg.paper == 1 ? Paper::Letter : Paper::A4;
    request.kdf = pg.kdf;
    std::string problem;
    if (pg.format != ExportFormat::Backup && !chosen_range(pg, request.today, request.from, request.to, problem)) {
        pg.error = problem;
        return false;
    }
    if (pg.format == ExportFormat::Pdf && (pg.sections & kSectionAll & ~kSectionRedFlags) == 0) {
        pg.error = "Choose at least one part for the report.";
        return false;
    }
    if (pg.format == ExportFormat::Backup && pg.use_password) {
        if (pg.password.empty()) {
            pg.error = "Please type a password, or turn off \"Protect with a password\".";
            return false;
        }
        if (pg.password.size() < 8) {
            pg.error = "Please use a password of at least 8 characters.";
            return false;
        }
        if (pg.password != pg.password_again) {
            pg.error = "The two passwords are not the same. Please type them again.";
            return false;
        }
        request.password = pg.password;
    }
    const std::string name = checked_file_name(pg.file_name, pg.format, problem);
    if (name.empty()) {
        pg.error = problem;
        return false;
    }
    pg.file_name = name;
    path = (fs::path(folder_of(s, pg)) / name).string();
    return true;
}

// Starts the export on a worker with its own connection (background_job.hpp); the
// page shows its progress and a Cancel button until poll_export_jobs takes the result.
void start_export(AppState& s, ExportPageState& pg) {
    ExportRequest request;
    std::string path;
    if (!prepare(s, pg, request, path)) return;
    pg.done_path.clear();
    start_page_job(s, s.export_job, [catalog = s.catalog, request, path](Store& store, JobControl& job) {
        return write_export(store, catalog, request, path, job);
    });
}

void finish_export(AppState& s, ExportPageState& pg, JobOutcome<ExportResult>& o) {
    const auto message = [](const ExportResult& r) -> const std::string& { return r.error; };
    if (says_job_ended_early<ExportResult>(s, o, message, pg.error, "Cancelled. Nothing was saved.", "saved")) return;
    const ExportResult& r = *o.value;
    pg.error.clear();
    pg.done_path = r.path;
    pg.done_summary = r.summary;
    pg.done_format = r.format;
    pg.done_encrypted = r.encrypted;
    pg.scroll_to_done = 3;   // a few frames: the page's height settles once the card is measured
    pg.password.clear();
    pg.password_again.clear();
    if (downloads(s)) {
        if (s.services->open_path(r.path))
            s.show_toast(std::string(format_noun(r.format)) + " is downloaded");
        else
            s.show_toast("The browser did not take the download", 4.0);
        return;
    }
    s.show_toast(std::string(format_noun(r.format)) + " is saved");
}

void draw_go(AppState& s, ExportPageState& pg) {
    ImGui::Spacing();
    if (!pg.error.empty()) danger_text(pg.error);
    if (pg.working || s.export_job.active()) {
        ImGui::BeginDisabled();
        big_button(s, ND_ICON_CLOCK " Saving...##go", -1);
        ImGui::EndDisabled();
        if (JobControl* job = s.export_job.control())
            draw_job_progress(s, *job, "export:cancel");   // its step in words, progress, Cancel
        else if (pg.format == ExportFormat::Backup && pg.use_password)
            muted_text("Locking the backup with your password takes a moment.");
        return;
    }
    if (pg.confirm_overwrite) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette().danger);
        ImGui::TextWrapped("There is already a file called \"%s\" in this folder. Replace it with the new one?",
                           pg.file_name.c_str());
        ImGui::PopStyleColor();
        if (big_button(s, "Yes, replace it##export", s.narrow ? -1.0f : 0.0f, ButtonKind::Danger)) {
            pg.confirm_overwrite = false;
            pg.working = 1;
        }
        record_item(s, "export:replace");
        if (!s.narrow) ImGui::SameLine();
        if (big_button(s, "No, keep it##export", s.narrow ? -1.0f : 0.0f, ButtonKind::Quiet)) {
            pg.confirm_overwrite = false;
            pg.error = "Nothing was saved. Change the file name to keep both.";
        }
        record_item(s, "export:keep");
        return;
    }
    if (big_button(s, downloads(s) ? ND_ICON_FLOPPY " Download##go" : ND_ICON_FLOPPY " Export##go", -1)) {
        ExportRequest request;
        std::string path;
        pg.error.clear();
        if (prepare(s, pg, request, path)) {
            std::error_code ec;
            // A download replaces only the page's own copy: nothing to ask.
            if (!downloads(s) && fs::exists(path, ec))
                pg.confirm_overwrite = true;
            else
                pg.working = 1;
        }
    }
    record_item(s, "export:go");
}

void draw_done(AppState& s, ExportPageState& pg) {
    if (pg.done_path.empty()) return;
    const Palette& p = palette();
    if (pg.scroll_to_done > 0) {   // below the Export button, often under the window's edge
        ImGui::SetScrollHereY(0.2f);
        --pg.scroll_to_done;
    }
    begin_card("##export_done");
    ImGui::PushStyleColor(ImGuiCol_Text, p.success);
    const bool dl = downloads(s);
    heading(s.fonts, dl ? ND_ICON_CHECK_CIRCLE "  Downloaded" : ND_ICON_CHECK_CIRCLE "  Saved");
    ImGui::PopStyleColor();
    const std::string what = std::string(format_noun(pg.done_format)) + " (" + pg.done_summary + ")" +
                             (dl ? " went to your browser's downloads as:" : " is here:");
    ImGui::TextWrapped("%s", what.c_str());
    if (s.fonts.bold) ImGui::PushFont(s.fonts.bold);
    ImGui::TextWrapped("%s", (dl ? fs::path(pg.done_path).filename().string() : pg.done_path).c_str());
    if (s.fonts.bold) ImGui::PopFont();
    if (pg.done_format == ExportFormat::Backup)
        muted_text(pg.done_encrypted
                       ? "The backup is locked with your password. Keep the password safe: without it there is no "
                         "way back."
                       : "The backup is not encrypted: anyone who gets it can read your diary. Keep it private.");
    else
        muted_text(kNotEncrypted);
    if (dl) {
        if (big_button(s, ND_ICON_FLOPPY " Download again##done", s.narrow ? -1.0f : 0.0f, ButtonKind::Secondary)) {
            if (!s.services->open_path(pg.done_path)) s.show_toast("The browser did not take the download");
        }
        record_item(s, "export:download_again");
        end_card();
        return;
    }
    const std::string folder = fs::path(pg.done_path).parent_path().string();
    ImGui::BeginDisabled(!s.services);
    if (big_button(s, ND_ICON_FOLDER_OPEN " Open folder##done", s.narrow ? -1.0f : 0.0f, ButtonKind::Secondary)) {
        if (!s.services->open_path(folder)) s.show_toast("Could not open the folder");
    }
    record_item(s, "export:open_folder");
    ImGui::EndDisabled();
    end_card();
}

}  // namespace

void draw_job_progress(AppState& s, JobControl& job, const char* key) {
    const std::string words = job.words();
    if (!words.empty()) muted_text((words + "...").c_str());
    ImGui::ProgressBar(job.fraction(), ImVec2(-1.0f, 0.0f), "");
    if (job.cancel_requested()) {
        // The worker stops at its next step (the password step cannot be cut short).
        ImGui::BeginDisabled();
        big_button(s, "Stopping...##job", s.narrow ? -1.0f : 0.0f, ButtonKind::Quiet);
        ImGui::EndDisabled();
    } else if (big_button(s, (std::string(ND_ICON_TIMES " Cancel##") + key).c_str(), s.narrow ? -1.0f : 0.0f,
                          ButtonKind::Secondary)) {
        job.request_cancel();
    }
    record_item(s, key);
}

void poll_export_jobs(AppState& s, ExportPageState& pg) {
    if (auto o = s.export_job.take()) finish_export(s, pg, *o);
    if (auto o = s.restore_job.take()) finish_restore(s, pg, *o);
}

void draw_export(AppState& s, PageStates& pages) {
    ExportPageState& pg = pages.export_page;
    if (!s.store) {
        muted_text("No diary is open, so there is nothing to export.");
        return;
    }
    if (!pg.initialised) {
        pg.format = pdf_available() ? ExportFormat::Pdf : ExportFormat::Csv;
        set_default_name(s, pg);
        pg.initialised = true;
    }
    // Slow work (a password-protected backup takes a second) runs on the frame
    // after "Saving..." was drawn, so the person sees that it is happening.
    if (pg.working == 2) {
        pg.working = 0;
        start_export(s, pg);
        poll_export_jobs(s, pg);   // no threads: it has finished already
    } else if (pg.working == 1) {
        pg.working = 2;
    }
    if (pg.restore_working == 2) {
        pg.restore_working = 0;
        run_restore(s, pg);
        poll_export_jobs(s, pg);
    } else if (pg.restore_working == 1) {
        pg.restore_working = 2;
    }

    if (pg.picker.open) {
        std::string chosen;
        const PickerAction a = draw_folder_picker(s, s.fonts, s.narrow, pg.picker, chosen);
        if (a == PickerAction::Chosen) {
            if (pg.picker_for_restore) {
                pick_restore_file(s, pg, chosen);
            } else {
                pg.folder = chosen;
                pg.confirm_overwrite = false;
            }
        }
        return;
    }

    muted_text("Make a file to take to your doctor, to open in a spreadsheet, or to keep your diary safe.");
    begin_card("##export_what");
    draw_formats(s, pg);
    end_card();
    if (pg.restoring) {
        draw_restore(s, pg);
        return;
    }
    int step = 2;
    if (pg.format != ExportFormat::Backup) {
        begin_card("##export_range");
        draw_range(s, pg, step++);
        end_card();
    }
    if (pg.format == ExportFormat::Pdf) {
        begin_card("##export_sections");
        draw_sections(s, pg, step++);
        end_card();
    }
    if (pg.format == ExportFormat::Backup) {
        begin_card("##export_password");
        draw_password(s, pg, step++);
        end_card();
    }
    begin_card("##export_where");
    draw_where(s, pg, step);
    draw_go(s, pg);
    end_card();
    draw_done(s, pg);
}

}  // namespace nd::app
