#include <claimtrack/fetch.hpp>

#include "support/fetch_helpers.hpp"
#include "support/http_server.hpp"
#include "support/raw_server.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <string>

using claimtrack::FetchResult;
using claimtrack::fetch::Options;
using claimtrack::fetch::PrivateAddresses;
using claimtrack::fetch::judge_outcome;
using claimtrack::test::HttpServer;
using claimtrack::test::RawServer;
using claimtrack::test::fetch_one;
using claimtrack::test::local_options;

TEST_SUITE("fetch network") {

TEST_CASE("a connection reset is retried and the later answer is kept") {
    RawServer server([](int fd, int n) {
        if (n == 1) {
            RawServer::reset(fd);
        } else {
            RawServer::reply(fd, "after the reset");
        }
    });
    const FetchResult result = fetch_one(server.url("/reset-once"));
    CHECK(result.error == "");
    CHECK(result.http_status == 200);
    CHECK(result.body == "after the reset");
    CHECK(result.attempts == 2);
}

TEST_CASE("a connection that is always reset ends unreachable after the retries") {
    std::atomic<int> connections{0};
    RawServer server([&](int fd, int) {
        ++connections;
        RawServer::reset(fd);
    });
    Options options = local_options();
    options.retries = 2;
    const FetchResult result = fetch_one(server.url("/reset"), options);
    CHECK_FALSE(result.http_status.has_value());
    CHECK_FALSE(result.error.empty());
    CHECK(result.attempts == 3);
    CHECK(connections == 3);
    CHECK(judge_outcome(result, false, "", "") == "unreachable");
}

TEST_CASE("a host name can be mapped to an address, as curl --resolve does") {
    HttpServer server;
    server.routes().Get("/named", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content("host " + req.get_header_value("Host"), "text/plain");
    });
    server.start();
    const std::string name = "news.example:" + std::to_string(server.port());
    Options options = local_options();
    options.resolve = {name + ":127.0.0.1"};
    const FetchResult result = fetch_one("http://" + name + "/named", options);
    CHECK(result.http_status == 200);
    CHECK(result.body == "host " + name);
    CHECK(result.ip == "127.0.0.1");
    CHECK(result.final_url == "http://" + name + "/named");
}

TEST_CASE("a public name that resolves to a loopback address is refused") {
    HttpServer server;
    std::atomic<int> hits{0};
    server.routes().Get("/", [&](const httplib::Request&, httplib::Response& res) {
        ++hits;
        res.set_content("internal", "text/plain");
    });
    server.start();
    const std::string name = "news.example:" + std::to_string(server.port());
    Options options = local_options();
    options.private_addresses = PrivateAddresses::refuse;
    options.resolve = {name + ":127.0.0.1"};
    const FetchResult result = fetch_one("http://" + name + "/", options);
    CHECK(result.error == "refused to connect to 127.0.0.1 (loopback) address; allow private addresses to fetch it");
    CHECK(hits == 0);
    CHECK(judge_outcome(result, false, "", "") == "refused");
}

TEST_CASE("a redirect from an allowed host to a name on a private address is refused") {
    HttpServer inside;  // stands for an intranet server on 127.0.0.1
    std::atomic<int> inside_hits{0};
    inside.routes().Get("/secret", [&](const httplib::Request&, httplib::Response& res) {
        ++inside_hits;
        res.set_content("secret", "text/plain");
    });
    inside.start();
    HttpServer outside;  // stands for a public site, reached on 127.0.0.2 which the test allows
    std::atomic<int> outside_hits{0};
    const std::string intranet = "intranet.example:" + std::to_string(inside.port());
    outside.routes().Get("/story", [&](const httplib::Request&, httplib::Response& res) {
        ++outside_hits;
        res.set_redirect("http://" + intranet + "/secret", 302);
    });
    outside.start("127.0.0.2");
    Options options = local_options();
    options.private_addresses = PrivateAddresses::refuse;
    options.allowed_addresses = {"127.0.0.2"};
    options.resolve = {intranet + ":127.0.0.1"};
    const FetchResult result = fetch_one(outside.url("/story"), options);
    CHECK(outside_hits == 1);
    CHECK(inside_hits == 0);
    CHECK(result.error == "refused to connect to 127.0.0.1 (loopback) address; allow private addresses to fetch it");
    CHECK_FALSE(result.http_status.has_value());
    CHECK(result.attempts == 1);
}

TEST_CASE("an address on the allowed list is fetched while other private addresses stay refused") {
    HttpServer server;
    server.routes().Get("/ok", [](const httplib::Request&, httplib::Response& res) { res.set_content("mirror", "text/plain"); });
    server.start("127.0.0.2");
    Options options = local_options();
    options.private_addresses = PrivateAddresses::refuse;
    options.allowed_addresses = {"127.0.0.2"};
    CHECK(fetch_one(server.url("/ok"), options).body == "mirror");
    options.allowed_addresses = {"127.0.0.3"};
    CHECK(fetch_one(server.url("/ok"), options).error.starts_with("refused to connect to 127.0.0.2"));
}

}  // TEST_SUITE
