// Every entry of the quantity reader's tables (magnitudes, currencies, units, counters, cues) is
// still read in every case it is written in: each table is tried only where a byte filter built
// from it admits the byte at hand, and an entry left out of its filter would show here.
#include <claimtrack/numbers.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

using claimtrack::numbers::find_quantities;
using claimtrack::numbers::Quantity;

namespace {

// Return the one quantity of `text`, covering all of it after `prefix` bytes.
std::optional<Quantity> only(std::string_view text, std::size_t prefix = 0) {
    const auto found = find_quantities(text);
    if (found.size() != 1 || found[0].span.start != prefix || found[0].span.end != text.size()) return std::nullopt;
    return found[0];
}

struct Case {
    std::string_view text;
    double value;
    std::string_view unit;
};

void check_all(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const auto q = only(c.text);
        REQUIRE(q.has_value());
        CHECK(q->value == doctest::Approx(c.value));
        CHECK(q->unit == c.unit);
    }
}

}  // namespace

TEST_SUITE("text numbers tables") {

TEST_CASE("every magnitude multiplies, Chinese and English in any case") {
    check_all({{"5万亿", 5e12, ""}, {"5千亿", 5e11, ""}, {"5百亿", 5e10, ""}, {"5千万", 5e7, ""}, {"5百万", 5e6, ""},
               {"5亿", 5e8, ""}, {"5万", 5e4, ""}, {"5千", 5e3, ""}, {"5 thousand", 5e3, ""}, {"5 Million", 5e6, ""},
               {"5 BILLION", 5e9, ""}, {"5 trillion", 5e12, ""}, {"5bn", 5e9, ""}, {"5mn", 5e6, ""}, {"5Bn", 5e9, ""}});
}

TEST_CASE("every currency sign is read before its number") {
    check_all({{"US$5", 5, "USD"}, {"$5", 5, "USD"}, {"$ 5", 5, "USD"}, {"¥5", 5, "CNY"}, {"€5", 5, "EUR"},
               {"£5", 5, "GBP"}, {"US$5m", 5e6, "USD"}});
}

TEST_CASE("every unit after a number is read, Chinese and English in any case") {
    check_all({{"5个百分点", 5, "pp"}, {"5百分点", 5, "pp"}, {"5%", 5, "%"}, {"5美元", 5, "USD"}, {"5欧元", 5, "EUR"},
               {"五日元", 5, "JPY"}, {"5港元", 5, "HKD"}, {"5元", 5, "CNY"}, {"5人民币", 5, "CNY"}, {"5纳米", 5, "nm"},
               {"5 percentage points", 5, "pp"}, {"5 Percent", 5, "%"}, {"5 per cent", 5, "%"},
               {"5 US Dollars", 5, "USD"}, {"5 dollars", 5, "USD"}, {"5 dollar", 5, "USD"}, {"5 USD", 5, "USD"},
               {"5 yuan", 5, "CNY"}, {"5 RMB", 5, "CNY"}, {"5 cny", 5, "CNY"}, {"5 Euros", 5, "EUR"},
               {"5 nm", 5, "nm"}, {"5多个", 5, "个"}, {"百分之五", 5, "%"}});
}

TEST_CASE("every counter stays with its number") {
    for (const std::string_view counter : {"项", "个", "家", "名", "位", "倍", "次", "款", "颗", "台", "座", "条", "所", "人",
                                           "种", "篇", "部", "辆", "架", "枚", "吨"}) {
        std::string text = "5";
        text.append(counter);
        CAPTURE(text);
        const auto q = only(text);
        REQUIRE(q.has_value());
        CHECK(q->unit == counter);
    }
    const auto years = only("三年");
    REQUIRE(years.has_value());
    CHECK(years->unit == "年");
}

TEST_CASE("every approximate cue before a number marks it, in any case") {
    for (const std::string_view cue : {"约", "大约", "近", "超过", "逾", "将近", "接近", "多达", "about ", "around ",
                                       "nearly ", "almost ", "more than ", "over ", "roughly ", "approximately ",
                                       "some ", "up to ", "ABOUT ", "More Than ", "Up To "}) {
        std::string text(cue);
        text.append("57");
        CAPTURE(text);
        const auto q = only(text, cue.size());
        REQUIRE(q.has_value());
        CHECK(q->approximate);
    }
    const auto plain = only("the 57", 4);
    REQUIRE(plain.has_value());
    CHECK_FALSE(plain->approximate);
}

TEST_CASE("digits with thousands separators and decimals read as one number") {
    check_all({{"1,200", 1200, ""}, {"1,234,567.25", 1234567.25, ""}, {"3.5", 3.5, ""}, {"12,345 dollars", 12345, "USD"}});
    const auto two = find_quantities("1,23 and 4");
    REQUIRE(two.size() >= 2);
    CHECK(two[0].value == 1);
}

}  // TEST_SUITE
