#pragma once

#include <claimtrack/model.hpp>

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
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

// Return `fold_width(text)`, shared with the call before on this thread when that folded the same
// text (the date and the quantity finders read each sentence one after the other).
std::shared_ptr<const Folded> fold_width_shared(std::string_view text);

struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};

// Return the code point starting at byte `i` of `s` (a stray byte decodes as itself, length 1).
// These small helpers are inline: the scanners call them at every byte.
inline CodePoint decode_at(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if ((b0 & 0xF0u) == 0xE0u && i + 2 < s.size()) {  // three bytes, as most Chinese characters are: read at once
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 & 0xC0u) != 0x80u || (b2 & 0xC0u) != 0x80u) return {b0, 1};
        return {((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu), 3};
    }
    std::size_t len = 1;
    char32_t value = b0;
    if (b0 >= 0xF0) {
        len = 4;
        value = b0 & 0x07u;
    } else if (b0 >= 0xE0) {
        len = 3;
        value = b0 & 0x0Fu;
    } else if (b0 >= 0xC0) {
        len = 2;
        value = b0 & 0x1Fu;
    }
    if (len == 1 || i + len > s.size()) return {b0, 1};
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0u) != 0x80u) return {b0, 1};
        value = (value << 6) | (b & 0x3Fu);
    }
    return {value, len};
}

// Return the first position from `i` on that holds an ASCII byte, a character in `starts` (one bit
// per BMP code point), or the end: a scan passes the characters that start nothing in one loop.
inline std::size_t skip_wide_outside(std::string_view s, std::size_t i, const std::bitset<0x10000>& starts) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    while (i < s.size() && p[i] >= 0x80u) {
        // A well-formed three-byte character, as `decode_at` reads it, in fewer steps: its code
        // point is below 0x10000, so the table needs no range test.
        if ((p[i] & 0xF0u) == 0xE0u && i + 2 < s.size() && ((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) < 0x40u) {
            const auto value = static_cast<std::size_t>(((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu));
            if (starts[value]) break;
            i += 3;
            continue;
        }
        const CodePoint cp = decode_at(s, i);
        if (cp.value < starts.size() && starts.test(cp.value)) break;
        i += cp.length;
    }
    return i;
}

// Return the code point ending just before byte `i`, or nothing at the start.
std::optional<CodePoint> decode_before(std::string_view s, std::size_t i);

constexpr bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Return true if `s` has `prefix` at byte `i`. The first and last bytes are compared before the
// rest: most tries fail there (Han characters of one block share their first two bytes).
inline bool has_at(std::string_view s, std::size_t i, std::string_view prefix) {
    if (i > s.size() || prefix.size() > s.size() - i) return false;
    if (prefix.empty()) return true;
    return s[i] == prefix.front() && s[i + prefix.size() - 1] == prefix.back() && s.compare(i, prefix.size(), prefix) == 0;
}

// Return true if `s` has `prefix` at byte `i`, ignoring ASCII case, and no letter follows it.
inline bool has_word_at(std::string_view s, std::size_t i, std::string_view word) {
    if (i + word.size() > s.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
        const char c = s[i + k];
        if (((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c) != word[k]) return false;
    }
    const std::size_t end = i + word.size();
    return end == s.size() || !is_ascii_alpha(s[end]);
}

// `N` lower-case ASCII words of up to `Longest` letters, grouped by length and first letter: a lookup
// compares only the few words (at most `PerGroup`) sharing both, byte by byte, without memcmp.
template <std::size_t N, std::size_t Longest, std::size_t PerGroup>
class WordTable {
public:
    static_assert(N < 255);
    consteval explicit WordTable(const std::array<std::string_view, N>& words) {
        for (std::size_t w = 0; w < N; ++w) {
            auto& group = m_groups[group_of(words[w].size(), words[w].front())];
            std::size_t k = 0;
            while (group[k] != 0) ++k;  // past the end (a compile error) if a group overflows
            group[k] = static_cast<std::uint8_t>(w + 1);
            m_words[w] = words[w];
        }
    }

    // Return the index of the word made of the `n` letters at `letters` (any ASCII case), or -1.
    constexpr int find(const char* letters, std::size_t n) const {
        if (n == 0 || n > Longest) return -1;
        for (const std::uint8_t slot : m_groups[group_of(n, letters[0])]) {
            if (slot == 0) return -1;
            const std::string_view word = m_words[slot - 1u];
            std::size_t k = 1;
            while (k < n && static_cast<char>(letters[k] | 0x20) == word[k]) ++k;
            if (k == n) return slot - 1;
        }
        return -1;
    }

private:
    static constexpr std::size_t group_of(std::size_t n, char first) {
        return n * 26 + static_cast<std::size_t>((first | 0x20) - 'a');
    }

    std::array<std::array<std::uint8_t, PerGroup>, (Longest + 1) * 26> m_groups{};
    std::array<std::string_view, N> m_words{};
};

// Return the digit value of a Chinese numeral character (两 → 2, 〇 → 0), or -1.
int chinese_digit(char32_t c);

// The characters `chinese_digit` reads, for tables of them built without trying every code point.
constexpr std::array<char32_t, 21> k_chinese_digit_chars{U'零', U'〇', U'一', U'壹', U'二', U'两', U'贰',
                                                         U'三', U'叁', U'四', U'肆', U'五', U'伍', U'六',
                                                         U'陆', U'七', U'柒', U'八', U'捌', U'九', U'玖'};

// Return 10, 100, 1000 for 十百千 (and their formal forms), or 0.
int chinese_small_unit(char32_t c);


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

// Return the end of the run of ASCII letters starting at byte `i` of `s` (`i` itself if none).
inline std::size_t letters_end(std::string_view s, std::size_t i) {
    while (i < s.size() && is_ascii_alpha(s[i])) ++i;
    return i;
}

// Return the number written in ASCII digits at byte `i` ("1,200", "3.5"), or nothing.
std::optional<NumberMatch> digits_at(std::string_view s, std::size_t i);

// Return the number written in English words at byte `i` ("ninety-five", "two hundred"), or nothing.
std::optional<NumberMatch> english_number_at(std::string_view s, std::size_t i);

// Return true if an English number word ("five", "hundred") is the word at byte `i` (from `i` on).
bool starts_number_word(std::string_view s, std::size_t i);

// Return true if `word`, a whole run of ASCII letters, is an English number word in any case.
bool is_number_word(std::string_view word);

}  // namespace claimtrack::numbers::detail
