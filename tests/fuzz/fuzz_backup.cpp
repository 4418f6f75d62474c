// libFuzzer: the backup envelope reader (plain, encrypted, legacy JSON).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "backup.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    try {
        (void)nd::inspect_backup(bytes);
    } catch (const nd::BackupError&) {
    }
    try {
        const nd::Diary d = nd::read_backup(bytes, std::string("fuzz"));
        nd::validate(d);
    } catch (const nd::ImportError&) {  // BackupError is one
    }
    return 0;
}
