#include <claimtrack/bytes.hpp>
#include <claimtrack/fetch.hpp>

#include "fetch/address_policy.hpp"
#include "support/fetch_helpers.hpp"
#include "support/http_server.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

using claimtrack::FetchResult;
using claimtrack::fetch::Options;
using claimtrack::fetch::PrivateAddresses;
using claimtrack::fetch::Request;
using claimtrack::test::HttpServer;
using claimtrack::test::fetch_one;
using claimtrack::test::fetch_urls;
using claimtrack::test::local_options;
using claimtrack::test::seconds_for;
using namespace std::chrono_literals;

TEST_SUITE("fetch") {

TEST_CASE("a 200 response gives status, headers, body, request and address") {
    HttpServer server;
    server.routes().Get("/hello", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("X-Test", "yes");
        res.set_content("hello world", "application/octet-stream");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/hello"));
    CHECK(result.error == "");
    CHECK(result.http_status == 200);
    CHECK(result.status_line == "HTTP/1.1 200 OK");
    CHECK(result.body == "hello world");
    CHECK(result.content_type == "application/octet-stream");
    CHECK(result.final_url == server.url("/hello"));
    CHECK(result.requested_url == server.url("/hello"));
    CHECK(result.headers.find("X-Test: yes\r\n") != std::string::npos);
    CHECK(result.headers.find("HTTP/") == std::string::npos);
    CHECK(result.request.starts_with("GET /hello HTTP/1.1\r\n"));
    CHECK(result.request.find("User-Agent: Mozilla/5.0 (compatible; claimtrack/") != std::string::npos);
    CHECK(result.request.find("Accept-Language: ") != std::string::npos);
    CHECK(result.request.find("Accept-Encoding: ") != std::string::npos);
    CHECK(result.ip == "127.0.0.1");
    CHECK(result.fetched_at.size() == 20);
    CHECK(result.fetched_at.back() == 'Z');
    CHECK(result.attempts == 1);
}

TEST_CASE("a 404 is a result, not an error, and is never retried") {
    HttpServer server;
    std::atomic<int> hits{0};
    server.routes().Get("/gone", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.status = 404;
        res.set_content("no such page", "text/plain");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/gone"));
    CHECK(result.error == "");
    CHECK(result.http_status == 404);
    CHECK(result.attempts == 1);
    CHECK(hits == 1);
}

TEST_CASE("a 500 is retried and the later 200 is kept") {
    HttpServer server;
    std::atomic<int> hits{0};
    server.routes().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
        if (++hits == 1) {
            res.status = 500;
            return;
        }
        res.set_content("second time lucky", "text/plain");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/flaky"));
    CHECK(result.http_status == 200);
    CHECK(result.body == "second time lucky");
    CHECK(result.attempts == 2);
    CHECK(hits == 2);
}

TEST_CASE("a 503 that never recovers ends after the allowed retries with the last status") {
    HttpServer server;
    std::atomic<int> hits{0};
    server.routes().Get("/down", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.status = 503;
    });
    server.start();
    Options options = local_options();
    options.retries = 2;
    const FetchResult result = fetch_one(server.url("/down"), options);
    CHECK(result.http_status == 503);
    CHECK(result.error == "");
    CHECK(result.attempts == 3);
    CHECK(hits == 3);
}

TEST_CASE("a 429 with Retry-After is retried no sooner than asked") {
    HttpServer server;
    std::mutex mutex;
    std::vector<std::chrono::steady_clock::time_point> times;
    server.routes().Get("/busy", [&](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(mutex);
        times.push_back(std::chrono::steady_clock::now());
        if (times.size() == 1) {
            res.status = 429;
            res.set_header("Retry-After", "1");
            return;
        }
        res.set_content("ok now", "text/plain");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/busy"));
    CHECK(result.http_status == 200);
    CHECK(result.attempts == 2);
    REQUIRE(times.size() == 2);
    CHECK(times[1] - times[0] >= 950ms);
}

TEST_CASE("a redirect chain ends at the final URL with only the final response's headers") {
    HttpServer server;
    server.routes().Get("/a", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/b", 301); });
    server.routes().Get("/b", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/final", 302); });
    server.routes().Get("/final", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("arrived", "application/octet-stream");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/a"));
    CHECK(result.http_status == 200);
    CHECK(result.requested_url == server.url("/a"));
    CHECK(result.final_url == server.url("/final"));
    CHECK(result.body == "arrived");
    CHECK(result.headers.find("Location") == std::string::npos);
    CHECK(result.request.starts_with("GET /final HTTP/1.1\r\n"));
}

TEST_CASE("a redirect loop stops at the redirect limit with an error") {
    HttpServer server;
    server.routes().Get("/loop", [](const httplib::Request&, httplib::Response& res) { res.set_redirect("/loop", 302); });
    server.start();
    Options options = local_options();
    options.max_redirects = 3;
    const FetchResult result = fetch_one(server.url("/loop"), options);
    CHECK(result.error == "too many redirects (more than 3)");
    CHECK_FALSE(result.http_status.has_value());
    CHECK(result.attempts == 1);
}

TEST_CASE("a redirect to an ftp URL is refused") {
    HttpServer server;
    server.routes().Get("/to-ftp", [](const httplib::Request&, httplib::Response& res) {
        res.set_redirect("ftp://127.0.0.1/file", 302);
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/to-ftp"));
    CHECK(result.error.find("unsupported scheme") != std::string::npos);
    CHECK_FALSE(result.http_status.has_value());
}

TEST_CASE("an ftp URL is refused before any connection") {
    const FetchResult result = fetch_one("ftp://127.0.0.1/file.txt");
    CHECK(result.error == "unsupported scheme \"ftp\" (only http and https)");
    CHECK_FALSE(result.http_status.has_value());
    CHECK(result.attempts == 0);
    CHECK(fetch_one("gopher://127.0.0.1/x").error == "unsupported scheme \"gopher\" (only http and https)");
    CHECK(fetch_one("not a url").error == "invalid URL");
}

TEST_CASE("a gzip-encoded response is stored decoded") {
    HttpServer server;
    const std::string page = "<html><body>" + std::string(2000, 'z') + "</body></html>";
    server.routes().Get("/gz", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(claimtrack::bytes::gzip(page), "application/octet-stream");
    });
    server.start();
    const FetchResult result = fetch_one(server.url("/gz"));
    CHECK(result.http_status == 200);
    CHECK(result.body == page);
    CHECK(result.headers.find("Content-Encoding: gzip") != std::string::npos);
}

TEST_CASE("a conditional request with an ETag gets 304 Not Modified") {
    HttpServer server;
    server.routes().Get("/cached", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-None-Match") == "\"v1\"" &&
            req.get_header_value("If-Modified-Since") == "Wed, 01 Jan 2025 00:00:00 GMT") {
            res.status = 304;
            return;
        }
        res.set_content("fresh", "text/plain");
    });
    server.start();
    std::vector<FetchResult> results(1);
    claimtrack::fetch::fetch_all({{server.url("/cached"), "\"v1\"", "Wed, 01 Jan 2025 00:00:00 GMT"}},
                                 local_options(),
                                 [&](std::size_t index, FetchResult result) { results.at(index) = std::move(result); });
    CHECK(results[0].http_status == 304);
    CHECK(results[0].body.empty());
    CHECK(results[0].request.find("If-None-Match: \"v1\"\r\n") != std::string::npos);
}

TEST_CASE("many requests all finish and each is reported once") {
    HttpServer server;
    server.routes().Get(R"(/page/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content("page " + req.matches[1].str(), "text/plain");
    });
    server.start();
    std::vector<std::string> urls;
    for (int i = 0; i < 40; ++i) urls.push_back(server.url("/page/" + std::to_string(i)));
    const auto results = fetch_urls(urls, local_options());
    for (int i = 0; i < 40; ++i) CHECK(results[static_cast<std::size_t>(i)].body == "page " + std::to_string(i));
}

}  // TEST_SUITE
