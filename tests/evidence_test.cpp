#include <claimtrack/evidence.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

using namespace claimtrack;
using claimtrack::evidence::Aliases;

namespace {

Claim make_claim(ClaimKind kind, std::map<std::string, std::string> fields) {
    Claim c;
    c.kind = kind;
    c.fields = std::move(fields);
    return c;
}

bool has(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Return true if every word of `query` outside double quotes is an operator or a parenthesis.
bool only_operators_outside_quotes(const std::string& query) {
    std::string outside;
    bool in_quote = false;
    for (std::size_t i = 0; i < query.size(); ++i) {
        if (query[i] == '"') {
            if (in_quote && i + 1 < query.size() && query[i + 1] == '"') {
                ++i;
                continue;
            }
            in_quote = !in_quote;
            outside += ' ';
            continue;
        }
        if (!in_quote) outside += query[i];
    }
    if (in_quote) return false;
    for (char& c : outside) {
        if (c == '(' || c == ')') c = ' ';
    }
    std::size_t pos = 0;
    while ((pos = outside.find_first_not_of(' ', pos)) != std::string::npos) {
        const std::size_t end = std::min(outside.find(' ', pos), outside.size());
        if (outside.substr(pos, end - pos) != "OR") return false;
        pos = end;
    }
    return true;
}

const Aliases k_aliases = Aliases::builtin();

evidence::Assessment judge(const Claim& claim, std::string_view passage) { return evidence::assess(claim, passage, k_aliases); }

}  // namespace

TEST_SUITE("evidence") {
    TEST_CASE("split_passages keeps sentences with spans and joins short fragments to the next") {
        const std::string text =
            "500\n\n英伟达的CEO是黄仁勋，这一点大家都知道。Nvidia reported that revenue rose 5% in the quarter. "
            "这场竞争还远远没有到终点。";
        const auto passages = evidence::split_passages(text);
        REQUIRE(passages.size() == 3);
        CHECK(passages[0].text.starts_with("500"));
        CHECK(passages[0].text.find("黄仁勋") != std::string::npos);
        for (std::size_t i = 0; i < passages.size(); ++i) {
            CHECK(passages[i].index == static_cast<int>(i));
            CHECK(passages[i].text == text.substr(passages[i].span.start, passages[i].span.end - passages[i].span.start));
        }
        CHECK(passages[1].text == "Nvidia reported that revenue rose 5% in the quarter.");
        CHECK(passages[2].text == "这场竞争还远远没有到终点。");
    }

    TEST_CASE("split_passages of empty text is empty") { CHECK(evidence::split_passages("").empty()); }

    TEST_CASE("built-in aliases join Chinese, Traditional and English names") {
        CHECK(has(k_aliases.names_of("nvidia"), "英伟达"));
        CHECK(has(k_aliases.names_of("英伟达"), "輝達"));
        CHECK(has(k_aliases.names_of("黃仁勳"), "Jensen Huang"));
        CHECK(has(k_aliases.names_of("首席执行官"), "CEO"));
        CHECK(k_aliases.names_of("Unknown Corp") == std::vector<std::string>{"Unknown Corp"});
        CHECK(k_aliases.groups().size() >= 40);
    }

    TEST_CASE("adding aliases extends a group or merges two groups") {
        Aliases a = Aliases::builtin();
        a.add("英伟达", "NV Corp");
        CHECK(has(a.names_of("nv corp"), "Nvidia"));
        a.add("Foo", "Bar");
        a.add("Baz", "Qux");
        a.add("bar", "QUX");
        const auto merged = a.names_of("foo");
        CHECK(merged.size() == 4);
        CHECK(has(merged, "Baz"));
        a.add("Foo", "foo");
        CHECK(a.names_of("Foo").size() == 4);
    }

    TEST_CASE("removing an alias takes it out of its group") {
        Aliases a = Aliases::builtin();
        CHECK(a.remove("nvidia"));
        CHECK_FALSE(has(a.names_of("英伟达"), "Nvidia"));
        CHECK_FALSE(has(a.names_of("英伟达"), "NVIDIA"));
        CHECK(has(a.names_of("英伟达"), "輝達"));
        CHECK_FALSE(a.remove("No Such Name"));
        a.add("Solo", "Pair");
        CHECK(a.remove("Pair"));
        CHECK(a.names_of("Solo") == std::vector<std::string>{"Solo"});
    }

    TEST_CASE("recall_query quotes every token and includes the aliases of each entity") {
        const Claim role = make_claim(ClaimKind::role, {{"person", "黄仁勋"}, {"role", "CEO"}, {"organization", "英伟达"}});
        const std::string q = evidence::recall_query(role, k_aliases);
        CHECK(q.find("\"黄仁 仁勋\"") != std::string::npos);
        CHECK(q.find("\"jensen huang\"") != std::string::npos);
        CHECK(q.find("\"nvidia\"") != std::string::npos);
        CHECK(q.find("\"英伟 伟达\"") != std::string::npos);
        CHECK(q.find(" OR ") != std::string::npos);
        CHECK(only_operators_outside_quotes(q));
    }

    TEST_CASE("query limits leave common tokens out, cut a name's phrase to its rare run, and fall back when all are common") {
        const Claim role = make_claim(ClaimKind::role, {{"person", "韩国斌"}, {"role", "创始人"}, {"organization", "骏联电子"}});
        const evidence::QueryLimits limits{[](std::string_view token, bool) -> std::int64_t {
                                               // A phrase of common tokens is common too here.
                                               const bool common = token.find("电子") != std::string_view::npos ||
                                                                   token.find("创始") != std::string_view::npos ||
                                                                   token.find("始人") != std::string_view::npos;
                                               return common ? 50000 : 10;
                                           },
                                           1000, 2000};
        const std::string all = evidence::linking_query(role, k_aliases);
        const std::string pruned = evidence::linking_query(role, k_aliases, limits);
        CHECK(all.find("\"骏联 联电 电子\"") != std::string::npos);
        CHECK(pruned.find("\"骏联 联电\"") != std::string::npos);  // the run before the common 电子
        CHECK(pruned.find("电子") == std::string::npos);
        CHECK(pruned.find("创始") == std::string::npos);
        CHECK(pruned.find("\"韩国 国斌\"") != std::string::npos);
        CHECK(only_operators_outside_quotes(evidence::recall_query(role, k_aliases, limits)));

        const evidence::QueryLimits everything{[](std::string_view, bool) -> std::int64_t { return 50000; }, 1000, 2000};
        CHECK(evidence::linking_query(role, k_aliases, everything) == all);
        CHECK(evidence::recall_query(role, k_aliases, everything) == evidence::recall_query(role, k_aliases));
    }

    TEST_CASE("a name made only of common tokens is kept whole when the phrase itself is rare") {
        const Claim role = make_claim(ClaimKind::role, {{"person", "Goran Zimmer"}, {"role", "founder"}, {"organization", "Drevent"}});
        std::vector<std::string> asked;
        const auto counts = [&](std::int64_t phrase) {
            return [&asked, phrase](std::string_view token, bool) -> std::int64_t {
                if (token.find(' ') != std::string_view::npos) {
                    asked.emplace_back(token);
                    return phrase;
                }
                return token == "goran" || token == "zimmer" || token == "founder" ? 4000 : 10;
            };
        };
        const std::string rare = evidence::linking_query(role, k_aliases, {counts(80), 1000, 2000});
        CHECK(rare.find("\"goran zimmer\"") != std::string::npos);
        CHECK(std::find(asked.begin(), asked.end(), "goran zimmer") != asked.end());
        CHECK(rare.find("\"founder\"") == std::string::npos);  // one token: no phrase to count
        const std::string common = evidence::linking_query(role, k_aliases, {counts(3000), 1000, 2000});
        CHECK(common.find("goran") == std::string::npos);
        CHECK(common.find("\"drevent\"") != std::string::npos);
    }

    TEST_CASE("a words query under limits keeps its rarest words within the budget, and always the rarest") {
        const auto counts = [](std::string_view token, bool) -> std::int64_t {
            if (token == "pellium") return 800;
            if (token == "bruno" || token == "sato") return 700;
            if (token == "founder") return 30000;
            return 0;
        };
        const std::string all = evidence::stems_query("Bruno Sato is the founder of Pellium", 10);
        CHECK(all.find("founder") != std::string::npos);
        const std::string wide = evidence::stems_query("Bruno Sato is the founder of Pellium", 10, {counts, 1000, 5000});
        CHECK(wide.find("founder") == std::string::npos);  // common
        CHECK(wide.find("bruno") != std::string::npos);
        CHECK(wide.find("sato") != std::string::npos);
        CHECK(wide.find("pellium") != std::string::npos);
        const std::string narrow = evidence::stems_query("Bruno Sato is the founder of Pellium", 10, {counts, 1000, 1500});
        // 700 + 700 fit, 800 more does not: Pellium only ranks what Bruno or Sato find.
        const auto found_by = narrow.substr(0, narrow.find(" AND "));
        CHECK(found_by.find("bruno") != std::string::npos);
        CHECK(found_by.find("sato") != std::string::npos);
        CHECK(found_by.find("pellium") == std::string::npos);
        CHECK(narrow.substr(narrow.find(" AND ")).find("pellium") != std::string::npos);
        CHECK(narrow.find("founder") == std::string::npos);
        CHECK(narrow.front() == '(');
        CHECK(evidence::stems_query("the founder", 10, {counts, 1000, 1500}) == evidence::stems_query("the founder", 10));
    }

    TEST_CASE("phrase weights follow the query's phrases left to right, as bm25 weighs them") {
        const evidence::QueryLimits limits{[](std::string_view token, bool prefix) -> std::int64_t {
                                               if (token == "nvidia") return 10;
                                               if (token == "warm") return prefix ? 300 : 100;
                                               if (token == "say \"no") return 1;
                                               return 5000;
                                           },
                                           1000, 1000, 5000, 10000};
        const auto w = evidence::phrase_weights("(\"nvidia\") AND (\"nvidia\" OR \"warm\"* OR \"英伟 伟达\" OR \"say \"\"no\")", limits);
        REQUIRE(w.size() == 5);
        CHECK(w[0] == doctest::Approx(std::log((10000 - 10 + 0.5) / 10.5)));
        CHECK(w[1] == doctest::Approx(w[0]));
        CHECK(w[2] == doctest::Approx(std::log((10000 - 300 + 0.5) / 300.5)));  // as a prefix
        CHECK(w[3] == doctest::Approx(std::log((10000 - 5000 + 0.5) / 5000.5)));  // its rarest token
        CHECK(w[4] == doctest::Approx(std::log((10000 - 5000 + 0.5) / 5000.5)));  // "say" and "\"no" (a quote inside)
        CHECK(evidence::phrase_weights("\"nvidia\"", {}).empty());
        const evidence::QueryLimits everywhere{[](std::string_view, bool) -> std::int64_t { return 9000; }, 1000, 1000, 5000, 10000};
        CHECK(evidence::phrase_weights("\"the\"", everywhere) == std::vector<double>{1e-6});
    }

    TEST_CASE("recall_query cannot be broken by user text") {
        Aliases a;
        a.add("Evil\" OR NEAR(x", "AND NOT");
        const Claim c = make_claim(ClaimKind::quantity, {{"subject", "Evil\" OR NEAR(x"}, {"value", "95%"}, {"attribute", "\"share\""}});
        const std::string q = evidence::recall_query(c, a);
        CHECK_FALSE(q.empty());
        CHECK(only_operators_outside_quotes(q));
        CHECK(q.find("\"95\"") != std::string::npos);
        CHECK(evidence::recall_query(Claim{}, a).empty());
    }

    TEST_CASE("quantity: the same from and to supports, in Chinese and across languages") {
        const Claim c = make_claim(ClaimKind::quantity,
                                   {{"subject", "英伟达"}, {"attribute", "市场份额"}, {"from", "95"}, {"to", "0"}, {"unit", "%"}});
        const auto zh = judge(c, "由于管制，英伟达在中国的市场份额由95%下降为0。");
        CHECK(zh.stance == Stance::supports);
        CHECK(zh.score >= 0.8);
        const auto en = judge(c, "Nvidia's market share in China fell from 95% to zero.");
        CHECK(en.stance == Stance::supports);
        CHECK(en.score >= 0.8);
    }

    TEST_CASE("quantity: a different value for the same subject and attribute contradicts") {
        const Claim c = make_claim(ClaimKind::quantity, {{"subject", "Nvidia"}, {"attribute", "market share"}, {"value", "95%"}});
        const auto a = judge(c, "Nvidia's market share in China was 90% last year.");
        CHECK(a.stance == Stance::contradicts);
        CHECK(a.reason == "same subject and attribute; source says 90%, claim says 95%");
        const Claim move = make_claim(ClaimKind::quantity,
                                      {{"subject", "英伟达"}, {"attribute", "市场份额"}, {"from", "95%"}, {"to", "0%"}});
        const auto b = judge(move, "英伟达在中国的市场份额从95%降到了20%。");
        CHECK(b.stance == Stance::contradicts);
        CHECK(b.reason.find("20%") != std::string::npos);
    }

    TEST_CASE("quantity: an attribute that is only a unit (years, 个月) never makes another number a contradiction") {
        const Claim c = make_claim(ClaimKind::quantity, {{"subject", "Larkspur"}, {"attribute", "years"}, {"value", "3"}});
        const auto a = judge(c, "Okafor said Larkspur's software update promise, currently five years, would not be shortened.");
        CHECK(a.stance == Stance::mentions);
        CHECK(judge(c, "Larkspur lets buyers pay for a handset over three years.").stance == Stance::supports);
        const Claim zh = make_claim(ClaimKind::quantity, {{"subject", "星河"}, {"attribute", "个月"}, {"value", "18"}});
        CHECK(judge(zh, "星河用了24个月建成新产线。").stance != Stance::contradicts);
    }

    TEST_CASE("quantity: 九成五, 95% and 0.95 are the same value") {
        const Claim c = make_claim(ClaimKind::quantity, {{"subject", "Nvidia"}, {"attribute", "market share"}, {"value", "95%"}});
        CHECK(judge(c, "英伟达曾占据中国市场份额的九成五。").stance == Stance::supports);
        CHECK(judge(c, "Nvidia's market share was 0.95 at its peak.").stance == Stance::supports);
        CHECK(judge(c, "Nvidia's market share was 95.2% at its peak.").stance == Stance::supports);
    }

    TEST_CASE("quantity: the subject alone only mentions, with a low score") {
        const Claim c = make_claim(ClaimKind::quantity, {{"subject", "英伟达"}, {"attribute", "市场份额"}, {"value", "95%"}});
        const auto a = judge(c, "英伟达发布了新一代芯片。");
        CHECK(a.stance == Stance::mentions);
        CHECK(a.score < 0.5);
        const auto none = judge(c, "The weather was fine on Tuesday.");
        CHECK(none.stance == Stance::mentions);
        CHECK(none.score == doctest::Approx(0.0));
    }

    TEST_CASE("role: person, role and organisation together support, across languages") {
        const Claim c = make_claim(ClaimKind::role, {{"person", "陈立武"}, {"role", "CEO"}, {"organization", "英特尔"}});
        CHECK(judge(c, "Intel named Lip-Bu Tan as its chief executive in March.").stance == Stance::supports);
        CHECK(judge(c, "老牌芯片巨头英特尔，今年换上了陈立武当CEO。").stance == Stance::supports);
    }

    TEST_CASE("role: another person in the same role of the same organisation contradicts") {
        const Claim c = make_claim(ClaimKind::role, {{"person", "陈立武"}, {"role", "CEO"}, {"organization", "英特尔"}});
        const auto en = judge(c, "Intel CEO Pat Gelsinger spoke at the event on Tuesday.");
        CHECK(en.stance == Stance::contradicts);
        CHECK(en.reason.find("Pat Gelsinger") != std::string::npos);
        const Claim nv = make_claim(ClaimKind::role, {{"person", "黄仁勋"}, {"role", "CEO"}, {"organization", "英伟达"}});
        const auto zh = judge(nv, "英伟达的CEO是张志强，他昨天发表了讲话。");
        CHECK(zh.stance == Stance::contradicts);
        CHECK(zh.reason.find("张志强") != std::string::npos);
        CHECK(judge(c, "Intel's former CEO Pat Gelsinger left in December.").stance == Stance::mentions);
        CHECK(judge(c, "Intel's CEO spoke about the chip plans.").stance == Stance::mentions);
    }

    TEST_CASE("quote: near-verbatim words with the speaker support; without the speaker they mention") {
        const Claim c = make_claim(ClaimKind::quote, {{"speaker", "黄仁勋"}, {"quote", "中国将赢得AI竞赛"}});
        const auto a = judge(c, "黄仁勋在峰会上表示：“中国将会赢得AI竞赛”。");
        CHECK(a.stance == Stance::supports);
        CHECK(a.reason.find("near-verbatim") != std::string::npos);
        const Claim en = make_claim(ClaimKind::quote, {{"speaker", "Jensen Huang"}, {"quote", "China is going to win the AI race"}});
        CHECK(judge(en, "\"China is going to win the AI race,\" Jensen Huang told the summit.").stance == Stance::supports);
        CHECK(judge(en, "Someone said China is going to win the AI race.").stance == Stance::mentions);
    }

    TEST_CASE("event: actor, action and time support; another date contradicts") {
        const Claim c = make_claim(ClaimKind::event, {{"actor", "SemiAnalysis"}, {"action", "分析"}, {"when", "2025-04"}});
        CHECK(judge(c, "2025年4月，SemiAnalysis分析了华为的超节点方案。").stance == Stance::supports);
        CHECK(judge(c, "2023年9月，SemiAnalysis分析了华为的超节点方案。").stance == Stance::contradicts);
    }

    TEST_CASE("event: a day without its year agrees with the claim's month; another year named for a figure does not contradict") {
        const Claim zh = make_claim(ClaimKind::event, {{"actor", "TrendAxis"}, {"action", "发布报告"}, {"when", "2025-03"}});
        const auto a = judge(zh, "3月18日，市场研究机构TrendAxis发布报告称，2024年中国存储芯片的自给率约为21%。");
        CHECK(a.stance == Stance::supports);
        CHECK(a.reason.find("2025-03") != std::string::npos);
        CHECK(judge(zh, "2023年3月，TrendAxis发布报告称自给率约为15%。").stance == Stance::contradicts);
        const Claim en = make_claim(ClaimKind::event, {{"actor", "Quillmark Analytics"}, {"action", "reported"}, {"when", "2025-03"}});
        CHECK(judge(en, "In March, Quillmark Analytics reported that owners kept phones 51 months, up from 33 in 2018.").stance ==
              Stance::supports);
        CHECK(judge(en, "In June, Quillmark Analytics reported that owners kept phones 51 months, up from 33 in 2018.").stance ==
              Stance::contradicts);
    }

    TEST_CASE("event: shared function words (said it would, 表示将) do not make the same action") {
        const Claim en = make_claim(ClaimKind::event, {{"actor", "Larkspur"}, {"action", "said it would cut 4,000 jobs"}, {"when", "2025-04"}});
        const auto other = judge(en, "Larkspur also said it would begin selling refurbished handsets under its own brand later this year.");
        CHECK(other.stance == Stance::mentions);
        CHECK(other.reason == "mentions Larkspur; action not stated");
        const Claim zh = make_claim(ClaimKind::event, {{"actor", "小米"}, {"action", "表示将裁员4000人"}});
        CHECK(judge(zh, "小米还表示将在年内推出自有品牌的翻新手机。").stance == Stance::mentions);
        CHECK(judge(zh, "小米称将裁员4000人。").stance == Stance::supports);
    }

    TEST_CASE("event: the same action with another number contradicts, naming both numbers") {
        const Claim en = make_claim(ClaimKind::event, {{"actor", "Larkspur"}, {"action", "said it would cut 4,000 jobs"}});
        const auto a = judge(en, "Larkspur said it would cut 2,600 jobs.");
        CHECK(a.stance == Stance::contradicts);
        CHECK(a.reason.find("2600") != std::string::npos);
        CHECK(a.reason.find("4000") != std::string::npos);
        const Claim zh = make_claim(ClaimKind::event, {{"actor", "小米"}, {"action", "表示将裁员4000人"}});
        const auto b = judge(zh, "小米表示将裁员2600人。");
        CHECK(b.stance == Stance::contradicts);
        CHECK(b.reason.find("2600") != std::string::npos);
        CHECK(b.reason.find("4000") != std::string::npos);
    }

    TEST_CASE("comparison: the superlative and its object support") {
        const Claim c = make_claim(ClaimKind::comparison, {{"subject", "Kimi K2 Thinking"}, {"relation", "最好的开源模型"}});
        CHECK(judge(c, "Kimi K2 Thinking被称为目前最好的开源模型。").stance == Stance::supports);
        CHECK(judge(c, "Kimi K2 Thinking发布了。").stance == Stance::mentions);
    }

    TEST_CASE("our evaluation pairs: stance matches and no contradiction reads as support") {
        struct Pair {
            ClaimKind kind;
            std::map<std::string, std::string> fields;
            std::string passage;
            Stance expected;
        };
        const std::map<std::string, std::string> share{{"subject", "英伟达"}, {"attribute", "市场份额"}, {"from", "95%"}, {"to", "0"}};
        const std::map<std::string, std::string> revenue{{"subject", "Broadcom"}, {"attribute", "revenue"}, {"value", "30 billion"}, {"unit", "USD"}};
        const std::map<std::string, std::string> amd{{"person", "苏姿丰"}, {"role", "CEO"}, {"organization", "AMD"}};
        const std::map<std::string, std::string> avgo{{"person", "Hock Tan"}, {"role", "chief executive"}, {"organization", "Broadcom"}};
        const std::vector<Pair> pairs{
            {ClaimKind::quantity, share, "英伟达在华市场份额已由95%跌至0。", Stance::supports},
            {ClaimKind::quantity, share, "輝達在中國的市場份額從95%降到0。", Stance::supports},
            {ClaimKind::quantity, share, "NVIDIA's market share in China dropped from 95 percent to zero.", Stance::supports},
            {ClaimKind::quantity, share, "英伟达在中国的市场份额由95%下降至50%。", Stance::contradicts},
            {ClaimKind::quantity, share, "Nvidia's market share in China fell from 95% to 50%.", Stance::contradicts},
            {ClaimKind::quantity, share, "英伟达的市场份额由80%下降为0。", Stance::contradicts},
            {ClaimKind::quantity, share, "英伟达的股价今天上涨。", Stance::mentions},
            {ClaimKind::quantity, share, "华为的市场份额在上升。", Stance::mentions},
            {ClaimKind::quantity, revenue, "Broadcom reported revenue of $30 billion for the year.", Stance::supports},
            {ClaimKind::quantity, revenue, "博通全年营收为300亿美元。", Stance::supports},
            {ClaimKind::quantity, revenue, "Broadcom reported revenue of $25 billion for the year.", Stance::contradicts},
            {ClaimKind::quantity, revenue, "博通全年营收为250亿美元。", Stance::contradicts},
            {ClaimKind::quantity, revenue, "Broadcom opened a new office in 2024.", Stance::mentions},
            {ClaimKind::role, amd, "AMD CEO Lisa Su spoke at the keynote.", Stance::supports},
            {ClaimKind::role, amd, "超威的首席执行官苏姿丰发表演讲。", Stance::supports},
            {ClaimKind::role, amd, "AMD的CEO是王建国。", Stance::contradicts},
            {ClaimKind::role, amd, "AMD chief executive Mark Papermaster spoke at the keynote.", Stance::contradicts},
            {ClaimKind::role, amd, "Lisa Su visited Taipei last week.", Stance::mentions},
            {ClaimKind::role, avgo, "博通的CEO陈福阳表示，订单强劲。", Stance::supports},
            {ClaimKind::role, avgo, "Broadcom CEO Hock Tan said demand was strong.", Stance::supports},
            {ClaimKind::role, avgo, "Broadcom's CEO Jensen Huang said demand was strong.", Stance::contradicts},
            {ClaimKind::role, avgo, "博通的CEO是黄仁勋。", Stance::contradicts},
            {ClaimKind::role, avgo, "Broadcom shares rose on Monday.", Stance::mentions},
        };
        int correct = 0;
        for (const auto& p : pairs) {
            const auto a = judge(make_claim(p.kind, p.fields), p.passage);
            CAPTURE(p.passage);
            CAPTURE(a.reason);
            if (p.expected == Stance::contradicts) CHECK(a.stance != Stance::supports);
            CHECK(a.stance == p.expected);
            if (a.stance == p.expected) ++correct;
        }
        CHECK(static_cast<double>(correct) / static_cast<double>(pairs.size()) >= 0.9);
    }

    TEST_CASE("assess lists its features: aliases found, numbers compared, dates, quote similarity") {
        const Claim share = make_claim(ClaimKind::quantity, {{"subject", "英伟达"}, {"attribute", "market share"}, {"value", "95%"}});
        const auto q = judge(share, "Nvidia's market share in China was 90% last year.");
        CHECK(has(q.features, "subject 英伟达: found as \"Nvidia\""));
        CHECK(has(q.features, "numbers: claim 95%; source 90%"));
        const Claim quote = make_claim(ClaimKind::quote, {{"speaker", "黄仁勋"}, {"quote", "中国将赢得AI竞赛"}});
        const auto near = judge(quote, "黄仁勋在峰会上表示：“中国将会赢得AI竞赛”。");
        CHECK(std::any_of(near.features.begin(), near.features.end(),
                          [](const std::string& f) { return f.starts_with("quote: edit-distance similarity 89%"); }));
        const Claim event = make_claim(ClaimKind::event, {{"actor", "SemiAnalysis"}, {"action", "分析"}, {"when", "2025-04"}});
        const auto dated = judge(event, "2023年9月，SemiAnalysis分析了华为的超节点方案。");
        CHECK(has(dated.features, "dates: claim 2025-04; source 2023-09"));
        const auto none = judge(share, "The weather was fine on Tuesday.");
        CHECK(has(none.features, "subject 英伟达: not found"));
        CHECK(std::count(none.features.begin(), none.features.end(), "subject 英伟达: not found") == 1);
    }

    TEST_CASE("temporal_flag marks passages dated after the article or years before it") {
        CHECK(evidence::temporal_flag("2025年12月，英伟达发布了新财报。", "2025-11-10") == "after-article");
        CHECK(evidence::temporal_flag("On November 20, 2025, the company said so.", "2025-11-10") == "after-article");
        CHECK(evidence::temporal_flag("2025年11月11日，公司发布公告。", "2025-11-10").empty());
        CHECK(evidence::temporal_flag("2019年，英伟达的份额是95%。", "2025-11-10") == "long-before");
        CHECK(evidence::temporal_flag("In March 2022 the share was 95%.", "2025-11-10") == "long-before");
        CHECK(evidence::temporal_flag("In 2019 and again in 2024 the share was 95%.", "2025-11-10").empty());
        CHECK(evidence::temporal_flag("By 2030 the market will double.", "2025-11-10").empty());
        CHECK(evidence::temporal_flag("2019年的数据。", "").empty());
        CHECK(evidence::temporal_flag("没有日期的句子。", "2025-11-10").empty());
        CHECK(evidence::temporal_flag("2020年的数据。", "2024-02-29") == "long-before");
    }

    TEST_CASE("make_selector keeps 32 code points of multibyte prefix and suffix") {
        std::string before;
        for (int i = 0; i < 40; ++i) before += "前";
        std::string after;
        for (int i = 0; i < 40; ++i) after += "后";
        const std::string doc = before + "英伟达" + after;
        const Span span{before.size(), before.size() + std::string("英伟达").size()};
        const QuoteSelector q = evidence::make_selector(doc, span);
        CHECK(q.exact == "英伟达");
        CHECK(q.prefix.size() == 32 * 3);
        CHECK(q.suffix.size() == 32 * 3);
        CHECK(q.start == span.start);
        CHECK(q.end == span.end);
        const QuoteSelector edge = evidence::make_selector("ab英c", Span{0, 2});
        CHECK(edge.prefix.empty());
        CHECK(edge.suffix == "英c");
        const QuoteSelector mid = evidence::make_selector("英伟达", Span{1, 5});
        CHECK(mid.exact == "英");
        CHECK(mid.start == 0);
    }
}
