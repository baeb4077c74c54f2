// A plain-text UTF-8 file is imported as it streams (app::import_file); the stored article must be
// the one read_article + import_article store from the same bytes read whole.
#include "app/import_detail.hpp"
#include "e2e_stored.hpp"
#include "e2e_support.hpp"

#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

using namespace claimtrack;

namespace {

using e2e::Stored;
using e2e::stored;

// Import `path` streamed into one database and read whole into another; return both.
std::pair<Stored, Stored> both_ways(const e2e::TempDir& dir, const std::string& path, const std::string& name) {
    app::ImportOptions options;
    options.path = path;
    options.date = "2025-11-10";
    Store streamed(dir.file(name + "-streamed.db"));
    const auto imported = app::import_file(options, [&]() -> Store& { return streamed; });
    CHECK(imported.charset == "UTF-8");
    Store whole(dir.file(name + "-whole.db"));
    const auto read = app::import_article(whole, app::read_article(options).article);
    CHECK(imported.result.claims == read.claims);
    CHECK(imported.result.paragraphs == read.paragraphs);
    CHECK(imported.result.sources == read.sources);
    CHECK(imported.result.title == read.title);
    return {stored(streamed, imported.result.article), stored(whole, read.article)};
}

void same_both_ways(const e2e::TempDir& dir, const std::string& path, const std::string& name) {
    CAPTURE(path);
    const auto [streamed, whole] = both_ways(dir, path, name);
    CHECK(streamed.article.body.size() == whole.article.body.size());
    CHECK(streamed.article == whole.article);
    REQUIRE(streamed.claims.size() == whole.claims.size());
    for (std::size_t i = 0; i < whole.claims.size(); ++i) {
        CAPTURE(i);
        CHECK(streamed.claims[i].text == whole.claims[i].text);
        CHECK(streamed.claims[i] == whole.claims[i]);
    }
}

std::string database_bytes(const std::string& path) { return e2e::read_file(path); }

}  // namespace

TEST_CASE("a streamed import stores what reading the file whole stores: samples and evaluation articles") {
    e2e::TempDir dir;
    int n = 0;
    for (const std::string name : {"samples/article-zh-chips.txt", "samples/article-en-chips.txt",
                                   "tests/claims_eval/zh_chip_policy.txt", "tests/claims_eval/en_ferry_news.txt"}) {
        same_both_ways(dir, e2e::source_dir() + "/" + name, std::to_string(++n));
    }
}

TEST_CASE("a streamed import reads BOM, CRLF, lone CR, a missing last newline and a source list as parse does") {
    e2e::TempDir dir;
    const std::string text =
        "\xEF\xBB\xBF" "星河半导体发布三季报\r\n\r\n"
        "2025年11月6日，星河半导体表示，公司第三季度营收同比增长42%，达到120亿元。\r"
        "  Northwind Devices said its share of the market fell from 31% to 18% last year.  \n"
        "500\n分享到\n\n参考资料\r\n星河半导体财报 https://finance.example.cn/2025/doc-1.shtml?utm_source=x\r\n"
        "Northwind results news.example.com/northwind\nShare";
    same_both_ways(dir, dir.write("mixed.txt", text), "mixed");
}

TEST_CASE("a streamed import reads lines longer than its read buffer and a CRLF split across two reads") {
    e2e::TempDir dir;
    const std::string sentence = "星河半导体的市场份额由15%上升到23%，位居全球第二。Northwind Devices cut 1,200 jobs in April. ";
    std::string text = "Title line\n";
    while (text.size() < (1u << 20) - 1) text += sentence.substr(0, std::min(sentence.size(), (1u << 20) - 1 - text.size()));
    // The first read ends between the CR and the LF.
    while ((text.size() & 0xFFFFF) != 0xFFFFF) text.pop_back();
    text += "\r\n";
    for (int i = 0; i < 30000; ++i) text += sentence;  // a 3 MB line
    text += "\nThe last line says that Larkspur sold 4 million handsets in 2024.\n";
    // Cut on a character boundary where the filler was trimmed.
    same_both_ways(dir, dir.write("long.txt", text), "long");
}

TEST_CASE("a streamed import of invalid UTF-8 under --encoding utf-8 names the byte and leaves the database as it was") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string good = dir.write("good.txt", "标题\n星河半导体的营收增长了42%，达到120亿元，创下历史新高。\n");
    REQUIRE(e2e::run({"--db", db, "import", good}).code == 0);
    const std::string before = database_bytes(db);
    std::string text = "Title\n";
    while (text.size() < (1u << 20) + 5000) text += "Larkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n";
    const std::size_t bad_at = text.size() + std::string_view("Some words ").size();
    text += "Some words \xC3( more words\n";
    const std::string path = dir.write("bad.txt", text);
    const auto refused = e2e::run({"--db", db, "import", path, "--encoding", "utf-8", "--max-size", "0"});
    CHECK(refused.code == 1);
    CHECK(refused.err == "claimtrack: error: " + path + ": byte " + std::to_string(bad_at) + ": invalid UTF-8 byte sequence\n");
    CHECK(database_bytes(db) == before);
    // Without --encoding the bytes go to charset detection, as a whole read does.
    app::ImportOptions options;
    options.path = path;
    std::string charset;
    std::string whole_error;
    try {
        charset = app::read_article(options).charset;
    } catch (const Error& e) {
        whole_error = e.what();
    }
    const auto detected = e2e::run({"--db", db, "import", path, "--max-size", "0"});
    if (whole_error.empty()) {
        CHECK(detected.code == 0);
        CHECK(charset != "UTF-8");
        CHECK(detected.err.find("decoded as " + charset) != std::string::npos);
    } else {
        CHECK(detected.code == 1);
        CHECK(detected.err == "claimtrack: error: " + whole_error + "\n");
        CHECK(database_bytes(db) == before);
    }
}

TEST_CASE("a file that changes between the two passes is refused and nothing is stored") {
    e2e::TempDir dir;
    const std::string path = dir.write("a.txt", "Title\nLarkspur sold 4 million handsets in 2024, up 12% from a year earlier.\n");
    app::ImportOptions options;
    options.path = path;
    auto scanned = app::detail::scan(options);
    REQUIRE(scanned.has_value());
    dir.write("a.txt", "Title\nLarkspur sold 5 million handsets in 2024, up 12% from a year earlier.\n");
    Store store(dir.file("t.db"));
    try {
        (void)app::detail::import_scanned(store, options, std::move(*scanned));
        FAIL("the changed file was imported");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("changed while it was being imported") != std::string::npos);
    }
    CHECK(store.articles().empty());
    CHECK(store.claims({.article = {}, .kind = {}, .status = {}}).empty());
}

TEST_CASE("an article body is UTF-8 bytes that the stock shell's SQL cuts at claim spans, streamed or read whole") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string text = "标题\n英伟达在中国的市场份额由95%下降为0。\n";
    REQUIRE(e2e::run({"--db", db, "import", dir.write("a.txt", text)}).code == 0);
    REQUIRE(e2e::run({"--db", db, "import", dir.write("b.md", "# 标题\n\n英伟达在中国的市场份额由95%下降为0，博通的CEO是陈福阳。\n")}).code == 0);
    SQLite::Database plain(db, SQLite::OPEN_READONLY);
    CHECK(plain.execAndGet("SELECT CAST(body AS TEXT) FROM article WHERE id = 1").getString() == text);
    CHECK(plain.execAndGet("SELECT count(*) FROM article WHERE typeof(body) = 'blob'").getInt() == 2);
    CHECK(plain.execAndGet("SELECT count(*) FROM article WHERE CAST(body AS TEXT) LIKE '%市场份额%'").getInt() == 2);
    SQLite::Statement spans(plain, "SELECT c.text, CAST(substr(a.body, c.start + 1, c.end - c.start) AS TEXT) FROM claim c JOIN article a ON a.id = c.article");
    int claims = 0;
    while (spans.executeStep()) {
        CHECK(spans.getColumn(0).getString() == spans.getColumn(1).getString());
        ++claims;
    }
    CHECK(claims >= 2);
}
