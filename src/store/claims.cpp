#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

namespace claimtrack {

using namespace store_detail;

namespace {

// Claims with their status derived from the review log (see the claim_status view).
constexpr const char* k_claim_select =
    "SELECT * FROM ("
    "  SELECT c.id, c.article, c.kind, c.text, c.start, c.end, c.fields, c.checkworthiness, c.hedged,"
    "         coalesce((SELECT r.status FROM review r WHERE r.claim = c.id AND r.action = 'status'"
    "                   ORDER BY r.id DESC LIMIT 1), 'unreviewed') AS status"
    "  FROM claim c) ";

Claim claim_at(SQLite::Database& db, const SQLite::Statement& row) {
    Claim c;
    c.id = row.getColumn(0).getInt64();
    c.article = row.getColumn(1).getInt64();
    c.kind = claim_kind_at(row, 2);
    c.text = column_text(row, 3);
    c.span = Span{size(row, 4), size(row, 5)};
    c.fields = fields_from_json(db, column_text(row, 6));
    c.checkworthiness = row.getColumn(7).getDouble();
    c.hedged = row.getColumn(8).getInt() != 0;
    c.status = status_at(row, 9);
    return c;
}

}  // namespace

Id Store::add_claim(const Claim& claim) {
    SQLite::Statement insert(m_impl->db,
                             "INSERT INTO claim (article, kind, text, start, end, fields, checkworthiness, hedged, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, claim.article);
    bind_text(insert, 2, to_string(claim.kind));
    bind_text(insert, 3, claim.text);
    bind_size(insert, 4, claim.span.start);
    bind_size(insert, 5, claim.span.end);
    bind_text(insert, 6, fields_to_json(claim.fields));
    insert.bind(7, claim.checkworthiness);
    insert.bind(8, claim.hedged ? 1 : 0);
    bind_text(insert, 9, now_iso8601());
    insert.exec();
    return m_impl->db.getLastInsertRowid();
}

std::optional<Claim> Store::claim(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_claim_select) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return claim_at(m_impl->db, query);
}

std::vector<Claim> Store::claims(const ClaimFilter& filter) const {
    SQLite::Statement query(m_impl->db, std::string(k_claim_select) +
                                            "WHERE (?1 IS NULL OR article = ?1) AND (?2 IS NULL OR kind = ?2) "
                                            "AND (?3 IS NULL OR status = ?3) ORDER BY article, start, id");
    bind_optional(query, 1, filter.article);
    if (filter.kind) {
        bind_text(query, 2, to_string(*filter.kind));
    } else {
        query.bind(2);
    }
    if (filter.status) {
        bind_text(query, 3, to_string(*filter.status));
    } else {
        query.bind(3);
    }
    std::vector<Claim> list;
    while (query.executeStep()) list.push_back(claim_at(m_impl->db, query));
    return list;
}

}  // namespace claimtrack
