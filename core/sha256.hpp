// SHA-256 of a backup's payload (the envelope's checksum, docs/backup-format.md).
//
// libsodium's SHA-256 is portable C: about 0.3 s for the 145 MB backup of a
// 100k-episode diary, a seventh of a restore. Where the CPU has the SHA
// extensions (x86-64 SHA-NI: most CPUs since 2017-2019), the compression runs on
// them, several times faster; elsewhere (and in the web build) it is libsodium's.
// Same bytes in, same digest out: tests/core/sha256_test.cpp compares both with
// libsodium and with the standard's test vectors.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nd {

class Sha256 {
public:
    static constexpr std::size_t kDigestBytes = 32;
    using Digest = std::array<unsigned char, kDigestBytes>;

    Sha256();
    void update(const void* data, std::size_t n);
    void update(std::string_view s) { update(s.data(), s.size()); }
    Digest final();

    // Whether the hardware path is in use on this machine (reported by the benchmark).
    static bool hardware();
    // Tests: force the portable path (libsodium) for the hashers made afterwards.
    static void force_portable(bool on);

private:
    bool hw_;
    std::uint32_t state_[8];
    unsigned char buf_[64];
    std::size_t used_ = 0;
    std::uint64_t total_ = 0;
    alignas(64) unsigned char sodium_state_[128];   // crypto_hash_sha256_state when !hw_
};

}  // namespace nd
