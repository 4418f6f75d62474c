#include "sha256.hpp"

#include <sodium.h>

#include <atomic>
#include <new>
#include <stdexcept>

#ifdef ND_SHA256_OPENSSL
#include <dlfcn.h>
#include <openssl/evp.h>
#endif

namespace nd {

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::sodium_state_ is too small");

namespace {

std::atomic<bool> g_force_portable{false};

crypto_hash_sha256_state* sodium_of(unsigned char* p) { return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(p)); }

#ifdef ND_SHA256_OPENSSL
EVP_MD_CTX* evp_of(void* p) { return static_cast<EVP_MD_CTX*>(p); }

// libcrypto is loaded on the first hash, not linked: loading and relocating it
// costs every process that links it about 2.5 million instructions at start (a
// fifth of a `log` command's own work, issue 19), and only backups hash. Where it
// cannot be loaded, the portable path computes the same digest.
struct Crypto {
    decltype(&EVP_MD_CTX_new) ctx_new;
    decltype(&EVP_MD_CTX_free) ctx_free;
    decltype(&EVP_sha256) sha256;
    decltype(&EVP_DigestInit_ex) init;
    decltype(&EVP_DigestUpdate) update;
    decltype(&EVP_DigestFinal_ex) final;
};

template <class F>
bool load(void* lib, const char* name, F& f) {
    f = reinterpret_cast<F>(::dlsym(lib, name));
    return f != nullptr;
}

const Crypto* crypto() {
    static const Crypto* const loaded = []() -> const Crypto* {
        void* lib = ::dlopen(ND_LIBCRYPTO_SONAME, RTLD_NOW | RTLD_LOCAL);   // kept for the process's life
        if (!lib) return nullptr;
        static Crypto c{};
        const bool all = load(lib, "EVP_MD_CTX_new", c.ctx_new) && load(lib, "EVP_MD_CTX_free", c.ctx_free) &&
                         load(lib, "EVP_sha256", c.sha256) && load(lib, "EVP_DigestInit_ex", c.init) &&
                         load(lib, "EVP_DigestUpdate", c.update) && load(lib, "EVP_DigestFinal_ex", c.final);
        return all ? &c : nullptr;
    }();
    return loaded;
}
#endif

}  // namespace

bool Sha256::accelerated() {
#ifdef ND_SHA256_OPENSSL
    return !g_force_portable.load() && crypto() != nullptr;
#else
    return false;
#endif
}

void Sha256::force_portable(bool on) { g_force_portable.store(on); }

Sha256::Sha256() {
#ifdef ND_SHA256_OPENSSL
    if (accelerated()) {
        const Crypto& c = *crypto();
        EVP_MD_CTX* ctx = c.ctx_new();
        if (!ctx || c.init(ctx, c.sha256(), nullptr) != 1) {
            c.ctx_free(ctx);
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
    if (evp_) crypto()->ctx_free(evp_of(evp_));
#endif
}

void Sha256::update(const void* data, std::size_t n) {
#ifdef ND_SHA256_OPENSSL
    if (evp_) {
        if (crypto()->update(evp_of(evp_), data, n) != 1) throw std::runtime_error("SHA-256 failed (OpenSSL)");
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
        if (crypto()->final(evp_of(evp_), out.data(), &len) != 1 || len != kDigestBytes)
            throw std::runtime_error("SHA-256 failed (OpenSSL)");
        return out;
    }
#endif
    crypto_hash_sha256_final(sodium_of(sodium_state_), out.data());
    return out;
}

}  // namespace nd
