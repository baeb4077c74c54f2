#pragma once

// Helpers for end-to-end tests: a temporary directory kept when a test fails, and ways to run
// whole commands (in-process through run_cli, or the real binary) and read what they print.

#include <claimtrack/cli.hpp>

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

// A fresh directory under the system temp dir, removed at the end unless a check failed.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = fs::temp_directory_path() / ("claimtrack-test-" + std::to_string(random()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        if (current_test_failed()) {
            MESSAGE("kept temporary directory " << m_path.string());
            return;
        }
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

    // Write `content` to `name` inside the directory and return its path.
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream out(m_path / name, std::ios::binary);
        out << content;
        return file(name);
    }

private:
    fs::path m_path;
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

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

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
