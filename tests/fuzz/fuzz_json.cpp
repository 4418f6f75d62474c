// libFuzzer: the JSON backup reader. Any input must give a valid diary or an ImportError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "serialization.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const nd::Diary d = nd::diary_from_json(std::string_view(reinterpret_cast<const char*>(data), size));
        nd::validate(d);                                       // accepted means valid
        if (nd::diary_from_json(nd::diary_to_json(d)) != d) std::abort();  // and round-trips
    } catch (const nd::ImportError&) {
    }
    return 0;
}
