#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>
#include <claimtrack/store.hpp>

#include "app/review_steps.hpp"

namespace claimtrack::app {

Claim require_claim(const Store& store, Id id) {
    if (auto claim = store.claim(id)) return *claim;
    throw Error(ErrorKind::not_found, "claim " + std::to_string(id), "database", "no such claim (see `claimtrack claims`)");
}

namespace review_steps {

Claim require_open_claim(const Store& store, Id id, const std::string& command) {
    Claim claim = require_claim(store, id);
    const auto state = store.claim_state(id);
    if (state && state->rejected) {
        throw Error(ErrorKind::usage, "claim " + std::to_string(id), command,
                    "it was rejected as not a claim (restore it first: `claimtrack reopen " + std::to_string(id) + "`)");
    }
    return claim;
}

Evidence require_evidence(const Store& store, Id id, std::optional<Id> claim) {
    const auto row = store.evidence(id);
    if (!row || (claim && row->claim != *claim)) {
        const std::string place = claim ? "claim " + std::to_string(*claim) : std::string("database");
        const std::string hint = claim ? "see `claimtrack evidence " + std::to_string(*claim) + "`" : "see `claimtrack evidence CLAIM`";
        throw Error(ErrorKind::not_found, "evidence " + std::to_string(id), place,
                    std::string(claim ? "no such evidence for this claim" : "no such evidence") + " (" + hint + ")");
    }
    return *row;
}

Review record_status(Store& store, const ReviewOptions& options) {
    const Claim claim = require_open_claim(store, options.claim, std::string(to_string(options.status)));
    if (options.evidence) require_evidence(store, *options.evidence, claim.id);
    Review row = review::make_review(claim.status, {claim.id, options.status, options.evidence, options.note, options.reviewer});
    row.id = store.record_review(row);
    return row;
}

Review record_reopen(Store& store, const ReviewOptions& options) {
    const Claim claim = require_claim(store, options.claim);
    const review::Decision decision{claim.id, Status::unreviewed, options.evidence, options.note, options.reviewer};
    if (options.evidence) require_evidence(store, *options.evidence, claim.id);
    const auto state = store.claim_state(claim.id);
    if (state && state->rejected) {
        Review row = review::make_note_row(claim.status, decision, "reopen", review::NoteRule::optional);
        row.id = store.record_log({row, LogAction::claim_restore, "restored after rejection"});
        return row;
    }
    Review row = review::make_reopen(claim.status, decision);
    row.id = store.record_review(row);
    return row;
}

}  // namespace review_steps

Review review_claim(Store& store, const ReviewOptions& options) {
    Store::Transaction transaction(store);
    Review row = review_steps::record_status(store, options);
    transaction.commit();
    return row;
}

Review reopen_claim(Store& store, const ReviewOptions& options) {
    Store::Transaction transaction(store);
    Review row = review_steps::record_reopen(store, options);
    transaction.commit();
    return row;
}

Review decide_evidence(Store& store, Id evidence, EvidenceDecision decision, const std::string& note, const std::string& reviewer) {
    Store::Transaction transaction(store);
    const Evidence link = review_steps::require_evidence(store, evidence, std::nullopt);
    const bool accept = decision == EvidenceDecision::accept;
    const std::string command = accept ? "evidence accept" : "evidence reject";
    const Claim claim = review_steps::require_open_claim(store, link.claim, command);
    const EvidenceVerdict wanted = accept ? EvidenceVerdict::accepted : EvidenceVerdict::rejected;
    if (store.evidence_verdict(evidence) == wanted) {
        throw Error(ErrorKind::usage, "evidence " + std::to_string(evidence), command,
                    "it is " + std::string(to_string(wanted)) + " already (see `claimtrack history " + std::to_string(claim.id) + "`)");
    }
    const review::Decision row_decision{claim.id, claim.status, evidence, note, reviewer};
    Review row = review::make_note_row(claim.status, row_decision, command, accept ? review::NoteRule::optional : review::NoteRule::required);
    row.id = store.record_log({row, accept ? LogAction::evidence_accept : LogAction::evidence_reject, {}});
    transaction.commit();
    return row;
}

}  // namespace claimtrack::app
