#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
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

void make_private_dirs(const std::string& path) {
    if (path.empty()) throw FileError("Could not create the folder: no folder name was given");
    // Each component in turn, from the root: create_directories would use 0777 & ~umask.
    std::string sofar;
    std::size_t pos = 0;
    while (pos <= path.size()) {
        const std::size_t slash = path.find('/', pos);
        const std::size_t end = slash == std::string::npos ? path.size() : slash;
        sofar = path.substr(0, end);
        pos = end + 1;
        const bool last = slash == std::string::npos || path.find_first_not_of('/', end) == std::string::npos;
        if (sofar.empty() || sofar.back() == '/' || sofar == "." || sofar == "..") {
            if (last) break;
            continue;
        }
        struct stat st {};
        if (::stat(sofar.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode)) throw FileError("Could not create the folder " + path + ": " + sofar + " is a file, not a folder");
            if (last && st.st_uid == ::geteuid() && (st.st_mode & 07777) != 0700) ::chmod(sofar.c_str(), 0700);
        } else {
            if (::mkdir(sofar.c_str(), 0700) != 0 && errno != EEXIST) fail("Could not create the folder", sofar, errno);
            // mkdir's mode is masked by the umask; the folder must end up exactly 0700.
            if (::chmod(sofar.c_str(), 0700) != 0) fail("Could not set permissions on the folder", sofar, errno);
        }
        if (last) break;
    }
}

void create_private_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
    if (fd < 0) fail("Could not create", path, errno);
    ::fchmod(fd, S_IRUSR | S_IWUSR);   // whatever the umask
    ::close(fd);
}

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "<name>.tmp-XXXXXX": a non-empty name, then mkstemp's six letters or digits.
bool is_atomic_write_temporary(const std::string& name) {
    const std::string mark = ".tmp-";
    if (name.size() < mark.size() + 7) return false;
    const std::size_t at = name.size() - 6 - mark.size();
    if (name.compare(at, mark.size(), mark) != 0) return false;
    for (std::size_t i = name.size() - 6; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

// Ours, and left behind: see remove_stale_temporaries_in.
bool removable(const std::string& path, std::int64_t now, std::int64_t min_age_s) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
    if (st.st_uid != ::geteuid() || st.st_nlink != 1) return false;
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) return false;
    return now - static_cast<std::int64_t>(st.st_mtime) >= min_age_s;
}

}  // namespace

bool is_temporary_name(const std::string& name, TempPattern pattern) {
    if (pattern == TempPattern::AtomicWrite) return is_atomic_write_temporary(name);
    for (const std::string suffix : {".tmp-backup", ".tmp-backup-journal"})
        if (name.size() > suffix.size() && ends_with(name, suffix)) return true;
    return false;
}

std::vector<std::string> remove_stale_temporaries_in(const std::string& dir, TempPattern pattern,
                                                     std::int64_t min_age_s, const std::string& name_start) {
    namespace fs = std::filesystem;
    std::vector<std::string> removed;
    if (dir.empty()) return removed;
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, name_start.size(), name_start) != 0 || !is_temporary_name(name, pattern)) continue;
        const std::string p = it->path().string();
        if (removable(p, now, min_age_s) && ::unlink(p.c_str()) == 0) removed.push_back(p);
    }
    return removed;
}

int remove_stale_temporaries(const std::string& path, std::int64_t min_age_s) {
    namespace fs = std::filesystem;
    const fs::path target(path);
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    const std::string name = target.filename().string();
    if (name.empty()) return 0;
    // "<name>.tmp-" then exactly mkstemp's six characters.
    int removed = 0;
    for (const std::string& p : remove_stale_temporaries_in(dir.string(), TempPattern::AtomicWrite, min_age_s,
                                                            name + ".tmp-")) {
        (void)p;
        ++removed;
    }
    return removed;
}

namespace {

void write_all(int fd, const char* p, std::size_t left, const std::string& path) {
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("Could not write", path, errno);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

constexpr std::size_t kWriteBuffer = 1024 * 1024;   // direct writes: 1 MiB a write took half the time of 256 KiB (dd, this disk)
// Direct writes (below) go by whole blocks from memory aligned to them; 4096 covers the
// block sizes of the disks and file systems in use.
constexpr std::size_t kDirectAlign = 4096;

}  // namespace

void AtomicFile::AlignedFree::operator()(char* p) const { std::free(p); }

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    if (path_.empty()) throw FileError("Could not write the file: no file name was given");
    if (path_.back() == '/') throw FileError("Could not write " + path_ + ": it names a folder, not a file");
    remove_stale_temporaries(path_);

    struct stat st {};
    if (::stat(path_.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        throw FileError("Could not write " + path_ + ": it is a folder");

    // mkstemp creates the file with mode 0600 and a unique name in the same folder,
    // so the final rename stays on one file system (rename is atomic only there).
    std::string templ = path_ + ".tmp-XXXXXX";
    fd_ = ::mkstemp(templ.data());
    if (fd_ < 0) fail("Could not create a temporary file next to", path_, errno);
    temp_ = templ;
    if (::fchmod(fd_, S_IRUSR | S_IWUSR) != 0) {
        const int err = errno;
        ::close(fd_);
        ::unlink(temp_.c_str());
        fail("Could not set permissions on", temp_, err);
    }
    void* mem = nullptr;
    if (::posix_memalign(&mem, kDirectAlign, kWriteBuffer) != 0 || !mem) {
        ::close(fd_);
        fd_ = -1;
        ::unlink(temp_.c_str());
        throw FileError("Could not write " + path_ + ": out of memory");
    }
    buffer_.reset(static_cast<char*>(mem));
#ifdef __linux__
    // Written past the page cache (O_DIRECT) where the file system allows it: the file
    // goes from our buffer to the disk, instead of being copied into the kernel's cache
    // first. On this project's machines that copy was most of a 427 MB FHIR export's
    // time (52% of its samples in copy_folio_from_iter_atomic; 0.2-0.8 s of system time
    // varying run to run, against 0.05-0.09 s written directly; issue #19). Where it is
    // refused (tmpfs, some network file systems), the writes stay buffered.
    if (const int flags = ::fcntl(fd_, F_GETFL); flags >= 0 && ::fcntl(fd_, F_SETFL, flags | O_DIRECT) == 0) direct_ = true;
#endif
}

// Back to writes through the page cache (the file system refused a direct write, or
// the last piece is not a whole block).
void AtomicFile::stop_direct() {
#ifdef __linux__
    if (const int flags = ::fcntl(fd_, F_GETFL); flags >= 0) (void)::fcntl(fd_, F_SETFL, flags & ~O_DIRECT);
#endif
    direct_ = false;
    writeback_from_ = in_file_;   // what went direct is on its way to the disk already
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

// The bytes to the file: direct (whole blocks, see the constructor), or through the
// page cache, where every 8 MiB the kernel is asked to start writing them to the disk
// (sync_file_range, SYNC_FILE_RANGE_WRITE: it starts the write-back and does not wait
// for it), so the disk works while the rest is produced and commit()'s fsync has
// little left to wait for. Only a hint: errors are left to the fsync, which reports them.
void AtomicFile::to_file(const char* p, std::size_t n) {
    in_file_ += n;
    if (direct_) {
        // Whole blocks from the aligned buffer (flush_buffer): straight to the disk. A
        // refusal (EINVAL: alignment or size not accepted) or a short write goes on
        // through the page cache from where it stopped; any other error is the file's.
        ssize_t w;
        do w = ::write(fd_, p, n);
        while (w < 0 && errno == EINTR);
        if (w == static_cast<ssize_t>(n)) return;
        if (w < 0 && errno != EINVAL) fail("Could not write", path_, errno);
        const std::size_t done = w > 0 ? static_cast<std::size_t>(w) : 0;
        stop_direct();
        write_all(fd_, p + done, n - done, path_);
        writeback_from_ = in_file_ - (n - done);
        return;
    }
    write_all(fd_, p, n, path_);
#ifdef __linux__   // sync_file_range is Linux's (the web build's compiler does not define __linux__)
    constexpr std::uint64_t kWritebackStep = 8u << 20;
    if (in_file_ - writeback_from_ >= kWritebackStep) {
        ::sync_file_range(fd_, static_cast<off_t>(writeback_from_), static_cast<off_t>(in_file_ - writeback_from_),
                          SYNC_FILE_RANGE_WRITE);
        writeback_from_ = in_file_;
    }
#endif
}

void AtomicFile::flush_buffer() {
    if (used_ == 0) return;
    // A last piece that is not a whole number of blocks cannot go direct: through the cache.
    if (direct_ && used_ % kDirectAlign != 0) stop_direct();
    to_file(buffer_.get(), used_);
    used_ = 0;
}

void AtomicFile::write(std::string_view bytes) {
    if (committed_ || fd_ < 0) throw FileError("Could not write " + path_ + ": the file was already closed");
    written_ += bytes.size();
    // Through the page cache a large piece goes to the file at once (no copy through the
    // buffer); direct writes need the aligned buffer, so every piece is copied into it.
    if (!direct_ && used_ == 0 && bytes.size() >= kWriteBuffer) {
        to_file(bytes.data(), bytes.size());
        return;
    }
    while (!bytes.empty()) {
        const std::size_t k = std::min(kWriteBuffer - used_, bytes.size());
        std::memcpy(buffer_.get() + used_, bytes.data(), k);
        used_ += k;
        bytes.remove_prefix(k);
        if (used_ == kWriteBuffer) flush_buffer();
    }
}

void AtomicFile::commit() {
    if (committed_ || fd_ < 0) throw FileError("Could not write " + path_ + ": the file was already closed");
    flush_buffer();
    if (::fsync(fd_) != 0) fail("Could not flush to disk", path_, errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) fail("Could not write", path_, errno);

    if (::rename(temp_.c_str(), path_.c_str()) != 0) fail("Could not replace", path_, errno);
    committed_ = true;  // the temporary is the target now

    // Make the rename durable. Failing here leaves the new file in place; report it.
    try {
        sync_folder(parent_dir(path_));
    } catch (const FileError& e) {
        throw FileError(std::string("Wrote ") + path_ + " but: " + e.what());
    }
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
    AtomicFile f(path);
    f.write(bytes);
    f.commit();
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
