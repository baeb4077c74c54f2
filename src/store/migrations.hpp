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

}  // namespace claimtrack::store_detail
