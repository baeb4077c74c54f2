#include <claimtrack/app_search.hpp>
#include <claimtrack/app_evidence.hpp>
#include <claimtrack/app.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <cmath>

namespace claimtrack::app {
namespace {

constexpr int k_min_candidates = 100;     // passages recalled before scoring
constexpr std::size_t k_max_terms = 32;  // words of free text put in the query

// Return the claim `text` reads as (the most check-worthy one when it holds several), if any.
std::optional<Claim> read_as_claim(const std::string& text) {
    Article article;
    article.body = text;
    article.language = text::detect_language(text);
    article.paragraphs = {{Span{0, text.size()}, ParagraphKind::text}};
    const auto found = claims::extract(article);
    if (found.empty()) return std::nullopt;
    return *std::max_element(found.begin(), found.end(),
                             [](const Claim& a, const Claim& b) { return a.checkworthiness < b.checkworthiness; });
}

SearchHit score_hit(const ScoredPassage& scored, const std::optional<Claim>& claim, std::size_t words,
                    const evidence::Aliases& aliases) {
    const PassageHit& hit = scored.recalled->hit;
    SearchHit out{hit.passage.id, hit.passage.text, hit.url, scored.relevance, Stance::mentions, {}};
    if (claim) {
        const auto assessment = evidence::assess(*claim, hit.passage.text, aliases);
        out.score = combined(scored.relevance, assessment);
        out.stance = assessment.stance;
        out.reason = assessment.reason;
        if (assessment.score > 0.0) return out;
    }
    out.reason = "shares " + std::to_string(scored.overlap.shared) + " of " + std::to_string(words) + " words";
    return out;
}

}  // namespace

SearchResult search(const Store& store, const SearchOptions& options) {
    const evidence::Aliases aliases = load_aliases(store);
    SearchResult result;
    result.claim = read_as_claim(options.text);
    const evidence::ClaimWords words(options.text);
    QueryCost cost(store);
    const evidence::QueryLimits limits = cost.limits();
    const std::string by_words = evidence::stems_query(options.text, k_max_terms, limits);
    result.query = result.claim ? evidence::recall_query(*result.claim, aliases, limits) : by_words;
    if (result.query.empty()) result.query = by_words;
    if (result.claim && evidence::few_fields(*result.claim)) result.query = by_words;
    const int candidates = std::max(k_min_candidates, options.limit * 6);
    std::vector<RecalledPassage> recalled;
    // The words typed rank first; a claim's fields add what the words miss (aliases, numbers).
    recall_passages(store, by_words, options.article, candidates, recalled, 1.0, limits);
    if (result.query != by_words) recall_passages(store, result.query, options.article, candidates, recalled, k_fields_share, limits);
    const auto scored = relevance_of(recalled, words);
    for (const ScoredPassage& s : scored) result.hits.push_back(score_hit(s, result.claim, words.size(), aliases));
    // Plain words are scored against the best passage found: it scores 1.
    if (!result.claim && !scored.empty() && scored.front().relevance > 0.0) {
        for (SearchHit& hit : result.hits) hit.score /= scored.front().relevance;
    }
    std::stable_sort(result.hits.begin(), result.hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (result.hits.size() > static_cast<std::size_t>(std::max(options.limit, 0))) {
        result.hits.resize(static_cast<std::size_t>(std::max(options.limit, 0)));
    }
    return result;
}

EvidenceView evidence_view(const Store& store, Id claim) {
    const evidence::Aliases aliases = load_aliases(store);
    EvidenceView view;
    view.claim = require_claim(store, claim);
    if (const auto article = store.article_header(view.claim.article)) view.article_date = article->date;
    for (Evidence& row : store.evidence_of(claim)) {
        EvidenceRow shown;
        shown.temporal = evidence::temporal_flag(row.text, view.article_date);
        shown.features = evidence::assess(view.claim, row.text, aliases).features;
        shown.evidence = std::move(row);
        view.rows.push_back(std::move(shown));
    }
    return view;
}

}  // namespace claimtrack::app
