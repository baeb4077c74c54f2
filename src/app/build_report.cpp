#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claimtrack::app {
namespace {

// Return the id of the source whose URL or final URL is `url`, from `by_url`, or 0.
Id source_of(const std::unordered_map<std::string, Id>& by_url, const std::string& url) {
    const auto it = by_url.find(url);
    return it == by_url.end() ? 0 : it->second;
}

// Return where the text of source `row` is archived and how old it is. `newest_passage` is the
// newest passage the evidence quotes from it (0 when none), whose snapshot holds that text.
report::SourceFetch fetch_of(const Store& store, const SourceRow& row, Id newest_passage) {
    report::SourceFetch fetch;
    const auto latest = store.latest_snapshot(row.id);
    if (!latest) return fetch;
    std::optional<Snapshot> text = latest;
    if (newest_passage != 0) {
        if (const auto passage = store.passage(newest_passage); passage && passage->snapshot != latest->id) {
            text = store.snapshot(passage->snapshot);
        }
    }
    if (text && !text->text.empty()) fetch.text_fetched_at = text->fetched_at;
    fetch.warc_file = text && !text->warc_file.empty() ? text->warc_file : latest->warc_file;
    if (latest->outcome == "not-modified" || latest->http_status == 304) {
        fetch.unchanged_since = fetch.text_fetched_at.empty() ? latest->fetched_at : fetch.text_fetched_at;
    }
    return fetch;
}

report::ArticleReport article_report(const Store& store, const Article& article) {
    report::ArticleReport entry;
    entry.article = article;
    // Evidence and history for all claims in two queries, not two per claim.
    std::map<Id, std::vector<Evidence>> evidence = store.evidence_of_article(article.id);
    std::map<Id, std::vector<Review>> history = store.history_of_article(article.id);
    std::vector<Claim> claims = store.claims({.article = article.id, .kind = {}, .status = {}});
    entry.claims.reserve(claims.size());
    for (Claim& claim : claims) {
        report::ClaimEntry claim_entry{std::move(claim), {}, {}};
        if (const auto found = evidence.find(claim_entry.claim.id); found != evidence.end()) {
            claim_entry.evidence = std::move(found->second);
        }
        if (const auto found = history.find(claim_entry.claim.id); found != history.end()) {
            claim_entry.history = std::move(found->second);
        }
        entry.claims.push_back(std::move(claim_entry));
    }
    entry.sources = store.sources(article.id);
    std::unordered_map<std::string, Id> by_url;
    for (const SourceRow& s : entry.sources) by_url.emplace(s.url, s.id);
    for (const SourceRow& s : entry.sources) {
        if (!s.final_url.empty()) by_url.emplace(s.final_url, s.id);
    }
    std::map<Id, Id> newest_passage;
    for (const report::ClaimEntry& claim_entry : entry.claims) {
        for (const Evidence& row : claim_entry.evidence) {
            const Id source = source_of(by_url, row.url);
            if (source == 0) continue;
            ++entry.evidence_per_source[source];
            newest_passage[source] = std::max(newest_passage[source], row.passage);
        }
    }
    for (const SourceRow& s : entry.sources) {
        if (s.fetched_at.empty()) continue;
        const auto passage = newest_passage.find(s.id);
        entry.fetches[s.id] = fetch_of(store, s, passage == newest_passage.end() ? 0 : passage->second);
    }
    entry.coverage = report::coverage_of(entry.claims);
    return entry;
}

}  // namespace

report::Report build_report(const Store& store, std::optional<Id> article) {
    report::Report result;
    result.generated_at = now_iso8601();
    if (article) {
        const auto found = store.article_header(*article);
        if (!found) {
            throw Error(ErrorKind::not_found, "article " + std::to_string(*article), "database", "no such article (see `claimtrack articles`)");
        }
        result.articles.push_back(article_report(store, *found));
        return result;
    }
    for (const Article& each : store.article_headers()) result.articles.push_back(article_report(store, each));
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
