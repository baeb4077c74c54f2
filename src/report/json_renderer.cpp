#include "report/shared.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace claimtrack::report::detail {

namespace {

using nlohmann::json;

json evidence_json(const Evidence& e) {
    return {{"id", e.id},
            {"passage", e.passage},
            {"text", e.text},
            {"url", e.url},
            {"score", e.score},
            {"stance", to_string(e.stance)},
            {"reason", e.reason},
            {"origin", to_string(e.origin)},
            {"quote",
             {{"exact", e.quote.exact}, {"prefix", e.quote.prefix}, {"suffix", e.quote.suffix}, {"start", e.quote.start},
              {"end", e.quote.end}}},
            {"orphaned", e.orphaned}};
}

json review_json(const Review& r) {
    return {{"id", r.id},
            {"previous", to_string(r.previous)},
            {"status", to_string(r.status)},
            {"evidence", r.evidence ? json(*r.evidence) : json(nullptr)},
            {"note", r.note},
            {"reviewer", r.reviewer},
            {"created_at", r.created_at}};
}

json claim_json(const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    json j{{"id", c.id},
           {"kind", to_string(c.kind)},
           {"status", to_string(c.status)},
           {"text", c.text},
           {"start", c.span.start},
           {"end", c.span.end},
           {"checkworthiness", c.checkworthiness},
           {"hedged", c.hedged},
           {"fields", c.fields},
           {"evidence", json::array()},
           {"history", json::array()}};
    for (const auto& e : entry.evidence) j["evidence"].push_back(evidence_json(e));
    for (const auto& r : entry.history) j["history"].push_back(review_json(r));
    const Review* last = last_review(entry);
    j["note"] = last ? last->note : "";
    j["reviewer"] = last ? last->reviewer : "";
    return j;
}

json source_json(const ArticleReport& a, const SourceRow& s) {
    return {{"id", s.id},
            {"url", s.url},
            {"title", s.title},
            {"http_status", s.http_status ? json(*s.http_status) : json(nullptr)},
            {"outcome", s.outcome},
            {"error", s.error},
            {"fetched_at", s.fetched_at},
            {"final_url", s.final_url},
            {"evidence_count", evidence_count(a, s.id)}};
}

json coverage_json(const Coverage& c) {
    json by_status = json::object();
    for (const auto& [status, n] : c.by_status) by_status[std::string(to_string(status))] = n;
    json by_kind = json::object();
    for (const auto& [kind, n] : c.by_kind) by_kind[std::string(to_string(kind))] = n;
    return {{"claims", claim_total(c)},
            {"by_status", by_status},
            {"by_kind", by_kind},
            {"without_evidence", c.without_evidence},
            {"only_contradicted", c.only_contradicted}};
}

}  // namespace

std::string render_json(const Report& report, const RenderOptions& /*options*/) {
    json articles = json::array();
    for (const auto& a : report.articles) {
        json claims = json::array();
        for (const auto& entry : a.claims) claims.push_back(claim_json(entry));
        json sources = json::array();
        for (const auto& s : a.sources) sources.push_back(source_json(a, s));
        articles.push_back({{"id", a.article.id},
                            {"title", a.article.title},
                            {"date", a.article.date},
                            {"language", a.article.language},
                            {"coverage", coverage_json(a.coverage)},
                            {"claims", claims},
                            {"sources", sources}});
    }
    const json root{{"generated_at", report.generated_at}, {"articles", articles}};
    // Replace invalid UTF-8 instead of throwing: article text is data, not a reason to stop.
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace claimtrack::report::detail
