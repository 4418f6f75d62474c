// `numbness-diary-cli export`, `import`, `demo` and `check`.
#include <filesystem>
#include <iostream>

#include "backup.hpp"
#include "cli.hpp"
#include "demo_diary.hpp"
#include "serialization.hpp"

namespace ndcli {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxBackupBytes = std::size_t{1} << 30;  // 1 GiB

bool exists(const std::string& path) {
    std::error_code ec;
    return fs::exists(path, ec);
}

int run_export(const Args& a, Context& ctx) {
    const std::string& out = a.positional[0];
    if (out != "-" && exists(out) && !a.has("--force"))
        throw CliError(out + " already exists; choose another file or add --force to overwrite it");
    ctx.full_check = true;   // a backup is what a person falls back on: never copy a damaged file unknowingly
    auto store = ctx.open_existing_store();
    const nd::Diary d = store->load_diary();
    const std::string json = nd::diary_to_json(d);
    if (out == "-") {
        std::cout << json;
        std::cout.flush();
        if (!std::cout) throw CliError("cannot write the backup to standard output");
        return 0;
    }
    write_file_atomic(out, json);
    std::cerr << "Exported " << diary_summary(d) << " to " << out << "\n";
    return 0;
}

int run_import(const Args& a, Context& ctx) {
    const std::string& in = a.positional[0];
    const std::string text = read_file(in, kMaxBackupBytes);
    nd::Diary d;
    try {
        d = nd::read_backup(text);   // an NDBACKUP envelope or the plain JSON of 'numbness-diary-cli export'
        nd::validate(d);
    } catch (const nd::BackupError& e) {
        if (e.problem == nd::BackupProblem::PasswordNeeded)
            throw CliError(in + " is protected with a password; restore it with 'numbness-diary-cli restore " + in +
                           " --password-file F' (nothing was imported)");
        std::string why = e.what();   // ends " Nothing was changed."; import says it its own way
        if (const auto at = why.rfind(" Nothing was changed."); at != std::string::npos) why.resize(at);
        throw CliError(in + " is not a valid diary backup: " + why + " (nothing was imported)");
    } catch (const std::exception& e) {
        throw CliError(in + " is not a valid diary backup: " + e.what() + " (nothing was imported)");
    }
    auto store = ctx.open_store();
    // The check and the write in one transaction (a save made meanwhile is seen).
    store->update_diary([&](const nd::Diary& current) {
        if (!diary_is_empty(current) && !a.has("--replace"))
            throw CliError("the diary " + store->path() + " is not empty (" + diary_summary(current) +
                           "); nothing was imported. Add --replace to replace it with the backup, or use another --db");
        return d;
    });
    std::cout << "Imported " << diary_summary(d) << " into " << store->path() << "\n";
    return 0;
}

int run_demo(const Args& a, Context& ctx) {
    std::string path;
    if (auto out = a.get("--out")) {
        if (out->empty()) throw UsageError("--out: empty path");
        path = *out;
    } else if (ctx.db_flag) {
        path = *ctx.db_flag;
    } else {
        path = (fs::path(ctx.data_dir()) / "demo.sqlite").string();
    }
    std::uint32_t seed = 2026;
    if (auto s = a.get("--seed")) seed = static_cast<std::uint32_t>(parse_int("--seed", *s, 0, 2147483647));
    std::int64_t now = ctx.now;
    if (auto t = a.get("--now")) now = parse_time("--now", *t, ctx).utc;
    const nd::Diary demo = nd::make_demo_diary(seed, now);
    write_demo_diary(ctx, path, demo);   // cmd_demo.cpp: all or nothing
    std::cout << "Demo diary written to " << path << ": " << diary_summary(demo) << "\n"
              << "See the matched causes with: numbness-diary-cli --db " << path << " match\n";
    return 0;
}

int run_check(const Args& a, Context& ctx) {
    const std::string path = a.positional.empty() ? ctx.db_path() : a.positional[0];
    if (!exists(path)) throw CliError("no diary at " + path);
    std::unique_ptr<nd::Store> store;
    try {
        store = nd::Store::open_read_only(path);   // checks, never creates or changes a file
    } catch (const nd::StoreError& e) {
        std::cout << "problems: " << path << "\n  " << e.what() << "\n";
        return 1;
    }
    std::vector<std::string> problems;
    const std::string integrity = store->integrity_check();
    if (integrity != "ok") problems.push_back("SQLite integrity check: " + integrity);
    nd::Diary d;
    try {
        d = store->load_diary();
        nd::validate(d);
    } catch (const std::exception& e) {
        problems.push_back(std::string("content: ") + e.what());
    }
    if (problems.empty()) {
        std::cout << "ok: " << path << " (schema version " << store->schema_version() << "; " << diary_summary(d)
                  << ")\n";
        return 0;
    }
    std::cout << "problems: " << path << "\n";
    for (const auto& p : problems) std::cout << "  " << p << "\n";
    return 1;
}

}  // namespace

std::vector<Command> backup_commands() {
    return {
        {{"export", "FILE", "Write the whole diary (bin and tombstones included) as a JSON backup",
          "FILE '-' writes to standard output. Importing the file gives back the identical diary.",
          {{"--force", "", "overwrite FILE when it exists"}},
          1, 1, {"numbness-diary-cli export backup.json", "numbness-diary-cli export - > backup.json"}},
         run_export},
        {{"import", "FILE", "Restore a JSON backup made by 'numbness-diary-cli export'",
          "All or nothing: a file that is not a valid backup changes nothing. A diary that is not\n"
          "empty is only replaced with --replace. Also reads unencrypted files of 'numbness-diary-cli backup';\n"
          "'numbness-diary-cli restore' reads encrypted ones and merges.",
          {{"--replace", "", "replace a diary that is not empty"}},
          1, 1, {"numbness-diary-cli --db new.sqlite import backup.json", "numbness-diary-cli import backup.json --replace"}},
         run_import},
        {{"demo", "", "Create a demo diary (a year of a made-up person's entries) in its own file",
          "Without --out the demo goes to the file given with --db, else to demo.sqlite in the data\n"
          "folder, never into your own diary. It refuses to overwrite a diary that is not empty.",
          {{"--out", "PATH", "the demo diary file to create"},
           {"--seed", "N", "another made-up person (default 2026)"},
           {"--now", "TIME", "the demo's year ends at this time (default: now)"}},
          0, 0, {"numbness-diary-cli demo --out demo.sqlite", "numbness-diary-cli --db demo.sqlite match"}},
         run_demo},
        {{"check", "[PATH]", "Check a diary file: SQLite integrity and every value",
          "Prints 'ok: ...' and exits 0, or 'problems: ...' and exits 1.", {}, 0, 1,
          {"numbness-diary-cli check", "numbness-diary-cli check backup-copy.sqlite"}},
         run_check},
    };
}

}  // namespace ndcli
