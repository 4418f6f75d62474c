#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace nd {

namespace {

std::string errno_text(int err) { return std::strerror(err); }

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
    throw FileError(what + " " + path + ": " + errno_text(err));
}

std::string parent_dir(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

// Closes the descriptor and removes the temporary file unless released.
struct TempFile {
    int fd = -1;
    std::string path;
    bool keep = false;
    ~TempFile() {
        if (fd >= 0) ::close(fd);
        if (!keep && !path.empty()) ::unlink(path.c_str());
    }
};

}  // namespace

void write_file_atomic(const std::string& path, std::string_view bytes) {
    if (path.empty()) throw FileError("Could not write the file: no file name was given");
    if (path.back() == '/') throw FileError("Could not write " + path + ": it names a folder, not a file");

    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        throw FileError("Could not write " + path + ": it is a folder");

    const std::string dir = parent_dir(path);
    // mkstemp creates the file with mode 0600 and a unique name in the same folder,
    // so the final rename stays on one file system (rename is atomic only there).
    std::string templ = path + ".tmp-XXXXXX";
    TempFile tmp;
    tmp.fd = ::mkstemp(templ.data());
    if (tmp.fd < 0) fail("Could not create a temporary file next to", path, errno);
    tmp.path = templ;
    if (::fchmod(tmp.fd, S_IRUSR | S_IWUSR) != 0) fail("Could not set permissions on", tmp.path, errno);

    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(tmp.fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("Could not write", path, errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    if (::fsync(tmp.fd) != 0) fail("Could not flush to disk", path, errno);
    const int fd = tmp.fd;
    tmp.fd = -1;
    if (::close(fd) != 0) fail("Could not write", path, errno);

    if (::rename(tmp.path.c_str(), path.c_str()) != 0) fail("Could not replace", path, errno);
    tmp.keep = true;  // it is the target now

    // Make the rename durable. Failing here leaves the new file in place; report it.
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) fail("Wrote the file but could not open its folder to flush it:", dir, errno);
    const int rc = ::fsync(dfd);
    const int err = errno;
    ::close(dfd);
    if (rc != 0 && err != EINVAL) fail("Wrote the file but could not flush its folder", dir, err);
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("Could not open", path, errno);
    std::string out;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            ::close(fd);
            fail("Could not read", path, err);
        }
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
            ::close(fd);
            throw FileError("Could not read " + path + ": the file is larger than " +
                                 std::to_string(max_bytes / (1024 * 1024)) + " MB");
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

}  // namespace nd
