#include "internal.hpp"

#include <array>
#include <cstdio>
#include <optional>
#include <string_view>

namespace claimtrack::html {
namespace {

using namespace std::string_view_literals;

struct Found {
    std::string iso;
    std::size_t length = 0;  // bytes of the input the date used
};

// A cursor over the input that parses numbers and literals, failing softly.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool digit() const { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
        std::size_t start = i;
        int value = 0;
        while (digit() && i - start < max_digits) value = value * 10 + (s[i++] - '0');
        if (i - start < min_digits || digit()) {
            i = start;
            return std::nullopt;
        }
        return value;
    }
    bool literal(std::string_view text) {
        if (s.substr(i).starts_with(text)) {
            i += text.size();
            return true;
        }
        return false;
    }
    void spaces() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',')) ++i;
        while (literal("\xC2\xA0") || literal("\xE3\x80\x80")) {}
    }
};

bool valid(int year, int month, int day) {
    return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string format_date(int year, int month, int day) {
    std::array<char, 16> out{};
    std::snprintf(out.data(), out.size(), "%04d-%02d-%02d", year, month, day);
    return out.data();
}

// Read an optional " 10:22[:05]" (or "10时22分") after a date; return "THH:MM[:SS]" or empty.
std::string time_of_day(Cursor& c) {
    const std::size_t start = c.i;
    if (!c.literal("T")) c.spaces();
    const auto hour = c.number(1, 2);
    if (!hour || *hour > 23 || !(c.literal(":") || c.literal("时") || c.literal("點") || c.literal("点"))) {
        c.i = start;
        return {};
    }
    const auto minute = c.number(2, 2);
    if (!minute || *minute > 59) {
        c.i = start;
        return {};
    }
    c.literal("分");
    std::array<char, 32> out{};
    std::snprintf(out.data(), out.size(), "T%02d:%02d", *hour, *minute);
    std::string result = out.data();
    if (const std::size_t before = c.i; c.literal(":")) {
        if (const auto second = c.number(2, 2); second && *second <= 60) {
            std::snprintf(out.data(), out.size(), ":%02d", *second);
            result += out.data();
        } else {
            c.i = before;
        }
    }
    return result;
}

// Read "Z", "+08:00" or "-0500" after a time.
std::string zone(Cursor& c) {
    if (c.literal("Z")) return "Z";
    if (c.literal(".")) {
        while (c.digit()) ++c.i;
    }
    if (c.i < c.s.size() && (c.s[c.i] == '+' || c.s[c.i] == '-')) {
        const char sign = c.s[c.i];
        const std::size_t start = c.i++;
        const auto hours = c.number(2, 2);
        c.literal(":");
        const auto minutes = c.number(2, 2);
        if (hours && minutes) {
            std::array<char, 16> out{};
            std::snprintf(out.data(), out.size(), "%c%02d:%02d", sign, *hours, *minutes);
            return out.data();
        }
        c.i = start;
    }
    return {};
}

std::optional<Found> numeric_date(std::string_view s) {
    Cursor c{s};
    const auto year = c.number(4, 4);
    if (!year) return std::nullopt;
    const bool chinese = c.literal("年");
    char sep = 0;
    if (!chinese) {
        if (c.i >= s.size() || (s[c.i] != '-' && s[c.i] != '/' && s[c.i] != '.')) return std::nullopt;
        sep = s[c.i++];
    }
    const auto month = c.number(1, 2);
    if (!month || (chinese ? !c.literal("月") : !c.literal(std::string_view(&sep, 1)))) return std::nullopt;
    const auto day = c.number(1, 2);
    if (!day || !valid(*year, *month, *day)) return std::nullopt;
    if (chinese && !c.literal("日")) c.literal("号");
    std::string iso = format_date(*year, *month, *day);
    if (std::string time = time_of_day(c); !time.empty()) iso += time + zone(c);
    return Found{iso, c.i};
}

std::optional<int> month_name(Cursor& c) {
    static constexpr std::array k_months = {"jan"sv, "feb"sv, "mar"sv, "apr"sv, "may"sv, "jun"sv,
                                            "jul"sv, "aug"sv, "sep"sv, "oct"sv, "nov"sv, "dec"sv};
    static constexpr std::string_view k_full_names =
        "january february march april may june july august september october november december";
    const std::size_t start = c.i;
    while (c.i < c.s.size() && ((c.s[c.i] >= 'a' && c.s[c.i] <= 'z') || (c.s[c.i] >= 'A' && c.s[c.i] <= 'Z'))) ++c.i;
    const std::string word = detail::lower_ascii(c.s.substr(start, c.i - start));
    if (word.size() >= 3) {
        for (std::size_t m = 0; m < k_months.size(); ++m) {
            if (word.starts_with(k_months[m]) && (word.size() <= 4 || k_full_names.find(word) != std::string_view::npos)) {
                c.literal(".");
                return static_cast<int>(m + 1);
            }
        }
    }
    c.i = start;
    return std::nullopt;
}

// "September 19, 2025" or "19 September 2025".
std::optional<Found> english_date(std::string_view s) {
    Cursor c{s};
    if (auto month = month_name(c)) {
        c.spaces();
        const auto day = c.number(1, 2);
        if (!day) return std::nullopt;
        c.literal("st") || c.literal("nd") || c.literal("rd") || c.literal("th");
        c.spaces();
        const auto year = c.number(4, 4);
        if (!year || !valid(*year, *month, *day)) return std::nullopt;
        return Found{format_date(*year, *month, *day), c.i};
    }
    const auto day = c.number(1, 2);
    if (!day) return std::nullopt;
    c.spaces();
    const auto month = month_name(c);
    if (!month) return std::nullopt;
    c.spaces();
    const auto year = c.number(4, 4);
    if (!year || !valid(*year, *month, *day)) return std::nullopt;
    return Found{format_date(*year, *month, *day), c.i};
}

bool word_start(std::string_view s, std::size_t i) {
    if (i == 0) return true;
    const char before = s[i - 1];
    return !((before >= '0' && before <= '9') || (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z'));
}

}  // namespace

std::string normalize_date(std::string_view value) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\n' || value.front() == '\t')) value.remove_prefix(1);
    if (auto found = numeric_date(value)) return found->iso;
    if (auto found = english_date(value)) return found->iso;
    return detail::find_date(value.substr(0, 200));
}

std::string detail::find_date(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!word_start(text, i)) continue;
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            if (auto found = numeric_date(text.substr(i))) return found->iso;
            if (auto found = english_date(text.substr(i))) return found->iso;
        } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            if (auto found = english_date(text.substr(i))) return found->iso;
        }
    }
    return {};
}

}  // namespace claimtrack::html
