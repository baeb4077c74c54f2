#pragma once

#include <string_view>
#include <vector>

namespace claimtrack::store_detail {

struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

// Return the embedded schema/NNN_*.sql migrations, oldest first.
const std::vector<Migration>& migrations();

// A whole schema at one version, as SQL that makes it in an empty file.
struct Schema {
    int version;
    std::string_view sql;
};

// Return the schema the migrations end at, for a new file to be made at once.
Schema latest_schema();

}  // namespace claimtrack::store_detail
