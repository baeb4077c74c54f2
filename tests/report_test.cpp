#include "report_fixture.hpp"

#include <claimtrack/report.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace claimtrack;
using namespace claimtrack::report;

namespace {

ClaimEntry entry(Id id, ClaimKind kind, Status status, std::string text) {
    ClaimEntry e;
    e.claim.id = id;
    e.claim.article = 1;
    e.claim.kind = kind;
    e.claim.status = status;
    e.claim.text = std::move(text);
    e.claim.span = {10, 10 + e.claim.text.size()};
    e.claim.checkworthiness = 0.8;
    return e;
}

Evidence evidence_row(Id id, Stance stance, double score, std::string exact, std::string url) {
    Evidence e;
    e.id = id;
    e.passage = id * 10;
    e.stance = stance;
    e.score = score;
    e.reason = "same subject and attribute";
    e.text = exact;
    e.url = std::move(url);
    e.quote = {exact, "before ", " after", 100, 100 + exact.size()};
    return e;
}

Report sample() {
    ArticleReport a;
    a.article.id = 1;
    a.article.title = "芯片 | 竞争";
    a.article.date = "2025-11-06";
    a.article.language = "zh";

    auto share = entry(11, ClaimKind::quantity, Status::verified, "英伟达在中国的市场份额由95%下降为0");
    share.claim.fields = {{"subject", "英伟达"}, {"from", "95"}, {"to", "0"}, {"unit", "%"}};
    share.evidence.push_back(evidence_row(5, Stance::supports, 0.9, "市场份额由95%下降为0", "https://example.com/a"));
    share.history.push_back({1, 11, Status::unreviewed, Status::verified, 5, "matches the | source", "alice", "2025-11-07T08:00:00Z"});

    auto ceo = entry(12, ClaimKind::role, Status::disputed, "英特尔CEO是张三");
    ceo.evidence.push_back(evidence_row(6, Stance::contradicts, 0.8, "Intel CEO Lip-Bu Tan", "https://example.com/b"));
    ceo.history.push_back({2, 12, Status::unreviewed, Status::disputed, 6, "source names another CEO", "bob", "2025-11-07T09:00:00Z"});

    auto quote = entry(13, ClaimKind::quote, Status::unreviewed, "他说“中国将赢得AI竞赛”");
    quote.claim.hedged = true;

    a.claims = {share, ceo, quote};
    a.coverage = coverage_of(a.claims);

    SourceRow ok;
    ok.id = 1;
    ok.url = "https://example.com/a";
    ok.title = "Report A";
    ok.http_status = 200;
    ok.outcome = "ok";
    ok.fetched_at = "2025-11-06T10:00:00Z";
    SourceRow dead;
    dead.id = 2;
    dead.url = "https://example.com/gone";
    dead.title = "Gone | page";
    dead.http_status = 404;
    dead.outcome = "dead";
    dead.error = "HTTP 404";
    SourceRow unreachable;
    unreachable.id = 3;
    unreachable.url = "https://nowhere.invalid/";
    unreachable.outcome = "unreachable";
    unreachable.error = "could not resolve host";
    a.sources = {ok, dead, unreachable};
    a.evidence_per_source = {{1, 2}};

    Report r;
    r.generated_at = "2025-11-08T12:00:00Z";
    r.articles.push_back(a);
    return r;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("report") {
    TEST_CASE("format_from_name knows text, markdown, md and json") {
        CHECK(format_from_name("text") == Format::text);
        CHECK(format_from_name("markdown") == Format::markdown);
        CHECK(format_from_name("md") == Format::markdown);
        CHECK(format_from_name("json") == Format::json);
        CHECK_FALSE(format_from_name("pdf").has_value());
    }

    TEST_CASE("coverage counts claims by status and kind, unsourced and only contradicted") {
        const Coverage c = sample().articles[0].coverage;
        CHECK(c.by_status.at(Status::verified) == 1);
        CHECK(c.by_status.at(Status::disputed) == 1);
        CHECK(c.by_status.at(Status::unreviewed) == 1);
        CHECK(c.by_status.at(Status::unverifiable) == 0);
        CHECK(c.by_kind.at(ClaimKind::quantity) == 1);
        CHECK(c.by_kind.at(ClaimKind::comparison) == 0);
        CHECK(c.without_evidence == 1);
        CHECK(c.only_contradicted == 1);
    }

    TEST_CASE("text report shows coverage, best evidence, notes and flags dead sources") {
        const std::string out = render(sample(), Format::text, {});
        CHECK(contains(out, "3 claims: unreviewed 1, verified 1, disputed 1, unverifiable 0, without evidence 1, only contradicted 1"));
        CHECK(contains(out, "quantity 1, role 1, quote 1, event 0, comparison 0"));
        CHECK(contains(out, "supports 0.90"));
        CHECK(contains(out, "https://example.com/a"));
        CHECK(contains(out, "matches the | source"));
        CHECK(contains(out, "alice"));
        CHECK(contains(out, "DEAD"));
        CHECK(contains(out, "FAILED"));
        CHECK(contains(out, "never"));
        CHECK(contains(out, "(hedged)"));
        CHECK_FALSE(contains(out, "\x1b["));
        CHECK_FALSE(contains(out, "History"));
    }

    TEST_CASE("text report colours only when asked and adds history on request") {
        const std::string out = render(sample(), Format::text, {Color::on, History::show});
        CHECK(contains(out, "\x1b[1;31mDEAD"));
        CHECK(contains(out, "History"));
        CHECK(contains(out, "unreviewed -> disputed"));
    }

    TEST_CASE("text report aligns the claim columns across wide characters") {
        const std::string out = render(sample(), Format::text, {});
        const auto header = out.find("  ID  KIND");
        REQUIRE(header != std::string::npos);
        const auto claim_col = out.find("CLAIM", header) - header;
        const auto row = out.find("  11  quantity");
        REQUIRE(row != std::string::npos);
        CHECK(out.substr(row + claim_col, 9) == "英伟达");
    }

    TEST_CASE("markdown report escapes pipes in cells and has tables") {
        const std::string out = render(sample(), Format::markdown, {Color::off, History::show});
        CHECK(contains(out, "# Sourcing report"));
        CHECK(contains(out, "## 芯片 | 竞争"));
        CHECK(contains(out, "matches the \\| source (alice)"));
        CHECK(contains(out, "Gone \\| page"));
        CHECK(contains(out, "**DEAD**"));
        CHECK(contains(out, "| 3 | 1 | 1 | 1 | 0 | 1 | 1 |"));
        CHECK(contains(out, "### History"));
        CHECK_FALSE(contains(out, "matches the | source"));
    }

    TEST_CASE("json report parses back with the stable field names") {
        const auto j = nlohmann::json::parse(render(sample(), Format::json, {}));
        CHECK(j["generated_at"] == "2025-11-08T12:00:00Z");
        const auto& a = j["articles"][0];
        CHECK(a["id"] == 1);
        CHECK(a["title"] == "芯片 | 竞争");
        CHECK(a["date"] == "2025-11-06");
        CHECK(a["language"] == "zh");
        CHECK(a["coverage"]["by_status"]["verified"] == 1);
        CHECK(a["coverage"]["by_kind"]["quote"] == 1);
        CHECK(a["coverage"]["without_evidence"] == 1);
        CHECK(a["coverage"]["only_contradicted"] == 1);
        const auto& c = a["claims"][0];
        CHECK(c["id"] == 11);
        CHECK(c["kind"] == "quantity");
        CHECK(c["status"] == "verified");
        CHECK(c["start"] == 10);
        CHECK(c["checkworthiness"].get<double>() == doctest::Approx(0.8));
        CHECK(c["hedged"] == false);
        CHECK(c["fields"]["from"] == "95");
        const auto& e = c["evidence"][0];
        CHECK(e["id"] == 5);
        CHECK(e["passage"] == 50);
        CHECK(e["url"] == "https://example.com/a");
        CHECK(e["stance"] == "supports");
        CHECK(e["origin"] == "auto");
        CHECK(e["quote"]["exact"] == "市场份额由95%下降为0");
        CHECK(e["quote"]["prefix"] == "before ");
        CHECK(e["quote"]["start"] == 100);
        CHECK(e["orphaned"] == false);
        CHECK(c["history"][0]["reviewer"] == "alice");
        CHECK(c["history"][0]["status"] == "verified");
        CHECK(a["claims"][2]["hedged"] == true);
        CHECK(a["claims"][2]["evidence"].empty());
        const auto& s = a["sources"][1];
        CHECK(s["http_status"] == 404);
        CHECK(s["outcome"] == "dead");
        CHECK(s["error"] == "HTTP 404");
        CHECK(s["evidence_count"] == 0);
        CHECK(a["sources"][0]["evidence_count"] == 2);
        CHECK(a["sources"][2]["http_status"].is_null());
    }

    TEST_CASE("text and markdown disarm control characters and raw HTML from article text") {
        Report r = sample();
        r.articles[0].claims[0].claim.text = "evil\x1b[2Jtext <script>alert(1)</script>";
        r.articles[0].sources[0].url = "https://example.com/\x1b[31m";
        const std::string text = render(r, Format::text, {});
        CHECK_FALSE(contains(text, "\x1b"));
        CHECK(contains(text, "evil [2Jtext"));
        const std::string md = render(r, Format::markdown, {});
        CHECK_FALSE(contains(md, "<script>"));
        CHECK(contains(md, "&lt;script>"));
    }

    TEST_CASE("json report is laid out as nlohmann dumps it: sorted keys, two-space indent, escapes, bad UTF-8 replaced") {
        Report r = sample();
        r.articles[0].claims[0].claim.text = "quote \" backslash \\ tab\t bell\x07 del\x7f 中文 bad\xff\xfe end";
        r.articles[0].claims[0].claim.fields["zeta"] = "";
        r.articles[0].claims[0].claim.checkworthiness = 0.1 + 0.2;
        r.articles[0].claims[1].evidence.clear();
        const std::vector<Report> reports{r, report_fixture::hostile(), Report{"2025-01-01T00:00:00Z", {}}};
        for (const Report& each : reports) {
            const std::string out = render(each, Format::json, {});
            const auto parsed = nlohmann::json::parse(out);
            CHECK(out == parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
        }
        const auto parsed = nlohmann::json::parse(render(r, Format::json, {}));
        const std::string text = parsed["articles"][0]["claims"][0]["text"];
        CHECK(text.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD for the bad bytes
        CHECK(text.find("中文") != std::string::npos);
        CHECK(parsed["articles"][0]["claims"][0]["checkworthiness"].get<double>() == 0.1 + 0.2);
        CHECK(parsed["articles"][0]["claims"][1]["evidence"].empty());
    }

    TEST_CASE("an empty report still renders in every format") {
        const Report empty{"2025-01-01T00:00:00Z", {}};
        CHECK(contains(render(empty, Format::text, {}), "no articles"));
        CHECK(contains(render(empty, Format::markdown, {}), "# Sourcing report"));
        CHECK(nlohmann::json::parse(render(empty, Format::json, {}))["articles"].empty());
    }
}
