#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <array>
#include <map>
#include <utility>

namespace claimtrack {

using namespace store_detail;

namespace {

constexpr std::array<std::pair<LogAction, std::string_view>, 7> k_actions{{
    {LogAction::status, "status"},
    {LogAction::claim_add, "claim-add"},
    {LogAction::claim_edit, "claim-edit"},
    {LogAction::claim_reject, "claim-reject"},
    {LogAction::claim_restore, "claim-restore"},
    {LogAction::evidence_accept, "evidence-accept"},
    {LogAction::evidence_reject, "evidence-reject"},
}};

constexpr const char* k_review_select =
    "SELECT id, claim, previous, status, evidence, note, reviewer, created_at, action, detail FROM review ";

Review review_at(const SQLite::Statement& row) {
    Review r;
    r.id = row.getColumn(0).getInt64();
    r.claim = row.getColumn(1).getInt64();
    r.previous = status_at(row, 2);
    r.status = status_at(row, 3);
    r.evidence = optional_int(row, 4);
    r.note = column_text(row, 5);
    r.reviewer = column_text(row, 6);
    r.created_at = column_text(row, 7);
    return r;
}

LogEntry entry_at(const SQLite::Statement& row) {
    LogEntry entry;
    entry.review = review_at(row);
    const std::string action = column_text(row, 8);
    const auto known = log_action_from(action);
    if (!known) throw Error(ErrorKind::input, "database", "review action", "unknown value '" + action + "'");
    entry.action = *known;
    entry.detail = column_text(row, 9);
    return entry;
}

}  // namespace

std::string_view to_string(LogAction action) {
    for (const auto& [value, name] : k_actions) {
        if (value == action) return name;
    }
    return "status";
}

std::optional<LogAction> log_action_from(std::string_view name) {
    for (const auto& [value, known] : k_actions) {
        if (known == name) return value;
    }
    return std::nullopt;
}

std::string_view to_string(EvidenceVerdict verdict) {
    switch (verdict) {
        case EvidenceVerdict::accepted: return "accepted";
        case EvidenceVerdict::rejected: return "rejected";
        case EvidenceVerdict::proposed: break;
    }
    return "proposed";
}

Id Store::record_review(const Review& review) { return record_log({review, LogAction::status, {}}); }

Id Store::record_log(const LogEntry& entry) {
    const Review& review = entry.review;
    SQLite::Statement insert(m_impl->db,
                             "INSERT INTO review (claim, action, previous, status, evidence, note, reviewer, detail, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, review.claim);
    bind_text(insert, 2, to_string(entry.action));
    bind_text(insert, 3, to_string(review.previous));
    bind_text(insert, 4, to_string(review.status));
    bind_optional(insert, 5, review.evidence);
    bind_text(insert, 6, review.note);
    bind_text(insert, 7, review.reviewer);
    bind_text(insert, 8, entry.detail);
    bind_text(insert, 9, review.created_at.empty() ? now_iso8601() : review.created_at);
    insert.exec();
    return m_impl->db.getLastInsertRowid();
}

std::vector<Review> Store::history(Id claim) const {
    std::vector<Review> list;
    for (LogEntry& entry : log(claim)) list.push_back(std::move(entry.review));
    return list;
}

std::vector<LogEntry> Store::log(Id claim) const {
    SQLite::Statement query(m_impl->db, std::string(k_review_select) + "WHERE claim = ? ORDER BY id");
    query.bind(1, claim);
    std::vector<LogEntry> list;
    while (query.executeStep()) list.push_back(entry_at(query));
    return list;
}

std::map<Id, std::vector<Review>> Store::history_of_article(Id article) const {
    SQLite::Statement query(m_impl->db, std::string(k_review_select) +
                                            "WHERE claim IN (SELECT id FROM claim WHERE article = ?) ORDER BY claim, id");
    query.bind(1, article);
    std::map<Id, std::vector<Review>> by_claim;
    std::vector<Review>* list = nullptr;
    Id current = 0;
    while (query.executeStep()) {
        // Read through `entry_at`, as `history` does, so an unknown action stops it the same way.
        Review row = entry_at(query).review;
        if (list == nullptr || row.claim != current) {
            current = row.claim;
            list = &by_claim[current];
        }
        list->push_back(std::move(row));
    }
    return by_claim;
}

}  // namespace claimtrack
