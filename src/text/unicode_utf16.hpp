#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <string_view>
#include <vector>

// ICU works in UTF-16; our spans are UTF-8 byte offsets. This keeps the two in step.
namespace claimtrack::text::detail {

struct Utf16Text {
    icu::UnicodeString units;
    std::vector<std::size_t> offsets;  // offsets[i]: UTF-8 byte offset of UTF-16 unit i; size = length + 1
};

// Return `utf8` as UTF-16 with the byte offset of every unit (invalid bytes become U+FFFD).
Utf16Text to_utf16(std::string_view utf8);

// The same, written into `out` (replacing what it held): a caller that converts line after line
// keeps the capacity of one Utf16Text rather than allocating two buffers a line.
void to_utf16(std::string_view utf8, Utf16Text& out);

// Return `units` as UTF-8.
std::string to_utf8(const icu::UnicodeString& units);

// Return `units` with Traditional Chinese characters made Simplified (ICU "Traditional-Simplified").
icu::UnicodeString simplify(const icu::UnicodeString& units);

// Return BMP character `c` Simplified, by the table simplify uses (c < 0x10000).
UChar32 simplify_bmp(UChar32 c);

// Return the Simplified form of each character U+4E00..U+9FFF, indexed from U+4E00.
const char16_t* simplified_unified();

// Return `text` folded the long way, through ICU's NFKC_Casefold and simplify, as text::fold does
// for the text its quick path leaves (kept apart so tests can compare the two).
std::string fold_with_icu(std::string_view text);

// Return true for space characters, including U+3000 and NBSP.
bool is_space(UChar32 c);

}  // namespace claimtrack::text::detail
