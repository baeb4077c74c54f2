#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimtrack::evidence {

namespace {

// Our own list of names common in tech and business news; the first spelling is the display name.
const std::vector<std::vector<std::string>>& builtin_companies() {
    static const std::vector<std::vector<std::string>> table{
        {"英伟达", "輝達", "英偉達", "Nvidia", "NVIDIA"},
        {"AMD", "超威", "超威半导体", "Advanced Micro Devices"},
        {"英特尔", "英特爾", "Intel"},
        {"博通", "Broadcom"},
        {"华为", "華為", "Huawei"},
        {"台积电", "台積電", "TSMC", "Taiwan Semiconductor"},
        {"微软", "微軟", "Microsoft"},
        {"谷歌", "Google", "Alphabet"},
        {"苹果公司", "苹果", "蘋果", "Apple"},
        {"OpenAI"},
        {"特斯拉", "Tesla"},
        {"阿里巴巴", "阿里", "Alibaba"},
        {"腾讯", "騰訊", "Tencent"},
        {"百度", "Baidu"},
        {"字节跳动", "字節跳動", "ByteDance"},
        {"月之暗面", "Moonshot AI"},
        {"深度求索", "DeepSeek"},
        {"金融时报", "金融時報", "Financial Times", "FT"},
        {"三星", "Samsung"},
        {"高通", "Qualcomm"},
        {"亚马逊", "亞馬遜", "Amazon"},
        {"Meta", "脸书", "臉書", "Facebook"},
        {"小米", "Xiaomi"},
        {"SemiAnalysis"},
        {"美国", "美國", "United States", "U.S.", "America"},
        {"中国", "中國", "China"},
        {"英国", "英國", "Britain", "United Kingdom", "UK"},
        {"CEO", "首席执行官", "首席執行官", "chief executive", "执行长", "行政总裁"},
        {"CFO", "首席财务官", "chief financial officer"},
        {"CTO", "首席技术官", "chief technology officer"},
        {"董事长", "董事長", "chairman", "chairwoman"},
        {"总裁", "總裁", "president"},
        {"创始人", "創始人", "founder", "co-founder"},
        {"市场份额", "市場份額", "市占率", "market share", "份额", "份額", "share"},
        {"营收", "營收", "收入", "revenue", "sales"},
        {"利润", "利潤", "净利润", "profit", "net income"},
        {"市值", "market value", "market capitalization", "market cap"},
        {"芯片", "晶片", "chip", "chips"},
        {"人工智能", "AI"},
    };
    return table;
}

const std::vector<std::vector<std::string>>& builtin_people() {
    static const std::vector<std::vector<std::string>> table{
        {"黄仁勋", "黃仁勳", "Jensen Huang"},
        {"苏姿丰", "蘇姿豐", "Lisa Su"},
        {"陈立武", "陳立武", "Lip-Bu Tan"},
        {"陈福阳", "陳福陽", "Hock Tan"},
        {"马斯克", "馬斯克", "Elon Musk", "Musk"},
        {"扎克伯格", "Mark Zuckerberg", "Zuckerberg"},
        {"纳德拉", "納德拉", "Satya Nadella", "Nadella"},
        {"皮查伊", "Sundar Pichai", "Pichai"},
        {"蒂姆·库克", "库克", "Tim Cook"},
        {"奥尔特曼", "阿尔特曼", "Sam Altman", "Altman"},
        {"雷军", "雷軍", "Lei Jun"},
        {"马化腾", "馬化騰", "Pony Ma"},
        {"杨植麟", "楊植麟", "Yang Zhilin"},
        {"梁文锋", "梁文鋒", "Liang Wenfeng"},
        {"帕特·基辛格", "基辛格", "Pat Gelsinger", "Gelsinger"},
        {"魏哲家", "C. C. Wei"},
        {"任正非", "Ren Zhengfei"},
        {"马云", "馬雲", "Jack Ma"},
    };
    return table;
}

// Folding is ICU work and the table's names are compared again and again: remember each result
// (the cache is dropped when it grows large, so arbitrary query names cannot fill memory). One
// cache per thread: `link` proposes evidence on several threads at once.
std::string folded(std::string_view name) {
    thread_local std::unordered_map<std::string, std::string> cache;
    if (cache.size() > 50000) cache.clear();
    std::string key(name);
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, text::fold(name)).first;
    return it->second;
}

bool same_name(std::string_view a, std::string_view b) { return folded(a) == folded(b); }

}  // namespace

Aliases Aliases::builtin() {
    Aliases aliases;
    for (const auto& group : builtin_companies()) aliases.m_groups.push_back(group);
    for (const auto& group : builtin_people()) aliases.m_groups.push_back(group);
    aliases.reindex();
    return aliases;
}

// Linking looks names up for every passage it checks: by their folded form, not by a walk
// through every group.
void Aliases::reindex() {
    m_group_of.clear();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        for (const auto& name : m_groups[g]) m_group_of.emplace(folded(name), g);
    }
}

void Aliases::add(std::string_view a, std::string_view b) {
    auto find = [this](std::string_view name) {
        return std::find_if(m_groups.begin(), m_groups.end(), [name](const std::vector<std::string>& group) {
            return std::any_of(group.begin(), group.end(), [name](const std::string& n) { return same_name(n, name); });
        });
    };
    auto ga = find(a);
    auto gb = find(b);
    if (ga == m_groups.end() && gb == m_groups.end()) {
        std::vector<std::string> group{std::string(a)};
        if (!same_name(a, b)) group.emplace_back(b);
        m_groups.push_back(std::move(group));
    } else if (ga == m_groups.end()) {
        gb->emplace_back(a);
    } else if (gb == m_groups.end()) {
        ga->emplace_back(b);
    } else if (ga != gb) {
        ga->insert(ga->end(), gb->begin(), gb->end());
        m_groups.erase(gb);
    }
    reindex();
}

Aliases Aliases::with_user(const std::vector<std::pair<std::string, std::string>>& pairs) {
    Aliases aliases = builtin();
    for (const auto& [name, canonical] : pairs) aliases.add(name, canonical);
    return aliases;
}

bool Aliases::same_entity(std::string_view a, std::string_view b) const {
    if (same_name(a, b)) return true;
    const auto names = names_of(a);
    return std::any_of(names.begin(), names.end(), [b](const std::string& n) { return same_name(n, b); });
}

std::vector<std::string> Aliases::names_of(std::string_view name) const {
    const auto group = m_group_of.find(folded(name));
    if (group == m_group_of.end()) return {std::string(name)};
    return m_groups[group->second];
}

std::vector<std::vector<std::string>> Aliases::groups() const { return m_groups; }

bool Aliases::remove(std::string_view name) {
    for (auto group = m_groups.begin(); group != m_groups.end(); ++group) {
        const auto gone = std::remove_if(group->begin(), group->end(), [name](const std::string& n) { return same_name(n, name); });
        if (gone == group->end()) continue;
        group->erase(gone, group->end());
        if (group->size() < 2) m_groups.erase(group);
        reindex();
        return true;
    }
    return false;
}

namespace detail {

const std::vector<std::string>& known_people() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const auto& group : builtin_people()) all.insert(all.end(), group.begin(), group.end());
        return all;
    }();
    return names;
}

bool is_known_person(std::string_view name) {
    const auto& names = known_people();
    return std::any_of(names.begin(), names.end(), [name](const std::string& n) { return same_name(n, name); });
}

std::optional<std::string> find_entity(std::string_view folded_passage, std::string_view name, const Aliases& aliases) {
    if (name.empty()) return std::nullopt;
    for (const auto& alias : aliases.names_of(name)) {
        if (contains_term(folded_passage, folded(alias))) return alias;
    }
    return std::nullopt;
}

}  // namespace detail

}  // namespace claimtrack::evidence
