// End to end: importing articles, the listing contracts, and bad input that must change nothing.
#include "e2e_support.hpp"

#include <claimtrack/bytes.hpp>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <set>

namespace {

using e2e::run;
using nlohmann::json;

// A short article of our own, shaped like a pasted column: title, noise, claims, a source list.
const std::string k_article_zh =
    "算力之争:英伟达的中国难题\n"
    "\n"
    "500\n"
    "\n"
    "据称,英伟达正在为中国市场准备一款新芯片。\n"
    "\n"
    "英伟达的CEO是黄仁勋,他已经执掌公司三十多年。\n"
    "\n"
    "过去两年,英伟达在中国数据中心芯片市场的份额由90%下降为20%。\n"
    "\n"
    "上周,黄仁勋在台北举行的电脑展上说“中国市场非常重要”。\n"
    "\n"
    "今年3月,研究机构TechInsights发布报告称,华为新芯片的良率明显提升。\n"
    "\n"
    "华为推出了迄今为止最快的国产AI芯片。\n"
    "\n"
    "我觉得这场竞争很有意思。\n"
    "\n"
    "英伟达财报解读 https://news.example.com/nvidia/share.html?utm_source=feed\n"
    "\n"
    "黄仁勋台北演讲全文 https://tech.example.org/2025/huang-speech.html#top\n"
    "\n"
    "华为芯片良率报告 http://reports.example.net/huawei-yield\n"
    "\n"
    "国产AI芯片盘点 finance.example.cn/tech/2025-11-06/doc-chips.shtml\n"
    "\n"
    "站务\n";

std::string db_hash(const std::string& path) { return claimtrack::bytes::sha256_hex(e2e::read_file(path)); }

void expect_one_line_error(const e2e::Run& result, int code) {
    CHECK(result.code == code);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("claimtrack: error: "));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
}

}  // namespace

TEST_SUITE("e2e import") {

TEST_CASE("import stores the article, its four cited sources with normalized URLs, and typed claims") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("article.txt", k_article_zh);

    const auto imported = run({"--db", db, "import", path, "--date", "2025-11-10"});
    REQUIRE(imported.code == 0);
    CHECK(imported.out.find("Imported article 1") != std::string::npos);

    const auto sources = run({"--db", db, "sources", "--json"});
    REQUIRE(sources.code == 0);
    const json rows = json::parse(sources.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0]["url"] == "https://news.example.com/nvidia/share.html");
    CHECK(rows[0]["title"] == "英伟达财报解读");
    CHECK(rows[1]["url"] == "https://tech.example.org/2025/huang-speech.html");
    CHECK(rows[3]["url"] == "https://finance.example.cn/tech/2025-11-06/doc-chips.shtml");
    CHECK(rows[3]["title"] == "国产AI芯片盘点");
    for (const auto& row : rows) {
        CHECK(row["article"] == 1);
        CHECK(row["id"].is_number_integer());
    }

    const auto claims = run({"--db", db, "claims", "--json"});
    REQUIRE(claims.code == 0);
    const json list = json::parse(claims.out);
    REQUIRE(list.size() >= 4);
    std::set<std::string> kinds;
    for (const auto& claim : list) {
        kinds.insert(claim["kind"].get<std::string>());
        for (const char* key : {"id", "article", "kind", "text", "start", "end", "checkworthiness", "hedged", "status", "fields"}) {
            CHECK_MESSAGE(claim.contains(key), key);
        }
        const auto start = claim["start"].get<std::size_t>();
        const auto end = claim["end"].get<std::size_t>();
        CHECK(k_article_zh.substr(start, end - start) == claim["text"].get<std::string>());
        CHECK(claim["status"] == "unreviewed");
        CHECK(claim["checkworthiness"].get<double>() >= 0.0);
        CHECK(claim["checkworthiness"].get<double>() <= 1.0);
        CHECK(claim["text"].get<std::string>().find("站务") == std::string::npos);
        CHECK(claim["text"].get<std::string>().find("https://") == std::string::npos);
    }
    CHECK(kinds.contains("quantity"));
    CHECK(kinds.contains("role"));

    const auto quantity = run({"--db", db, "claims", "--kind", "quantity", "--json"});
    bool found_change = false;
    for (const auto& claim : json::parse(quantity.out)) {
        CHECK(claim["kind"] == "quantity");
        const auto& fields = claim["fields"];
        if (fields.contains("from") && fields.contains("to")) {
            found_change = found_change || (fields["from"] == "90" && fields["to"] == "20");
        }
    }
    CHECK(found_change);
}

TEST_CASE("importing the same text twice stores it once") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("article.txt", k_article_zh);
    REQUIRE(run({"--db", db, "import", path}).code == 0);
    const auto claims_before = run({"--db", db, "claims", "--json"}).out;
    const auto again = run({"--db", db, "import", path});
    CHECK(again.code == 0);
    CHECK(again.out.find("already") != std::string::npos);
    CHECK(run({"--db", db, "claims", "--json"}).out == claims_before);
    CHECK(json::parse(run({"--db", db, "articles", "--json"}).out).size() == 1);
    CHECK(json::parse(run({"--db", db, "sources", "--json"}).out).size() == 4);
}

TEST_CASE("bad input gets one error line, a non-zero exit and leaves the database as it was") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(run({"--db", db, "import", dir.write("good.txt", k_article_zh)}).code == 0);
    const std::string before = db_hash(db);

    SUBCASE("a missing file") {
        const auto result = run({"--db", db, "import", dir.file("nope.txt")});
        expect_one_line_error(result, 1);
        CHECK(result.err.find("nope.txt") != std::string::npos);
    }
    SUBCASE("a binary file") {
        const auto result = run({"--db", db, "import", dir.write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16))});
        expect_one_line_error(result, 1);
        CHECK(result.err.find("binary") != std::string::npos);
    }
    SUBCASE("an empty file") {
        const auto result = run({"--db", db, "import", dir.write("empty.txt", "")});
        expect_one_line_error(result, 1);
        CHECK(result.err.find("empty") != std::string::npos);
    }
    SUBCASE("invalid UTF-8 names the byte offset") {
        const auto result = run({"--db", db, "import", dir.write("bad.txt", "Title\n\nA line \xff\xfe here.\n")});
        expect_one_line_error(result, 1);
        CHECK(result.err.find("byte 14") != std::string::npos);
    }
    SUBCASE("an unknown claim id") {
        const auto result = run({"--db", db, "verify", "999"});
        expect_one_line_error(result, 1);
        CHECK(result.err.find("claim 999") != std::string::npos);
    }
    SUBCASE("a dispute without a note") {
        const auto result = run({"--db", db, "dispute", "1"});
        CHECK(result.code == 2);
        CHECK(result.err.find("--note") != std::string::npos);
    }
    SUBCASE("an unknown command") {
        CHECK(run({"--db", db, "frobnicate"}).code == 2);
    }
    CHECK(db_hash(db) == before);
}

TEST_CASE("a missing input file does not create a database") {
    e2e::TempDir dir;
    const std::string db = dir.file("never.db");
    CHECK(run({"--db", db, "import", dir.file("nope.txt")}).code == 1);
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("a database written by a newer claimtrack is refused and left alone") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", k_article_zh)}).code == 0);
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open(db.c_str(), &handle) == SQLITE_OK);
    REQUIRE(sqlite3_exec(handle, "PRAGMA user_version = 999", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(handle);
    const std::string before = db_hash(db);

    const auto result = run({"--db", db, "claims"});
    expect_one_line_error(result, 1);
    CHECK(result.err.find("newer") != std::string::npos);
    CHECK(db_hash(db) == before);
}

TEST_CASE("every command's --help says what it does and shows an example") {
    for (const char* command : {"import", "articles", "claims", "sources", "fetch", "link", "evidence", "verify", "dispute", "mark",
                                "history", "report", "check"}) {
        CAPTURE(command);
        const auto result = run({command, "--help"});
        CHECK(result.code == 0);
        CHECK(result.out.find("Example") != std::string::npos);
        CHECK(result.out.find(std::string("claimtrack ") + command) != std::string::npos);
    }
    const auto top = run({"--help"});
    CHECK(top.code == 0);
    CHECK(top.out.find("import") != std::string::npos);
}

TEST_CASE("the database path comes from --db, else $CLAIMTRACK_DB") {
    e2e::TempDir dir;
    const std::string env_db = dir.file("env.db");
    setenv("CLAIMTRACK_DB", env_db.c_str(), 1);
    const auto result = run({"import", dir.write("a.txt", k_article_zh)});
    unsetenv("CLAIMTRACK_DB");
    CHECK(result.code == 0);
    CHECK(std::filesystem::exists(env_db));
}

TEST_CASE("a GBK article is detected, decoded, said so, and stored as UTF-8") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string path = dir.write("gbk.txt", e2e::encode_as(k_article_zh, "GBK"));
    const auto result = run({"--db", db, "import", path});
    REQUIRE(result.code == 0);
    CHECK(result.err.find("GB18030") != std::string::npos);
    const json sources = json::parse(run({"--db", db, "sources", "--json"}).out);
    REQUIRE(sources.size() == 4);
    CHECK(sources[0]["title"] == "英伟达财报解读");
    const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
    REQUIRE_FALSE(claims.empty());
    for (const auto& claim : claims) CHECK(k_article_zh.find(claim["text"].get<std::string>()) != std::string::npos);

    const auto named = run({"--db", dir.file("u.db"), "import", path, "--encoding", "utf-8"});
    CHECK(named.code == 1);
    CHECK(named.err.find("byte ") != std::string::npos);
}

}  // TEST_SUITE
