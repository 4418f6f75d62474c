#include <catch2/catch.hpp>

#include <dirent.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <string>

#include "atomic_file.hpp"

namespace {

std::string make_temp_dir() {
    char templ[] = "/tmp/nd_atomic_test_XXXXXX";
    const char* dir = ::mkdtemp(templ);
    REQUIRE(dir != nullptr);
    return dir;
}

int entries_in(const std::string& dir) {
    int n = 0;
    DIR* d = ::opendir(dir.c_str());
    REQUIRE(d != nullptr);
    while (const dirent* e = ::readdir(d))
        if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") ++n;
    ::closedir(d);
    return n;
}

}  // namespace

TEST_CASE("write_file_atomic creates and replaces a file with mode 0600", "[atomic_file]") {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/export.csv";
    nd::write_file_atomic(path, "first");
    CHECK(nd::read_file(path) == "first");
    ::chmod(path.c_str(), 0644);
    nd::write_file_atomic(path, std::string("second\0with nul", 15));
    CHECK(nd::read_file(path) == std::string("second\0with nul", 15));
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(entries_in(dir) == 1);   // no temporary file left behind
}

TEST_CASE("write_file_atomic fails clearly and leaves the old file intact", "[atomic_file]") {
    const std::string dir = make_temp_dir();
    SECTION("missing folder") {
        const std::string path = dir + "/no/such/folder/report.pdf";
        try {
            nd::write_file_atomic(path, "x");
            FAIL("no exception");
        } catch (const nd::FileError& e) {
            CHECK(std::string(e.what()).find(path) != std::string::npos);
            CHECK(std::string(e.what()).find("No such file or directory") != std::string::npos);
        }
    }
    SECTION("target is a folder") {
        const std::string sub = dir + "/folder";
        REQUIRE(::mkdir(sub.c_str(), 0700) == 0);
        CHECK_THROWS_AS(nd::write_file_atomic(sub, "x"), nd::FileError);
        struct stat st {};
        REQUIRE(::stat(sub.c_str(), &st) == 0);
        CHECK(S_ISDIR(st.st_mode));
    }
#ifndef __EMSCRIPTEN__
    // Not in the wasm build (tools/web-build.sh test): Emscripten's setrlimit()
    // is a stub, so nothing can make the write fail half-way under node.
    SECTION("the write fails half-way: the old file keeps its content and no temp file stays") {
        const std::string path = dir + "/keep.txt";
        nd::write_file_atomic(path, "old content");
        // Cap the file size this process may write, so the write fails (EFBIG).
        struct rlimit old_limit {};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
        auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old_limit;
        small.rlim_cur = 4096;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        bool threw = false;
        std::string message;
        try {
            nd::write_file_atomic(path, std::string(100000, 'n'));
        } catch (const nd::FileError& e) {
            threw = true;
            message = e.what();
        }
        ::setrlimit(RLIMIT_FSIZE, &old_limit);
        std::signal(SIGXFSZ, old_handler);
        CHECK(threw);
        CHECK(message.find(path) != std::string::npos);
        CHECK(nd::read_file(path) == "old content");
        CHECK(entries_in(dir) == 1);
    }
#endif
    SECTION("empty path") { CHECK_THROWS_AS(nd::write_file_atomic("", "x"), nd::FileError); }
}

TEST_CASE("read_file refuses files over the size limit", "[atomic_file]") {
    const std::string dir = make_temp_dir();
    const std::string path = dir + "/big";
    nd::write_file_atomic(path, std::string(2048, 'x'));
    CHECK_THROWS_AS(nd::read_file(path, 1024), nd::FileError);
    CHECK(nd::read_file(path, 4096).size() == 2048);
    CHECK_THROWS_AS(nd::read_file(dir + "/missing"), nd::FileError);
}
