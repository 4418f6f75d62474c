// libFuzzer: the portable-binary backup reader.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "serialization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const nd::Diary d = nd::diary_from_binary(std::string_view(reinterpret_cast<const char*>(data), size));
        nd::validate(d);
        if (nd::diary_from_binary(nd::diary_to_binary(d)) != d) std::abort();
    } catch (const nd::ImportError&) {
    }
    return 0;
}
