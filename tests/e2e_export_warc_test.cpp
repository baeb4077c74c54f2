// End to end: export the stored snapshots as a WARC file and rebuild them offline from it.
#include "e2e_support.hpp"

#include "support/http_server.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/warc.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace {

using e2e::run;
using nlohmann::json;

// Pages for three sources: a Chinese page, one behind a redirect, and a dead link.
void add_pages(claimtrack::test::HttpServer& server) {
    server.routes().Get("/share.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("ETag", "\"v1\"");
        response.set_content("<html><head><meta charset=utf-8><title>英伟达财报解读</title></head><body><article>"
                             "<p>英伟达首席财务官表示，公司在中国数据中心芯片市场的份额由90%下降为20%。</p>"
                             "<p>分析人士认为，出口管制是份额下滑的主要原因。</p></article></body></html>",
                             "text/html; charset=utf-8");
    });
    server.routes().Get("/old-speech", [](const httplib::Request&, httplib::Response& response) {
        response.set_redirect("/speech.html", 301);
    });
    server.routes().Get("/speech.html", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("<html><head><title>Keynote transcript</title></head><body><div class=content>"
                             "<p>The chief executive told the audience that the China market matters a great deal to the company.</p>"
                             "<p>He also said the company would keep to the rules of every market it sells in.</p></div></body></html>",
                             "text/html");
    });
}

std::string article_citing(const claimtrack::test::HttpServer& server) {
    return "算力之争:英伟达的中国难题\n\n"
           "过去两年,英伟达在中国数据中心芯片市场的份额由90%下降为20%。\n\n"
           "上周,黄仁勋在台北举行的电脑展上说“中国市场非常重要”。\n\n"
           "英伟达财报解读 " + server.url("/share.html") + "\n"
           "演讲全文 " + server.url("/old-speech") + "\n"
           "已删除的报道 " + server.url("/gone.html") + "\n";
}

// One WARC record as `zcat` prints it: its header fields and its block.
struct RawRecord {
    std::map<std::string, std::string> fields;
    std::string block;
};

// Split the plain WARC text `text` into records, failing the test on anything malformed.
std::vector<RawRecord> split_records(const std::string& text) {
    std::vector<RawRecord> records;
    std::size_t at = 0;
    while (at < text.size()) {
        REQUIRE(text.compare(at, 10, "WARC/1.1\r\n") == 0);
        const std::size_t head_end = text.find("\r\n\r\n", at);
        REQUIRE(head_end != std::string::npos);
        RawRecord record;
        std::size_t line = at + 10;
        while (line < head_end + 2) {
            const std::size_t eol = text.find("\r\n", line);
            const std::string field = text.substr(line, eol - line);
            const std::size_t colon = field.find(": ");
            REQUIRE(colon != std::string::npos);
            record.fields[field.substr(0, colon)] = field.substr(colon + 2);
            line = eol + 2;
        }
        const std::size_t length = std::stoul(record.fields.at("Content-Length"));
        record.block = text.substr(head_end + 4, length);
        REQUIRE(record.block.size() == length);
        at = head_end + 4 + length;
        REQUIRE(text.compare(at, 4, "\r\n\r\n") == 0);
        at += 4;
        records.push_back(std::move(record));
    }
    return records;
}

// Drop the keys that differ between two databases holding the same snapshots.
void strip_run_details(json& value) {
    if (value.is_object()) {
        value.erase("generated_at");
        value.erase("warc_file");
    }
    if (value.is_structured()) {
        for (auto& child : value) strip_run_details(child);
    }
}

// Return the JSON report of the database at `db`, without when and from which file.
json report_of(const std::string& db) {
    const auto report = run({"--db", db, "report", "--format", "json"});
    REQUIRE(report.code == 0);
    json parsed = json::parse(report.out);
    strip_run_details(parsed);
    return parsed;
}

std::string zcat(const std::string& path) {
    const e2e::Run unpacked = e2e::run_shell("zcat '" + path + "'");
    REQUIRE(unpacked.code == 0);
    return unpacked.out;
}

}  // namespace

TEST_SUITE("e2e export-warc") {

TEST_CASE("export-warc then fetch --from-warc in a new database rebuilds the same snapshots with no network") {
    e2e::TempDir dir;
    const std::string first = dir.file("first.db");
    const std::string second = dir.file("second.db");
    const std::string archive = dir.file("article.warc.gz");
    std::string article;
    {
        claimtrack::test::HttpServer server;
        add_pages(server);
        server.start();
        article = dir.write("a.txt", article_citing(server));
        REQUIRE(run({"--db", first, "import", article, "--date", "2025-11-10"}).code == 0);
        REQUIRE(run({"--db", first, "fetch", "--allow-private"}).code == 0);
    }  // the server is gone: the rebuild below cannot use the network

    const auto exported = run({"--db", first, "export-warc", "--article", "1", archive});
    REQUIRE(exported.code == 0);
    CHECK(exported.out.find("Wrote 3 of 3 sources") != std::string::npos);

    REQUIRE(run({"--db", second, "import", article, "--date", "2025-11-10"}).code == 0);
    const auto replayed = run({"--db", second, "fetch", "--from-warc", archive});
    REQUIRE(replayed.code == 0);
    CHECK(replayed.out.find("2 ok, 1 failed") != std::string::npos);

    const claimtrack::Store before(first);
    const claimtrack::Store after(second);
    const auto sources = before.sources(std::nullopt);
    REQUIRE(sources.size() == 3);
    for (const auto& source : sources) {
        CAPTURE(source.url);
        const auto old_snapshot = before.latest_snapshot(source.id);
        const auto new_snapshot = after.latest_snapshot(source.id);
        REQUIRE(old_snapshot.has_value());
        REQUIRE(new_snapshot.has_value());
        CHECK(new_snapshot->body == old_snapshot->body);
        CHECK(new_snapshot->sha256 == old_snapshot->sha256);
        CHECK(new_snapshot->http_status == old_snapshot->http_status);
        CHECK(new_snapshot->final_url == old_snapshot->final_url);
        CHECK(new_snapshot->fetched_at == old_snapshot->fetched_at);
        CHECK(new_snapshot->text == old_snapshot->text);
        CHECK(new_snapshot->title == old_snapshot->title);
        CHECK(new_snapshot->outcome == old_snapshot->outcome);
        CHECK(new_snapshot->error == old_snapshot->error);
        CHECK(after.passages_of(new_snapshot->id).size() == before.passages_of(old_snapshot->id).size());
    }
    CHECK(before.latest_snapshot(sources[0].id)->text.find("份额由90%下降为20%") != std::string::npos);
    CHECK(before.latest_snapshot(sources[1].id)->final_url.ends_with("/speech.html"));
    CHECK(before.latest_snapshot(sources[2].id)->outcome == "dead");
    CHECK(report_of(first) == report_of(second));
}

TEST_CASE("an exported WARC reads back with zcat and our reader, warcinfo first, digests matching") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string archive = dir.file("all.warc.gz");
    claimtrack::test::HttpServer server;
    add_pages(server);
    server.start();
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", article_citing(server))}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--allow-private"}).code == 0);
    REQUIRE(run({"--db", db, "export-warc", archive}).code == 0);

    const auto records = split_records(zcat(archive));
    REQUIRE(records.size() == 7);  // warcinfo, then a request and a response per source
    CHECK(records[0].fields.at("WARC-Type") == "warcinfo");
    std::size_t responses = 0;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const RawRecord& record = records[i];
        CHECK(record.fields.at("WARC-Block-Digest") == claimtrack::bytes::sha1_base32(record.block));
        if (record.fields.at("WARC-Type") == "request") {
            CHECK(record.block.starts_with("GET /"));
            CHECK(records.at(i + 1).fields.at("WARC-Record-ID") == record.fields.at("WARC-Concurrent-To"));
            continue;
        }
        REQUIRE(record.fields.at("WARC-Type") == "response");
        ++responses;
        const std::string payload = record.block.substr(record.block.find("\r\n\r\n") + 4);
        CHECK(record.fields.at("WARC-Payload-Digest") == claimtrack::bytes::sha1_base32(payload));
        CHECK(record.block.starts_with("HTTP/1.1 "));
    }
    CHECK(responses == 3);
    CHECK(records[6].block.starts_with("HTTP/1.1 404 Not Found\r\n"));

    const auto parsed = claimtrack::warc::read_responses(archive);
    REQUIRE(parsed.size() == 3);
    CHECK(parsed[0].body.find("英伟达") != std::string::npos);
    CHECK(parsed[1].requested_url == server.url("/old-speech"));
    CHECK(parsed[1].final_url == server.url("/speech.html"));
    CHECK(parsed[2].http_status == 404);
}

TEST_CASE("export-warc of an unknown article fails in one line and leaves no file behind") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    claimtrack::test::HttpServer server;
    server.start();
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", article_citing(server))}).code == 0);
    const auto failed = run({"--db", db, "export-warc", "--article", "99", dir.file("x.warc.gz")});
    CHECK(failed.code != 0);
    CHECK(failed.err.starts_with("claimtrack: error: article 99"));
    CHECK(std::count(failed.err.begin(), failed.err.end(), '\n') == 1);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK(entry.path().filename().string().find("warc") == std::string::npos);
    }
}

TEST_CASE("export-warc leaves out sources with no stored response and says so") {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    claimtrack::test::HttpServer server;
    add_pages(server);
    server.start();
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", article_citing(server))}).code == 0);
    const auto exported = run({"--db", db, "export-warc", dir.file("none.warc.gz")});
    REQUIRE(exported.code == 0);
    CHECK(exported.out.find("Wrote 0 of 3 sources") != std::string::npos);
    CHECK(exported.out.find("left out: " + server.url("/share.html")) != std::string::npos);
    CHECK(split_records(zcat(dir.file("none.warc.gz"))).size() == 1);
}

}
