#include "paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fontconfig/fontconfig.h>

#include "atomic_file.hpp"
#include "catalog.hpp"

namespace nd::platform {

namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string home() {
    std::string h = env("HOME");
    return h.empty() ? std::string("/tmp") : h;
}

// XDG_DOCUMENTS_DIR lives in ~/.config/user-dirs.dirs as XDG_DOCUMENTS_DIR="$HOME/Documents".
std::string xdg_user_dir(const std::string& key) {
    std::string config = env("XDG_CONFIG_HOME");
    if (config.empty()) config = home() + "/.config";
    std::ifstream in(config + "/user-dirs.dirs");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + "=", 0) != 0) continue;
        std::string v = line.substr(key.size() + 1);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        if (v.rfind("$HOME", 0) == 0) v = home() + v.substr(5);
        return v;
    }
    return "";
}

bool is_dir(const std::string& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::string data_dir() {
    std::string base = env("XDG_DATA_HOME");
    if (base.empty() || base.front() != '/') base = home() + "/.local/share";   // XDG: relative paths are invalid
    return base + "/numbness-diary";
}

std::string documents_dir() {
    std::string d = xdg_user_dir("XDG_DOCUMENTS_DIR");
    if (!d.empty() && is_dir(d)) return d;
    if (is_dir(home() + "/Documents")) return home() + "/Documents";
    return home();
}

std::string diary_path(const std::string& cli_db) {
    if (!cli_db.empty()) return cli_db;
    const std::string from_env = env("ND_DB");
    if (!from_env.empty()) return from_env;
    return data_dir() + "/diary.sqlite";
}

bool make_private_dir(const std::string& path, std::string& error) {
    // Every folder created on the way is 0700 too, whatever the umask (nd::make_private_dirs).
    try {
        nd::make_private_dirs(path);
    } catch (const nd::FileError& e) {
        error = e.what();
        return false;
    }
    return true;
}

std::string program_data_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "";
    return (exe.parent_path().parent_path() / "share" / "numbness-diary").string();
}

std::string assets_dir() { return nd::default_assets_dir(); }

namespace {

bool readable(const std::string& path) { return !path.empty() && ::access(path.c_str(), R_OK) == 0; }

// PREFIX/share of the executable, then $XDG_DATA_DIRS (default /usr/local/share:/usr/share).
std::vector<std::string> data_dirs() {
    std::vector<std::string> out;
    if (const auto mine = program_data_dir(); !mine.empty()) out.push_back(fs::path(mine).parent_path().string());
    std::string dirs = env("XDG_DATA_DIRS");
    if (dirs.empty()) dirs = "/usr/local/share:/usr/share";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto colon = dirs.find(':', start);
        const std::string d = dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!d.empty() && d.front() == '/') out.push_back(d);
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return out;
}

bool ends_with(const std::string& s, const char* suffix) {
    const std::string x(suffix);
    return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

// fontconfig's best match for a family and style; only TrueType/OpenType files
// (what ImGui reads), and only the family asked for when `exact_family`.
std::string fontconfig_file(const char* family, const char* style, bool exact_family) {
    if (!FcInit()) return "";
    std::string out;
    FcPattern* pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    if (style) FcPatternAddString(pat, FC_STYLE, reinterpret_cast<const FcChar8*>(style));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        FcChar8* got_family = nullptr;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetString(match, FC_FAMILY, 0, &got_family) == FcResultMatch) {
            const std::string f = reinterpret_cast<const char*>(file);
            const bool family_ok =
                !exact_family || FcStrCmpIgnoreCase(got_family, reinterpret_cast<const FcChar8*>(family)) == 0;
            if (family_ok && (ends_with(f, ".ttf") || ends_with(f, ".otf") || ends_with(f, ".TTF"))) out = f;
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pat);
    return out;
}

}  // namespace

std::string font_file(const std::string& name) {
    const bool icons = name == "fontawesome";
    const std::string relative =
        icons ? "fonts/truetype/font-awesome/fontawesome-webfont.ttf" : "fonts/truetype/dejavu/" + name;
    for (const auto& dir : data_dirs())
        if (const std::string p = dir + "/" + relative; readable(p)) return p;
    // Not where Debian puts them: ask fontconfig, as any desktop program would.
    std::string p;
    if (icons) p = fontconfig_file("FontAwesome", nullptr, true);
    else if (name.find("Bold") != std::string::npos) p = fontconfig_file("DejaVu Sans", "Bold", false);
    else p = fontconfig_file("DejaVu Sans", "Book", false);
    return readable(p) ? p : std::string();
}

}  // namespace nd::platform
