// The SHA-256 of bytes as lower-case hex (libsodium), for tests that pin an
// export's exact bytes by digest (the streamed CSV, the FHIR bundles).
#pragma once

#include <sodium.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace nd::test {

inline std::string sha256_hex(std::string_view bytes) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium did not start");
    unsigned char sum[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(sum, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned char c : sum) {
        hex += kDigits[c >> 4];
        hex += kDigits[c & 15];
    }
    return hex;
}

}  // namespace nd::test
