#include "web_services.hpp"

#include <emscripten.h>
#include <sys/stat.h>

#include <ctime>

#include "time_util.hpp"

namespace nd::platform::web {

namespace {

// web/nd-web.js defines window.ndWeb; these are thin calls into it.
EM_JS(void, js_copy_text, (const char* text), {
    if (window.ndWeb) window.ndWeb.copyText(UTF8ToString(text));
});
EM_JS(int, js_download, (const char* path), {
    return window.ndWeb ? window.ndWeb.download(UTF8ToString(path)) : 0;
});
EM_JS(int, js_open_url, (const char* url), {
    return window.open(UTF8ToString(url), '_blank', 'noopener') ? 1 : 0;
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

std::string WebServices::locale() {
    // "en-GB" -> "en_GB", the form emergency_number_for_locale() reads.
    std::string lang = emscripten_run_script_string("(navigator.language || '')");
    for (char& c : lang)
        if (c == '-') c = '_';
    return lang;
}

std::int64_t WebServices::now_utc() { return now_utc_seconds(); }

std::int32_t WebServices::utc_offset_min(std::int64_t utc) {
    // Emscripten's localtime_r asks the browser's Date: the person's own zone.
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm local{};
    if (!localtime_r(&t, &local)) return 0;
    return static_cast<std::int32_t>(local.tm_gmtoff / 60);
}

bool download_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    return js_download(path.c_str()) != 0;
}

}  // namespace nd::platform::web
