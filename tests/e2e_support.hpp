#pragma once

// Helpers for end-to-end tests: a temporary directory kept when a test fails, and ways to run
// whole commands (in-process through run_cli, or the real binary) and read what they print.

#include <claimtrack/cli.hpp>

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <iconv.h>

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

// Run `command` through the shell, capturing stdout; `code` is its exit status (-1 when it did
// not exit), `err` stays empty.
inline Run run_shell(const std::string& command) {
    Run result;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Run the real binary through the shell with `args` (already quoted), capturing stdout;
// stderr goes to `err_file`.
inline Run run_binary(const std::string& args, const std::string& err_file) {
    Run result = run_shell(std::string(CLAIMTRACK_BINARY) + " " + args + " 2>" + err_file);
    result.err = read_file(err_file);
    return result;
}

// Return `utf8` converted to `charset` ("GBK", "BIG5") with glibc's iconv (test input only).
inline std::string encode_as(const std::string& utf8, const char* charset) {
    iconv_t convert = iconv_open(charset, "UTF-8");
    REQUIRE(convert != reinterpret_cast<iconv_t>(-1));
    std::string in = utf8;
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size();
    std::size_t out_left = out.size();
    const std::size_t converted = iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(convert);
    REQUIRE(converted != static_cast<std::size_t>(-1));
    out.resize(out.size() - out_left);
    return out;
}

}  // namespace e2e
