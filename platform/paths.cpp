#include "paths.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

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
    std::error_code ec;
    const fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) {
        error = "Could not create the folder " + path + ": " + std::strerror(errno);
        return false;
    }
    if (!is_dir(path)) {
        error = path + " exists but is not a folder.";
        return false;
    }
    return true;
}

std::string assets_dir() { return nd::default_assets_dir(); }

std::string font_file(const std::string& name) {
    std::string path;
#ifdef ND_FONT_DIR_DEJAVU
    if (name != "fontawesome") path = std::string(ND_FONT_DIR_DEJAVU) + "/" + name;
#endif
#ifdef ND_FONT_FILE_AWESOME
    if (name == "fontawesome") path = ND_FONT_FILE_AWESOME;
#endif
    return !path.empty() && ::access(path.c_str(), R_OK) == 0 ? path : std::string();
}

}  // namespace nd::platform
