#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimtrack/numbers.hpp>

#include "text/numbers_detail.hpp"

// Calendar helpers and matchers shared by dates_*.cpp; not part of the public API.
namespace claimtrack::numbers::detail {

struct Ymd {
    int year = 0;
    int month = 0;  // 0 when only the year is known
    int day = 0;    // 0 when only the month is known
};

// Return the date `anchor` (YYYY-MM-DD) holds, or nothing if it is not one.
std::optional<Ymd> parse_anchor(std::string_view anchor);

// Return `date` moved by `days` days.
Ymd add_days(Ymd date, int days);

// Return `date` moved by `months` months (day dropped).
Ymd add_months(Ymd date, int months);

// Return "YYYY", "YYYY-MM" or "YYYY-MM-DD" as far as `date` is known.
std::string iso(Ymd date);

// Return the day of the week of `date`: 0 for Monday … 6 for Sunday.
int weekday(Ymd date);

// Return the ISO 8601 week of `date`, e.g. "2025-W45".
std::string iso_week(Ymd date);

// A date read at some position of folded text: its end and its ISO form.
struct DateHit {
    std::size_t end = 0;
    std::string iso;
};

// Return the English date at `i` of folded `s` ("April 3, 2025", "last week"), or nothing.
std::optional<DateHit> english_date_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor);

// Return false where `english_date_at` surely finds nothing at letter `s[i]`: the word starting
// there (its letters, ASCII case folded) is not the first word of any English date form.
bool may_start_english_date(std::string_view s, std::size_t i);

// Return true if `word`, a whole run of ASCII letters, is the first word of an English date form.
bool is_english_date_first_word(std::string_view word);

}  // namespace claimtrack::numbers::detail
