// End to end: pages that test a fetcher (GBK with and without labels, a lying charset header,
// 10,000 response headers, a soft 404) fetched by `claimtrack fetch` from a local server, and the
// Accept-Language each article's sources are asked for.
#include "e2e_support.hpp"

#include "support/fetch_helpers.hpp"
#include "support/http_server.hpp"

#include <claimtrack/fetch.hpp>
#include <claimtrack/store.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace {

using e2e::run;
using nlohmann::json;

// Return `utf8` converted to GBK.
std::string to_gbk(const std::string& utf8) { return e2e::encode_as(utf8, "GBK"); }

const std::string k_paragraphs =
    "<p>海关总署公布的数据显示，今年前十个月集成电路进口额同比下降百分之十二，出口额则增长百分之八。</p>"
    "<p>业内人士表示，出口管制措施对高端芯片贸易的影响正在显现，国内厂商加快了替代产品的研发。</p>"
    "<p>一位不愿具名的分析师说，明年的进口规模可能继续收缩，但中低端芯片的需求依然旺盛。</p>";

// A Chinese news page with `head` inside <head> (a <meta charset>, or nothing).
std::string chinese_page(const std::string& head) {
    return "<html><head>" + head + "<title>芯片进出口数据解读</title></head><body><article><h1>芯片进出口数据解读</h1>" +
           k_paragraphs + "</article></body></html>";
}

// What one fetched source ended as: its `sources --json` row and its stored snapshot.
struct Fetched {
    json row;
    claimtrack::Snapshot snapshot;
    double seconds = 0;
};

// Import an article citing `path` on `server`, fetch it with the CLI and return what was stored.
Fetched fetch_source(const claimtrack::test::HttpServer& server, const std::string& path) {
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string article = "芯片贸易观察\n\n今年前十个月集成电路进口额同比下降12%。\n\n数据来源 " + server.url(path) + "\n";
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", article)}).code == 0);
    Fetched fetched;
    fetched.seconds = claimtrack::test::seconds_for([&] { REQUIRE(run({"--db", db, "fetch", "--allow-private", "--timeout", "5"}).code == 0); });
    const json rows = json::parse(run({"--db", db, "sources", "--json"}).out);
    REQUIRE(rows.size() == 1);
    fetched.row = rows[0];
    const claimtrack::Store store(db);
    const auto snapshot = store.latest_snapshot(rows[0]["id"].get<claimtrack::Id>());
    REQUIRE(snapshot.has_value());
    fetched.snapshot = *snapshot;
    return fetched;
}

void add_routes(claimtrack::test::HttpServer& server) {
    auto& routes = server.routes();
    routes.Get("/gbk-header", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(to_gbk(chinese_page("")), "text/html; charset=GBK");
    });
    routes.Get("/gbk-unlabelled", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(to_gbk(chinese_page("")), "text/html");
    });
    routes.Get("/gbk-latin1-header", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(to_gbk(chinese_page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">")),
                             "text/html; charset=ISO-8859-1");
    });
    routes.Get("/gbk-utf8-header", [](const httplib::Request&, httplib::Response& response) {
        response.set_content(to_gbk(chinese_page("<meta charset=\"gbk\">")), "text/html; charset=utf-8");
    });
    routes.Get("/many-headers", [](const httplib::Request&, httplib::Response& response) {
        for (int i = 0; i < 10'000; ++i) {
            response.set_header("X-Filler-" + std::to_string(i), "a header of no interest, one of ten thousand");
        }
        response.set_content(chinese_page("<meta charset=utf-8>"), "text/html; charset=utf-8");
    });
    routes.Get(R"(/echo-language/(\w+))", [](const httplib::Request& request, httplib::Response& response) {
        response.set_content("<html><head><title>Echo</title></head><body><p>Accept-Language=[" +
                                 request.get_header_value("Accept-Language") + "]</p></body></html>",
                             "text/html; charset=utf-8");
    });
    routes.Get("/removed", [](const httplib::Request&, httplib::Response& response) {
        response.set_content("<html><head><meta charset=utf-8><title>页面不存在 - 测试新闻网</title></head><body>"
                             "<div class=error><p>抱歉，您访问的页面不存在或已被删除。</p><p><a href=/>返回首页</a></p></div>"
                             "</body></html>",
                             "text/html; charset=utf-8");
    });
}

void expect_chinese_text(const Fetched& fetched) {
    CHECK(fetched.row["outcome"] == "ok");
    CHECK(fetched.row["http_status"] == 200);
    CHECK(fetched.snapshot.charset == "GB18030");
    CHECK(fetched.snapshot.title.find("芯片进出口数据解读") != std::string::npos);
    CHECK(fetched.snapshot.text.find("出口管制措施对高端芯片贸易的影响正在显现") != std::string::npos);
    CHECK(fetched.snapshot.text.find("集成电路进口额同比下降百分之十二") != std::string::npos);
}

// Return the Accept-Language value the echo page stored for `source_id` says it was sent.
std::string echoed_language(const claimtrack::Store& store, claimtrack::Id source_id) {
    const auto snapshot = store.latest_snapshot(source_id);
    REQUIRE(snapshot.has_value());
    const std::string& body = snapshot->body;
    const auto begin = body.find("Accept-Language=[");
    REQUIRE(begin != std::string::npos);
    const auto value = begin + std::string_view("Accept-Language=[").size();
    return body.substr(value, body.find(']', value) - value);
}

}  // namespace

TEST_SUITE("e2e fetch cases") {

TEST_CASE("a GBK page with a charset header is stored as UTF-8 text") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    expect_chinese_text(fetch_source(server, "/gbk-header"));
}

TEST_CASE("a GBK page with no charset header and no meta is detected and decoded") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    expect_chinese_text(fetch_source(server, "/gbk-unlabelled"));
}

TEST_CASE("a header charset that contradicts a GBK meta (ISO-8859-1 or utf-8) loses to the meta") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    SUBCASE("ISO-8859-1") { expect_chinese_text(fetch_source(server, "/gbk-latin1-header")); }
    SUBCASE("utf-8") { expect_chinese_text(fetch_source(server, "/gbk-utf8-header")); }
}

TEST_CASE("10,000 response headers end the fetch quickly with a clear error, stored as unreachable") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    const Fetched fetched = fetch_source(server, "/many-headers");
    CHECK(fetched.seconds < 10.0);
    CHECK(fetched.row["outcome"] == "unreachable");
    CHECK(fetched.row["error"].get<std::string>().find("header") != std::string::npos);
    CHECK(fetched.snapshot.body.empty());
    CHECK(fetched.snapshot.text.empty());
}

TEST_CASE("a 200 page saying it does not exist is stored with outcome soft-404") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    const Fetched fetched = fetch_source(server, "/removed");
    CHECK(fetched.row["http_status"] == 200);
    CHECK(fetched.row["outcome"] == "soft-404");
    CHECK(fetched.snapshot.outcome == "soft-404");
    CHECK(fetched.snapshot.title.find("页面不存在") != std::string::npos);
}

TEST_CASE("sources of a Chinese article ask for Chinese and of an English article for English, in one run") {
    claimtrack::test::HttpServer server;
    add_routes(server);
    server.start();
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    const std::string zh = "芯片贸易观察\n\n今年前十个月集成电路进口额同比下降12%，海关总署的数据显示。\n\n数据来源 " +
                           server.url("/echo-language/zh") + "\n";
    const std::string en = "Chip trade watch\n\nImports of integrated circuits fell 12% in the first ten months, customs "
                           "data show, and exports rose 8%.\n\nSource: " + server.url("/echo-language/en") + "\n";
    REQUIRE(run({"--db", db, "import", dir.write("zh.txt", zh)}).code == 0);
    REQUIRE(run({"--db", db, "import", dir.write("en.txt", en)}).code == 0);
    REQUIRE(run({"--db", db, "fetch", "--allow-private", "--timeout", "5"}).code == 0);

    const claimtrack::Store store(db);
    const auto rows = store.sources(std::nullopt);
    REQUIRE(rows.size() == 2);
    std::map<std::string, std::string> sent;  // path end -> header
    for (const auto& row : rows) sent[row.url.substr(row.url.rfind('/') + 1)] = echoed_language(store, row.id);
    CHECK(sent["zh"] == "zh-CN,zh;q=0.9,en;q=0.8");
    CHECK(sent["en"] == "en-US,en;q=0.9");
}

TEST_CASE("the Accept-Language for an article follows its language, with a neutral default") {
    using claimtrack::fetch::accept_language_for;
    CHECK(accept_language_for("zh") == "zh-CN,zh;q=0.9,en;q=0.8");
    CHECK(accept_language_for("en") == "en-US,en;q=0.9");
    CHECK(accept_language_for("und") == "en,zh;q=0.8,*;q=0.5");
    CHECK(accept_language_for("") == "en,zh;q=0.8,*;q=0.5");
}

}
