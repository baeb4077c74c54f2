// Write the schema a new database file is made at, at build time, from the migrations themselves:
// apply schema/NNN_*.sql in turn to an empty in-memory database and keep the SQL of every row of
// sqlite_schema they leave, in its order there (FTS5's shadow tables are left out: the virtual
// table makes them). Replaying the migrations in every new file parsed the whole schema again at
// each table they rebuilt and renamed, ~50M instructions per import; the result is the same every
// time. store_latest_schema_test checks a file made from it against a replayed one.
//
//   make_latest_schema OUT        writes OUT (a C++ file defining store_detail::latest_schema)
#include "store/migrations.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace {

using claimtrack::store_detail::migrations;

// The SQL that remakes the schema in `db`, one statement per sqlite_schema row; empty on error.
std::string schema_sql(sqlite3* db) {
    constexpr const char* k_rows =
        "SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL"
        " AND name NOT IN (SELECT name FROM pragma_table_list WHERE type = 'shadow') ORDER BY rowid";
    sqlite3_stmt* rows = nullptr;
    if (sqlite3_prepare_v2(db, k_rows, -1, &rows, nullptr) != SQLITE_OK) return {};
    std::string sql;
    while (sqlite3_step(rows) == SQLITE_ROW) {
        if (!sql.empty()) sql += '\n';
        sql += reinterpret_cast<const char*>(sqlite3_column_text(rows, 0));
        sql += ';';
    }
    sqlite3_finalize(rows);
    return sql;
}

int write_schema(const char* out_path) {
    sqlite3* db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        std::fprintf(stderr, "make_latest_schema: cannot open an in-memory database\n");
        return 1;
    }
    for (const auto& migration : migrations()) {
        char* error = nullptr;
        if (sqlite3_exec(db, std::string(migration.sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "make_latest_schema: %s: %s\n", std::string(migration.name).c_str(), error ? error : "failed");
            sqlite3_free(error);
            sqlite3_close(db);
            return 1;
        }
    }
    const std::string sql = schema_sql(db);
    sqlite3_close(db);
    if (sql.empty() || sql.find(")claimtrack_sql\"") != std::string::npos) {
        std::fprintf(stderr, "make_latest_schema: no schema to write\n");
        return 1;
    }
    std::ofstream out(out_path, std::ios::binary);
    out << "#include \"store/migrations.hpp\"\n\nnamespace claimtrack::store_detail {\n\n"
        << "Schema latest_schema() {\n    return {" << migrations().back().version << ", R\"claimtrack_sql(" << sql
        << ")claimtrack_sql\"};\n}\n\n}  // namespace claimtrack::store_detail\n";
    return out.good() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_latest_schema OUT\n");
        return 2;
    }
    return write_schema(argv[1]);
}
