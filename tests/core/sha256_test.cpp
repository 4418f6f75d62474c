// The backup checksum's SHA-256 (core/sha256.hpp): OpenSSL's (the desktop build) and
// the portable one (libsodium) give the digests of the
// standard's test vectors (FIPS 180-2, appendix B, and the empty message), and the
// same digest as each other for every length around the block boundaries, however
// the bytes are split into update() calls.
#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>

#include "sha256.hpp"

using namespace nd;

namespace {

std::string hex(const Sha256::Digest& d) {
    std::string s;
    char b[3];
    for (unsigned char c : d) {
        std::snprintf(b, sizeof b, "%02x", c);
        s += b;
    }
    return s;
}

std::string digest(std::string_view bytes, bool portable, std::size_t chunk = 0) {
    Sha256::force_portable(portable);
    Sha256 h;
    Sha256::force_portable(false);
    if (chunk == 0) {
        h.update(bytes);
    } else {
        for (std::size_t at = 0; at < bytes.size(); at += chunk) h.update(bytes.substr(at, chunk));
    }
    return hex(h.final());
}

}  // namespace

TEST_CASE("SHA-256 gives the standard's test vectors on both paths") {
    INFO("OpenSSL in this build: " << Sha256::accelerated());
    for (bool portable : {false, true}) {
        INFO("portable " << portable);
        CHECK(digest("", portable) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(digest("abc", portable) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", portable) ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(digest(std::string(1000000, 'a'), portable, 997) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
}

TEST_CASE("SHA-256's OpenSSL and portable paths agree at every length and split") {
    std::mt19937 rng(19);
    std::string bytes(70000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    for (std::size_t n = 0; n <= 300; ++n) {
        const std::string_view s(bytes.data(), n);
        const std::string want = digest(s, true);
        REQUIRE(digest(s, false) == want);
        REQUIRE(digest(s, false, 1 + n % 67) == want);
    }
    for (std::size_t chunk : {1u, 63u, 64u, 65u, 4096u, 65536u})
        CHECK(digest(bytes, false, chunk) == digest(bytes, true));
}

// The desktop build loads OpenSSL's libcrypto when it first hashes (sha256.cpp):
// where the build asks for it, the accelerated path must really be there, not
// quietly the portable one because the library could not be loaded.
TEST_CASE("SHA-256 uses OpenSSL where the build asks for it") {
#ifdef ND_EXPECT_OPENSSL_SHA256
    CHECK(Sha256::accelerated());
#else
    CHECK_FALSE(Sha256::accelerated());
#endif
}
