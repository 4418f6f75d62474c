#include "desktop_services.hpp"

#include <GLFW/glfw3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>

#include "locale_paper.hpp"
#include "paths.hpp"
#include "time_util.hpp"

namespace nd::platform {

std::string DesktopServices::data_dir() { return platform::data_dir(); }
std::string DesktopServices::documents_dir() { return platform::documents_dir(); }
std::string DesktopServices::assets_dir() { return platform::assets_dir(); }
std::string DesktopServices::font_file(const std::string& name) { return platform::font_file(name); }

void DesktopServices::set_clipboard(const std::string& text) {
    if (window_) glfwSetClipboardString(window_, text.c_str());
}

bool DesktopServices::open_path(const std::string& path) { return xdg_open(path); }

std::string DesktopServices::locale() {
    // POSIX precedence: LC_ALL, then LC_MESSAGES (the language people read), then LANG.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) return v;
    }
    return "";
}

Paper DesktopServices::paper_default() { return locale_paper(); }

std::string DesktopServices::time_locale() {
    // POSIX precedence for dates: LC_ALL, then LC_TIME, then LANG.
    for (const char* name : {"LC_ALL", "LC_TIME", "LANG"}) {
        const char* v = std::getenv(name);
        if (v && *v) return v;
    }
    return "";
}

std::int64_t DesktopServices::now_utc() { return now_utc_seconds(); }

std::int32_t DesktopServices::utc_offset_min(std::int64_t utc) { return local_offset_at(utc); }

bool xdg_open(const std::string& path) {
    // Double fork: the grandchild runs xdg-open and is re-parented to init, so we
    // never leave a zombie and never block the UI waiting for the viewer.
    const pid_t child = fork();
    if (child < 0) return false;
    if (child == 0) {
        if (fork() == 0) {
            execlp("xdg-open", "xdg-open", path.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace nd::platform
