// Automatic backups: naming, rotation, the check, and restoring over a damaged
// diary without losing the damaged file.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "atomic_file.hpp"
#include "auto_backup.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1'790'000'000;   // 2026-09-21T...Z
constexpr std::int64_t kDay = 24 * 3600;

// A fresh folder, removed at the end (tests/support/temp_dir.hpp).
struct Folder : nd::test::TempDir {
    Folder() : TempDir("nd_backup_test") {}
};

nd::Episode episode(std::int64_t utc, const std::string& note) {
    nd::Episode e;
    e.start = {utc, 60};
    e.regions = {{nd::Region::Toes, nd::Side::Left}};
    e.sensations = {nd::Sensation::Tingling};
    e.numbness = 3;
    e.note = note;
    return e;
}

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

std::vector<nd::BackupFile> days_ago(std::initializer_list<int> days) {
    std::vector<nd::BackupFile> out;
    for (int d : days) out.push_back({"b" + std::to_string(d), kNow - d * kDay});
    return out;
}

}  // namespace

TEST_CASE("A backup is a sound 0600 copy of the diary named by its time", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    {
        auto store = nd::Store::open(diary);
        store->add_episode(episode(kNow - 3600, "after the long drive"));
        store->add_episode(episode(kNow - 600, "cold morning"));
    }
    const nd::BackupFile b = nd::make_backup(diary, kNow);
    CHECK(fs::path(b.path).filename() == "diary-20260921-" + b.path.substr(b.path.size() - 13, 6) + ".sqlite");
    CHECK(fs::path(b.path).parent_path() == f.dir / "backups");
    struct stat st {};
    REQUIRE(::stat(b.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((f.dir / "backups").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);

    // No temporary left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(f.dir / "backups")) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);

    const auto check = nd::check_backup(b.path);
    CHECK(check.good);
    CHECK(check.episodes == 2);
    // It opens as a diary with the same content.
    auto copy = nd::Store::open(b.path);
    const auto eps = copy->episodes();
    REQUIRE(eps.size() == 2);
    CHECK(eps[0].note == "after the long drive");

    const auto listed = nd::list_backups(diary);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].path == b.path);
    CHECK(listed[0].taken_utc == kNow);
}

TEST_CASE("Two backups in the same second get different names and list newest first", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("my diary.sqlite");
    nd::Store::open(diary)->add_episode(episode(kNow - 60, "x"));
    const auto a = nd::make_backup(diary, kNow - kDay);
    const auto b = nd::make_backup(diary, kNow);
    const auto c = nd::make_backup(diary, kNow);
    CHECK(b.path != c.path);
    // Unrelated files in the folder are ignored.
    std::ofstream(f.file("backups/notes.txt")) << "hello";
    std::ofstream(f.file("backups/other-20260101-000000.sqlite")) << "not ours";
    const auto listed = nd::list_backups(diary);
    REQUIRE(listed.size() == 3);
    CHECK(listed[2].path == a.path);
    CHECK(listed[0].taken_utc == kNow);
}

TEST_CASE("A backup is due after 20 hours, or when the newest is from the future", "[auto_backup]") {
    const nd::BackupPolicy p;
    CHECK(nd::backup_due({}, kNow, p));
    CHECK_FALSE(nd::backup_due({{"x", kNow - 3600}}, kNow, p));
    CHECK(nd::backup_due({{"x", kNow - 21 * 3600}}, kNow, p));
    CHECK(nd::backup_due({{"x", kNow + 5 * kDay}}, kNow, p));
}

TEST_CASE("Rotation keeps the newest seven and one a month for six months", "[auto_backup]") {
    const nd::BackupPolicy p;
    // Daily backups for 300 days.
    std::vector<nd::BackupFile> all;
    for (int d = 0; d < 300; ++d) all.push_back({"b" + std::to_string(d), kNow - d * kDay});
    const auto drop = nd::backups_to_drop(all, kNow, p);
    std::vector<std::string> kept;
    for (const auto& b : all)
        if (std::none_of(drop.begin(), drop.end(), [&](const nd::BackupFile& x) { return x.path == b.path; }))
            kept.push_back(b.path);
    // b0..b6, then the newest of days 7-29 (b7), 30-59 (b30), 60-89, 90-119, 120-149, 150-179.
    CHECK(kept == std::vector<std::string>{"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b30", "b60", "b90",
                                           "b120", "b150"});
    // Few backups: nothing dropped.
    CHECK(nd::backups_to_drop(days_ago({0, 1, 2}), kNow, p).empty());
}

TEST_CASE("rotate_backups deletes what the policy drops and leftovers of a killed backup", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    nd::Store::open(diary)->add_episode(episode(kNow - 60, "x"));
    for (int d = 0; d < 10; ++d) nd::make_backup(diary, kNow - d * kDay);
    std::ofstream(f.file("backups/diary-20260921-000000.sqlite.tmp-backup")) << "half";
    nd::BackupPolicy p;
    p.keep_recent = 3;
    p.keep_monthly = 1;
    const auto removed = nd::rotate_backups(diary, kNow, p);
    CHECK(removed.size() == 6);
    CHECK(nd::list_backups(diary).size() == 4);
    CHECK_FALSE(fs::exists(f.file("backups/diary-20260921-000000.sqlite.tmp-backup")));
}

TEST_CASE("check_backup names what is wrong with a bad backup", "[auto_backup]") {
    Folder f;
    CHECK_FALSE(nd::check_backup(f.file("missing.sqlite")).good);
    std::ofstream(f.file("text.sqlite")) << std::string(4096, 'x');
    const auto text = nd::check_backup(f.file("text.sqlite"));
    CHECK_FALSE(text.good);
    CHECK_FALSE(text.problem.empty());
}

TEST_CASE("Restoring a backup keeps the damaged diary under a new name", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    nd::Store::open(diary)->add_episode(episode(kNow - 60, "kept in the backup"));
    const auto backup = nd::make_backup(diary, kNow - kDay);
    // Damage the diary: garbage over the middle of the file.
    std::string bytes = bytes_of(diary);
    REQUIRE(bytes.size() > 4096);
    for (std::size_t i = 100; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
    nd::write_file_atomic(diary, bytes);
    CHECK_THROWS_AS(nd::Store::open(diary), nd::StoreDamagedError);

    const std::string kept = nd::restore_backup(diary, backup, kNow);
    CHECK(kept == diary + ".damaged-20260921-" + kept.substr(kept.size() - 6));
    CHECK(bytes_of(kept) == bytes);   // the damaged file, byte for byte
    auto store = nd::Store::open(diary);
    REQUIRE(store->episodes().size() == 1);
    CHECK(store->episodes()[0].note == "kept in the backup");

    // A second restore does not overwrite the first kept file.
    store.reset();
    const std::string kept2 = nd::restore_backup(diary, backup, kNow);
    CHECK(kept2 != kept);
    CHECK(bytes_of(kept) == bytes);
}

TEST_CASE("Restoring a bad backup changes nothing", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    nd::Store::open(diary)->add_episode(episode(kNow - 60, "x"));
    const std::string before = bytes_of(diary);
    std::ofstream(f.file("bad.sqlite")) << std::string(8192, '\0');
    CHECK_THROWS_AS(nd::restore_backup(diary, {f.file("bad.sqlite"), kNow}, kNow), nd::StoreError);
    CHECK(bytes_of(diary) == before);
    int files = 0;
    for (const auto& e : fs::directory_iterator(f.dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 2);   // the diary and bad.sqlite: nothing renamed aside
}

TEST_CASE("check_and_back_up backs up a sound diary once a day and never a damaged one", "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    auto store = nd::Store::open(diary, nd::OpenCheck::Deferred);
    store->add_episode(episode(kNow - 60, "x"));

    // While the app holds the diary open and keeps writing. The web build's SQLite
    // locks the file for one connection: there the check goes through the open Store.
#ifdef __EMSCRIPTEN__
    const nd::Store* via = store.get();
#else
    const nd::Store* via = nullptr;
#endif
    const auto first = nd::check_and_back_up(diary, kNow, {}, via);
    CHECK_FALSE(first.damaged);
    CHECK(first.check_error.empty());
    REQUIRE(first.backup_made);
    store->add_episode(episode(kNow - 30, "y"));
    const auto again = nd::check_and_back_up(diary, kNow + 3600, {}, via);
    CHECK_FALSE(again.backup_made);
    const auto next_day = nd::check_and_back_up(diary, kNow + kDay, {}, via);
    REQUIRE(next_day.backup_made);
    CHECK(nd::check_backup(next_day.backup_made->path).episodes == 2);
    store.reset();

    // Damage: the backups stay as they were.
    std::string bytes = bytes_of(diary);
    for (std::size_t i = 1024; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
    nd::write_file_atomic(diary, bytes);
    const auto damaged = nd::check_and_back_up(diary, kNow + 3 * kDay);
    CHECK(damaged.damaged);
    CHECK_FALSE(damaged.backup_made);
    CHECK(nd::list_backups(diary).size() == 2);
    REQUIRE(nd::newest_good_backup(diary));
    CHECK(nd::newest_good_backup(diary)->path == next_day.backup_made->path);
}

#ifndef __EMSCRIPTEN__
// Not in the wasm build (tools/web-build.sh test): Emscripten 3.1.6 cannot set a
// file's modification time (fs::last_write_time / utimensat store a wrong time
// under node), so the temporary cannot be made two hours old.
TEST_CASE("write_file_atomic clears temporaries a killed write left, but not fresh ones", "[atomic_file]") {
    Folder f;
    const std::string target = f.file("report.csv");
    const std::string stale = target + ".tmp-abc123";
    const std::string fresh = target + ".tmp-def456";
    std::ofstream(stale) << "half a report";
    std::ofstream(fresh) << "being written";
    std::ofstream(f.file("report.csv.tmp-notours-long")) << "other";
    // Made as mkstemp makes ours: 0600 (a file others may read is not one of ours).
    fs::permissions(stale, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    // Make the stale one two hours old.
    const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
    fs::last_write_time(stale, old);
    nd::write_file_atomic(target, "new");
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(fresh));
    CHECK(fs::exists(f.file("report.csv.tmp-notours-long")));
    CHECK(nd::read_file(target) == "new");
}
#endif

TEST_CASE("check_and_back_up can use the diary's own open Store (the web build's single connection)",
          "[auto_backup]") {
    Folder f;
    const std::string diary = f.file("diary.sqlite");
    auto store = nd::Store::open(diary);
    store->add_episode(episode(kNow - 60, "one connection"));
    const auto report = nd::check_and_back_up(diary, kNow, {}, store.get());
    CHECK_FALSE(report.damaged);
    CHECK(report.check_error.empty());
    REQUIRE(report.backup_made);
    CHECK(nd::check_backup(report.backup_made->path).episodes == 1);
    const auto now_backup = nd::make_backup(diary, kNow + 5, store.get());
    CHECK(nd::check_backup(now_backup.path).good);
    struct stat st {};
    REQUIRE(::stat(now_backup.path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}
