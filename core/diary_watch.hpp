// Noticing that another process changed the diary file (the command line, a
// second program, a merge): SQLite's PRAGMA data_version, read on a connection of
// its own, changes whenever any other connection commits to the file.
#pragma once

#include <cstdint>
#include <string>

struct sqlite3;

namespace nd {

class DiaryWatch {
public:
    // Opens `path` for reading only (never creates it). When it cannot be opened
    // (no file, a browser build holding the file exclusively) the watch is inactive
    // and changed() is always false.
    explicit DiaryWatch(const std::string& path);
    ~DiaryWatch();
    DiaryWatch(const DiaryWatch&) = delete;
    DiaryWatch& operator=(const DiaryWatch&) = delete;

    bool active() const { return db_ != nullptr; }
    // True when a commit by another connection (the app's own Store included)
    // happened since the previous call (or since the watch was made).
    bool changed();

private:
    bool read_version(std::int64_t& out);
    sqlite3* db_ = nullptr;
    std::int64_t version_ = 0;
};

}  // namespace nd
