#pragma once

#include <claimtrack/app.hpp>
#include <claimtrack/store.hpp>

// Review steps that run inside a transaction the caller holds, so a batch can chain them.
namespace claimtrack::app::review_steps {

// Return the claim `id`, refusing (usage) one a person rejected as not a claim; `command` names
// what was attempted.
Claim require_open_claim(const Store& store, Id id, const std::string& command);

// Return evidence `id`, or stop with claimtrack::Error (not_found); when `claim` is given the
// evidence must belong to it.
Evidence require_evidence(const Store& store, Id id, std::optional<Id> claim);

// Write the status decision `options` and return the row.
Review record_status(Store& store, const ReviewOptions& options);

// Reopen `options.claim` (back to unreviewed, or restore a rejected claim) and return the row.
Review record_reopen(Store& store, const ReviewOptions& options);

}  // namespace claimtrack::app::review_steps
