// At every start (the app and the CLI): the temporary files that our atomic writes
// and automatic backups left when a process was killed mid-write are removed, so
// health data does not lie about until a later write to the same name (issue 17).
// Only our own names, only old ones, only our own folders (atomic_file.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nd {

// Cleans, never creating anything and never throwing:
// - the data folder `data_dir` (ours entirely; may be "" or missing): every
//   "<name>.tmp-XXXXXX";
// - the diary's own folder, which may be a folder of the person's (--db): only the
//   diary's own temporaries, "<diary>.tmp-XXXXXX" (restoring a backup writes it);
// - the backups folder beside the diary (auto_backup.hpp): this diary's
//   "<stem>-....tmp-backup" and its "-journal".
// Each only when unchanged for min_age_s seconds (10 minutes: a write in progress
// in the other process is left alone). Returns the paths removed.
std::vector<std::string> clean_stale_temporaries(const std::string& diary_path, const std::string& data_dir,
                                                 std::int64_t min_age_s = 600);

}  // namespace nd
