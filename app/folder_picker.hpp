// An in-app folder picker (Debian 12 has no file-dialog library, and the web
// build has none either): starts in the Documents folder, lists sub-folders as
// big touch rows, goes up, makes a new folder, and chooses. In file mode it also
// lists the files with the given extensions and chooses one of them (restoring
// a backup). Listing uses std::filesystem only; hidden entries (".name") are
// left out. The state is plain data (folder_picker_state.hpp; the Export page's
// state holds it, export_page_state.hpp), so tests can inspect where it is.
#pragma once

#include <string>
#include <vector>

#include "folder_picker_state.hpp"

namespace nd::app {

struct Fonts;
struct WidgetLog;

// Lists `dir`. `extensions` ("ndbackup", "json"): which files to list; empty: none.
FolderListing list_folder(const std::string& dir, const std::vector<std::string>& extensions);
// The folder above `dir` ("" at the root).
std::string parent_folder(const std::string& dir);
// Makes `name` inside `parent`; returns its path, or "" with a message in `error`.
std::string make_folder(const std::string& parent, const std::string& name, std::string& error);

void open_folder_picker(FolderPickerState& p, const std::string& start, const std::string& home,
                        const std::string& title, bool pick_file = false,
                        std::vector<std::string> extensions = {});

enum class PickerAction { None, Chosen, Cancelled };

// Draws the picker in place of the page's content. On Chosen, `chosen` is the
// folder (folder mode) or the file (file mode); the picker closes itself on
// Chosen and Cancelled. Rows record "picker:folder:<name>", "picker:file:<name>",
// and the buttons "picker:up", "picker:home", "picker:new", "picker:create",
// "picker:choose", "picker:cancel" (tests).
PickerAction draw_folder_picker(WidgetLog& log, const Fonts& fonts, bool narrow, FolderPickerState& p,
                                std::string& chosen);

}  // namespace nd::app
