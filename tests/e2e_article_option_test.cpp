// Every command that takes --article stops when the database has no such article, instead of
// printing an empty result as if the article had nothing in it.
#include "e2e_support.hpp"

TEST_CASE("--article naming an article the database does not hold is an error for every command") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(e2e::run({"--db", db, "import", e2e::source_dir() + "/samples/article-en-chips.txt"}).code == 0);
    const std::string before = e2e::read_file(db);
    const std::vector<std::vector<std::string>> commands = {
        {"claims", "--article", "99"}, {"sources", "--article", "99"}, {"fetch", "--article", "99"},
        {"link", "--article", "99"},   {"search", "Larkspur", "--article", "99"},
        {"report", "--article", "99"}, {"export-warc", dir.file("x.warc.gz"), "--article", "99"},
    };
    for (auto args : commands) {
        CAPTURE(args.front());
        args.insert(args.begin(), {"--db", db});
        const auto result = e2e::run(args);
        CHECK(result.code == 1);
        CHECK(result.out.empty());
        CHECK(result.err == "claimtrack: error: article 99: database: no such article (see `claimtrack articles`)\n");
    }
    CHECK(e2e::read_file(db) == before);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.warc.gz")));
    const auto one = e2e::run({"--db", db, "claims", "--article", "1"});
    CHECK(one.code == 0);
    CHECK(one.out.find("quantity") != std::string::npos);
}
