// A fresh temporary folder for one test, removed with everything in it when the
// test ends: <base>/nd-<tag>-<random>. Every suite's tests use this one helper
// (the reliability suite picks its own base: rel_util.hpp).
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

namespace nd::test {

struct TempDir {
    std::filesystem::path dir;

    explicit TempDir(std::string_view tag = "test",
                     const std::filesystem::path& base = std::filesystem::temp_directory_path()) {
        std::random_device rd;
        dir = base / ("nd-" + std::string(tag) + "-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(dir);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    // The path of `name` inside the folder.
    std::string file(std::string_view name) const { return (dir / name).string(); }
    std::string str() const { return dir.string(); }
};

}  // namespace nd::test
