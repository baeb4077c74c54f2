#pragma once

#include <string>
#include <string_view>

namespace claimtrack::html::detail {

// Return the first string value of `key` in the JSON text `json` (the "name" of an object value,
// the first item of an array), unescaped; empty when absent. Tolerates broken JSON.
std::string json_value(std::string_view json, std::string_view key);

}  // namespace claimtrack::html::detail
