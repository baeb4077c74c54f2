#include "text/dates_detail.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace claimtrack::numbers::detail {

namespace {

struct Digits {
    int value = 0;
    std::size_t end = 0;
};

std::optional<Digits> ascii_number_at(std::string_view s, std::size_t i, std::size_t min, std::size_t max) {
    std::size_t j = i;
    int value = 0;
    while (j < s.size() && j - i < max && is_ascii_digit(s[j])) value = value * 10 + (s[j++] - '0');
    if (j - i < min || (j < s.size() && (is_ascii_digit(s[j]) || is_ascii_alpha(s[j])))) {
        // allow ordinal suffixes: 3rd, 21st
        if (j - i >= min && j < s.size() && is_ascii_alpha(s[j])) {  // where a suffix can be
            for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
                if (has_word_at(s, j, suffix)) return Digits{value, j + suffix.size()};
            }
        }
        return std::nullopt;
    }
    return Digits{value, j};
}

bool ends_with_lower(std::string_view s, std::size_t end, std::string_view suffix) {
    if (end < suffix.size()) return false;
    for (std::size_t k = 0; k < suffix.size(); ++k) {
        char c = s[end - suffix.size() + k];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != suffix[k]) return false;
    }
    return end == suffix.size() || !is_ascii_alpha(s[end - suffix.size() - 1]);
}

bool after_preposition(std::string_view s, std::size_t i) {
    for (const std::string_view word : {"in ", "since ", "by ", "until ", "during ", "early ", "late ", "mid-",
                                        "last ", "this ", "of ", "from ", "before ", "after ", "through ",
                                        "end of ", "in early ", "in late "}) {
        if (ends_with_lower(s, i, word)) return true;
    }
    return false;
}

std::optional<Digits> year_after(std::string_view s, std::size_t i) {
    std::size_t j = i;
    if (j < s.size() && s[j] == ',') ++j;
    if (j < s.size() && s[j] == ' ') ++j;
    if (j == i) return std::nullopt;
    const auto year = ascii_number_at(s, j, 4, 4);
    if (!year || year->value < 1800 || year->value > 2200) return std::nullopt;
    return year;
}

std::optional<DateHit> month_first_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor) {
    const auto month = english_month_at(s, i);
    if (!month) return std::nullopt;
    const std::size_t after = i + month->length;
    if (after + 1 < s.size() && s[after] == ' ') {
        if (const auto day = ascii_number_at(s, after + 1, 1, 2); day && day->value >= 1 && day->value <= 31) {
            if (const auto year = year_after(s, day->end)) return DateHit{year->end, iso({year->value, month->month, day->value})};
            if (!anchor) return std::nullopt;
            return DateHit{day->end, iso({anchor->year, month->month, day->value})};
        }
    }
    if (const auto year = year_after(s, after)) return DateHit{year->end, iso({year->value, month->month, 0})};
    if (!anchor || !after_preposition(s, i)) return std::nullopt;
    return DateHit{after, iso({anchor->year, month->month, 0})};
}

std::optional<DateHit> day_first_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor) {
    const auto day = ascii_number_at(s, i, 1, 2);
    if (!day || day->value < 1 || day->value > 31 || day->end + 1 >= s.size() || s[day->end] != ' ') return std::nullopt;
    if (i > 0 && (is_ascii_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',')) return std::nullopt;
    const auto month = english_month_at(s, day->end + 1);
    if (!month) return std::nullopt;
    const std::size_t after = day->end + 1 + month->length;
    if (const auto year = year_after(s, after)) {
        if (s[after] == ',') return std::nullopt;
        return DateHit{year->end, iso({year->value, month->month, day->value})};
    }
    if (!anchor) return std::nullopt;
    return DateHit{after, iso({anchor->year, month->month, day->value})};
}

constexpr std::array<std::string_view, 7> k_weekdays{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::optional<std::pair<std::size_t, int>> weekday_word_at(std::string_view s, std::size_t i) {
    for (std::size_t k = 0; k < k_weekdays.size(); ++k) {
        if (has_word_at(s, i, k_weekdays[k])) return std::pair{i + k_weekdays[k].size(), static_cast<int>(k)};
    }
    return std::nullopt;
}

// "on Monday", "last Friday": news tells of days just past, so a weekday is the latest one on or
// before the anchor ("last" one before it); "next Tuesday" is the first one after it.
std::optional<DateHit> weekday_at(std::string_view s, std::size_t i, const Ymd& a) {
    int direction = 0;
    std::size_t at = i;
    for (const auto& [word, sign] : std::array<std::pair<std::string_view, int>, 2>{{{"last ", -1}, {"next ", 1}}}) {
        if (has_word_at(s, i, word.substr(0, 4)) && i + word.size() < s.size() && s[i + 4] == ' ') {
            direction = sign;
            at = i + word.size();
        }
    }
    const auto day = weekday_word_at(s, at);
    if (!day) return std::nullopt;
    const int today = weekday(a);
    int delta = day->second - today;  // the day of the anchor's week
    if (direction == 0 && delta > 0) delta -= 7;
    if (direction < 0 && delta >= 0) delta -= 7;
    if (direction > 0 && delta <= 0) delta += 7;
    return DateHit{day->first, iso(add_days(a, delta))};
}

std::optional<DateHit> relative_at(std::string_view s, std::size_t i, const Ymd& a) {
    if (auto hit = weekday_at(s, i, a)) return hit;
    static constexpr std::array<std::pair<std::string_view, int>, 3> k_weeks{
        {{"last week", -7}, {"this week", 0}, {"next week", 7}}};
    for (const auto& [phrase, delta] : k_weeks) {
        if (has_word_at(s, i, phrase)) return DateHit{i + phrase.size(), iso_week(add_days(a, delta))};
    }
    static constexpr std::array<std::pair<std::string_view, int>, 3> k_months{
        {{"last month", -1}, {"this month", 0}, {"next month", 1}}};
    for (const auto& [phrase, delta] : k_months) {
        if (has_word_at(s, i, phrase)) return DateHit{i + phrase.size(), iso(add_months(a, delta))};
    }
    static constexpr std::array<std::pair<std::string_view, int>, 3> k_years{
        {{"last year", -1}, {"this year", 0}, {"next year", 1}}};
    for (const auto& [phrase, delta] : k_years) {
        if (has_word_at(s, i, phrase)) return DateHit{i + phrase.size(), iso({a.year + delta, 0, 0})};
    }
    static constexpr std::array<std::pair<std::string_view, int>, 3> k_days{
        {{"yesterday", -1}, {"today", 0}, {"tomorrow", 1}}};
    for (const auto& [word, delta] : k_days) {
        if (has_word_at(s, i, word)) return DateHit{i + word.size(), iso(add_days(a, delta))};
    }
    for (const std::string_view vague : {"a few days ago", "several days ago", "days ago", "earlier this month"}) {
        if (has_word_at(s, i, vague)) return DateHit{i + vague.size(), iso({a.year, a.month, 0})};
    }
    return std::nullopt;
}

// The words an English date form can start with: month names and abbreviations (english_month_at),
// weekdays, the first words of the relative forms of `weekday_at` and `relative_at`, and "earlier"
// ("earlier this month").
constexpr std::array<std::string_view, 39> k_first_words{
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "last", "next", "this", "yesterday", "today", "tomorrow", "a", "several", "days", "earlier"};

constexpr std::size_t k_longest_first_word = 9;  // "september", "wednesday", "yesterday"
constexpr WordTable<k_first_words.size(), k_longest_first_word, 2> k_first_table{k_first_words};

}  // namespace

bool is_english_date_first_word(std::string_view word) { return k_first_table.find(word.data(), word.size()) >= 0; }

bool may_start_english_date(std::string_view s, std::size_t i) {
    std::size_t end = i;
    while (end < s.size() && is_ascii_alpha(s[end])) {
        if (++end - i > k_longest_first_word) return false;  // longer than any first word
    }
    return is_english_date_first_word(s.substr(i, end - i));
}

std::optional<DateHit> english_date_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor) {
    if (i > 0 && is_ascii_alpha(s[i - 1])) return std::nullopt;
    if (is_ascii_digit(s[i])) {
        if (auto hit = day_first_at(s, i, anchor)) return hit;
        const auto year = ascii_number_at(s, i, 4, 4);
        if (year && year->value >= 1800 && year->value <= 2200 && after_preposition(s, i) &&
            !(year->end < s.size() && (s[year->end] == '-' || s[year->end] == '/'))) {
            return DateHit{year->end, iso({year->value, 0, 0})};
        }
        return std::nullopt;
    }
    if (!is_ascii_alpha(s[i])) return std::nullopt;
    if (auto hit = month_first_at(s, i, anchor)) return hit;
    if (anchor) return relative_at(s, i, *anchor);
    return std::nullopt;
}

}  // namespace claimtrack::numbers::detail
