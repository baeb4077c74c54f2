#pragma once

#include <claimtrack/model.hpp>

#include <optional>
#include <string>

// Review rules: what a status change needs, who made it.
namespace claimtrack::review {

struct Decision {
    Id claim = 0;
    Status status = Status::unreviewed;
    std::optional<Id> evidence;
    std::string note;
    std::string reviewer;  // empty: `default_reviewer()`
};

// Return the log row for `decision` on a claim whose status is `current`; stop with
// claimtrack::Error (usage) when the rules forbid it (a dispute without a note).
Review make_review(Status current, const Decision& decision);

// Return $CLAIMTRACK_REVIEWER, else the login name, else "unknown".
std::string default_reviewer();

}  // namespace claimtrack::review
