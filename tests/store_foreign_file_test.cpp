#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace claimtrack;

namespace {

void write_file(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string refusal(const std::string& path) {
    try {
        Store store(path);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_SUITE("store: a file that is not a database") {

TEST_CASE("a short file that is not SQLite is refused and left as it was") {
    test::TempDir dir;
    for (const std::string& bytes : {std::string("x"), std::string("notes for the editor\n"), std::string(99, 'a'),
                                    std::string("SQLite format 2", 15)}) {
        const std::string path = dir.file("notes.db");
        write_file(path, bytes);
        CHECK(refusal(path).find("not a claimtrack database") != std::string::npos);
        CHECK(test::read_file(path) == bytes);
    }
}

TEST_CASE("an empty file becomes a new database") {
    test::TempDir dir;
    const std::string path = dir.file("empty.db");
    write_file(path, "");
    CHECK(refusal(path).empty());
    Store store(path);
    CHECK(store.version() == Store::latest_version());
}

}  // TEST_SUITE
