// libFuzzer: the backup envelope's header behind a valid checksum, above all its
// key-derivation limits (fuzz_inputs.hpp builds the file). Limits outside what we
// have ever written are refused before the KDF runs (issue 17: a forged 2 KB
// backup made the reader spend a gigabyte), so no input makes the reader allocate
// more than the largest accepted limit; tools/fuzz.sh runs this target with
// -malloc_limit_mb=64, which the KDF of a limit up to 64 MiB stays within.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>

#include "backup.hpp"
#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string file = ndfuzz::kdf_envelope(std::string_view(reinterpret_cast<const char*>(data), size));
    bool accepted = false;
    nd::BackupInfo info;
    try {
        info = nd::inspect_backup(file);
        accepted = true;
    } catch (const nd::BackupError& e) {
        if (std::string(e.what()).empty()) std::abort();   // every refusal says why
    }
    if (accepted && info.encrypted) {
        // What the envelope check let through is within the limits we write.
        if (info.kdf.opslimit < nd::kMinKdfOps || info.kdf.opslimit > nd::kMaxKdfOps ||
            info.kdf.memlimit < nd::kMinKdfMem || info.kdf.memlimit > nd::kMaxKdfMem)
            std::abort();
        // Running the KDF of the 256 MiB exception would time each input out: the
        // accepted range above is the bound; smaller limits run for real.
        if (info.kdf.memlimit > 32u * 1024u * 1024u) return 0;
    }
    try {
        const nd::Diary d = nd::read_backup(file, std::string("fuzz"));
        nd::validate(d);
    } catch (const nd::ImportError&) {   // BackupError is one
    }
    return 0;
}
