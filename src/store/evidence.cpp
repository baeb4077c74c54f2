#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <map>
#include <tuple>
#include <utility>

namespace claimtrack {

using namespace store_detail;

namespace {

// Bind `row`'s stored columns, passage to orphaned in table order, to parameters `first` onwards
// (11 of them).
void bind_stored_columns(SQLite::Statement& statement, int first, const Evidence& row) {
    statement.bind(first, row.passage);
    statement.bind(first + 1, row.score);
    bind_text(statement, first + 2, to_string(row.stance));
    bind_text(statement, first + 3, row.reason);
    bind_text(statement, first + 4, to_string(row.origin));
    bind_text(statement, first + 5, row.quote.exact);
    bind_text(statement, first + 6, row.quote.prefix);
    bind_text(statement, first + 7, row.quote.suffix);
    bind_size(statement, first + 8, row.quote.start);
    bind_size(statement, first + 9, row.quote.end);
    statement.bind(first + 10, row.orphaned ? 1 : 0);
}

// Insert `row` for `claim` unless the claim already has evidence on that passage (a manual or
// reviewed row kept by `replace_automatic_evidence`); return the new id, or nothing.
std::optional<Id> insert_evidence(Store::Impl& impl, Id claim, const Evidence& row) {
    const CachedStatement cached(impl,
                                 "INSERT INTO evidence (claim, passage, score, stance, reason, origin, quote_exact, "
                                 "quote_prefix, quote_suffix, quote_start, quote_end, orphaned, created_at) "
                                 "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13 "
                                 "WHERE NOT EXISTS (SELECT 1 FROM evidence WHERE claim = ?1 AND passage = ?2)");
    SQLite::Statement& insert = *cached;
    insert.bind(1, claim);
    bind_stored_columns(insert, 2, row);
    bind_text(insert, 13, now_iso8601());
    if (insert.exec() == 0) return std::nullopt;
    return impl.db.getLastInsertRowid();
}

// Return whether a person rejected, for `claim`, a passage with the same text from the same
// source as `passage` (a later snapshot repeats the text under a new passage id).
bool rejected_before(Store::Impl& impl, Id claim, Id passage) {
    const CachedStatement cached(impl,
                                 "SELECT 1 FROM evidence e "
                                 "JOIN evidence_verdict v ON v.evidence = e.id AND v.verdict = 'rejected' "
                                 "JOIN passage op ON op.id = e.passage JOIN snapshot os ON os.id = op.snapshot "
                                 "JOIN passage np ON np.id = ?2 JOIN snapshot ns ON ns.id = np.snapshot "
                                 "WHERE e.claim = ?1 AND op.text = np.text AND os.source = ns.source LIMIT 1");
    SQLite::Statement& query = *cached;
    query.bind(1, claim);
    query.bind(2, passage);
    return query.executeStep();
}

constexpr const char* k_evidence_select =
    "SELECT e.id, e.claim, e.passage, e.score, e.stance, e.reason, e.origin, e.quote_exact, e.quote_prefix, "
    "       e.quote_suffix, e.quote_start, e.quote_end, e.orphaned, p.text, s.url "
    "FROM evidence e JOIN passage p ON p.id = e.passage "
    "JOIN snapshot n ON n.id = p.snapshot JOIN source s ON s.id = n.source "
    "JOIN evidence_verdict v ON v.evidence = e.id ";

Evidence evidence_at(const SQLite::Statement& row) {
    Evidence e;
    e.id = row.getColumn(0).getInt64();
    e.claim = row.getColumn(1).getInt64();
    e.passage = row.getColumn(2).getInt64();
    e.score = row.getColumn(3).getDouble();
    e.stance = stance_at(row, 4);
    e.reason = column_text(row, 5);
    e.origin = origin_at(row, 6);
    e.quote = QuoteSelector{column_text(row, 7), column_text(row, 8), column_text(row, 9), size(row, 10), size(row, 11)};
    e.orphaned = row.getColumn(12).getInt() != 0;
    e.text = column_text(row, 13);
    e.url = column_text(row, 14);
    return e;
}

}  // namespace

void Store::replace_automatic_evidence(Id claim, const std::vector<Evidence>& rows) {
    WriteScope write(m_impl->db);
    const CachedStatement drop(*m_impl,
                               "DELETE FROM evidence WHERE claim = ? AND origin = 'auto' "
                               "AND NOT EXISTS (SELECT 1 FROM review r WHERE r.evidence = evidence.id)");
    drop->bind(1, claim);
    drop->exec();
    for (const Evidence& row : rows) {
        if (!rejected_before(*m_impl, claim, row.passage)) insert_evidence(*m_impl, claim, row);
    }
    write.commit();
}

std::optional<Id> Store::add_evidence(const Evidence& row) { return insert_evidence(*m_impl, row.claim, row); }

std::vector<Evidence> Store::evidence_of(Id claim) const {
    SQLite::Statement query(m_impl->db, std::string(k_evidence_select) +
                                            "WHERE e.claim = ? AND v.verdict <> 'rejected' "
                                            "ORDER BY v.verdict = 'accepted' DESC, e.score DESC, e.id");
    query.bind(1, claim);
    std::vector<Evidence> list;
    while (query.executeStep()) list.push_back(evidence_at(query));
    return list;
}

std::map<Id, std::vector<Evidence>> Store::evidence_of_article(Id article) const {
    // The same order as `evidence_of` within each claim; claim first so each list fills in turn.
    SQLite::Statement query(m_impl->db, std::string(k_evidence_select) +
                                            "JOIN claim c ON c.id = e.claim "
                                            "WHERE c.article = ? AND v.verdict <> 'rejected' "
                                            "ORDER BY e.claim, v.verdict = 'accepted' DESC, e.score DESC, e.id");
    query.bind(1, article);
    std::map<Id, std::vector<Evidence>> by_claim;
    std::vector<Evidence>* list = nullptr;
    Id current = 0;
    while (query.executeStep()) {
        Evidence row = evidence_at(query);
        if (list == nullptr || row.claim != current) {
            current = row.claim;
            list = &by_claim[current];
        }
        list->push_back(std::move(row));
    }
    return by_claim;
}

EvidenceVerdict Store::evidence_verdict(Id evidence) const {
    SQLite::Statement query(m_impl->db, "SELECT verdict FROM evidence_verdict WHERE evidence = ?");
    query.bind(1, evidence);
    if (!query.executeStep()) return EvidenceVerdict::proposed;
    const std::string verdict = column_text(query, 0);
    if (verdict == "accepted") return EvidenceVerdict::accepted;
    if (verdict == "rejected") return EvidenceVerdict::rejected;
    return EvidenceVerdict::proposed;
}

std::optional<Evidence> Store::evidence(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_evidence_select) + "WHERE e.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return evidence_at(query);
}

void Store::update_evidence(const Evidence& row) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    SQLite::Statement update(db,
                             "UPDATE evidence SET passage = ?, score = ?, stance = ?, reason = ?, origin = ?, "
                             "quote_exact = ?, quote_prefix = ?, quote_suffix = ?, quote_start = ?, quote_end = ?, "
                             "orphaned = ? WHERE id = ?");
    bind_stored_columns(update, 1, row);
    update.bind(12, row.id);
    update.exec();
    write.commit();
}

std::vector<StaleEvidence> Store::stale_evidence(std::optional<Id> article) const {
    // The evidence ids and snapshots first; the rows themselves are read through `evidence`.
    SQLite::Statement query(m_impl->db,
                            "WITH current AS (SELECT x.source, max(x.id) AS snapshot FROM snapshot x "
                            "                 WHERE EXISTS (SELECT 1 FROM passage y WHERE y.snapshot = x.id) "
                            "                 GROUP BY x.source) "
                            "SELECT e.id, p.snapshot, cur.snapshot FROM evidence e "
                            "JOIN claim c ON c.id = e.claim "
                            "JOIN passage p ON p.id = e.passage JOIN snapshot n ON n.id = p.snapshot "
                            "JOIN current cur ON cur.source = n.source "
                            "WHERE cur.snapshot <> p.snapshot AND (?1 IS NULL OR c.article = ?1) "
                            "AND (e.origin = 'manual' OR EXISTS (SELECT 1 FROM review r WHERE r.evidence = e.id)) "
                            "ORDER BY e.id");
    bind_optional(query, 1, article);
    std::vector<std::tuple<Id, Id, Id>> ids;
    while (query.executeStep()) {
        ids.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64());
    }
    std::vector<StaleEvidence> stale;
    for (const auto& [id, old_snapshot, new_snapshot] : ids) {
        if (auto row = evidence(id)) stale.push_back({std::move(*row), old_snapshot, new_snapshot});
    }
    return stale;
}

}  // namespace claimtrack
