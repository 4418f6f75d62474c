// How the structured fuzz targets turn libFuzzer's bytes into a file to read, shared
// with the normal suite's corpus replay (tests/reliability/hostile_test.cpp), so a
// crash input saved in tests/fuzz/corpus/<target>/ replays as the same file.
#pragma once

#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ndfuzz {

// fuzz_kdf: a backup envelope whose header the input chooses, with its checksum made
// right, so the fields behind the checksum (the Argon2id limits above all) are
// reached instead of every mutation stopping at "checksum does not match".
//   byte 0: bit 0 = set the declared length to the real payload length
//           bit 1 = keep the input's first 8 bytes as the magic (else "NDBACKUP")
//   bytes 1..88: the header before the checksum (24 fixed + 64 of the encrypted
//           block; zero-padded when shorter); the rest: the payload.
inline constexpr std::size_t kKdfHeaderBytes = 88;
inline std::string kdf_envelope(std::string_view in) {
    if (in.empty()) return {};
    const unsigned control = static_cast<unsigned char>(in[0]);
    in.remove_prefix(1);
    std::string header(in.substr(0, kKdfHeaderBytes));
    header.resize(kKdfHeaderBytes, '\0');
    const std::string_view payload = in.size() > kKdfHeaderBytes ? in.substr(kKdfHeaderBytes) : std::string_view();
    if (!(control & 2u)) header.replace(0, 8, "NDBACKUP");
    // Plain envelopes have a 24-byte header: the encrypted block is then payload.
    const bool encrypted = (static_cast<unsigned char>(header[10]) & 1u) != 0;
    std::string before_sum = encrypted ? header : header.substr(0, 24);
    std::string body = encrypted ? std::string(payload) : header.substr(24) + std::string(payload);
    if (control & 1u) {
        std::uint64_t n = body.size();
        for (int i = 0; i < 8; ++i) before_sum[16 + i] = static_cast<char>((n >> (8 * i)) & 0xff);
    }
    // SHA-256 of the header before the checksum followed by the payload (backup.cpp).
    unsigned char sum[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(before_sum.data()), before_sum.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(body.data()), body.size());
    crypto_hash_sha256_final(&st, sum);
    return before_sum + std::string(reinterpret_cast<const char*>(sum), sizeof sum) + body;
}

// fuzz_csv_header: the input is the header row (up to its first line break; a byte
// order mark may lead it), followed by a few fixed episode rows.
inline std::string csv_with_header(std::string_view in) {
    const std::size_t eol = in.find_first_of("\r\n");
    std::string csv(in.substr(0, eol));
    csv += "\r\n2026-03-01 08:30,4,left:toes,numbness\r\n2026-03-02 09:00,2,right:foot,tingling\r\n\"a, b\",,,\r\n";
    return csv;
}

}  // namespace ndfuzz
