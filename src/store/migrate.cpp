#include "store/migrate.hpp"

#include "store/store_impl.hpp"

#include <claimtrack/error.hpp>

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace claimtrack::store_detail {
namespace {

int latest_of(const std::vector<Migration>& list) { return list.empty() ? 0 : list.back().version; }

bool has_tables(SQLite::Database& db) {
    SQLite::Statement query(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    return query.executeStep() && query.getColumn(0).getInt64() > 0;
}

void refuse_foreign(SQLite::Database& db, const std::string& path, int version) {
    if (version == 0 && has_tables(db)) {
        throw Error(ErrorKind::input, path, "schema",
                    "not a claimtrack database (it has tables but no claimtrack schema version)");
    }
}

void run(SQLite::Database& db, const std::string& path, std::string_view name, std::string_view sql) {
    try {
        db.exec(std::string(sql));
    } catch (const SQLite::Exception& e) {
        throw Error(ErrorKind::io, path, "migration " + std::string(name), e.what());
    }
}

void apply(SQLite::Database& db, const std::string& path, const std::vector<Migration>& list,
           const std::optional<Schema>& fresh) {
    WriteScope write(db);
    // Read again under the write lock: another process may have migrated meanwhile.
    const int version = user_version(db, path);
    refuse_foreign(db, path, version);  // past it, version 0 means an empty file
    if (version == 0 && fresh && fresh->version == latest_of(list)) {
        run(db, path, "schema " + std::to_string(fresh->version), fresh->sql);
    } else {
        for (const Migration& migration : list) {
            if (migration.version > version) run(db, path, migration.name, migration.sql);
        }
    }
    SQLite::Statement problems(db, "PRAGMA foreign_key_check");
    if (problems.executeStep()) {
        throw Error(ErrorKind::io, path, "migration", "foreign keys broken in table " + column_text(problems, 0));
    }
    // PRAGMA takes no bound parameters; the number comes from our own embedded list.
    db.exec("PRAGMA user_version = " + std::to_string(latest_of(list)));
    write.commit();
}

}  // namespace

int user_version(SQLite::Database& db, const std::string& path) {
    try {
        SQLite::Statement query(db, "PRAGMA user_version");
        query.executeStep();
        return query.getColumn(0).getInt();
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) {
            throw Error(ErrorKind::input, path, "header", "not a claimtrack database (not an SQLite file)");
        }
        // A writer through the rollback journal (a large import) keeps readers out until it ends.
        if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) throw stayed_busy(path, "open");
        throw Error(ErrorKind::io, path, "open", e.what());
    }
}

void migrate(SQLite::Database& db, const std::string& path, const std::vector<Migration>& list,
             std::optional<Schema> fresh) {
    const int latest = latest_of(list);
    const int version = user_version(db, path);
    if (version > latest) {
        throw Error(ErrorKind::input, path, "schema version " + std::to_string(version),
                    "written by a newer claimtrack (this one knows up to " + std::to_string(latest) + ")");
    }
    if (version == latest) return;
    // Foreign keys are off while migrating so a later migration can rebuild a table;
    // foreign_key_check above stands in for them.
    db.exec("PRAGMA foreign_keys = OFF");
    try {
        apply(db, path, list, fresh);
    } catch (...) {
        db.exec("PRAGMA foreign_keys = ON");
        throw;
    }
    db.exec("PRAGMA foreign_keys = ON");
}

}  // namespace claimtrack::store_detail
