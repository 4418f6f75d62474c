// Small helpers for the reliability tests: temporary folders, file bytes, child
// processes, environment knobs.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace ndrel {

namespace fs = std::filesystem;

// A fresh folder removed at the end. Under /dev/shm when it is there (these tests
// kill processes, they do not cut power, so the page cache is what matters and
// fsync need not wait for a disk), else the system temp folder;
// ND_RELIABILITY_TMPDIR chooses another place (e.g. a real disk).
inline fs::path tmp_base() {
    if (const char* e = std::getenv("ND_RELIABILITY_TMPDIR"); e && *e) return e;
    if (::access("/dev/shm", W_OK) == 0) return "/dev/shm";
    return fs::temp_directory_path();
}
struct TempDir : nd::test::TempDir {
    explicit TempDir(const char* tag = "rel") : nd::test::TempDir(tag, tmp_base()) {}
};

inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

inline long env_number(const char* name, long fallback) {
    const char* v = std::getenv(name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return (end && *end == '\0' && n >= 0) ? n : fallback;
}

inline int file_mode(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 07777);
}

// A child process whose stdout is a pipe we read.
class Child {
public:
    explicit Child(const std::vector<std::string>& argv) {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            ::dup2(fds[1], 1);
            ::execv(args[0], args.data());
            ::_exit(127);
        }
        ::close(fds[1]);
        fd_ = fds[0];
    }
    ~Child() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (fd_ >= 0) ::close(fd_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Reads until `line` has been seen as a whole line (true) or EOF / timeout.
    bool wait_for_line(const std::string& line, int timeout_ms = 60000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            if (out_.find(line + "\n") != std::string::npos) return true;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0) return false;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            if (!read_some()) return out_.find(line + "\n") != std::string::npos;
        }
    }
    // Reads until `n` operations have been acknowledged ("D" lines), EOF or timeout.
    bool wait_for_acks(int n, int timeout_ms = 60000) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
        for (;;) {
            int count = 0;
            for (std::size_t at = 0; (at = out_.find("\nD\n", at)) != std::string::npos; ++at) ++count;
            if (count >= n) return true;
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0) return false;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            if (!read_some()) return false;
        }
    }
    // SIGKILL, reap, and read what is left. Returns the wait status.
    int kill_and_reap() {
        ::kill(pid_, SIGKILL);
        return reap();
    }
    int reap() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        while (read_some()) {
        }
        return status;
    }
    const std::string& output() const { return out_; }
    // Reads whatever the child has written so far without waiting, so that a
    // long-running child never blocks on a full pipe.
    void drain() {
        for (;;) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 0) <= 0 || !read_some()) return;
        }
    }

private:
    bool read_some() {
        char buf[4096];
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) return false;
        out_.append(buf, static_cast<std::size_t>(n));
        return true;
    }
    pid_t pid_ = -1;
    int fd_ = -1;
    std::string out_;
};

// The child's report: operations acknowledged ("B op" followed by "D") and the
// one in flight when it died (empty when none).
struct ChildLog {
    std::vector<std::string> acked;
    std::string inflight;
    std::string error;   // "E ..." line
    bool ready = false;
};

inline ChildLog parse_child_log(const std::string& out) {
    ChildLog log;
    std::istringstream in(out);
    std::string line;
    std::string pending;
    // A line without its final newline was cut by the kill: ignore it.
    const bool complete = !out.empty() && out.back() == '\n';
    std::vector<std::string> lines;
    while (std::getline(in, line)) lines.push_back(line);
    if (!complete && !lines.empty()) lines.pop_back();
    for (const auto& l : lines) {
        if (l == "ready") log.ready = true;
        else if (l.rfind("B ", 0) == 0) pending = l.substr(2);
        else if (l == "D") {
            log.acked.push_back(pending);
            pending.clear();
        } else if (l.rfind("E ", 0) == 0) log.error = l.substr(2);
    }
    log.inflight = pending;
    return log;
}

inline long elapsed_us(std::chrono::steady_clock::time_point since) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - since).count());
}

inline void sleep_us(long us) {
    if (us > 0) ::usleep(static_cast<useconds_t>(us));
}

}  // namespace ndrel
