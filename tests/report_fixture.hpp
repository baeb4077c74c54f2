#pragma once

#include <claimtrack/report.hpp>

#include <string>
#include <string_view>
#include <utility>

// Reports built in memory for the renderer tests: a plain sample and a hostile one.
namespace report_fixture {

using namespace claimtrack;
using namespace claimtrack::report;

inline ClaimEntry entry(Id id, ClaimKind kind, Status status, std::string text) {
    ClaimEntry e;
    e.claim.id = id;
    e.claim.article = 1;
    e.claim.kind = kind;
    e.claim.status = status;
    e.claim.text = std::move(text);
    e.claim.span = {10, 10 + e.claim.text.size()};
    e.claim.checkworthiness = 0.75;
    return e;
}

inline Evidence evidence(Id id, Stance stance, double score, std::string exact, std::string url) {
    Evidence e;
    e.id = id;
    e.passage = id * 10;
    e.stance = stance;
    e.score = score;
    e.reason = "same subject and number";
    e.text = exact;
    e.url = std::move(url);
    e.quote = {exact, "据报道，", "。此后", 100, 100 + exact.size()};
    return e;
}

inline SourceRow source(Id id, std::string url, std::string title, std::optional<int> status, std::string outcome) {
    SourceRow s;
    s.id = id;
    s.article = 1;
    s.url = std::move(url);
    s.title = std::move(title);
    s.http_status = status;
    s.outcome = std::move(outcome);
    s.fetched_at = "2025-11-06T10:00:00Z";
    return s;
}

// Return a report on one Chinese article: verified, disputed, unverifiable and unreviewed claims.
inline Report sample() {
    ArticleReport a;
    a.article = {};
    a.article.id = 1;
    a.article.title = "AI芯片竞争";
    a.article.date = "2025-11-06";
    a.article.language = "zh";
    a.article.origin = "https://news.example.com/ai-chips";

    auto share = entry(11, ClaimKind::quantity, Status::verified, "英伟达在中国的市场份额由95%下降为0");
    share.claim.fields = {{"subject", "英伟达"}, {"from", "95"}, {"to", "0"}, {"unit", "%"}};
    share.evidence.push_back(evidence(5, Stance::supports, 0.9, "市场份额由95%降至0", "https://example.com/a"));
    share.evidence.push_back(evidence(7, Stance::mentions, 0.4, "英伟达", "https://example.com/c"));
    share.history.push_back(
        {1, 11, Status::unreviewed, Status::verified, 5, "matches, the \"source\"", "alice", "2025-11-07T08:00:00Z"});

    auto ceo = entry(12, ClaimKind::role, Status::disputed, "英特尔CEO是张三");
    ceo.claim.fields = {{"person", "张三"}, {"role", "CEO"}, {"organization", "英特尔"}};
    ceo.evidence.push_back(evidence(6, Stance::contradicts, 0.8, "Intel CEO Lip-Bu Tan", "https://example.com/b"));
    ceo.history.push_back(
        {2, 12, Status::unreviewed, Status::disputed, 6, "=SUM(A1) names another CEO", "bob", "2025-11-07T09:00:00Z"});

    auto quote = entry(13, ClaimKind::quote, Status::unverifiable, "黄仁勋说“中国将赢得AI竞赛”");
    quote.claim.fields = {{"speaker", "黄仁勋"}, {"quote", "中国将赢得AI竞赛"}};
    quote.history.push_back(
        {3, 13, Status::unreviewed, Status::unverifiable, std::nullopt, "", "carol", "2025-11-08T09:00:00Z"});

    auto open = entry(14, ClaimKind::event, Status::unreviewed, "-2 points, said the board");
    open.claim.hedged = true;

    a.claims = {share, ceo, quote, open};
    a.coverage = coverage_of(a.claims);
    auto dead = source(2, "https://example.com/gone", "Gone page", 404, "dead");
    dead.error = "HTTP 404";
    a.sources = {source(1, "https://example.com/a", "Report A", 200, "ok"), dead,
                 source(3, "https://example.com/b", "Report B", 200, "ok")};
    a.evidence_per_source = {{1, 1}, {3, 1}};

    Report r;
    r.generated_at = "2025-11-08T12:00:00Z";
    r.articles.push_back(a);
    return r;
}

constexpr std::string_view k_script = "<script>alert(1)</script>";
constexpr std::string_view k_attr = "\" onerror=\"x";
constexpr std::string_view k_js = "javascript:alert(1)";

// Return `sample()` with every piece of article and source text replaced by attacks.
inline Report hostile() {
    const std::string evil = std::string(k_script) + std::string(k_attr) + "' onerror='x " + std::string(k_js);
    Report r = sample();
    ArticleReport& a = r.articles[0];
    a.article.title = evil;
    a.article.date = evil;
    a.article.language = k_attr;
    a.article.origin = k_js;
    for (auto& e : a.claims) {
        e.claim.text = "张三 " + evil + " 95%";
        for (auto& [name, value] : e.claim.fields) value = name == "person" ? "<script>" : evil;
        for (auto& ev : e.evidence) {
            ev.url = ev.id == 5 ? std::string(k_js) : "https://x.example/\"onerror=\"x";
            ev.quote = {evil, evil, evil, 0, 1};
            ev.text = evil;
            ev.reason = evil;
        }
        for (auto& h : e.history) {
            h.note = evil;
            h.reviewer = evil;
            h.created_at = evil;
        }
    }
    for (auto& s : a.sources) {
        s.title = evil;
        s.error = evil;
        s.fetched_at = evil;
        s.outcome = evil;
        s.final_url = "JavaScript:alert(2)";
    }
    a.sources[0].url = k_js;
    a.sources[1].url = " javascript:alert(3)";
    r.generated_at = evil;
    return r;
}

}  // namespace report_fixture
