#include "evidence/match.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <string>

namespace claimtrack::evidence::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Month names and their short forms, longest first so "june" wins over "jun".
constexpr std::array<std::string_view, 23> k_months{
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "sept", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov"};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Return the end of a day number (1–31, one or two digits, "st"/"nd"/"rd"/"th" allowed) at `at`.
std::optional<std::size_t> day_end(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && end - at < 3 && is_digit(text[end])) ++end;
    if (end == at || end - at > 2) return std::nullopt;
    const int day = std::stoi(std::string(text.substr(at, end - at)));
    if (day < 1 || day > 31) return std::nullopt;
    for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
        if (text.substr(end, 2) == suffix) end += 2;
    }
    if (end < text.size() && (is_digit(text[end]) || is_letter(text[end]))) return std::nullopt;
    // "April 2,600": a figure, not a day.
    if (end + 1 < text.size() && (text[end] == ',' || text[end] == '.') && is_digit(text[end + 1])) return std::nullopt;
    return end;
}

std::size_t skip_spaces(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '.')) ++at;
    return at;
}

// "April 2", "Apr. 2nd", "2 April".
void english_days(std::string_view text, std::vector<Span>& out) {
    const std::string lower = lower_ascii(text);
    for (std::string_view month : k_months) {
        for (auto at = lower.find(month); at != std::string::npos; at = lower.find(month, at + 1)) {
            const std::size_t end = at + month.size();
            if ((at > 0 && is_letter(lower[at - 1])) || (end < lower.size() && is_letter(lower[end]))) continue;
            if (const auto after = day_end(lower, skip_spaces(lower, end)); after && skip_spaces(lower, end) > end) {
                out.push_back({at, *after});
            }
            std::size_t before = at;
            while (before > 0 && lower[before - 1] == ' ') --before;
            std::size_t start = before;
            while (start > 0 && before - start < 2 && is_digit(lower[start - 1])) --start;
            if (start < before && before < at && (start == 0 || !is_digit(lower[start - 1])) && day_end(lower, start)) {
                out.push_back({start, end});
            }
        }
    }
}

constexpr std::string_view k_month_mark = "\xE6\x9C\x88";  // 月
constexpr std::string_view k_day_marks[] = {"\xE6\x97\xA5", "\xE5\x8F\xB7", "\xE8\x99\x9F"};  // 日 号 號

// "4月2日", "4月2号", "四月二日": the month and day numbers are part of a date, not a value.
void chinese_days(std::string_view text, std::vector<Span>& out) {
    static constexpr std::string_view k_han_digits[] = {"\xE4\xB8\x80", "\xE4\xBA\x8C", "\xE4\xB8\x89", "\xE5\x9B\x9B",
                                                        "\xE4\xBA\x94", "\xE5\x85\xAD", "\xE4\xB8\x83", "\xE5\x85\xAB",
                                                        "\xE4\xB9\x9D", "\xE5\x8D\x81", "\xE3\x80\x87"};  // 一…十 〇
    auto number_end = [&](std::size_t at) {
        std::size_t end = at;
        for (bool more = true; more && end < text.size();) {
            more = false;
            if (is_digit(text[end])) {
                ++end;
                more = true;
                continue;
            }
            for (std::string_view d : k_han_digits) {
                if (text.substr(end, d.size()) == d) {
                    end += d.size();
                    more = true;
                    break;
                }
            }
        }
        return end;
    };
    for (auto at = text.find(k_month_mark); at != std::string_view::npos; at = text.find(k_month_mark, at + 1)) {
        const std::size_t day_start = at + k_month_mark.size();
        const std::size_t end = number_end(day_start);
        if (end == day_start) continue;
        for (std::string_view mark : k_day_marks) {
            if (text.substr(end, mark.size()) == mark) out.push_back({day_start, end + mark.size()});
        }
    }
}

}  // namespace

std::vector<Span> day_spans(std::string_view text) {
    std::vector<Span> out;
    english_days(text, out);
    chinese_days(text, out);
    return out;
}

}  // namespace claimtrack::evidence::detail
