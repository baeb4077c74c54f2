#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

namespace claimtrack::store_detail {

WriteScope::WriteScope(SQLite::Database& db) : m_db(db), m_outer(sqlite3_get_autocommit(db.getHandle()) != 0) {
    m_db.exec(m_outer ? "BEGIN IMMEDIATE" : "SAVEPOINT claimtrack_write");
}

WriteScope::~WriteScope() {
    if (m_done) return;
    try {
        if (m_outer) {
            m_db.exec("ROLLBACK");
        } else {
            m_db.exec("ROLLBACK TO claimtrack_write");
            m_db.exec("RELEASE claimtrack_write");
        }
    } catch (const SQLite::Exception&) {
        // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
    }
}

void WriteScope::commit() {
    m_db.exec(m_outer ? "COMMIT" : "RELEASE claimtrack_write");
    m_done = true;
}

Error stayed_busy(const std::string& path, const std::string& place) {
    return Error(ErrorKind::io, path, place,
                 "the database stayed busy (another claimtrack is writing to it); try again when it is done");
}

CachedStatement::CachedStatement(Store::Impl& impl, std::string_view sql) {
    auto found = impl.statements.find(sql);
    if (found == impl.statements.end()) {
        auto prepared = std::make_unique<SQLite::Statement>(impl.db, std::string(sql));
        found = impl.statements.emplace(std::string(sql), std::move(prepared)).first;
    }
    m_statement = found->second.get();
}

CachedStatement::~CachedStatement() {
    try {
        m_statement->reset();
        m_statement->clearBindings();
    } catch (const SQLite::Exception&) {
        // reset repeats the last step's error, already reported to the caller.
    }
}

std::string column_text(const SQLite::Statement& statement, int index) {
    const SQLite::Column column = statement.getColumn(index);
    if (column.isNull()) return {};
    // Read the bytes before asking for their size, as SQLite advises.
    const auto* data = static_cast<const char*>(column.getBlob());
    const int bytes = column.getBytes();
    if (data == nullptr || bytes <= 0) return {};
    return std::string(data, static_cast<std::size_t>(bytes));
}

std::optional<std::int64_t> optional_int(const SQLite::Statement& statement, int index) {
    const SQLite::Column column = statement.getColumn(index);
    if (column.isNull()) return std::nullopt;
    return column.getInt64();
}

std::size_t size(const SQLite::Statement& statement, int index) {
    const std::int64_t value = statement.getColumn(index).getInt64();
    return value < 0 ? 0 : static_cast<std::size_t>(value);
}

void bind_text(SQLite::Statement& statement, int index, std::string_view value) {
    statement.bind(index, std::string(value));
}

void bind_size(SQLite::Statement& statement, int index, std::size_t value) {
    statement.bind(index, static_cast<std::int64_t>(value));
}

void bind_optional(SQLite::Statement& statement, int index, std::optional<std::int64_t> value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

namespace {

constexpr bool needs_escape(unsigned char byte) { return byte < 0x20 || byte == '"' || byte == '\\'; }

constexpr std::size_t k_word = sizeof(std::uint64_t);

// Return whether one of the eight bytes at `at` is below 0x20, a '"' or a '\\'.
bool word_needs_escape(const char* at) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
    const auto zero_byte = [](std::uint64_t word) { return (word - k_ones) & ~word & k_highs; };
    std::uint64_t word = 0;
    std::memcpy(&word, at, k_word);
    const std::uint64_t below_space = (word - k_ones * 0x20) & ~word & k_highs;
    return (below_space | zero_byte(word ^ (k_ones * '"')) | zero_byte(word ^ (k_ones * '\\'))) != 0;
}

// Return where the first byte at or after `from` that JSON must escape is in `value`, or its size.
// Eight bytes are tested at once, the last ones as the word that ends `value`; then one by one
// from the first word that has one.
std::size_t next_escape(std::string_view value, std::size_t from) {
    std::size_t i = from;
    if (value.size() >= k_word) {
        while (value.size() - i >= k_word && !word_needs_escape(value.data() + i)) i += k_word;
        if (value.size() - i < k_word && !word_needs_escape(value.data() + value.size() - k_word)) return value.size();
    }
    for (; i < value.size(); ++i) {
        if (needs_escape(static_cast<unsigned char>(value[i]))) return i;
    }
    return value.size();
}

// Append `value` as a JSON string. The bytes between the ones that need escaping go in as one run:
// appended a byte at a time they cost most of a claim's JSON.
constexpr std::array<char, 16> k_hex{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

void append_json_string(std::string& out, std::string_view value) {
    out += '"';
    std::size_t run = 0;
    for (std::size_t i = next_escape(value, 0); i < value.size(); i = next_escape(value, run)) {
        out.append(value.data() + run, i - run);
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte < 0x20) {
            const std::array<char, 6> escaped{'\\', 'u', '0', '0', k_hex[byte >> 4], k_hex[byte & 0x0f]};
            out.append(escaped.data(), escaped.size());
        } else {
            const std::array<char, 2> escaped{'\\', value[i]};
            out.append(escaped.data(), escaped.size());
        }
        run = i + 1;
    }
    out.append(value.data() + run, value.size() - run);
    out += '"';
}

// 1 for each byte a JSON string must escape.
constexpr std::array<unsigned char, 256> k_escapes = [] {
    std::array<unsigned char, 256> out{};
    for (std::size_t b = 0; b < out.size(); ++b) out[b] = needs_escape(static_cast<unsigned char>(b)) ? 1 : 0;
    return out;
}();

// True when no byte of `value` needs escaping: whole words tested at once, the few bytes left
// looked up (a key or value is mostly a handful of bytes, where next_escape's setting up cost
// more than the test).
bool is_plain(std::string_view value) {
    const char* at = value.data();
    std::size_t left = value.size();
    for (; left >= k_word; at += k_word, left -= k_word) {
        if (word_needs_escape(at)) return false;
    }
    unsigned bad = 0;
    for (; left > 0; ++at, --left) bad |= k_escapes[static_cast<unsigned char>(*at)];
    return bad == 0;
}

// Append `text` at `to` and return the end.
char* put(char* to, std::string_view text) {
    std::memcpy(to, text.data(), text.size());
    return to + text.size();
}

// Append `fields` as a JSON object of strings to `out`.
void append_fields_json(std::string& out, const std::map<std::string, std::string>& fields) {
    std::size_t bytes = 2;
    bool plain = true;  // no key or value needs escaping: the usual case
    for (const auto& [key, value] : fields) {
        bytes += key.size() + value.size() + 6;  // quotes, ':' and ','
        plain = plain && is_plain(key) && is_plain(value);
    }
    if (plain) {
        // Written in place, its size known: appending its eight or so pieces one by one, each
        // checking the capacity, cost more than the bytes themselves.
        if (!fields.empty()) bytes -= 1;  // one ',' fewer than fields
        const std::size_t start = out.size();
        out.resize(start + bytes);
        char* at = out.data() + start;
        *at++ = '{';
        for (const auto& [key, value] : fields) {
            if (at != out.data() + start + 1) *at++ = ',';
            *at++ = '"';
            at = put(at, key);
            *at++ = '"';
            *at++ = ':';
            *at++ = '"';
            at = put(at, value);
            *at++ = '"';
        }
        *at = '}';
        return;
    }
    out.reserve(out.size() + bytes);
    out += '{';
    bool first = true;
    for (const auto& [key, value] : fields) {
        if (!first) out += ',';
        first = false;
        append_json_string(out, key);
        out += ':';
        append_json_string(out, value);
    }
    out += '}';
}

template <typename E>
E enum_at(const SQLite::Statement& statement, int index, std::optional<E> (*from)(std::string_view),
          const char* what) {
    const std::string name = column_text(statement, index);
    if (const auto value = from(name)) return *value;
    throw Error(ErrorKind::input, "database", what, "unknown value '" + name + "'");
}

}  // namespace

std::string fields_to_json(const std::map<std::string, std::string>& fields) {
    std::string out;
    append_fields_json(out, fields);
    return out;
}

FieldsJson::FieldsJson(std::span<const Claim> claims) {
    m_starts.reserve(claims.size());
    for (const Claim& claim : claims) {
        m_starts.push_back(m_text.size());
        append_fields_json(m_text, claim.fields);
        m_text += '\0';  // the JSON has none of its own: it escapes control characters
    }
}

const char* FieldsJson::operator[](std::size_t k) const { return m_text.data() + m_starts[k]; }

std::map<std::string, std::string> fields_from_json(Store::Impl& impl, const std::string& json) {
    std::map<std::string, std::string> fields;
    if (json.empty() || json == "{}") return fields;
    // Cached: a listing of many claims would otherwise prepare it once per claim.
    const CachedStatement query(impl, "SELECT key, value FROM json_each(?)");
    query->bind(1, json);
    while (query->executeStep()) fields.emplace(column_text(*query, 0), column_text(*query, 1));
    return fields;
}

ClaimKind claim_kind_at(const SQLite::Statement& statement, int index) {
    return enum_at<ClaimKind>(statement, index, &claim_kind_from, "claim kind");
}

Status status_at(const SQLite::Statement& statement, int index) {
    return enum_at<Status>(statement, index, &status_from, "status");
}

Stance stance_at(const SQLite::Statement& statement, int index) {
    return enum_at<Stance>(statement, index, &stance_from, "stance");
}

ParagraphKind paragraph_kind_at(const SQLite::Statement& statement, int index) {
    return enum_at<ParagraphKind>(statement, index, &paragraph_kind_from, "paragraph kind");
}

Origin origin_at(const SQLite::Statement& statement, int index) {
    return enum_at<Origin>(statement, index, &origin_from, "origin");
}

const std::string& lasting_name(ClaimKind kind) {
    static const std::array<std::string, 5> k_names{
        std::string(to_string(ClaimKind::quantity)), std::string(to_string(ClaimKind::role)),
        std::string(to_string(ClaimKind::quote)), std::string(to_string(ClaimKind::event)),
        std::string(to_string(ClaimKind::comparison))};
    return k_names.at(static_cast<std::size_t>(kind));
}

const std::string& lasting_name(Origin origin) {
    static const std::array<std::string, 2> k_names{std::string(to_string(Origin::automatic)),
                                                    std::string(to_string(Origin::manual))};
    return k_names.at(static_cast<std::size_t>(origin));
}

const std::string& lasting_name(ParagraphKind kind) {
    static const std::array<std::string, 4> k_names{
        std::string(to_string(ParagraphKind::text)), std::string(to_string(ParagraphKind::title)),
        std::string(to_string(ParagraphKind::noise)), std::string(to_string(ParagraphKind::source_list))};
    return k_names.at(static_cast<std::size_t>(kind));
}

std::string insert_rows_sql(std::string_view insert, std::string_view row, std::size_t rows) {
    std::string sql(insert);
    for (std::size_t k = 0; k < rows; ++k) {
        if (k > 0) sql += ", ";
        sql += row;
    }
    return sql;
}

}  // namespace claimtrack::store_detail
