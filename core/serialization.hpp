// cereal serialization of every diary type (JSON and portable binary), with a
// class version on each so that files written by older versions still load.
// Import functions validate every value after loading (cereal trusts its input)
// and throw ImportError with a clear message; they never return a half-read diary.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model.hpp"

namespace nd {

struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The full diary as a cereal JSON backup (deterministic: same diary, same bytes).
// Indented: what `numbness-diary-cli export` writes for a person to read. Compact:
// the same JSON without white space between tokens, the payload of a backup file
// (about half the bytes of the indented form, so half to hash, write and parse;
// every reader of either form reads both).
enum class JsonLayout { Indented, Compact };
std::string diary_to_json(const Diary& d, JsonLayout layout = JsonLayout::Indented);
Diary diary_from_json(std::string_view json);
std::string diary_to_binary(const Diary& d);
Diary diary_from_binary(std::string_view bytes);

// Checks every value of a loaded diary (ranges, enums, dates, UUIDs, UTF-8);
// throws ImportError naming the record and field. Also: ids unique across the
// whole diary (records and tombstones), at most one check-in per date.
void validate(const Diary& d);

// The same checks for one record. The store runs them before every write, so the
// database never holds what an import of its own backup would refuse.
void validate(const Episode& e);
void validate(const CheckIn& c);
void validate(const BackgroundFact& f);
void validate(const Medicine& m);
void validate(const Profile& p);
void validate(const Tombstone& t);
void validate(const QuestionnaireResponse& r);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Largest backup accepted by diary_from_json / diary_from_binary: 1 GiB, far
// above any real diary (100,000 episodes with their check-ins make about 145 MB
// of JSON; 1 GiB holds about 700,000). The limit only refuses: what a reader
// allocates follows the real bytes it was given, never a length a file claims
// (docs/backup-format.md, "Size").
inline constexpr std::size_t kMaxImportBytes = std::size_t{1} << 30;
// The same limit in words, for messages.
inline constexpr const char* kMaxImportText = "1 GiB";

}  // namespace nd
