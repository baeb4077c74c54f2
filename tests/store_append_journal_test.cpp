#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>

#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

std::string journal_mode(const std::string& path) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA journal_mode").getString();
}

// An article and `count` claims, more than the 2 MB page cache an append keeps (so pages spill
// to the file before the commit).
Id write_article(Store& store, const std::string& sha, std::size_t count) {
    Article article;
    article.title = "t " + sha;
    article.body = std::string(200000, 'x');
    article.sha256 = sha;
    const Id id = store.add_article(article);
    std::vector<Claim> claims;
    for (std::size_t k = 0; k < count; ++k) {
        Claim c;
        c.article = id;
        c.kind = ClaimKind::quantity;
        c.text = "claim " + std::to_string(k) + std::string(150, 'y');
        c.span = {k, k + 1};
        c.fields["value"] = std::to_string(k);
        claims.push_back(c);
    }
    store.add_claims(claims);
    return id;
}

std::int64_t count_rows(const std::string& path, const std::string& table) {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace

TEST_SUITE("store: the append's journal") {

TEST_CASE("an append written alone goes through a rollback journal and leaves the file in WAL mode") {
    test::TempDir dir;
    const std::string path = dir.file("alone.db");
    {
        Store store(path);
        CHECK(journal_mode(path) == "wal");
        {
            const Store::BulkAppend append(store);
            Store::Transaction transaction(store);
            write_article(store, "a", 20000);
            // While the append runs, the rollback journal is in use.
            CHECK(std::filesystem::exists(path + "-journal"));
            transaction.commit();
        }
        CHECK_FALSE(std::filesystem::exists(path + "-journal"));
        CHECK(journal_mode(path) == "wal");
        // The same connection goes on writing in WAL mode.
        write_article(store, "b", 10);
    }
    CHECK(journal_mode(path) == "wal");
    CHECK(count_rows(path, "claim") == 20010);
    CHECK(count_rows(path, "article") == 2);
}

TEST_CASE("an append that fails leaves the file as it was, also through the rollback journal") {
    test::TempDir dir;
    const std::string path = dir.file("fails.db");
    {
        Store store(path);
        write_article(store, "before", 100);
    }
    {
        Store store(path);
        try {
            const Store::BulkAppend append(store);
            Store::Transaction transaction(store);
            write_article(store, "during", 30000);  // pages spill into the file itself
            throw std::runtime_error("the import stops here");
        } catch (const std::runtime_error&) {
        }
        CHECK(count_rows(path, "claim") == 100);
        CHECK(count_rows(path, "article") == 1);
    }
    CHECK(journal_mode(path) == "wal");
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

TEST_CASE("with a reader open, the append stays in the WAL and the reader keeps its snapshot") {
    test::TempDir dir;
    const std::string path = dir.file("shared.db");
    Store store(path);
    write_article(store, "first", 10);
    SQLite::Database reader(path, SQLite::OPEN_READONLY);
    SQLite::Transaction snapshot(reader);  // a read transaction held over the whole append
    CHECK(reader.execAndGet("SELECT count(*) FROM claim").getInt64() == 10);
    {
        const Store::BulkAppend append(store);
        Store::Transaction transaction(store);
        CHECK(std::filesystem::exists(path + "-wal"));
        write_article(store, "second", 20000);
        CHECK_FALSE(std::filesystem::exists(path + "-journal"));
        transaction.commit();
    }
    CHECK(reader.execAndGet("SELECT count(*) FROM claim").getInt64() == 10);
    snapshot.commit();
    CHECK(reader.execAndGet("SELECT count(*) FROM claim").getInt64() == 20010);
    CHECK(journal_mode(path) == "wal");
}

TEST_CASE("a file held by a writer through its rollback journal is refused after the busy wait, saying why") {
    test::TempDir dir;
    const std::string path = dir.file("held.db");
    { Store store(path); }
    SQLite::Database writer(path, SQLite::OPEN_READWRITE);
    writer.exec("PRAGMA journal_mode = DELETE");
    writer.exec("BEGIN EXCLUSIVE");
    std::string message;
    try {
        Store store(path);
    } catch (const Error& e) {
        message = e.what();
    }
    CHECK(message.find("another claimtrack is writing to it") != std::string::npos);
    writer.exec("ROLLBACK");
    Store store(path);  // free again
}

}  // TEST_SUITE
