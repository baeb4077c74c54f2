#include <claimtrack/store.hpp>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/schema_rows.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Return every row of `sql`, sorted.
std::vector<std::string> sorted_rows(SQLite::Database& db, const std::string& sql) {
    std::vector<std::string> rows = test::rows_of(db, sql);
    std::sort(rows.begin(), rows.end());
    return rows;
}

// Return what a file holds apart from where its pages are: its version, every sqlite_schema row
// (autoindexes and FTS5's shadow tables too) and every row of every table.
std::vector<std::string> contents(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::vector<std::string> all{"user_version " + db.execAndGet("PRAGMA user_version").getString()};
    for (const std::string& row : sorted_rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema")) all.push_back(row);
    SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        for (const std::string& row : sorted_rows(db, "SELECT * FROM \"" + table + "\"")) all.push_back(table + ": " + row);
    }
    return all;
}

}  // namespace

TEST_SUITE("store: latest schema") {

TEST_CASE("the latest schema is the version the migrations end at") {
    CHECK(store_detail::latest_schema().version == Store::latest_version());
    CHECK(store_detail::latest_schema().version == store_detail::migrations().back().version);
}

TEST_CASE("a new file made from the latest schema holds what replaying every migration gives") {
    test::TempDir dir;
    const std::string fresh = dir.file("fresh.db");
    const std::string replayed = dir.file("replayed.db");
    { Store store(fresh); }
    {
        SQLite::Database db(replayed, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store_detail::migrate(db, replayed, store_detail::migrations());
    }
    const std::vector<std::string> made = contents(fresh);
    const std::vector<std::string> migrated = contents(replayed);
    CHECK(made.size() > 40);  // the tables, indexes, views and triggers all came
    CHECK(made == migrated);
    for (std::size_t k = 0; k < std::min(made.size(), migrated.size()); ++k) {
        CAPTURE(k);
        CHECK(made[k] == migrated[k]);
    }
    SQLite::Database db(fresh, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement problems(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(problems.executeStep());
}

TEST_CASE("an empty file is migrated step by step when the latest schema is not the last migration") {
    test::TempDir dir;
    const std::string path = dir.file("older.db");
    const auto& all = store_detail::migrations();
    REQUIRE(all.size() >= 2);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        // The schema is at a later version than this list ends at: the list is replayed instead.
        store_detail::migrate(db, path, {all[0]}, store_detail::latest_schema());
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == all[0].version);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'alias'").getInt() == 0);
    }
    Store store(path);  // then the rest of the way
    CHECK(store.version() == Store::latest_version());
}

TEST_CASE("a file at an older version is migrated, never remade from the latest schema") {
    test::TempDir dir;
    const std::string path = dir.file("v1.db");
    const auto& all = store_detail::migrations();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store_detail::migrate(db, path, {all[0]});
        db.exec("INSERT INTO article (id, title, body, sha256, imported_at) VALUES (3, 'kept', 'body', 'abc', 'then')");
    }
    const std::string replayed = dir.file("replayed.db");
    {
        SQLite::Database db(replayed, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store_detail::migrate(db, replayed, all);
        db.exec("INSERT INTO article (id, title, body, sha256, imported_at) VALUES (3, 'kept', 'body', 'abc', 'then')");
    }
    { Store store(path); }
    CHECK(contents(path) == contents(replayed));
}

}
