// cereal serialization of every diary type (JSON and portable binary), with a
// class version on each so that files written by older versions still load.
// Import functions validate every value after loading (cereal trusts its input)
// and throw ImportError with a clear message; they never return a half-read diary.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "model.hpp"

namespace nd {

struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The full diary as a cereal JSON backup (deterministic: same diary, same bytes).
std::string diary_to_json(const Diary& d);
Diary diary_from_json(std::string_view json);
std::string diary_to_binary(const Diary& d);
Diary diary_from_binary(std::string_view bytes);

// Checks every value of a loaded diary (ranges, enums, dates, UUIDs, UTF-8);
// throws ImportError naming the record and field.
void validate(const Diary& d);

}  // namespace nd
