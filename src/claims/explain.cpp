#include <claimtrack/claims.hpp>

#include "claims/claims_detail.hpp"

namespace claimtrack::claims {

std::vector<ScoreTerm> explain_score(const Article& article, const Claim& claim) {
    for (auto& scored : detail::extract_scored(article)) {
        if (scored.claim.kind == claim.kind && scored.claim.span == claim.span) return std::move(scored.terms);
    }
    return {};
}

}  // namespace claimtrack::claims
