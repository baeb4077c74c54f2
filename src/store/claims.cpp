#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <span>
#include <string>
#include <vector>

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

// An INSERT of one claim. Origin and time are parameters 1 and 2; the other columns are
// parameters from k_first_parameter on.
constexpr const char* k_claim_insert =
    "INSERT INTO claim (origin, created_at, article, kind, text, start, end, fields, checkworthiness, hedged) "
    "VALUES (?1, ?2, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr int k_first_parameter = 3;
constexpr int k_row_parameters = 8;

// Return an INSERT of `rows` automatic claims. Their origin is the column's default, 'auto' (a
// constant SQLite loads once, not a parameter copied into every row); the time, the same for all
// of them, is parameter 1, bound once; the other columns of row k are parameters from
// batch_parameter(k) on. (Those are written `?`, numbered in turn: SQLite looks each `?NNN` up
// in a list of all of them.)
constexpr int batch_parameter(std::size_t row) { return 2 + k_row_parameters * static_cast<int>(row); }

std::string batch_insert_sql(std::size_t rows) {
    std::string sql = "INSERT INTO claim (created_at, article, kind, text, start, end, fields, checkworthiness, hedged) VALUES ";
    for (std::size_t k = 0; k < rows; ++k) {
        if (k > 0) sql += ", ";
        sql += "(?1, ?, ?, ?, ?, ?, ?, ?, ?)";
    }
    return sql;
}

// Bind `claim`'s columns at parameters `at` on. Nothing is copied: text and fields
// (NUL-terminated) must outlive the statement's step.
void bind_claim(SQLite::Statement& insert, int at, const Claim& claim, const char* fields) {
    insert.bind(at++, claim.article);
    insert.bindNoCopy(at++, lasting_name(claim.kind));
    insert.bindNoCopy(at++, claim.text);
    bind_size(insert, at++, claim.span.start);
    bind_size(insert, at++, claim.span.end);
    insert.bindNoCopy(at++, fields);
    insert.bind(at++, claim.checkworthiness);
    insert.bind(at, claim.hedged ? 1 : 0);
}

// Insert one claim with the impl's cached statement, so an import of many claims prepares it once.
Id insert_claim(Store::Impl& impl, const Claim& claim, Origin origin) {
    // Declared before the statement: they outlive its bindings (the cached statement clears them).
    const std::string fields = fields_to_json(claim.fields);
    const std::string created = now_iso8601();
    const CachedStatement cached(impl, k_claim_insert);
    cached->bindNoCopy(1, lasting_name(origin));
    cached->bindNoCopy(2, created);
    bind_claim(*cached, k_first_parameter, claim, fields.c_str());
    cached->exec();
    return impl.db.getLastInsertRowid();
}

// Rows per multi-row INSERT: one statement run for many rows saves a step, a reset and the
// bindings' clearing per claim. (Schema 4 took the CHECKs off `IN (...)` lists: SQLite built a
// temporary table of the list for every row, twice the cost of the row itself.) 128 rather than
// 256: the import hands over 256 claims at a time, and two runs of the smaller statement cost
// less than one of the larger (corpus-1: 1.9M instructions less; 64: 1.6M; 32: 1.2M more).
constexpr std::size_t k_batch = 128;

// Insert k_batch `claims` with one statement.
void insert_batch(Store::Impl& impl, std::span<const Claim> claims) {
    const FieldsJson fields(claims);  // made first: outlives the statement's bindings
    const std::string created = now_iso8601();
    static const std::string k_sql = batch_insert_sql(k_batch);
    const CachedStatement cached(impl, k_sql);
    cached->bindNoCopy(1, created);
    for (std::size_t k = 0; k < claims.size(); ++k) bind_claim(*cached, batch_parameter(k), claims[k], fields[k]);
    cached->exec();
}

}  // namespace

Id Store::add_claim(const Claim& claim) { return insert_claim(*m_impl, claim, Origin::automatic); }

void Store::add_claims(std::span<const Claim> claims) {
    WriteScope scope(m_impl->db);
    std::size_t start = 0;
    for (; claims.size() - start >= k_batch; start += k_batch) insert_batch(*m_impl, claims.subspan(start, k_batch));
    for (; start < claims.size(); ++start) insert_claim(*m_impl, claims[start], Origin::automatic);  // the few left
    scope.commit();
}

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
