// inspect_backup_header (what the command line's restore reads first) checks the
// envelope's header but not its checksum; the checksum is still checked when the
// backup is read, so a damaged payload changes nothing.
#include <catch2/catch.hpp>

#include <string>

#include "backup.hpp"
#include "sample_diary.hpp"
#include "store.hpp"

using namespace nd;

TEST_CASE("The header-only look at a backup leaves the checksum to the restore") {
    const Diary d = test::sample_diary();
    std::string damaged = write_backup(d);
    damaged[damaged.size() / 2] ^= 0x20;   // one payload byte flipped

    CHECK_THROWS_AS(inspect_backup(damaged), BackupError);   // the full look sees it
    const BackupInfo info = inspect_backup_header(damaged);  // the header alone is sound
    CHECK_FALSE(info.encrypted);
    CHECK_FALSE(info.legacy);

    auto store = Store::open_in_memory();
    const Diary before = store->load_diary();
    CHECK_THROWS_AS(restore_backup(*store, damaged, RestoreMode::Merge), BackupError);
    CHECK(store->load_diary() == before);   // nothing changed

    // A cut header is refused by both.
    const std::string cut = damaged.substr(0, 20);
    CHECK_THROWS_AS(inspect_backup_header(cut), BackupError);
    CHECK_THROWS_AS(inspect_backup(cut), BackupError);
}
