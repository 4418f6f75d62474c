#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
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

void sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("Could not open", path, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) fail("Could not flush to disk", path, err);
}

void sync_folder(const std::string& dir) {
    const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) fail("Could not open the folder", dir, errno);
    const int rc = ::fsync(dfd);
    const int err = errno;
    ::close(dfd);
    // Some file systems cannot fsync a folder (EINVAL); their renames are then as durable as they get.
    if (rc != 0 && err != EINVAL) fail("Could not flush the folder", dir, err);
}

void create_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) fail("Could not create", path, errno);
    ::fchmod(fd, S_IRUSR | S_IWUSR);   // whatever the umask
    ::close(fd);
}

int remove_stale_temporaries(const std::string& path, std::int64_t min_age_s) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path target(path);
    const std::string prefix = target.filename().string() + ".tmp-";
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    int removed = 0;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // mkstemp's suffix is exactly six characters.
        if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) continue;
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (now - static_cast<std::int64_t>(st.st_mtime) < min_age_s) continue;
        if (::unlink(it->path().c_str()) == 0) ++removed;
    }
    return removed;
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
    if (path.empty()) throw FileError("Could not write the file: no file name was given");
    if (path.back() == '/') throw FileError("Could not write " + path + ": it names a folder, not a file");
    remove_stale_temporaries(path);

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
    try {
        sync_folder(dir);
    } catch (const FileError& e) {
        throw FileError(std::string("Wrote ") + path + " but: " + e.what());
    }
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
