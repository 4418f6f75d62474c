#include "auto_backup.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <limits>
#include <system_error>

#include "atomic_file.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "store_schema.hpp"
#include "store_sql.hpp"
#include "store_validate.hpp"

namespace nd {

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 24 * 3600;
constexpr std::int64_t kMonthBucket = 30 * kDay;

// "20261126-051503" for a UTC time.
std::string stamp(std::int64_t utc) {
    const std::time_t t = static_cast<std::time_t>(utc);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d-%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

// The UTC time of a "YYYYMMDD-HHMMSS" stamp, or nothing.
std::optional<std::int64_t> parse_stamp(const std::string& s) {
    if (s.size() != 15 || s[8] != '-') return std::nullopt;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 8 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(s.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(s.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(s.substr(6, 2));
    tm.tm_hour = std::stoi(s.substr(9, 2));
    tm.tm_min = std::stoi(s.substr(11, 2));
    tm.tm_sec = std::stoi(s.substr(13, 2));
    if (tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return std::nullopt;
    return static_cast<std::int64_t>(timegm(&tm));
}

std::string stem_of(const std::string& diary_path) { return fs::path(diary_path).stem().string(); }

// A read-only connection of our own (a backup or a check never writes the diary).
struct ReadOnlyDb {
    sqlite3* db = nullptr;
    explicit ReadOnlyDb(const std::string& path) {
        const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE;
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : "out of memory";
            sqlite3_close_v2(db);
            throw StoreError("Cannot open \"" + path + "\": " + why);
        }
        sqlite3_busy_timeout(db, 5000);
    }
    ~ReadOnlyDb() { sqlite3_close_v2(db); }
    ReadOnlyDb(const ReadOnlyDb&) = delete;
    ReadOnlyDb& operator=(const ReadOnlyDb&) = delete;
};

// quick_check's findings ("ok" when sound).
std::string run_quick_check(sqlite3* db) {
    sql::Stmt s(db, "PRAGMA quick_check");
    std::string out;
    while (s.step()) out += (out.empty() ? "" : "; ") + s.text(0);
    return out;
}

std::int64_t single_int(sqlite3* db, const char* query) {
    sql::Stmt s(db, query);
    return s.step() ? s.i64(0) : 0;
}

// A name beside `base` that does not exist yet: base, base-2, base-3, ...
std::string unused_name(const std::string& base, const std::string& ext = "") {
    std::error_code ec;
    std::string candidate = base + ext;
    for (int n = 2; fs::exists(candidate, ec); ++n) candidate = base + "-" + std::to_string(n) + ext;
    return candidate;
}

// Reads every record of a diary of the current schema through the Store and
// validates it: a flipped byte inside a record passes quick_check but not this.
// Returns the problem, or "" when every record reads.
std::string content_problem(const std::string& path) {
    try {
        auto store = Store::open_read_only(path);
        if (store->schema_version() < Store::current_schema_version()) return "";   // migrated when restored
        validate_stored(*store);   // one episode at a time: no second diary in memory
        return "";
    } catch (const std::exception& e) {
        return e.what();
    }
}

void remove_quietly(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
}

}  // namespace

std::string backup_dir_for(const std::string& diary_path) {
    fs::path dir = fs::path(diary_path).parent_path();
    if (dir.empty()) dir = ".";
    return (dir / "backups").string();
}

std::vector<BackupFile> list_backups(const std::string& diary_path) {
    std::vector<BackupFile> out;
    const std::string prefix = stem_of(diary_path) + "-";
    std::error_code ec;
    for (fs::directory_iterator it(backup_dir_for(diary_path), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (it->path().extension() != ".sqlite" || name.compare(0, prefix.size(), prefix) != 0) continue;
        // "<stem>-YYYYMMDD-HHMMSS.sqlite" or "<stem>-YYYYMMDD-HHMMSS-2.sqlite"
        const std::string rest = it->path().stem().string().substr(prefix.size());
        const auto when = parse_stamp(rest.substr(0, 15));
        if (!when || (rest.size() > 15 && rest[15] != '-')) continue;
        out.push_back({it->path().string(), *when});
    }
    std::sort(out.begin(), out.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.taken_utc != b.taken_utc ? a.taken_utc > b.taken_utc : a.path > b.path;
    });
    return out;
}

bool backup_due(const std::vector<BackupFile>& newest_first, std::int64_t now_utc, const BackupPolicy& policy) {
    if (newest_first.empty()) return true;
    const std::int64_t age = now_utc - newest_first.front().taken_utc;
    // A backup "from the future" (the clock was wrong) does not postpone the next one.
    return age < 0 || age >= policy.min_interval_s;
}

std::vector<BackupFile> backups_to_drop(const std::vector<BackupFile>& newest_first, std::int64_t now_utc,
                                        const BackupPolicy& policy) {
    std::vector<BackupFile> drop;
    std::vector<std::int64_t> buckets_kept;
    for (std::size_t i = 0; i < newest_first.size(); ++i) {
        const BackupFile& b = newest_first[i];
        if (i < policy.keep_recent) continue;
        const std::int64_t bucket = std::max<std::int64_t>(0, now_utc - b.taken_utc) / kMonthBucket;
        const bool new_bucket = std::find(buckets_kept.begin(), buckets_kept.end(), bucket) == buckets_kept.end();
        if (new_bucket && buckets_kept.size() < policy.keep_monthly) {
            buckets_kept.push_back(bucket);   // the newest of this period
            continue;
        }
        drop.push_back(b);
    }
    return drop;
}

BackupFile make_backup(const std::string& diary_path, std::int64_t now_utc, const Store* open) {
    const std::string dir = backup_dir_for(diary_path);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw StoreError("Could not create the backup folder " + dir + ": " + ec.message());
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);

    const std::string final_path = unused_name((fs::path(dir) / (stem_of(diary_path) + "-" + stamp(now_utc))).string(),
                                               ".sqlite");
    // A temporary name the listing ignores; a kill before the rename leaves only it.
    const std::string tmp = final_path + ".tmp-backup";
    remove_quietly(tmp);
    try {
        create_private_file(tmp);   // VACUUM INTO accepts an empty file, and keeps its 0600 mode
        if (open) {
            open->vacuum_into(tmp);
        } else {
            ReadOnlyDb src(diary_path);
            sql::Stmt vacuum(src.db, "VACUUM INTO ?");
            vacuum.bind(tmp);
            vacuum.done();
        }
        const BackupCheck check = check_backup(tmp);
        if (!check.good) throw StoreError("the copy did not pass its check (" + check.problem + ")");
        sync_file(tmp);
        if (std::rename(tmp.c_str(), final_path.c_str()) != 0)
            throw StoreError(std::string("could not rename it: ") + std::strerror(errno));
        sync_folder(dir);
    } catch (const std::exception& e) {
        remove_quietly(tmp);
        remove_quietly(tmp + "-journal");
        throw StoreError(std::string("Could not make a backup in ") + dir + ": " + e.what());
    }
    return {final_path, now_utc};
}

std::vector<std::string> rotate_backups(const std::string& diary_path, std::int64_t now_utc,
                                        const BackupPolicy& policy) {
    std::vector<std::string> removed;
    for (const BackupFile& b : backups_to_drop(list_backups(diary_path), now_utc, policy)) {
        std::error_code ec;
        if (fs::remove(b.path, ec)) removed.push_back(b.path);
    }
    // Leftovers of a backup killed half-way.
    std::error_code ec;
    for (fs::directory_iterator it(backup_dir_for(diary_path), ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const std::string suffix = ".tmp-backup";
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            remove_quietly(it->path().string());
    }
    return removed;
}

std::size_t delete_all_backups(const std::string& diary_path) {
    std::size_t n = 0;
    for (const BackupFile& b : list_backups(diary_path)) {
        std::error_code ec;
        if (fs::remove(b.path, ec)) ++n;
    }
    return n;
}

BackupCheck check_backup(const std::string& path) {
    BackupCheck out;
    try {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            out.problem = "the file is missing";
            return out;
        }
        {
            // Closed before the records are read on a connection of their own: its
            // page cache (2 MB once quick_check has read the file) need not be held
            // beside that one's (issue 19: the first start's peak memory).
            ReadOnlyDb db(path);
            const std::string qc = run_quick_check(db.db);
            if (qc != "ok") {
                out.problem = "it is damaged (" + qc.substr(0, 200) + ")";
                return out;
            }
            if (single_int(db.db, "PRAGMA application_id") != schema::kApplicationId) {
                out.problem = "it is not a Numbness Diary database";
                return out;
            }
            const auto version = single_int(db.db, "PRAGMA user_version");
            if (version < 1 || version > schema::current_version()) {
                out.problem = "its schema version (" + std::to_string(version) + ") is not one this app reads";
                return out;
            }
            out.episodes = single_int(db.db, "SELECT count(*) FROM episodes WHERE deleted_utc IS NULL");
        }
        out.problem = content_problem(path);
        if (!out.problem.empty()) {
            out.problem = "a record in it cannot be read (" + out.problem.substr(0, 200) + ")";
            return out;
        }
        out.good = true;
    } catch (const std::exception& e) {
        out.good = false;
        out.problem = e.what();
    }
    return out;
}

std::optional<BackupFile> newest_good_backup(const std::string& diary_path) {
    for (const BackupFile& b : list_backups(diary_path))
        if (check_backup(b.path).good) return b;
    return std::nullopt;
}

std::string restore_backup(const std::string& diary_path, const BackupFile& backup, std::int64_t now_utc) {
    const BackupCheck check = check_backup(backup.path);
    if (!check.good)
        throw StoreError("The backup " + backup.path + " cannot be used: " + check.problem + ". Nothing was changed.");
    std::string bytes;
    try {
        // 4 GiB, or all a 32-bit size_t can say (the wasm build): 4 << 30 would be 0 there.
        bytes = read_file(backup.path, static_cast<std::size_t>(std::min<std::uint64_t>(
                                           std::uint64_t{4} << 30, std::numeric_limits<std::size_t>::max())));
    } catch (const FileError& e) {
        throw StoreError(std::string(e.what()) + ". Nothing was changed.");
    }

    // Rename the damaged file (and its WAL and shared memory) aside.
    const std::string kept = unused_name(diary_path + ".damaged-" + stamp(now_utc));
    std::error_code ec;
    const bool diary_exists = fs::exists(diary_path, ec);
    if (diary_exists && std::rename(diary_path.c_str(), kept.c_str()) != 0)
        throw StoreError("Could not move the damaged diary aside (" + std::string(std::strerror(errno)) +
                         "). Nothing was changed.");
    std::vector<std::pair<std::string, std::string>> moved;   // side files, to move back on failure
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const std::string from = diary_path + suffix;
        if (fs::exists(from, ec) && std::rename(from.c_str(), (kept + suffix).c_str()) == 0)
            moved.emplace_back(from, kept + suffix);
    }
    try {
        write_file_atomic(diary_path, bytes);
    } catch (const FileError& e) {
        if (diary_exists) std::rename(kept.c_str(), diary_path.c_str());
        for (const auto& [from, to] : moved) std::rename(to.c_str(), from.c_str());
        throw StoreError(std::string("Could not put the backup in place: ") + e.what() + ". Nothing was changed.");
    }
    return diary_exists ? kept : std::string();
}

HealthReport check_and_back_up(const std::string& diary_path, std::int64_t now_utc, const BackupPolicy& policy,
                               const Store* open) {
    HealthReport report;
    std::unique_ptr<Store> own;
    const Store* store = open;
    try {
        if (open) {
            const std::string qc = open->quick_check();
            if (qc != "ok") throw StoreDamagedError("it is damaged (" + qc.substr(0, 300) + ")");
        } else {
            own = Store::open_read_only(diary_path);   // runs quick_check
            store = own.get();
        }
    } catch (const StoreDamagedError& e) {
        report.damaged = true;
        report.problems = e.what();
        return report;
    } catch (const std::exception& e) {
        // Busy, out of memory, another app's file: says nothing about damage, but
        // nothing that was not checked is backed up.
        report.check_error = e.what();
        return report;
    }
    // The pages are sound; now every record must read (never back up what cannot).
    try {
        // With the caller's open Store the diary was just loaded through it (the app
        // reads every record at open), so only a connection of our own reads again.
        if (!open && store->schema_version() == Store::current_schema_version()) validate_stored(*store);
    } catch (const std::exception& e) {
        report.damaged = true;
        report.problems = std::string("a record cannot be read: ") + e.what();
        return report;
    }
    own.reset();
    try {
        if (backup_due(list_backups(diary_path), now_utc, policy)) {
            report.backup_made = make_backup(diary_path, now_utc, open);
            report.rotated_out = rotate_backups(diary_path, now_utc, policy);
        }
    } catch (const std::exception& e) {
        report.backup_error = e.what();
    }
    return report;
}

}  // namespace nd
