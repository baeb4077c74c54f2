#include "text/numbers_detail.hpp"

#include <claimtrack/numbers.hpp>

#include <array>
#include <charconv>
#include <cstdint>
#include <utility>

namespace claimtrack::numbers {

namespace detail {

namespace {

constexpr std::array<std::pair<std::string_view, int>, 28> k_small_words{{
    {"zero", 0}, {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
    {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
    {"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}}};

constexpr std::array<std::pair<std::string_view, double>, 5> k_scale_words{{
    {"hundred", 1e2}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

struct Word {
    double value = 0;
    bool scale = false;
    std::size_t length = 0;
};

constexpr std::size_t k_longest = 9;  // "seventeen"

// Both lists in one lookup table: the small words first, then the scale words.
constexpr auto k_number_words = [] {
    std::array<std::string_view, k_small_words.size() + k_scale_words.size()> out{};
    std::size_t k = 0;
    for (const auto& [name, value] : k_small_words) out[k++] = name;
    for (const auto& [name, value] : k_scale_words) out[k++] = name;
    return out;
}();
constexpr WordTable<k_number_words.size(), k_longest, 3> k_number_table{k_number_words};

// Return the number word at `i`: `has_word_at` matches a word of letters only when the whole run of
// letters at `i` is that word, so the run is read once and only words of its length and first
// letter are compared.
std::optional<Word> number_word_at(std::string_view s, std::size_t i) {
    std::size_t end = i;
    while (end < s.size() && is_ascii_alpha(s[end])) {
        if (++end - i > k_longest) return std::nullopt;
    }
    const int found = k_number_table.find(s.data() + i, end - i);
    if (found < 0) return std::nullopt;
    const auto k = static_cast<std::size_t>(found);
    if (k < k_small_words.size()) return Word{static_cast<double>(k_small_words[k].second), false, end - i};
    return Word{k_scale_words[k - k_small_words.size()].second, true, end - i};
}

}  // namespace

std::optional<NumberMatch> digits_at(std::string_view s, std::size_t i) {
    if (i >= s.size() || !is_ascii_digit(s[i])) return std::nullopt;
    bool separated = false;  // a thousands separator was passed: the digits are not one run of `s`
    std::size_t j = i;
    while (j < s.size()) {
        if (is_ascii_digit(s[j])) {
            ++j;
        } else if (s[j] == ',' && j + 3 < s.size() && is_ascii_digit(s[j + 1]) && is_ascii_digit(s[j + 2]) &&
                   is_ascii_digit(s[j + 3]) && (j + 4 == s.size() || !is_ascii_digit(s[j + 4]))) {
            ++j;  // thousands separator: exactly three digits follow
            separated = true;
        } else {
            break;
        }
    }
    if (j + 1 < s.size() && s[j] == '.' && is_ascii_digit(s[j + 1])) {
        ++j;
        while (j < s.size() && is_ascii_digit(s[j])) ++j;
    }
    const std::string_view written = s.substr(i, j - i);
    if (!separated && written.size() <= 15 && written.find('.') == std::string_view::npos) {
        // Up to 15 digits are an integer below 2^53, which a double holds exactly: the value
        // `from_chars` would round to is the sum itself.
        std::int64_t whole = 0;
        for (const char c : written) whole = whole * 10 + (c - '0');
        return NumberMatch{static_cast<double>(whole), j - i};
    }
    std::string digits;  // `written` without its separators, made only when it has some
    if (separated) {
        digits.reserve(written.size());
        for (const char c : written) {
            if (c != ',') digits += c;
        }
    }
    const std::string_view number = separated ? std::string_view(digits) : written;
    double value = 0;
    const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
    if (result.ec != std::errc{}) return std::nullopt;
    return NumberMatch{value, j - i};
}

bool starts_number_word(std::string_view s, std::size_t i) { return number_word_at(s, i).has_value(); }

bool is_number_word(std::string_view word) { return k_number_table.find(word.data(), word.size()) >= 0; }

std::optional<NumberMatch> english_number_at(std::string_view s, std::size_t i) {
    if (i > 0 && is_ascii_alpha(s[i - 1])) return std::nullopt;
    double total = 0, current = 0;
    std::size_t end = i, j = i;
    bool any = false;
    while (j < s.size()) {
        const auto word = number_word_at(s, j);
        if (!word) break;
        if (word->scale) {
            if (!any) break;  // "hundred" alone is not a number we read
            current = (current == 0 ? 1 : current) * word->value;
            if (word->value >= 1e3) {
                total += current;
                current = 0;
            }
        } else {
            current += word->value;
        }
        any = true;
        j += word->length;
        end = j;
        if (j < s.size() && (s[j] == '-' || s[j] == ' ')) {
            ++j;
            if (has_word_at(s, j, "and")) j += 4;
        }
    }
    if (!any) return std::nullopt;
    return NumberMatch{total + current, end - i};
}

}  // namespace detail

std::optional<double> parse_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    const auto folded = detail::fold_width(text);
    const std::string_view s = folded.view(text);
    if (const auto m = detail::digits_at(s, 0); m && m->length == s.size()) return m->value;
    if (const auto m = detail::english_number_at(s, 0); m && m->length == s.size()) return m->value;
    return parse_chinese_numeral(s);
}

}  // namespace claimtrack::numbers
