// The lookups that replace a list walked word by word (number words, the first words of English
// dates) and the hand-written forms that replace library calls must answer as the plain forms do.
#include "text/dates_detail.hpp"
#include "text/numbers_detail.hpp"

#include "support/random_texts.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack::numbers::detail;

namespace {

constexpr std::array<std::string_view, 39> k_date_first_words{
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "last", "next", "this", "yesterday", "today", "tomorrow", "a", "several", "days", "earlier"};

// The first words, their near misses (one letter changed, added or dropped) and odd bytes.
std::vector<std::string> word_pieces() {
    std::vector<std::string> out = {" ", "-", ".", "1", "\xE4\xB8\x80", "\x80", "x", "A", "US$", "nine", "TEN",
                                    "Hundred", "thousands", "trillion", "seventeen", "seventeenth", "twentyone"};
    for (const std::string_view w : k_date_first_words) {
        std::string word(w);
        out.push_back(word);
        std::string upper = word;
        std::transform(upper.begin(), upper.end(), upper.begin(), [](char c) { return static_cast<char>(c & ~0x20); });
        out.push_back(upper);
        out.push_back(word + "s");
        out.push_back(word.substr(1));
        if (word.size() > 1) out.push_back(word.substr(0, word.size() - 1));
        std::string changed = word;
        changed.back() = changed.back() == 'z' ? 'a' : static_cast<char>(changed.back() + 1);
        out.push_back(changed);
    }
    return out;
}

std::vector<std::string> random_texts(std::size_t count, unsigned seed) {
    return claimtrack::test::random_texts(word_pieces(), count, 1, 8, seed);
}

// `may_start_english_date` as a plain search: the whole run of letters at `i`, lower-cased, is a first word.
bool plain_may_start_english_date(std::string_view s, std::size_t i) {
    std::string word;
    for (std::size_t k = i; k < s.size() && is_ascii_alpha(s[k]); ++k) word += static_cast<char>(s[k] | 0x20);
    return std::find(k_date_first_words.begin(), k_date_first_words.end(), word) != k_date_first_words.end();
}

// `iso` and `iso_week` as they were written first, with snprintf.
std::string printf_iso(Ymd date) {
    std::array<char, 64> buf{};
    if (date.month == 0) {
        std::snprintf(buf.data(), buf.size(), "%04d", date.year);
    } else if (date.day == 0) {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d", date.year, date.month);
    } else {
        std::snprintf(buf.data(), buf.size(), "%04d-%02d-%02d", date.year, date.month, date.day);
    }
    return buf.data();
}

}  // namespace

TEST_SUITE("text numbers lookups") {

TEST_CASE("iso writes what snprintf wrote, odd values included") {
    for (const int year : {-12345, -1, 0, 7, 99, 999, 1000, 1999, 2025, 9999, 10000, 123456}) {
        for (const int month : {-3, 0, 1, 9, 10, 12, 99, 100, 1000}) {
            for (const int day : {-1, 0, 1, 9, 10, 31, 99, 100}) {
                const Ymd date{year, month, day};
                CAPTURE(year);
                CAPTURE(month);
                CAPTURE(day);
                CHECK(iso(date) == printf_iso(date));
            }
        }
    }
}

TEST_CASE("iso_week writes what snprintf wrote") {
    for (Ymd date{1999, 12, 20}; date.year < 2002; date = add_days(date, 3)) {
        std::array<char, 32> buf{};
        const std::string week = iso_week(date);
        int y = 0, w = 0;
        REQUIRE(std::sscanf(week.c_str(), "%d-W%d", &y, &w) == 2);
        std::snprintf(buf.data(), buf.size(), "%04d-W%02d", y, w);
        CHECK(week == buf.data());
    }
    CHECK(iso_week({2025, 11, 10}) == "2025-W46");
    CHECK(iso_week({2021, 1, 3}) == "2020-W53");
    CHECK(iso_week({5, 1, 10}) == "0005-W02");
}

TEST_CASE("may_start_english_date says yes exactly where the whole word is a first word of a date") {
    std::size_t yes = 0;
    for (const auto& text : random_texts(20000, 3)) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (!is_ascii_alpha(text[i])) continue;
            CAPTURE(text);
            CAPTURE(i);
            const bool plain = plain_may_start_english_date(text, i);
            CHECK(may_start_english_date(text, i) == plain);
            yes += plain ? 1 : 0;
        }
    }
    CHECK(yes > 5000);
}

TEST_CASE("k_chinese_digit_chars lists exactly the characters chinese_digit reads") {
    std::size_t digits = 0;
    for (char32_t c = 0; c < 0x110000; ++c) {
        const bool listed = std::find(k_chinese_digit_chars.begin(), k_chinese_digit_chars.end(), c) != k_chinese_digit_chars.end();
        if (listed != (chinese_digit(c) >= 0)) {
            CAPTURE(static_cast<unsigned>(c));
            CHECK(listed == (chinese_digit(c) >= 0));
        }
        digits += listed ? 1 : 0;
    }
    CHECK(digits == k_chinese_digit_chars.size());  // no character listed twice
}

TEST_CASE("digits_at reads a run of digits to the value from_chars gives, up to 15 digits and past") {
    std::mt19937 gen(5);
    std::uniform_int_distribution<int> digit(0, 9);
    for (std::size_t length = 1; length <= 22; ++length) {
        for (int n = 0; n < 300; ++n) {
            std::string text;
            for (std::size_t k = 0; k < length; ++k) text += static_cast<char>('0' + (n < 20 ? 9 : digit(gen)));
            if (n % 3 == 0) text += n % 2 == 0 ? "%" : " x";
            double expected = 0;
            std::from_chars(text.data(), text.data() + length, expected);
            CAPTURE(text);
            const auto read = digits_at(text, 0);
            REQUIRE(read.has_value());
            CHECK(read->length == length);
            CHECK(read->value == expected);
        }
    }
}

TEST_CASE("a word table finds each of its words in any case and nothing else") {
    constexpr std::array<std::string_view, 5> k_words{"ten", "two", "tens", "a", "zebra"};
    constexpr WordTable<k_words.size(), 5, 2> table{k_words};
    CHECK(table.find("ten", 3) == 0);
    CHECK(table.find("TWO", 3) == 1);
    CHECK(table.find("Tens", 4) == 2);
    CHECK(table.find("a", 1) == 3);
    CHECK(table.find("zebra", 5) == 4);
    CHECK(table.find("te", 2) == -1);
    CHECK(table.find("tex", 3) == -1);
    CHECK(table.find("zebras", 6) == -1);
    CHECK(table.find("", 0) == -1);
}

}  // TEST_SUITE
