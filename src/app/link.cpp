#include <claimtrack/app.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>
#include <map>

namespace claimtrack::app {
namespace {

constexpr int k_candidates = 60;        // passages recalled per claim before scoring
constexpr std::size_t k_kept = 5;       // evidence rows kept per claim
constexpr double k_min_score = 0.2;     // below this a passage does not bear on the claim

std::vector<Evidence> evidence_for(const Store& store, const Claim& claim, const evidence::Aliases& aliases,
                                   std::map<Id, std::string>& snapshot_text) {
    const std::string query = evidence::recall_query(claim, aliases);
    if (query.empty()) return {};
    std::vector<Evidence> rows;
    for (const PassageHit& hit : store.search_passages(query, claim.article, k_candidates)) {
        const evidence::Assessment assessment = evidence::assess(claim, hit.passage.text, aliases);
        if (assessment.score < k_min_score) continue;
        auto text = snapshot_text.find(hit.passage.snapshot);
        if (text == snapshot_text.end()) {
            const auto snapshot = store.snapshot(hit.passage.snapshot);
            text = snapshot_text.emplace(hit.passage.snapshot, snapshot ? snapshot->text : hit.passage.text).first;
        }
        Evidence row;
        row.claim = claim.id;
        row.passage = hit.passage.id;
        row.score = assessment.score;
        row.stance = assessment.stance;
        row.reason = assessment.reason;
        row.origin = Origin::automatic;
        row.quote = evidence::make_selector(text->second, hit.passage.span);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Evidence& a, const Evidence& b) { return a.score > b.score; });
    if (rows.size() > k_kept) rows.resize(k_kept);
    return rows;
}

}  // namespace

LinkSummary link_evidence(Store& store, std::optional<Id> article) {
    const evidence::Aliases aliases = evidence::Aliases::builtin();
    std::map<Id, std::string> snapshot_text;
    LinkSummary summary;
    Store::Transaction transaction(store);
    for (const Claim& claim : store.claims({.article = article, .kind = {}, .status = {}})) {
        const std::vector<Evidence> rows = evidence_for(store, claim, aliases, snapshot_text);
        store.replace_automatic_evidence(claim.id, rows);
        ++summary.claims;
        if (!rows.empty()) ++summary.claims_with_evidence;
        summary.evidence += rows.size();
        for (const Evidence& row : rows) {
            switch (row.stance) {
                case Stance::supports: ++summary.supports; break;
                case Stance::contradicts: ++summary.contradicts; break;
                case Stance::mentions: ++summary.mentions; break;
            }
        }
    }
    transaction.commit();
    return summary;
}

}  // namespace claimtrack::app
