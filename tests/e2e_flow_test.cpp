// End to end: fetch from a real local HTTP server, link evidence, review, report; and the samples.
#include "e2e_support.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

namespace {

using e2e::run;
using nlohmann::json;

// A local web server with three pages: two that bear on the article's claims, one gone.
class SourceServer {
public:
    SourceServer() {
        m_server.Get("/nvidia-share.html", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(
                "<!doctype html><html lang=zh><head><meta charset=utf-8><title>英伟达财报解读 - 测试新闻网</title></head><body>"
                "<nav><a href='/'>首页</a> <a href='/tech'>科技</a></nav>"
                "<article><h1>英伟达财报解读</h1>"
                "<p>英伟达首席财务官在电话会上表示，过去两年公司在中国数据中心芯片市场的份额由90%下降为20%。</p>"
                "<p>分析人士认为，出口管制是份额下滑的主要原因，短期内难以扭转。</p>"
                "<p>英伟达的CEO黄仁勋此前多次公开谈到中国市场的重要性。</p></article>"
                "<footer>版权所有 测试新闻网</footer></body></html>",
                "text/html; charset=utf-8");
        });
        m_server.Get("/huang-speech.html", [](const httplib::Request&, httplib::Response& response) {
            response.set_content(
                "<html><head><title>黄仁勋台北演讲全文</title></head><body><div class=content>"
                "<p>在台北举行的电脑展上，黄仁勋对台下的听众说“中国市场非常重要”，并介绍了新的产品路线。</p>"
                "<p>他还表示，公司会继续遵守各地的法规。</p></div></body></html>",
                "text/html; charset=utf-8");
        });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~SourceServer() {
        m_server.stop();
        m_thread.join();
    }
    SourceServer(const SourceServer&) = delete;
    SourceServer& operator=(const SourceServer&) = delete;

    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
};

std::string article_citing(const SourceServer& server) {
    return "算力之争:英伟达的中国难题\n\n"
           "英伟达的CEO是黄仁勋,他已经执掌公司三十多年。\n\n"
           "过去两年,英伟达在中国数据中心芯片市场的份额由90%下降为20%。\n\n"
           "上周,黄仁勋在台北举行的电脑展上说“中国市场非常重要”。\n\n"
           "英伟达财报解读 " + server.url("/nvidia-share.html") + "\n"
           "黄仁勋台北演讲全文 " + server.url("/huang-speech.html") + "\n"
           "已删除的报道 " + server.url("/gone.html") + "\n";
}

json claim_with(const json& claims, const std::string& needle) {
    for (const auto& claim : claims) {
        if (claim["text"].get<std::string>().find(needle) != std::string::npos) return claim;
    }
    return nullptr;
}

}  // namespace

TEST_SUITE("e2e flow") {

TEST_CASE("fetch, link, review and report from a local server, every step recorded") {
    SourceServer server;
    e2e::TempDir dir;
    const std::string db = dir.file("t.db");
    REQUIRE(run({"--db", db, "import", dir.write("a.txt", article_citing(server)), "--date", "2025-11-10"}).code == 0);

    // Without --allow-private, loopback sources are refused, recorded, and the run still succeeds.
    const auto refused = run({"--db", db, "fetch"});
    REQUIRE(refused.code == 0);
    for (const auto& row : json::parse(run({"--db", db, "sources", "--json"}).out)) {
        CHECK(row["http_status"].is_null());
        CHECK(row["error"].is_string());
    }

    const auto fetched = run({"--db", db, "fetch", "--allow-private", "--jobs", "2"});
    REQUIRE(fetched.code == 0);
    CHECK(fetched.out.find("2 ok, 1 failed") != std::string::npos);
    const json sources = json::parse(run({"--db", db, "sources", "--json"}).out);
    REQUIRE(sources.size() == 3);
    CHECK(sources[0]["http_status"] == 200);
    CHECK(sources[0]["outcome"] == "ok");
    CHECK(sources[1]["http_status"] == 200);
    CHECK(sources[2]["http_status"] == 404);
    CHECK(sources[2]["outcome"] == "dead");
    CHECK(sources[2]["fetched_at"].is_string());

    const auto linked = run({"--db", db, "link"});
    REQUIRE(linked.code == 0);
    const json claims = json::parse(run({"--db", db, "claims", "--json"}).out);
    const json share = claim_with(claims, "90%");
    REQUIRE(share.is_object());
    const std::string share_id = std::to_string(share["id"].get<long>());
    const json evidence = json::parse(run({"--db", db, "evidence", share_id, "--json"}).out);
    REQUIRE_FALSE(evidence.empty());
    CHECK(evidence[0]["text"].get<std::string>().find("90%") != std::string::npos);
    CHECK(evidence[0]["stance"] == "supports");
    CHECK(evidence[0]["url"] == server.url("/nvidia-share.html"));
    CHECK(evidence[0]["quote"]["exact"] == evidence[0]["text"]);
    for (const char* key : {"id", "passage", "score", "reason", "origin", "orphaned"}) CHECK(evidence[0].contains(key));

    const std::string evidence_id = std::to_string(evidence[0]["id"].get<long>());
    CHECK(run({"--db", db, "verify", share_id, "--evidence", evidence_id, "--note", "same figures in the filing", "--by", "lin"}).code == 0);
    CHECK(run({"--db", db, "dispute", share_id, "--note", "the second source disagrees", "--by", "wu"}).code == 0);
    CHECK(run({"--db", db, "mark", share_id, "unreviewed", "--by", "wu"}).code == 0);
    const json history = json::parse(run({"--db", db, "history", share_id, "--json"}).out);
    REQUIRE(history.size() == 3);
    CHECK(history[0]["status"] == "verified");
    CHECK(history[0]["reviewer"] == "lin");
    CHECK(history[0]["evidence"] == evidence[0]["id"]);
    CHECK(history[1]["previous"] == "verified");
    CHECK(history[1]["status"] == "disputed");
    CHECK(history[2]["status"] == "unreviewed");
    CHECK(json::parse(run({"--db", db, "claims", "--status", "unreviewed", "--json"}).out).size() == claims.size());

    CHECK(run({"--db", db, "dispute", share_id, "--note", "figure is from 2023"}).code == 0);
    const json report = json::parse(run({"--db", db, "report", "--format", "json"}).out);
    REQUIRE(report["articles"].size() == 1);
    bool disputed = false;
    for (const auto& claim : report["articles"][0]["claims"]) disputed = disputed || claim["status"] == "disputed";
    CHECK(disputed);

    const auto text = run({"--db", db, "report"});
    CHECK(text.code == 0);
    CHECK(text.out.find("90%") != std::string::npos);
    CHECK(text.out.find("404") != std::string::npos);
    const auto markdown = run({"--db", db, "report", "--format", "markdown", "--out", dir.file("report.md")});
    CHECK(markdown.code == 0);
    CHECK(e2e::read_file(dir.file("report.md")).find("# ") != std::string::npos);

    CHECK(run({"--db", db, "report", "--fail-on", "disputed"}).code == 3);
    CHECK(run({"--db", db, "report", "--fail-on", "dead"}).code == 3);
    CHECK(run({"--db", db, "report", "--fail-on", "nonsense"}).code == 2);
}

TEST_CASE("check runs the samples offline from their WARC archive, and the real binary agrees") {
    e2e::TempDir dir;
    const std::string samples = e2e::source_dir() + "/samples";
    const std::string db = dir.file("s.db");
    const auto result = e2e::run_binary("--db " + db + " check " + samples + "/article-zh-chips.txt --date 2025-11-10 --from-warc " +
                                            samples + "/sources.warc.gz --format json",
                                        dir.file("err.txt"));
    REQUIRE(result.code == 0);
    const json report = json::parse(result.out);
    REQUIRE(report["articles"].size() == 1);
    const auto& article = report["articles"][0];
    CHECK(article["claims"].size() >= 5);
    CHECK(article["sources"].size() == 4);
    int fetched = 0;
    int with_evidence = 0;
    for (const auto& source : article["sources"]) fetched += source["http_status"] == 200 ? 1 : 0;
    for (const auto& claim : article["claims"]) with_evidence += claim["evidence"].empty() ? 0 : 1;
    CHECK(fetched == 3);
    CHECK(with_evidence >= 2);
    CHECK(result.err.find("Imported article 1") != std::string::npos);
}

}  // TEST_SUITE
