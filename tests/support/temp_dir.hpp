#pragma once

// A temporary directory for tests, and a whole-file reader; shared by every test executable.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace claimtrack::test {

// A fresh directory under the system temp dir, removed with its contents at scope exit
// unless `keep` was called.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("claimtrack-test-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        if (m_keep) return;
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    void keep() { m_keep = true; }

    // Write `content` to `name` inside the directory and return its path.
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream out(m_path / name, std::ios::binary);
        out << content;
        return file(name);
    }

private:
    std::filesystem::path m_path;
    bool m_keep = false;
};

// Return the bytes of the file at `path` ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace claimtrack::test
