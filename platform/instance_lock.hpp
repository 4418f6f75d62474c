// One app window per diary: an advisory lock (flock) on "DIARY.lock" beside the
// diary, held while the app runs and released by the kernel when it exits (even
// after a crash, so a stale lock never blocks the next start).
#pragma once

#include <memory>
#include <string>

namespace nd::platform {

class InstanceLock {
public:
    // The lock for `diary_path`; nullptr when another process holds it, with
    // `message` saying that the diary is already open, where, and by which process.
    // When the lock file cannot be made (a read-only folder) the app runs unlocked
    // (an empty lock object), as a lock is a convenience, not the diary's safety:
    // SQLite keeps every write whole.
    static std::unique_ptr<InstanceLock> acquire(const std::string& diary_path, std::string& message);
    ~InstanceLock();
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

private:
    InstanceLock() = default;
    int fd_ = -1;
};

}  // namespace nd::platform
