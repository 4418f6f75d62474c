#include "web_services.hpp"

#include <emscripten.h>
#include <sys/stat.h>

#include <cstdlib>
#include <ctime>

#include "time_util.hpp"

namespace nd::platform::web {

namespace {

// assets/web/nd-web.js defines window.ndWeb; these are thin calls into it.
EM_JS(void, js_copy_text, (const char* text), {
    if (window.ndWeb) window.ndWeb.copyText(UTF8ToString(text));
});
EM_JS(int, js_download, (const char* path), {
    return window.ndWeb ? window.ndWeb.download(UTF8ToString(path)) : 0;
});
EM_JS(int, js_open_url, (const char* url), {
    return window.open(UTF8ToString(url), '_blank', 'noopener') ? 1 : 0;
});

EM_JS(int, js_choose_file, (const char* accept), {
    return window.ndWeb ? window.ndWeb.chooseFile(UTF8ToString(accept)) : 0;
});
// The path of the file chosen since the last call ("" when none), handed over once.
EM_JS(char*, js_take_chosen, (), {
    const path = window.ndWeb ? window.ndWeb.takeChosen() : '';
    return allocateUTF8(path || "");
});
// 1 granted, 0 refused, -1 not asked yet, -2 the browser cannot say (no storage API).
EM_JS(int, js_persisted, (), {
    if (!window.ndWeb) return -2;
    const p = window.ndWeb.persisted;
    return p === true ? 1 : p === false ? 0 : p === 'unsupported' ? -2 : -1;
});

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::string WebServices::font_file(const std::string& name) {
    const std::string dir = std::string(kAssetsDir) + "/fonts/";
    if (name == "fontawesome") return dir + "fontawesome-webfont.ttf";
    if (name.find('/') != std::string::npos) return "";
    return dir + name;
}

void WebServices::set_clipboard(const std::string& text) { js_copy_text(text.c_str()); }

bool WebServices::open_path(const std::string& path) {
    if (starts_with(path, "https://") || starts_with(path, "http://")) return js_open_url(path.c_str()) != 0;
    return download_file(path);
}

bool WebServices::choose_file(const std::vector<std::string>& extensions) {
    std::string accept;   // ".ndbackup,.json"
    for (const std::string& e : extensions) accept += (accept.empty() ? "." : ",.") + e;
    return js_choose_file(accept.c_str()) != 0;
}

std::string WebServices::chosen_file() {
    char* p = js_take_chosen();
    std::string path = p ? p : "";
    std::free(p);
    return path;
}

std::string WebServices::storage_note(bool& at_risk) {
    switch (js_persisted()) {
        case 1:
            at_risk = false;
            return "Your diary is kept in this browser on this device, and the browser has agreed to keep it even "
                   "when the device runs low on space. Clearing the browser's data still deletes it: a downloaded "
                   "backup is the copy that survives that.";
        case 0:
            at_risk = true;
            return "Your diary is kept in this browser on this device, and the browser did not agree to keep it for "
                   "sure: it may clear it when the device runs low on space. Download a backup now and then, and keep "
                   "it somewhere else (your files or a cloud drive).";
        case -2:
            at_risk = true;
            return "Your diary is kept in this browser on this device. This browser does not say whether it keeps it "
                   "when the device runs low on space: download a backup now and then.";
        default:
            at_risk = false;
            return "Your diary is kept in this browser on this device. At your first save the app asks the browser "
                   "to keep it even when the device runs low on space.";
    }
}

std::string WebServices::locale() {
    // "en-GB" -> "en_GB", the form emergency_number_for_locale() reads.
    std::string lang = emscripten_run_script_string("(navigator.language || '')");
    for (char& c : lang)
        if (c == '-') c = '_';
    return lang;
}

std::int64_t WebServices::now_utc() { return now_utc_seconds(); }

std::int32_t WebServices::utc_offset_min(std::int64_t utc) {
    // Emscripten's localtime_r (local_offset_at's) asks the browser's Date: the person's own zone.
    return local_offset_at(utc);
}

bool download_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    return js_download(path.c_str()) != 0;
}

}  // namespace nd::platform::web
