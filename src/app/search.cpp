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

constexpr int k_min_candidates = 60;     // passages recalled before scoring
constexpr std::size_t k_max_terms = 32;  // words of free text put in the query
constexpr double k_agreement_weight = 0.7;  // the rest of a claim's score is word overlap and bm25
constexpr double k_bm25_weight = 0.7;       // of that rest; the remainder is the share of words typed

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

SearchHit score_hit(const RecalledPassage& recalled, const std::optional<Claim>& claim,
                    const std::vector<std::string>& tokens, const evidence::Aliases& aliases) {
    const PassageHit& hit = recalled.hit;
    SearchHit out{hit.passage.id, hit.passage.text, hit.url, 0.0, Stance::mentions, {}};
    // Word overlap counts every word alike; bm25 knows which words are rare: use both.
    const double overlap = evidence::word_overlap(tokens, hit.passage.text);
    const double shared = k_bm25_weight * recalled.bm25 + (1.0 - k_bm25_weight) * overlap;
    if (claim) {
        const auto assessment = evidence::assess(*claim, hit.passage.text, aliases);
        out.score = k_agreement_weight * assessment.score + (1.0 - k_agreement_weight) * shared;
        out.stance = assessment.stance;
        out.reason = assessment.reason;
        if (assessment.score > 0.0) return out;
    } else {
        out.score = shared;
    }
    const auto shared_count = static_cast<long>(std::lround(overlap * static_cast<double>(tokens.size())));
    out.reason = "shares " + std::to_string(shared_count) + " of " + std::to_string(tokens.size()) + " words";
    return out;
}

}  // namespace

SearchResult search(const Store& store, const SearchOptions& options) {
    const evidence::Aliases aliases = load_aliases(store);
    SearchResult result;
    result.claim = read_as_claim(options.text);
    const auto tokens = evidence::content_tokens(options.text);
    const std::string by_words = evidence::words_query(options.text, k_max_terms);
    result.query = result.claim ? evidence::recall_query(*result.claim, aliases) : by_words;
    if (result.query.empty()) result.query = by_words;
    if (result.claim && evidence::few_fields(*result.claim)) result.query = by_words;
    const int candidates = std::max(k_min_candidates, options.limit * 6);
    std::vector<RecalledPassage> recalled;
    recall_passages(store, result.query, options.article, candidates, recalled);
    // A claim's fields can be narrower than the words typed: the words recall the rest.
    if (result.query != by_words) recall_passages(store, by_words, options.article, candidates, recalled);
    for (const RecalledPassage& r : recalled) result.hits.push_back(score_hit(r, result.claim, tokens, aliases));
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
    if (const auto article = store.article(view.claim.article)) view.article_date = article->date;
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
