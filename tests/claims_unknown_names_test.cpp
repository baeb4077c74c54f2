#include <claimtrack/claims.hpp>

#include "support/claims_articles.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using claimtrack::Claim;
using claimtrack::ClaimKind;
using claimtrack::test::field;
using claimtrack::test::of_kind;
using claimtrack::test::text_article;

namespace {

// Return the claims of `kind` found in `paragraphs`, each a text paragraph.
std::vector<Claim> claims_of(const std::vector<std::string>& paragraphs, ClaimKind kind) {
    return of_kind(claimtrack::claims::extract(text_article(paragraphs)), kind);
}

}  // namespace

TEST_SUITE("claims with names in no lexicon") {

TEST_CASE("an unknown Chinese organisation is recognised by its suffix in roles") {
    const auto roles = claims_of({"云帆科技的CEO是高明远，他此前在外企做了多年研发。", "北辰集团CEO田雨桐也出席了活动。",
                                  "去年，李静怡担任澜石银行的行长兼总裁。"},
                                 ClaimKind::role);
    REQUIRE(roles.size() == 3);
    CHECK(field(roles[0], "person") == "高明远");
    CHECK(field(roles[0], "organization") == "云帆科技");
    CHECK(field(roles[1], "person") == "田雨桐");
    CHECK(field(roles[1], "organization") == "北辰集团");
    CHECK(field(roles[2], "person") == "李静怡");
    CHECK(field(roles[2], "organization") == "澜石银行");
}

TEST_CASE("a description before a Latin name is not an organisation") {
    const auto events = claims_of({"今年2月，咨询机构Marlowe发布报告称，国产平板的份额有所上升。"}, ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(field(events[0], "actor") == "Marlowe");
    CHECK(field(events[0], "when") == "2025-02");
}

TEST_CASE("the short form of an organisation named earlier is the same organisation") {
    const auto qs = claims_of({"总部位于西安的北辰半导体去年扩产。", "北辰的营收由12亿元增至20亿元。"}, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "北辰半导体");
    CHECK(field(qs[0], "from") == "1200000000");
}

TEST_CASE("a Chinese quote at a summit names the person before 在, never the city") {
    const auto a = std::vector<std::string>{"今年9月，高明远在深圳举行的全球存储论坛上说：“良率就是一切。”",
                                            "他还表示，公司明年将达到月产五万片。"};
    const auto quotes = claims_of(a, ClaimKind::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(field(quotes[0], "speaker") == "高明远");
    CHECK(field(quotes[0], "quote") == "良率就是一切");
    CHECK(field(quotes[0], "venue") == "全球存储论坛");
    CHECK(field(quotes[0], "place") == "深圳");
    CHECK(field(quotes[0], "when") == "2025-09");
    CHECK(field(quotes[1], "speaker") == "高明远");
    CHECK(claims_of(a, ClaimKind::event).empty());
}

TEST_CASE("spans of time are not quantities, the figure beside them is") {
    const auto qs = claims_of({"过去三年，市场变化很大。", "三年前这个比例还不到15%。"}, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "15");
}

TEST_CASE("a dated amount is also an event, a record is a comparison, a rumour is hedged") {
    const std::vector<std::string> a{"今年7月，澜石科技完成了30亿元融资，这是迄今为止该领域最大的一笔融资。",
                                     "有消息称，澜石正在筹备上市，估值可能超过200亿元。"};
    const auto events = claims_of(a, ClaimKind::event);
    REQUIRE(events.size() == 2);
    CHECK(field(events[0], "actor") == "澜石科技");
    CHECK(field(events[0], "when") == "2025-07");
    CHECK(field(events[1], "actor") == "澜石科技");
    CHECK(events[1].hedged);
    const auto cmp = claims_of(a, ClaimKind::comparison);
    REQUIRE(cmp.size() == 1);
    CHECK(field(cmp[0], "relation") == "迄今为止最大");
    CHECK(field(cmp[0], "subject") == "澜石科技");
}

TEST_CASE("an English quote in quotation marks with the speaker after it, then reported speech") {
    const auto quotes = claims_of({"Fernhall's chief executive, Dana Whitcombe, took over in 2023.",
                                   "\"Nobody needs a new tablet every year,\" Whitcombe said at the Oslo Device Forum in June.",
                                   "She argued that repairs were cheaper than ever."},
                                  ClaimKind::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(field(quotes[0], "speaker") == "Dana Whitcombe");
    CHECK(field(quotes[0], "quote") == "Nobody needs a new tablet every year");
    CHECK(field(quotes[0], "venue") == "Oslo Device Forum");
    CHECK(field(quotes[0], "when") == "2025-06");
    CHECK(field(quotes[1], "speaker") == "Dana Whitcombe");
    CHECK(field(quotes[1], "quote") == "repairs were cheaper than ever");
}

TEST_CASE("said to be worth is a hedge, and a nationality after a is no one") {
    const std::vector<std::string> a{"Fernhall sells tablets across the Nordics.",
                                     "Fernhall is reportedly selling its chip arm to a Danish rival, in a deal said to be worth about "
                                     "$300 million."};
    CHECK(claims_of(a, ClaimKind::quote).empty());
    const auto qs = claims_of(a, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "Fernhall");
    CHECK(qs[0].hedged);
}

TEST_CASE("the company and the X-based company are the organisation the article is about") {
    const std::vector<std::string> a{"Fernhall makes rugged tablets.", "The Oslo-based company employs 2,300 people.",
                                     "Fernhall also said that, for the first time, it would rent out its tablets."};
    const auto qs = claims_of(a, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "Fernhall");
    const auto cmp = claims_of(a, ClaimKind::comparison);
    REQUIRE(cmp.size() == 1);
    CHECK(field(cmp[0], "subject") == "Fernhall");
    CHECK(field(cmp[0], "object") == "it would rent out its tablets");
}

TEST_CASE("a level up from an earlier one is a change with the reported subject") {
    const std::vector<std::string> a{
        "In June, Brightwell Research reported that the typical laptop in Canada is now kept for 44 months, up from 30 "
        "months in 2019."};
    const auto qs = claims_of(a, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "from") == "30");
    CHECK(field(qs[0], "to") == "44");
    CHECK(field(qs[0], "subject") == "the typical laptop in Canada");
    const auto events = claims_of(a, ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(field(events[0], "actor") == "Brightwell Research");
    CHECK(field(events[0], "when") == "2025-06");
}

}  // TEST_SUITE
