#include "report/shared.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace claimtrack::report::detail {

namespace {

using nlohmann::json;

// Objects are filled key by key: nlohmann's initializer lists copy every nested value, which
// made a 10,000-claim report several times slower.
json evidence_json(const ArticleReport& a, const Evidence& e) {
    json quote = json::object();
    quote["exact"] = e.quote.exact;
    quote["prefix"] = e.quote.prefix;
    quote["suffix"] = e.quote.suffix;
    quote["start"] = e.quote.start;
    quote["end"] = e.quote.end;
    json j = json::object();
    j["id"] = e.id;
    j["passage"] = e.passage;
    j["text"] = e.text;
    j["url"] = e.url;
    j["score"] = e.score;
    j["stance"] = to_string(e.stance);
    j["reason"] = e.reason;
    j["origin"] = to_string(e.origin);
    j["quote"] = std::move(quote);
    j["orphaned"] = e.orphaned;
    j["fetched_at"] = evidence_fetched_at(a, e);
    return j;
}

json review_json(const Review& r) {
    json j = json::object();
    j["id"] = r.id;
    j["previous"] = to_string(r.previous);
    j["status"] = to_string(r.status);
    j["evidence"] = r.evidence ? json(*r.evidence) : json(nullptr);
    j["note"] = r.note;
    j["reviewer"] = r.reviewer;
    j["created_at"] = r.created_at;
    return j;
}

json claim_json(const ArticleReport& a, const ClaimEntry& entry) {
    const Claim& c = entry.claim;
    json j = json::object();
    j["id"] = c.id;
    j["kind"] = to_string(c.kind);
    j["status"] = to_string(c.status);
    j["text"] = c.text;
    j["start"] = c.span.start;
    j["end"] = c.span.end;
    j["checkworthiness"] = c.checkworthiness;
    j["hedged"] = c.hedged;
    json fields = json::object();
    for (const auto& [name, value] : c.fields) fields[name] = value;
    j["fields"] = std::move(fields);
    json evidence = json::array();
    for (const auto& e : entry.evidence) evidence.push_back(evidence_json(a, e));
    j["evidence"] = std::move(evidence);
    json history = json::array();
    for (const auto& r : entry.history) history.push_back(review_json(r));
    j["history"] = std::move(history);
    const Review* last = last_review(entry);
    j["note"] = last ? last->note : "";
    j["reviewer"] = last ? last->reviewer : "";
    return j;
}

json source_json(const ArticleReport& a, const SourceRow& s) {
    const auto found = a.fetches.find(s.id);
    const SourceFetch fetch = found == a.fetches.end() ? SourceFetch{} : found->second;
    return {{"id", s.id},
            {"url", s.url},
            {"title", s.title},
            {"http_status", s.http_status ? json(*s.http_status) : json(nullptr)},
            {"outcome", s.outcome},
            {"error", s.error},
            {"fetched_at", s.fetched_at},
            {"final_url", s.final_url},
            {"evidence_count", evidence_count(a, s.id)},
            {"warc_file", fetch.warc_file},
            {"text_fetched_at", fetch.text_fetched_at},
            {"unchanged_since", fetch.unchanged_since.empty() ? json(nullptr) : json(fetch.unchanged_since)}};
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
            {"only_contradicted", c.only_contradicted},
            {"unsourced_claims", c.unsourced_claims},
            {"contradicted_claims", c.contradicted_claims}};
}

}  // namespace

std::string render_json(const Report& report, const RenderOptions& /*options*/) {
    json articles = json::array();
    for (const auto& a : report.articles) {
        json claims = json::array();
        for (const auto& entry : a.claims) claims.push_back(claim_json(a, entry));
        json sources = json::array();
        for (const auto& s : a.sources) sources.push_back(source_json(a, s));
        json article = json::object();
        article["id"] = a.article.id;
        article["title"] = a.article.title;
        article["date"] = a.article.date;
        article["language"] = a.article.language;
        article["coverage"] = coverage_json(a.coverage);
        article["claims"] = std::move(claims);
        article["sources"] = std::move(sources);
        articles.push_back(std::move(article));
    }
    json root = json::object();
    root["generated_at"] = report.generated_at;
    root["articles"] = std::move(articles);
    // Replace invalid UTF-8 instead of throwing: article text is data, not a reason to stop.
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace claimtrack::report::detail
