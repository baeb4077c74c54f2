#include <claimtrack/claims.hpp>

#include "claims/lexicon.hpp"
#include "support/claims_articles.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

using claimtrack::Article;
using claimtrack::Claim;
using claimtrack::ClaimKind;
using claimtrack::ParagraphKind;
using claimtrack::test::field;
using claimtrack::test::make_article;
using claimtrack::test::of_kind;
using claimtrack::test::text_article;

namespace {

void check_spans(const Article& a, const std::vector<Claim>& claims) {
    for (const auto& c : claims) {
        REQUIRE(c.span.end <= a.body.size());
        CHECK(c.text == a.body.substr(c.span.start, c.span.end - c.span.start));
        CHECK(c.article == a.id);
        CHECK(c.checkworthiness >= 0.0);
        CHECK(c.checkworthiness <= 1.0);
    }
}

}  // namespace

TEST_SUITE("claims") {

TEST_CASE("a role with the organisation in the previous clause") {
    const auto a = text_article({"国内手机巨头小米，董事长是雷军。"});
    const auto claims = claimtrack::claims::extract(a);
    const auto roles = of_kind(claims, ClaimKind::role);
    REQUIRE(roles.size() == 1);
    CHECK(field(roles[0], "person") == "雷军");
    CHECK(field(roles[0], "role") == "董事长");
    CHECK(field(roles[0], "organization") == "小米");
    CHECK(roles[0].text == "国内手机巨头小米，董事长是雷军。");
    CHECK(roles[0].checkworthiness >= 0.5);
    check_spans(a, claims);
}

TEST_CASE("roles written in several Chinese orders") {
    const auto a = text_article({"紧随其后的是台积电，董事长魏哲家同样备受关注。",
                                 "老牌厂商联想，去年换上了王建国当总裁，引发讨论。",
                                 "高通的CEO安蒙，也是业内熟知的人物。"});
    const auto roles = of_kind(claimtrack::claims::extract(a), ClaimKind::role);
    REQUIRE(roles.size() == 3);
    CHECK(field(roles[0], "person") == "魏哲家");
    CHECK(field(roles[0], "organization") == "台积电");
    CHECK(field(roles[1], "person") == "王建国");
    CHECK(field(roles[1], "role") == "总裁");
    CHECK(field(roles[1], "organization") == "联想");
    CHECK(field(roles[1], "when") == "2024");
    CHECK(field(roles[2], "person") == "安蒙");
    CHECK(field(roles[2], "organization") == "高通");
}

TEST_CASE("English roles before and after the name") {
    const auto a = text_article({"Broadcom's chief executive, Hock Tan, has led the company since 2006. "
                                 "Lisa Su, CEO of AMD, spoke after the results. "
                                 "Acme Robotics CEO Jane Porter declined to comment."});
    const auto roles = of_kind(claimtrack::claims::extract(a), ClaimKind::role);
    REQUIRE(roles.size() == 3);
    CHECK(field(roles[0], "person") == "Hock Tan");
    CHECK(field(roles[0], "role") == "chief executive");
    CHECK(field(roles[0], "organization") == "Broadcom");
    CHECK(field(roles[1], "person") == "Lisa Su");
    CHECK(field(roles[1], "organization") == "AMD");
    CHECK(field(roles[2], "person") == "Jane Porter");
    CHECK(field(roles[2], "organization") == "Acme Robotics");
}

TEST_CASE("a change from one share to another keeps subject and attribute") {
    const auto a = text_article({"受出口限制影响，AMD在中国的收入占比由２０％下降为5%，损失不小。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "AMD");
    CHECK(field(qs[0], "attribute") == "在中国的收入占比");
    CHECK(field(qs[0], "from") == "20");
    CHECK(field(qs[0], "to") == "5");
    CHECK(field(qs[0], "unit") == "%");
}

TEST_CASE("an English change from one share to another") {
    const auto a = text_article({"Qualcomm's share of the modem market fell from 60% to zero in two years."});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "Qualcomm");
    CHECK(field(qs[0], "attribute") == "share of the modem market");
    CHECK(field(qs[0], "from") == "60");
    CHECK(field(qs[0], "to") == "0");
    CHECK(field(qs[0], "unit") == "%");
}

TEST_CASE("a quote at a named venue, then a pronoun quote resolved to the same speaker") {
    const auto a = text_article({"上个月，马云在杭州举办的云栖大会上，直接说“数据是新的石油”。",
                                 "他说，全球算力需求每年增长三成。"});
    const auto claims = claimtrack::claims::extract(a);
    const auto quotes = of_kind(claims, ClaimKind::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(field(quotes[0], "speaker") == "马云");
    CHECK(field(quotes[0], "quote") == "数据是新的石油");
    CHECK(field(quotes[0], "venue") == "云栖大会");
    CHECK(field(quotes[0], "place") == "杭州");
    CHECK(field(quotes[0], "when") == "2025-10");
    CHECK(field(quotes[1], "speaker") == "马云");
    CHECK(field(quotes[1], "quote") == "全球算力需求每年增长三成");
    const auto qs = of_kind(claims, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "30");
    CHECK(field(qs[0], "unit") == "%");
    check_spans(a, claims);
}

TEST_CASE("English quotes with venue and a pronoun speaker") {
    const auto a = text_article({"At the Future Compute Summit in London, Satya Nadella said that cloud demand would double. "
                                 "He said the company would hire 2,000 engineers."});
    const auto claims = claimtrack::claims::extract(a);
    const auto quotes = of_kind(claims, ClaimKind::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(field(quotes[0], "speaker") == "Satya Nadella");
    CHECK(field(quotes[0], "quote") == "cloud demand would double");
    CHECK(field(quotes[0], "venue") == "Future Compute Summit in London");
    CHECK(field(quotes[1], "speaker") == "Satya Nadella");
    const auto qs = of_kind(claims, ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "2000");
}

TEST_CASE("dated events resolve relative dates against the article date") {
    const auto a = text_article({"今年3月，研究机构TrendForce就预测过，存储芯片价格将上涨，不过涨幅有限。",
                                 "In April, SemiAnalysis estimated that the new cluster would need its own power plant."});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(events.size() == 2);
    CHECK(field(events[0], "actor") == "TrendForce");
    CHECK(field(events[0], "when") == "2025-03");
    CHECK(field(events[0], "action") == "预测过，存储芯片价格将上涨");
    CHECK(field(events[1], "actor") == "SemiAnalysis");
    CHECK(field(events[1], "when") == "2025-04");
}

TEST_CASE("an event verb names the action; its actor is the subject before it, in a passive too") {
    const auto a = text_article({"上月，青岚科技完成了8亿元B轮融资。", "去年底，青岚科技因数据泄露被北江市监管局罚款30万元。",
                                 "周三，青岚科技召开发布会，推出了两款新品。"});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(events.size() == 3);
    CHECK(field(events[0], "actor") == "青岚科技");
    CHECK(field(events[0], "action") == "完成了8亿元B轮融资");
    CHECK(field(events[0], "when") == "2025-10");
    CHECK(field(events[1], "actor") == "青岚科技");  // the one fined, not the office that fined it
    CHECK(field(events[1], "action") == "因数据泄露被北江市监管局罚款30万元");
    CHECK(field(events[1], "when") == "2024-12");
    CHECK(field(events[2], "action") == "推出了两款新品");  // 发布会 is a press conference, not the action
    CHECK(field(events[2], "when") == "2025-11-12");
}

TEST_CASE("English events: an appositive is skipped, a weekday resolved, a generic actor named") {
    const auto a = text_article({"Fernhill Labs, a battery startup based in Oslo, unveiled its new cell on Tuesday.",
                                 "Last month the city council voted to close two libraries."});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(events.size() == 2);
    CHECK(field(events[0], "actor") == "Fernhill Labs");
    CHECK(field(events[0], "action") == "unveiled its new cell on Tuesday");
    CHECK(field(events[0], "when") == "2025-11-04");
    CHECK(field(events[1], "actor") == "city council");
    CHECK(field(events[1], "when") == "2025-10");
    CHECK(events[1].checkworthiness >= 0.5);
}

TEST_CASE("\"the company was fined\" names the article's company as the actor") {
    const auto a = text_article({"Pellcrest Logistics runs 40 depots in Wales.", "Pellcrest Logistics hired 300 drivers in 2024.",
                                 "Earlier this month, the company was fined $90,000 by the regulator."});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(!events.empty());
    CHECK(field(events.back(), "actor") == "Pellcrest Logistics");
    CHECK(field(events.back(), "when") == "2025-11");
    CHECK(field(events.back(), "action").starts_with("was fined $90,000"));
}

TEST_CASE("an organisation's dated announcement in its own words is an event, not a quote") {
    const auto a = text_article({"Brightwater Bank, the lender that owns Coastline Mortgages, said on Friday it would close 40 branches."});
    const auto claims = claimtrack::claims::extract(a);
    CHECK(of_kind(claims, ClaimKind::quote).empty());
    const auto events = of_kind(claims, ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(field(events[0], "actor") == "Brightwater Bank");
    CHECK(field(events[0], "when") == "2025-11-07");
    CHECK(field(events[0], "action") == "said on Friday it would close 40 branches");
}

TEST_CASE("a dated release beside a first is both an event and a comparison") {
    const auto a = text_article({"Orvane, a Lyon-based AI lab, released its Tern-2 model on Monday, the first open model to pass the exam."});
    const auto claims = claimtrack::claims::extract(a);
    REQUIRE(of_kind(claims, ClaimKind::comparison).size() == 1);
    const auto events = of_kind(claims, ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(field(events[0], "actor") == "Orvane");
    CHECK(field(events[0], "when") == "2025-11-10");
}

TEST_CASE("an anonymous source hedges a reported plan, which is an event") {
    const auto a = text_article({"据知情人士透露，青岚科技正在筹备赴港上市。"});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(events[0].hedged);
    CHECK(field(events[0], "actor") == "青岚科技");
}

TEST_CASE("one's first reaction or first task, and the first half of a year, are not firsts") {
    const auto a = text_article({"青岚科技创始人说，他看到订单后的第一反应是扩产。", "很多客户拿到机器后的第一件事，就是拆开看电机。",
                                 "In the first half of 2025, Orvane sold 3,000 robots."});
    CHECK(of_kind(claimtrack::claims::extract(a), ClaimKind::comparison).empty());
    const auto b = text_article({"青岚科技是第一家在科创板上市的机器人公司。"});
    CHECK(of_kind(claimtrack::claims::extract(b), ClaimKind::comparison).size() == 1);
}

TEST_CASE("no anchor date leaves relative events undated") {
    const auto a = text_article({"今年3月，研究机构TrendForce就预测过，存储芯片价格将上涨。"}, "");
    CHECK(of_kind(claimtrack::claims::extract(a), ClaimKind::event).empty());
}

TEST_CASE("superlatives and wins are comparisons, one per clause") {
    const auto a = text_article({"最近Qwen3这款模型又登顶了，成了迄今为止最强的开源模型，甚至击败了多个闭源模型。"});
    const auto claims = claimtrack::claims::extract(a);
    const auto cmp = of_kind(claims, ClaimKind::comparison);
    REQUIRE(cmp.size() == 2);
    CHECK(field(cmp[0], "subject") == "Qwen3");
    CHECK(field(cmp[0], "relation") == "迄今为止最强");
    CHECK(field(cmp[0], "object") == "开源模型");
    CHECK(cmp[0].text == "成了迄今为止最强的开源模型");
    CHECK(field(cmp[1], "relation") == "击败");
    check_spans(a, claims);
}

TEST_CASE("English comparisons") {
    const auto a = text_article({"Last week, Mistral's new model beat GPT-5 on three benchmarks for the first time."});
    const auto claims = claimtrack::claims::extract(a);
    const auto cmp = of_kind(claims, ClaimKind::comparison);
    REQUIRE(cmp.size() == 1);
    CHECK(field(cmp[0], "subject") == "Mistral");
    CHECK(field(cmp[0], "relation") == "beat");
    CHECK(of_kind(claims, ClaimKind::event).empty());
}

TEST_CASE("reported speech is hedged, and a doubting sentence hedges the claim before it") {
    const auto a = text_article({"据报道，扎克伯格裁撤了元宇宙部门的大部分员工。",
                                 "Musk has reportedly fired the last engineer on the Grok team.",
                                 "苹果公司，首席执行官是库克。这种说法很难证实。",
                                 "英伟达的CEO黄仁勋出席了活动。"});
    const auto claims = claimtrack::claims::extract(a);
    REQUIRE(claims.size() == 4);
    CHECK(claims[0].kind == ClaimKind::event);
    CHECK(field(claims[0], "actor") == "扎克伯格");
    CHECK(claims[0].hedged);
    CHECK(claims[1].kind == ClaimKind::event);
    CHECK(field(claims[1], "actor") == "Musk");
    CHECK(claims[1].hedged);
    CHECK(claims[2].kind == ClaimKind::role);
    CHECK(claims[2].hedged);
    CHECK(claims[3].kind == ClaimKind::role);
    CHECK_FALSE(claims[3].hedged);
}

TEST_CASE("opinion and personal experience give no claim") {
    const auto a = text_article({"我觉得这个模型真挺好用，太聪明了。", "这场竞争还远远没有结束。",
                                 "I think this model is really fun to use.", "说到这里，大家就应该懂了。"});
    CHECK(claimtrack::claims::extract(a).empty());
}

TEST_CASE("only text paragraphs are read") {
    const auto a = make_article({{"英伟达的CEO是黄仁勋", ParagraphKind::title},
                                 {"500", ParagraphKind::noise},
                                 {"小米，董事长是雷军。", ParagraphKind::text},
                                 {"英伟达CEO黄仁勋 https://example.com/a", ParagraphKind::source_list}});
    const auto claims = claimtrack::claims::extract(a);
    REQUIRE(claims.size() == 1);
    CHECK(field(claims[0], "person") == "雷军");
    check_spans(a, claims);
}

TEST_CASE("a hedged amount with a magnitude and currency") {
    const auto a = text_article({"据称，蔚来将投资3.5亿美元建厂。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "350000000");
    CHECK(field(qs[0], "unit") == "USD");
    CHECK(qs[0].hedged);
}

TEST_CASE("a vague range of counts") {
    const auto a = text_article({"阿里巴巴的方案是把数百至数千台服务器连成一个集群。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "阿里巴巴");
    CHECK(field(qs[0], "value") == "100");
    CHECK(field(qs[0], "upper") == "1000");
    CHECK(field(qs[0], "approximate") == "true");
}

TEST_CASE("English counts of things are quantities with subject and attribute") {
    const auto a = text_article({"Ford runs two factories in Kentucky. Our county lists 48 separate zoning codes. "
                                 "Acme Foods employs 12,500 drivers across Europe."});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 3);
    CHECK(field(qs[0], "subject") == "Ford");
    CHECK(field(qs[0], "attribute") == "factories");
    CHECK(field(qs[0], "value") == "2");
    CHECK(field(qs[1], "attribute") == "separate zoning codes");
    CHECK(field(qs[1], "value") == "48");
    CHECK(field(qs[2], "subject") == "Acme Foods");
    CHECK(field(qs[2], "attribute") == "drivers");
    CHECK(field(qs[2], "value") == "12500");
    for (const auto& q : qs) CHECK(q.checkworthiness >= 0.5);
}

TEST_CASE("a number that counts nothing is not a claim") {
    const auto a = text_article({"We talked about it two or three times.", "The two of them left early."});
    CHECK(of_kind(claimtrack::claims::extract(a), ClaimKind::quantity).empty());
}

TEST_CASE("an English range between two counts") {
    const auto a = text_article({"Regulators in Brazil expect between 4 and 7 new wind farms next year."});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "4");
    CHECK(field(qs[0], "upper") == "7");
    CHECK(field(qs[0], "attribute") == "new wind farms");
    CHECK(field(qs[0], "subject") == "Brazil");
}

TEST_CASE("English changes written to-then-from and by-then-to") {
    const auto a = text_article({"Samsung's share of the foldable market slid to 40% from 70%.",
                                 "Netflix's quarterly profit rose 8% to $2.1 billion."});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 2);
    CHECK(field(qs[0], "subject") == "Samsung");
    CHECK(field(qs[0], "attribute") == "share of the foldable market");
    CHECK(field(qs[0], "from") == "70");
    CHECK(field(qs[0], "to") == "40");
    CHECK(field(qs[1], "subject") == "Netflix");
    CHECK(field(qs[1], "attribute") == "quarterly profit");
    CHECK(field(qs[1], "change") == "8");
    CHECK(field(qs[1], "change_unit") == "%");
    CHECK(field(qs[1], "to") == "2100000000");
    CHECK(field(qs[1], "unit") == "USD");
}

TEST_CASE("a Chinese count without a subject takes the entity of the sentence before") {
    const auto a = text_article({"日本的半导体补贴政策很复杂。", "据统计，共有“三十项不同规定”。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "日本");
    CHECK(field(qs[0], "value") == "30");
    CHECK(field(qs[0], "attribute") == "不同规定");
}

TEST_CASE("a Chinese count takes a place named earlier in the same sentence") {
    const auto a = text_article({"他说，德国的电价太高了，各地都不同，可能有“20种不同电价”。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "subject") == "德国");
    CHECK(field(qs[0], "attribute") == "不同电价");
}

TEST_CASE("Chinese attributes are short noun phrases, not clause fragments") {
    const auto a = text_article({"小米今年在欧洲市场持续发力并且不断扩大渠道之后的市场份额达到了15%。",
                                 "华为把数百至数千芯片连成一个集群。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 2);
    CHECK(field(qs[0], "subject") == "小米");
    CHECK(field(qs[0], "attribute") == "市场份额");
    CHECK(field(qs[0], "value") == "15");
    CHECK(field(qs[1], "subject") == "华为");
    CHECK(field(qs[1], "attribute") == "芯片");
}

TEST_CASE("an undated English statement of what a named actor did is an event") {
    const auto a = text_article({"Senator Alvarez has voted against the farm bill twice.", "Alvarez smiled."});
    const auto events = of_kind(claimtrack::claims::extract(a), ClaimKind::event);
    REQUIRE(events.size() == 1);
    CHECK(field(events[0], "actor") == "Senator Alvarez");
    CHECK(field(events[0], "action") == "has voted against the farm bill twice");
    CHECK(field(events[0], "when") == "");
}

TEST_CASE("English superlatives in -est are comparisons, ordinary -est words are not") {
    const auto a = text_article({"Ohio passed the strictest privacy law in the region.",
                                 "Ohio raised the interest on its bonds."});
    const auto cmp = of_kind(claimtrack::claims::extract(a), ClaimKind::comparison);
    REQUIRE(cmp.size() == 1);
    CHECK(field(cmp[0], "subject") == "Ohio");
    CHECK(field(cmp[0], "relation") == "the strictest");
}

TEST_CASE("English predictions and plans score lower than statements of fact") {
    const auto a = text_article({"Toyota built 40,000 cars in Kentucky.", "Toyota will build 40,000 cars in Kentucky."});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 2);
    CHECK(qs[0].checkworthiness > qs[1].checkworthiness);
}

TEST_CASE("an empty article and odd input give no claims and no crash") {
    CHECK(claimtrack::claims::extract(Article{}).empty());
    const auto a = text_article({"“““”", "，，，。。。", std::string(5000, 'x'), "\x01\x02"});
    CHECK(claimtrack::claims::extract(a).empty());
}

TEST_CASE("two Chinese figures less than a character apart are two quantities, not a crash") {
    const auto a = text_article({"星河半导体的营收增长10% 20%，公司表示。", "份额为10%,20%。"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    CHECK(qs.size() >= 2);
    for (const auto& q : qs) CHECK(field(q, "from") == "<none>");
}

TEST_CASE("a sentence ending with \"the\" and no stop is read, not a crash") {
    const auto a = text_article({"Acme Robotics sold 300 robots to the", "It is the"});
    const auto qs = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(qs.size() == 1);
    CHECK(field(qs[0], "value") == "300");
}

TEST_CASE("explain_score gives terms that sum to the stored check-worthiness") {
    const auto a = text_article({"首当其冲的当然是英伟达，CEO是黄仁勋。",
                                 "英伟达在中国的市场份额由95%下降为0。",
                                 "我觉得英伟达的芯片太聪明了，市场份额还会回到50%吗？",
                                 "Harbor Line said on Tuesday it would drop four of its eleven routes."});
    const auto claims = claimtrack::claims::extract(a);
    REQUIRE(claims.size() >= 3);
    for (const auto& c : claims) {
        const auto terms = claimtrack::claims::explain_score(a, c);
        REQUIRE_FALSE(terms.empty());
        double sum = 0.0;
        for (const auto& t : terms) {
            CHECK_FALSE(t.feature.empty());
            sum += t.weight;
        }
        CHECK(std::clamp(sum, 0.0, 1.0) == doctest::Approx(c.checkworthiness).epsilon(1e-12));
        CHECK(terms.front().feature == "kind");
    }
    const auto share = std::find_if(claims.begin(), claims.end(), [](const Claim& c) { return c.text.find("由95%") != std::string::npos; });
    REQUIRE(share != claims.end());
    const auto share_terms = claimtrack::claims::explain_score(a, *share);
    CHECK(std::any_of(share_terms.begin(), share_terms.end(), [](const auto& t) { return t.feature == "numbers" && t.weight > 0; }));
    CHECK(std::any_of(share_terms.begin(), share_terms.end(), [](const auto& t) { return t.feature == "named entity" && t.detail == "英伟达"; }));
    for (const auto& c : claims) {
        if (c.text.find("我觉得") == std::string::npos) continue;
        const auto terms = claimtrack::claims::explain_score(a, c);
        CHECK(std::any_of(terms.begin(), terms.end(), [](const auto& t) { return t.feature == "opinion" && t.weight < 0; }));
        CHECK(std::any_of(terms.begin(), terms.end(), [](const auto& t) { return t.feature == "question" && t.weight < 0; }));
        CHECK(c.checkworthiness < 0.5);
    }
}

TEST_CASE("explain_score is empty for a claim the extractor does not produce") {
    const auto a = text_article({"英伟达在中国的市场份额由95%下降为0。"});
    Claim manual;
    manual.kind = ClaimKind::role;
    manual.span = {0, 3};
    CHECK(claimtrack::claims::explain_score(a, manual).empty());
}

TEST_CASE("the embedded lexicon files give every list, both languages and escaped entries") {
    namespace lexicon = claimtrack::claims::lexicon;
    const auto has = [](std::span<const std::string_view> list, std::string_view entry) {
        return std::find(list.begin(), list.end(), entry) != list.end();
    };
    CHECK(has(lexicon::organizations(), "英伟达"));
    CHECK(has(lexicon::organizations(), "Nvidia"));
    CHECK(has(lexicon::hedges(), "据悉"));
    CHECK(has(lexicon::hedges(), "reportedly"));
    CHECK(has(lexicon::zh_roles(), "董事长"));
    CHECK_FALSE(has(lexicon::zh_roles(), "chief executive"));
    CHECK(has(lexicon::en_roles(), "chief executive"));
    CHECK(has(lexicon::zh_noun_stops(), " "));  // written \s in zh.txt
    CHECK(has(lexicon::en_org_suffixes(), "Analytics"));
    CHECK_FALSE(has(lexicon::opinions(), ""));
    CHECK(lexicon::embedded("xx").empty());
}

TEST_CASE("English says, half and a pronoun speaker after an appositive role") {
    const auto a = text_article({"Nadia Ferreira, chief executive of Harbor Line, told reporters at the port hearing that "
                                 "fuel now makes up half of the company's operating costs.",
                                 "\"We cannot keep running empty boats,\" she said.",
                                 "Mayor Colin Ashby says the cut will save $1.8 million a year."});
    const auto claims = claimtrack::claims::extract(a);
    const auto roles = of_kind(claims, ClaimKind::role);
    REQUIRE(roles.size() == 1);
    CHECK(field(roles[0], "person") == "Nadia Ferreira");
    CHECK(field(roles[0], "organization") == "Harbor Line");
    const auto quotes = of_kind(claims, ClaimKind::quote);
    REQUIRE(quotes.size() == 3);
    CHECK(field(quotes[0], "speaker") == "Nadia Ferreira");
    CHECK(field(quotes[0], "venue") == "port hearing");
    CHECK(field(quotes[1], "speaker") == "Nadia Ferreira");
    CHECK(field(quotes[1], "quote") == "We cannot keep running empty boats");
    CHECK(field(quotes[2], "speaker").ends_with("Colin Ashby"));
    CHECK(field(quotes[2], "quote") == "the cut will save $1.8 million a year");
    const auto qs = of_kind(claims, ClaimKind::quantity);
    REQUIRE(qs.size() >= 2);
    CHECK(field(qs[0], "value") == "50");
    CHECK(field(qs[0], "unit") == "%");
}

TEST_CASE("Traditional characters: a titled speaker, a brand name as organisation, 說 as a speech verb") {
    const auto a = text_article({"連鎖品牌茶米日和的創辦人林婉婷，上個月在加盟說明會上說：「原物料成本一年內上漲了三成。」"}, "2025-09-03");
    const auto claims = claimtrack::claims::extract(a);
    const auto roles = of_kind(claims, ClaimKind::role);
    REQUIRE(roles.size() == 1);
    CHECK(field(roles[0], "organization") == "茶米日和");
    CHECK(field(roles[0], "person") == "林婉婷");
    const auto quotes = of_kind(claims, ClaimKind::quote);
    REQUIRE(quotes.size() == 1);
    CHECK(field(quotes[0], "speaker") == "林婉婷");
    CHECK(field(quotes[0], "quote") == "原物料成本一年內上漲了三成");
    CHECK(field(quotes[0], "venue").find("說明會") != std::string::npos);
}

TEST_CASE("a quantity's subject is carried over only when its sentence names none of its own") {
    const auto a = text_article({"Fernhill Labs, a battery startup based in Oslo, unveiled its new cell on Tuesday.",
                                 "Last month the city council voted to close two libraries."});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(quantities.size() == 1);
    CHECK(field(quantities[0], "subject") == "city council");  // not Fernhill Labs, from the sentence before

    const auto b = text_article({"Brightwater Bank, the lender that owns Coastline Mortgages, said on Friday it would close 40 branches."});
    const auto closing = of_kind(claimtrack::claims::extract(b), ClaimKind::quantity);
    REQUIRE(closing.size() == 1);
    CHECK(field(closing[0], "subject") == "Brightwater Bank");  // "it": not the name in the appositive

    const auto c = text_article({"Korvid builds language models in Tallinn.", "The lab is said to be raising about $400 million."});
    const auto raising = of_kind(claimtrack::claims::extract(c), ClaimKind::quantity);
    REQUIRE(raising.size() == 1);
    CHECK(field(raising[0], "subject") == "Korvid");  // "the lab" refers back
}

TEST_CASE("a from-to change with the counted noun and a year between the two levels") {
    const auto a = text_article({"Skyreach's fleet grew from 35 drones in 2023 to 120.",
                                 "Harbor Line carried more people than ever.",
                                 "Ridership fell from 3.1 million trips in 2023 to 2.4 million in 2024."});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(quantities.size() == 2);
    CHECK(field(quantities[0], "from") == "35");
    CHECK(field(quantities[0], "to") == "120");
    CHECK(field(quantities[0], "attribute") == "fleet");
    CHECK(field(quantities[1], "from") == "3100000");
    CHECK(field(quantities[1], "to") == "2400000");
    CHECK(field(quantities[1], "attribute") == "trips");  // nothing named before the verb: the counted noun
}

TEST_CASE("Chinese quantity fields: a Latin unit, a noun phrase right after the amount, a traditional from-to") {
    const auto a = text_article({"星澜电池第三季度动力电池出货量达到12.6GWh。", "云梯机器人年初完成了15亿元C轮融资，由远山资本领投。",
                                 "今年一杯珍珠奶茶的平均售價從55元漲到65元。"});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(quantities.size() == 3);
    CHECK(field(quantities[0], "unit") == "GWh");
    CHECK(field(quantities[0], "attribute") == "出货量");
    CHECK(field(quantities[1], "attribute") == "融资");  // not "年初完成"
    CHECK(field(quantities[2], "from") == "55");
    CHECK(field(quantities[2], "to") == "65");
    CHECK(field(quantities[2], "attribute") == "平均售價");
}

TEST_CASE("a Chinese change to a new level gives `to`; an adverb before the verb leaves the attribute") {
    const auto a = text_article({"星澜电池表示，海外订单占比已经升至52%。", "中国存储芯片的自给率已经达到30%。"});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(quantities.size() == 2);
    CHECK(field(quantities[0], "to") == "52");
    CHECK(field(quantities[0], "value") == "<none>");
    CHECK(field(quantities[0], "attribute") == "海外订单占比");
    CHECK(field(quantities[1], "value") == "30");  // 达到 states a level, not a change
    CHECK(field(quantities[1], "attribute") == "存储芯片的自给率");
}

TEST_CASE("a comparison's subject: the company before the cue, not the region after; the measured thing of the clause before") {
    const auto a = text_article({"Harbor Line runs ferries across the bay.", "Harbor Line carried 2 million people last year.",
                                 "The company's fleet of 23 vessels is the largest in the region."});
    const auto en = of_kind(claimtrack::claims::extract(a), ClaimKind::comparison);
    REQUIRE(en.size() == 1);
    CHECK(field(en[0], "subject") == "Harbor Line");  // "in the region" is where it is the largest

    const auto b = text_article({"星澜电池发布三季报。", "星澜电池表示，海外订单占比已经升至52%，首次超过国内订单。"});
    const auto zh = of_kind(claimtrack::claims::extract(b), ClaimKind::comparison);
    REQUIRE(zh.size() == 1);
    CHECK(field(zh[0], "subject") == "星澜电池的海外订单占比");  // what exceeds domestic orders, not the company
}

TEST_CASE("a change by an amount names the thing changed, the noun phrase before \"by\"") {
    const auto a = text_article({"Last month the council voted 7 to 2 to cut the library budget by 15%."});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(!quantities.empty());
    CHECK(field(quantities.back(), "value") == "15");
    CHECK(field(quantities.back(), "attribute") == "library budget");
}

TEST_CASE("a name inside the measured phrase keeps the phrase as the attribute") {
    const auto a = text_article({"According to a survey, visits to Eastvale's branches rose from 410,000 in 2022 to 520,000 in 2024."});
    const auto quantities = of_kind(claimtrack::claims::extract(a), ClaimKind::quantity);
    REQUIRE(quantities.size() == 1);
    CHECK(field(quantities[0], "subject") == "Eastvale");
    CHECK(field(quantities[0], "attribute") == "visits to Eastvale's branches");  // not "branches"
}

}  // TEST_SUITE
