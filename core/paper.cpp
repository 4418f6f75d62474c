#include "paper.hpp"

#include <cstdlib>

#include "store.hpp"

namespace nd {

const char* paper_id(Paper p) { return p == Paper::Letter ? "letter" : "a4"; }

std::optional<Paper> paper_from_id(std::string_view id) {
    if (id == "a4") return Paper::A4;
    if (id == "letter") return Paper::Letter;
    return std::nullopt;
}

const char* paper_label(Paper p) { return p == Paper::Letter ? "US Letter" : "A4"; }

std::optional<Paper> paper_for_size_mm(int width_mm, int height_mm) {
    // glibc's locales state whole millimetres (ISO 216 A4: 210 x 297; Letter,
    // 8.5 x 11 in: 215.9 x 279.4, written 216 x 279); a millimetre either way is the
    // same paper. Legal (216 x 356) and others are neither.
    auto near = [](int v, int want) { return std::abs(v - want) <= 1; };
    if (near(width_mm, 210) && near(height_mm, 297)) return Paper::A4;
    if (near(width_mm, 216) && near(height_mm, 279)) return Paper::Letter;
    return std::nullopt;
}

Paper saved_paper(const Store& store, Paper fallback) {
    if (auto v = store.setting(kPaperSetting))
        if (auto p = paper_from_id(*v)) return *p;
    return fallback;
}

}  // namespace nd
