// libFuzzer: the CSV import's header row (fuzz_inputs.hpp adds fixed episode rows
// after it). Issue 17: a million-column header printed 318 MB of errors because
// the error cap did not cover header problems. Whatever the header, the problems
// stop at max_errors, their text grows at most linearly with the file, and the
// import is all or nothing.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "csv_export.hpp"
#include "fuzz_inputs.hpp"
#include "serialization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string csv = ndfuzz::csv_with_header(std::string_view(reinterpret_cast<const char*>(data), size));
    nd::CsvImportOptions o;
    o.now_utc = 1767600000;
    o.max_errors = 20;
    const auto r = nd::csv_to_episodes(csv, o);
    // Exactly the cap, header problems included. Found by this target once: after a
    // header that used up the cap, "the column start is missing" was still added, one
    // past max_errors (corpus/csv_header/regression-cap-plus-one; the streaming reader's
    // problem() checks the cap first, and the corpus replay checks exactly the cap).
    if (r.problems.size() > o.max_errors) std::abort();
    if (r.truncated && r.problems.size() != o.max_errors) std::abort();
    if (!r.ok() && !r.episodes.empty()) std::abort();
    const std::string text = nd::format_problems(r);
    if (!r.ok() && text.empty()) std::abort();
    if (text.size() > 3 * csv.size() + 512 * o.max_errors) std::abort();
    for (const auto& e : r.episodes) {
        try {
            nd::validate(e);
        } catch (const nd::ImportError&) {
            std::abort();
        }
    }
    return 0;
}
