#include "sha256.hpp"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <new>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define ND_SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

namespace nd {

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::sodium_state_ is too small");

namespace {

std::atomic<bool> g_force_portable{false};

#ifdef ND_SHA256_X86
bool cpu_has_sha() {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
    const bool ssse3 = (c & (1u << 9)) != 0, sse41 = (c & (1u << 19)) != 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return false;
    const bool sha = (b & (1u << 29)) != 0;
    return ssse3 && sse41 && sha;
}

alignas(16) constexpr std::uint32_t kK[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// The compression of `blocks` 64-byte blocks with the SHA extensions (Intel's
// documented use of sha256rnds2 / sha256msg1 / sha256msg2: the state kept as
// ABEF and CDGH, two rounds per rnds2, the message schedule four words at a time).
__attribute__((target("sha,sse4.1,ssse3"))) void compress_x86(std::uint32_t state[8], const unsigned char* p,
                                                               std::size_t blocks) {
    const __m128i kBswap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
    __m128i tmp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[0]));
    __m128i s1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(&state[4]));
    tmp = _mm_shuffle_epi32(tmp, 0xB1);          // CDAB
    s1 = _mm_shuffle_epi32(s1, 0x1B);            // EFGH
    __m128i s0 = _mm_alignr_epi8(tmp, s1, 8);    // ABEF
    s1 = _mm_blend_epi16(s1, tmp, 0xF0);         // CDGH
    for (; blocks > 0; --blocks, p += 64) {
        const __m128i abef = s0, cdgh = s1;
        __m128i w[4];
        for (int i = 0; i < 4; ++i)
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * i)), kBswap);
        for (int g = 0; g < 16; ++g) {   // rounds 4g .. 4g+3
            __m128i msg = _mm_add_epi32(w[g & 3], _mm_load_si128(reinterpret_cast<const __m128i*>(&kK[4 * g])));
            s1 = _mm_sha256rnds2_epu32(s1, s0, msg);
            if (g >= 3 && g < 15) {   // the words of group g+1
                const __m128i w7 = _mm_alignr_epi8(w[g & 3], w[(g - 1) & 3], 4);
                w[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(w[(g + 1) & 3], w7), w[g & 3]);
            }
            msg = _mm_shuffle_epi32(msg, 0x0E);
            s0 = _mm_sha256rnds2_epu32(s0, s1, msg);
            if (g >= 1 && g <= 12) w[(g - 1) & 3] = _mm_sha256msg1_epu32(w[(g - 1) & 3], w[g & 3]);
        }
        s0 = _mm_add_epi32(s0, abef);
        s1 = _mm_add_epi32(s1, cdgh);
    }
    tmp = _mm_shuffle_epi32(s0, 0x1B);           // FEBA
    s1 = _mm_shuffle_epi32(s1, 0xB1);            // DCHG
    s0 = _mm_blend_epi16(tmp, s1, 0xF0);         // DCBA
    s1 = _mm_alignr_epi8(s1, tmp, 8);            // HGFE
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[0]), s0);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(&state[4]), s1);
}

bool hw_available() {
    static const bool has = cpu_has_sha();
    return has;
}
#else
bool hw_available() { return false; }
void compress_x86(std::uint32_t*, const unsigned char*, std::size_t) {}
#endif

crypto_hash_sha256_state* sodium_of(unsigned char* p) { return reinterpret_cast<crypto_hash_sha256_state*>(p); }

}  // namespace

bool Sha256::hardware() { return hw_available() && !g_force_portable.load(); }
void Sha256::force_portable(bool on) { g_force_portable.store(on); }

Sha256::Sha256() : hw_(hardware()) {
    static constexpr std::uint32_t kInit[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::memcpy(state_, kInit, sizeof state_);
    if (!hw_) crypto_hash_sha256_init(new (sodium_state_) crypto_hash_sha256_state);
}

void Sha256::update(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    if (!hw_) {
        crypto_hash_sha256_update(sodium_of(sodium_state_), p, n);
        return;
    }
    total_ += n;
    if (used_ > 0) {
        const std::size_t take = std::min(n, sizeof buf_ - used_);
        std::memcpy(buf_ + used_, p, take);
        used_ += take;
        p += take;
        n -= take;
        if (used_ < sizeof buf_) return;
        compress_x86(state_, buf_, 1);
        used_ = 0;
    }
    if (n >= 64) {
        compress_x86(state_, p, n / 64);
        p += n / 64 * 64;
        n %= 64;
    }
    std::memcpy(buf_, p, n);
    used_ = n;
}

Sha256::Digest Sha256::final() {
    Digest out{};
    if (!hw_) {
        crypto_hash_sha256_final(sodium_of(sodium_state_), out.data());
        return out;
    }
    const std::uint64_t bits = total_ * 8;
    unsigned char pad[72] = {0x80};
    const std::size_t pad_len = (used_ < 56 ? 56 - used_ : 120 - used_);
    for (int i = 0; i < 8; ++i) pad[pad_len + static_cast<std::size_t>(i)] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    const std::uint64_t keep = total_;
    update(pad, pad_len + 8);
    total_ = keep;
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(4 * i + j)] = static_cast<unsigned char>(state_[i] >> (24 - 8 * j));
    return out;
}

}  // namespace nd
