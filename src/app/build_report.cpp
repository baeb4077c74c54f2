#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>

namespace claimtrack::app {
namespace {

report::ArticleReport article_report(const Store& store, const Article& article) {
    report::ArticleReport entry;
    entry.article = article;
    for (const Claim& claim : store.claims({.article = article.id, .kind = {}, .status = {}})) {
        entry.claims.push_back({claim, store.evidence_of(claim.id), store.history(claim.id)});
    }
    entry.sources = store.sources(article.id);
    for (const report::ClaimEntry& claim_entry : entry.claims) {
        for (const Evidence& row : claim_entry.evidence) {
            const auto source = std::find_if(entry.sources.begin(), entry.sources.end(),
                                             [&](const SourceRow& s) { return s.url == row.url || s.final_url == row.url; });
            if (source != entry.sources.end()) ++entry.evidence_per_source[source->id];
        }
    }
    entry.coverage = report::coverage_of(entry.claims);
    return entry;
}

}  // namespace

report::Report build_report(const Store& store, std::optional<Id> article) {
    report::Report result;
    result.generated_at = now_iso8601();
    if (article) {
        const auto found = store.article(*article);
        if (!found) {
            throw Error(ErrorKind::not_found, "article " + std::to_string(*article), "database", "no such article (see `claimtrack articles`)");
        }
        result.articles.push_back(article_report(store, *found));
        return result;
    }
    for (const Article& each : store.articles()) result.articles.push_back(article_report(store, each));
    return result;
}

std::vector<std::string> failed_gates(const report::Report& report, const std::vector<std::string>& gates) {
    std::vector<std::string> failed;
    for (const std::string& gate : gates) {
        bool tripped = false;
        for (const report::ArticleReport& entry : report.articles) {
            if (gate == "disputed") {
                const auto disputed = entry.coverage.by_status.find(Status::disputed);
                tripped = tripped || (disputed != entry.coverage.by_status.end() && disputed->second > 0);
            } else if (gate == "unsourced") {
                tripped = tripped || entry.coverage.without_evidence > 0;
            } else if (gate == "dead") {
                tripped = tripped || std::any_of(entry.sources.begin(), entry.sources.end(), [](const SourceRow& s) {
                              return s.outcome == "dead" || s.outcome == "soft-404";
                          });
            } else {
                throw Error(ErrorKind::usage, "--fail-on", gate, "unknown gate (use disputed, unsourced, dead)");
            }
        }
        if (tripped) failed.push_back(gate);
    }
    return failed;
}

}  // namespace claimtrack::app
