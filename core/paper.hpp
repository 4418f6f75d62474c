// The paper the doctor's report is printed on: A4 or US Letter. Saved with the
// diary (kPaperSetting, the Settings page); its default comes from the locale's
// LC_PAPER, which the platform reads (platform/locale/locale_paper.hpp) because the
// core touches no OS API.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nd {

enum class Paper : std::uint8_t { A4, Letter };

class Store;

// The diary setting holding the chosen paper: "a4" or "letter".
inline constexpr const char* kPaperSetting = "report.paper";

// "a4" / "letter": the setting's value and the CLI's --paper word.
const char* paper_id(Paper p);
// The reverse; nullopt for anything else.
std::optional<Paper> paper_from_id(std::string_view id);
// "A4" / "US Letter", for people.
const char* paper_label(Paper p);

// The paper of a locale's LC_PAPER size in millimetres (glibc gives 210 x 297 for
// A4 and 216 x 279 for US Letter); nullopt for any other size (then A4 is used).
std::optional<Paper> paper_for_size_mm(int width_mm, int height_mm);

// The diary's saved paper, else `fallback` (the locale's default).
Paper saved_paper(const Store& store, Paper fallback);

}  // namespace nd
