// Writing a file so that readers see either the old content or the new, never a
// half-written one: the bytes go to a temporary file in the same folder, are
// flushed to disk (fsync), and the temporary is renamed over the target; then the
// folder itself is flushed so the rename survives a power cut. The new file has
// permissions 0600 (owner read/write only): exports hold health data.
// The only place in the core that makes POSIX calls.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

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

// Removes temporary files that write_file_atomic(path) left behind when the
// process was killed mid-write ("<path>.tmp-XXXXXX" older than min_age_s
// seconds, so a write in progress in another process is left alone). Returns how
// many were removed; never throws. write_file_atomic calls it before each write.
int remove_stale_temporaries(const std::string& path, std::int64_t min_age_s = 600);

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
// file (0600) next to `path`, write() appends (buffered, 256 KiB), commit()
// flushes it to disk and renames it over `path`. Destroyed without commit() (an
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

private:
    void flush_buffer();
    std::string path_;
    std::string temp_;
    std::string buffer_;
    int fd_ = -1;
    bool committed_ = false;
    std::uint64_t written_ = 0;
};

// Reads a whole file; throws FileError (with the path and cause) when it
// cannot, or when it is larger than max_bytes.
std::string read_file(const std::string& path, std::size_t max_bytes = 256u * 1024u * 1024u);

}  // namespace nd
