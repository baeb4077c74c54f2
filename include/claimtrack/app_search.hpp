#pragma once

#include <claimtrack/model.hpp>

#include <optional>
#include <string>
#include <vector>

namespace claimtrack {
class Store;
}

// Use cases of the evidence side beyond `link`: free-text search and the evidence view.
namespace claimtrack::app {

struct SearchOptions {
    std::string text;
    std::optional<Id> article;  // only this article's sources (default: all)
    int limit = 10;
};

struct SearchHit {
    Id passage = 0;
    std::string text;
    std::string url;
    double score = 0.0;  // 0..1
    Stance stance = Stance::mentions;
    std::string reason;
};

struct SearchResult {
    std::optional<Claim> claim;  // the claim `text` was read as, if any
    std::string query;           // the FTS5 expression used
    std::vector<SearchHit> hits;  // best first, at most `limit`
};

// Return the stored passages that best match `options.text`: scored by the claim's agreement
// checks when the text reads as a claim, else by the share of its words each passage holds.
SearchResult search(const Store& store, const SearchOptions& options);

// One evidence row with what is worked out at display time.
struct EvidenceRow {
    Evidence evidence;
    std::string temporal;               // "", "after-article", "long-before"
    std::vector<std::string> features;  // the agreement checks run again on the passage
};

struct EvidenceView {
    Claim claim;
    std::string article_date;  // YYYY-MM-DD or empty
    std::vector<EvidenceRow> rows;  // best first
};

// Return the claim's evidence with temporal flags and features, or stop with claimtrack::Error
// (not_found) when there is no such claim.
EvidenceView evidence_view(const Store& store, Id claim);

}  // namespace claimtrack::app
