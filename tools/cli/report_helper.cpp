// `numbness-diary-cli report` through the PDF helper. The PDF renderer needs cairo,
// pango and glib (about 40 shared libraries, some 30 ms to load and relocate before
// any work): every command paid for them while only `report` uses them (issue 19).
// So numbness-diary-cli is built without them, and `report` replaces this process
// (execv) with numbness-diary-report: the same command line built with the renderer,
// installed in PREFIX/libexec/numbness-diary/ (the build tree has the same layout).
//
// Why a second program and not a dlopen'ed module: the exec hands over the whole
// command line untouched, so the report's options, messages, output ('-' for standard
// output) and exit status are exactly those of the command itself, with no interface
// between two binaries to keep in step; a module would need the core built as
// position-independent code twice and a C interface for the report model.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "cli.hpp"

namespace ndcli {

namespace {
std::vector<char*>& saved_argv() {
    static std::vector<char*> argv;
    return argv;
}
}  // namespace

void set_command_line(int argc, char** argv) { saved_argv().assign(argv, argv + argc); }

std::string report_helper_path() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "";
    return (exe.parent_path().parent_path() / "libexec" / "numbness-diary" / "numbness-diary-report").string();
}

[[noreturn]] void exec_report_helper() {
    const std::string helper = report_helper_path();
    std::vector<char*> argv = saved_argv();
    if (helper.empty() || argv.empty())
        throw CliError("cannot draw the report: cannot find where numbness-diary-cli is installed (/proc/self/exe)");
    argv[0] = const_cast<char*>(helper.c_str());
    argv.push_back(nullptr);
    std::cout.flush();   // nothing is written before, but never lose output to the exec
    std::cerr.flush();
    ::execv(helper.c_str(), argv.data());
    const int err = errno;
    throw CliError("cannot draw the report: its PDF part " + helper + " cannot be run (" + std::strerror(err) +
                   "); reinstall Numbness Diary");
}

}  // namespace ndcli
