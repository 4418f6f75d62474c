// The backup envelope (see backup.hpp and docs/backup-format.md). Layout, all
// integers little-endian:
//
//   offset size  field
//        0    8  magic "NDBACKUP"
//        8    2  envelope format version (1)
//       10    2  flags: bit 0 = encrypted; no other bit is defined in version 1
//       12    1  payload format: 1 = the diary as cereal JSON (diary_to_json)
//       13    3  reserved, zero
//       16    8  payload length N: the bytes that follow the header
//   encrypted only (64 bytes):
//       24    1  key derivation: 2 = Argon2id v1.3 (crypto_pwhash_ALG_ARGON2ID13)
//       25    1  cipher: 1 = XChaCha20-Poly1305-IETF
//       26    6  reserved, zero
//       32    8  Argon2id opslimit
//       40    8  Argon2id memlimit (bytes)
//       48   16  salt
//       64   24  nonce
//   then:
//   24 | 88   32  SHA-256 of the header bytes before it followed by the payload
//   56 | 120   N  payload (ciphertext + 16-byte tag when encrypted; the header
//                 bytes before the checksum are the associated data)
#include "backup.hpp"

#include <sodium.h>

#include <array>
#include <cstring>
#include <stdexcept>

#include "atomic_file.hpp"
#include "merge.hpp"
#include "sha256.hpp"
#include "store.hpp"

namespace nd {

namespace {

constexpr std::size_t kFixedHeader = 24;
constexpr std::size_t kCryptoBlock = 64;
constexpr std::size_t kChecksumBytes = crypto_hash_sha256_BYTES;   // 32
constexpr std::size_t kSaltBytes = crypto_pwhash_SALTBYTES;       // 16
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;   // 24
constexpr std::size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;      // 32
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;        // 16
constexpr std::uint8_t kKdfArgon2id13 = 2;
constexpr std::uint8_t kCipherXChaCha20Poly1305 = 1;
static_assert(kSaltBytes == 16 && kNonceBytes == 24 && kChecksumBytes == 32 && Sha256::kDigestBytes == kChecksumBytes);
static_assert(crypto_pwhash_ALG_ARGON2ID13 == kKdfArgon2id13);

const char* const kNothingChanged = " Nothing was changed.";

[[noreturn]] void fail(BackupProblem p, const std::string& what) { throw BackupError(p, what + kNothingChanged); }

void ensure_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("The encryption library (libsodium) could not be started");
}

void put_u16(std::string& out, std::uint16_t v) {
    for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
std::uint64_t get_le(std::string_view b, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return v;
}
const unsigned char* uc(const char* p) { return reinterpret_cast<const unsigned char*>(p); }
unsigned char* uc(char* p) { return reinterpret_cast<unsigned char*>(p); }

// SHA-256 (sha256.hpp: the CPU's SHA instructions where it has them, libsodium
// otherwise; the same digest either way).
std::array<unsigned char, kChecksumBytes> checksum(std::string_view header_before_sum, std::string_view payload) {
    Sha256 h;
    h.update(header_before_sum);
    h.update(payload);
    return h.final();
}

// The key from the password; wiped by the destructor.
struct Key {
    std::array<unsigned char, kKeyBytes> bytes{};
    ~Key() { sodium_memzero(bytes.data(), bytes.size()); }
};

void derive_key(Key& key, const std::string& password, const unsigned char* salt, const KdfLimits& kdf) {
    if (crypto_pwhash(key.bytes.data(), key.bytes.size(), password.data(), password.size(), salt, kdf.opslimit,
                      static_cast<std::size_t>(kdf.memlimit), crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("Could not derive the key from the password (not enough memory: it needs " +
                                 std::to_string(kdf.memlimit / (1024 * 1024)) + " MiB)");
}

bool kdf_in_range(const KdfLimits& k) {
    return k.opslimit >= kMinKdfOps && k.opslimit <= kMaxKdfOps && k.memlimit >= kMinKdfMem &&
           k.memlimit <= kMaxKdfMem && k.opslimit >= crypto_pwhash_OPSLIMIT_MIN &&
           k.memlimit >= crypto_pwhash_MEMLIMIT_MIN;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The JSON text of a legacy backup (BOM and leading white space skipped), or
// nullopt when the bytes do not look like one.
std::optional<std::string_view> legacy_json(std::string_view bytes) {
    std::string_view s = bytes;
    if (starts_with(s, "\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t i = 0;
    while (i < s.size() && i < 4096 && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) ++i;
    if (i < s.size() && s[i] == '{') return s;
    return std::nullopt;
}

[[noreturn]] void not_a_backup(std::string_view bytes) {
    std::string what = "This file is not a Numbness Diary backup";
    if (bytes.empty()) what = "This file is empty; it is not a Numbness Diary backup";
    else if (starts_with(bytes, std::string_view("SQLite format 3\0", 16)))
        what += " (it is an SQLite database; a diary file is opened as the diary, not restored)";
    else if (starts_with(bytes, "%PDF")) what += " (it is a PDF)";
    else if (starts_with(bytes, "\xEF\xBB\xBF") || starts_with(bytes, "id,") || starts_with(bytes, "\"id\""))
        what += " (a CSV file is imported with the CSV import)";
    else what += " (it does not start with NDBACKUP, nor is it a JSON backup)";
    fail(BackupProblem::NotABackup, what + ".");
}

struct Envelope {
    BackupInfo info;
    std::size_t header_bytes = 0;   // up to and including the checksum
    std::string_view header_before_sum;
    std::string_view payload;
};

Envelope parse_envelope(std::string_view b, bool verify_sum = true) {
    Envelope env;
    if (b.size() < kFixedHeader)
        fail(BackupProblem::Truncated, "This backup is cut short: it ends inside its header (" +
                                           std::to_string(b.size()) + " bytes).");
    const auto version = static_cast<std::uint16_t>(get_le(b, 8, 2));
    const auto flags = static_cast<std::uint16_t>(get_le(b, 10, 2));
    if (version > kBackupFormatVersion)
        fail(BackupProblem::NewerVersion, "This backup was made by a newer version of Numbness Diary (backup format " +
                                              std::to_string(version) + "; this version reads up to " +
                                              std::to_string(kBackupFormatVersion) + "). Update the app to restore it.");
    if (version == 0) fail(BackupProblem::Damaged, "This backup is damaged (its format version is 0).");
    if ((flags & ~kBackupFlagEncrypted) != 0)
        fail(BackupProblem::NewerVersion, "This backup uses features this version does not know (flags " +
                                              std::to_string(flags) +
                                              "): it was made by a newer version of Numbness Diary, or it is damaged.");
    env.info.version = version;
    env.info.encrypted = (flags & kBackupFlagEncrypted) != 0;
    env.header_bytes = kFixedHeader + (env.info.encrypted ? kCryptoBlock : 0) + kChecksumBytes;
    if (b.size() < env.header_bytes)
        fail(BackupProblem::Truncated, "This backup is cut short: it ends inside its header (" +
                                           std::to_string(b.size()) + " bytes).");
    const std::uint64_t n = get_le(b, 16, 8);
    const std::uint64_t cap = kMaxBackupPayloadBytes + (env.info.encrypted ? kTagBytes : 0);
    if (n > cap)
        fail(BackupProblem::TooLarge, "This backup declares " + std::to_string(n) +
                                          " bytes of diary, more than the " + kMaxImportText +
                                          " a backup can hold: it is damaged or not a diary backup.");
    const std::uint64_t have = b.size() - env.header_bytes;
    if (have < n)
        fail(BackupProblem::Truncated, "This backup is cut short: it should hold " + std::to_string(n) +
                                           " bytes of diary, but only " + std::to_string(have) +
                                           " are there (an incomplete copy or download?).");
    if (have > n)
        fail(BackupProblem::TrailingData, "This backup has " + std::to_string(have - n) +
                                              " unexpected bytes after its end: it is damaged.");
    const std::size_t sum_at = env.header_bytes - kChecksumBytes;
    env.header_before_sum = b.substr(0, sum_at);
    env.payload = b.substr(env.header_bytes);
    if (verify_sum)
        if (const auto sum = checksum(env.header_before_sum, env.payload);
            sodium_memcmp(sum.data(), uc(b.data() + sum_at), kChecksumBytes) != 0)
            fail(BackupProblem::Damaged, "This backup is damaged: its checksum does not match its content.");
    // From here on the bytes are as written; what is unknown is from a newer app.
    if (b[12] != static_cast<char>(kBackupPayloadJson) || b[13] != 0 || b[14] != 0 || b[15] != 0)
        fail(BackupProblem::NewerVersion, "This backup stores the diary in a form this version does not know: "
                                          "it was made by a newer version of Numbness Diary.");
    env.info.payload_bytes = n;
    if (env.info.encrypted) {
        const std::string_view c = b.substr(kFixedHeader, kCryptoBlock);
        bool reserved_zero = true;
        for (std::size_t i = 2; i < 8; ++i) reserved_zero = reserved_zero && c[i] == 0;
        if (static_cast<std::uint8_t>(c[0]) != kKdfArgon2id13 ||
            static_cast<std::uint8_t>(c[1]) != kCipherXChaCha20Poly1305 || !reserved_zero)
            fail(BackupProblem::NewerVersion, "This backup is encrypted in a way this version does not know: it "
                                              "was made by a newer version of Numbness Diary.");
        env.info.kdf.opslimit = get_le(c, 8, 8);
        env.info.kdf.memlimit = get_le(c, 16, 8);
        if (!kdf_in_range(env.info.kdf))
            fail(BackupProblem::NewerVersion, "This backup's password settings are outside what this version "
                                              "accepts (Argon2id opslimit " + std::to_string(env.info.kdf.opslimit) +
                                              ", memlimit " + std::to_string(env.info.kdf.memlimit) + ").");
        if (n < kTagBytes) fail(BackupProblem::Truncated, "This encrypted backup is too short to hold a diary.");
    }
    return env;
}

Diary load_json(std::string_view json, const char* what) {
    try {
        return diary_from_json(json);
    } catch (const std::exception& e) {
        fail(BackupProblem::InvalidContent, std::string("The diary inside this ") + what + " cannot be read: " + e.what() + ".");
    }
}

}  // namespace

void write_backup(ByteSink& sink, const Diary& d, const BackupOptions& options) {
    ensure_sodium();
    std::string payload;
    {
        // A diary from the store is normalized already: no copy of it then.
        Diary copy;
        const Diary* src = &normalized_view(d, copy);
        try {
            validate(*src);
        } catch (const ImportError& e) {
            throw BackupError(BackupProblem::InvalidContent, std::string("The diary cannot be backed up: ") + e.what());
        }
        payload = diary_to_json(*src, JsonLayout::Compact);
    }   // any copy is gone before the payload is sealed and written
    if (payload.size() > kMaxBackupPayloadBytes)
        throw BackupError(BackupProblem::TooLarge,
                          std::string("The diary is larger than the ") + kMaxImportText + " a backup can hold.");
    const bool encrypt = options.password.has_value();
    if (encrypt && options.password->empty()) throw std::invalid_argument("The password is empty");
    if (encrypt && !kdf_in_range(options.kdf)) throw std::invalid_argument("Argon2id limits out of range");

    std::string out(kBackupMagic, sizeof kBackupMagic);
    put_u16(out, kBackupFormatVersion);
    put_u16(out, encrypt ? kBackupFlagEncrypted : 0);
    out.push_back(static_cast<char>(kBackupPayloadJson));
    out.append(3, '\0');
    put_u64(out, payload.size() + (encrypt ? kTagBytes : 0));
    if (encrypt) {
        out.push_back(static_cast<char>(kKdfArgon2id13));
        out.push_back(static_cast<char>(kCipherXChaCha20Poly1305));
        out.append(6, '\0');
        put_u64(out, options.kdf.opslimit);
        put_u64(out, options.kdf.memlimit);
        std::array<unsigned char, kSaltBytes + kNonceBytes> random{};
        randombytes_buf(random.data(), random.size());
        out.append(reinterpret_cast<const char*>(random.data()), random.size());

        const std::size_t header_before_sum = out.size();
        Key key;
        derive_key(key, *options.password, uc(out.data() + kFixedHeader + 24), options.kdf);
        std::string sealed(payload.size() + kTagBytes, '\0');
        unsigned long long sealed_len = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(uc(sealed.data()), &sealed_len, uc(payload.data()), payload.size(),
                                                   uc(out.data()), header_before_sum, nullptr,
                                                   uc(out.data() + kFixedHeader + 40), key.bytes.data());
        sodium_memzero(payload.data(), payload.size());
        std::string().swap(payload);
        sealed.resize(static_cast<std::size_t>(sealed_len));
        const auto sum = checksum(std::string_view(out).substr(0, header_before_sum), sealed);
        out.append(reinterpret_cast<const char*>(sum.data()), sum.size());
        sink.write(out);
        sink.write(sealed);
        return;
    }
    const auto sum = checksum(out, payload);
    out.append(reinterpret_cast<const char*>(sum.data()), sum.size());
    sink.write(out);
    sink.write(payload);
}

std::string write_backup(const Diary& d, const BackupOptions& options) {
    std::string out;
    StringSink sink(out);
    write_backup(sink, d, options);
    return out;
}

void write_backup_file(const std::string& path, const Diary& d, const BackupOptions& options) {
    AtomicFile file(path);   // removed again unless commit() is reached
    write_backup(file, d, options);
    file.commit();
}

namespace {
BackupInfo inspect(std::string_view bytes, bool verify_sum) {
    ensure_sodium();
    if (bytes.size() > kMaxBackupFileBytes)
        fail(BackupProblem::TooLarge, "This file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                                          " MiB, larger than a diary backup can be.");
    if (starts_with(bytes, std::string_view(kBackupMagic, sizeof kBackupMagic)))
        return parse_envelope(bytes, verify_sum).info;
    if (legacy_json(bytes)) {
        BackupInfo info;
        info.legacy = true;
        info.payload_bytes = bytes.size();
        return info;
    }
    not_a_backup(bytes);
}
}  // namespace

BackupInfo inspect_backup(std::string_view bytes) { return inspect(bytes, true); }

BackupInfo inspect_backup_header(std::string_view bytes) { return inspect(bytes, false); }

Diary read_backup(std::string_view bytes, const std::optional<std::string>& password, BackupInfo* info_out) {
    ensure_sodium();
    if (bytes.size() > kMaxBackupFileBytes)
        fail(BackupProblem::TooLarge, "This file is " + std::to_string(bytes.size() / (1024 * 1024)) +
                                          " MiB, larger than a diary backup can be.");
    if (!starts_with(bytes, std::string_view(kBackupMagic, sizeof kBackupMagic))) {
        const auto json = legacy_json(bytes);
        if (!json) not_a_backup(bytes);
        Diary d = load_json(*json, "backup");
        if (info_out) {
            *info_out = BackupInfo{};
            info_out->legacy = true;
            info_out->payload_bytes = bytes.size();
        }
        return d;
    }
    const Envelope env = parse_envelope(bytes);
    if (info_out) *info_out = env.info;
    if (!env.info.encrypted) return load_json(env.payload, "backup");

    if (!password || password->empty())
        fail(BackupProblem::PasswordNeeded, "This backup is protected with a password; give the password to restore it.");
    const std::string_view c = bytes.substr(kFixedHeader, kCryptoBlock);
    Key key;
    derive_key(key, *password, uc(c.data() + 24), env.info.kdf);
    std::string plain(env.payload.size() - kTagBytes, '\0');
    unsigned long long plain_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(uc(plain.data()), &plain_len, nullptr, uc(env.payload.data()),
                                                   env.payload.size(), uc(env.header_before_sum.data()),
                                                   env.header_before_sum.size(), uc(c.data() + 40),
                                                   key.bytes.data()) != 0)
        fail(BackupProblem::WrongPassword, "The password is wrong, or the file was damaged.");
    plain.resize(static_cast<std::size_t>(plain_len));
    struct Wipe {
        std::string& s;
        ~Wipe() { sodium_memzero(s.data(), s.size()); }
    } wipe{plain};
    return load_json(plain, "encrypted backup");
}

RestoreResult restore_backup(Store& store, std::string_view bytes, RestoreMode mode,
                             const std::optional<std::string>& password,
                             const std::function<void(const Diary& current)>& check_current) {
    // The slow part (the KDF, parsing) before the write lock is taken.
    Diary incoming = read_backup(bytes, password);
    // Read, merge and write in one transaction: a save made meanwhile by another
    // process is merged in or waits, never overwritten by a stale copy. The change
    // runs once: a replace hands the backup's diary over instead of copying it.
    Store::Update u = store.update_diary([&](const Diary& current) {
        if (check_current) check_current(current);
        return mode == RestoreMode::Merge ? merge(current, std::move(incoming)) : std::move(incoming);
    });
    return {std::move(u.before), std::move(u.after)};
}

}  // namespace nd
