#pragma once

#include <claimtrack/error.hpp>
#include <claimtrack/model.hpp>
#include <claimtrack/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Internals shared by the store's .cpp files: the open connection and small binding helpers.
namespace claimtrack {

struct Store::Impl {
    SQLite::Database db;
    std::string path;
    // Statements of the hot paths by their SQL text, prepared once and reused (declared after
    // `db`: finalized first). Use them through `store_detail::CachedStatement`.
    std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements;
    bool vocabulary = false;  // temp.passage_vocab made on this connection
    // What searches learnt of snapshots, for one article (or all), while nothing was written.
    struct SnapshotFacts {
        Id source = 0;
        std::string url;
        std::string title;
        bool searched = false;  // the latest of its source with passages, and cited by the article
    };
    struct FactsCache {
        std::optional<Id> article;
        std::int64_t data_version = -1;
        std::int64_t changes = -1;
        std::unordered_map<Id, SnapshotFacts> snapshots;
    };
    FactsCache facts;
};

namespace store_detail {

// Make claimtrack_rank (see rank.cpp) known to the connection; stop with claimtrack::Error
// naming `path` when SQLite has no FTS5.
void register_rank(SQLite::Database& db, const std::string& path);

// The statement `sql` of the impl's cache (prepared on first use), reset and cleared of bindings
// when the scope ends so it holds no read snapshot and no stale values between calls.
class CachedStatement {
public:
    CachedStatement(Store::Impl& impl, std::string_view sql);
    ~CachedStatement();
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    SQLite::Statement& operator*() const { return *m_statement; }
    SQLite::Statement* operator->() const { return m_statement; }

private:
    SQLite::Statement* m_statement;
};

// A write scope: BEGIN IMMEDIATE when no transaction is open, else a savepoint inside it;
// rolled back unless `commit` is called.
class WriteScope {
public:
    explicit WriteScope(SQLite::Database& db);
    ~WriteScope();
    WriteScope(const WriteScope&) = delete;
    WriteScope& operator=(const WriteScope&) = delete;
    void commit();

private:
    SQLite::Database& m_db;
    bool m_outer;
    bool m_done = false;
};

// The error for a file another connection kept locked past the busy timeout, at `place` ("open", "lock").
Error stayed_busy(const std::string& path, const std::string& place);

// Return column `index` of the current row as bytes ("" for NULL).
std::string column_text(const SQLite::Statement& statement, int index);

// Return column `index` as an optional integer (nothing for NULL).
std::optional<std::int64_t> optional_int(const SQLite::Statement& statement, int index);

// Return column `index` as a size (negative and NULL become 0).
std::size_t size(const SQLite::Statement& statement, int index);

// Bind `value` at `index`; `bind_optional` binds NULL for nothing.
void bind_text(SQLite::Statement& statement, int index, std::string_view value);

// Return `insert` (an "INSERT INTO t (...) VALUES " prefix) followed by `rows` copies of `row`
// ("(?, ?)"), comma-separated: one statement that writes many rows.
std::string insert_rows_sql(std::string_view insert, std::string_view row, std::size_t rows);
void bind_size(SQLite::Statement& statement, int index, std::size_t value);
void bind_optional(SQLite::Statement& statement, int index, std::optional<std::int64_t> value);

// Return the name of `kind` (or `origin`) in a string that lasts as long as the program, to be
// bound without a copy.
const std::string& lasting_name(ClaimKind kind);
const std::string& lasting_name(Origin origin);
const std::string& lasting_name(ParagraphKind kind);

// Return `fields` as a JSON object of strings, and back (via SQLite's json_each).
std::string fields_to_json(const std::map<std::string, std::string>& fields);
std::map<std::string, std::string> fields_from_json(Store::Impl& impl, const std::string& json);

// The fields of many claims as JSON objects (as `fields_to_json` writes them), one after the
// other in one buffer: one allocation for a batch instead of one per claim.
class FieldsJson {
public:
    explicit FieldsJson(std::span<const Claim> claims);
    // Return the object of claim `k`, NUL-terminated (to be bound without a copy).
    const char* operator[](std::size_t k) const;

private:
    std::string m_text;                 // the objects, each followed by a NUL
    std::vector<std::size_t> m_starts;  // where each object starts in m_text
};
// Return the enum named by column `index`; stop with claimtrack::Error (input) for an unknown name.
ClaimKind claim_kind_at(const SQLite::Statement& statement, int index);
Status status_at(const SQLite::Statement& statement, int index);
Stance stance_at(const SQLite::Statement& statement, int index);
ParagraphKind paragraph_kind_at(const SQLite::Statement& statement, int index);

Origin origin_at(const SQLite::Statement& statement, int index);

}  // namespace store_detail
}  // namespace claimtrack
