// Corruption and automatic backups: whatever happens to the diary file (flipped
// bytes, truncation, a lost or foreign WAL), a damaged file is never backed up
// over the good copies, the newest good backup is found, and restoring it gives
// a sound diary with the backup's content while the damaged file is kept.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>

#include "auto_backup.hpp"
#include "rel_util.hpp"
#include "store.hpp"
#include "workload.hpp"

using namespace ndrel;

namespace {

constexpr std::int64_t kDay = 24 * 3600;

std::unique_ptr<nd::Store> open_at(const std::string& path) {
    auto s = nd::Store::open(path);
    s->set_clock([] { return kClock; });
    return s;
}

}  // namespace

TEST_CASE("A damaged diary is never backed up, and its newest good backup restores it", "[recovery][store]") {
    TempDir tmp("recovery");
    const std::string path = tmp.file("diary.sqlite");
    {
        auto s = open_at(path);
        s->replace_diary(import_diary(0));
    }
    const std::string good = read_bytes(path);
    const std::size_t good_episodes = open_at(path)->episodes().size();
    const nd::BackupFile backup = nd::make_backup(path, kClock);
    REQUIRE(nd::check_backup(backup.path).good);

    long variants = 0, damaged_found = 0, restored = 0, backups_made = 0;
    std::int64_t now = kClock;
    std::mt19937 rng(777);
    auto attempt = [&](const std::string& bytes, const std::string& what) {
        INFO(what);
        ++variants;
        for (const char* suffix : {"-wal", "-shm"}) fs::remove(path + suffix);
        write_bytes(path, bytes);
        now += kDay;   // a backup is always due
        const auto before = nd::list_backups(path).size();
        const nd::HealthReport report = nd::check_and_back_up(path, now);
        bool refused = false;
        try {
            open_at(path)->load_diary();
        } catch (const nd::StoreError&) {
            refused = true;
        }
        if (report.damaged || refused) {
            ++damaged_found;
            // Never a backup of it, and the good one is there to offer, untouched.
            CHECK_FALSE(report.backup_made);
            CHECK(nd::list_backups(path).size() == before);
            const auto offer = nd::newest_good_backup(path);
            REQUIRE(offer);
            CHECK(offer->path == nd::list_backups(path).front().path);   // only good copies were made
            const std::string kept = nd::restore_backup(path, *offer, now);
            CHECK(read_bytes(kept) == bytes);   // the damaged file, kept byte for byte
            auto s = open_at(path);
            CHECK(s->integrity_check() == "ok");
            CHECK(static_cast<std::int64_t>(s->episodes().size()) == nd::check_backup(offer->path).episodes);
            ++restored;
            s.reset();
            for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(kept + suffix);
        } else if (report.backup_made) {
            // A file that passes every check may be backed up; the copy is sound.
            ++backups_made;
            CHECK(nd::check_backup(report.backup_made->path).good);
        }
    };
    for (std::size_t page = 0; page * 4096 < good.size(); ++page)
        for (std::size_t off : {0, 3, 5, 8, 200}) {
            const std::size_t at = page * 4096 + off + (page == 0 ? 100 : 0);
            std::string b = good;
            b[at] = static_cast<char>(~b[at]);
            attempt(b, "page " + std::to_string(page) + " byte " + std::to_string(off));
        }
    for (int k = 0; k < 40; ++k) {
        std::string b = good;
        for (int j = 0; j < 8; ++j) b[rng() % b.size()] = static_cast<char>(rng());
        attempt(b, "random bytes " + std::to_string(k));
    }
    for (std::size_t len = 4096; len < good.size(); len += 4096 * 3 + 77) attempt(good.substr(0, len), "truncated");
    std::printf("[recovery] %ld damaged variants: %ld found damaged, never backed up, and restored from the newest "
                "good backup (%zu episodes); %ld passed every check and were backed up\n",
                variants, damaged_found, good_episodes, backups_made);
    std::fflush(stdout);
    CHECK(damaged_found > variants / 3);
    CHECK(restored == damaged_found);
}

TEST_CASE("A deleted or swapped WAL: the check passes or the diary is restored, never a crash", "[recovery][store]") {
    TempDir tmp("recovery-wal");
    const std::string path = tmp.file("diary.sqlite");
    const std::string other = tmp.file("other.sqlite");
    auto a = open_at(path);
    a->replace_diary(import_diary(0));
    a->add_episode(make_episode(1));
    const nd::BackupFile backup = nd::make_backup(path, kClock);   // while the app runs
    for (std::uint64_t i = 2; i < 30; ++i) a->add_episode(make_episode(i));
    const std::string db_image = read_bytes(path);
    const std::string wal_image = read_bytes(path + "-wal");
    auto b = open_at(other);
    for (std::uint64_t i = 500; i < 540; ++i) b->add_episode(make_episode(i));
    const std::string other_wal = read_bytes(other + "-wal");
    a.reset();
    b.reset();
    REQUIRE(wal_image.size() > 4096);

    for (const auto& [what, wal] : {std::pair<std::string, std::string>{"WAL deleted", ""},
                                    {"WAL of another diary", other_wal},
                                    {"WAL half gone", wal_image.substr(0, wal_image.size() / 2)}}) {
        INFO(what);
        fs::remove(path + "-shm");
        write_bytes(path, db_image);
        if (wal.empty())
            fs::remove(path + "-wal");
        else
            write_bytes(path + "-wal", wal);
        const auto report = nd::check_and_back_up(path, kClock + kDay);
        if (report.damaged) {
            CHECK_FALSE(report.backup_made);
            nd::restore_backup(path, backup, kClock + kDay);
        }
        // SQLite cannot tell a foreign WAL from the diary's own (it carries no link to
        // the database), so that case opens with the other file's pages: sound, and
        // the backups are still there to go back to.
        auto s = open_at(path);
        CHECK(s->integrity_check() == "ok");
        CHECK_NOTHROW(s->load_diary());
        CHECK(nd::newest_good_backup(path));
    }
}
