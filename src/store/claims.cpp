#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

namespace claimtrack {

using namespace store_detail;

namespace {

// Claims with their status and rejection derived from the review log (see the claim_status view).
constexpr const char* k_claim_select =
    "SELECT * FROM ("
    "  SELECT c.id, c.article, c.kind, c.text, c.start, c.end, c.fields, c.checkworthiness, c.hedged,"
    "         st.status, st.rejected, c.origin"
    "  FROM claim c JOIN claim_status st ON st.claim = c.id) ";

Claim claim_at(Store::Impl& impl, const SQLite::Statement& row) {
    Claim c;
    c.id = row.getColumn(0).getInt64();
    c.article = row.getColumn(1).getInt64();
    c.kind = claim_kind_at(row, 2);
    c.text = column_text(row, 3);
    c.span = Span{size(row, 4), size(row, 5)};
    c.fields = fields_from_json(impl, column_text(row, 6));
    c.checkworthiness = row.getColumn(7).getDouble();
    c.hedged = row.getColumn(8).getInt() != 0;
    c.status = status_at(row, 9);
    return c;
}

// Insert one claim with the impl's cached statement, so an import of many claims prepares it once.
Id insert_claim(Store::Impl& impl, const Claim& claim, Origin origin) {
    const std::string fields = fields_to_json(claim.fields);  // declared first: outlives the statement's bindings
    const CachedStatement cached(impl,
                                 "INSERT INTO claim (article, kind, text, start, end, fields, checkworthiness, hedged, "
                                 "origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    SQLite::Statement& insert = *cached;
    insert.bind(1, claim.article);
    bind_text(insert, 2, to_string(claim.kind));
    // Bound without a copy: `claim` and `fields` outlive the step, and the cached statement clears them.
    insert.bindNoCopy(3, claim.text);
    bind_size(insert, 4, claim.span.start);
    bind_size(insert, 5, claim.span.end);
    insert.bindNoCopy(6, fields);
    insert.bind(7, claim.checkworthiness);
    insert.bind(8, claim.hedged ? 1 : 0);
    bind_text(insert, 9, to_string(origin));
    bind_text(insert, 10, now_iso8601());
    insert.exec();
    return impl.db.getLastInsertRowid();
}

}  // namespace

Id Store::add_claim(const Claim& claim) { return insert_claim(*m_impl, claim, Origin::automatic); }

Id Store::add_claim(const Claim& claim, Origin origin) { return insert_claim(*m_impl, claim, origin); }

void Store::update_claim(const Claim& claim) {
    SQLite::Statement update(m_impl->db, "UPDATE claim SET kind = ?, fields = ? WHERE id = ?");
    bind_text(update, 1, to_string(claim.kind));
    bind_text(update, 2, fields_to_json(claim.fields));
    update.bind(3, claim.id);
    update.exec();
}

std::optional<Claim> Store::claim(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_claim_select) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return claim_at(*m_impl, query);
}

std::optional<ClaimState> Store::claim_state(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_claim_select) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    ClaimState state;
    state.origin = origin_at(query, 11);
    state.anchored = query.getColumn(5).getInt64() > query.getColumn(4).getInt64();
    state.rejected = query.getColumn(10).getInt() != 0;
    return state;
}

std::optional<Id> Store::find_claim(Id article, std::string_view text) const {
    SQLite::Statement query(m_impl->db, "SELECT id FROM claim WHERE article = ? AND text = ? ORDER BY id LIMIT 1");
    query.bind(1, article);
    bind_text(query, 2, text);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

std::vector<Claim> Store::claims(const ClaimFilter& filter) const {
    SQLite::Statement query(m_impl->db, std::string(k_claim_select) +
                                            "WHERE (?1 IS NULL OR article = ?1) AND (?2 IS NULL OR kind = ?2) "
                                            "AND (?3 IS NULL OR status = ?3) AND (?4 OR NOT rejected) "
                                            "ORDER BY article, start, id");
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
    query.bind(4, filter.rejected == RejectedClaims::include ? 1 : 0);
    std::vector<Claim> list;
    while (query.executeStep()) list.push_back(claim_at(*m_impl, query));
    return list;
}

}  // namespace claimtrack
