#include "store_schema_fingerprint.hpp"

#include <sodium.h>

#include <cstdio>
#include <iterator>

namespace nd::store_detail {

namespace {

void add(crypto_hash_sha256_state& st, const std::string& field) {
    const std::string len = std::to_string(field.size()) + ":";
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(len.data()), len.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

struct Known {
    int version;
    const char* sha256;
};

// One line per schema version (store_schema.cpp's kMigrations). A new migration
// adds its line: store_schema_fingerprint_test prints the value when it is missing.
constexpr Known kKnown[] = {
    {1, "1c93f82a1dba98338074d2e87e348732ca44bb668ec7d67d112f463c5cb897ce"},
    {2, "b16edc5a897c996b9372b89216e0a69e07e3f704c6c9c74f4a2244b6c9406312"},
    {3, "2738330947dc6452d0712541a4687d016511e86835092cde57b40b38f82f6504"},
    {4, "c48780969a418850f58a4cfa824abbf0c38e59db0a2aa71778eba96b7e4bbecf"},
    {5, "b1afddcf5e152c81ccbcf3303b035481bdaac3675fbba11dd65add3fc34e2b3a"},
};

}  // namespace

std::string schema_fingerprint(const SchemaObjects& objects) {
    // libsodium's SHA-256, not sha256.hpp's OpenSSL path: a few kilobytes, where
    // starting OpenSSL would cost more than the hashing (the web build has it too).
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    for (const auto& [type, named] : objects)
        for (const auto& [name, what] : named) {
            add(st, type);
            add(st, name);
            add(st, std::get<0>(what));
            add(st, std::get<1>(what));
        }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, digest);
    std::string hex;
    hex.reserve(2 * sizeof digest);
    for (const unsigned char b : digest) {
        char buf[3];
        std::snprintf(buf, sizeof buf, "%02x", b);
        hex += buf;
    }
    return hex;
}

const char* known_schema_fingerprint(int version) {
    for (const auto& k : kKnown)
        if (k.version == version) return k.sha256;
    return nullptr;
}

}  // namespace nd::store_detail
