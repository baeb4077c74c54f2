// Our own evaluation set: claim–passage pairs in Chinese and English, checked for stance.
#include <claimtrack/evidence.hpp>

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

using Fields = std::map<std::string, std::string>;

struct Pair {
    ClaimKind kind;
    Fields fields;
    std::string passage;
    Stance expected;
};

// Claims written for this set; the passages below bear on them in both languages.
const Fields k_tsmc_share{{"subject", "台积电"}, {"attribute", "市场份额"}, {"value", "60%"}};
const Fields k_apple_revenue{{"subject", "Apple"}, {"attribute", "revenue"}, {"value", "90 billion"}, {"unit", "USD"}};
const Fields k_huawei_profit{{"subject", "华为"}, {"attribute", "净利润"}, {"from", "350亿"}, {"to", "870亿"}, {"unit", "元"}};
const Fields k_tesla_share{{"subject", "Tesla"}, {"attribute", "market share"}, {"from", "20%"}, {"to", "12%"}};
const Fields k_msft_ceo{{"person", "Satya Nadella"}, {"role", "CEO"}, {"organization", "Microsoft"}};
const Fields k_tsmc_chair{{"person", "魏哲家"}, {"role", "董事长"}, {"organization", "台积电"}};
const Fields k_google_ceo{{"person", "皮查伊"}, {"role", "CEO"}, {"organization", "谷歌"}};
const Fields k_xiaomi_founder{{"person", "Lei Jun"}, {"role", "founder"}, {"organization", "Xiaomi"}};
const Fields k_larkspur_cuts{{"actor", "Larkspur"}, {"action", "said it would cut 4,000 jobs"}};
const Fields k_xiaomi_cuts{{"actor", "小米"}, {"action", "表示将裁员4000人"}};

std::vector<Pair> pairs() {
    return {
        // Quantity: one value.
        {ClaimKind::quantity, k_tsmc_share, "台积电在全球晶圆代工市场的份额约为60%。", Stance::supports},
        {ClaimKind::quantity, k_tsmc_share, "TSMC now holds a 60 percent market share in contract chipmaking.", Stance::supports},
        {ClaimKind::quantity, k_tsmc_share, "台積電的市場份額達到六成。", Stance::supports},
        {ClaimKind::quantity, k_tsmc_share, "台积电的市场份额约为45%。", Stance::contradicts},
        {ClaimKind::quantity, k_tsmc_share, "TSMC's market share slipped to 52% this year.", Stance::contradicts},
        {ClaimKind::quantity, k_tsmc_share, "台積電的市占率只有三成。", Stance::contradicts},
        {ClaimKind::quantity, k_tsmc_share, "台积电宣布在日本建设新工厂。", Stance::mentions},
        {ClaimKind::quantity, k_apple_revenue, "Apple reported quarterly revenue of $90 billion.", Stance::supports},
        {ClaimKind::quantity, k_apple_revenue, "苹果公司当季营收为900亿美元。", Stance::supports},
        {ClaimKind::quantity, k_apple_revenue, "Apple reported quarterly revenue of $81 billion.", Stance::contradicts},
        {ClaimKind::quantity, k_apple_revenue, "苹果公司当季营收为1200亿美元。", Stance::contradicts},
        {ClaimKind::quantity, k_apple_revenue, "Apple unveiled a thinner phone in September.", Stance::mentions},
        // Quantity: a change from one value to another.
        {ClaimKind::quantity, k_huawei_profit, "华为的净利润由350亿元增长到870亿元。", Stance::supports},
        {ClaimKind::quantity, k_huawei_profit, "華為淨利潤從350億元增至870億元。", Stance::supports},
        {ClaimKind::quantity, k_huawei_profit, "Huawei's net income rose from 35 billion yuan to 87 billion yuan.", Stance::supports},
        {ClaimKind::quantity, k_huawei_profit, "华为的净利润由350亿元增长到620亿元。", Stance::contradicts},
        {ClaimKind::quantity, k_huawei_profit, "Huawei's net income rose from 35 billion yuan to 56 billion yuan.", Stance::contradicts},
        {ClaimKind::quantity, k_huawei_profit, "华为今年发布了新款手机。", Stance::mentions},
        {ClaimKind::quantity, k_tesla_share, "Tesla's market share in Europe fell from 20% to 12%.", Stance::supports},
        {ClaimKind::quantity, k_tesla_share, "特斯拉在欧洲的市场份额由20%降至12%。", Stance::supports},
        {ClaimKind::quantity, k_tesla_share, "Tesla's market share in Europe fell from 20% to 15%.", Stance::contradicts},
        {ClaimKind::quantity, k_tesla_share, "特斯拉的市场份额由25%降至12%。", Stance::contradicts},
        {ClaimKind::quantity, k_tesla_share, "Tesla opened a new showroom in Berlin.", Stance::mentions},
        // Role.
        {ClaimKind::role, k_msft_ceo, "Microsoft CEO Satya Nadella opened the developer conference.", Stance::supports},
        {ClaimKind::role, k_msft_ceo, "微软CEO纳德拉在开发者大会上发表主题演讲。", Stance::supports},
        {ClaimKind::role, k_msft_ceo, "Microsoft CEO Jensen Huang opened the developer conference.", Stance::contradicts},
        {ClaimKind::role, k_msft_ceo, "微软的CEO是刘建华。", Stance::contradicts},
        {ClaimKind::role, k_msft_ceo, "Satya Nadella toured a data centre in Ireland.", Stance::mentions},
        {ClaimKind::role, k_tsmc_chair, "台积电董事长魏哲家在股东会上回答了提问。", Stance::supports},
        {ClaimKind::role, k_tsmc_chair, "TSMC chairman C. C. Wei answered questions from shareholders.", Stance::supports},
        {ClaimKind::role, k_tsmc_chair, "台积电的董事长是林志明。", Stance::contradicts},
        {ClaimKind::role, k_tsmc_chair, "TSMC chairman Mark Liu answered questions from shareholders.", Stance::contradicts},
        {ClaimKind::role, k_tsmc_chair, "Mark Liu, the former TSMC chairman, retired.", Stance::mentions},
        {ClaimKind::role, k_google_ceo, "Google CEO Sundar Pichai announced a new model.", Stance::supports},
        {ClaimKind::role, k_google_ceo, "谷歌的CEO皮查伊宣布了新模型。", Stance::supports},
        {ClaimKind::role, k_google_ceo, "谷歌的CEO是赵海峰。", Stance::contradicts},
        {ClaimKind::role, k_google_ceo, "Google CEO Satya Nadella announced a new model.", Stance::contradicts},
        {ClaimKind::role, k_xiaomi_founder, "小米创始人雷军发布了新车。", Stance::supports},
        {ClaimKind::role, k_xiaomi_founder, "Xiaomi founder Lei Jun showed the new car.", Stance::supports},
        {ClaimKind::role, k_xiaomi_founder, "Xiaomi founder Elon Musk showed the new car.", Stance::contradicts},
        {ClaimKind::role, k_xiaomi_founder, "Lei Jun drove the car around the track.", Stance::mentions},
        // More contradictions, across languages through the alias table.
        {ClaimKind::quantity, k_tsmc_share, "TSMC's market share reached 70% last quarter.", Stance::contradicts},
        {ClaimKind::quantity, k_apple_revenue, "蘋果公司當季營收為850億美元。", Stance::contradicts},
        {ClaimKind::quantity, k_huawei_profit, "華為淨利潤由300億元增至870億元。", Stance::contradicts},
        {ClaimKind::role, k_msft_ceo, "Microsoft's chief executive Sundar Pichai spoke first.", Stance::contradicts},
        {ClaimKind::role, k_google_ceo, "谷歌CEO马斯克宣布了新模型。", Stance::contradicts},
        {ClaimKind::role, k_xiaomi_founder, "小米的创始人是马化腾。", Stance::contradicts},
        {ClaimKind::quantity, {{"subject", "英伟达"}, {"attribute", "份额"}, {"from", "95%"}, {"to", "0"}},
         "Nvidia's share of the Chinese market fell from 90% to 20% in two years.", Stance::contradicts},
        {ClaimKind::quantity, {{"subject", "英伟达"}, {"attribute", "份额"}, {"from", "95%"}, {"to", "0"}},
         "Nvidia's share of the Chinese market fell from 95% to zero in two years.", Stance::supports},
        // Quote, event, comparison.
        {ClaimKind::quote, {{"speaker", "Lisa Su"}, {"quote", "demand for AI chips is still growing"}},
         "\"Demand for AI chips is still growing,\" Lisa Su said on Tuesday.", Stance::supports},
        {ClaimKind::quote, {{"speaker", "苏姿丰"}, {"quote", "AI芯片的需求仍在增长"}}, "苏姿丰说：“AI芯片需求仍在增长。”", Stance::supports},
        {ClaimKind::event, {{"actor", "DeepSeek"}, {"action", "发布"}, {"when", "2025-01"}}, "2025年1月，DeepSeek发布了新模型。", Stance::supports},
        {ClaimKind::event, {{"actor", "DeepSeek"}, {"action", "发布"}, {"when", "2025-01"}}, "2024年5月，DeepSeek发布了新模型。", Stance::contradicts},
        // Event actions agree on content words, not on "said it would" / "表示将"; their numbers must agree.
        {ClaimKind::event, k_larkspur_cuts, "Larkspur also said it would begin selling refurbished handsets under its own brand later this year.", Stance::mentions},
        {ClaimKind::event, k_larkspur_cuts, "Larkspur said it would cut 2,600 jobs across its factories.", Stance::contradicts},
        {ClaimKind::event, k_larkspur_cuts, "Larkspur said on Monday it would cut about 4,000 jobs.", Stance::supports},
        {ClaimKind::event, k_xiaomi_cuts, "小米还表示将在年内推出自有品牌的翻新手机。", Stance::mentions},
        {ClaimKind::event, k_xiaomi_cuts, "小米表示将裁员2600人。", Stance::contradicts},
        {ClaimKind::event, k_xiaomi_cuts, "小米称将在全球裁员4000人。", Stance::supports},
        {ClaimKind::comparison, {{"subject", "台积电"}, {"relation", "最大的晶圆代工厂"}}, "台积电是全球最大的晶圆代工厂。", Stance::supports},
    };
}

}  // namespace

TEST_SUITE("evidence pairs") {
    TEST_CASE("our evaluation set: at least 40 pairs, stance accuracy at least 0.9, no contradiction read as support") {
        const auto aliases = evidence::Aliases::builtin();
        const auto all = pairs();
        REQUIRE(all.size() >= 40);
        std::size_t correct = 0;
        std::size_t contradictions = 0;
        for (const auto& p : all) {
            Claim claim;
            claim.kind = p.kind;
            claim.fields = p.fields;
            const auto a = evidence::assess(claim, p.passage, aliases);
            CAPTURE(p.passage);
            CAPTURE(a.reason);
            if (p.expected == Stance::contradicts) {
                ++contradictions;
                CHECK(a.stance != Stance::supports);
            }
            CHECK(a.stance == p.expected);
            if (a.stance == p.expected) ++correct;
        }
        CHECK(contradictions * 2 >= all.size() - 8);  // about half are contradictions
        CHECK(static_cast<double>(correct) / static_cast<double>(all.size()) >= 0.9);
    }
}
