#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <claimtrack/text.hpp>

namespace claimtrack {

using namespace store_detail;

std::optional<Id> Store::add_alias(const UserAlias& alias) {
    SQLite::Database& db = m_impl->db;
    const std::string name_key = text::fold(alias.name);
    const std::string canonical_key = text::fold(alias.canonical);
    WriteScope write(db);
    SQLite::Statement known(db,
                            "SELECT 1 FROM alias WHERE (name_key = ?1 AND canonical_key = ?2) "
                            "OR (name_key = ?2 AND canonical_key = ?1)");
    bind_text(known, 1, name_key);
    bind_text(known, 2, canonical_key);
    if (known.executeStep()) return std::nullopt;
    SQLite::Statement insert(db,
                             "INSERT INTO alias (name, canonical, name_key, canonical_key, created_at, created_by) "
                             "VALUES (?, ?, ?, ?, ?, ?)");
    bind_text(insert, 1, alias.name);
    bind_text(insert, 2, alias.canonical);
    bind_text(insert, 3, name_key);
    bind_text(insert, 4, canonical_key);
    bind_text(insert, 5, alias.created_at.empty() ? now_iso8601() : alias.created_at);
    bind_text(insert, 6, alias.created_by);
    insert.exec();
    const Id id = db.getLastInsertRowid();
    write.commit();
    return id;
}

std::vector<UserAlias> Store::aliases() const {
    SQLite::Statement query(m_impl->db, "SELECT id, name, canonical, created_at, created_by FROM alias ORDER BY id");
    std::vector<UserAlias> list;
    while (query.executeStep()) {
        list.push_back({query.getColumn(0).getInt64(), column_text(query, 1), column_text(query, 2),
                        column_text(query, 3), column_text(query, 4)});
    }
    return list;
}

std::size_t Store::remove_alias(std::string_view name) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    SQLite::Statement drop(db, "DELETE FROM alias WHERE name_key = ?1 OR canonical_key = ?1");
    bind_text(drop, 1, text::fold(name));
    const int removed = drop.exec();
    write.commit();
    return removed < 0 ? 0 : static_cast<std::size_t>(removed);
}

}  // namespace claimtrack
