#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>
#include <claimtrack/store.hpp>

namespace claimtrack::app {

Claim require_claim(const Store& store, Id id) {
    if (auto claim = store.claim(id)) return *claim;
    throw Error(ErrorKind::not_found, "claim " + std::to_string(id), "database", "no such claim (see `claimtrack claims`)");
}

Review review_claim(Store& store, const ReviewOptions& options) {
    Store::Transaction transaction(store);
    const Claim claim = require_claim(store, options.claim);
    if (options.evidence) {
        const auto row = store.evidence(*options.evidence);
        if (!row || row->claim != claim.id) {
            throw Error(ErrorKind::not_found, "evidence " + std::to_string(*options.evidence), "claim " + std::to_string(claim.id),
                        "no such evidence for this claim (see `claimtrack evidence " + std::to_string(claim.id) + "`)");
        }
    }
    Review row = review::make_review(claim.status, {claim.id, options.status, options.evidence, options.note, options.reviewer});
    row.id = store.record_review(row);
    transaction.commit();
    return row;
}

}  // namespace claimtrack::app
