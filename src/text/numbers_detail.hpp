#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Helpers shared by numbers_*.cpp and dates_*.cpp; not part of the public API.
namespace claimtrack::numbers::detail {

// `text` with full-width ASCII and U+3000 folded to ASCII; `origin[i]` is the byte offset in the
// original of the character that produced byte `i` (one extra entry for the end).
// When `text` has nothing to fold, `text` and `origin` stay empty and `view` is the original itself.
struct Folded {
    std::string text;
    std::vector<std::size_t> origin;
    bool unchanged = false;
    // Return the folded text; `original` is the text given to `fold_width`.
    std::string_view view(std::string_view original) const { return unchanged ? original : std::string_view(text); }
    Span to_origin(std::size_t begin, std::size_t end) const {
        return unchanged ? Span{begin, end} : Span{origin[begin], origin[end]};
    }
};

// Return `text` with the width folding NFKC applies to digits, Latin letters and punctuation.
Folded fold_width(std::string_view text);

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};

// Return the code point starting at byte `i` of `s` (a stray byte decodes as itself, length 1).
CodePoint decode_at(std::string_view s, std::size_t i);

// Return the code point ending just before byte `i`, or nothing at the start.
std::optional<CodePoint> decode_before(std::string_view s, std::size_t i);

// Return true if `s` has `prefix` at byte `i`.
bool has_at(std::string_view s, std::size_t i, std::string_view prefix);

// Return true if `s` has `prefix` at byte `i`, ignoring ASCII case, and no letter follows it.
bool has_word_at(std::string_view s, std::size_t i, std::string_view word);

// Return the digit value of a Chinese numeral character (两 → 2, 〇 → 0), or -1.
int chinese_digit(char32_t c);

// Return 10, 100, 1000 for 十百千 (and their formal forms), or 0.
int chinese_small_unit(char32_t c);

bool is_ascii_alpha(char c);
bool is_ascii_digit(char c);

// Lower-case English month name or abbreviation at `i` → 1..12 with its byte length.
struct MonthMatch {
    int month = 0;
    std::size_t length = 0;
};
std::optional<MonthMatch> english_month_at(std::string_view s, std::size_t i);

}  // namespace claimtrack::numbers::detail

namespace claimtrack::numbers::detail {

struct NumberMatch {
    double value = 0.0;
    std::size_t length = 0;
};

// Return the number written in ASCII digits at byte `i` ("1,200", "3.5"), or nothing.
std::optional<NumberMatch> digits_at(std::string_view s, std::size_t i);

// Return the number written in English words at byte `i` ("ninety-five", "two hundred"), or nothing.
std::optional<NumberMatch> english_number_at(std::string_view s, std::size_t i);

}  // namespace claimtrack::numbers::detail
