// libFuzzer: the CSV importer. Whatever it returns is all-or-nothing and valid.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "csv_export.hpp"
#include "serialization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nd::CsvImportOptions o;
    o.now_utc = 1767600000;
    const auto r = nd::csv_to_episodes(std::string_view(reinterpret_cast<const char*>(data), size), o);
    if (!r.ok() && !r.episodes.empty()) std::abort();
    if (!r.ok() && nd::format_problems(r).empty()) std::abort();
    for (const auto& e : r.episodes) {
        try {
            nd::validate(e);
        } catch (const nd::ImportError&) {
            std::abort();  // the importer let an invalid episode through
        }
    }
    return 0;
}
