#include <claimtrack/claims.hpp>

namespace claimtrack::claims {

std::vector<ScoreTerm> explain_score(const Article&, const Claim&) { return {}; }

}  // namespace claimtrack::claims
