#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

// Scoring the claim extractor against hand-written gold lists (tests/claims_eval/).
namespace claimtrack::claims::eval {

// A claim a careful checker would list: `text` is a phrase of the article inside the claim.
struct GoldClaim {
    ClaimKind kind = ClaimKind::quantity;
    std::string text;
    std::map<std::string, std::string> fields;  // the key fields; a missing one is not checked
    bool hedged = false;
};

// One evaluation article: NAME.txt as pasted, NAME.gold.json with its date, claims and the
// sentences that must not be listed (opinion, noise). tests/support/claims_gold.hpp reads them.
struct Case {
    std::string name;
    std::string date;
    std::string text;
    std::vector<GoldClaim> gold;
    std::vector<std::string> not_claims;
};

struct Tally {
    std::size_t true_positives = 0;
    std::size_t false_positives = 0;
    std::size_t false_negatives = 0;
    std::size_t fields_right = 0;
    std::size_t fields_total = 0;
    std::size_t hedged_right = 0;

    double precision() const;
    double recall() const;
    double f1() const;
    double field_accuracy() const;
    Tally& operator+=(const Tally& other);
};

struct Result {
    std::map<ClaimKind, Tally> kinds;  // by the gold kind (misses) or predicted kind (false positives)
    Tally overall;
    std::size_t redundant = 0;  // another kind for a sentence whose gold claim was already found
    std::vector<std::string> problems;  // one line per miss, false positive or wrong field

    Result& operator+=(const Result& other);
};

// Score `predicted` (only claims with check-worthiness ≥ `threshold` count as listed) against `c`:
// a prediction matches an unmatched gold claim of the same kind whose phrase overlaps its span,
// preferring the one whose fields agree most. Gold fields are compared after NFKC and case folding;
// numbers by value; a text field is right when one contains the other.
Result score(const Case& c, const Article& article, const std::vector<Claim>& predicted, double threshold = 0.5);

}  // namespace claimtrack::claims::eval
