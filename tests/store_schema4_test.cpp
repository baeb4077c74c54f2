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

namespace {

// A file at schema 3 with one of everything the rebuilt tables hold, and the rows that point at them.
void write_version_3(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& all = store_detail::migrations();
    store_detail::migrate(db, path, {all[0], all[1], all[2]});
    db.exec("INSERT INTO article (id, title, body, sha256, imported_at) VALUES (7, 'old', '英伟达的份额由95%下降为0。', 'abc', 'then')");
    db.exec("INSERT INTO paragraph (article, idx, start, end, kind) VALUES (7, 0, 0, 34, 'text')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, fields, created_at) "
            "VALUES (11, 7, 'quantity', '份额由95%下降为0', 9, 31, '{\"unit\":\"%\"}', 'then')");
    db.exec("INSERT INTO claim (id, article, kind, text, start, end, created_at) VALUES (12, 7, 'role', 'x', 31, 32, 'then')");
    db.exec("INSERT INTO source (id, url) VALUES (3, 'https://news.example.com/a')");
    db.exec("INSERT INTO snapshot (id, source, outcome) VALUES (4, 3, 'ok')");
    db.exec("INSERT INTO passage (id, snapshot, idx, start, end, text) VALUES (5, 4, 0, 0, 9, 'share fell')");
    db.exec("INSERT INTO evidence (id, claim, passage, score, stance, created_at) VALUES (6, 11, 5, 0.5, 'supports', 'then')");
    db.exec("INSERT INTO review (claim, action, previous, status, evidence, created_at) "
            "VALUES (11, 'evidence-accept', 'unreviewed', 'unreviewed', 6, 'then')");
    db.exec("INSERT INTO review (claim, previous, status, note, created_at) VALUES (11, 'unreviewed', 'verified', 'seen', 'then')");
    REQUIRE(db.execAndGet("PRAGMA user_version").getInt() == 3);
}

}  // namespace

TEST_CASE("schema 4 rewrites the list CHECKs and keeps every row, link, view and guard") {
    test::TempDir dir;
    const std::string path = dir.file("v3.db");
    write_version_3(path);
    {
        Store store(path);
        CHECK(store.version() == Store::latest_version());
        const auto claims = store.claims({.article = 7, .kind = {}, .status = {}});
        REQUIRE(claims.size() == 2);
        CHECK(claims[0].id == 11);
        CHECK(claims[0].text == "份额由95%下降为0");
        CHECK(claims[0].fields.at("unit") == "%");
        CHECK(claims[0].status == Status::verified);
        REQUIRE(store.article(7)->paragraphs.size() == 1);
    }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() == 0);
    // The views read the rebuilt tables: the reviewed claim with its accepted evidence.
    CHECK(db.execAndGet("SELECT status FROM claim_status WHERE claim = 11").getString() == "verified");
    CHECK(db.execAndGet("SELECT verdict FROM evidence_verdict WHERE evidence = 6").getString() == "accepted");
    CHECK(db.execAndGet("SELECT best_url FROM claim_report WHERE claim = 11").getString() == "https://news.example.com/a");
    // No list CHECK is left on the rebuilt tables...
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name IN ('claim', 'paragraph', 'evidence') "
                        "AND (sql LIKE '%kind IN (%' OR sql LIKE '%stance IN (%')")
              .getInt() == 0);
    // ...and the same values are still allowed and refused.
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'opinion', 'y', 0, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, 'QUOTE', 'y', 0, 1, 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, fields, created_at) VALUES (7, 'quote', 'y', 0, 1, '[1]', 'now')"));
    CHECK(refused(db, "INSERT INTO paragraph (article, idx, start, end, kind) VALUES (7, 1, 0, 1, 'heading')"));
    CHECK(refused(db, "INSERT INTO evidence (claim, passage, stance, created_at) VALUES (11, 5, 'refutes', 'now')"));
    CHECK(refused(db, "INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (99, 'quote', 'y', 0, 1, 'now')"));
    for (const char* kind : {"quantity", "role", "quote", "event", "comparison"}) {
        CHECK_FALSE(refused(db, std::string("INSERT INTO claim (article, kind, text, start, end, created_at) VALUES (7, '") + kind +
                                    "', 'y', 0, 1, 'now')"));
    }
    for (const char* kind : {"text", "title", "noise", "source_list"}) {
        CHECK_FALSE(refused(db, std::string("INSERT INTO paragraph (article, idx, start, end, kind) VALUES (7, (SELECT max(idx) + 1 "
                                            "FROM paragraph), 0, 1, '") + kind + "')"));
    }
    for (const char* stance : {"supports", "contradicts", "mentions"}) {
        CHECK_FALSE(refused(db, std::string("INSERT INTO evidence (claim, passage, stance, created_at) VALUES (12, 5, '") + stance +
                                    "', 'now')"));
    }
    // A reviewed claim still cannot be deleted, and the indexes are back.
    CHECK(refused(db, "DELETE FROM claim WHERE id = 11"));
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                        "('claim_article', 'evidence_claim', 'evidence_passage')")
              .getInt() == 3);
    // The foreign keys are as before: claims and paragraphs go with their article, evidence with its claim.
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('claim') WHERE \"table\" = 'article'").getString() == "CASCADE");
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('paragraph') WHERE \"table\" = 'article'").getString() ==
          "CASCADE");
    CHECK(db.execAndGet("SELECT on_delete FROM pragma_foreign_key_list('evidence') WHERE \"table\" = 'claim'").getString() ==
          "CASCADE");
    CHECK(db.execAndGet("SELECT count(*) FROM pragma_foreign_key_list('review') WHERE \"table\" IN ('claim', 'evidence')").getInt() == 2);
}
