#include <claimtrack/review.hpp>
#include <claimtrack/error.hpp>

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace claimtrack::review {
namespace {

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Review make_review(Status current, const Decision& decision) {
    if (decision.status == Status::disputed && blank(decision.note)) {
        throw Error(ErrorKind::usage, "claim " + std::to_string(decision.claim), "dispute",
                    "a note saying why is required (--note TEXT)");
    }
    Review row;
    row.claim = decision.claim;
    row.previous = current;
    row.status = decision.status;
    row.evidence = decision.evidence;
    row.note = decision.note;
    row.reviewer = blank(decision.reviewer) ? default_reviewer() : decision.reviewer;
    row.created_at = now_iso8601();
    return row;
}

Review make_reopen(Status current, const Decision& decision) {
    if (current == Status::unreviewed) {
        throw Error(ErrorKind::usage, "claim " + std::to_string(decision.claim), "reopen",
                    "it is unreviewed already (see `claimtrack history " + std::to_string(decision.claim) + "`)");
    }
    Decision reopened = decision;
    reopened.status = Status::unreviewed;
    return make_review(current, reopened);
}

Review make_note_row(Status current, const Decision& decision, std::string_view command, NoteRule rule) {
    if (rule == NoteRule::required && blank(decision.note)) {
        throw Error(ErrorKind::usage, "claim " + std::to_string(decision.claim), std::string(command),
                    "a note saying why is required (--note TEXT)");
    }
    Decision kept = decision;
    kept.status = current;
    return make_review(current, kept);
}

std::string default_reviewer() {
    if (const char* name = std::getenv("CLAIMTRACK_REVIEWER"); name != nullptr && *name != '\0') return name;
    if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_name != nullptr) return entry->pw_name;
    if (const char* name = std::getenv("USER"); name != nullptr && *name != '\0') return name;
    return "unknown";
}

}  // namespace claimtrack::review
