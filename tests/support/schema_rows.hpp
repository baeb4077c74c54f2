#pragma once

// What the schema migration tests share: a file at an older schema holding claims of every kind of
// history, and the rows of a file read back as text to compare before and after a migration.

#include "store/migrate.hpp"
#include "store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace claimtrack::test {

// Write a file at schema `version` (4 or later) with claims (automatic, manual, reviewed,
// rejected), their evidence and reviews.
inline void write_claims_at_version(const std::string& path, int version) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& all = store_detail::migrations();
    REQUIRE(static_cast<int>(all.size()) > version);
    const std::vector<store_detail::Migration> first(all.begin(), all.begin() + version);
    store_detail::migrate(db, path, first);
    db.exec("INSERT INTO article (id, title, body, sha256, imported_at) VALUES (7, 'old', '英伟达的份额由95%下降为0。黄仁勋说。', 'abc', 'then')");
    db.exec("INSERT INTO paragraph (article, idx, start, end, kind) VALUES (7, 0, 0, 34, 'text')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, fields, checkworthiness, hedged, origin, created_at) "
            "VALUES (11, 7, 'quantity', '份额由95%下降为0', 9, 31, '{\"unit\":\"%\",\"to\":\"0\"}', 0.75, 1, 'auto', 'then')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, created_at) VALUES (12, 7, 'role', 'x', 31, 32, 'then')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, fields, origin, created_at) "
            "VALUES (13, 7, 'quote', '黄仁勋说', 34, 46, '{\"speaker\":\"黄仁勋 \\\"Jensen\\\"\"}', 'manual', 'later')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, created_at) VALUES (14, 7, 'event', 'y', 0, 0, 'then')");
    db.exec("INSERT INTO source (id, url) VALUES (3, 'https://news.example.com/a')");
    db.exec("INSERT INTO snapshot (id, source, outcome) VALUES (4, 3, 'ok')");
    db.exec("INSERT INTO passage (id, snapshot, idx, start, end, text) VALUES (5, 4, 0, 0, 9, 'share fell')");
    db.exec("INSERT INTO evidence (id, claim, passage, score, stance, created_at) VALUES (6, 11, 5, 0.5, 'supports', 'then')");
    db.exec("INSERT INTO evidence (id, claim, passage, score, stance, created_at) VALUES (8, 12, 5, 0.25, 'mentions', 'then')");
    db.exec("INSERT INTO review (claim, action, previous, status, evidence, created_at) "
            "VALUES (11, 'evidence-accept', 'unreviewed', 'unreviewed', 6, 'then')");
    db.exec("INSERT INTO review (claim, previous, status, note, created_at) VALUES (11, 'unreviewed', 'verified', 'seen', 'then')");
    db.exec("INSERT INTO review (claim, action, previous, status, created_at) VALUES (14, 'claim-reject', 'unreviewed', 'unreviewed', 'then')");
    REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == version);
}

// Return every row of `sql`, each as its columns joined by '|' (NULL as "NULL"), in its order.
inline std::vector<std::string> rows_of(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement query(db, sql);
    std::vector<std::string> rows;
    while (query.executeStep()) {
        std::string row;
        for (int c = 0; c < query.getColumnCount(); ++c) {
            if (c > 0) row += '|';
            row += query.isColumnNull(c) ? std::string("NULL") : query.getColumn(c).getString();
        }
        rows.push_back(row);
    }
    return rows;
}

// Every row of the tables write_claims_at_version fills, each prefixed with its table.
inline std::vector<std::string> stored_rows(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> all;
    for (const char* table : {"article", "paragraph", "claim", "evidence", "review", "source", "snapshot", "passage"}) {
        for (std::string& row : rows_of(db, std::string("SELECT * FROM ") + table + " ORDER BY 1, 2")) {
            all.push_back(std::string(table) + ": " + row);
        }
    }
    return all;
}

// Whether `db` refuses `sql`.
inline bool refused(SQLite::Database& db, const std::string& sql) {
    try {
        db.exec(sql);
    } catch (const SQLite::Exception&) {
        return true;
    }
    return false;
}

}  // namespace claimtrack::test
