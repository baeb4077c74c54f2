// End to end: `search` over fetched sources, and `evidence --explain` with temporal flags.
#include "e2e_support.hpp"
#include "support/http_server.hpp"

#include <nlohmann/json.hpp>

#include <map>

namespace {

using e2e::run;
using nlohmann::json;

// Two pages of our own about a fictional chip maker's market share and chief executive.
void add_pages(claimtrack::test::HttpServer& server) {
    server.routes().Get("/share.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(
            "<!doctype html><html lang=en><head><meta charset=utf-8><title>Chip market review</title></head><body>"
            "<article><h1>Chip market review</h1>"
            "<p>Nvidia's share of the Chinese data-centre chip market fell from 90% to 20% over two years.</p>"
            "<p>Analysts blamed export controls and the rise of local suppliers for the decline.</p>"
            "<p>In December 2025 Nvidia will report its China market share again.</p>"
            "<p>Back in 2019, Nvidia's share of the Chinese market was 95%.</p>"
            "</article></body></html>",
            "text/html; charset=utf-8");
    });
    server.routes().Get("/ceo.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(
            "<html><head><meta charset=utf-8><title>英伟达管理层</title></head><body><div class=content>"
            "<p>英伟达的CEO黄仁勋在发布会上介绍了新的数据中心产品和软件路线图。</p>"
            "<p>公司表示，今年的研发投入会继续增加，主要用于新一代加速器。</p></div></body></html>",
            "text/html; charset=utf-8");
    });
}

std::string article_citing(const claimtrack::test::HttpServer& server) {
    return "芯片市场观察\n\n"
           "英伟达的CEO是黄仁勋。\n\n"
           "过去两年，英伟达在中国数据中心芯片市场的份额由90%下降为20%。\n\n"
           "市场回顾 " + server.url("/share.html") + "\n"
           "管理层介绍 " + server.url("/ceo.html") + "\n";
}

// A database with the article imported (dated 2025-11-10) and both pages fetched.
struct Filled {
    claimtrack::test::HttpServer server;
    e2e::TempDir dir;
    std::string db;

    Filled() {
        add_pages(server);
        server.start();
        db = dir.file("t.db");
        REQUIRE(run({"--db", db, "import", dir.write("a.txt", article_citing(server)), "--date", "2025-11-10"}).code == 0);
        REQUIRE(run({"--db", db, "fetch", "--allow-private", "--jobs", "2"}).out.find("2 ok") != std::string::npos);
    }
};

}  // namespace

TEST_SUITE("e2e search") {

TEST_CASE("search reads a statement as a claim and ranks the agreeing passage first, across languages") {
    Filled store;
    const auto found = run({"--db", store.db, "search", "英伟达在中国的市场份额由90%下降为20%", "--json"});
    REQUIRE(found.code == 0);
    const json hits = json::parse(found.out);
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0]["text"].get<std::string>().find("90% to 20%") != std::string::npos);
    CHECK(hits[0]["stance"] == "supports");
    CHECK(hits[0]["url"] == store.server.url("/share.html"));
    for (const char* key : {"passage", "score", "reason"}) CHECK(hits[0].contains(key));
    for (std::size_t i = 1; i < hits.size(); ++i) CHECK(hits[i - 1]["score"].get<double>() >= hits[i]["score"].get<double>());

    const json wrong = json::parse(run({"--db", store.db, "search", "Nvidia's market share in China fell from 95% to 0%.", "--json"}).out);
    REQUIRE_FALSE(wrong.empty());
    CHECK(wrong[0]["stance"] == "contradicts");
    CHECK(wrong[0]["reason"].get<std::string>().find("90%") != std::string::npos);
}

TEST_CASE("search with plain words ranks by shared words, honours --limit, and prints URLs and stances") {
    Filled store;
    const json hits = json::parse(run({"--db", store.db, "search", "export controls local suppliers", "--json", "--limit", "1"}).out);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["text"].get<std::string>().find("export controls") != std::string::npos);
    CHECK(hits[0]["stance"] == "mentions");
    CHECK(hits[0]["score"].get<double>() == doctest::Approx(1.0));

    const auto text = run({"--db", store.db, "search", "研发投入"});
    REQUIRE(text.code == 0);
    CHECK(text.out.find("Not read as a claim") != std::string::npos);
    CHECK(text.out.find(store.server.url("/ceo.html")) != std::string::npos);
    CHECK(text.out.find("mentions") != std::string::npos);

    const auto nothing = run({"--db", store.db, "search", "\" OR NEAR(", "--json"});
    CHECK(nothing.code == 0);
    CHECK(json::parse(nothing.out).empty());
    CHECK(run({"--db", store.db, "search", "x", "--limit", "0"}).code == 2);
}

TEST_CASE("evidence --explain shows the features and flags passages dated after or long before the article") {
    Filled store;
    REQUIRE(run({"--db", store.db, "link"}).code == 0);
    const json claims = json::parse(run({"--db", store.db, "claims", "--json"}).out);
    std::string share_id;
    std::string role_id;
    for (const auto& claim : claims) {
        const std::string text = claim["text"];
        if (text.find("90%") != std::string::npos) share_id = std::to_string(claim["id"].get<long>());
        if (text.find("CEO") != std::string::npos) role_id = std::to_string(claim["id"].get<long>());
    }
    REQUIRE_FALSE(share_id.empty());
    REQUIRE_FALSE(role_id.empty());

    const auto explained = run({"--db", store.db, "evidence", share_id, "--explain"});
    REQUIRE(explained.code == 0);
    CHECK(explained.out.find("supports") != std::string::npos);
    CHECK(explained.out.find("found as \"Nvidia\"") != std::string::npos);
    CHECK(explained.out.find("numbers: claim 90%, 20%") != std::string::npos);

    const json rows = json::parse(run({"--db", store.db, "evidence", share_id, "--json", "--explain"}).out);
    REQUIRE_FALSE(rows.empty());
    std::map<std::string, std::string> flags;  // first words of the passage → flag
    for (const auto& row : rows) {
        REQUIRE(row.contains("temporal"));
        CHECK(row["features"].is_array());
        flags[row["text"].get<std::string>().substr(0, 8)] = row["temporal"];
    }
    REQUIRE(flags.size() >= 3);
    CHECK(flags.count("Nvidia's") == 1);
    CHECK(flags["In Decem"] == "after-article");
    CHECK(flags["Back in "] == "long-before");
    CHECK(flags["Nvidia's"] == "");
    CHECK(explained.out.find("[after-article]") != std::string::npos);
    const json role = json::parse(run({"--db", store.db, "evidence", role_id, "--json"}).out);
    REQUIRE_FALSE(role.empty());
    CHECK(role[0]["stance"] == "supports");
    CHECK(role[0]["temporal"] == "");
    CHECK_FALSE(role[0].contains("features"));
}

}  // TEST_SUITE
