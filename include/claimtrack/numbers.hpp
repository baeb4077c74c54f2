#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimtrack/model.hpp>

// Numbers and dates as articles write them, in Chinese and English.
namespace claimtrack::numbers {

// A number found in text: `value` is in base units (3.5亿 → 350000000, 95% → 95 with unit "%").
struct Quantity {
    Span span;              // in the text given
    double value = 0.0;
    std::optional<double> upper;  // for ranges: "数千至数万" → 1000..10000, "between 3 and 5"
    std::string unit;       // "%", "USD", "CNY", "" ...
    bool approximate = false;  // "about", "约", "数千"
};

// Return the quantities written in `text` (digits after NFKC, Chinese numerals, magnitudes
// 万/亿/thousand/million/billion, percentages, currencies, ranges), in order.
std::vector<Quantity> find_quantities(std::string_view text);

// Return the value of a Chinese numeral such as "五十", "两百七十万", "九成五" (0.95 as a ratio
// → returned as 95 with percent semantics left to the caller), or nothing if it is not one.
std::optional<double> parse_chinese_numeral(std::string_view text);

// Return a number written as digits or words ("zero", "ninety-five", "3.5", "1,200"), or nothing.
std::optional<double> parse_number(std::string_view text);

// A date or month mentioned in text, resolved against the article's date.
struct DateMention {
    Span span;
    std::string iso;  // "2025-04", "2025-04-03", "2025"; resolved relative dates included
};

// Return the dates in `text` ("2025年9月19日", "今年4月", "年初", "last week", "in April",
// "April 3, 2025"), resolved against `anchor` (YYYY-MM-DD, may be empty: relative dates are then skipped).
std::vector<DateMention> find_dates(std::string_view text, std::string_view anchor);

// Return `value` written compactly for people and for JSON fields: 95 → "95", 0.5 → "0.5", 3.5e8 → "350000000".
std::string format_number(double value);

}  // namespace claimtrack::numbers
