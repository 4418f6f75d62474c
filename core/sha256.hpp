// SHA-256 of a backup's payload (the envelope's checksum, docs/backup-format.md).
//
// libsodium's SHA-256 is portable C: about 0.3 s for the backup of a 100k-episode
// diary, a seventh of a restore. OpenSSL's libcrypto computes the same digest on the
// CPU's SHA extensions (or AVX2) where it has them, several times faster: a vetted
// library rather than our own intrinsics. The desktop build uses it (CMake option
// ND_SHA256_OPENSSL, on by default), loading libcrypto on the first hash rather than
// at every start (sha256.cpp); the web build has no OpenSSL and uses libsodium.
// Same bytes in, same digest out: tests/core/sha256_test.cpp compares both with the
// standard's test vectors and with each other.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace nd {

class Sha256 {
public:
    static constexpr std::size_t kDigestBytes = 32;
    using Digest = std::array<unsigned char, kDigestBytes>;

    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, std::size_t n);
    void update(std::string_view s) { update(s.data(), s.size()); }
    Digest final();

    // Whether this build computes with OpenSSL (reported by the tests and benchmark).
    static bool accelerated();
    // Tests: force the portable path (libsodium) for the hashers made afterwards.
    static void force_portable(bool on);

private:
    void* evp_ = nullptr;                            // EVP_MD_CTX* when OpenSSL computes
    alignas(64) unsigned char sodium_state_[128];    // crypto_hash_sha256_state otherwise
};

}  // namespace nd
