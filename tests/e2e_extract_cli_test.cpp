// End to end: `extract` prints what the extractor sees in a saved page, and says when a page was
// too long to read whole.
#include "e2e_support.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <string>

namespace {

using e2e::run;
using nlohmann::json;

std::string write_page(const e2e::TempDir& dir, const std::string& name, const std::string& html) {
    const std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << html;
    return path;
}

}  // namespace

TEST_SUITE("e2e extract") {

TEST_CASE("extract --json gives the title, the main text, its passages and no truncation for a normal page") {
    e2e::TempDir dir;
    const std::string page = write_page(dir, "story.html",
        "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Harbour cranes return | Coast Daily</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour cranes return</h1>"
        "<p>The port of Veldmark reopened its container terminal on Monday after a four-month refit, the harbour board said.</p>"
        "<p>Traffic fell 18% while the cranes were replaced, according to the board's quarterly figures.</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>");
    const auto result = run({"extract", page, "--json"});
    REQUIRE(result.code == 0);
    const json doc = json::parse(result.out);
    CHECK(doc["title"] == "Harbour cranes return");
    CHECK(doc["language"] == "en");
    CHECK(doc["truncated"] == false);
    const std::string text = doc["text"];
    CHECK(text.find("Traffic fell 18%") != std::string::npos);
    CHECK(text.find("Subscribe") == std::string::npos);
    REQUIRE(doc["passages"].size() >= 2);
    const json& first = doc["passages"][0];
    CHECK(text.substr(first["start"].get<std::size_t>(), first["end"].get<std::size_t>() - first["start"].get<std::size_t>()) ==
          first["text"].get<std::string>());
}

TEST_CASE("extract marks a page longer than the markup cap as truncated and keeps its start") {
    e2e::TempDir dir;
    std::string html = "<html><head><meta charset=\"utf-8\"><title>Long filing</title></head><body><article>";
    html += "<p>Section one opens the filing with the figures the auditors checked first.</p>";
    const std::string paragraph = "<p>Another paragraph of the annual filing, repeated to make the page long enough.</p>\n";
    while (html.size() < (9u << 20)) html += paragraph;
    html += "<p>The closing remark nobody reaches.</p></article></body></html>";
    const std::string page = write_page(dir, "long.html", html);

    const auto as_json = run({"extract", page, "--json"});
    REQUIRE(as_json.code == 0);
    const json doc = json::parse(as_json.out);
    CHECK(doc["truncated"] == true);
    const std::string text = doc["text"];
    CHECK(text.find("Section one opens the filing") != std::string::npos);
    CHECK(text.find("The closing remark nobody reaches.") == std::string::npos);

    const auto plain = run({"extract", page});
    REQUIRE(plain.code == 0);
    CHECK(plain.out.find("its end was not read") != std::string::npos);
}

}  // TEST_SUITE
