#include <claimtrack/app_search.hpp>
#include <claimtrack/app.hpp>
#include <claimtrack/claims.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <cmath>
#include <set>

namespace claimtrack::app {
namespace {

constexpr int k_min_candidates = 60;     // passages recalled before scoring
constexpr std::size_t k_max_terms = 32;  // words of free text put in the query
constexpr double k_agreement_weight = 0.8;  // the rest of a claim's score is word overlap

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

std::vector<std::string> unique_tokens(std::string_view text) {
    std::vector<std::string> out;
    for (auto& token : text::index_tokens(text)) {
        if (std::find(out.begin(), out.end(), token) == out.end()) out.push_back(std::move(token));
    }
    return out;
}

// Return the tokens as quoted FTS5 strings joined by OR: user text can never become an operator.
std::string words_query(const std::vector<std::string>& tokens) {
    std::string query;
    for (std::size_t i = 0; i < tokens.size() && i < k_max_terms; ++i) {
        std::string quoted = "\"";
        for (char c : tokens[i]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        query += (query.empty() ? "" : " OR ") + quoted + "\"";
    }
    return query;
}

double overlap(const std::vector<std::string>& wanted, std::string_view passage) {
    if (wanted.empty()) return 0.0;
    const auto tokens = text::index_tokens(passage);
    const std::set<std::string> present(tokens.begin(), tokens.end());
    const auto hits = std::count_if(wanted.begin(), wanted.end(), [&](const std::string& t) { return present.contains(t); });
    return static_cast<double>(hits) / static_cast<double>(wanted.size());
}

SearchHit score_hit(const PassageHit& hit, const std::optional<Claim>& claim, const std::vector<std::string>& tokens,
                    const evidence::Aliases& aliases) {
    SearchHit out{hit.passage.id, hit.passage.text, hit.url, 0.0, Stance::mentions, {}};
    const double shared = overlap(tokens, hit.passage.text);
    if (claim) {
        const auto assessment = evidence::assess(*claim, hit.passage.text, aliases);
        out.score = k_agreement_weight * assessment.score + (1.0 - k_agreement_weight) * shared;
        out.stance = assessment.stance;
        out.reason = assessment.reason;
        return out;
    }
    out.score = shared;
    const auto shared_count = static_cast<long>(std::lround(shared * static_cast<double>(tokens.size())));
    out.reason = "shares " + std::to_string(shared_count) + " of " + std::to_string(tokens.size()) + " words";
    return out;
}

}  // namespace

SearchResult search(const Store& store, const SearchOptions& options) {
    const evidence::Aliases aliases = evidence::Aliases::builtin();
    SearchResult result;
    result.claim = read_as_claim(options.text);
    const auto tokens = unique_tokens(options.text);
    const std::string by_words = words_query(tokens);
    result.query = result.claim ? evidence::recall_query(*result.claim, aliases) : by_words;
    if (result.query.empty()) result.query = by_words;
    const int candidates = std::max(k_min_candidates, options.limit * 6);
    std::vector<PassageHit> hits = store.search_passages(result.query, options.article, candidates);
    if (result.query != by_words && static_cast<int>(hits.size()) < options.limit && !by_words.empty()) {
        // A claim's fields can be narrower than the words typed: fill up from the words.
        for (auto& extra : store.search_passages(by_words, options.article, candidates)) {
            const bool known = std::any_of(hits.begin(), hits.end(), [&](const PassageHit& h) { return h.passage.id == extra.passage.id; });
            if (!known) hits.push_back(std::move(extra));
        }
    }
    for (const PassageHit& hit : hits) result.hits.push_back(score_hit(hit, result.claim, tokens, aliases));
    std::stable_sort(result.hits.begin(), result.hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (result.hits.size() > static_cast<std::size_t>(std::max(options.limit, 0))) {
        result.hits.resize(static_cast<std::size_t>(std::max(options.limit, 0)));
    }
    return result;
}

EvidenceView evidence_view(const Store& store, Id claim) {
    const evidence::Aliases aliases = evidence::Aliases::builtin();
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
