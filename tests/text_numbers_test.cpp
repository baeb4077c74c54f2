#include <claimtrack/numbers.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using claimtrack::numbers::find_quantities;
using claimtrack::numbers::format_number;
using claimtrack::numbers::parse_chinese_numeral;
using claimtrack::numbers::parse_number;

namespace {

std::string covered(std::string_view text, const claimtrack::numbers::Quantity& q) {
    return std::string(text.substr(q.span.start, q.span.end - q.span.start));
}

}  // namespace

TEST_SUITE("text numbers") {

TEST_CASE("Chinese numerals read with units and magnitudes") {
    CHECK(parse_chinese_numeral("五十") == 50);
    CHECK(parse_chinese_numeral("十五") == 15);
    CHECK(parse_chinese_numeral("两百七十万") == 2700000);
    CHECK(parse_chinese_numeral("一千零五") == 1005);
    CHECK(parse_chinese_numeral("一亿三千万") == 130000000);
    CHECK(parse_chinese_numeral("零") == 0);
    CHECK(parse_chinese_numeral("二〇二五") == 2025);
    CHECK(parse_chinese_numeral("三点五") == doctest::Approx(3.5));
    CHECK_FALSE(parse_chinese_numeral("市场").has_value());
    CHECK_FALSE(parse_chinese_numeral("").has_value());
}

TEST_CASE("Chinese tenths read as percent values") {
    CHECK(parse_chinese_numeral("九成五") == 95);
    CHECK(parse_chinese_numeral("三成") == 30);
}

TEST_CASE("parse_number reads digits, words and full-width digits") {
    CHECK(parse_number("3.5") == doctest::Approx(3.5));
    CHECK(parse_number("1,200") == 1200);
    CHECK(parse_number("zero") == 0);
    CHECK(parse_number("ninety-five") == 95);
    CHECK(parse_number("two hundred thousand") == 200000);
    CHECK(parse_number("９５") == 95);
    CHECK(parse_number("五十") == 50);
    CHECK_FALSE(parse_number("Nvidia").has_value());
}

TEST_CASE("full-width percent keeps the original byte span") {
    const std::string text = "份额为９５％。";
    const auto qs = find_quantities(text);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].value == 95);
    CHECK(qs[0].unit == "%");
    CHECK(covered(text, qs[0]) == "９５％");
}

TEST_CASE("the folding shared between finders follows the text, not its address or length") {
    // Same length and the same buffer, different full-width text: each read folds its own text.
    std::string text = "份额由９５％下降为１２％，";
    const auto first = find_quantities(text);
    REQUIRE(first.size() == 2);
    CHECK(first[0].value == 95);
    CHECK(claimtrack::numbers::find_dates(text, "2025-11-10").empty());
    CHECK(find_quantities(text).size() == 2);
    text.replace(text.find("９５"), std::string("９５").size(), "８４");
    const auto second = find_quantities(text);
    REQUIRE(second.size() == 2);
    CHECK(second[0].value == 84);
    CHECK(covered(text, second[0]) == "８４％");
    const auto dates = claimtrack::numbers::find_dates("２０２５年４月，份额１２％", "2025-11-10");
    REQUIRE(dates.size() == 1);
    CHECK(dates[0].iso == "2025-04");
    CHECK(find_quantities("２０２５年４月，份额１２％").back().value == 12);
}

TEST_CASE("percentages in three languages of writing") {
    const auto a = find_quantities("fell 12.5 percent");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == doctest::Approx(12.5));
    CHECK(a[0].unit == "%");
    const auto b = find_quantities("占比百分之五十");
    REQUIRE(b.size() == 1);
    CHECK(b[0].value == 50);
    CHECK(b[0].unit == "%");
    const auto c = find_quantities("良率达到九成五");
    REQUIRE(c.size() == 1);
    CHECK(c[0].value == 95);
    CHECK(c[0].unit == "%");
}

TEST_CASE("magnitudes multiply into base units") {
    const auto a = find_quantities("营收3.5亿元");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == doctest::Approx(3.5e8));
    CHECK(a[0].unit == "CNY");
    const auto b = find_quantities("revenue of $35.1 billion");
    REQUIRE(b.size() == 1);
    CHECK(b[0].value == doctest::Approx(35.1e9));
    CHECK(b[0].unit == "USD");
    const auto c = find_quantities("a $2bn deal");
    REQUIRE(c.size() == 1);
    CHECK(c[0].value == doctest::Approx(2e9));
    const auto d = find_quantities("两百七十万用户");
    REQUIRE(d.size() == 1);
    CHECK(d[0].value == 2700000);
    const auto e = find_quantities("投资50亿美元");
    REQUIRE(e.size() == 1);
    CHECK(e[0].value == doctest::Approx(5e9));
    CHECK(e[0].unit == "USD");
}

TEST_CASE("currencies are recognised by sign and by word") {
    CHECK(find_quantities("300 yuan").at(0).unit == "CNY");
    CHECK(find_quantities("USD 40").empty() == false);
    CHECK(find_quantities("花了20元").at(0).unit == "CNY");
    CHECK(find_quantities("€5m").at(0).value == doctest::Approx(5e6));
}

TEST_CASE("vague Chinese ranges become approximate ranges") {
    const std::string text = "将数千至数万芯片联接";
    const auto qs = find_quantities(text);
    REQUIRE(qs.size() == 1);
    CHECK(qs[0].value == 1000);
    REQUIRE(qs[0].upper.has_value());
    CHECK(*qs[0].upper == 10000);
    CHECK(qs[0].approximate);
    CHECK(covered(text, qs[0]) == "数千至数万");
}

TEST_CASE("English and dash ranges") {
    const auto a = find_quantities("between 3 and 5 percent");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == 3);
    CHECK(a[0].upper == 5);
    CHECK(a[0].unit == "%");
    const auto b = find_quantities("3-5 years");
    REQUIRE(b.size() == 1);
    CHECK(b[0].upper == 5);
    const auto c = find_quantities("3至5万人");
    REQUIRE(c.size() == 1);
    CHECK(c[0].value == 30000);
    CHECK(c[0].upper == 50000);
}

TEST_CASE("a change from one value to another is two quantities, not a range") {
    const auto a = find_quantities("fell from 95% to zero");
    REQUIRE(a.size() == 2);
    CHECK(a[0].value == 95);
    CHECK_FALSE(a[0].upper.has_value());
    CHECK(a[1].value == 0);
    const auto b = find_quantities("市场份额由95%下降为0");
    REQUIRE(b.size() == 2);
    CHECK(b[0].value == 95);
    CHECK(b[1].value == 0);
    const auto c = find_quantities("份额降为零");
    REQUIRE(c.size() == 1);
    CHECK(c[0].value == 0);
}

TEST_CASE("counters stay with their number, words are not numbers") {
    const auto a = find_quantities("可能有“50项不同法规”");
    REQUIRE(a.size() == 1);
    CHECK(a[0].value == 50);
    CHECK(a[0].unit == "项");
    CHECK(find_quantities("统一的数据，一样好用，十分重要").empty());
    CHECK(find_quantities("one of the best").empty());
}

TEST_CASE("model names, dates and years are not quantities") {
    CHECK(find_quantities("Kimi K2 beat GPT-5 and H20").empty());
    CHECK(find_quantities("2025年9月19日").empty());
    CHECK(find_quantities("on 2025-09-19 at 10:30").empty());
    CHECK(find_quantities("in 2024").empty());
}

TEST_CASE("approximate cues mark quantities") {
    CHECK(find_quantities("约300家").at(0).approximate);
    CHECK(find_quantities("about 40 percent").at(0).approximate);
    CHECK(find_quantities("100多家企业").at(0).approximate);
    CHECK_FALSE(find_quantities("exactly 40 percent").at(0).approximate);
}

TEST_CASE("format_number writes values compactly") {
    CHECK(format_number(95) == "95");
    CHECK(format_number(0.5) == "0.5");
    CHECK(format_number(3.5e8) == "350000000");
    CHECK(format_number(-2) == "-2");
    CHECK(format_number(12.25) == "12.25");
}

}  // TEST_SUITE
