// For the whole-process start benchmark (tools/bench/bench_commands.cpp): with
// ND_EXIT_AFTER_FIRST_FRAME=FILE in the environment, the app writes, once its first
// frame is on screen, the system-wide monotonic clock and its own CPU time to FILE,
// then leaves. The benchmark took the same clock just before the exec, so the
// difference is what a person waits from launching to seeing the window drawn.
// Without the variable nothing happens.
#pragma once

namespace nd::platform {

// After the first glfwSwapBuffers: true when the app should stop now (stamp written).
bool first_frame_shown();

}  // namespace nd::platform
