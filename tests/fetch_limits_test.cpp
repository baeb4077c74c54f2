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

TEST_SUITE("fetch limits") {

TEST_CASE("a server that never answers ends by timeout") {
    HttpServer server;
    server.routes().Get("/silent", [&](const httplib::Request&, httplib::Response& res) {
        server.pause(10s);
        res.set_content("too late", "text/plain");
    });
    server.start();
    Options options = local_options();
    options.timeout_ms = 1'000;
    options.retries = 0;
    FetchResult result;
    const double took = seconds_for([&] { result = fetch_one(server.url("/silent"), options); });
    CHECK(result.error.starts_with("timeout: "));
    CHECK_FALSE(result.http_status.has_value());
    CHECK(took < 3.0);
}

TEST_CASE("a server that drips bytes is cut by the low-speed limit") {
    HttpServer server;
    server.routes().Get("/drip", [&](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("text/plain", [&](std::size_t, httplib::DataSink& sink) {
            if (!server.pause(300ms)) return false;
            return sink.write("x", 1);
        });
    });
    server.start();
    Options options = local_options();
    options.timeout_ms = 30'000;
    options.low_speed_bytes = 100;
    options.low_speed_seconds = 1;
    options.retries = 0;
    FetchResult result;
    const double took = seconds_for([&] { result = fetch_one(server.url("/drip"), options); });
    CHECK(result.error.starts_with("timeout: "));
    CHECK(took < 5.0);
}

TEST_CASE("a body over the cap is cut with an error, also without Content-Length") {
    HttpServer server;
    server.routes().Get("/big", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::string(5000, 'b'), "application/octet-stream");
    });
    server.routes().Get("/endless", [&](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/octet-stream", [&](std::size_t, httplib::DataSink& sink) {
            const std::string chunk(1024, 'e');
            return !server.stopping() && sink.write(chunk.data(), chunk.size());
        });
    });
    server.start();
    Options options = local_options();
    options.max_body = 1000;
    const auto results = fetch_urls({server.url("/big"), server.url("/endless")}, options);
    for (const auto& result : results) {
        CHECK(result.error == "body larger than 1000 bytes");
        CHECK_FALSE(result.http_status.has_value());
        CHECK(result.body.empty());
        CHECK(result.attempts == 1);
    }
}

TEST_CASE("a body several receive buffers long arrives whole, plain and gzip beyond its Content-Length") {
    HttpServer server;
    std::string page;
    for (int i = 0; page.size() < 700'000; ++i) page += "line " + std::to_string(i) + " of a long page\n";
    const std::string packed = claimtrack::bytes::gzip(page);
    server.routes().Get("/plain", [&](const httplib::Request&, httplib::Response& res) { res.set_content(page, "text/plain"); });
    server.routes().Get("/packed", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(packed, "text/plain");
    });
    server.start();
    REQUIRE(packed.size() < page.size() / 4);
    // Generous limits: this checks the bytes, not the speed, and CI runs it under sanitizers.
    Options options = local_options();
    options.connect_timeout_ms = 10'000;
    options.timeout_ms = 60'000;
    const auto results = fetch_urls({server.url("/plain"), server.url("/packed")}, options);
    for (const auto& result : results) {
        INFO(result.requested_url, " ", result.error);
        CHECK(result.error.empty());
        CHECK(result.http_status == 200);
        CHECK(result.body == page);
    }
}

TEST_CASE("a gzip bomb is cut by the body cap counted after decompression") {
    HttpServer server;
    const std::string bomb = claimtrack::bytes::gzip(std::string(1'000'000, '\0'));
    server.routes().Get("/bomb", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(bomb, "application/octet-stream");
    });
    server.start();
    Options options = local_options();
    options.max_body = 10'000;
    REQUIRE(bomb.size() < options.max_body);
    const FetchResult result = fetch_one(server.url("/bomb"), options);
    CHECK(result.error == "body larger than 10000 bytes");
}

TEST_CASE("a refused connection is retried, then reported") {
    int port = 0;
    {
        HttpServer closed;
        closed.start();
        port = closed.port();
    }
    Options options = local_options();
    options.retries = 1;
    const FetchResult result = fetch_one("http://127.0.0.1:" + std::to_string(port) + "/", options);
    CHECK(result.error.starts_with("connection failed: "));
    CHECK(result.attempts == 2);
    CHECK_FALSE(result.http_status.has_value());
}

TEST_CASE("cancelling stops the run and leaves unfinished requests unreported") {
    HttpServer server;
    server.routes().Get("/quick", [](const httplib::Request&, httplib::Response& res) { res.set_content("q", "text/plain"); });
    server.routes().Get("/stuck", [&](const httplib::Request&, httplib::Response& res) {
        server.pause(10s);
        res.set_content("late", "text/plain");
    });
    server.start();
    std::atomic<bool> cancel{false};
    Options options = local_options();
    options.cancel = &cancel;
    std::vector<std::size_t> reported;
    const double took = seconds_for([&] {
        claimtrack::fetch::fetch_all({{server.url("/stuck"), "", ""}, {server.url("/quick"), "", ""}}, options,
                                     [&](std::size_t index, FetchResult) {
                                         reported.push_back(index);
                                         cancel = true;
                                     });
    });
    CHECK(reported == std::vector<std::size_t>{1});
    CHECK(took < 2.0);
}

TEST_CASE("too many response headers are cut with an error") {
    HttpServer server;
    server.routes().Get("/headers", [](const httplib::Request&, httplib::Response& res) {
        for (int i = 0; i < 200; ++i) res.set_header("X-Filler-" + std::to_string(i), std::string(40, 'h'));
        res.set_content("ok", "text/plain");
    });
    server.start();
    Options options = local_options();
    options.max_header_bytes = 4096;
    const FetchResult result = fetch_one(server.url("/headers"), options);
    CHECK(result.error == "headers larger than 4096 bytes");
}

TEST_CASE("no more than per_host requests run at once against one host") {
    HttpServer server;
    std::atomic<int> now{0};
    std::atomic<int> peak{0};
    server.routes().Get(R"(/slow/(\d+))", [&](const httplib::Request&, httplib::Response& res) {
        const int current = ++now;
        int seen = peak.load();
        while (current > seen && !peak.compare_exchange_weak(seen, current)) {
        }
        server.pause(150ms);
        --now;
        res.set_content("done", "text/plain");
    });
    server.start();
    std::vector<std::string> urls;
    for (int i = 0; i < 6; ++i) urls.push_back(server.url("/slow/" + std::to_string(i)));
    Options options = local_options();
    options.per_host = 2;
    const auto results = fetch_urls(urls, options);
    for (const auto& result : results) CHECK(result.http_status == 200);
    CHECK(peak == 2);

    peak = 0;
    options.per_host = 10;
    options.jobs = 3;
    for (const auto& result : fetch_urls(urls, options)) CHECK(result.http_status == 200);
    CHECK(peak == 3);
}

TEST_CASE("a loopback address is refused by default with a clear error") {
    HttpServer server;
    std::atomic<int> hits{0};
    server.routes().Get("/private", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.set_content("secret", "text/plain");
    });
    server.start();
    Options options = local_options();
    options.private_addresses = PrivateAddresses::refuse;
    const FetchResult result = fetch_one(server.url("/private"), options);
    CHECK(result.error == "refused to connect to 127.0.0.1 (loopback) address; allow private addresses to fetch it");
    CHECK_FALSE(result.http_status.has_value());
    CHECK(result.attempts == 1);
    CHECK(hits == 0);
}

TEST_CASE("private, loopback, link-local and metadata addresses are recognised") {
    using claimtrack::fetch::private_address_kind;
    CHECK(private_address_kind(std::string_view("127.0.0.1")) == "loopback");
    CHECK(private_address_kind(std::string_view("10.1.2.3")) == "private");
    CHECK(private_address_kind(std::string_view("172.20.0.1")) == "private");
    CHECK(private_address_kind(std::string_view("192.168.1.1")) == "private");
    CHECK(private_address_kind(std::string_view("169.254.169.254")) == "cloud metadata");
    CHECK(private_address_kind(std::string_view("169.254.1.1")) == "link-local");
    CHECK(private_address_kind(std::string_view("0.0.0.0")) == "unspecified");
    CHECK(private_address_kind(std::string_view("::1")) == "loopback");
    CHECK(private_address_kind(std::string_view("::ffff:127.0.0.1")) == "loopback");
    CHECK(private_address_kind(std::string_view("fd00:ec2::254")) == "private (unique local)");
    CHECK(private_address_kind(std::string_view("fe80::1")) == "link-local");
    CHECK_FALSE(private_address_kind(std::string_view("93.184.216.34")).has_value());
    CHECK_FALSE(private_address_kind(std::string_view("172.32.0.1")).has_value());
    CHECK_FALSE(private_address_kind(std::string_view("2606:4700::1111")).has_value());
}

}  // TEST_SUITE
