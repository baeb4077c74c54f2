// At a Chinese character the date finder tries only a month (and day) or a relative date: a
// numeral read there is never four bytes long, as a year in digits is. These cases pin what is
// read at such characters, with and without an anchor, next to the digit and four-byte forms
// (an overlong encoding of 一 is four bytes) that still go the full way. At ASCII digits, only
// runs of one, two or four start a date; the last case pins that for the other lengths.
#include <claimtrack/numbers.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using claimtrack::numbers::find_dates;

namespace {

// Each date found as "covered text=iso".
std::vector<std::string> found(std::string_view text, std::string_view anchor = "2025-11-10") {
    std::vector<std::string> out;
    for (const auto& d : find_dates(text, anchor)) {
        out.push_back(std::string(text.substr(d.span.start, d.span.end - d.span.start)) + "=" + d.iso);
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_SUITE("text dates chinese starts") {

TEST_CASE("Chinese numerals give a month and day with the anchor's year, nothing without an anchor") {
    CHECK(found("九月十九日发布") == V{"九月十九日=2025-09-19"});
    CHECK(found("十二月") == V{"十二月=2025-12"});
    CHECK(found("十一月三号") == V{"十一月三号=2025-11-03"});
    CHECK(found("九月十九日发布", "").empty());
    CHECK(found("今年四月", "").empty());
    CHECK(found("十三月") == V{"三月=2025-03"});
}

TEST_CASE("a Chinese numeral is never a year, unlike four digits") {
    CHECK(found("二〇二五年九月") == V{"九月=2025-09"});
    CHECK(found("一九年") == V{});
    CHECK(found("2025年九月") == V{"2025年九月=2025-09"});
    CHECK(found("2025年") == V{"2025年=2025"});
}

TEST_CASE("relative words and weekdays at a Chinese character") {
    CHECK(found("今年四月上市") == V{"今年四月=2025-04"});
    CHECK(found("上个月和下周") == V{"上个月=2025-10", "下周=2025-W47"});
    CHECK(found("上周五") == V{"上周五=2025-11-07"});
    CHECK(found("每周一开会").empty());
    CHECK(found("上涨一成").empty());
    CHECK(found("近日") == V{"近日=2025-11"});
}

TEST_CASE("a four-byte form of a numeral still reads as before") {
    const std::string overlong_one = "\xF0\x84\xB8\x80";  // U+4E00 一 written in four bytes
    const std::string year = overlong_one + "年";
    CHECK(found(year) == V{year + "=0001"});
    CHECK(found(overlong_one + "月") == V{overlong_one + "月=2025-01"});
}

TEST_CASE("a run of three, or five and more, digits starts no date; one, two and four still do") {
    for (const std::string_view tail : {"年", "月", "月3日", " April", " April 2024", "-01-02", "/01/02", ".01.02", "rd April",
                                        "th of May", "st", ""}) {
        for (const std::string_view digits : {"1", "12", "123", "2024", "12345", "123456", "1234567"}) {
            for (const std::string_view before : {"", "in ", "since ", "x", "9"}) {
                std::string text(before);
                text.append(digits);
                text.append(tail);
                CAPTURE(text);
                const auto dates = found(text);
                const bool starts_at_digits = !dates.empty() && dates.front().rfind(std::string(digits), 0) == 0;
                if (digits.size() == 3 || digits.size() >= 5) CHECK_FALSE(starts_at_digits);
            }
        }
    }
    CHECK(found("in 2024") == V{"2024=2024"});
    CHECK(found("3 April 2024") == V{"3 April 2024=2024-04-03"});
    CHECK(found("12月3日") == V{"12月3日=2025-12-03"});
    CHECK(found("2024-01-02") == V{"2024-01-02=2024-01-02"});
    CHECK(found("12345-01-02") == V{});
    CHECK(found("123年") == V{});
    CHECK(found("in 12345") == V{});
}

}  // TEST_SUITE
