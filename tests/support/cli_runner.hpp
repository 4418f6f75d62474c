// Running the built `nd` binary from the end-to-end CLI tests (cli_test.cpp,
// cli_export_test.cpp): a fresh temporary folder per test, the command's exit
// status, stdout and stderr, and small helpers on files and text. Header-only.
#pragma once

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace nd::test {

inline const std::string kNd = ND_CLI_PATH;

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

// A fresh folder (named after `prefix`, removed at the end); `nd` runs inside it
// with XDG_DATA_HOME pointing into it, no ND_DB, its clock fixed at
// 2026-03-01 12:00 +01:00 (ND_NOW) and the time zone Europe/Berlin (TZ; +01:00 on
// that day), so local times without an offset resolve the same on every machine.
struct CliDir {
    std::filesystem::path dir;
    explicit CliDir(const std::string& prefix = "nd-cli-test-") {
        std::random_device rd;
        dir = std::filesystem::temp_directory_path() / (prefix + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~CliDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    CliDir(const CliDir&) = delete;
    CliDir& operator=(const CliDir&) = delete;

    std::filesystem::path path(const char* name) const { return dir / name; }
    void write(const char* name, const std::string& text) const { std::ofstream(dir / name, std::ios::binary) << text; }

    // `args` is passed to /bin/sh as written: quote values with single quotes.
    CliRun nd(const std::string& args, const std::string& env = "") const {
        const std::string cmd = "cd '" + dir.string() + "' && env -u ND_DB XDG_DATA_HOME='" + dir.string() +
                                "/xdg' ND_NOW='2026-03-01T12:00:00+01:00' TZ='Europe/Berlin' " + env + " '" + kNd + "' " + args +
                                " >'" + dir.string() + "/stdout.txt' 2>'" + dir.string() + "/stderr.txt'";
        const int status = std::system(cmd.c_str());
        CliRun r;
        r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(dir / "stdout.txt");
        r.err = slurp(dir / "stderr.txt");
        return r;
    }
};

// False (with a warning) when the build has no `nd`: the CLI tests then skip.
inline bool has_cli() {
    if (kNd.empty() || !std::filesystem::exists(kNd)) {
        WARN("the nd binary was not built; CLI tests skipped");
        return false;
    }
    return true;
}

inline std::string first_line(const std::string& s) { return s.substr(0, s.find('\n')); }

inline bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

// The permission bits of a file or folder (0 when it cannot be read).
inline unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return 0;
    return st.st_mode & 0777u;
}

}  // namespace nd::test
