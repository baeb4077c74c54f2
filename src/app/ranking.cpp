// Recall and ranking shared by `link` and `search`: what a query may cost, how the hits of several
// queries merge, and how relevant a recalled passage is to a claim's words.
#include <claimtrack/app_evidence.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimtrack::app {

QueryCost::QueryCost(const Store& store, std::int64_t large) : m_store(store) {
    const std::int64_t passages = store.indexed_passages();
    if (passages <= large) return;
    m_passages = passages;
    const auto share = static_cast<std::int64_t>(k_common_share * static_cast<double>(passages));
    m_common = std::max(share, k_common_floor);
}

evidence::QueryLimits QueryCost::limits() {
    if (m_common == 0) return {};
    const auto ranking = static_cast<std::int64_t>(k_ranking_share * static_cast<double>(m_passages));
    return {[this](std::string_view token, bool prefix) { return count(token, prefix); }, m_common, k_words_budget * m_common,
            std::max(ranking, m_common), m_passages};
}

std::int64_t QueryCost::count(std::string_view token, bool prefix) {
    auto key = std::pair{std::string(token), prefix};
    const auto known = m_known.find(key);
    if (known != m_known.end()) return known->second;
    // A phrase is counted by the index itself: it reads the doclists of tokens that are all common
    // (the only phrases asked for), without ranking.
    const std::int64_t n = token.find(' ') == std::string_view::npos ? m_store.passages_with(token, prefix)
                                                                      : m_store.passages_matching(evidence::fts5_phrase(token));
    m_known.emplace(std::move(key), n);
    return n;
}

std::vector<ScoredPassage> relevance_of(const std::vector<RecalledPassage>& recalled, const evidence::ClaimWords& words) {
    std::vector<ScoredPassage> scored;
    for (const RecalledPassage& r : recalled) {
        const evidence::Overlap overlap = words.in(r.hit.passage.text);
        // bm25 knows which words are rare; the overlap how many of the claim's words (any form)
        // are there, and the pairs whether they stand together as in the claim.
        // The page's title says what a passage is about when the passage itself does not repeat it.
        const double relevance = k_bm25_weight * r.bm25 + k_words_weight * overlap.words + k_pairs_weight * overlap.pairs +
                                 k_title_weight * words.cover(r.hit.title);
        scored.push_back({&r, overlap, relevance});
    }
    // A page with other strong hits is about the claim's topic: its passages gain a little.
    std::map<Id, std::pair<double, double>> best_of_page;  // snapshot → two best relevances
    for (const ScoredPassage& s : scored) {
        auto& [first, second] = best_of_page[s.recalled->hit.passage.snapshot];
        if (s.relevance > first) {
            second = first;
            first = s.relevance;
        } else if (s.relevance > second) {
            second = s.relevance;
        }
    }
    for (ScoredPassage& s : scored) {
        const auto& [first, second] = best_of_page[s.recalled->hit.passage.snapshot];
        const double others = s.relevance >= first ? second : first;
        s.relevance = (s.relevance + k_page_weight * others) / (1.0 + k_page_weight);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const ScoredPassage& a, const ScoredPassage& b) { return a.relevance > b.relevance; });
    return scored;
}

double combined(double relevance, const evidence::Assessment& assessment) {
    // A supporting or contradicting check lifts a passage; an entity alone lifts it less.
    const double agreement = assessment.stance == Stance::mentions ? k_mention_share * assessment.score : assessment.score;
    return (1.0 - k_agreement_weight) * relevance + k_agreement_weight * agreement;
}

void recall_passages(const Store& store, std::string_view query, std::optional<Id> article, int limit,
                     std::vector<RecalledPassage>& out, double weight, const evidence::QueryLimits& limits) {
    // In a large store the weights come from the counts already known, not from FTS5 reading
    // every phrase's passages again.
    const std::vector<double> weights = evidence::phrase_weights(query, limits);
    auto hits = store.search_passages(query, article, limit, weights);
    double best = 0.0;
    for (const PassageHit& hit : hits) best = std::min(best, hit.rank);
    for (PassageHit& hit : hits) {
        const double bm25 = best < 0.0 && hit.rank < 0.0 ? weight * hit.rank / best : 0.0;
        // A passage that two queries found keeps the better of its two ranks.
        const auto known =
            std::find_if(out.begin(), out.end(), [&](const RecalledPassage& r) { return r.hit.passage.id == hit.passage.id; });
        if (known == out.end()) out.push_back({std::move(hit), bm25});
        else known->bm25 = std::max(known->bm25, bm25);
    }
}

}  // namespace claimtrack::app
