// The folder picker's state (folder_picker.hpp draws it): plain data that the
// Export page's state holds (export_page_state.hpp), apart from folder_picker.hpp, whose drawing takes
// the AppState (no include cycle: tools/check-layering.py).
#pragma once

#include <string>
#include <vector>

namespace nd::app {

struct FolderListing {
    std::vector<std::string> folders;   // names, sorted without regard to case
    std::vector<std::string> files;     // file mode: matching names, sorted
    std::string error;                  // the folder could not be read
};

struct FolderPickerState {
    bool open = false;
    bool pick_file = false;                 // choose a file (else a folder)
    std::vector<std::string> extensions;    // file mode: which files are shown
    std::string dir;                        // the folder being shown
    std::string home;                       // the Documents folder (the "Documents" shortcut)
    std::string title;                      // "Where should the file go?"
    // The listing of `dir` (refreshed when dir changes or after a new folder).
    std::string listed_dir;
    bool stale = true;
    FolderListing listing;
    // "New folder".
    bool new_folder = false;
    std::string new_folder_name;
    std::string new_folder_error;
};

}  // namespace nd::app
