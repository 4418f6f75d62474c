// Backup files: the full diary (its cereal JSON, see serialization.hpp) inside a
// small checked envelope, optionally sealed with a password. See
// docs/backup-format.md for the byte layout.
//
// - A damaged, truncated or foreign file is refused from the envelope alone
//   (magic, version, flags, declared length, SHA-256 checksum) before cereal
//   reads a byte of it.
// - Backups written before the envelope (the plain JSON of `numbness-diary-cli export`) still
//   read: a file starting with '{' (after an optional UTF-8 BOM and white space)
//   is read as such a legacy backup.
// - Without a password the bytes are deterministic: the same diary always gives
//   the same file (no clock, no randomness; the canonical record order).
// - With a password: Argon2id (libsodium crypto_pwhash, salt stored in the file)
//   derives a key, XChaCha20-Poly1305 seals the diary (the header is the
//   associated data). Salt and nonce are random, so two encrypted backups of the
//   same diary differ. There is no way back without the password.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"
#include "serialization.hpp"

namespace nd {

class Store;

// Why a backup could not be read. The app can branch on it (ask for a password,
// say the password is wrong, ...); what() is a sentence fit for a person that
// ends in "Nothing was changed."
enum class BackupProblem {
    NotABackup,        // neither an envelope nor a legacy JSON backup
    Truncated,         // shorter than its header declares
    TrailingData,      // longer than its header declares
    TooLarge,          // declares more than kMaxBackupPayloadBytes
    NewerVersion,      // format version or flags from a newer app
    Damaged,           // checksum mismatch
    PasswordNeeded,    // encrypted, and no password given
    WrongPassword,     // encrypted, and the password does not open it (or the file was damaged)
    InvalidContent,    // the diary inside does not load or does not pass validate()
};

struct BackupError : ImportError {
    BackupError(BackupProblem p, const std::string& what) : ImportError(what), problem(p) {}
    BackupProblem problem;
};

inline constexpr char kBackupMagic[8] = {'N', 'D', 'B', 'A', 'C', 'K', 'U', 'P'};
inline constexpr std::uint16_t kBackupFormatVersion = 1;
inline constexpr std::uint16_t kBackupFlagEncrypted = 1u << 0;
inline constexpr std::uint8_t kBackupPayloadJson = 1;   // the diary as diary_to_json
// The diary inside a backup can be at most this large (the same cap as the JSON import).
inline constexpr std::size_t kMaxBackupPayloadBytes = kMaxImportBytes;
// The whole backup file: payload, header and the encryption tag, with room to spare.
inline constexpr std::size_t kMaxBackupFileBytes = kMaxBackupPayloadBytes + 4096;

// Argon2id work factors. New backups use 3 passes over 64 MiB (a phone can
// afford it); tests may lower them. Limits read from a file are accepted within
// [kMin*, kMax*] only, checked before the KDF runs, and the maxima are the
// largest we have ever written: libsodium's "moderate" 3 passes and 256 MiB of
// the first encrypted backups (docs/backup-format.md: reading one of those is
// the documented exception to the 64 MB bound). So a forged file cannot make the
// reader allocate a gigabyte or spin for minutes.
struct KdfLimits {
    std::uint64_t opslimit = 3;
    std::uint64_t memlimit = 64u * 1024u * 1024u;
};
inline constexpr std::uint64_t kMinKdfOps = 1, kMaxKdfOps = 3;
inline constexpr std::uint64_t kMinKdfMem = 8u * 1024u, kMaxKdfMem = 256u * 1024u * 1024u;

struct BackupOptions {
    // Set (non-empty): the backup is encrypted with this password.
    std::optional<std::string> password;
    KdfLimits kdf;
};

// The backup file's bytes. Throws BackupError (InvalidContent) when the diary does
// not pass validate(), std::invalid_argument for an empty password or limits out
// of range, std::runtime_error when libsodium cannot be initialised.
std::string write_backup(const Diary& d, const BackupOptions& options = {});
// The same, written to `sink`; the diary's JSON is held once (the checksum,
// which precedes it, needs all of it), then written, never copied again.
class ByteSink;
void write_backup(ByteSink& sink, const Diary& d, const BackupOptions& options = {});
// write_backup into the file at `path`, atomically with mode 0600 (AtomicFile):
// a failure leaves no partial file. Throws FileError for the file.
void write_backup_file(const std::string& path, const Diary& d, const BackupOptions& options = {});

// What the envelope says, learnt without the password.
struct BackupInfo {
    bool legacy = false;           // plain JSON from before the envelope
    bool encrypted = false;
    std::uint16_t version = 0;     // envelope format version (0 for legacy)
    std::uint64_t payload_bytes = 0;   // stored bytes after the header (ciphertext when encrypted)
    KdfLimits kdf;                 // encrypted only
};

// Checks the envelope (magic, version, flags, length, checksum) without reading
// the diary; throws BackupError. Legacy JSON files are only recognised here, their
// content is checked by read_backup.
BackupInfo inspect_backup(std::string_view bytes);
// The same without the checksum (a SHA-256 of the whole payload: about 0.3 s of a
// 145 MB backup): for a caller that reads the backup right after with read_backup or
// restore_backup, which check it again anyway (the command line's restore).
BackupInfo inspect_backup_header(std::string_view bytes);

// Reads a backup (envelope, encrypted envelope or legacy JSON) and returns the
// validated diary; throws BackupError. `password` is needed for encrypted
// backups only (and ignored otherwise).
Diary read_backup(std::string_view bytes, const std::optional<std::string>& password = std::nullopt,
                  BackupInfo* info = nullptr);

// ---- Restore --------------------------------------------------------------------

enum class RestoreMode { Replace, Merge };

struct RestoreResult {
    Diary before;   // the diary as it was
    Diary after;    // as it is now
};

// Reads the backup and replaces the store's diary with it, or with
// merge(current, backup) (merge.hpp); one transaction, all or nothing: on any
// error (BackupError, StoreError) the diary is unchanged. The current diary is
// read inside that transaction (Store::update_diary), so a save made by another
// process at the same time is kept. `check_current`, when set, runs inside it
// too, on the diary as it is, and may throw to change nothing (e.g. "the diary
// is not empty").
RestoreResult restore_backup(Store& store, std::string_view bytes, RestoreMode mode,
                             const std::optional<std::string>& password = std::nullopt,
                             const std::function<void(const Diary& current)>& check_current = {});

}  // namespace nd
