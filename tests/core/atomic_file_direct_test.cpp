// AtomicFile past the page cache (O_DIRECT, core/atomic_file.hpp; issue #19): whole
// blocks from its aligned buffer go straight to the disk where the file system takes
// them, the last piece (not a whole block) through the cache; where direct writes are
// refused, everything goes through the cache. Either way the file holds exactly the
// bytes written, in pieces of any size.
#include <catch2/catch.hpp>

#include <sys/vfs.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "atomic_file.hpp"
#include "temp_dir.hpp"

using nd::AtomicFile;
using nd::test::TempDir;

namespace {

constexpr long kTmpfsMagic = 0x01021994;   // TMPFS_MAGIC (linux/magic.h)

bool on_tmpfs(const std::filesystem::path& dir) {
    struct statfs fs {};
    return ::statfs(dir.c_str(), &fs) == 0 && static_cast<long>(fs.f_type) == kTmpfsMagic;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Writes pieces of awkward sizes (one byte, a block less or more than 4096, the buffer's
// size give or take, several buffers) and returns what the file must hold.
std::string write_pieces(AtomicFile& f) {
    std::mt19937 rng(20261203u);
    std::string all;
    for (const std::size_t n : {std::size_t{1}, std::size_t{4095}, std::size_t{4097}, std::size_t{(1u << 20) - 3},
                                std::size_t{(1u << 20) + 5}, std::size_t{3u * (1u << 20) + 123}, std::size_t{7}}) {
        std::string piece(n, '\0');
        for (char& c : piece) c = static_cast<char>(rng());
        f.write(piece);
        all += piece;
    }
    return all;
}

}  // namespace

TEST_CASE("An atomic file written past the page cache holds exactly the bytes written", "[atomic_file]") {
    TempDir dir("direct");
    const std::string path = dir.file("big.bin");
    AtomicFile f(path);
    const std::string want = write_pieces(f);
    REQUIRE(want.size() % 4096 != 0);   // a last piece that is not a whole block
    // On a disk's file system (not tmpfs) the whole blocks went direct.
    if (!on_tmpfs(dir.dir)) CHECK(f.direct());
    f.commit();
    CHECK(slurp(path) == want);
    CHECK(std::filesystem::file_size(path) == want.size());
}

TEST_CASE("An atomic file on tmpfs holds exactly the bytes written, direct or not", "[atomic_file]") {
    // Kernels before 6.6 refuse O_DIRECT on tmpfs (the writes then go through the cache);
    // later ones take it. The file is right either way.
    const std::filesystem::path shm = "/dev/shm";
    if (!std::filesystem::is_directory(shm) || !on_tmpfs(shm)) {
        WARN("no tmpfs at /dev/shm: not tried here");
        return;
    }
    TempDir dir("direct", shm);
    const std::string path = dir.file("big.bin");
    AtomicFile f(path);
    const std::string want = write_pieces(f);
    f.commit();
    CHECK(slurp(path) == want);
}
