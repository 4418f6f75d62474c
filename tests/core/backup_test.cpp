// The backup envelope: byte-identical round trips, refusal of damaged, truncated
// and foreign files before cereal reads them, legacy JSON backups, password
// protection, and restore (replace / merge) through the store.
#include <catch2/catch.hpp>

#include <sodium.h>

#include <fstream>
#include <iterator>
#include <string>

#include "backup.hpp"
#include "demo_diary.hpp"
#include "merge.hpp"
#include "sample_diary.hpp"
#include "serialization.hpp"
#include "store.hpp"
#include "temp_dir.hpp"

using namespace nd;

namespace {

// Fast Argon2id limits for tests (the defaults take about a second each).
BackupOptions with_password(const std::string& pw) {
    BackupOptions o;
    o.password = pw;
    o.kdf.opslimit = 1;
    o.kdf.memlimit = 64u * 1024u;
    return o;
}

BackupProblem problem_of(std::string_view bytes, const std::optional<std::string>& pw = std::nullopt) {
    try {
        (void)read_backup(bytes, pw);
    } catch (const BackupError& e) {
        CHECK(std::string(e.what()).find("Nothing was changed.") != std::string::npos);
        return e.problem;
    }
    FAIL("the backup was read");
    return BackupProblem::InvalidContent;
}

std::string message_of(std::string_view bytes, const std::optional<std::string>& pw = std::nullopt) {
    try {
        (void)read_backup(bytes, pw);
    } catch (const BackupError& e) {
        return e.what();
    }
    return "";
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

void set_le64(std::string& b, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// Recomputes the envelope's SHA-256, as a forger would after changing the header.
void fix_checksum(std::string& b) {
    const std::size_t header = (b[10] & 1) ? 120 : 56;
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.data()), header - 32);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.data() + header), b.size() - header);
    crypto_hash_sha256_final(&st, reinterpret_cast<unsigned char*>(b.data() + header - 32));
}

}  // namespace

TEST_CASE("Backup round trip through a store gives identical bytes") {
    const Diary d = test::sample_diary();
    const std::string a = write_backup(d);
    REQUIRE(a.substr(0, 8) == "NDBACKUP");
    CHECK(write_backup(d) == a);   // no clock, no randomness

    auto store = Store::open_in_memory();
    restore_backup(*store, a, RestoreMode::Replace);
    CHECK(store->load_diary() == d);
    CHECK(write_backup(store->load_diary()) == a);

    const BackupInfo info = inspect_backup(a);
    CHECK_FALSE(info.legacy);
    CHECK_FALSE(info.encrypted);
    CHECK(info.version == kBackupFormatVersion);
    CHECK(info.payload_bytes == diary_to_json(d, JsonLayout::Compact).size());
    CHECK(a.size() == 56 + info.payload_bytes);
}

TEST_CASE("Backup of a generated diary round trips byte for byte") {
    const Diary d = make_generated_diary(300, 5, test::kSampleNow);
    const std::string a = write_backup(d);
    const Diary back = read_backup(a);
    CHECK(back == d);
    CHECK(write_backup(back) == a);
}

TEST_CASE("Backup with any single damaged byte is rejected with a message") {
    const std::string good = write_backup(test::sample_diary());
    // Every header byte and a spread of payload bytes.
    for (std::size_t i = 0; i < good.size(); i += (i < 64 ? 1 : 97)) {
        std::string bad = good;
        bad[i] = static_cast<char>(bad[i] ^ 0x20);
        INFO("byte " << i);
        try {
            (void)read_backup(bad);
            FAIL("a damaged backup was read");
        } catch (const BackupError& e) {
            CHECK(has(e.what(), "Nothing was changed."));
        }
    }
    std::string bad = good;
    bad[200] = static_cast<char>(bad[200] ^ 1);
    CHECK(problem_of(bad) == BackupProblem::Damaged);
    CHECK(has(message_of(bad), "damaged: its checksum does not match"));
}

TEST_CASE("Backup cut short or with bytes appended is rejected") {
    const std::string good = write_backup(test::sample_diary());
    for (std::size_t n : {std::size_t{0}, std::size_t{5}, std::size_t{8}, std::size_t{20}, std::size_t{40},
                          std::size_t{56}, good.size() / 2, good.size() - 1}) {
        INFO("length " << n);
        const auto p = problem_of(good.substr(0, n));
        CHECK((p == BackupProblem::Truncated || p == BackupProblem::NotABackup));
    }
    CHECK(problem_of(good.substr(0, good.size() / 2)) == BackupProblem::Truncated);
    CHECK(has(message_of(good.substr(0, good.size() - 1)), "cut short"));
    CHECK(problem_of(good + "x") == BackupProblem::TrailingData);
}

TEST_CASE("Backup declaring a huge length is rejected before reading") {
    std::string bad = write_backup(test::sample_diary());
    set_le64(bad, 16, std::uint64_t{1} << 62);
    CHECK(problem_of(bad) == BackupProblem::TooLarge);
    CHECK(has(message_of(bad), "more than the 1 GiB"));
    set_le64(bad, 16, kMaxBackupPayloadBytes + 1);
    CHECK(problem_of(bad) == BackupProblem::TooLarge);
}

TEST_CASE("Backup from a newer format version or with unknown flags is refused") {
    std::string v2 = write_backup(test::sample_diary());
    v2[8] = 2;
    CHECK(problem_of(v2) == BackupProblem::NewerVersion);
    CHECK(has(message_of(v2), "newer version"));
    std::string flags = write_backup(test::sample_diary());
    flags[11] = 0x10;
    CHECK(problem_of(flags) == BackupProblem::NewerVersion);
}

TEST_CASE("Foreign files are rejected as not a backup") {
    CHECK(problem_of("") == BackupProblem::NotABackup);
    CHECK(problem_of(std::string("SQLite format 3\0 and more", 26)) == BackupProblem::NotABackup);
    CHECK(has(message_of(std::string("SQLite format 3\0 and more", 26)), "SQLite database"));
    CHECK(problem_of("%PDF-1.5\n...") == BackupProblem::NotABackup);
    CHECK(problem_of("id,start,duration_min\r\n") == BackupProblem::NotABackup);
    CHECK(problem_of(std::string(1000, '\0')) == BackupProblem::NotABackup);
    CHECK(has(message_of("hello"), "not a Numbness Diary backup"));
    // JSON that is not a diary: recognised as a legacy backup, refused by its content.
    CHECK(problem_of("{\"something\": 1}") == BackupProblem::InvalidContent);
    CHECK(problem_of("[[[[[[[[[[") == BackupProblem::NotABackup);
}

TEST_CASE("Legacy plain JSON backups from before the envelope still import") {
    const Diary d = test::sample_diary();
    const std::string legacy = diary_to_json(d);
    BackupInfo info;
    CHECK(read_backup(legacy, std::nullopt, &info) == d);
    CHECK(info.legacy);
    CHECK(inspect_backup(legacy).legacy);
    CHECK(read_backup("\xEF\xBB\xBF\n  " + legacy) == d);   // BOM and white space before it
    // Damaged legacy JSON: refused with the reason, as before.
    const auto p = problem_of(legacy.substr(0, legacy.size() / 2));
    CHECK(p == BackupProblem::InvalidContent);
    CHECK(has(message_of(legacy.substr(0, legacy.size() / 2)), "cannot be read"));
    // And a restore of it writes the same envelope as a backup of the diary.
    auto store = Store::open_in_memory();
    restore_backup(*store, legacy, RestoreMode::Replace);
    CHECK(write_backup(store->load_diary()) == write_backup(d));
}

TEST_CASE("Encrypted backup round trips with the password") {
    const Diary d = test::sample_diary();
    const std::string a = write_backup(d, with_password("correct horse battery staple"));
    REQUIRE(a.substr(0, 8) == "NDBACKUP");
    CHECK(a.find("Anna") == std::string::npos);          // nothing readable inside
    CHECK(a.find("cereal_class_version") == std::string::npos);
    const BackupInfo info = inspect_backup(a);
    CHECK(info.encrypted);
    CHECK(info.kdf.opslimit == 1);
    CHECK(info.kdf.memlimit == 64u * 1024u);
    CHECK(read_backup(a, std::string("correct horse battery staple")) == d);
    // Random salt and nonce: a second backup differs, and opens too.
    const std::string b = write_backup(d, with_password("correct horse battery staple"));
    CHECK(b != a);
    CHECK(read_backup(b, std::string("correct horse battery staple")) == d);
}

TEST_CASE("Encrypted backup with the default Argon2id limits opens") {
    BackupOptions o;
    o.password = "pässwörd";
    const std::string a = write_backup(test::sample_diary(), o);
    CHECK(inspect_backup(a).kdf.memlimit == 64u * 1024u * 1024u);   // new backups: 64 MiB
    CHECK(inspect_backup(a).kdf.opslimit == 3);
    CHECK(read_backup(a, std::string("pässwörd")) == test::sample_diary());
}

TEST_CASE("The reader accepts Argon2id limits up to the largest ever written and refuses more before deriving") {
    // The first encrypted backups used libsodium's "moderate" limits: 3 passes, 256 MiB.
    BackupOptions old = with_password("pässwörd");
    old.kdf = {3, 256u * 1024u * 1024u};
    const std::string a = write_backup(test::sample_diary(), old);
    CHECK(read_backup(a, std::string("pässwörd")) == test::sample_diary());
    for (const KdfLimits more : {KdfLimits{3, 256u * 1024u * 1024u + 1024u}, KdfLimits{4, 64u * 1024u * 1024u}}) {
        std::string forged = a;
        set_le64(forged, 32, more.opslimit);
        set_le64(forged, 40, more.memlimit);
        fix_checksum(forged);
        CHECK(problem_of(forged, std::string("pässwörd")) == BackupProblem::NewerVersion);
    }
}

TEST_CASE("Encrypted backup with a wrong or missing password fails cleanly") {
    const Diary d = test::sample_diary();
    const std::string a = write_backup(d, with_password("secret"));
    CHECK(problem_of(a, std::string("Secret")) == BackupProblem::WrongPassword);
    CHECK(message_of(a, std::string("Secret")) == "The password is wrong, or the file was damaged. Nothing was changed.");
    CHECK(problem_of(a) == BackupProblem::PasswordNeeded);
    CHECK(problem_of(a, std::string()) == BackupProblem::PasswordNeeded);

    // Nothing changes in the store.
    auto store = Store::open_in_memory();
    store->replace_diary(make_generated_diary(20, 1, test::kSampleNow));
    const Diary before = store->load_diary();
    CHECK_THROWS_AS(restore_backup(*store, a, RestoreMode::Replace, std::string("wrong")), BackupError);
    CHECK(store->load_diary() == before);

    // A changed header byte with a fixed-up checksum: the header is the cipher's
    // associated data, so the right password does not open it either.
    std::string forged = a;
    forged[30] = static_cast<char>(forged[30] ^ 1);   // reserved byte of the crypto block
    fix_checksum(forged);
    CHECK(problem_of(forged, std::string("secret")) == BackupProblem::NewerVersion);
    forged = a;
    forged[50] = static_cast<char>(forged[50] ^ 1);   // salt
    fix_checksum(forged);
    CHECK(problem_of(forged, std::string("secret")) == BackupProblem::WrongPassword);
    forged = a;
    forged[33] = static_cast<char>(forged[33] ^ 1);   // opslimit 1 -> 1 + 256: out of range
    fix_checksum(forged);
    CHECK(problem_of(forged, std::string("secret")) == BackupProblem::NewerVersion);
    forged = a;
    forged[32] = 2;   // opslimit 2: in range, but not what the key was made with
    fix_checksum(forged);
    CHECK(problem_of(forged, std::string("secret")) == BackupProblem::WrongPassword);
}

TEST_CASE("Encrypted backup with hostile Argon2id limits is refused before deriving") {
    std::string a = write_backup(test::sample_diary(), with_password("secret"));
    set_le64(a, 40, std::uint64_t{64} << 30);   // 64 GiB of memory
    CHECK(problem_of(a, std::string("secret")) == BackupProblem::Damaged);
    fix_checksum(a);
    CHECK(problem_of(a, std::string("secret")) == BackupProblem::NewerVersion);
    CHECK(has(message_of(a, std::string("secret")), "memlimit"));
    BackupOptions o = with_password("x");
    o.kdf.memlimit = std::uint64_t{64} << 30;
    CHECK_THROWS_AS(write_backup(test::sample_diary(), o), std::invalid_argument);
}

TEST_CASE("Restore merges into the store or replaces it, all or nothing") {
    const std::int64_t now = test::kSampleNow;
    auto store = Store::open_in_memory();
    store->set_clock([&] { return now; });
    Episode mine;
    mine.start = {now - 3600, 60};
    mine.regions = {{Region::Toes, Side::Left}};
    mine = store->add_episode(mine);
    const Diary current = store->load_diary();

    const Diary other = test::sample_diary();
    const std::string backup = write_backup(other);

    const RestoreResult merged = restore_backup(*store, backup, RestoreMode::Merge);
    CHECK(merged.before == current);
    CHECK(merged.after == merge(current, other));
    CHECK(store->load_diary() == merged.after);
    CHECK(store->episode(mine.id).has_value());
    CHECK(merged.after.episodes.size() == other.episodes.size() + 1);
    const DiaryChanges ch = diff_diaries(merged.before, merged.after);
    CHECK(ch.added == 5);   // 2 episodes, 1 check-in, 1 fact, 1 medicine not in the bin
    CHECK(ch.removed == 0);

    restore_backup(*store, backup, RestoreMode::Replace);
    CHECK(store->load_diary() == other);

    // A damaged file changes nothing.
    std::string bad = backup;
    bad[300] = static_cast<char>(bad[300] ^ 4);
    const Diary before = store->load_diary();
    CHECK_THROWS_AS(restore_backup(*store, bad, RestoreMode::Replace), BackupError);
    CHECK(store->load_diary() == before);
}

// Backups made before the payload became compact JSON hold the indented JSON of
// `export`: the envelope is the same, so they restore unchanged. The file is made
// here as those versions wrote it (the header of version 1, the indented JSON, the
// SHA-256 of both).
TEST_CASE("Backups with the indented payload of earlier versions still restore") {
    const Diary d = make_generated_diary(120, 7, test::kSampleNow);
    const std::string now = write_backup(d);
    const std::string indented = diary_to_json(d);
    const std::string compact = diary_to_json(d, JsonLayout::Compact);
    REQUIRE(now.substr(56) == compact);   // new backups carry the compact form
    CHECK(compact.size() * 10 < indented.size() * 7);
    CHECK(compact.find("\n  ") == std::string::npos);

    std::string old = now.substr(0, 24);
    for (int i = 0; i < 8; ++i) old[16 + i] = static_cast<char>((indented.size() >> (8 * i)) & 0xff);
    unsigned char sum[crypto_hash_sha256_BYTES];
    const std::string signed_part = old + indented;
    crypto_hash_sha256(sum, reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size());
    old.append(reinterpret_cast<const char*>(sum), sizeof sum);
    old += indented;

    CHECK(read_backup(old) == d);
    auto store = Store::open_in_memory();
    restore_backup(*store, old, RestoreMode::Replace);
    CHECK(store->load_diary() == d);
    // And a backup of it now is the compact one.
    CHECK(write_backup(store->load_diary()) == now);
}

namespace {
std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

// Merging a diary's own backup back into it (the benchmark's restore --merge)
// writes no row: the file and its write-ahead log keep every byte. A merge that
// does change a record writes (so the check can see a write).
TEST_CASE("Restore --merge of the diary's own backup writes nothing to the file") {
    test::TempDir tmp("merge-same");
    const std::string path = tmp.file("diary.sqlite");
    const std::int64_t now = test::kSampleNow;
    Diary d = make_generated_diary(300, 7, now);
    {
        auto store = Store::open(path);
        store->replace_diary(d);
    }
    auto store = Store::open(path);
    d = store->load_diary();
    const std::string backup = write_backup(d);
    const std::string db_before = file_bytes(path), wal_before = file_bytes(path + "-wal");

    const RestoreResult r = restore_backup(*store, backup, RestoreMode::Merge);
    CHECK(r.after == r.before);
    CHECK(r.after == d);
    CHECK_FALSE(diff_diaries(r.before, r.after).any());
    CHECK(file_bytes(path) == db_before);
    CHECK(file_bytes(path + "-wal") == wal_before);

    // One episode edited later in the backup: that one is written.
    Diary newer = d;
    newer.episodes[5].note = "edited on the other device";
    newer.episodes[5].updated_utc = now + 60;
    const RestoreResult r2 = restore_backup(*store, write_backup(newer), RestoreMode::Merge);
    CHECK(diff_diaries(r2.before, r2.after).changed == 1);
    CHECK(store->load_diary() == newer);
    // (Overwritten content is checkpointed out of the log: the change may be in
    // either file.)
    CHECK(file_bytes(path) + file_bytes(path + "-wal") != db_before + wal_before);
}
