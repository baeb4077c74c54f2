// Our own evaluation set: claim–passage pairs in Chinese and English, checked for stance.
#include <claimtrack/evidence.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
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
const Fields k_nvidia_share{{"subject", "英伟达"}, {"attribute", "市场份额"}, {"value", "95%"}};
const Fields k_nvidia_fall{{"subject", "Nvidia"}, {"attribute", "market share"}, {"from", "95%"}, {"to", "zero"}};
const Fields k_intel_ceo_2023{{"person", "Pat Gelsinger"}, {"role", "CEO"}, {"organization", "Intel"}, {"when", "2023"}};
const Fields k_apple_ceo{{"person", "库克"}, {"role", "首席执行官"}, {"organization", "苹果公司"}};

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
        // 九成五 = 95% = 95 percent, 零 = zero, Traditional against Simplified, across languages.
        {ClaimKind::quantity, k_nvidia_share, "英伟达在中国市场的份额一度高达九成五。", Stance::supports},
        {ClaimKind::quantity, k_nvidia_share, "Nvidia once held a 95 percent market share in China.", Stance::supports},
        {ClaimKind::quantity, k_nvidia_share, "英伟达在中国的市场份额只有八成。", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_share, "輝達在中國的市場份額約為七成五。", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_share, "NVIDIA's market share in China was 59%.", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_fall, "英伟达的市场份额从95%降到了零。", Stance::supports},
        {ClaimKind::quantity, k_nvidia_fall, "英偉達的市場份額從九成五降到零。", Stance::supports},
        {ClaimKind::quantity, k_nvidia_fall, "Nvidia's market share fell from 95% to 5%.", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_fall, "英伟达的市场份额从八成降到了零。", Stance::contradicts},
        {ClaimKind::quantity, k_apple_revenue, "Apple's quarterly revenue came to $95 billion.", Stance::contradicts},
        {ClaimKind::quantity, k_tesla_share, "特斯拉的市場份額從20%降到8%。", Stance::contradicts},
        // Roles with dates: a new CEO in 2025 does not contradict the CEO of 2023; the same year does.
        {ClaimKind::role, k_intel_ceo_2023, "In March 2025 Intel named Lip-Bu Tan as its new CEO.", Stance::mentions},
        {ClaimKind::role, k_intel_ceo_2023, "英特尔在2025年3月任命陈立武为CEO。", Stance::mentions},
        {ClaimKind::role, k_intel_ceo_2023, "Intel CEO Pat Gelsinger spoke at the shareholder meeting in May 2023.", Stance::supports},
        {ClaimKind::role, k_intel_ceo_2023, "Intel CEO Lip-Bu Tan spoke at the shareholder meeting in May 2023.", Stance::contradicts},
        {ClaimKind::role, k_intel_ceo_2023, "英特爾執行長陳立武在2023年5月的股東大會上發言。", Stance::contradicts},
        {ClaimKind::role, k_tsmc_chair, "台積電董事長劉德音主持了股東會。", Stance::contradicts},
        {ClaimKind::role, k_apple_ceo, "Apple CEO Tim Cook opened the product event.", Stance::supports},
        {ClaimKind::role, k_apple_ceo, "蘋果執行長庫克出席了發表會。", Stance::supports},
        {ClaimKind::role, k_apple_ceo, "Apple CEO Sundar Pichai opened the product event.", Stance::contradicts},
        {ClaimKind::role, k_apple_ceo, "苹果公司的首席执行官是雷军。", Stance::contradicts},
        {ClaimKind::role, k_msft_ceo, "微軟執行長是庫克。", Stance::contradicts},
        // Further contradictions of quantity and role claims, in both scripts and across languages.
        {ClaimKind::role, k_msft_ceo, "Microsoft named Tim Cook as its CEO.", Stance::contradicts},
        {ClaimKind::role, k_google_ceo, "Alphabet CEO Lisa Su spoke on the earnings call.", Stance::contradicts},
        {ClaimKind::role, k_xiaomi_founder, "小米創始人是任正非。", Stance::contradicts},
        {ClaimKind::role, k_tsmc_chair, "台积电董事长是黄仁勋。", Stance::contradicts},
        {ClaimKind::role, k_apple_ceo, "Apple's chief executive, Satya Nadella, opened the event.", Stance::contradicts},
        {ClaimKind::role, k_intel_ceo_2023, "In 2023 Intel's CEO was Lisa Su.", Stance::contradicts},
        {ClaimKind::quantity, k_tsmc_share, "台积电的市场份额为七成五。", Stance::contradicts},
        {ClaimKind::quantity, k_apple_revenue, "蘋果公司當季營收為700億美元。", Stance::contradicts},
        {ClaimKind::quantity, k_huawei_profit, "Huawei's net income rose from 35 billion yuan to 90 billion yuan.", Stance::contradicts},
        {ClaimKind::quantity, k_tesla_share, "Tesla's market share fell from 30% to 12%.", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_fall, "輝達的市場份額從95%降到三成。", Stance::contradicts},
        {ClaimKind::quantity, k_nvidia_share, "Nvidia's share of the Chinese market is about 80 percent.", Stance::contradicts},
    };
}

// Return true if `text` holds Han characters (their UTF-8 lead bytes are 0xE3..0xE9).
bool has_han(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xE3 && b <= 0xE9;
    });
}

bool claim_has_han(const Fields& fields) {
    return std::any_of(fields.begin(), fields.end(), [](const auto& f) { return has_han(f.second); });
}

}  // namespace

TEST_SUITE("evidence pairs") {
    TEST_CASE("the set has 40+ pairs in both languages, half quantity or role contradictions, some across languages") {
        const auto all = pairs();
        std::size_t zh = 0;
        std::size_t en = 0;
        std::size_t across = 0;
        std::size_t contradictions = 0;
        for (const auto& p : all) {
            (has_han(p.passage) ? zh : en) += 1;
            if (has_han(p.passage) != claim_has_han(p.fields)) ++across;
            if (p.expected == Stance::contradicts && (p.kind == ClaimKind::quantity || p.kind == ClaimKind::role)) ++contradictions;
        }
        CHECK(all.size() >= 40);
        CHECK(zh >= 20);
        CHECK(en >= 20);
        CHECK(across >= 15);
        CHECK(contradictions * 2 >= all.size());
    }

    TEST_CASE("our evaluation set: stance accuracy at least 0.9, no contradiction read as support") {
        const auto aliases = evidence::Aliases::builtin();
        const auto all = pairs();
        std::size_t correct = 0;
        for (const auto& p : all) {
            Claim claim;
            claim.kind = p.kind;
            claim.fields = p.fields;
            const auto a = evidence::assess(claim, p.passage, aliases);
            CAPTURE(p.passage);
            CAPTURE(a.reason);
            if (p.expected == Stance::contradicts) CHECK(a.stance != Stance::supports);
            WARN(a.stance == p.expected);
            if (a.stance == p.expected) ++correct;
        }
        const double accuracy = static_cast<double>(correct) / static_cast<double>(all.size());
        MESSAGE("stance accuracy " << accuracy << " on " << all.size() << " pairs");
        CHECK(accuracy >= 0.9);
    }
}
