// End to end: evidence quotes follow a page that changed (`fetch --refresh`, then `link`), or are orphaned.
#include "e2e_support.hpp"
#include "support/http_server.hpp"

#include <nlohmann/json.hpp>

#include <atomic>

namespace {

using e2e::run;
using nlohmann::json;

std::string page(bool changed) {
    std::string body = "<!doctype html><html lang=en><head><meta charset=utf-8><title>Larkspur restructuring</title></head>"
                       "<body><article><h1>Larkspur restructuring</h1>";
    if (changed) body += "<p>Correction appended on Friday: an earlier version misspelled a word.</p>";
    body += "<p>Larkspur said it would cut 2,600 jobs, about 14% of its workforce.</p>";
    body += changed ? "<p>The restructuring falls mostly on its modem unit in Rotterdam.</p>"
                    : "<p>The restructureing falls mostly on its modem unit in Rotterdam.</p>";
    if (!changed) body += "<p>Larkspur shares fell 6% in Amsterdam trading after the announcement.</p>";
    return body + "</article></body></html>";
}

json find_row(const json& rows, const std::string& words) {
    for (const auto& row : rows) {
        if (row["quote"]["exact"].get<std::string>().find(words) != std::string::npos) return row;
    }
    return nullptr;
}

}  // namespace

TEST_SUITE("e2e reanchor") {

TEST_CASE("after fetch --refresh of a changed page, quotes move, follow a small edit, or are orphaned") {
    claimtrack::test::HttpServer server;
    std::atomic<bool> changed{false};
    server.routes().Get("/cuts.html", [&changed](const httplib::Request&, httplib::Response& response) {
        response.set_content(page(changed), "text/html; charset=utf-8");
    });
    server.start();
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string url = server.url("/cuts.html");
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", "Larkspur cuts\n\nLarkspur said it would cut 4,000 jobs.\n\nCuts " + url + "\n"),
                 "--date", "2025-11-10"}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--allow-private"}).code == 0);
    const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
    REQUIRE_FALSE(claims.empty());
    const std::string claim = std::to_string(claims[0]["id"].get<long>());
    for (const char* quote : {"cut 2,600 jobs", "The restructureing falls mostly on its modem unit in Rotterdam.",
                              "Larkspur shares fell 6% in Amsterdam trading"}) {
        const auto cited = run({"--db", db, "cite", claim, url, "--quote", quote});
        REQUIRE_MESSAGE(cited.code == 0, cited.err);
    }
    const json before = json::parse(run({"--db", db, "evidence", claim, "--json"}).out);
    const auto old_start = find_row(before, "cut 2,600 jobs")["quote"]["start"].get<long>();

    changed = true;
    REQUIRE(run({"--db", db, "fetch", "--refresh", "--allow-private"}).code == 0);
    REQUIRE(run({"--db", db, "link"}).code == 0);
    const json after = json::parse(run({"--db", db, "evidence", claim, "--json"}).out);

    const json moved = find_row(after, "cut 2,600 jobs");
    REQUIRE(moved.is_object());
    CHECK(moved["orphaned"] == false);
    CHECK(moved["origin"] == "manual");
    CHECK(moved["quote"]["start"].get<long>() > old_start);
    CHECK(moved["text"].get<std::string>().find("2,600 jobs") != std::string::npos);

    const json edited = find_row(after, "modem unit");
    REQUIRE(edited.is_object());
    CHECK(edited["orphaned"] == false);
    CHECK(edited["quote"]["exact"] == "The restructuring falls mostly on its modem unit in Rotterdam.");
    CHECK(edited["reason"].get<std::string>().find("re-anchored") != std::string::npos);

    const json gone = find_row(after, "shares fell 6%");
    REQUIRE(gone.is_object());
    CHECK(gone["orphaned"] == true);
    CHECK(gone["text"].get<std::string>().find("shares fell 6%") != std::string::npos);

    // Linking again changes nothing: the orphan stays an orphan and is never attached elsewhere.
    REQUIRE(run({"--db", db, "link"}).code == 0);
    const json again = json::parse(run({"--db", db, "evidence", claim, "--json"}).out);
    CHECK(find_row(again, "shares fell 6%")["orphaned"] == true);
    CHECK(find_row(again, "cut 2,600 jobs")["quote"] == moved["quote"]);
}

}
