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
// Creates a folder and its missing parents, each with mode 0700 whatever the umask
// (health data is private); an existing data folder of ours is tightened to 0700.
// Returns false with a message in `error` when it cannot.
bool make_private_dir(const std::string& path, std::string& error);
// PREFIX/share/numbness-diary for the running executable PREFIX/bin/numbness-diary
// (/proc/self/exe); "" when unknown. The build tree mirrors this layout.
std::string program_data_dir();
// Assets (catalog): $ND_ASSETS_DIR, program_data_dir(), then $XDG_DATA_DIRS
// (nd::default_assets_dir; main() registers program_data_dir() with core).
std::string assets_dir();
// A font file by name: DejaVu files by file name ("DejaVuSans.ttf",
// "DejaVuSans-Bold.ttf"), or "fontawesome"; "" when missing. Looks under the
// executable's prefix and $XDG_DATA_DIRS (fonts/truetype/...), then asks fontconfig.
std::string font_file(const std::string& name);

}  // namespace nd::platform
