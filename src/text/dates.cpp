#include <claimtrack/numbers.hpp>

#include "text/dates_detail.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace claimtrack::numbers {

namespace detail {

namespace {

std::int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t{era} * 146097 + doe - 719468;
}

Ymd civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp + (mp < 10 ? 3 : -9);
    return {static_cast<int>(yoe + era * 400) + (m <= 2 ? 1 : 0), m, d};
}

}  // namespace

std::optional<Ymd> parse_anchor(std::string_view anchor) {
    int y = 0, m = 0, d = 0;
    if (anchor.size() < 10) return std::nullopt;
    const std::string copy(anchor.substr(0, 10));
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) return std::nullopt;
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    return Ymd{y, m, d};
}

Ymd add_days(Ymd date, int days) { return civil_from_days(days_from_civil(date.year, date.month, date.day) + days); }

Ymd add_months(Ymd date, int months) {
    const int index = date.year * 12 + (date.month - 1) + months;
    return {index / 12, index % 12 + 1, 0};
}

namespace {

// Append `value` (0..9999) as `width` decimal digits, zero-padded.
void append_digits(std::string& out, int value, int width) {
    char digits[4];
    for (int k = width - 1; k >= 0; --k) {
        digits[k] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(digits, static_cast<std::size_t>(width));
}

// True if `printf("%04d")` and `%02d` would write `year` and `part` in exactly 4 and 2 digits.
bool fits_fixed_width(int year, int part) { return year >= 0 && year <= 9999 && part >= 0 && part <= 99; }

}  // namespace

// The fixed-width forms are written by hand: `snprintf` cost about 1,000 instructions a date.
std::string iso(Ymd date) {
    std::string out;
    if (fits_fixed_width(date.year, date.month) && fits_fixed_width(0, date.day)) {
        out.reserve(10);
        append_digits(out, date.year, 4);
        if (date.month != 0) {
            out += '-';
            append_digits(out, date.month, 2);
            if (date.day != 0) {
                out += '-';
                append_digits(out, date.day, 2);
            }
        }
        return out;
    }
    std::array<char, 16> buf{};
    if (date.month == 0) {
        std::snprintf(buf.data(), buf.size(), "%04d", date.year);
    } else if (date.day == 0) {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d", date.year, date.month);
    } else {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", date.year, date.month, date.day);
    }
    return buf.data();
}

int weekday(Ymd date) {
    const std::int64_t days = days_from_civil(date.year, date.month, date.day);
    return static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
}

std::string iso_week(Ymd date) {
    const std::int64_t days = days_from_civil(date.year, date.month, date.day);
    const auto monday_based = static_cast<int>(((days % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    const Ymd thursday = civil_from_days(days - monday_based + 3);
    const std::int64_t jan1 = days_from_civil(thursday.year, 1, 1);
    const auto week = static_cast<int>((days - monday_based + 3 - jan1) / 7 + 1);
    if (fits_fixed_width(thursday.year, week)) {
        std::string out;
        out.reserve(8);
        append_digits(out, thursday.year, 4);
        out += "-W";
        append_digits(out, week, 2);
        return out;
    }
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-W%02d", thursday.year, week);
    return buf.data();
}

}  // namespace detail

namespace {

using namespace detail;

struct Small {
    int value = 0;
    std::size_t end = 0;
};

// Read 1-4 ASCII digits or a short Chinese numeral at `i`.
std::optional<Small> small_number_at(std::string_view s, std::size_t i, std::size_t max_digits) {
    std::size_t j = i;
    int value = 0;
    while (j < s.size() && j - i < max_digits && is_ascii_digit(s[j])) value = value * 10 + (s[j++] - '0');
    if (j > i) {
        if (j < s.size() && is_ascii_digit(s[j])) return std::nullopt;
        if (i > 0 && (is_ascii_digit(s[i - 1]) || is_ascii_alpha(s[i - 1]))) return std::nullopt;
        return Small{value, j};
    }
    while (j < s.size() && j - i < 9) {
        const auto cp = decode_at(s, j);
        if (chinese_digit(cp.value) < 0 && cp.value != U'十') break;
        j += cp.length;
    }
    if (j == i) return std::nullopt;
    const auto parsed = parse_chinese_numeral(s.substr(i, j - i));
    if (!parsed) return std::nullopt;
    return Small{static_cast<int>(*parsed), j};
}

// Read "M月" or "M月D日" at `i` into `date`; return the end, or nothing.
std::optional<std::size_t> month_day_at(std::string_view s, std::size_t i, Ymd& date) {
    const auto month = small_number_at(s, i, 2);
    if (!month || month->value < 1 || month->value > 12 || !has_at(s, month->end, "月")) return std::nullopt;
    date.month = month->value;
    std::size_t end = month->end + 3;
    if (const auto day = small_number_at(s, end, 2);
        day && day->value >= 1 && day->value <= 31 && (has_at(s, day->end, "日") || has_at(s, day->end, "号"))) {
        date.day = day->value;
        end = day->end + 3;
    }
    return end;
}

// After a known year: 初 → January, 底/末 → December, or a month and day.
DateHit year_tail(std::string_view s, std::size_t i, Ymd date) {
    for (const std::string_view early : {"年初", "初"}) {
        if (has_at(s, i, early)) return {i + early.size(), iso({date.year, 1, 0})};
    }
    for (const std::string_view late : {"年底", "年末", "底", "末"}) {
        if (has_at(s, i, late)) return {i + late.size(), iso({date.year, 12, 0})};
    }
    if (const auto end = month_day_at(s, i, date)) return {*end, iso(date)};
    return {i, iso(date)};
}

// An ISO date at `i`, given `year`, the number `small_number_at(s, i, 4)` read there.
std::optional<DateHit> iso_date_at(std::string_view s, std::size_t i, const std::optional<Small>& year) {
    if (!year || year->end - i != 4 || year->end >= s.size()) return std::nullopt;
    const char sep = s[year->end];
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    const auto month = small_number_at(s, year->end + 1, 2);
    if (!month || month->end >= s.size() || s[month->end] != sep) return std::nullopt;
    const auto day = small_number_at(s, month->end + 1, 2);
    if (!day || month->value < 1 || month->value > 12 || day->value < 1 || day->value > 31) return std::nullopt;
    return DateHit{day->end, iso({year->value, month->value, day->value})};
}

// A year before 年 or a month (and day) at `i`, given `year` as `iso_date_at` is.
std::optional<DateHit> chinese_absolute_at(std::string_view s, std::size_t i, const std::optional<Small>& year,
                                           const std::optional<Ymd>& anchor) {
    if (year && year->end - i == 4 && has_at(s, year->end, "年")) {
        return year_tail(s, year->end + 3, {year->value, 0, 0});
    }
    Ymd date{anchor ? anchor->year : 0, 0, 0};
    const auto end = month_day_at(s, i, date);
    if (!end || !anchor) return std::nullopt;
    return DateHit{*end, iso(date)};
}

template <std::size_t N>
std::optional<std::pair<std::size_t, int>> table_at(std::string_view s, std::size_t i,
                                                     const std::array<std::pair<std::string_view, int>, N>& table) {
    for (const auto& [word, delta] : table) {
        if (has_at(s, i, word)) return std::pair{i + word.size(), delta};
    }
    return std::nullopt;
}

// The Chinese relative dates: the word and its offset in years, months, days or weeks.
constexpr std::array<std::pair<std::string_view, int>, 4> k_zh_years{
    {{"今年", 0}, {"去年", -1}, {"明年", 1}, {"前年", -2}}};
constexpr std::array<std::pair<std::string_view, int>, 3> k_zh_this_year{{{"年初", 1}, {"年底", 12}, {"年末", 12}}};
constexpr std::array<std::pair<std::string_view, int>, 7> k_zh_months{
    {{"上个月", -1}, {"上月", -1}, {"本月", 0}, {"这个月", 0}, {"当月", 0}, {"下个月", 1}, {"下月", 1}}};
constexpr std::array<std::pair<std::string_view, int>, 10> k_zh_days{
    {{"今天", 0}, {"今日", 0}, {"今晨", 0}, {"今早", 0}, {"昨天", -1}, {"昨日", -1}, {"昨晚", -1}, {"前天", -2},
     {"前晚", -2}, {"明天", 1}}};
constexpr std::array<std::pair<std::string_view, int>, 4> k_zh_weeks{
    {{"上周", -7}, {"上星期", -7}, {"本周", 0}, {"下周", 7}}};
constexpr std::array<std::pair<std::string_view, int>, 5> k_zh_vague{
    {{"几天前", 0}, {"前几天", 0}, {"日前", 0}, {"近日", 0}, {"这几天", 0}}};

// The week words a weekday can follow (周一, 上周五, 下星期二), with their offset in weeks.
constexpr std::array<std::pair<std::string_view, int>, 10> k_zh_weekday_weeks{
    {{"上个星期", -1}, {"上星期", -1}, {"上周", -1}, {"本周", 0}, {"这周", 0}, {"这个星期", 0}, {"下星期", 1}, {"下周", 1},
     {"星期", 0}, {"周", 0}}};
constexpr std::array<std::pair<std::string_view, int>, 8> k_zh_weekdays{
    {{"一", 0}, {"二", 1}, {"三", 2}, {"四", 3}, {"五", 4}, {"六", 5}, {"日", 6}, {"天", 6}}};

// 周五, 上周三, 下星期一: a day of the anchor's week (or the week before or after). Not 每周一: a habit.
std::optional<DateHit> zh_weekday_at(std::string_view s, std::size_t i, const Ymd& a) {
    const auto week = table_at(s, i, k_zh_weekday_weeks);
    if (!week) return std::nullopt;
    if (week->second == 0 && i >= 3 && has_at(s, i - 3, "每")) return std::nullopt;
    const auto day = table_at(s, week->first, k_zh_weekdays);
    if (!day) return std::nullopt;
    if (has_at(s, day->first, "年") || has_at(s, day->first, "次")) return std::nullopt;  // 周年, 一周一次
    const int delta = 7 * week->second + day->second - weekday(a);
    return DateHit{day->first, iso(add_days(a, delta))};
}

// 今年, 去年 … with what follows them (今年4月, 去年底); 年初, 年底 of this year.
std::optional<DateHit> relative_year_at(std::string_view s, std::size_t i, const Ymd& a) {
    if (const auto hit = table_at(s, i, k_zh_years)) return year_tail(s, hit->first, {a.year + hit->second, 0, 0});
    if (const auto hit = table_at(s, i, k_zh_this_year)) return DateHit{hit->first, iso({a.year, hit->second, 0})};
    return std::nullopt;
}

// 上个月, 昨天, 上周, 近日: months, days, weeks and vague recent days.
std::optional<DateHit> relative_near_at(std::string_view s, std::size_t i, const Ymd& a) {
    if (const auto hit = table_at(s, i, k_zh_months)) return DateHit{hit->first, iso(add_months(a, hit->second))};
    if (const auto hit = table_at(s, i, k_zh_days)) return DateHit{hit->first, iso(add_days(a, hit->second))};
    if (auto hit = zh_weekday_at(s, i, a)) return hit;
    if (const auto hit = table_at(s, i, k_zh_weeks)) return DateHit{hit->first, iso_week(add_days(a, hit->second))};
    if (const auto hit = table_at(s, i, k_zh_vague)) return DateHit{hit->first, iso({a.year, a.month, 0})};
    return std::nullopt;
}

// The characters a Chinese date can start with: a numeral digit or 十 (what `small_number_at`
// reads), or the first character of a relative date word; one bit per BMP code point.
const std::bitset<0x10000>& chinese_date_starts() {
    static const std::bitset<0x10000> starts = [] {
        std::bitset<0x10000> out;
        out.set(U'十');
        for (const char32_t c : k_chinese_digit_chars) out.set(c);
        const auto add_firsts = [&](const auto& table) {
            for (const auto& entry : table) out.set(decode_at(entry.first, 0).value);
        };
        add_firsts(k_zh_years);
        add_firsts(k_zh_this_year);
        add_firsts(k_zh_months);
        add_firsts(k_zh_days);
        add_firsts(k_zh_weeks);
        add_firsts(k_zh_weekday_weeks);
        add_firsts(k_zh_vague);
        return out;
    }();
    return starts;
}

std::optional<DateHit> chinese_relative_at(std::string_view s, std::size_t i, const Ymd& a) {
    if (auto hit = relative_year_at(s, i, a)) return hit;
    return relative_near_at(s, i, a);
}

// `date_at` at a character of three bytes. A Chinese numeral read there is 3, 6, 7 or more bytes
// long, never the four of a year in digits, and no English date starts there: only a month (and
// day) or a relative date can, both dated by the anchor.
std::optional<DateHit> three_byte_date_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor) {
    if (!anchor) return std::nullopt;
    Ymd date{anchor->year, 0, 0};
    if (const auto end = month_day_at(s, i, date)) return DateHit{*end, iso(date)};
    return chinese_relative_at(s, i, *anchor);
}

std::optional<DateHit> date_at(std::string_view s, std::size_t i, const std::optional<Ymd>& anchor) {
    if ((static_cast<unsigned char>(s[i]) & 0xF0u) == 0xE0u) return three_byte_date_at(s, i, anchor);
    // Every form that starts with ASCII digits starts with one or two (a month, a day) or four (a
    // year), with no digit after them: after three, or five and more, none reads.
    std::size_t digits_end = i;
    while (digits_end < s.size() && digits_end - i < 5 && is_ascii_digit(s[digits_end])) ++digits_end;
    if (digits_end - i == 3 || digits_end - i == 5) return std::nullopt;
    const auto year = small_number_at(s, i, 4);  // read once for both forms that start with a year
    if (auto hit = iso_date_at(s, i, year)) return hit;
    if (auto hit = chinese_absolute_at(s, i, year, anchor)) return hit;
    if (anchor && static_cast<unsigned char>(s[i]) >= 0x80u) {  // every relative word starts with a Chinese character
        if (auto hit = chinese_relative_at(s, i, *anchor)) return hit;
    }
    return english_date_at(s, i, anchor);
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, std::string_view anchor_text) {
    const std::shared_ptr<const Folded> shared = fold_width_shared(text);
    const Folded& folded = *shared;
    const std::string_view s = folded.view(text);
    // Every sentence of an article passes the same date: parse it once per thread, not per sentence.
    thread_local std::string last_anchor_text;
    thread_local std::optional<Ymd> last_anchor;
    if (anchor_text != last_anchor_text) {
        last_anchor = parse_anchor(anchor_text);
        last_anchor_text = std::string(anchor_text);
    }
    const std::optional<Ymd> anchor = last_anchor;
    const std::bitset<0x10000>& han_starts = chinese_date_starts();
    std::vector<DateMention> out;
    std::size_t i = 0;
    while (i < s.size()) {
        // Try the matchers only where a date can start: an ASCII digit (any form), a letter
        // beginning a word that begins an English date form (the others need a digit or a Chinese
        // character), or a Chinese numeral or relative-date character. Elsewhere `date_at` finds nothing.
        const auto byte = static_cast<unsigned char>(s[i]);
        const bool letter = is_ascii_alpha(s[i]);
        if (byte < 0x80u && !letter && !is_ascii_digit(s[i])) {
            ++i;
            continue;
        }
        const std::size_t word_end = letter ? letters_end(s, i) : i;
        if (letter && !((i == 0 || !is_ascii_alpha(s[i - 1])) && is_english_date_first_word(s.substr(i, word_end - i)))) {
            i = word_end;  // no date starts at a letter after a letter
            continue;
        }
        if (byte >= 0x80u) {
            const std::size_t next = skip_wide_outside(s, i, han_starts);
            if (next != i) {
                i = next;  // no date starts in between
                continue;
            }
        }
        const auto hit = letter ? english_date_at(s, i, anchor) : date_at(s, i, anchor);
        if (hit && hit->end > i) {
            out.push_back({folded.to_origin(i, hit->end), hit->iso});
            i = hit->end;
            continue;
        }
        if (letter && !hit) {
            i = word_end;
            continue;
        }
        std::size_t next = i + decode_at(s, i).length;
        if (is_ascii_digit(s[i])) {  // never start again in the middle of a number
            while (next < s.size() && is_ascii_digit(s[next])) ++next;
        }
        i = next;
    }
    return out;
}

}  // namespace claimtrack::numbers
