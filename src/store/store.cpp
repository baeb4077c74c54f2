#include <claimtrack/store.hpp>

#include "store/migrate.hpp"
#include "store/migrations.hpp"
#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <utility>

namespace claimtrack {
namespace {

constexpr int k_busy_timeout_ms = 5000;
// SQLite's default 2 MB page cache makes a large passage index be read again and again from the
// file; 64 MB holds the index's upper levels and the common doclists. (A memory map of the file
// linked 1M passages no faster once search stopped joining four tables per hit, and its pages
// count in every connection's resident memory.)
constexpr const char* k_cache_pragma = "PRAGMA cache_size = -65536";
constexpr const char* k_page_size_pragma = "PRAGMA page_size = 16384";
// SQLite's default, for a bulk write that reads nothing back (see Store::BulkAppend).
constexpr const char* k_append_cache_pragma = "PRAGMA cache_size = -2000";
// A multi-row INSERT within a larger transaction keeps a statement journal, so that a row that
// fails undoes its own statement only. Past SQLite's default 64 KB that journal goes to a file in
// /var/tmp: for a 5 MB article, 70 MB written in 8,700 calls, each statement's pages once more.
// Our statements touch a few pages each; 4 MB keeps every one of them in memory.
constexpr int k_statement_journal_spill = 4 << 20;

bool in_memory(const std::string& path) { return path.empty() || path == ":memory:"; }

// Process-wide settings, made before SQLite first runs (afterwards SQLite refuses them, harmlessly:
// they only tune speed). The first Store is opened before any thread of ours uses SQLite.
void configure_sqlite() {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, k_statement_journal_spill);
        return true;
    }();
    (void)configured;
}

// Every connection is opened in SQLite's multi-thread mode (no mutex of its own): a connection is
// only ever used by one thread at a time (`link` gives each of its threads a reader of its own),
// and the mutex was taken and released by every bind and step, a tenth of an import's SQLite time.
// Refuse a file that holds bytes but not SQLite's header. SQLite takes a file shorter than its
// header for an empty database and writes a new one over it (a longer one it refuses itself).
void refuse_foreign_file(const std::string& path) {
    if (in_memory(path)) return;
    std::ifstream in(path, std::ios::binary);
    if (!in) return;  // not there yet, or unreadable: the open says which
    constexpr char k_header[16] = "SQLite format 3";  // with its NUL: the file's first 16 bytes
    char head[sizeof k_header] = {};
    in.read(head, sizeof head);
    if (in.gcount() == 0) return;  // an empty file is a new database
    if (in.gcount() < static_cast<std::streamsize>(sizeof head) || std::memcmp(head, k_header, sizeof head) != 0) {
        throw Error(ErrorKind::input, path, "header", "not a claimtrack database (not an SQLite file)");
    }
}

SQLite::Database open_database(const std::string& path, int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    configure_sqlite();
    refuse_foreign_file(path);
    try {
        return SQLite::Database(path, flags | SQLite::OPEN_NOMUTEX);
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::io, path, "open", e.what());
    }
}

bool busy(const SQLite::Exception& e) { return (e.getErrorCode() & 0xff) == SQLITE_BUSY; }

// Switching the journal holds a read lock while it waits for the write lock, so
// SQLite returns SQLITE_BUSY at once, without the busy handler, when another
// connection holds the write lock (waiting could deadlock). Retry until the busy
// timeout: the other connection finishes and the switch goes through.
void switch_to_wal(SQLite::Database& db, const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    for (;;) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception& e) {
            if (!busy(e)) throw Error(ErrorKind::io, path, "open", e.what());
            if (std::chrono::steady_clock::now() >= deadline) throw store_detail::stayed_busy(path, "lock");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

// Leave the WAL for a rollback journal if no other connection has the file open, and say whether
// it did. SQLite answers at once (SQLITE_BUSY, or the mode it kept) when another one has.
bool leave_wal(SQLite::Database& db) {
    try {
        SQLite::Statement pragma(db, "PRAGMA journal_mode = DELETE");
        return pragma.executeStep() && pragma.getColumn(0).getString() == "delete";
    } catch (const SQLite::Exception&) {
        return false;
    }
}

// Give a connection, writing or reading, the page cache and the rank function its searches use.
void prepare_for_search(SQLite::Database& db, const std::string& path) {
    try {
        db.exec(k_cache_pragma);
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::io, path, "open", e.what());
    }
    store_detail::register_rank(db, path);
}

}  // namespace

Store::Store(const std::string& path) : m_impl(new Impl{open_database(path), path, {}, false, {}}) {
    SQLite::Database& db = m_impl->db;
    db.setBusyTimeout(k_busy_timeout_ms);
    // A new file gets 16 KB pages rather than SQLite's 4 KB: an import writes tens of thousands of
    // rows in one go, and with four times fewer pages (and write calls, through the WAL and again at
    // the checkpoint) it takes about a tenth less time. SQLite ignores this for a file that exists.
    try {
        db.exec(k_page_size_pragma);
    } catch (const SQLite::Exception&) {
        // It only tunes speed; a file that is not a database is reported by the migration below.
    }
    // Migrate first: a file that is refused must not be touched, not even by the WAL switch.
    store_detail::migrate(db, path, store_detail::migrations(), store_detail::latest_schema());
    try {
        db.exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::io, path, "open", e.what());
    }
    prepare_for_search(db, path);
    if (!in_memory(path)) switch_to_wal(db, path);
}

Store::Store(ReadOnly, const std::string& path)
    : m_impl(new Impl{open_database(path, SQLite::OPEN_READONLY), path, {}, false, {}}) {
    SQLite::Database& db = m_impl->db;
    db.setBusyTimeout(k_busy_timeout_ms);
    if (version() != latest_version()) throw Error(ErrorKind::io, path, "open", "the schema changed while it was being read");
    prepare_for_search(db, path);
}

std::optional<Store> Store::reader() const {
    if (in_memory(m_impl->path)) return std::nullopt;
    return Store(ReadOnly{}, m_impl->path);
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

int Store::latest_version() {
    const auto& list = store_detail::migrations();
    return list.empty() ? 0 : list.back().version;
}

int Store::version() const { return store_detail::user_version(m_impl->db, m_impl->path); }

Store::BulkAppend::BulkAppend(Store& store) : m_store(&store) {
    Impl& impl = *m_store->m_impl;
    impl.db.exec(k_append_cache_pragma);
    // In the WAL, a write of more pages than the cache holds costs the pages three more times: its
    // frames are read back to checksum them again where a spilled page was written anew, and the
    // checkpoint at the end reads them once more and copies them into the file (5 MB article: 26 MB
    // of pages, 58 MB read back, about a tenth of the import's CPU). A rollback journal writes new
    // pages into the file once and keeps only the few old pages it changes. The WAL is left only
    // when this is the one connection to the file, so no reader loses its snapshot; one that opens
    // the file meanwhile waits for the import as for any writer (busy timeout), then reads as before.
    if (!in_memory(impl.path)) m_rollback_journal = leave_wal(impl.db);
}

Store::BulkAppend::~BulkAppend() {
    Impl& impl = *m_store->m_impl;
    try {
        impl.db.exec(k_cache_pragma);
    } catch (const SQLite::Exception&) {
        // The cache size only tunes speed; the connection works either way.
    }
    if (!m_rollback_journal) return;
    try {
        switch_to_wal(impl.db, impl.path);
    } catch (const Error&) {
        // Still a rollback journal: safe, and every Store that opens the file switches it back.
    }
}

Store::Transaction::Transaction(Store& store) : m_store(&store) {
    try {
        m_store->m_impl->db.exec("BEGIN IMMEDIATE");
    } catch (const SQLite::Exception& e) {
        if (busy(e)) throw store_detail::stayed_busy(m_store->m_impl->path, "lock");
        throw;
    }
}

Store::Transaction::~Transaction() {
    if (m_done) return;
    try {
        m_store->m_impl->db.exec("ROLLBACK");
    } catch (const SQLite::Exception&) {
        // SQLite already rolled back on its own (after an I/O error, for instance).
    }
}

void Store::Transaction::commit() {
    m_store->m_impl->db.exec("COMMIT");
    m_done = true;
}

}  // namespace claimtrack
