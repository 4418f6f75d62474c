// Where files live on this OS (XDG on Linux), and making the private data folder.
#pragma once

#include <string>

namespace nd::platform {

// $XDG_DATA_HOME/numbness-diary, else ~/.local/share/numbness-diary.
std::string data_dir();
// The XDG documents folder (XDG_DOCUMENTS_DIR, else ~/Documents when it exists, else ~).
std::string documents_dir();
// The diary file: --db PATH, else $ND_DB, else data_dir()/diary.sqlite. (`cli_db` may be empty.)
std::string diary_path(const std::string& cli_db);
// Creates a folder and its parents; the last one with mode 0700 (health data
// is private). Returns false with a message in `error` when it cannot.
bool make_private_dir(const std::string& path, std::string& error);
// Assets (catalog): $ND_ASSETS_DIR, the source tree, or the installed data dir.
std::string assets_dir();
// A font file by name: DejaVu files by file name, or "fontawesome"; "" when missing.
std::string font_file(const std::string& name);

}  // namespace nd::platform
