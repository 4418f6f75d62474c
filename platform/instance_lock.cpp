#include "instance_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace nd::platform {

std::unique_ptr<InstanceLock> InstanceLock::acquire(const std::string& diary_path, std::string& message) {
    std::unique_ptr<InstanceLock> lock(new InstanceLock());
    const std::string path = diary_path + ".lock";
    lock->fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock->fd_ < 0) return lock;   // cannot lock here: run without
    if (::flock(lock->fd_, LOCK_EX | LOCK_NB) != 0) {
        std::string pid;
        char buf[32];
        const ssize_t n = ::pread(lock->fd_, buf, sizeof buf - 1, 0);
        if (n > 0) pid.assign(buf, static_cast<std::size_t>(n));
        while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
        message = "The diary " + diary_path + " is already open in another Numbness Diary window" +
                  (pid.empty() ? std::string() : " (process " + pid + ")") +
                  ". Switch to that window, or close it first; a second window on the same diary is not started.";
        return nullptr;
    }
    const std::string me = std::to_string(::getpid()) + "\n";
    if (::ftruncate(lock->fd_, 0) == 0) {
        [[maybe_unused]] const ssize_t w = ::pwrite(lock->fd_, me.data(), me.size(), 0);
    }
    return lock;
}

InstanceLock::~InstanceLock() {
    if (fd_ >= 0) ::close(fd_);   // closing releases the flock
}

}  // namespace nd::platform
