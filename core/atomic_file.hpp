// Writing a file so that readers see either the old content or the new, never a
// half-written one: the bytes go to a temporary file in the same folder, are
// flushed to disk (fsync), and the temporary is renamed over the target; then the
// folder itself is flushed so the rename survives a power cut. The new file has
// permissions 0600 (owner read/write only): exports hold health data.
// The only place in the core that makes POSIX calls.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nd {

struct FileError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Replaces (or creates) `path` with `bytes`, atomically, with mode 0600.
// On any failure the old file (if any) is left as it was, the temporary file is
// removed, and FileError is thrown naming the path and the cause
// ("Could not write /x/report.pdf: No space left on device").
void write_file_atomic(const std::string& path, std::string_view bytes);

// Flushes a file's content, or a folder's entries (a rename or a new name), to
// disk; throws FileError naming the path and the cause.
void sync_file(const std::string& path);
void sync_folder(const std::string& dir);

// Creates `path` as a new, empty file with mode 0600; throws FileError when it
// exists or cannot be created.
void create_private_file(const std::string& path);

// Creates the folder `path` and every missing parent, each with mode 0700 whatever
// the umask (a umask of 000 would otherwise give 0777; health data is private).
// Existing parents are left as they are; `path` itself, when it exists already
// and is ours, is tightened to 0700. Throws FileError naming the folder and the
// cause (a file in the way, no permission, ...).
void make_private_dirs(const std::string& path);

// Removes temporary files that write_file_atomic(path) left behind when the
// process was killed mid-write ("<path>.tmp-XXXXXX" older than min_age_s
// seconds, so a write in progress in another process is left alone). Returns how
// many were removed; never throws. write_file_atomic calls it before each write.
// Only what our writes make is touched (is_our_stale_temporary).
int remove_stale_temporaries(const std::string& path, std::int64_t min_age_s = 600);

// The names our writes give their temporaries: write_file_atomic's
// "<name>.tmp-XXXXXX" (mkstemp's six letters or digits), and the automatic
// backup's "<name>.tmp-backup" with the "-journal" SQLite may leave beside it
// (auto_backup.cpp).
enum class TempPattern { AtomicWrite, Backup };
bool is_temporary_name(const std::string& file_name, TempPattern pattern);

// Removes from `dir` the files that are our temporaries (`pattern`, and a name
// starting with `name_start`), left by a process killed mid-write: a regular file
// (not a link, a folder or a device), owned by this user, with one name, private
// (no group or other permission: ours are 0600) and unchanged for min_age_s
// seconds (a write in progress in another process is left alone). Nothing else is
// touched, and no sub-folder is entered. Returns the paths removed; never throws
// (a folder that is missing or unreadable: none).
std::vector<std::string> remove_stale_temporaries_in(const std::string& dir, TempPattern pattern,
                                                     std::int64_t min_age_s = 600, const std::string& name_start = "");

// A sink for bytes produced a piece at a time (streaming exports: the FHIR
// bundle and the CSV files are written as they are produced, never held whole).
class ByteSink {
public:
    virtual ~ByteSink() = default;
    virtual void write(std::string_view bytes) = 0;
};

// Collects the bytes in a string (the in-memory form of an export).
class StringSink final : public ByteSink {
public:
    explicit StringSink(std::string& out) : out_(out) {}
    void write(std::string_view bytes) override { out_.append(bytes); }

private:
    std::string& out_;
};

// write_file_atomic a piece at a time: the constructor creates the temporary
// file (0600) next to `path`, write() appends (buffered, 1 MiB; through the page
// cache a piece of 1 MiB or more goes to the file at once), commit() flushes it to disk and
// renames it over `path`. On Linux the file is written past the page cache where
// the file system allows (O_DIRECT: whole blocks from an aligned buffer; the last
// piece through the cache), else the disk writes start while the file is still
// being written (every 8 MiB), so commit()'s fsync waits only for the last few
// MiB instead of the whole file (a 450 MB FHIR bundle: about 0.2 s; issue #19). Destroyed without commit() (an
// exception, a refusal half way), the temporary is removed and `path` is left as
// it was: a failure never leaves a partial file. Throws FileError.
class AtomicFile final : public ByteSink {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile() override;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view bytes) override;
    void commit();
    std::uint64_t bytes_written() const { return written_; }
    // True while the bytes go to the disk past the page cache (O_DIRECT, Linux, where
    // the file system takes it); the last piece, not a whole block, goes through it.
    bool direct() const { return direct_; }

private:
    void flush_buffer();
    void to_file(const char* p, std::size_t n);
    void stop_direct();
    struct AlignedFree {
        void operator()(char* p) const;
    };
    std::string path_;
    std::string temp_;
    std::unique_ptr<char, AlignedFree> buffer_;   // 1 MiB aligned to disk blocks
    std::size_t used_ = 0;
    bool direct_ = false;
    int fd_ = -1;
    bool committed_ = false;
    std::uint64_t written_ = 0;
    std::uint64_t in_file_ = 0;          // bytes handed to write(2)
    std::uint64_t writeback_from_ = 0;   // the first byte whose write-back was not started yet
};

// Reads a whole file; throws FileError (with the path and cause) when it
// cannot, or when it is larger than max_bytes.
std::string read_file(const std::string& path, std::size_t max_bytes = 256u * 1024u * 1024u);

}  // namespace nd
