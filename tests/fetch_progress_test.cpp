#include <claimtrack/fetch.hpp>

#include "support/fetch_helpers.hpp"
#include "support/http_server.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <vector>

using claimtrack::FetchResult;
using claimtrack::fetch::Options;
using claimtrack::fetch::Progress;
using claimtrack::test::HttpServer;
using claimtrack::test::fetch_urls;
using claimtrack::test::local_options;
using namespace std::chrono_literals;

TEST_SUITE("fetch progress") {

TEST_CASE("progress is reported at the interval with counts that add up, and once at the end") {
    HttpServer server;
    std::atomic<int> flaky_hits{0};
    server.routes().Get(R"(/page/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        server.pause(60ms);
        res.set_content(std::string(1000, 'p') + req.matches[1].str(), "text/plain");
    });
    server.routes().Get("/missing", [](const httplib::Request&, httplib::Response& res) {
        res.status = 404;
        res.set_content("none", "text/plain");
    });
    server.routes().Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
        res.status = ++flaky_hits == 1 ? 503 : 200;
        res.set_content("flaky", "text/plain");
    });
    server.start();
    std::vector<std::string> urls;
    for (int i = 0; i < 16; ++i) urls.push_back(server.url("/page/" + std::to_string(i)));
    urls.push_back(server.url("/missing"));
    urls.push_back(server.url("/flaky"));
    urls.push_back("ftp://127.0.0.1/never");

    std::vector<Progress> reports;
    std::vector<std::chrono::steady_clock::time_point> times;
    std::map<std::size_t, int> last_attempt;
    Options options = local_options();
    options.jobs = 4;
    options.per_host = 4;
    options.progress_interval_ms = 50;
    options.on_progress = [&](const Progress& progress) {
        reports.push_back(progress);
        times.push_back(std::chrono::steady_clock::now());
    };
    options.on_start = [&](std::size_t index, int attempt) { last_attempt[index] = attempt; };
    const auto results = fetch_urls(urls, options);

    REQUIRE(reports.size() >= 4);  // 16 pages of 60 ms, 4 at a time: about 250 ms of work
    std::uint64_t bytes = 5;       // the 503 body before the retry
    for (const FetchResult& result : results) bytes += result.body.size();
    const Progress& last = reports.back();
    CHECK(last.total == urls.size());
    CHECK(last.done == 17);
    CHECK(last.failed == 2);  // the 404 and the ftp URL
    CHECK(last.in_flight == 0);
    CHECK(last.waiting == 0);
    CHECK(last.bytes == bytes);
    CHECK(last.seconds > 0.2);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const Progress& p = reports[i];
        CHECK(p.done + p.failed + p.in_flight + p.waiting == p.total);
        CHECK(p.in_flight <= 4);
        CHECK(p.bytes_per_second >= 0.0);
        if (i > 0) {
            CHECK(p.done >= reports[i - 1].done);
            CHECK(p.bytes >= reports[i - 1].bytes);
        }
        if (i > 0 && i + 1 < reports.size()) CHECK(times[i] - times[i - 1] >= 45ms);
    }
    CHECK(reports[reports.size() / 2].bytes_per_second > 0.0);
    CHECK(last_attempt.size() == 18);  // the ftp URL never starts
    CHECK(last_attempt[17] == 2);      // the 503 was retried
    CHECK(last_attempt[0] == 1);
}

TEST_CASE("no progress callback means no reports and the same results") {
    HttpServer server;
    server.routes().Get("/one", [](const httplib::Request&, httplib::Response& res) { res.set_content("1", "text/plain"); });
    server.start();
    const auto results = fetch_urls({server.url("/one")}, local_options());
    CHECK(results.at(0).body == "1");
}

TEST_CASE("an empty run reports once with nothing to do") {
    std::vector<Progress> reports;
    Options options = local_options();
    options.on_progress = [&](const Progress& progress) { reports.push_back(progress); };
    claimtrack::fetch::fetch_all({}, options, [](std::size_t, FetchResult) {});
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].total == 0);
    CHECK(reports[0].done == 0);
}

}  // TEST_SUITE
