#include <claimtrack/fetch.hpp>

#include "support/fetch_helpers.hpp"
#include "support/http_server.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using claimtrack::FetchResult;
using claimtrack::fetch::judge_outcome;
using claimtrack::test::HttpServer;
using claimtrack::test::fetch_one;

namespace {

FetchResult with_status(int status) {
    FetchResult result;
    result.http_status = status;
    return result;
}

FetchResult with_error(std::string error) {
    FetchResult result;
    result.error = std::move(error);
    return result;
}

// Return the judgement of a 200 text page with `title` and `text`.
std::string judge_page(std::string_view title, std::string_view text) {
    return judge_outcome(with_status(200), true, title, text);
}

// Return the text between <title> and </title> in `page`: enough for these pages of ours.
std::string title_of(const std::string& page) {
    const auto open = page.find("<title>");
    const auto close = page.find("</title>");
    if (open == std::string::npos || close == std::string::npos) return "";
    return page.substr(open + 7, close - open - 7);
}

}  // namespace

TEST_SUITE("fetch outcome") {

TEST_CASE("statuses map to dead, unreachable, not-modified and ok") {
    CHECK(judge_outcome(with_status(404), true, "", "") == "dead");
    CHECK(judge_outcome(with_status(410), true, "", "") == "dead");
    CHECK(judge_outcome(with_status(304), false, "", "") == "not-modified");
    for (int status : {401, 403, 429, 500, 502, 503, 504}) {
        CAPTURE(status);
        CHECK(judge_outcome(with_status(status), true, "", "") == "unreachable");
    }
    CHECK(judge_outcome(with_status(200), true, "Chip exports rose 12%", "Exports of chips rose.") == "ok");
    CHECK(judge_outcome(with_status(203), true, "A title", "Some text.") == "ok");
}

TEST_CASE("a response with no text is not-text, even when its title would say missing") {
    CHECK(judge_outcome(with_status(200), false, "", "") == "not-text");
    CHECK(judge_outcome(with_status(200), false, "404", "") == "not-text");
}

TEST_CASE("errors without a response are unreachable unless we refused to connect") {
    CHECK(judge_outcome(with_error("timeout: Operation timed out after 1000 milliseconds"), true, "", "") == "unreachable");
    CHECK(judge_outcome(with_error("cannot resolve host: Could not resolve host: nowhere.invalid"), true, "", "") ==
          "unreachable");
    CHECK(judge_outcome(with_error("connection failed: Connection refused"), true, "", "") == "unreachable");
    CHECK(judge_outcome(with_error("Recv failure: Connection reset by peer"), true, "", "") == "unreachable");
    CHECK(judge_outcome(with_error("refused to connect to 10.0.0.5 (private) address; allow private addresses to fetch it"),
                        true, "", "") == "refused");
    CHECK(judge_outcome(with_error("unsupported scheme \"ftp\" (only http and https)"), true, "", "") == "refused");
}

TEST_CASE("a 200 whose title says the page is missing is soft-404, in English and Chinese") {
    CHECK(judge_page("Page Not Found", "Try the search box or go back home.") == "soft-404");
    CHECK(judge_page("404", "") == "soft-404");
    CHECK(judge_page("404 - Example News", "") == "soft-404");
    CHECK(judge_page("Not Found", "") == "soft-404");
    CHECK(judge_page("Sorry, this page doesn't exist", "") == "soft-404");
    CHECK(judge_page("Error 404 | The Daily Example", "") == "soft-404");
    CHECK(judge_page("页面不存在", "") == "soft-404");
    CHECK(judge_page("404 找不到页面 - 示例新闻网", "") == "soft-404");
    CHECK(judge_page("该内容已被删除", "") == "soft-404");
    CHECK(judge_page("網頁不存在", "") == "soft-404");
}

TEST_CASE("a 200 whose short main text says the page is missing is soft-404") {
    CHECK(judge_page("示例新闻网", "抱歉，您访问的页面不存在，请返回首页。") == "soft-404");
    CHECK(judge_page("示例新闻网", "文章已删除") == "soft-404");
    CHECK(judge_page("示例新闻网", "该帖子已被删除。") == "soft-404");
    CHECK(judge_page("The Example Times", "We're sorry. The page you requested could not be found.") == "soft-404");
    CHECK(judge_page("The Example Times", "This article is no longer available.") == "soft-404");
}

TEST_CASE("an article that merely mentions 404 or missing pages stays ok") {
    CHECK(judge_page("Route 404 reopens after floods", "The road reopened on Monday.") == "ok");
    CHECK(judge_page("4040 jobs added in March", "Employers added jobs.") == "ok");
    CHECK(judge_page("Missing hiker not found after three days", "Rescuers kept searching.") == "ok");
    CHECK(judge_page("Statue has been removed from the square", "Workers removed it at night.") == "ok");
    std::string long_article = "Why websites show a page not found error, and what a 404 means. ";
    while (long_article.size() < 2000) long_article += "Servers answer with status codes; readers see pages. ";
    CHECK(judge_page("How the web handles broken links", long_article) == "ok");
    std::string long_zh = "记者调查发现，许多政府网站的旧链接已经显示页面不存在。";
    while (long_zh.size() < 2000) long_zh += "研究人员统计了三千个链接，其中四成已经失效。";
    CHECK(judge_page("政府网站链接失效调查", long_zh) == "ok");
}

TEST_CASE("pages fetched from a local server are judged by status and content") {
    HttpServer server;
    const std::string soft = "<html><head><title>页面不存在</title></head><body><p>返回首页</p></body></html>";
    const std::string real = "<html><head><title>芯片出口增长</title></head><body><p>出口增长了百分之十二。</p></body></html>";
    server.routes().Get("/soft", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(soft, "text/html; charset=utf-8");
    });
    server.routes().Get("/real", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(real, "text/html; charset=utf-8");
    });
    server.routes().Get("/gone", [&](const httplib::Request&, httplib::Response& res) {
        res.status = 410;
        res.set_content("gone", "text/plain");
    });
    server.start();
    const FetchResult soft_result = fetch_one(server.url("/soft"));
    CHECK(soft_result.http_status == 200);
    CHECK(judge_outcome(soft_result, true, title_of(soft_result.body), "返回首页") == "soft-404");
    const FetchResult real_result = fetch_one(server.url("/real"));
    CHECK(judge_outcome(real_result, true, title_of(real_result.body), "出口增长了百分之十二。") == "ok");
    CHECK(judge_outcome(fetch_one(server.url("/gone")), true, "", "gone") == "dead");
}

}  // TEST_SUITE
