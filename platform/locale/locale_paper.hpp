// The paper size of the locale (LC_PAPER): the default of the doctor's report's
// paper until the person chooses one (issue #16).
#pragma once

#include <optional>

#include "paper.hpp"

namespace nd::platform {

struct PaperSizeMm {
    int width = 0;
    int height = 0;
};

// The size LC_PAPER names, from the environment as setlocale(LC_PAPER, "") reads it
// (LC_ALL, then LC_PAPER, then LANG); nullopt when the C library cannot tell (no
// such locale installed, or a C library without LC_PAPER).
std::optional<PaperSizeMm> locale_paper_size_mm();

// The report's default paper: A4 or Letter from the size above; A4 otherwise.
Paper locale_paper();

}  // namespace nd::platform
