#include "cli/json_views.hpp"

namespace claimtrack::cli {

nlohmann::json to_json(const Claim& claim) {
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [name, value] : claim.fields) fields[name] = value;
    return {{"id", claim.id},
            {"article", claim.article},
            {"kind", to_string(claim.kind)},
            {"text", claim.text},
            {"start", claim.span.start},
            {"end", claim.span.end},
            {"checkworthiness", claim.checkworthiness},
            {"hedged", claim.hedged},
            {"status", to_string(claim.status)},
            {"fields", fields}};
}

nlohmann::json to_json(const SourceRow& source) {
    nlohmann::json row = {{"id", source.id}, {"url", source.url}, {"title", source.title}, {"article", source.article},
                          {"position", source.position}};
    if (!source.fetched_at.empty()) {
        row["http_status"] = source.http_status ? nlohmann::json(*source.http_status) : nlohmann::json(nullptr);
        row["fetched_at"] = source.fetched_at;
        row["error"] = source.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(source.error);
        row["outcome"] = source.outcome;
        row["final_url"] = source.final_url;
    }
    return row;
}

nlohmann::json to_json(const Evidence& evidence) {
    return {{"id", evidence.id},
            {"claim", evidence.claim},
            {"passage", evidence.passage},
            {"text", evidence.text},
            {"url", evidence.url},
            {"score", evidence.score},
            {"stance", to_string(evidence.stance)},
            {"reason", evidence.reason},
            {"origin", to_string(evidence.origin)},
            {"quote",
             {{"exact", evidence.quote.exact},
              {"prefix", evidence.quote.prefix},
              {"suffix", evidence.quote.suffix},
              {"start", evidence.quote.start},
              {"end", evidence.quote.end}}},
            {"orphaned", evidence.orphaned}};
}

nlohmann::json to_json(const Review& review) {
    return {{"id", review.id},
            {"claim", review.claim},
            {"previous", to_string(review.previous)},
            {"status", to_string(review.status)},
            {"evidence", review.evidence ? nlohmann::json(*review.evidence) : nlohmann::json(nullptr)},
            {"note", review.note},
            {"reviewer", review.reviewer},
            {"created_at", review.created_at}};
}

nlohmann::json to_json(const Article& article) {
    return {{"id", article.id},         {"title", article.title},   {"date", article.date},
            {"language", article.language}, {"format", article.format}, {"origin", article.origin},
            {"sources", article.sources.size()}, {"imported_at", article.imported_at}};
}

}  // namespace claimtrack::cli
