// Bounded memory on hostile files (issue 17): each file is read in a child
// process and the child's peak resident memory (getrusage, ru_maxrss) must stay
// under 64 MB, except reading an old 256 MiB password backup, the documented
// exception (docs/backup-format.md: its limit + 32 MB). Skipped under ASan,
// whose shadow memory makes the figures meaningless. Times are not asserted
// (benchmarks own them); a generous guard catches a hang.
#include <catch2/catch.hpp>

#include <sodium.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "backup.hpp"
#include "csv_export.hpp"
#include "rel_util.hpp"
#include "workload.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define ND_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ND_UNDER_ASAN 1
#endif
#endif

using namespace ndrel;

namespace {

constexpr long kBoundKb = 64 * 1024;

struct ChildRun {
    long peak_kb = -1;
    int exit_code = -1;
};

// Runs `f` in a forked child; exit code 0 when f returned true.
ChildRun in_child(const std::function<bool()>& f) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::alarm(120);   // the hang guard
        bool ok = false;
        try {
            ok = f();
        } catch (...) {
            ok = false;
        }
        ::_exit(ok ? 0 : 1);
    }
    int status = 0;
    rusage ru{};
    ::wait4(pid, &status, 0, &ru);
    return {ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

// The baseline: a child that does nothing (the test process's own pages).
long baseline_kb() { return in_child([] { return true; }).peak_kb; }

void recompute_checksum(std::string& b) {
    // Encrypted envelope: 24-byte fixed header, 64-byte crypto block, then the
    // SHA-256 of both and of the payload (docs/backup-format.md).
    const std::size_t sum_at = 24 + 64;
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.data()), sum_at);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(b.data()) + sum_at + 32,
                              b.size() - sum_at - 32);
    crypto_hash_sha256_final(&st, reinterpret_cast<unsigned char*>(b.data()) + sum_at);
}

void set_le64(std::string& b, std::size_t at, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

bool refused(const std::string& bytes, nd::BackupProblem want) {
    try {
        nd::read_backup(bytes, std::string("secret"));
    } catch (const nd::BackupError& e) {
        return e.problem == want;
    }
    return false;
}

}  // namespace

TEST_CASE("Memory: a forged password backup asking for 1 GiB of Argon2id is refused in under 64 MB",
          "[hostile][memory]") {
#ifdef ND_UNDER_ASAN
    WARN("under AddressSanitizer: memory bounds not measured");
    return;
#endif
    REQUIRE(sodium_init() >= 0);
    nd::BackupOptions o;
    o.password = "secret";
    o.kdf = {1, 64u * 1024u};
    std::string forged = nd::write_backup(import_diary(0), o);   // about 2 KB per episode, small
    set_le64(forged, 24 + 8, 3);                  // opslimit
    set_le64(forged, 24 + 16, 1024ull << 20);     // memlimit: 1 GiB
    recompute_checksum(forged);
    const long base = baseline_kb();
    const ChildRun r = in_child([&] { return refused(forged, nd::BackupProblem::NewerVersion); });
    INFO("peak " << r.peak_kb << " KB (baseline " << base << " KB)");
    CHECK(r.exit_code == 0);
    CHECK(r.peak_kb < kBoundKb);
}

TEST_CASE("Memory: an old 256 MiB password backup reads within its limit + 32 MB", "[hostile][memory]") {
#ifdef ND_UNDER_ASAN
    WARN("under AddressSanitizer: memory bounds not measured");
    return;
#endif
    nd::BackupOptions o;
    o.password = "secret";
    o.kdf = {3, 256u * 1024u * 1024u};   // what the first encrypted backups used
    const nd::Diary d = import_diary(1);
    const std::string old = nd::write_backup(d, o);
    const ChildRun r = in_child([&] { return nd::read_backup(old, std::string("secret")) == d; });
    INFO("peak " << r.peak_kb << " KB");
    CHECK(r.exit_code == 0);
    CHECK(r.peak_kb < (256 + 32) * 1024);
    // And a new one: 64 MiB of Argon2id, so within... its limit + the same margin.
    nd::BackupOptions now;
    now.password = "secret";
    const std::string fresh = nd::write_backup(d, now);
    const ChildRun r2 = in_child([&] { return nd::read_backup(fresh, std::string("secret")) == d; });
    INFO("peak " << r2.peak_kb << " KB");
    CHECK(r2.exit_code == 0);
    CHECK(r2.peak_kb < (64 + 32) * 1024);
}

TEST_CASE("Memory: a CSV with a million columns is refused in under 64 MB with capped errors", "[hostile][memory]") {
#ifdef ND_UNDER_ASAN
    WARN("under AddressSanitizer: memory bounds not measured");
    return;
#endif
    std::string csv = "start";
    csv.reserve(9'000'000);
    for (int i = 0; i < 1'000'000; ++i) csv += ",c" + std::to_string(i % 1000);   // about 6 MB
    csv += "\n2026-01-01 08:00";
    for (int i = 0; i < 1'000'000; ++i) csv += ",";
    csv += "\n";
    const ChildRun r = in_child([&] {
        const nd::CsvImportResult res = nd::csv_to_episodes(csv);
        return !res.ok() && res.problems.size() <= nd::CsvImportOptions{}.max_errors &&
               nd::format_problems(res).size() < 100'000;
    });
    INFO("peak " << r.peak_kb << " KB");
    CHECK(r.exit_code == 0);
    CHECK(r.peak_kb < kBoundKb);
}
