#include <claimtrack/store.hpp>

#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

namespace claimtrack {

using namespace store_detail;

namespace {

constexpr const char* k_article_columns =
    "SELECT id, title, date, language, format, origin, body, sha256, imported_at FROM article ";
// The same columns but the body, which may be large, read as ''.
constexpr const char* k_header_columns =
    "SELECT id, title, date, language, format, origin, '', sha256, imported_at FROM article ";

Article article_at(const SQLite::Statement& row) {
    Article a;
    a.id = row.getColumn(0).getInt64();
    a.title = column_text(row, 1);
    a.date = column_text(row, 2);
    a.language = column_text(row, 3);
    a.format = column_text(row, 4);
    a.origin = column_text(row, 5);
    a.body = column_text(row, 6);
    a.sha256 = column_text(row, 7);
    a.imported_at = column_text(row, 8);
    return a;
}

enum class Parts { all, sources };

// Fill the paragraphs (unless only sources are asked for) and cited sources of `a` from their tables.
void load_parts(SQLite::Database& db, Article& a, Parts parts = Parts::all) {
    if (parts == Parts::all) {
        SQLite::Statement paragraphs(db, "SELECT start, end, kind FROM paragraph WHERE article = ? ORDER BY idx");
        paragraphs.bind(1, a.id);
        while (paragraphs.executeStep()) {
            a.paragraphs.push_back(Paragraph{{size(paragraphs, 0), size(paragraphs, 1)}, paragraph_kind_at(paragraphs, 2)});
        }
    }
    SQLite::Statement sources(db,
                              "SELECT s.url, c.title, c.position FROM citation c JOIN source s ON s.id = c.source "
                              "WHERE c.article = ? ORDER BY c.position, s.id");
    sources.bind(1, a.id);
    while (sources.executeStep()) {
        a.sources.push_back(CitedSource{column_text(sources, 0), column_text(sources, 1), sources.getColumn(2).getInt()});
    }
}

// Insert the row of `a`; its body is given whole, or as `body_size` bytes reserved (a zeroblob).
Id insert_article(SQLite::Database& db, const Article& a, std::optional<std::size_t> body_size = std::nullopt) {
    SQLite::Statement insert(db, std::string("INSERT INTO article (title, date, language, format, origin, body, sha256, imported_at) "
                                             "VALUES (?, ?, ?, ?, ?, ") +
                                     (body_size ? "zeroblob(?)" : "?") + ", ?, ?)");
    bind_text(insert, 1, a.title);
    bind_text(insert, 2, a.date);
    bind_text(insert, 3, a.language.empty() ? std::string("und") : a.language);
    bind_text(insert, 4, a.format.empty() ? std::string("text") : a.format);
    bind_text(insert, 5, a.origin);
    if (body_size) {
        insert.bind(6, static_cast<std::int64_t>(*body_size));
    } else {
        // The UTF-8 bytes as a BLOB, as a streamed import writes them: claim spans are byte offsets, which
        // substr() counts in a BLOB. Not copied again; `a` outlives the statement.
        insert.bindNoCopy(6, static_cast<const void*>(a.body.data()), static_cast<int>(a.body.size()));
    }
    bind_text(insert, 7, a.sha256);
    bind_text(insert, 8, a.imported_at.empty() ? now_iso8601() : a.imported_at);
    insert.exec();
    return db.getLastInsertRowid();
}

// Paragraphs per multi-row INSERT (a long article has tens of thousands): one statement run for
// many rows saves a step and a reset per paragraph.
constexpr std::size_t k_paragraph_batch = 64;

std::string paragraph_insert_sql(std::size_t rows) {
    return insert_rows_sql("INSERT INTO paragraph (article, idx, start, end, kind) VALUES ", "(?, ?, ?, ?, ?)", rows);
}

// Insert `count` paragraphs, the k-th being `at(k)` as {index, paragraph}, with the impl's cached
// statements: a streamed import adds its paragraphs a few hundred at a time, and preparing the
// statements for each of those calls cost as much as running them.
template <typename At>
void insert_paragraphs(Store::Impl& impl, Id article, std::size_t count, At at) {
    if (count == 0) return;
    static const std::string k_batch_sql = paragraph_insert_sql(k_paragraph_batch);
    static const std::string k_one_sql = paragraph_insert_sql(1);
    std::optional<CachedStatement> batch;
    if (count >= k_paragraph_batch) batch.emplace(impl, k_batch_sql);
    const CachedStatement one(impl, k_one_sql);
    std::size_t k = 0;
    while (k < count) {
        const bool full = count - k >= k_paragraph_batch;
        SQLite::Statement& insert = full ? **batch : *one;
        const std::size_t rows = full ? k_paragraph_batch : 1;
        int column = 1;
        for (std::size_t row = 0; row < rows; ++row, ++k) {
            const auto [index, p] = at(k);
            insert.bind(column++, article);
            bind_size(insert, column++, index);
            bind_size(insert, column++, p.span.start);
            bind_size(insert, column++, p.span.end);
            insert.bindNoCopy(column++, lasting_name(p.kind));
        }
        insert.exec();
        insert.reset();
    }
}

void insert_paragraphs(Store::Impl& impl, Id article, const std::vector<Paragraph>& paragraphs) {
    insert_paragraphs(impl, article, paragraphs.size(),
                      [&](std::size_t k) { return std::pair<std::size_t, const Paragraph&>(k, paragraphs[k]); });
}

// Store each cited URL once and link it to `article`; a URL cited twice keeps its first citation.
void insert_citations(SQLite::Database& db, Id article, const std::vector<CitedSource>& sources) {
    SQLite::Statement add_source(db, "INSERT INTO source (url) VALUES (?) ON CONFLICT (url) DO NOTHING");
    SQLite::Statement find_source(db, "SELECT id FROM source WHERE url = ?");
    SQLite::Statement cite(db,
                           "INSERT INTO citation (article, source, title, position) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (article, source) DO NOTHING");
    for (const CitedSource& s : sources) {
        bind_text(add_source, 1, s.url);
        add_source.exec();
        add_source.reset();
        bind_text(find_source, 1, s.url);
        find_source.executeStep();
        const Id source = find_source.getColumn(0).getInt64();
        find_source.reset();
        cite.bind(1, article);
        cite.bind(2, source);
        bind_text(cite, 3, s.title);
        cite.bind(4, s.position);
        cite.exec();
        cite.reset();
    }
}

}  // namespace

Id Store::add_article(const Article& article) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    const Id id = insert_article(db, article);
    insert_paragraphs(*m_impl, id, article.paragraphs);
    insert_citations(db, id, article.sources);
    write.commit();
    return id;
}

void Store::add_paragraphs(Id article, std::span<const NumberedParagraph> paragraphs) {
    WriteScope write(m_impl->db);
    insert_paragraphs(*m_impl, article, paragraphs.size(), [&](std::size_t k) {
        return std::pair<std::size_t, const Paragraph&>(paragraphs[k].index, paragraphs[k].paragraph);
    });
    write.commit();
}

namespace {

constexpr std::size_t k_body_buffer = 1 << 20;

}  // namespace

Store::BodyWriter::BodyWriter(Store& store, const Article& article, std::size_t body_size)
    : m_store(&store), m_size(body_size) {
    SQLite::Database& db = store.m_impl->db;
    if (body_size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
        throw Error(ErrorKind::input, article.origin, "body", "larger than 2 GB, the most one article can hold");
    }
    WriteScope write(db);
    m_article = insert_article(db, article, body_size);
    insert_citations(db, m_article, article.sources);
    write.commit();
    m_buffer.reserve(std::min(body_size, k_body_buffer));
}

Store::BodyWriter::~BodyWriter() {
    if (m_blob != nullptr) sqlite3_blob_close(m_blob);  // unfinished: the transaction rolls it back
}

void Store::BodyWriter::write(std::string_view bytes) {
    if (bytes.size() > m_size - m_written - m_buffer.size()) {
        throw Error(ErrorKind::io, m_store->m_impl->path, "article body", "more text than was reserved");
    }
    if (m_buffer.size() + bytes.size() > k_body_buffer) flush();
    if (bytes.size() >= k_body_buffer) {
        write_blob(bytes);  // a long line goes through at once
        return;
    }
    m_buffer += bytes;
}

// The blob is opened for each piece unless held open: an open blob counts as a statement in
// progress, and the savepoints of the paragraph and claim writes in between would be refused.
void Store::BodyWriter::write_blob(std::string_view bytes) {
    sqlite3* db = m_store->m_impl->db.getHandle();
    int rc = SQLITE_OK;
    if (m_blob == nullptr) rc = sqlite3_blob_open(db, "main", "article", "body", m_article, 1, &m_blob);
    if (rc == SQLITE_OK) rc = sqlite3_blob_write(m_blob, bytes.data(), static_cast<int>(bytes.size()), static_cast<int>(m_written));
    const std::string reason = rc == SQLITE_OK ? std::string() : sqlite3_errmsg(db);
    const int closed = rc != SQLITE_OK || !m_hold ? sqlite3_blob_close(m_blob) : SQLITE_OK;
    if (rc != SQLITE_OK || !m_hold) m_blob = nullptr;
    if (rc != SQLITE_OK || closed != SQLITE_OK) {
        throw Error(ErrorKind::io, m_store->m_impl->path, "article body", reason.empty() ? sqlite3_errstr(closed) : reason);
    }
    m_written += bytes.size();
}

void Store::BodyWriter::close_blob() {
    if (m_blob == nullptr) return;
    const int closed = sqlite3_blob_close(m_blob);
    m_blob = nullptr;
    if (closed != SQLITE_OK) throw Error(ErrorKind::io, m_store->m_impl->path, "article body", sqlite3_errstr(closed));
}

void Store::BodyWriter::flush() {
    if (m_buffer.empty()) return;
    write_blob(m_buffer);
    m_buffer.clear();
}

void Store::BodyWriter::finish() {
    flush();
    close_blob();
    if (m_written != m_size) {
        throw Error(ErrorKind::io, m_store->m_impl->path, "article body", "less text than was reserved");
    }
}

bool Store::has_article(Id id) const {
    SQLite::Statement query(m_impl->db, "SELECT 1 FROM article WHERE id = ?");
    query.bind(1, id);
    return query.executeStep();
}

std::optional<Id> Store::find_article_by_sha256(std::string_view sha256) const {
    SQLite::Statement query(m_impl->db, "SELECT id FROM article WHERE sha256 = ?");
    bind_text(query, 1, sha256);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

std::optional<Article> Store::article(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_article_columns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    Article a = article_at(query);
    load_parts(m_impl->db, a);
    return a;
}

std::vector<Article> Store::articles() const {
    SQLite::Statement query(m_impl->db, std::string(k_article_columns) + "ORDER BY id");
    std::vector<Article> list;
    while (query.executeStep()) list.push_back(article_at(query));
    for (Article& a : list) load_parts(m_impl->db, a);
    return list;
}

std::optional<Article> Store::article_header(Id id) const {
    SQLite::Statement query(m_impl->db, std::string(k_header_columns) + "WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    Article a = article_at(query);
    load_parts(m_impl->db, a, Parts::sources);
    return a;
}

std::vector<Article> Store::article_headers() const {
    SQLite::Statement query(m_impl->db, std::string(k_header_columns) + "ORDER BY id");
    std::vector<Article> list;
    while (query.executeStep()) list.push_back(article_at(query));
    for (Article& a : list) load_parts(m_impl->db, a, Parts::sources);
    return list;
}

std::optional<Id> Store::latest_article() const {
    SQLite::Statement query(m_impl->db, "SELECT max(id) FROM article");
    query.executeStep();
    return optional_int(query, 0);
}

std::vector<SourceRow> Store::sources(std::optional<Id> article) const {
    SQLite::Statement query(m_impl->db,
                            "SELECT s.id, c.article, s.url, c.title, c.position, "
                            "       n.http_status, n.fetched_at, n.error, n.outcome, n.final_url "
                            "FROM citation c JOIN source s ON s.id = c.source "
                            "LEFT JOIN snapshot n ON n.id = (SELECT max(x.id) FROM snapshot x WHERE x.source = s.id) "
                            "WHERE ?1 IS NULL OR c.article = ?1 "
                            "ORDER BY c.article, c.position, s.id");
    bind_optional(query, 1, article);
    std::vector<SourceRow> rows;
    while (query.executeStep()) {
        SourceRow row;
        row.id = query.getColumn(0).getInt64();
        row.article = query.getColumn(1).getInt64();
        row.url = column_text(query, 2);
        row.title = column_text(query, 3);
        row.position = query.getColumn(4).getInt();
        if (const auto status = optional_int(query, 5)) row.http_status = static_cast<int>(*status);
        row.fetched_at = column_text(query, 6);
        row.error = column_text(query, 7);
        row.outcome = column_text(query, 8);
        row.final_url = column_text(query, 9);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::optional<Id> Store::find_source(std::string_view url) const {
    SQLite::Statement query(m_impl->db, "SELECT id FROM source WHERE url = ?");
    bind_text(query, 1, url);
    if (!query.executeStep()) return std::nullopt;
    return query.getColumn(0).getInt64();
}

Id Store::add_citation(Id article, std::string_view url, std::string_view title) {
    SQLite::Database& db = m_impl->db;
    WriteScope write(db);
    SQLite::Statement add_source(db, "INSERT INTO source (url) VALUES (?) ON CONFLICT (url) DO NOTHING");
    bind_text(add_source, 1, url);
    add_source.exec();
    const Id source = *find_source(url);
    SQLite::Statement cite(db,
                           "INSERT INTO citation (article, source, title, position) "
                           "SELECT ?1, ?2, ?3, coalesce(max(position), 0) + 1 FROM citation WHERE article = ?1 "
                           "ON CONFLICT (article, source) DO NOTHING");
    cite.bind(1, article);
    cite.bind(2, source);
    bind_text(cite, 3, title);
    cite.exec();
    write.commit();
    return source;
}

}  // namespace claimtrack
