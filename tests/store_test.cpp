#include <claimtrack/store.hpp>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "support/temp_dir.hpp"

#include <claimtrack/error.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace claimtrack;

namespace {

using claimtrack::test::TempDir;

int scalar(const std::string& path, const std::string& sql) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt();
}

Article small_article(const std::string& body) {
    Article a;
    a.title = "t";
    a.body = body;
    a.sha256 = body;  // unique enough for the store
    return a;
}

}  // namespace

TEST_SUITE("store: open and migrate") {

TEST_CASE("an empty database is migrated to the latest version with every table") {
    Store store(":memory:");
    CHECK(Store::latest_version() >= 1);
    CHECK(store.version() == Store::latest_version());
    CHECK(store.articles().empty());
    CHECK(store.claims({}).empty());
    CHECK_FALSE(store.latest_article().has_value());
}

TEST_CASE("a new file is created in WAL mode with foreign keys and the latest version") {
    TempDir dir;
    const std::string path = dir.file("new.db");
    { Store store(path); }
    REQUIRE(fs::exists(path));
    CHECK(scalar(path, "PRAGMA user_version") == Store::latest_version());
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA page_size").getInt() == 16384);
    for (const char* table : {"article", "paragraph", "source", "citation", "claim", "snapshot", "passage",
                              "passage_fts", "evidence", "review"}) {
        SQLite::Statement query(db, "SELECT count(*) FROM sqlite_schema WHERE name = ?");
        query.bind(1, table);
        query.executeStep();
        CHECK_MESSAGE(query.getColumn(0).getInt() == 1, table);
    }
}

TEST_CASE("a file made with SQLite's 4 KB pages keeps them and is migrated and written as usual") {
    TempDir dir;
    const std::string path = dir.file("small-pages.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA page_size = 4096");
        store_detail::migrate(db, path, {store_detail::migrations().front()});
    }
    {
        Store store(path);
        CHECK(store.version() == Store::latest_version());
        Article a;
        a.body = std::string(100000, 'x');
        a.sha256 = "abc";
        a.paragraphs = {Paragraph{{0, 100000}, ParagraphKind::text}};
        const Id id = store.add_article(a);
        CHECK(store.article(id)->body.size() == 100000);
    }
    CHECK(scalar(path, "PRAGMA page_size") == 4096);
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("reopening a current file changes nothing and keeps its rows") {
    TempDir dir;
    const std::string path = dir.file("keep.db");
    Id id = 0;
    {
        Store store(path);
        id = store.add_article(small_article("body one"));
    }
    Store again(path);
    CHECK(again.version() == Store::latest_version());
    REQUIRE(again.articles().size() == 1);
    CHECK(again.article(id)->body == "body one");
}

TEST_CASE("a file written by a newer claimtrack is refused and left unchanged") {
    TempDir dir;
    const std::string path = dir.file("future.db");
    const int future = Store::latest_version() + 1;
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE thing (x); PRAGMA user_version = " + std::to_string(future));
    }
    const std::string before = claimtrack::test::read_file(path);
    try {
        Store store(path);
        FAIL("a newer database was opened");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.input() == path);
        CHECK(e.place() == "schema version " + std::to_string(future));
        CHECK(e.reason().find("newer claimtrack") != std::string::npos);
        CHECK(e.reason().find("up to " + std::to_string(Store::latest_version())) != std::string::npos);
    }
    CHECK(claimtrack::test::read_file(path) == before);
    CHECK(scalar(path, "PRAGMA user_version") == future);
}

TEST_CASE("a file that is not a SQLite database is refused and left unchanged") {
    TempDir dir;
    const std::string path = dir.file("notes.db");
    {
        std::ofstream out(path, std::ios::binary);
        for (int i = 0; i < 200; ++i) out << "these are my notes, not a database\n";
    }
    const std::string before = claimtrack::test::read_file(path);
    try {
        Store store(path);
        FAIL("a text file was opened as a database");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::input);
        CHECK(e.place() == "header");
        CHECK(e.reason().find("not a claimtrack database") != std::string::npos);
    }
    CHECK(claimtrack::test::read_file(path) == before);
}

TEST_CASE("a SQLite file of another program (tables, no version) is refused") {
    TempDir dir;
    const std::string path = dir.file("other.db");
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE contacts (name TEXT)");
    }
    CHECK_THROWS_AS(Store{path}, Error);
    CHECK(scalar(path, "PRAGMA user_version") == 0);
}

TEST_CASE("a missing directory is an io error naming the path") {
    TempDir dir;
    const std::string path = dir.file("no/such/dir/x.db");
    try {
        Store store(path);
        FAIL("opened a file in a missing directory");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::io);
        CHECK(e.input() == path);
    }
}

TEST_CASE("an older file is upgraded in place with its rows kept") {
    TempDir dir;
    const std::string path = dir.file("old.db");
    const auto& shipped = store_detail::migrations();
    const std::vector<store_detail::Migration> first{shipped.front()};
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store_detail::migrate(db, path, first);
        db.exec("INSERT INTO article (title, body, sha256, imported_at) VALUES ('old', 'kept body', 'abc', 'then')");
    }
    CHECK(scalar(path, "PRAGMA user_version") == 1);

    std::vector<store_detail::Migration> next = shipped;
    next.push_back({shipped.back().version + 1, "999_test", "ALTER TABLE article ADD COLUMN note TEXT NOT NULL DEFAULT 'n';"});
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        store_detail::migrate(db, path, next);
    }
    CHECK(scalar(path, "PRAGMA user_version") == next.back().version);
    CHECK(scalar(path, "SELECT count(*) FROM article WHERE body = 'kept body' AND note = 'n'") == 1);
}

TEST_CASE("a failing migration leaves the file at its old version with nothing half-applied") {
    TempDir dir;
    const std::string path = dir.file("half.db");
    const auto& shipped = store_detail::migrations();
    { Store store(path); }
    std::vector<store_detail::Migration> next = shipped;
    const int version = shipped.back().version;
    next.push_back({version + 1, "998_good", "CREATE TABLE extra (x);"});
    next.push_back({version + 2, "999_bad", "ALTER TABLE no_such_table ADD COLUMN y;"});
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        CHECK_THROWS_AS(store_detail::migrate(db, path, next), Error);
    }
    CHECK(scalar(path, "PRAGMA user_version") == version);
    CHECK(scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'") == 0);
}

TEST_CASE("review rows can be neither updated nor deleted, even from plain SQL") {
    TempDir dir;
    const std::string path = dir.file("log.db");
    {
        Store store(path);
        const Id article = store.add_article(small_article("body"));
        Claim c;
        c.article = article;
        c.text = "body";
        c.span = {0, 4};
        Review r;
        r.claim = store.add_claim(c);
        r.status = Status::verified;
        store.record_review(r);
    }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    try {
        db.exec("UPDATE review SET status = 'disputed'");
        FAIL("a review row was updated");
    } catch (const SQLite::Exception& e) {
        CHECK(std::string(e.what()).find("append-only") != std::string::npos);
    }
    CHECK_THROWS_AS(db.exec("DELETE FROM review"), SQLite::Exception);
    CHECK(db.execAndGet("SELECT status FROM review").getString() == "verified");
    CHECK(db.execAndGet("SELECT status FROM claim_status").getString() == "verified");
}

TEST_CASE("a transaction not committed is rolled back; a committed one stays") {
    Store store(":memory:");
    {
        Store::Transaction tx(store);
        store.add_article(small_article("dropped"));
    }
    CHECK(store.articles().empty());
    {
        Store::Transaction tx(store);
        store.add_article(small_article("kept"));
        tx.commit();
    }
    REQUIRE(store.articles().size() == 1);
    CHECK(store.articles().front().body == "kept");
}

TEST_CASE("a reader reads what was committed, not what a writer holds in its transaction, and writes nothing") {
    CHECK_FALSE(Store(":memory:").reader());
    TempDir dir;
    Store store(dir.file("r.db"));
    store.add_article(small_article("committed"));
    Store::Transaction tx(store);
    store.add_article(small_article("pending"));
    auto reader = store.reader();
    REQUIRE(reader);
    REQUIRE(reader->articles().size() == 1);
    CHECK(reader->articles().front().body == "committed");
    CHECK(store.articles().size() == 2);
    CHECK_THROWS(reader->add_article(small_article("through the reader")));
    // What linking asks of a reader: the index's counts (a temporary table of its own) and search.
    CHECK(reader->passages_with("nvidia", false) == 0);
    CHECK(reader->indexed_passages() == 0);
    CHECK(reader->search_passages("nvidia", std::nullopt, 5).empty());
    tx.commit();
    CHECK(reader->articles().size() == 2);
}

TEST_CASE("two connections creating the same new file at once both succeed") {
    TempDir dir;
    const std::string path = dir.file("race.db");
    std::atomic<int> opened{0};
    auto open = [&] {
        try {
            Store store(path);
            if (store.version() == Store::latest_version()) ++opened;
        } catch (...) {
        }
    };
    std::thread a(open);
    std::thread b(open);
    a.join();
    b.join();
    CHECK(opened == 2);
    CHECK(scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'claim'") == 1);
}

TEST_CASE("opening waits for a writer that holds the file while it switches to WAL") {
    // SQLite skips the busy handler when waiting could deadlock: here the store
    // holds a read lock for the journal switch while another connection holds the
    // write lock. The store must wait for it, not fail with "database is locked".
    TempDir dir;
    const std::string path = dir.file("held.db");
    { Store created(path); }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
    }
    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    writer.exec("BEGIN IMMEDIATE");
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        writer.exec("COMMIT");
    });
    bool opened = false;
    std::string failure;
    try {
        Store store(path);
        opened = store.version() == Store::latest_version();
    } catch (const std::exception& e) {
        failure = e.what();
    }
    release.join();
    INFO(failure);
    CHECK(opened);
    SQLite::Database check(path, SQLite::OPEN_READONLY);
    CHECK(check.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("two connections writing reviews at once lose nothing") {
    TempDir dir;
    const std::string path = dir.file("shared.db");
    Id claim = 0;
    {
        Store store(path);
        const Id article = store.add_article(small_article("CEO是黄仁勋"));
        Claim c;
        c.article = article;
        c.kind = ClaimKind::role;
        c.text = "CEO是黄仁勋";
        c.span = {0, c.text.size()};
        claim = store.add_claim(c);
    }
    constexpr int k_each = 25;
    std::atomic<int> failures{0};
    auto writer = [&](const std::string& name) {
        try {
            Store store(path);
            for (int i = 0; i < k_each; ++i) {
                Store::Transaction tx(store);
                const Status current = store.claim(claim)->status;
                Review r;
                r.claim = claim;
                r.previous = current;
                r.status = i % 2 == 0 ? Status::verified : Status::unverifiable;
                r.reviewer = name;
                store.record_review(r);
                tx.commit();
            }
        } catch (...) {
            ++failures;
        }
    };
    std::thread a(writer, "ann");
    std::thread b(writer, "bob");
    a.join();
    b.join();
    CHECK(failures == 0);
    Store store(path);
    CHECK(store.history(claim).size() == 2 * k_each);
}

}  // TEST_SUITE
