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

constexpr const char* k_schema =
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name";

}  // namespace

TEST_SUITE("store: schema 5") {

TEST_CASE("schema 5 checks claim fields by their first byte and keeps every row, view, trigger and key") {
    test::TempDir dir;
    const std::string path = dir.file("v4.db");
    test::write_claims_at_version(path, 4);
    const std::vector<std::string> before = stored_rows(path);
    {
        Store store(path);
        CHECK(store.version() == Store::latest_version());
        const auto claims = store.claims({.article = 7, .kind = {}, .status = {}, .rejected = RejectedClaims::include});
        REQUIRE(claims.size() == 4);
        const auto reviewed = store.claim(11);
        REQUIRE(reviewed.has_value());
        CHECK(reviewed->fields.at("to") == "0");
        CHECK(reviewed->fields.at("unit") == "%");
        CHECK(reviewed->status == Status::verified);
        CHECK(store.claim(13)->fields.at("speaker") == "黄仁勋 \"Jensen\"");
        CHECK(store.claim_state(13)->origin == Origin::manual);
        CHECK(store.claim_state(14)->rejected);
    }
    // Every row is as it was, ids and all.
    CHECK(stored_rows(path) == before);

    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    // The views read the rebuilt table.
    CHECK(db.execAndGet("SELECT status FROM claim_status WHERE claim = 11").getString() == "verified");
    CHECK(db.execAndGet("SELECT rejected FROM claim_status WHERE claim = 14").getInt() == 1);
    CHECK(db.execAndGet("SELECT best_url FROM claim_report WHERE claim = 11").getString() == "https://news.example.com/a");
    CHECK(db.execAndGet("SELECT evidence_count FROM claim_report WHERE claim = 12").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM claim_report").getInt() == 4);
    // The fields are no longer parsed on insert, but must still look like an object.
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'claim' AND sql LIKE '%json_%'").getInt() == 0);
    const std::string insert = "INSERT INTO claim (article, kind, text, start, end, fields, created_at) VALUES (7, 'quote', 'y', 0, 1, ";
    CHECK(refused(db, insert + "'[1]', 'now')"));
    CHECK(refused(db, insert + "'', 'now')"));
    CHECK(refused(db, insert + "'1', 'now')"));
    CHECK(refused(db, insert + "x'7b7d', 'now')"));  // '{}' as a blob
    CHECK(refused(db, insert + "NULL, 'now')"));
    CHECK_FALSE(refused(db, insert + "'{\"a\":\"b\"}', 'now')"));
    CHECK_FALSE(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'quote', 'y', 0, 1, 'now')"));
    // The other CHECKs and the article's foreign key hold as before.
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'opinion', 'y', 0, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'quote', 'y', 2, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, checkworthiness, created_at) VALUES (7, 'quote', 'y', 0, 1, 2, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, origin, created_at) VALUES (7, 'quote', 'y', 0, 1, 'bot', 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (99, 'quote', 'y', 0, 1, 'now')"));
    // The delete trigger: a reviewed or a manual claim stays; an unreviewed automatic one goes, with its evidence.
    CHECK(refused(db, "DELETE FROM claim WHERE id = 11"));
    CHECK(refused(db, "DELETE FROM claim WHERE id = 13"));
    CHECK_FALSE(refused(db, "DELETE FROM claim WHERE id = 12"));
    CHECK(db.execAndGet("SELECT count(*) FROM evidence WHERE id = 8").getInt() == 0);
    // Evidence and reviews still point at claims; the index is back.
    CHECK(refused(db, "INSERT INTO evidence (claim, passage, created_at) VALUES (12, 5, 'now')"));
    CHECK(refused(db, "INSERT INTO review (claim, previous, status, created_at) VALUES (12, 'unreviewed', 'verified', 'now')"));
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'claim_article' AND tbl_name = 'claim'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('claim') WHERE \"table\" = 'article'").getString() == "CASCADE");
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('evidence') WHERE \"table\" = 'claim'").getString() ==
          "CASCADE");
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_list('review') WHERE \"table\" = 'claim'").getInt() == 1);
}

TEST_CASE("a new database and one migrated from schema 4 have the same schema") {
    test::TempDir dir;
    const std::string old_path = dir.file("v4.db");
    const std::string new_path = dir.file("new.db");
    test::write_claims_at_version(old_path, 4);
    { Store migrated(old_path); }
    { Store created(new_path); }
    SQLite::Database migrated(old_path, SQLite::OPEN_READONLY);
    SQLite::Database created(new_path, SQLite::OPEN_READONLY);
    const std::vector<std::string> schema = rows_of(created, k_schema);
    CHECK(schema.size() > 20);
    CHECK(rows_of(migrated, k_schema) == schema);
}

}  // TEST_SUITE
