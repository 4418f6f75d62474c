#include "first_frame_probe.hpp"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace nd::platform {

bool first_frame_shown() {
    static bool done = false;
    if (done) return false;
    done = true;
    const char* path = std::getenv("ND_EXIT_AFTER_FIRST_FRAME");
    if (!path || !*path) return false;
    glFinish();   // the frame drawn, not only queued
    timespec mono{}, cpu{};
    clock_gettime(CLOCK_MONOTONIC, &mono);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    if (std::FILE* f = std::fopen(path, "w")) {
        std::fprintf(f, "first_frame_monotonic_ns %lld\nprocess_cpu_ns %lld\n",
                     static_cast<long long>(mono.tv_sec) * 1000000000LL + mono.tv_nsec,
                     static_cast<long long>(cpu.tv_sec) * 1000000000LL + cpu.tv_nsec);
        std::fclose(f);
    }
    return true;
}

}  // namespace nd::platform
