#include "temp_cleanup.hpp"

#include <filesystem>

#include "atomic_file.hpp"
#include "auto_backup.hpp"

namespace nd {

std::vector<std::string> clean_stale_temporaries(const std::string& diary_path, const std::string& data_dir,
                                                 std::int64_t min_age_s) {
    std::vector<std::string> removed;
    auto add = [&](const std::vector<std::string>& more) { removed.insert(removed.end(), more.begin(), more.end()); };
    try {
        add(remove_stale_temporaries_in(data_dir, TempPattern::AtomicWrite, min_age_s));
        if (!diary_path.empty()) {
            namespace fs = std::filesystem;
            fs::path folder = fs::path(diary_path).parent_path();
            if (folder.empty()) folder = ".";
            // The diary's own temporaries only: its folder may be the person's (--db).
            add(remove_stale_temporaries_in(folder.string(), TempPattern::AtomicWrite, min_age_s,
                                            fs::path(diary_path).filename().string() + ".tmp-"));
            // Backups of this diary are "<stem>-YYYYMMDD-HHMMSS.sqlite" (auto_backup.cpp).
            add(remove_stale_temporaries_in(backup_dir_for(diary_path), TempPattern::Backup, min_age_s,
                                            fs::path(diary_path).stem().string() + "-"));
        }
    } catch (...) {
        // Best effort: a start is never stopped by a cleanup.
    }
    return removed;
}

}  // namespace nd
