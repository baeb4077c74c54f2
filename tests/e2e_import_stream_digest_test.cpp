// A streamed import hashes its lines through a buffer (LineDigest); the stored sha256 must be the
// SHA-256 of the body, and a second import of the file must find it already stored.
#include "e2e_stored.hpp"
#include "e2e_support.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/bytes.hpp>
#include <claimtrack/store.hpp>

#include <string>
#include <vector>

using namespace claimtrack;

TEST_SUITE("e2e: import stream digest") {

TEST_CASE("the sha256 of a streamed article is the SHA-256 of its body, for lines of every size") {
    const std::string sentence = "Larkspur sold 4 million handsets in 2024, up 12% from a year earlier. ";
    std::vector<std::string> bodies;
    bodies.push_back("Title\n" + sentence + "\n");
    bodies.push_back("Title\n" + sentence);  // no newline at the end
    std::string many = "Title\n";
    for (int k = 0; many.size() < 200000; ++k) many += std::to_string(k) + " " + sentence + "\n\n";
    bodies.push_back(many);  // small lines, far past the digest's 64 KB piece
    std::string long_lines = "Title\n";
    for (const std::size_t size : {65535, 65536, 65537, 70000, 1200000}) {
        std::string line;
        while (line.size() < size) line += sentence;
        line.resize(size);
        long_lines += line + "\n" + sentence + "\n";
    }
    bodies.push_back(long_lines);  // single lines at, around and past the piece, and past a chunk
    for (const std::string& body : bodies) {
        CAPTURE(body.size());
        e2e::TempDir dir;
        const std::string path = dir.write("a.txt", body);
        app::ImportOptions options;
        options.path = path;
        options.date = "2025-11-10";
        Store store(dir.file("t.db"));
        const auto imported = app::import_file(options, [&]() -> Store& { return store; });
        REQUIRE(imported.result.article != 0);
        const Article article = *store.article(imported.result.article);
        CHECK(article.body == body);
        CHECK(article.sha256 == bytes::sha256_hex(body));
        const auto again = app::import_file(options, [&]() -> Store& { return store; });
        CHECK(again.result.article == imported.result.article);
        CHECK(store.articles().size() == 1);
    }
}

}
