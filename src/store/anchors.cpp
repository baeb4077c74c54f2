#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <tuple>

namespace claimtrack {

using namespace store_detail;

void Store::update_evidence(const Evidence& row) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    SQLite::Statement update(db,
                             "UPDATE evidence SET passage = ?, score = ?, stance = ?, reason = ?, origin = ?, "
                             "quote_exact = ?, quote_prefix = ?, quote_suffix = ?, quote_start = ?, quote_end = ?, "
                             "orphaned = ? WHERE id = ?");
    update.bind(1, row.passage);
    update.bind(2, row.score);
    bind_text(update, 3, to_string(row.stance));
    bind_text(update, 4, row.reason);
    bind_text(update, 5, to_string(row.origin));
    bind_text(update, 6, row.quote.exact);
    bind_text(update, 7, row.quote.prefix);
    bind_text(update, 8, row.quote.suffix);
    bind_size(update, 9, row.quote.start);
    bind_size(update, 10, row.quote.end);
    update.bind(11, row.orphaned ? 1 : 0);
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

std::optional<Id> Store::find_source(std::string_view url) const {
    SQLite::Statement query(m_impl->db, "SELECT id FROM source WHERE url = ?");
    bind_text(query, 1, url);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

Id Store::add_citation(Id article, std::string_view url, std::string_view title) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    SQLite::Statement add_source(db, "INSERT INTO source (url) VALUES (?) ON CONFLICT (url) DO NOTHING");
    bind_text(add_source, 1, url);
    add_source.exec();
    const Id source = *find_source(url);
    SQLite::Statement cite(db,
                           "INSERT INTO citation (article, source, title, position) "
                           "SELECT ?1, ?2, ?3, coalesce(max(position), 0) + 1 FROM citation WHERE article = ?1 "
                           "ON CONFLICT (article, source) DO NOTHING");
    cite.bind(1, article);
    cite.bind(2, source);
    bind_text(cite, 3, title);
    cite.exec();
    write.commit();
    return source;
}

}  // namespace claimtrack
