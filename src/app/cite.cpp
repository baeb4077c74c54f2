#include <claimtrack/app_evidence.hpp>
#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include "app/review_steps.hpp"

#include <algorithm>

namespace claimtrack::app {
namespace {

struct Fetched {
    Snapshot snapshot;
    bool fetched = false;
};

// Return the latest text of `url`, fetching it (as a source of `article`) when there is none.
Fetched text_of(Store& store, const std::string& url, Id article, const CiteOptions& options) {
    if (const auto source = store.find_source(url)) {
        if (auto snapshot = store.latest_text_snapshot(*source)) return {std::move(*snapshot), false};
    }
    Id source = 0;
    {
        Store::Transaction transaction(store);
        source = store.add_citation(article, url, "");
        transaction.commit();
    }
    FetchOptions fetch;
    fetch.article = article;
    fetch.allow_private = options.allow_private;
    fetch.timeout_ms = options.timeout_ms;
    const FetchSummary summary = fetch_sources(store, fetch);
    if (auto snapshot = store.latest_text_snapshot(source)) return {std::move(*snapshot), true};
    std::string why = "no text could be extracted";
    for (const FetchOutcome& outcome : summary.results) {
        if (outcome.source != source) continue;
        why = "fetch failed: " + outcome.outcome + (outcome.error.empty() ? "" : " (" + outcome.error + ")");
    }
    throw Error(ErrorKind::input, url, "fetch", why);
}

std::string shortened(const std::string& quote) {
    constexpr std::size_t k_shown = 60;
    if (quote.size() <= k_shown) return quote;
    std::size_t cut = k_shown;
    while (cut > 0 && (static_cast<unsigned char>(quote[cut]) & 0xC0) == 0x80) --cut;
    return quote.substr(0, cut) + "…";
}

Evidence manual_row(const Store& store, const Claim& claim, const Snapshot& snapshot, Id passage, Span span,
                    const CiteOptions& options, const std::string& reviewer) {
    const std::string quoted = snapshot.text.substr(span.start, span.end - span.start);
    const evidence::Assessment assessment = evidence::assess(claim, quoted, load_aliases(store));
    Evidence row;
    row.claim = claim.id;
    row.passage = passage;
    row.score = 1.0;  // a person chose it
    row.stance = options.stance.value_or(assessment.stance);
    row.origin = Origin::manual;
    row.reason = "cited by " + reviewer;
    if (options.stance) {
        row.reason += " as " + std::string(to_string(*options.stance));
    } else if (!assessment.reason.empty()) {
        row.reason += "; " + assessment.reason;
    }
    row.quote = evidence::make_selector(snapshot.text, span);
    return row;
}

// Store `row`, or turn the claim's existing row on the same passage into it; return the id.
Id store_row(Store& store, Evidence row, const std::string& url) {
    if (const auto id = store.add_evidence(row)) return *id;
    for (const Evidence& existing : store.evidence_of(row.claim)) {
        if (existing.passage != row.passage) continue;
        row.id = existing.id;
        store.update_evidence(row);
        return row.id;
    }
    throw Error(ErrorKind::usage, url, "cite",
                "a person rejected this passage as evidence for claim " + std::to_string(row.claim) + " before");
}

}  // namespace

CiteResult cite(Store& store, const CiteOptions& options) {
    const Claim claim = review_steps::require_open_claim(store, options.claim, "cite");
    const std::string quote = text::collapse_space(options.quote);
    if (quote.empty()) throw Error(ErrorKind::usage, "--quote", "cite", "the quote is empty");
    const auto url = article::normalize_url(options.url);
    if (!url) throw Error(ErrorKind::usage, options.url, "cite", "not a web address (http or https URL)");

    const Fetched fetched = text_of(store, *url, claim.article, options);
    const Snapshot& snapshot = fetched.snapshot;
    const auto span = evidence::find_quote(snapshot.text, options.quote);
    if (!span) {
        throw Error(ErrorKind::input, *url, "quote",
                    "\"" + shortened(quote) + "\" is not in the page text (fetched " + snapshot.fetched_at + ")");
    }
    const std::vector<Passage> passages = store.passages_of(snapshot.id);
    const auto index = evidence::passage_at(passages, *span);
    if (!index) throw Error(ErrorKind::input, *url, "quote", "the quote lies outside the page's passages");

    const std::string reviewer = options.reviewer.empty() ? review::default_reviewer() : options.reviewer;
    CiteResult result;
    result.fetched = fetched.fetched;
    result.exact = snapshot.text.substr(span->start, span->end - span->start) == options.quote;
    Store::Transaction transaction(store);
    Evidence row = manual_row(store, claim, snapshot, passages[*index].id, *span, options, reviewer);
    row.id = store_row(store, row, *url);
    const review::Decision decision{claim.id, claim.status, row.id, options.note, reviewer};
    Review log = review::make_note_row(claim.status, decision, "cite", review::NoteRule::optional);
    result.log_row = store.record_log({log, LogAction::evidence_accept, "cited " + *url});
    transaction.commit();
    result.evidence = store.evidence(row.id).value_or(row);
    return result;
}

}  // namespace claimtrack::app
