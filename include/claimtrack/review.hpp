#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Return the log row for reopening a claim whose status is `current` (back to unreviewed); stop
// with claimtrack::Error (usage) when it is unreviewed already.
Review make_reopen(Status current, const Decision& decision);

// Whether a log row that keeps the claim's status must say why.
enum class NoteRule { optional, required };

// Return a log row that records something other than a status change (a claim added, edited or
// rejected, an evidence link accepted or rejected): `previous` and `status` are both `current`.
// Stop with claimtrack::Error (usage) naming `command` when `rule` wants a note and there is none.
Review make_note_row(Status current, const Decision& decision, std::string_view command, NoteRule rule);

// Return the field names the claims --json contract gives claims of `kind`.
const std::vector<std::string>& known_fields(ClaimKind kind);

// Return "name=value" split at the first '='; stop with claimtrack::Error (usage) when there is
// no '=', the name is empty, or it is not a field of `kind` (see `known_fields`).
std::pair<std::string, std::string> parse_field(std::string_view assignment, ClaimKind kind);

// Return `fields` with `changes` applied (an empty value removes the field), and a line saying
// what changed ("unit: '%' → 'percent'"), empty when nothing did.
struct FieldEdit {
    std::map<std::string, std::string> fields;
    std::string change;
};
FieldEdit apply_fields(const std::map<std::string, std::string>& fields,
                       const std::vector<std::pair<std::string, std::string>>& changes);

// Parse RFC 4180 CSV (quoted fields with "" for a quote, commas and line breaks inside quotes,
// CRLF or LF, a leading UTF-8 BOM) into records of fields. Each record carries the 1-based
// spreadsheet row it starts on. Stop with claimtrack::Error (input) naming `file` and the row
// on an unterminated quote or text after a closing quote.
struct CsvRecord {
    std::size_t row = 0;
    std::vector<std::string> fields;
};
std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& file);

// What a row of a `review --from` file asks for.
enum class BatchAction { verify, dispute, unverifiable, unreviewed, reopen };

struct BatchRow {
    std::size_t row = 0;  // spreadsheet row: the header is row 1
    Id claim = 0;
    BatchAction action = BatchAction::verify;
    std::optional<Id> evidence;
    std::string note;
    std::string reviewer;
};

// Read a batch review file: a header row naming the columns `claim` and `action` (and optionally
// `note`, `evidence`, `by`, in any order), then one decision per row; blank rows are skipped.
// Stop with claimtrack::Error (input) "FILE: row N: reason" at the first bad row.
std::vector<BatchRow> parse_batch(std::string_view text, const std::string& file);

}  // namespace claimtrack::review
