// Worker threads' CPU and I/O priority on Linux (issue #19): the file check and
// the daily backup run only when nothing else wants the machine, and a background
// reload never competes with the UI thread on equal terms.
//
// On Linux nice values, the scheduling policy and the I/O priority are per
// thread (the kernel's task), so each call changes only the calling thread:
// setpriority(PRIO_PROCESS, gettid()), sched_setscheduler(0, ...) and
// ioprio_set(IOPRIO_WHO_PROCESS, 0). Every call may fail (a sandbox, another
// OS); the thread then simply runs at the priority it had.
#include "desktop_services.hpp"

#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace nd::platform {

namespace {

// <linux/ioprio.h> is not in every libc's headers; its three values are ABI.
constexpr int kIoprioWhoProcess = 1;
constexpr int kIoprioClassBestEffort = 2;
constexpr int kIoprioClassIdle = 3;
constexpr int kIoprioClassShift = 13;

void set_io_priority(int io_class, int level) {
#ifdef SYS_ioprio_set
    ::syscall(SYS_ioprio_set, kIoprioWhoProcess, 0, (io_class << kIoprioClassShift) | level);
#else
    (void)io_class, (void)level;
#endif
}

}  // namespace

bool DesktopServices::threads_available() { return true; }

void DesktopServices::set_this_thread_priority(app::ThreadPriority priority) {
#ifdef __linux__
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    switch (priority) {
        case app::ThreadPriority::Normal:
            return;
        case app::ThreadPriority::Low:
            ::setpriority(PRIO_PROCESS, tid, 10);
            set_io_priority(kIoprioClassBestEffort, 7);   // the lowest best-effort level
            return;
        case app::ThreadPriority::Idle: {
            ::setpriority(PRIO_PROCESS, tid, 19);
            sched_param param{};
            param.sched_priority = 0;
            ::sched_setscheduler(0, SCHED_IDLE, &param);   // 0: this thread
            set_io_priority(kIoprioClassIdle, 0);
            return;
        }
    }
#else
    (void)priority;
#endif
}

}  // namespace nd::platform
