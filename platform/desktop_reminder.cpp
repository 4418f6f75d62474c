// The desktop's daily reminder job (platform/reminder): a systemd user timer that
// runs `numbness-diary-cli remind`, found beside this program (installed: /usr/bin/numbness-diary-cli; in a
// build tree: ../tools/numbness-diary-cli), else on PATH.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "desktop_services.hpp"
#include "reminder.hpp"

namespace nd::platform {

namespace {

namespace fs = std::filesystem;

std::string find_nd() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const fs::path& p : {exe.parent_path() / "numbness-diary-cli", exe.parent_path().parent_path() / "tools" / "numbness-diary-cli"})
            if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
    if (const char* path = std::getenv("PATH")) {
        std::string rest = path;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const fs::path p = fs::path(rest.substr(0, colon)) / "numbness-diary-cli";
            if (p.is_absolute() && ::access(p.c_str(), X_OK) == 0) return p.string();
            if (colon == std::string::npos) break;
            rest.erase(0, colon + 1);
        }
    }
    return {};
}

}  // namespace

bool DesktopServices::reminder_job_supported() {
    static const bool supported = reminder::real_systemd_user()->available();   // asked once per run
    return supported;
}

std::string DesktopServices::set_reminder_job(bool on, int hour, int minute, const std::string& db_path, bool& ok) {
    auto systemd = reminder::real_systemd_user();
    const std::string dir = reminder::user_unit_dir();
    if (!on) {
        const auto r = reminder::remove_job(*systemd, dir);
        ok = r.ok;
        return r.message;
    }
    const std::string nd = find_nd();
    if (nd.empty()) {
        ok = false;
        return "The reminder needs the 'nd' command, which was not found; the app reminds only while it is open.";
    }
    std::error_code ec;
    const std::string db = fs::absolute(db_path, ec).string();
    const auto r = reminder::install_job(*systemd, dir, hour, minute, nd, ec ? db_path : db);
    ok = r.ok;
    return r.message;
}

}  // namespace nd::platform
