#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Code points with their byte offsets, shared by quote finding and re-anchoring.
namespace claimtrack::evidence::detail {

// The code points of UTF-8 text and where each starts; `offsets` has one more entry, the end.
struct CodePoints {
    std::u32string points;
    std::vector<std::size_t> offsets;
};

// Return the code points of `text` with their byte offsets (an invalid byte is U+FFFD).
CodePoints code_points_of(std::string_view text);

}  // namespace claimtrack::evidence::detail
