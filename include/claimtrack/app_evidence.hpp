#pragma once

#include <claimtrack/evidence.hpp>
#include <claimtrack/model.hpp>
#include <claimtrack/store.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Use cases of the evidence side: user aliases, manual citations and quote re-anchoring.
namespace claimtrack::app {

// Return the built-in alias table extended by the user's aliases stored in `store`.
evidence::Aliases load_aliases(const Store& store);

// A passage found by a full-text query, with its bm25 rank relative to the best hit of that query (1 = best).
struct RecalledPassage {
    PassageHit hit;
    double bm25 = 0.0;
};

// Add to `out` the hits of FTS5 `query` (at most `limit`, among the sources of `article` when set),
// each with its bm25 rank relative to the query's best hit, times `weight`; a passage already in
// `out` keeps the better of its ranks. Linking and search recall this way.
void recall_passages(const Store& store, std::string_view query, std::optional<Id> article, int limit,
                     std::vector<RecalledPassage>& out, double weight = 1.0, const evidence::QueryLimits& limits = {});

// A passage recalled by a claim's fields counts this share of its bm25 rank: fields find what words
// miss (an alias in another language, a number), but ranking by them first lost 0.03 of recall@5 on
// CLIMATE-FEVER against ranking by the claim's words.
inline constexpr double k_fields_share = 0.5;

// What a claim's queries may cost in a large store (see evidence::QueryLimits). FTS5 ranks every
// passage a query matches, about 2.5 us each, and in a store of 1M passages "电子" or "founder" is in
// tens of thousands. Above k_large_store passages, a token in more than k_common_floor passages
// (or k_common_share of them, when that is more) is too common, and a words query may match
// k_words_budget times that. A smaller store has no limits: there every word is cheap. Each token
// is counted once per link or search.
inline constexpr std::int64_t k_large_store = 20'000;
inline constexpr std::int64_t k_common_floor = 1000;
inline constexpr double k_common_share = 0.001;
inline constexpr std::int64_t k_words_budget = 1;
// A token in at most this share of the passages may rank what rarer ones find (see QueryLimits).
inline constexpr double k_ranking_share = 0.05;

class QueryCost {
public:
    // `large` is k_large_store but for tests.
    explicit QueryCost(const Store& store, std::int64_t large = k_large_store);
    QueryCost(const QueryCost&) = delete;
    QueryCost& operator=(const QueryCost&) = delete;
    // Return the limits for the query builders (none in a small store); they refer to this object.
    evidence::QueryLimits limits();
    std::int64_t count(std::string_view token, bool prefix);

private:
    const Store& m_store;
    std::int64_t m_common = 0;  // 0: no limits
    std::int64_t m_passages = 0;
    std::map<std::pair<std::string, bool>, std::int64_t> m_known;
};

// Return the evidence rows `link` proposes for `claim`, best first: passages recalled by its words
// and fields, ranked by relevance and agreement. `snapshot_text` caches the pages quoted from.
std::vector<Evidence> propose_evidence(const Store& store, const Claim& claim, const evidence::Aliases& aliases,
                                       const evidence::QueryLimits& limits, std::map<Id, std::string>& snapshot_text);

// A recalled passage with what it shares with the claim's words and its relevance (0..1).
struct ScoredPassage {
    const RecalledPassage* recalled = nullptr;
    evidence::Overlap overlap;
    double relevance = 0.0;
};

// Weights of a passage's relevance: relative bm25, share of claim words, share of word pairs,
// and the best relevance of another passage of the same page.
inline constexpr double k_bm25_weight = 0.7;
inline constexpr double k_words_weight = 0.3;
inline constexpr double k_pairs_weight = 0.2;
inline constexpr double k_page_weight = 0.15;
inline constexpr double k_title_weight = 0.1;   // the page's title is what the claim is about
// Share of a row's score given by its agreement checks, and how much a mere mention counts.
inline constexpr double k_agreement_weight = 0.5;
inline constexpr double k_mention_share = 0.5;

// Return `recalled` scored against `words`, most relevant first (pointing into `recalled`).
std::vector<ScoredPassage> relevance_of(const std::vector<RecalledPassage>& recalled, const evidence::ClaimWords& words);

// Return a row's score: its relevance, lifted by agreement checks that support or contradict.
double combined(double relevance, const evidence::Assessment& assessment);

struct AliasAddOptions {
    std::string name;       // e.g. 英伟达
    std::string canonical;  // e.g. Nvidia
    std::string by;         // who added it
};

struct AliasAddResult {
    bool added = false;
    std::vector<std::string> group;  // every name of the entity now
};

// Store that `name` also names `canonical`; a pair already joined (built in or by a user) is
// reported, not stored twice. Stop with claimtrack::Error (usage) on an empty name or two
// spellings of the same name.
AliasAddResult add_alias(Store& store, const AliasAddOptions& options);

struct AliasEntry {
    std::vector<std::string> names;
    bool builtin = false;
    std::string created_by;  // user entries only
    std::string created_at;
};

// Return the built-in groups, then the user's pairs, oldest first.
std::vector<AliasEntry> list_aliases(const Store& store);

// Remove the user aliases naming `name` and return how many went; stop with claimtrack::Error
// (not_found) when there is none (saying so when `name` is only built in).
std::size_t remove_alias(Store& store, const std::string& name);

struct CiteOptions {
    Id claim = 0;
    std::string url;
    std::string quote;
    std::optional<Stance> stance;  // default: what the agreement checks say
    std::string note;
    std::string reviewer;
    bool allow_private = false;  // let the fetch reach private and loopback addresses
    long timeout_ms = 60'000;
};

struct CiteResult {
    Evidence evidence;
    bool fetched = false;         // the URL had no snapshot with text and was fetched now
    bool exact = true;            // the quote was found byte for byte (else up to whitespace/NFKC)
    Id log_row = 0;               // the evidence-accept row of the review log
};

// Record `options.quote` from `options.url` as manual evidence for the claim, fetching the URL
// first when it has no text yet (the URL becomes a source of the claim's article). Stop with
// claimtrack::Error naming the URL when it cannot be fetched or the quote is not in its text.
CiteResult cite(Store& store, const CiteOptions& options);

struct ReanchorSummary {
    std::size_t checked = 0;   // rows whose source text changed
    std::size_t moved = 0;     // found again (exactly or edited)
    std::size_t orphaned = 0;  // not found: kept on the old text and marked
};

// Find again, in each source's latest text, the quotes of the evidence rows a person made or
// reviewed that still point at an older snapshot; mark the ones not found `orphaned`.
ReanchorSummary reanchor_evidence(Store& store, std::optional<Id> article);

}  // namespace claimtrack::app
