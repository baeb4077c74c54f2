#include <claimtrack/app.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/review.hpp>
#include <claimtrack/store.hpp>

#include "app/review_steps.hpp"

#include <fstream>
#include <iterator>

namespace claimtrack::app {
namespace {

std::string read_batch_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::input, path, "open", "cannot read the file (does it exist?)");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Status status_of(review::BatchAction action) {
    switch (action) {
        case review::BatchAction::verify: return Status::verified;
        case review::BatchAction::dispute: return Status::disputed;
        case review::BatchAction::unverifiable: return Status::unverifiable;
        case review::BatchAction::unreviewed:
        case review::BatchAction::reopen: break;
    }
    return Status::unreviewed;
}

Review apply_row(Store& store, const review::BatchRow& row) {
    const ReviewOptions options{row.claim, status_of(row.action), row.evidence, row.note, row.reviewer};
    if (row.action == review::BatchAction::reopen) return review_steps::record_reopen(store, options);
    return review_steps::record_status(store, options);
}

}  // namespace

BatchSummary review_batch(Store& store, const std::string& path) {
    const std::string content = read_batch_file(path);
    const std::vector<review::BatchRow> rows = review::parse_batch(content, path);
    BatchSummary summary;
    Store::Transaction transaction(store);
    for (const review::BatchRow& row : rows) {
        try {
            summary.written.push_back(apply_row(store, row));
        } catch (const Error& e) {
            // Name the row: the file is what the user must fix, whatever the rule was.
            throw Error(ErrorKind::input, path, "row " + std::to_string(row.row), e.input() + ": " + e.reason());
        }
    }
    summary.rows = rows.size();
    transaction.commit();
    return summary;
}

}  // namespace claimtrack::app
