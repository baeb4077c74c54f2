#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/text.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

namespace claimtrack {

using namespace store_detail;

namespace {

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Return the value of header `name` in a raw header block (the last one if repeated), or "".
std::string header_value(std::string_view headers, std::string_view name) {
    std::string value;
    while (!headers.empty()) {
        const std::size_t end = headers.find('\n');
        const std::string_view line = headers.substr(0, end);
        headers = end == std::string_view::npos ? std::string_view{} : headers.substr(end + 1);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && same_name(trim(line.substr(0, colon)), name)) {
            value = std::string(trim(line.substr(colon + 1)));
        }
    }
    return value;
}

Id insert_snapshot(SQLite::Database& db, const Snapshot& s) {
    SQLite::Statement insert(db,
                             "INSERT INTO snapshot (source, requested_url, final_url, http_status, content_type, "
                             "charset, fetched_at, sha256, headers, body, size, title, published, text, error, outcome, "
                             "warc_file, etag, last_modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, s.source);
    bind_text(insert, 2, s.requested_url);
    bind_text(insert, 3, s.final_url);
    bind_optional(insert, 4, s.http_status);
    bind_text(insert, 5, s.content_type);
    bind_text(insert, 6, s.charset);
    bind_text(insert, 7, s.fetched_at.empty() ? now_iso8601() : s.fetched_at);
    bind_text(insert, 8, s.sha256.empty() && !s.body.empty() ? bytes::sha256_hex(s.body) : s.sha256);
    bind_text(insert, 9, s.headers);
    const std::string packed = s.body.empty() ? std::string{} : bytes::gzip(s.body);
    insert.bind(10, packed.data(), static_cast<int>(packed.size()));
    bind_size(insert, 11, s.body.size());
    bind_text(insert, 12, s.title);
    bind_text(insert, 13, s.published);
    bind_text(insert, 14, s.text);
    bind_text(insert, 15, s.error);
    bind_text(insert, 16, s.outcome);
    bind_text(insert, 17, s.warc_file);
    bind_text(insert, 18, header_value(s.headers, "ETag"));
    bind_text(insert, 19, header_value(s.headers, "Last-Modified"));
    insert.exec();
    return db.getLastInsertRowid();
}

void insert_passages(SQLite::Database& db, Id snapshot, const std::vector<Passage>& passages) {
    SQLite::Statement insert(db, "INSERT INTO passage (snapshot, idx, start, end, text) VALUES (?, ?, ?, ?, ?)");
    SQLite::Statement index(db, "INSERT INTO passage_fts (rowid, tokens) VALUES (?, ?)");
    for (const Passage& p : passages) {
        insert.bind(1, snapshot);
        insert.bind(2, p.index);
        bind_size(insert, 3, p.span.start);
        bind_size(insert, 4, p.span.end);
        bind_text(insert, 5, p.text);
        insert.exec();
        insert.reset();
        index.bind(1, db.getLastInsertRowid());
        bind_text(index, 2, text::index_document(p.text));
        index.exec();
        index.reset();
    }
}

constexpr const char* k_snapshot_columns =
    "SELECT id, source, requested_url, final_url, http_status, content_type, charset, fetched_at, sha256, headers, "
    "body, title, published, text, error, outcome, warc_file FROM snapshot ";

Snapshot snapshot_at(const SQLite::Statement& row) {
    Snapshot s;
    s.id = row.getColumn(0).getInt64();
    s.source = row.getColumn(1).getInt64();
    s.requested_url = column_text(row, 2);
    s.final_url = column_text(row, 3);
    if (const auto status = optional_int(row, 4)) s.http_status = static_cast<int>(*status);
    s.content_type = column_text(row, 5);
    s.charset = column_text(row, 6);
    s.fetched_at = column_text(row, 7);
    s.sha256 = column_text(row, 8);
    s.headers = column_text(row, 9);
    if (const std::string packed = column_text(row, 10); !packed.empty()) s.body = bytes::gunzip(packed);
    s.title = column_text(row, 11);
    s.published = column_text(row, 12);
    s.text = column_text(row, 13);
    s.error = column_text(row, 14);
    s.outcome = column_text(row, 15);
    s.warc_file = column_text(row, 16);
    return s;
}

// Index rows ranked per wanted hit before the joins, and at least this many.
constexpr int k_pool_factor = 3;
constexpr int k_min_pool = 64;

constexpr const char* k_passage_columns = "SELECT p.id, p.snapshot, p.idx, p.start, p.end, p.text FROM passage p ";

Passage passage_at(const SQLite::Statement& row) {
    Passage p;
    p.id = row.getColumn(0).getInt64();
    p.snapshot = row.getColumn(1).getInt64();
    p.index = row.getColumn(2).getInt();
    p.span = Span{size(row, 3), size(row, 4)};
    p.text = column_text(row, 5);
    return p;
}

}  // namespace

Id Store::add_snapshot(const Snapshot& snapshot, const std::vector<Passage>& passages) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    const Id id = insert_snapshot(db, snapshot);
    insert_passages(db, id, passages);
    write.commit();
    return id;
}

std::optional<Snapshot> Store::latest_snapshot(Id source) const {
    SQLite::Statement query(m_impl->db, std::string(k_snapshot_columns) + "WHERE source = ? ORDER BY id DESC LIMIT 1");
    query.bind(1, source);
    if (!query.executeStep()) return std::nullopt;
    return snapshot_at(query);
}

std::optional<Snapshot> Store::latest_text_snapshot(Id source) const {
    SQLite::Statement query(m_impl->db, std::string(k_snapshot_columns) +
                                            "WHERE source = ? AND EXISTS (SELECT 1 FROM passage p WHERE p.snapshot = "
                                            "snapshot.id) ORDER BY id DESC LIMIT 1");
    query.bind(1, source);
    if (!query.executeStep()) return std::nullopt;
    return snapshot_at(query);
}

std::optional<Snapshot> Store::snapshot(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_snapshot_columns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return snapshot_at(query);
}

std::optional<std::string> Store::snapshot_text(Id id) const {
    const CachedStatement cached(*m_impl, "SELECT text FROM snapshot WHERE id = ?1");
    SQLite::Statement& query = *cached;
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return column_text(query, 0);
}

std::optional<Store::Validators> Store::validators(Id source) const {
    SQLite::Statement query(m_impl->db,
                            "SELECT etag, last_modified FROM snapshot WHERE source = ? AND http_status = 200 "
                            "ORDER BY id DESC LIMIT 1");
    query.bind(1, source);
    if (!query.executeStep()) return std::nullopt;
    return Validators{column_text(query, 0), column_text(query, 1)};
}

std::vector<Passage> Store::passages_of(Id snapshot) const {
    SQLite::Statement query(m_impl->db, std::string(k_passage_columns) + "WHERE p.snapshot = ? ORDER BY p.idx");
    query.bind(1, snapshot);
    std::vector<Passage> list;
    while (query.executeStep()) list.push_back(passage_at(query));
    return list;
}

std::optional<Passage> Store::passage(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_passage_columns) + "WHERE p.id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return passage_at(query);
}

namespace {

// The index's own term list (fts5vocab), made once per connection in the temp schema: the file is
// not written, and the stock sqlite3 shell can make the same table.
void ensure_vocabulary(Store::Impl& impl) {
    if (impl.vocabulary) return;
    impl.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_vocab USING fts5vocab(main, passage_fts, row)");
    impl.vocabulary = true;
}

}  // namespace

std::int64_t Store::passages_with(std::string_view token, bool prefix) const {
    if (token.empty()) return 0;
    ensure_vocabulary(*m_impl);
    // Every UTF-8 token that begins with `token` sorts below `token` followed by U+10FFFF.
    const CachedStatement cached(*m_impl, prefix ? "SELECT coalesce(sum(doc), 0) FROM temp.passage_vocab WHERE term >= ?1 AND term < ?2"
                                                 : "SELECT coalesce(sum(doc), 0) FROM temp.passage_vocab WHERE term = ?1");
    SQLite::Statement& query = *cached;
    bind_text(query, 1, token);
    const std::string upper = std::string(token) + "\xF4\x8F\xBF\xBF";
    if (prefix) bind_text(query, 2, upper);
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

std::int64_t Store::indexed_passages() const {
    // Every passage is indexed (a trigger keeps passage_fts in step), and counting the table is
    // far cheaper than counting the index.
    const CachedStatement cached(*m_impl, "SELECT count(*) FROM passage");
    SQLite::Statement& query = *cached;
    return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

std::int64_t Store::passages_matching(std::string_view match) const {
    if (match.empty()) return 0;
    try {
        const CachedStatement cached(*m_impl, "SELECT count(*) FROM passage_fts WHERE passage_fts MATCH ?1");
        SQLite::Statement& query = *cached;
        bind_text(query, 1, match);
        return query.executeStep() ? query.getColumn(0).getInt64() : 0;
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() != SQLITE_ERROR) throw;
        return 0;
    }
}

namespace {

// Return what a search needs to know of snapshot `id` (see Store::Impl::SnapshotFacts).
Store::Impl::SnapshotFacts facts_of(Store::Impl& impl, Id id, std::optional<Id> article) {
    const CachedStatement cached(
        impl,
        "SELECT n.source, s.url, n.title, "
        "       n.id = (SELECT max(x.id) FROM snapshot x WHERE x.source = n.source "
        "               AND EXISTS (SELECT 1 FROM passage y WHERE y.snapshot = x.id)) "
        "       AND (?2 IS NULL OR EXISTS (SELECT 1 FROM citation c WHERE c.article = ?2 AND c.source = n.source)) "
        "FROM snapshot n JOIN source s ON s.id = n.source WHERE n.id = ?1");
    SQLite::Statement& query = *cached;
    query.bind(1, id);
    bind_optional(query, 2, article);
    Store::Impl::SnapshotFacts facts;
    if (query.executeStep()) {
        facts.source = query.getColumn(0).getInt64();
        facts.url = column_text(query, 1);
        facts.title = column_text(query, 2);
        facts.searched = query.getColumn(3).getInt() != 0;
    }
    return facts;
}

// Return the facts cache of `impl` for `article`, emptied when anything was written since it was
// filled: by this connection (its change count) or by another one (PRAGMA data_version).
std::unordered_map<Id, Store::Impl::SnapshotFacts>& facts_cache(Store::Impl& impl, std::optional<Id> article) {
    const CachedStatement cached(impl, "PRAGMA data_version");
    const std::int64_t version = (*cached).executeStep() ? (*cached).getColumn(0).getInt64() : -1;
    const std::int64_t changes = sqlite3_total_changes64(impl.db.getHandle());
    auto& c = impl.facts;
    if (c.article != article || c.data_version != version || c.changes != changes) {
        c.snapshots.clear();
        c.article = article;
        c.data_version = version;
        c.changes = changes;
    }
    return c.snapshots;
}

}  // namespace

std::vector<PassageHit> Store::search_passages(std::string_view match, std::optional<Id> article, int limit,
                                               std::span<const double> weights) const {
    // The index ranks first and only its best `?2` rows are read. Whether a hit's snapshot is
    // searched (the latest of its source that has passages, so a failed or "not modified" re-fetch
    // does not hide the text fetched before, and a source of `article`) is asked once per snapshot
    // and remembered until the next write: a link asks it for thousands of hits on few pages. The
    // number of index hits says whether a larger pool could find more.
    // With weights, claimtrack_rank (rank.cpp) scores instead of FTS5's bm25.
    constexpr std::string_view by_bm25 =
        "WITH hits AS MATERIALIZED (SELECT rowid AS id, rank FROM passage_fts WHERE passage_fts MATCH ?1 ORDER BY rank LIMIT ?2) ";
    constexpr std::string_view by_weights =
        "WITH hits AS MATERIALIZED (SELECT rowid AS id, claimtrack_rank(passage_fts, ?3) AS rank FROM passage_fts "
        "WHERE passage_fts MATCH ?1 ORDER BY 2 LIMIT ?2) ";
    constexpr std::string_view joined =
        "SELECT p.id, p.snapshot, p.idx, p.start, p.end, p.text, hits.rank, (SELECT count(*) FROM hits) "
        "FROM hits JOIN passage p ON p.id = hits.id ORDER BY hits.rank, p.id";
    std::vector<PassageHit> hits;
    if (match.empty() || limit <= 0) return hits;
    try {
        auto& known = facts_cache(*m_impl, article);
        static const std::string bm25_sql = std::string(by_bm25) + std::string(joined);
        static const std::string weights_sql = std::string(by_weights) + std::string(joined);
        const CachedStatement cached(*m_impl, weights.empty() ? bm25_sql : weights_sql);
        SQLite::Statement& query = *cached;
        // Old snapshots and other articles' sources can fill the first pool: then rank them all.
        for (const int pool : {std::max(limit * k_pool_factor, k_min_pool), -1}) {
            hits.clear();
            query.reset();
            bind_text(query, 1, match);
            query.bind(2, pool);
            if (!weights.empty()) query.bind(3, weights.data(), static_cast<int>(weights.size_bytes()));
            std::int64_t found = 0;
            while (hits.size() < static_cast<std::size_t>(limit) && query.executeStep()) {
                found = query.getColumn(7).getInt64();
                const Id snapshot = query.getColumn(1).getInt64();
                auto facts = known.find(snapshot);
                if (facts == known.end()) facts = known.emplace(snapshot, facts_of(*m_impl, snapshot, article)).first;
                if (!facts->second.searched) continue;
                hits.push_back(PassageHit{passage_at(query), facts->second.source, facts->second.url, query.getColumn(6).getDouble(),
                                          facts->second.title});
            }
            // Enough, or the index had no more than the pool: ranking all of them finds nothing new.
            if (hits.size() >= static_cast<std::size_t>(limit) || found < pool) break;
        }
    } catch (const SQLite::Exception& e) {
        // A malformed MATCH expression is the caller's query, not a broken store: no hits.
        if (e.getErrorCode() != SQLITE_ERROR) throw;
        hits.clear();
    }
    return hits;
}

}  // namespace claimtrack
