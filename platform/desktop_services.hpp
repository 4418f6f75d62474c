// The desktop implementation of nd::app::Services: XDG paths, the GLFW clipboard,
// xdg-open, the locale from the environment and the local UTC offset from libc.
#pragma once

#include "services.hpp"

struct GLFWwindow;

namespace nd::platform {

class DesktopServices : public app::Services {
public:
    void set_window(GLFWwindow* w) { window_ = w; }

    std::string data_dir() override;
    std::string documents_dir() override;
    std::string assets_dir() override;
    std::string font_file(const std::string& name) override;
    void set_clipboard(const std::string& text) override;
    bool open_path(const std::string& path) override;
    std::string locale() override;
    std::string time_locale() override;
    Paper paper_default() override;   // LC_PAPER (platform/locale)
    std::int64_t now_utc() override;
    std::int32_t utc_offset_min(std::int64_t utc) override;
    bool threads_available() override;                               // thread_priority.cpp
    void set_this_thread_priority(app::ThreadPriority priority) override;
    bool reminder_job_supported() override;   // desktop_reminder.cpp
    std::string set_reminder_job(bool on, int hour, int minute, const std::string& db_path, bool& ok) override;

private:
    GLFWwindow* window_ = nullptr;
};

// Starts `xdg-open path` without a shell (no quoting pitfalls) and without waiting.
bool xdg_open(const std::string& path);

}  // namespace nd::platform
