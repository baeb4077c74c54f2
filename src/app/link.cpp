#include <claimtrack/app.hpp>
#include <claimtrack/app_evidence.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/store.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace claimtrack::app {
namespace {

constexpr int k_candidates = 50;          // passages recalled per query, best bm25 first
constexpr std::size_t k_assessed = 30;    // of those, the most relevant get the agreement checks
constexpr std::size_t k_kept = 10;        // evidence rows kept per claim, best first
constexpr double k_min_agreement = 0.2;   // an agreement check this strong keeps a passage
constexpr double k_min_overlap = 0.25;    // else the passage must share this much of the claim's words
constexpr double k_min_bm25 = 0.5;        // or rank this close to the best bm25 hit of its query
constexpr std::size_t k_max_words = 32;   // claim words put in the words query
constexpr std::size_t k_cached_pages = 256;  // snapshot texts kept for quoting

// Return the passages recalled for `claim`: by its words, and by its fields (names with their
// aliases across languages, numbers) for what the words miss. In a large store (with limits), a
// claim that names an entity is recalled by its fields first, and by its words only when those
// find fewer than k_candidates passages: there the passages naming the entity are the ones that
// bear on it, and the words query, found by the same rare names, would rank them a second time.
std::vector<RecalledPassage> recall_for(const Store& store, const Claim& claim, const evidence::Aliases& aliases,
                                        const evidence::QueryLimits& limits) {
    std::vector<RecalledPassage> recalled;
    const auto by_words = [&] {
        recall_passages(store, evidence::stems_query(claim.text, k_max_words, limits), claim.article, k_candidates, recalled, 1.0,
                        limits);
    };
    const auto by_fields = [&](double weight) {
        recall_passages(store, evidence::linking_query(claim, aliases, limits), claim.article, k_candidates, recalled, weight, limits);
    };
    if (evidence::few_fields(claim)) {
        by_words();
    } else if (limits.count) {
        by_fields(1.0);
        if (recalled.size() < static_cast<std::size_t>(k_candidates)) by_words();
    } else {
        by_words();
        by_fields(k_fields_share);
    }
    return recalled;
}

// A recalled passage with its agreement checks and its score (agreement, then relevance).
struct Candidate {
    const PassageHit* hit = nullptr;
    evidence::Assessment assessment;
    double score = 0.0;
};

// Return the recalled passages that bear on `claim` or share enough of its words, best first, at most k_kept.
std::vector<Candidate> candidates_for(const std::vector<RecalledPassage>& recalled, const Claim& claim, const evidence::Aliases& aliases) {
    const evidence::ClaimWords words(claim.text);
    std::vector<ScoredPassage> scored = relevance_of(recalled, words);
    if (scored.size() > k_assessed) scored.resize(k_assessed);
    std::vector<Candidate> kept;
    for (const ScoredPassage& s : scored) {
        Candidate c{&s.recalled->hit, evidence::assess(claim, s.recalled->hit.passage.text, aliases), 0.0};
        const bool agrees = c.assessment.score >= k_min_agreement;
        if (!agrees && s.overlap.words < k_min_overlap && s.recalled->bm25 < k_min_bm25) continue;
        c.score = combined(s.relevance, c.assessment);
        if (!agrees) {
            c.assessment.stance = Stance::mentions;
            c.assessment.reason = "shares " + std::to_string(s.overlap.shared) + " of the claim's " + std::to_string(words.size()) + " words";
        }
        kept.push_back(std::move(c));
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    if (kept.size() > k_kept) kept.resize(k_kept);
    return kept;
}

// Return `row` moved to `anchor` in `snapshot`, or marked orphaned when no passage holds it.
Evidence moved(Evidence row, const Snapshot& snapshot, const std::vector<Passage>& passages, const evidence::Anchor& anchor) {
    const auto index = evidence::passage_at(passages, anchor.span);
    if (!index) {
        row.orphaned = true;
        return row;
    }
    row.passage = passages[*index].id;
    row.quote = evidence::make_selector(snapshot.text, anchor.span);
    row.orphaned = false;
    if (anchor.score < 1.0 && row.reason.find("re-anchored") == std::string::npos) {
        row.reason += "; quote re-anchored in edited text";
    }
    return row;
}

// One thread's connection and caches for proposing evidence.
struct Proposer {
    explicit Proposer(const Store& shared) : store(shared), cost(shared), limits(cost.limits()) {}
    explicit Proposer(Store&& reader)
        : own(std::make_unique<Store>(std::move(reader))), store(*own), cost(store), limits(cost.limits()) {}
    std::unique_ptr<Store> own;  // a reader of its own, or none for the writing connection
    const Store& store;
    QueryCost cost;
    evidence::QueryLimits limits;
    std::map<Id, std::string> snapshot_text;
};

// Claims are proposed for in blocks of k_block, shared among the threads, then written in order:
// the rows are the same whatever the number of threads.
constexpr std::size_t k_block = 256;
constexpr unsigned k_max_jobs = 4;
constexpr std::size_t k_claims_per_job = 64;  // fewer claims than this per thread: fewer threads

unsigned jobs_for(std::size_t claims, unsigned asked) {
    unsigned jobs = asked;
    if (jobs == 0) jobs = std::clamp(std::thread::hardware_concurrency(), 1U, k_max_jobs);
    const auto useful = std::max<std::size_t>(1, claims / k_claims_per_job);
    return static_cast<unsigned>(std::min<std::size_t>(jobs, useful));
}

// Return the rows proposed for claims [`first`, `last`), on one thread per proposer.
std::vector<std::vector<Evidence>> propose_block(std::vector<std::unique_ptr<Proposer>>& proposers, const std::vector<Claim>& claims,
                                                 std::size_t first, std::size_t last, const evidence::Aliases& aliases) {
    std::vector<std::vector<Evidence>> block(last - first);
    std::atomic<std::size_t> next{first};
    std::mutex failed;
    std::exception_ptr failure;
    const auto work = [&](Proposer& proposer) {
        try {
            for (std::size_t i = next++; i < last; i = next++) {
                block[i - first] = propose_evidence(proposer.store, claims[i], aliases, proposer.limits, proposer.snapshot_text);
            }
        } catch (...) {
            const std::lock_guard lock(failed);
            if (!failure) failure = std::current_exception();
            next = last;
        }
    };
    {
        std::vector<std::jthread> threads;
        for (std::size_t n = 1; n < proposers.size(); ++n) threads.emplace_back(work, std::ref(*proposers[n]));
        work(*proposers[0]);
    }
    if (failure) std::rethrow_exception(failure);
    return block;
}

}  // namespace

std::vector<Evidence> propose_evidence(const Store& store, const Claim& claim, const evidence::Aliases& aliases,
                                       const evidence::QueryLimits& limits, std::map<Id, std::string>& snapshot_text) {
    const std::vector<RecalledPassage> recalled = recall_for(store, claim, aliases, limits);
    std::vector<Evidence> rows;
    for (const Candidate& c : candidates_for(recalled, claim, aliases)) {
        const Passage& passage = c.hit->passage;
        auto text = snapshot_text.find(passage.snapshot);
        if (text == snapshot_text.end()) {
            // The cache holds the pages of the last claims only: a link over a large store
            // quotes from thousands of them.
            if (snapshot_text.size() >= k_cached_pages) snapshot_text.clear();
            auto page = store.snapshot_text(passage.snapshot);
            text = snapshot_text.emplace(passage.snapshot, page ? std::move(*page) : passage.text).first;
        }
        Evidence row;
        row.claim = claim.id;
        row.passage = passage.id;
        row.score = c.score;
        row.stance = c.assessment.stance;
        row.reason = c.assessment.reason;
        row.origin = Origin::automatic;
        row.quote = evidence::make_selector(text->second, passage.span);
        rows.push_back(std::move(row));
    }
    return rows;
}

ReanchorSummary reanchor_evidence(Store& store, std::optional<Id> article) {
    ReanchorSummary summary;
    std::map<Id, std::pair<Snapshot, std::vector<Passage>>> current;
    for (StaleEvidence& stale : store.stale_evidence(article)) {
        auto found = current.find(stale.new_snapshot);
        if (found == current.end()) {
            auto snapshot = store.snapshot(stale.new_snapshot);
            if (!snapshot) continue;
            found = current.emplace(stale.new_snapshot, std::pair{std::move(*snapshot), store.passages_of(stale.new_snapshot)}).first;
        }
        const auto& [snapshot, passages] = found->second;
        ++summary.checked;
        Evidence row = std::move(stale.evidence);
        if (const auto anchor = evidence::reanchor(row.quote, snapshot.text)) {
            row = moved(std::move(row), snapshot, passages, *anchor);
        } else {
            row.orphaned = true;
        }
        if (row.orphaned) {
            ++summary.orphaned;
        } else {
            ++summary.moved;
        }
        store.update_evidence(row);
    }
    return summary;
}

LinkSummary link_evidence(Store& store, std::optional<Id> article, unsigned jobs) {
    const evidence::Aliases aliases = load_aliases(store);
    LinkSummary summary;
    Store::Transaction transaction(store);
    // Before proposing anew: rows a person made or reviewed follow their quote into changed text.
    const ReanchorSummary moved_rows = reanchor_evidence(store, article);
    summary.reanchored = moved_rows.moved;
    summary.orphaned = moved_rows.orphaned;
    const std::vector<Claim> claims = store.claims({.article = article, .kind = {}, .status = {}});
    // The readers open inside the write transaction: nothing else can commit while it lasts, so
    // every thread reads the passages as this one does.
    std::vector<std::unique_ptr<Proposer>> proposers;
    proposers.push_back(std::make_unique<Proposer>(store));
    for (unsigned n = 1; n < jobs_for(claims.size(), jobs); ++n) {
        std::optional<Store> reader;
        try {
            reader = store.reader();
        } catch (const std::exception&) {
            // A second connection cannot be opened (no file handles left, say): fewer threads.
        }
        if (!reader) break;
        proposers.push_back(std::make_unique<Proposer>(std::move(*reader)));
    }
    for (std::size_t first = 0; first < claims.size(); first += k_block) {
        const std::size_t last = std::min(first + k_block, claims.size());
        const std::vector<std::vector<Evidence>> block = propose_block(proposers, claims, first, last, aliases);
        for (std::size_t i = first; i < last; ++i) {
            const std::vector<Evidence>& rows = block[i - first];
            store.replace_automatic_evidence(claims[i].id, rows);
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
    }
    transaction.commit();
    return summary;
}

}  // namespace claimtrack::app
