#pragma once

#include <claimtrack/model.hpp>

#include <functional>
#include <string>
#include <vector>

// Claim detection: the checkable assertions in an article, in Chinese and English.
namespace claimtrack::claims {

// Return the claims in `article`'s text paragraphs (never its title line, noise or source list),
// in document order, with `article`, `kind`, `text`, `span` (byte offsets into `article.body`),
// `fields`, `checkworthiness` and `hedged` set; `id` is 0 and `status` unreviewed.
std::vector<Claim> extract(const Article& article);

// Pass the claims `extract` returns to `take` one at a time as they are found, so a large article's
// claims need not all be held in memory at once.
void extract_each(const Article& article, const std::function<void(Claim)>& take);

// One term of a claim's check-worthiness: the feature seen, what in the text showed it, and what it
// added to the score (negative for opinion, personal experience, predictions and questions).
struct ScoreTerm {
    std::string feature;
    std::string detail;
    double weight = 0.0;
};

// Return the terms that sum (clamped to [0,1]) to `claim.checkworthiness`, recomputed from `article`;
// empty when the claim's span no longer yields a claim (one added by hand, say).
std::vector<ScoreTerm> explain_score(const Article& article, const Claim& claim);

}  // namespace claimtrack::claims
