// Writing a file so that readers see either the old content or the new, never a
// half-written one: the bytes go to a temporary file in the same folder, are
// flushed to disk (fsync), and the temporary is renamed over the target; then the
// folder itself is flushed so the rename survives a power cut. The new file has
// permissions 0600 (owner read/write only): exports hold health data.
// The only place in the core that makes POSIX calls.
#pragma once

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

// Reads a whole file; throws FileError (with the path and cause) when it
// cannot, or when it is larger than max_bytes.
std::string read_file(const std::string& path, std::size_t max_bytes = 256u * 1024u * 1024u);

}  // namespace nd
