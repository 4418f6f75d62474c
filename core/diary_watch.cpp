#include "diary_watch.hpp"

#include <sqlite3.h>

namespace nd {

DiaryWatch::DiaryWatch(const std::string& path) {
    // Read-write without CREATE: a WAL diary's shared-memory file needs write access
    // even for a reader; this connection never writes and never creates the diary.
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        return;
    }
    sqlite3_busy_timeout(db_, 200);
    if (!read_version(version_)) {
        sqlite3_close(db_);
        db_ = nullptr;
    }
}

DiaryWatch::~DiaryWatch() { sqlite3_close(db_); }

bool DiaryWatch::read_version(std::int64_t& out) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &st, nullptr) != SQLITE_OK) return false;
    const bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok) out = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return ok;
}

bool DiaryWatch::changed() {
    if (!db_) return false;
    std::int64_t now = 0;
    if (!read_version(now) || now == version_) return false;   // busy: try again next time
    version_ = now;
    return true;
}

}  // namespace nd
