#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/warc.hpp>

#include "support/http_server.hpp"
#include "support/temp_dir.hpp"
#include "warc/record_parser.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using claimtrack::FetchResult;
namespace fs = std::filesystem;

namespace {

using claimtrack::test::TempDir;

// Return how many gzip members `data` is made of.
int gzip_members(const std::string& data) {
    int members = 0;
    std::size_t offset = 0;
    std::string sink(64 * 1024, '\0');
    while (offset < data.size()) {
        z_stream stream{};
        REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
        stream.avail_in = static_cast<uInt>(data.size() - offset);
        int rc = Z_OK;
        while (rc == Z_OK) {
            stream.next_out = reinterpret_cast<Bytef*>(sink.data());
            stream.avail_out = static_cast<uInt>(sink.size());
            rc = inflate(&stream, Z_NO_FLUSH);
        }
        REQUIRE(rc == Z_STREAM_END);
        offset += stream.total_in;
        inflateEnd(&stream);
        ++members;
    }
    return members;
}

FetchResult sample_redirected() {
    FetchResult result;
    result.requested_url = "http://example.org/old";
    result.final_url = "http://example.org/new?x=1";
    result.http_status = 200;
    result.status_line = "HTTP/1.1 200 OK";
    result.headers = "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
                     "Transfer-Encoding: chunked\r\nETag: \"abc\"\r\n";
    result.content_type = "text/html; charset=utf-8";
    result.body = "<html><title>新页面</title><body>Body text.\r\n\r\nWARC/1.1 inside the body</body></html>";
    result.request = "GET /new?x=1 HTTP/1.1\r\nHost: example.org\r\nUser-Agent: test\r\n\r\n";
    result.ip = "93.184.216.34";
    result.fetched_at = "2025-11-06T08:00:00Z";
    result.attempts = 1;
    return result;
}

FetchResult sample_not_found() {
    FetchResult result;
    result.requested_url = "https://example.com/missing";
    result.final_url = "https://example.com/missing";
    result.http_status = 404;
    result.headers = "Content-Type: text/plain\r\n";
    result.content_type = "text/plain";
    result.body = "gone";
    result.fetched_at = "2025-11-06T08:00:01Z";
    return result;
}

}  // namespace

TEST_SUITE("warc") {

TEST_CASE("written responses read back with status, true headers and body") {
    TempDir dir;
    const std::string path = dir.file("out.warc.gz");
    {
        claimtrack::warc::Writer writer(path, "claimtrack/0.1 test");
        writer.write(sample_redirected());
        writer.write(sample_not_found());
        FetchResult failed;
        failed.requested_url = "http://example.org/timeout";
        failed.error = "timeout";
        writer.write(failed);  // no response: skipped
    }
    const auto results = claimtrack::warc::read_responses(path);
    REQUIRE(results.size() == 2);
    const FetchResult& first = results[0];
    CHECK(first.requested_url == "http://example.org/old");
    CHECK(first.final_url == "http://example.org/new?x=1");
    CHECK(first.http_status == 200);
    CHECK(first.status_line == "HTTP/1.1 200 OK");
    CHECK(first.body == sample_redirected().body);
    CHECK(first.content_type == "text/html; charset=utf-8");
    CHECK(first.headers == "Content-Type: text/html; charset=utf-8\r\nETag: \"abc\"\r\nContent-Length: " +
                               std::to_string(first.body.size()) + "\r\n");
    CHECK(first.ip == "93.184.216.34");
    CHECK(first.fetched_at == "2025-11-06T08:00:00Z");
    CHECK(first.error == "");
    const FetchResult& second = results[1];
    CHECK(second.requested_url == "https://example.com/missing");
    CHECK(second.http_status == 404);
    CHECK(second.status_line == "HTTP/1.1 404");
    CHECK(second.body == "gone");
}

TEST_CASE("each record is its own gzip member, warcinfo first, digests verify") {
    TempDir dir;
    const std::string path = dir.file("out.warc.gz");
    {
        claimtrack::warc::Writer writer(path, "claimtrack/0.1 test");
        writer.write(sample_redirected());
        writer.write(sample_not_found());
    }
    const std::string data = claimtrack::test::read_file(path);
    CHECK(gzip_members(data) == 4);  // warcinfo, request + response, response
    const std::string plain = claimtrack::bytes::gunzip(data);
    const auto records = claimtrack::warc::parse_records(plain, path, "");
    REQUIRE(records.size() == 4);
    CHECK(records[0].field("WARC-Type") == "warcinfo");
    CHECK(std::string(records[0].block).find("software: claimtrack/0.1 test\r\n") != std::string::npos);
    CHECK(records[1].field("WARC-Type") == "request");
    CHECK(records[2].field("WARC-Type") == "response");
    CHECK(records[3].field("WARC-Type") == "response");
    CHECK(records[1].field("WARC-Concurrent-To") == records[2].field("WARC-Record-ID"));
    CHECK(records[2].field("WARC-Target-URI") == "http://example.org/new?x=1");
    CHECK(records[2].field("Content-Type") == "application/http;msgtype=response");
    CHECK(records[2].field("WARC-IP-Address") == "93.184.216.34");
    CHECK(records[0].field("WARC-Record-ID").starts_with("<urn:uuid:"));
    CHECK(records[0].field("WARC-Record-ID").size() == 47);
    CHECK(records[0].field("WARC-Record-ID") != records[2].field("WARC-Record-ID"));
    CHECK(plain.starts_with("WARC/1.1\r\n"));
    for (const auto& record : records) {
        if (record.field("WARC-Type") == "warcinfo") continue;
        CHECK(record.field("WARC-Block-Digest") == claimtrack::bytes::sha1_base32(record.block));
    }
    CHECK(records[2].field("WARC-Payload-Digest") == claimtrack::bytes::sha1_base32(sample_redirected().body));
    CHECK(records[1].block == sample_redirected().request);
}

TEST_CASE("a plain WARC/1.0 file with chunked, gzip-encoded bodies is decoded") {
    TempDir dir;
    const std::string gz = claimtrack::bytes::gzip("decoded page");
    std::string chunked;
    chunked += "5\r\n" + gz.substr(0, 5) + "\r\n";
    char size_hex[16];
    std::snprintf(size_hex, sizeof size_hex, "%zx", gz.size() - 5);
    chunked += std::string(size_hex) + "\r\n" + gz.substr(5) + "\r\n0\r\n\r\n";
    const std::string block = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n"
                              "Content-Encoding: gzip\r\n\r\n" + chunked;
    const std::string path = dir.write("old.warc",
                                       "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <http://old.example/page>\r\n"
                                       "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                                           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n");
    const auto results = claimtrack::warc::read_responses(path);
    REQUIRE(results.size() == 1);
    CHECK(results[0].final_url == "http://old.example/page");
    CHECK(results[0].requested_url == "http://old.example/page");
    CHECK(results[0].body == "decoded page");
    CHECK(results[0].error == "");
    CHECK(results[0].content_type == "text/plain");
}

TEST_CASE("a file that is not WARC stops with the file and byte offset") {
    TempDir dir;
    const std::string path = dir.write("bad.warc", "hello, this is not a WARC file\n");
    try {
        (void)claimtrack::warc::read_responses(path);
        FAIL("no error");
    } catch (const claimtrack::Error& error) {
        CHECK(error.kind() == claimtrack::ErrorKind::input);
        CHECK(error.input() == path);
        CHECK(error.place() == "byte 0");
        CHECK(error.reason() == "expected a WARC/1.1 record header");
    }
}

TEST_CASE("a truncated second record is reported at its own offset") {
    TempDir dir;
    const std::string first = "WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nok\r\n\r\n";
    const std::string path = dir.write("cut.warc", first + "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 900\r\n\r\nHTTP/1.1 200 OK\r\n");
    try {
        (void)claimtrack::warc::read_responses(path);
        FAIL("no error");
    } catch (const claimtrack::Error& error) {
        CHECK(error.place() == "byte " + std::to_string(first.size()));
        CHECK(error.reason().starts_with("record block truncated"));
    }
}

TEST_CASE("a corrupt gzip WARC and a missing file are errors") {
    TempDir dir;
    const std::string path = dir.write("corrupt.warc.gz", std::string("\x1f\x8b\x08\x00garbage-garbage-garbage", 27));
    CHECK_THROWS_AS(claimtrack::warc::read_responses(path), claimtrack::Error);
    CHECK_THROWS_AS(claimtrack::warc::read_responses(dir.file("absent.warc")), claimtrack::Error);
    CHECK_THROWS_AS(claimtrack::warc::Writer(dir.file("no/such/dir/x.warc.gz"), "t"), claimtrack::Error);
}

TEST_CASE("find_response follows recorded redirects and matches the requested URL") {
    FetchResult redirect;
    redirect.final_url = redirect.requested_url = "http://a.example/start";
    redirect.http_status = 302;
    redirect.headers = "Location: /next/page\r\n";
    FetchResult target;
    target.final_url = target.requested_url = "http://a.example/next/page";
    target.http_status = 200;
    target.body = "the page";
    const std::vector<FetchResult> responses{redirect, target, sample_redirected()};
    const auto found = claimtrack::warc::find_response(responses, "http://a.example/start");
    REQUIRE(found.has_value());
    CHECK(found->body == "the page");
    CHECK(found->requested_url == "http://a.example/start");
    CHECK(found->final_url == "http://a.example/next/page");
    CHECK(claimtrack::warc::find_response(responses, "http://example.org/old")->http_status == 200);
    CHECK_FALSE(claimtrack::warc::find_response(responses, "http://absent.example/").has_value());
}

TEST_CASE("a WARC written by wget is read back") {
    if (!fs::exists("/usr/bin/wget")) {
        MESSAGE("wget not installed: skipped");
        return;
    }
    claimtrack::test::HttpServer server;
    server.routes().Get("/start", [](const httplib::Request&, httplib::Response& res) {
        res.set_redirect("/article", 302);
    });
    server.routes().Get("/article", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("text/html; charset=utf-8", [](std::size_t offset, httplib::DataSink& sink) {
            if (offset == 0) {
                const std::string first = "<p>第一段</p>";
                const std::string second = "<p>second</p>";
                sink.write(first.data(), first.size());
                sink.write(second.data(), second.size());
            }
            sink.done();
            return true;
        });
    });
    server.start();
    TempDir dir;
    const std::string base = dir.file("wget");
    const std::string command = "/usr/bin/wget --no-config -q --tries=1 --timeout=5 -O " + dir.file("page") +
                                " --warc-file=" + base + " " + server.url("/start") + " 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    const auto responses = claimtrack::warc::read_responses(base + ".warc.gz");
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].http_status == 302);
    const auto found = claimtrack::warc::find_response(responses, server.url("/start"));
    REQUIRE(found.has_value());
    CHECK(found->http_status == 200);
    CHECK(found->final_url == server.url("/article"));
    CHECK(found->body == "<p>第一段</p><p>second</p>");
    CHECK(found->content_type == "text/html; charset=utf-8");
    CHECK(found->ip == "127.0.0.1");
}

}  // TEST_SUITE
