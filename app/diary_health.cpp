#include "diary_health.hpp"

#include <chrono>
#include <cstdio>

#include "app_state.hpp"
#include "time_util.hpp"

namespace nd::app {

void DiaryHealth::find_offer(const std::string& diary_path) {
    offer = newest_good_backup(diary_path);
    offer_episodes = offer ? check_backup(offer->path).episodes : 0;
    list(diary_path);
}

void DiaryHealth::list(const std::string& diary_path) {
    const auto all = list_backups(diary_path);
    newest_backup = all.empty() ? std::nullopt : std::optional<BackupFile>(all.front());
    backups_kept = all.size();
    backup_folder = backup_dir_for(diary_path);
}

std::string backup_time_text(const AppState& s, std::int64_t utc) {
    const LocalTime t{utc, s.services ? s.services->utc_offset_min(utc) : 0};
    const int minute = local_minute_of_day(t);
    char hm[16];
    std::snprintf(hm, sizeof hm, "%02d:%02d", minute / 60, minute % 60);
    return format_date(local_date(t), s.settings.date_format) + " " + hm;
}

void HealthCheckRunner::start(const std::string& diary_path, std::int64_t now_utc, const Store* open,
                              Services* services) {
    if (future_.valid()) return;
    if (!services || !services->threads_available()) {
        // No threads in this build: run now (this is already after the first frame).
        std::promise<HealthReport> done;
        done.set_value(check_and_back_up(diary_path, now_utc, BackupPolicy{}, open));
        future_ = done.get_future();
        return;
    }
    // The thread uses a read-only connection of its own, at idle CPU and I/O
    // priority: the whole-file check must never cost a frame.
    future_ = std::async(std::launch::async, [diary_path, now_utc, services] {
        services->set_this_thread_priority(ThreadPriority::Idle);
        return check_and_back_up(diary_path, now_utc);
    });
}

std::optional<HealthReport> HealthCheckRunner::poll(bool wait) {
    if (!future_.valid()) return std::nullopt;
    if (!wait && future_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return std::nullopt;
    return future_.get();   // leaves the future invalid: reported once
}

}  // namespace nd::app
