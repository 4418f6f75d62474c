#include "sha256.hpp"

#include <sodium.h>

#include <atomic>
#include <new>
#include <stdexcept>

#ifdef ND_SHA256_OPENSSL
#include <openssl/evp.h>
#endif

namespace nd {

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::sodium_state_ is too small");

namespace {

std::atomic<bool> g_force_portable{false};

crypto_hash_sha256_state* sodium_of(unsigned char* p) { return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(p)); }

#ifdef ND_SHA256_OPENSSL
EVP_MD_CTX* evp_of(void* p) { return static_cast<EVP_MD_CTX*>(p); }
#endif

}  // namespace

bool Sha256::accelerated() {
#ifdef ND_SHA256_OPENSSL
    return !g_force_portable.load();
#else
    return false;
#endif
}

void Sha256::force_portable(bool on) { g_force_portable.store(on); }

Sha256::Sha256() {
#ifdef ND_SHA256_OPENSSL
    if (accelerated()) {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1) {
            EVP_MD_CTX_free(ctx);
            throw std::runtime_error("SHA-256 could not be started (OpenSSL)");
        }
        evp_ = ctx;
        return;
    }
#endif
    crypto_hash_sha256_init(new (sodium_state_) crypto_hash_sha256_state);
}

Sha256::~Sha256() {
#ifdef ND_SHA256_OPENSSL
    EVP_MD_CTX_free(evp_of(evp_));
#endif
}

void Sha256::update(const void* data, std::size_t n) {
#ifdef ND_SHA256_OPENSSL
    if (evp_) {
        if (EVP_DigestUpdate(evp_of(evp_), data, n) != 1) throw std::runtime_error("SHA-256 failed (OpenSSL)");
        return;
    }
#endif
    crypto_hash_sha256_update(sodium_of(sodium_state_), static_cast<const unsigned char*>(data), n);
}

Sha256::Digest Sha256::final() {
    Digest out{};
#ifdef ND_SHA256_OPENSSL
    if (evp_) {
        unsigned int len = 0;
        if (EVP_DigestFinal_ex(evp_of(evp_), out.data(), &len) != 1 || len != kDigestBytes)
            throw std::runtime_error("SHA-256 failed (OpenSSL)");
        return out;
    }
#endif
    crypto_hash_sha256_final(sodium_of(sodium_state_), out.data());
    return out;
}

}  // namespace nd
