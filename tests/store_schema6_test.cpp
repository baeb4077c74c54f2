#include <claimtrack/store.hpp>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/schema_rows.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;
using test::refused;
using test::rows_of;
using test::stored_rows;

namespace {

// Return, for each of `values` (SQL literals), whether the file at `path` refuses a claim with it
// as its column `column`; each insert is undone.
std::vector<bool> refusals(const std::string& path, const std::string& column, const std::vector<std::string>& values) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    std::vector<bool> refused_each;
    for (const std::string& value : values) {
        db.exec("SAVEPOINT probe");
        refused_each.push_back(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at, " + column +
                                               ") VALUES (7, 'quote', 'y', 0, 1, 'now', " + value + ")"));
        db.exec("ROLLBACK TO probe");
        db.exec("RELEASE probe");
    }
    return refused_each;
}

constexpr const char* k_schema =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";

}  // namespace

TEST_SUITE("store: schema 6") {

TEST_CASE("schema 6 checks claim fields and origin by comparisons and keeps every row, view, trigger and key") {
    test::TempDir dir;
    const std::string path = dir.file("v5.db");
    test::write_claims_at_version(path, 5);
    const std::vector<std::string> before = stored_rows(path);
    {
        Store store(path);
        CHECK(store.version() == Store::latest_version());
        CHECK(store.claims({.article = 7, .kind = {}, .status = {}, .rejected = RejectedClaims::include}).size() == 4);
        CHECK(store.claim(11)->fields.at("unit") == "%");
        CHECK(store.claim(11)->status == Status::verified);
        CHECK(store.claim(13)->fields.at("speaker") == "黄仁勋 \"Jensen\"");
        CHECK(store.claim_state(13)->origin == Origin::manual);
        CHECK(store.claim_state(14)->rejected);
    }
    // Every row is as it was, ids and all.
    CHECK(stored_rows(path) == before);

    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'claim' AND (sql LIKE '%substr%' OR sql LIKE '%origin IN%')")
              .getInt() == 0);
    // The views read the rebuilt table.
    CHECK(db.execAndGet("SELECT status FROM claim_status WHERE claim = 11").getString() == "verified");
    CHECK(db.execAndGet("SELECT rejected FROM claim_status WHERE claim = 14").getInt() == 1);
    CHECK(db.execAndGet("SELECT best_url FROM claim_report WHERE claim = 11").getString() == "https://news.example.com/a");
    CHECK(db.execAndGet("SELECT count(*) FROM claim_report").getInt() == 4);
    // The other CHECKs, the article's foreign key and the delete trigger hold as before.
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'opinion', 'y', 0, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'quote', 'y', 2, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (99, 'quote', 'y', 0, 1, 'now')"));
    CHECK(refused(db, "DELETE FROM claim WHERE id = 11"));
    CHECK(refused(db, "DELETE FROM claim WHERE id = 13"));
    CHECK_FALSE(refused(db, "DELETE FROM claim WHERE id = 12"));
    CHECK(db.execAndGet("SELECT count(*) FROM evidence WHERE id = 8").getInt() == 0);
    CHECK(refused(db, "INSERT INTO evidence (claim, passage, created_at) VALUES (12, 5, 'now')"));
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'claim_article' AND tbl_name = 'claim'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('claim') WHERE \"table\" = 'article'").getString() == "CASCADE");
}

TEST_CASE("schema 6 refuses exactly the fields and origins schema 5 refused") {
    test::TempDir dir;
    const std::string old_path = dir.file("v5.db");
    const std::string new_path = dir.file("v6.db");
    test::write_claims_at_version(old_path, 5);
    test::write_claims_at_version(new_path, 5);
    { Store migrated(new_path); }
    const std::vector<std::string> fields{
        "'{}'", "'{\"a\":\"b\"}'", "'{'", "'{{'", "'{|'", "'{' || char(0x10FFFF)", "'{' || char(0)", "'{' || x'ff'",
        "''", "' {}'", "'[1]'", "'1'", "'z'", "'|'", "'}'", "'~'", "'中'", "char(0x7f)", "'z{'",
        "x'7b7d'", "x'7b'", "x''", "x'7c'", "5", "1.5", "-1", "NULL"};
    const std::vector<std::string> origins{"'auto'", "'manual'", "'Auto'", "'MANUAL'", "'auto '", "' auto'", "'bot'", "''",
                                           "'autox'", "x'6175746f'", "0", "1", "NULL", "'manua'"};
    const std::vector<bool> fields_then = refusals(old_path, "fields", fields);
    const std::vector<bool> origins_then = refusals(old_path, "origin", origins);
    CHECK(refusals(new_path, "fields", fields) == fields_then);
    CHECK(refusals(new_path, "origin", origins) == origins_then);
    // What schema 5 refused and let in, to show the lists try both ways.
    CHECK(fields_then == std::vector<bool>{false, false, false, false, false, false, false, false, true, true, true, true,
                                           true, true, true, true, true, true, true, true, true, false, true, true, true,
                                           true, true});
    CHECK(origins_then ==
          std::vector<bool>{false, false, true, true, true, true, true, true, true, true, true, true, true, true});
}

TEST_CASE("a new database and one migrated from schema 5 have the same schema") {
    test::TempDir dir;
    const std::string old_path = dir.file("v5.db");
    const std::string new_path = dir.file("new.db");
    test::write_claims_at_version(old_path, 5);
    { Store migrated(old_path); }
    { Store created(new_path); }
    SQLite::Database migrated(old_path, SQLite::OPEN_READONLY);
    SQLite::Database created(new_path, SQLite::OPEN_READONLY);
    const std::vector<std::string> schema = rows_of(created, k_schema);
    CHECK(schema.size() > 20);
    CHECK(rows_of(migrated, k_schema) == schema);
}

}  // TEST_SUITE
