#include <claimtrack/numbers.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

using claimtrack::numbers::find_dates;

namespace {

std::vector<std::string> isos(std::string_view text, std::string_view anchor = "2025-11-10") {
    std::vector<std::string> out;
    for (const auto& d : find_dates(text, anchor)) out.push_back(d.iso);
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_SUITE("text dates") {

TEST_CASE("absolute Chinese dates") {
    CHECK(isos("2025年9月19日发布") == V{"2025-09-19"});
    CHECK(isos("２０２４年３月") == V{"2024-03"});
    CHECK(isos("2023年") == V{"2023"});
    CHECK(isos("2025年初") == V{"2025-01"});
}

TEST_CASE("month and day take the anchor's year") {
    CHECK(isos("9月19日") == V{"2025-09-19"});
    CHECK(isos("9月19日", "").empty());
}

TEST_CASE("relative Chinese dates resolve against the anchor") {
    CHECK(isos("今年4月，研究机构分析过") == V{"2025-04"});
    CHECK(isos("去年") == V{"2024"});
    CHECK(isos("去年年底") == V{"2024-12"});
    CHECK(isos("年初DeepSeek发布") == V{"2025-01"});
    CHECK(isos("上月") == V{"2025-10"});
    CHECK(isos("几天前") == V{"2025-11"});
    CHECK(isos("昨天") == V{"2025-11-09"});
    CHECK(isos("今年四月") == V{"2025-04"});
}

TEST_CASE("Chinese weekdays and parts of a day resolve within the anchor's week") {
    // 2025-11-10 is a Monday.
    CHECK(isos("上周五，该公司宣布") == V{"2025-11-07"});
    CHECK(isos("周三将召开") == V{"2025-11-12"});
    CHECK(isos("星期一") == V{"2025-11-10"});
    CHECK(isos("下周一") == V{"2025-11-17"});
    CHECK(isos("上周") == V{"2025-W45"});
    CHECK(isos("每周一开会").empty());
    CHECK(isos("成立三周年").empty());
    CHECK(isos("昨晚") == V{"2025-11-09"});
    CHECK(isos("今晨") == V{"2025-11-10"});
    CHECK(isos("去年底") == V{"2024-12"});
}

TEST_CASE("English weekdays are the latest such day, or the one before or after") {
    CHECK(isos("said on Friday") == V{"2025-11-07"});
    CHECK(isos("on Monday") == V{"2025-11-10"});
    CHECK(isos("On Tuesday, the firm") == V{"2025-11-04"});
    CHECK(isos("last Monday") == V{"2025-11-03"});
    CHECK(isos("next Tuesday") == V{"2025-11-11"});
    CHECK(isos("Earlier this month, the company") == V{"2025-11"});
    CHECK(isos("a Monday morning", "").empty());
}

TEST_CASE("relative dates are skipped without an anchor") {
    CHECK(isos("今年4月", "").empty());
    CHECK(isos("last week", "").empty());
    CHECK(isos("in April", "").empty());
}

TEST_CASE("month boundaries wrap across years") {
    CHECK(isos("上个月", "2025-01-15") == V{"2024-12"});
    CHECK(isos("昨天", "2025-03-01") == V{"2025-02-28"});
}

TEST_CASE("English absolute dates") {
    CHECK(isos("on April 3, 2025,") == V{"2025-04-03"});
    CHECK(isos("3 April 2025") == V{"2025-04-03"});
    CHECK(isos("Sept. 19") == V{"2025-09-19"});
    CHECK(isos("in March 2024") == V{"2024-03"});
    CHECK(isos("2025-09-19") == V{"2025-09-19"});
    CHECK(isos("since 2019") == V{"2019"});
}

TEST_CASE("English relative dates") {
    CHECK(isos("In April, analysts said") == V{"2025-04"});
    CHECK(isos("last week") == V{"2025-W45"});
    CHECK(isos("last month") == V{"2025-10"});
    CHECK(isos("last year") == V{"2024"});
    CHECK(isos("yesterday") == V{"2025-11-09"});
}

TEST_CASE("words that look like months are not dates") {
    CHECK(isos("It may rain. We march on.").empty());
    CHECK(isos("May be").empty());
    CHECK(isos("两个月").empty());
}

TEST_CASE("date spans point into the original text") {
    const std::string text = "据报道，今年４月起";
    const auto dates = find_dates(text, "2025-11-10");
    REQUIRE(dates.size() == 1);
    CHECK(text.substr(dates[0].span.start, dates[0].span.end - dates[0].span.start) == "今年４月");
}

}  // TEST_SUITE

TEST_CASE("dates start only at a digit, a word start or a Chinese date character") {
    CHECK(isos("ABC今年4月发布") == V{"2025-04"});
    CHECK(isos("据报道上周宣布") == isos("上周"));
    CHECK(isos("lastweek, Xlast week") == V{});
    CHECK(isos("in Ａｐｒｉｌ") == isos("in April"));
    CHECK(isos("二〇二五年三月") == isos("2025年3月"));
}
