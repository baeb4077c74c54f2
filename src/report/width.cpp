#include "report/shared.hpp"

#include <string>

namespace claimtrack::report::detail {

namespace {

struct Char {
    char32_t code = 0;
    std::size_t bytes = 1;
};

// Read the code point at `pos` of UTF-8 `s` (an invalid byte reads as itself, one byte long).
Char read(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (len == 1 || pos + len > s.size()) return {c, 1};
    char32_t code = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) code = (code << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3Fu);
    return {code, len};
}

std::size_t columns_of(char32_t c) {
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) || (c >= 0x20000 && c <= 0x3FFFD);
    const bool zero = (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F);
    return zero ? 0 : wide ? 2 : 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Char ch = read(text, pos);
        width += columns_of(ch.code);
        pos += ch.bytes;
    }
    return width;
}

std::string clip(std::string_view text, std::size_t columns) {
    std::string flat;
    // Control characters (line breaks, terminal escapes) in article or source text become spaces.
    for (char c : text) flat += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    if (display_width(flat) <= columns) return flat;
    std::string out;
    std::size_t width = 0;
    for (std::size_t pos = 0; pos < flat.size();) {
        const Char ch = read(flat, pos);
        const std::size_t w = columns_of(ch.code);
        if (width + w + 1 > columns) break;
        out.append(flat, pos, ch.bytes);
        width += w;
        pos += ch.bytes;
    }
    return out + "…";
}

std::string pad(std::string_view text, std::size_t columns) {
    std::string out(text);
    const std::size_t width = display_width(text);
    if (width < columns) out.append(columns - width, ' ');
    return out;
}

}  // namespace claimtrack::report::detail
