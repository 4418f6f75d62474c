// The web implementation of nd::app::Services: the diary folder is an IndexedDB
// backed folder (IDBFS, mounted and loaded by assets/web/nd-web.js before main runs),
// exports are offered as downloads, the locale is the browser's.
#pragma once

#include <string>
#include <vector>

#include "services.hpp"

namespace nd::platform::web {

inline constexpr const char* kDataDir = "/data";        // IDBFS: persists across reloads
inline constexpr const char* kExportDir = "/exports";   // MEMFS: files written here are downloaded
inline constexpr const char* kAssetsDir = "/assets";    // preloaded (index.data): catalog and fonts

class WebServices : public app::Services {
public:
    std::string data_dir() override { return kDataDir; }
    std::string documents_dir() override { return kExportDir; }
    std::string assets_dir() override { return kAssetsDir; }
    std::string font_file(const std::string& name) override;
    void set_clipboard(const std::string& text) override;
    // A file: the browser downloads it (exports). A web address: a new tab.
    // A folder: false (a page cannot show the browser's storage as a folder).
    bool open_path(const std::string& path) override;
    bool exports_are_downloads() override { return true; }
    // The phone's own file chooser (<input type=file>, assets/web/nd-web.js): the chosen
    // file is copied into /exports and its path handed back by chosen_file().
    bool choose_file(const std::vector<std::string>& extensions) override;
    std::string chosen_file() override;
    // From navigator.storage.persisted()/persist() (asked at the first save).
    std::string storage_note(bool& at_risk) override;
    std::string locale() override;
    std::int64_t now_utc() override;
    std::int32_t utc_offset_min(std::int64_t utc) override;
};

// Offers a file of the page's file system as a download; false when it is missing.
bool download_file(const std::string& path);

}  // namespace nd::platform::web
