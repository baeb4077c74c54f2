#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimtrack::warc {

// One WARC record: where it starts, its named fields and its content block.
struct Record {
    std::size_t offset = 0;
    std::vector<std::pair<std::string, std::string>> fields;
    std::string_view block;  // points into the data given to `parse_records`

    // Return the value of field `name` (case-insensitive), or "".
    std::string field(std::string_view name) const;
};

// Return the records of uncompressed WARC `data` (1.0 or 1.1). Stop with claimtrack::Error (input)
// naming `path` and the byte offset (followed by `origin`, e.g. " of the decompressed data").
std::vector<Record> parse_records(std::string_view data, const std::string& path, std::string_view origin);

}  // namespace claimtrack::warc
