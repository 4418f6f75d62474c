// libFuzzer: a database file offered to Store::open (restore, a damaged diary).
// Refused with a StoreError, or opened, checked and read without a crash.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "serialization.hpp"
#include "store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = [] {
        const char* base = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        return std::string(base) + "/nd-fuzz-store-" + std::to_string(::getpid()) + ".db";
    }();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((path + suffix).c_str());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    try {
        auto s = nd::Store::open(path);
        (void)s->integrity_check();
        nd::validate(s->load_diary());
    } catch (const nd::StoreError&) {
    } catch (const nd::ImportError&) {
    }
    return 0;
}
