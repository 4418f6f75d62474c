#include "locale_paper.hpp"

#include <langinfo.h>
#include <locale.h>

#include <cstdint>

namespace nd::platform {

std::optional<PaperSizeMm> locale_paper_size_mm() {
#if defined(__GLIBC__) && defined(LC_PAPER_MASK)   // _NL_PAPER_* are enum values, not macros
    // The same lookup as setlocale(LC_PAPER, "") followed by nl_langinfo, but on a
    // locale object of our own: the process's global locale (which the app and the
    // CLI keep at "C" for parsing numbers) stays untouched, and it is thread-safe.
    locale_t loc = newlocale(LC_PAPER_MASK, "", static_cast<locale_t>(nullptr));
    if (loc == static_cast<locale_t>(nullptr)) return std::nullopt;
    // glibc returns these two numbers in the pointer itself (nl_langinfo's
    // "_NL_ITEM_INDEX ... word" values): an int, not a string.
    const auto width = static_cast<int>(reinterpret_cast<std::intptr_t>(nl_langinfo_l(_NL_PAPER_WIDTH, loc)));
    const auto height = static_cast<int>(reinterpret_cast<std::intptr_t>(nl_langinfo_l(_NL_PAPER_HEIGHT, loc)));
    freelocale(loc);
    if (width <= 0 || height <= 0) return std::nullopt;
    return PaperSizeMm{width, height};
#else
    return std::nullopt;
#endif
}

Paper locale_paper() {
    if (const auto size = locale_paper_size_mm())
        if (const auto p = paper_for_size_mm(size->width, size->height)) return *p;
    return Paper::A4;
}

}  // namespace nd::platform
