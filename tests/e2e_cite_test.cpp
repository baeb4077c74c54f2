// End to end: `cite CLAIM URL --quote`: fetch when needed, anchor the quote, record it as manual.
#include "e2e_support.hpp"
#include "support/http_server.hpp"

#include <nlohmann/json.hpp>

namespace {

using e2e::run;
using nlohmann::json;

struct Cited {
    claimtrack::test::HttpServer server;
    e2e::TempDir dir;
    std::string db;
    std::string claim;
    int hits = 0;

    Cited() {
        server.routes().Get("/filing.html", [this](const httplib::Request&, httplib::Response& response) {
            ++hits;
            response.set_content(
                "<!doctype html><html lang=en><head><meta charset=utf-8><title>Larkspur annual filing</title></head><body>"
                "<article><h1>Larkspur annual filing</h1>"
                "<p>Larkspur said it would cut 2,600 jobs, about 14% of its workforce, by the end of 2026.</p>"
                "<p>The company\xE2\x80\x99s board approved the plan at its meeting in Rotterdam.</p>"
                "</article></body></html>",
                "text/html; charset=utf-8");
        });
        server.start();
        db = dir.file("t.db");
        REQUIRE(run({"--db", db, "import", dir.write("a.txt", "Larkspur cuts\n\nLarkspur said it would cut 4,000 jobs.\n"),
                     "--date", "2025-11-10"}).code == 0);
        const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
        REQUIRE_FALSE(claims.empty());
        claim = std::to_string(claims[0]["id"].get<long>());
    }

    json evidence() { return json::parse(run({"--db", db, "evidence", claim, "--json"}).out); }
};

}  // namespace

TEST_SUITE("e2e cite") {

TEST_CASE("cite fetches a new URL, anchors the quote and records manual evidence with its selector") {
    Cited t;
    const std::string url = t.server.url("/filing.html");
    const auto cited = run({"--db", t.db, "cite", t.claim, url, "--quote", "cut 2,600 jobs", "--allow-private", "--by", "lin"});
    REQUIRE_MESSAGE(cited.code == 0, cited.err);
    CHECK(cited.out.find(" (manual, fetched now)") != std::string::npos);
    CHECK(t.hits == 1);

    const json rows = t.evidence();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["origin"] == "manual");
    CHECK(rows[0]["orphaned"] == false);
    CHECK(rows[0]["url"] == url);
    CHECK(rows[0]["quote"]["exact"] == "cut 2,600 jobs");
    CHECK(rows[0]["quote"]["prefix"].get<std::string>().ends_with("Larkspur said it would "));
    CHECK(rows[0]["quote"]["suffix"].get<std::string>().rfind(", about 14%", 0) == 0);
    CHECK(rows[0]["text"].get<std::string>().find("2,600 jobs") != std::string::npos);
    CHECK(rows[0]["reason"].get<std::string>().rfind("cited by lin", 0) == 0);
    CHECK(run({"--db", t.db, "sources", "--json"}).out.find("/filing.html") != std::string::npos);
    CHECK(run({"--db", t.db, "history", t.claim}).out.find("lin") != std::string::npos);

    // The page has text now: a second quote is anchored without fetching again, up to whitespace and curly quotes.
    const auto second = run({"--db", t.db, "cite", t.claim, url, "--quote", "The company's   board approved the plan",
                             "--stance", "mentions"});
    REQUIRE_MESSAGE(second.code == 0, second.err);
    CHECK(second.out.find("quote matched ignoring whitespace/width") != std::string::npos);
    CHECK(t.hits == 1);
    CHECK(t.evidence().size() == 2);

    // `link` keeps manual rows.
    REQUIRE(run({"--db", t.db, "link"}).code == 0);
    std::size_t manual = 0;
    for (const auto& row : t.evidence()) manual += row["origin"] == "manual" ? 1 : 0;
    CHECK(manual == 2);
}

TEST_CASE("a quote not on the page is refused in one line naming the URL, recording no evidence") {
    Cited t;
    const std::string url = t.server.url("/filing.html");
    const auto missing = run({"--db", t.db, "cite", t.claim, url, "--quote", "cut 4,000 jobs", "--allow-private"});
    CHECK(missing.code == 1);
    CHECK(missing.err.rfind("claimtrack: error: " + url + ": quote: \"cut 4,000 jobs\" is not in the page text", 0) == 0);
    CHECK(missing.err.find('\n') == missing.err.size() - 1);
    CHECK(t.evidence().empty());
}

TEST_CASE("cite refuses a private address unless allowed, and an empty quote or a bad URL") {
    Cited t;
    const std::string url = t.server.url("/filing.html");
    const auto refused = run({"--db", t.db, "cite", t.claim, url, "--quote", "cut 2,600 jobs"});
    CHECK(refused.code == 1);
    CHECK(refused.err.rfind("claimtrack: error: " + url + ": fetch: fetch failed: ", 0) == 0);
    CHECK(t.hits == 0);
    CHECK(run({"--db", t.db, "cite", t.claim, url, "--quote", "  "}).code == 2);
    CHECK(run({"--db", t.db, "cite", t.claim, "not a url", "--quote", "x"}).code == 2);
    CHECK(run({"--db", t.db, "cite", "999", url, "--quote", "x"}).code == 1);
    CHECK(t.evidence().empty());
}

}
