#pragma once

#include "store/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <vector>

// Opening and migrating a database file; kept apart from Store so tests can feed other migrations.
namespace claimtrack::store_detail {

// Return the `PRAGMA user_version` of `db`; stop with claimtrack::Error (input) naming `path`
// when the file is not an SQLite database.
int user_version(SQLite::Database& db, const std::string& path);

// Bring `db` (named `path` in errors) to the last of `list`: refuse a newer file or a file with
// foreign tables and no version, untouched; else apply every missing migration and set
// `user_version` in one transaction. An empty file is given `fresh` instead when it is at the
// last version of `list` (the same schema, made without replaying every step).
void migrate(SQLite::Database& db, const std::string& path, const std::vector<Migration>& list,
             std::optional<Schema> fresh = std::nullopt);

}  // namespace claimtrack::store_detail
