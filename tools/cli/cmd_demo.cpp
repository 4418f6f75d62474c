// `numbness-diary-cli demo`: writing the demo diary into a file of its own, all or
// nothing. A file the demo created is removed again (with its -wal, -shm and
// -journal) when the write fails, e.g. on a full disk, so no empty or half-written
// diary is left behind under the name asked for (issue 17).
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "cli.hpp"
#include "store.hpp"

namespace ndcli {

namespace {

bool exists_no_follow(const std::string& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0;
}

}  // namespace

void write_demo_diary(const Context& ctx, const std::string& path, const nd::Diary& demo) {
    // What is there already is never removed: only the files this call makes.
    std::vector<std::string> made;
    for (const std::string& p : {path, path + "-wal", path + "-shm", path + "-journal"})
        if (!exists_no_follow(p)) made.push_back(p);
    const bool new_file = !made.empty() && made.front() == path;
    try {
        auto store = ctx.open_store(path);
        store->update_diary([&](const nd::Diary& current) {
            if (!diary_is_empty(current))
                throw CliError(path + " already holds a diary (" + diary_summary(current) +
                               "); the demo never overwrites one. Choose another file with --out");
            return demo;
        });
    } catch (const std::exception& e) {
        // The store is closed here (its scope ended), so its files can go.
        if (!new_file) throw;
        for (const std::string& p : made) ::unlink(p.c_str());
        std::string why = e.what();
        if (!why.empty() && why.back() != '.') why += '.';
        throw CliError("could not write the demo diary " + path + ": " + why + " Nothing was left behind.");
    }
}

}  // namespace ndcli
