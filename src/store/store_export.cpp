#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

namespace claimtrack {

std::optional<Id> Store::latest_response_snapshot(Id source) const {
    SQLite::Statement query(m_impl->db,
                            "SELECT id FROM snapshot WHERE source = ? AND http_status IS NOT NULL AND http_status <> 304 "
                            "ORDER BY id DESC LIMIT 1");
    query.bind(1, source);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

}  // namespace claimtrack
