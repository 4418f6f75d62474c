// libFuzzer: the cause catalog loader.
#include <cstdint>
#include <string_view>

#include "catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)nd::load_catalog_json(std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const nd::CatalogError&) {
    }
    return 0;
}
