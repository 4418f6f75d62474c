// What the Export page remembers between frames (view_export.cpp, view_restore.cpp):
// the chosen format, range and file, the folder picker, and the restore's steps.
#pragma once

#include <cstdint>
#include <string>

#include "backup.hpp"
#include "export_actions.hpp"
#include "folder_picker_state.hpp"
#include "model.hpp"
#include "report_model.hpp"

namespace nd::app {

enum class ExportRange : std::uint8_t { Days30, Days90, Year, All, Custom };

struct ExportPageState {
    bool initialised = false;              // format and file name set on the first draw
    ExportFormat format = ExportFormat::Pdf;
    bool restoring = false;                // "Bring back a backup" chosen instead of a format
    ExportRange range = ExportRange::Days90;
    std::string from_text, to_text;        // Custom: "YYYY-MM-DD"
    std::uint32_t sections = kSectionDefault;  // PDF report: page 1 and the figures (table and notes optional)
    int paper = 0;                         // PDF report: 0 A4, 1 US Letter
    bool show_sections = false;            // phone: the parts' chips are folded away until asked for
    bool use_password = false;             // backup
    std::string password, password_again;
    KdfLimits kdf;                         // Argon2id cost of a protected backup (tests lower it)
    std::string folder;                    // where it goes; empty: the Documents folder
    std::string file_name;
    bool file_name_edited = false;         // keep what the person typed when the format changes
    std::string error;                     // why the last try did not export
    bool confirm_overwrite = false;        // the file is there: asked before replacing it
    int working = 0;                       // 1: "Saving..." drawn, export on the next frame
    // The last export that worked.
    std::string done_path;
    std::string done_summary;
    ExportFormat done_format = ExportFormat::Pdf;
    bool done_encrypted = false;
    int scroll_to_done = 0;                // frames left to bring the "Saved" card into view
    // Cache: episodes in the chosen range, for (revision, from, to).
    std::uint64_t count_revision = ~0ull;
    LocalDate count_from, count_to;
    int count = 0;

    FolderPickerState picker;
    bool picker_for_restore = false;

    // Restore from a backup.
    std::string restore_path;              // the chosen file; empty: none yet
    bool restore_file_ok = false;          // its envelope checked out
    bool restore_encrypted = false;
    std::string restore_password;
    int restore_mode = 0;                  // 0 combine (merge), 1 replace
    bool restore_confirm = false;          // the last question before it runs
    int restore_working = 0;
    std::string restore_error;             // the file could not be used; nothing changed
    std::string restore_done;              // what the restore did
};

}  // namespace nd::app
