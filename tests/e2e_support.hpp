#pragma once

// Helpers for end-to-end tests: a temporary directory kept when a test fails, and ways to run
// whole commands (in-process through run_cli, or the real binary) and read what they print.

#include <claimtrack/cli.hpp>

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace e2e {

namespace fs = std::filesystem;

// Set by the listener in e2e_listener.cpp when an assertion of the running test fails.
inline bool& current_test_failed() {
    static bool failed = false;
    return failed;
}

// A temporary directory kept (and named in the output) when the test using it failed.
class TempDir : public claimtrack::test::TempDir {
public:
    TempDir() = default;
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        if (!current_test_failed()) return;
        MESSAGE("kept temporary directory " << path().string());
        keep();
    }
};

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

// Run `claimtrack ARGS…` in-process.
inline Run run(const std::vector<std::string>& args) {
    std::vector<std::string> full{"claimtrack"};
    full.insert(full.end(), args.begin(), args.end());
    std::ostringstream out;
    std::ostringstream err;
    const int code = claimtrack::run_cli(full, out, err);
    return {code, out.str(), err.str()};
}

using claimtrack::test::read_file;

inline std::string source_dir() { return CLAIMTRACK_SOURCE_DIR; }

// Run the real binary through the shell with `args` (already quoted), capturing stdout;
// stderr goes to `err_file`.
inline Run run_binary(const std::string& args, const std::string& err_file) {
    const std::string command = std::string(CLAIMTRACK_BINARY) + " " + args + " 2>" + err_file;
    Run result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.err = read_file(err_file);
    return result;
}

}  // namespace e2e
