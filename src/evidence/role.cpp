#include <claimtrack/evidence.hpp>
#include <claimtrack/numbers.hpp>
#include <claimtrack/text.hpp>

#include "evidence/kinds.hpp"
#include "evidence/match.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace claimtrack::evidence::detail {

namespace {

constexpr std::u32string_view k_surnames =
    U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    U"钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    U"陳黃張劉楊趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧蔣鍾譚陸羅";
constexpr std::array<std::string_view, 9> k_joiners{" ", ":", "：", ",", "，", "是", "为", "為", "由"};
constexpr std::array<std::string_view, 5> k_before_role{"当", "担任", "出任", "接任", "成为"};
constexpr std::array<std::string_view, 8> k_succession{"former", "succeed", "replac", "前任", "接替", "接任", "取代", "卸任"};

bool is_han(char32_t c) { return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_name_byte(char c) { return (c >= 'a' && c <= 'z') || is_upper(c) || c == '-' || c == '.' || c == '\''; }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string encode(std::u32string_view cps) {
    return text::encode_utf8(cps);
}

// Return a Chinese name (surname first, 2-3 characters) at the start of `cps`, or "".
std::string han_name(std::u32string_view cps) {
    std::size_t n = 0;
    while (n < cps.size() && n < 3 && is_han(cps[n])) ++n;
    if (n < 2 || k_surnames.find(cps[0]) == std::u32string_view::npos) return {};
    return encode(cps.substr(0, n));
}

// Return the name written right after a role word: "CEO是黄仁勋", "CEO Lip-Bu Tan".
std::string name_after(std::string_view text, std::size_t pos) {
    for (bool skipped = true; skipped;) {
        skipped = false;
        for (auto j : k_joiners) {
            if (text.substr(pos, j.size()) == j) {
                pos += j.size();
                skipped = true;
            }
        }
    }
    if (pos < text.size() && is_upper(text[pos])) {
        std::string name;
        int words = 0;
        while (pos < text.size() && is_upper(text[pos]) && words < 3) {
            std::size_t end = pos;
            while (end < text.size() && is_name_byte(text[end])) ++end;
            name += (name.empty() ? "" : " ") + std::string(text.substr(pos, end - pos));
            ++words;
            pos = end;
            if (pos + 1 < text.size() && text[pos] == ' ' && is_upper(text[pos + 1])) ++pos;
        }
        return words >= 2 ? name : std::string();
    }
    const auto cps = decode(text.substr(pos, 12));
    return han_name(cps);
}

// Return the name written before a role word: "陈立武当CEO", "陈立武出任CEO".
std::string name_before(std::string_view text, std::size_t pos) {
    for (auto marker : k_before_role) {
        if (pos < marker.size() || text.substr(pos - marker.size(), marker.size()) != marker) continue;
        const std::size_t start = pos - marker.size() >= 9 ? pos - marker.size() - 9 : 0;
        const auto cps = decode(text.substr(start, pos - marker.size() - start));
        for (std::size_t len : {3u, 2u}) {
            if (cps.size() < len) continue;
            const auto name = han_name(std::u32string_view(cps).substr(cps.size() - len));
            if (name.size() == len * 3) return name;
        }
    }
    return {};
}

// Return the people the passage names besides the claim's person, next to a role word or known.
std::vector<std::string> other_people(const Context& c) {
    const std::string written = text::nfkc(c.passage);
    const std::string lower = ascii_lower(written);
    const auto own = c.aliases.names_of(c.field("person"));
    auto is_own = [&](const std::string& name) {
        const std::string f = text::fold(name);
        return std::any_of(own.begin(), own.end(), [&](const std::string& o) {
            const std::string fo = text::fold(o);
            return contains_term(f, fo) || contains_term(fo, f);
        });
    };
    std::vector<std::string> others;
    auto keep = [&](const std::string& name) {
        if (!name.empty() && !is_own(name) && std::find(others.begin(), others.end(), name) == others.end()) others.push_back(name);
    };
    for (const auto& role : c.aliases.names_of(c.field("role"))) {
        const std::string needle = ascii_lower(text::nfkc(role));
        for (auto pos = lower.find(needle); !needle.empty() && pos != std::string::npos; pos = lower.find(needle, pos + 1)) {
            keep(name_after(written, pos + needle.size()));
            keep(name_before(written, pos));
        }
    }
    for (const auto& person : known_people()) {
        if (contains_term(c.folded, text::fold(person))) keep(person);
    }
    return others;
}

bool has_any(std::string_view folded, const auto& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return folded.find(w) != std::string_view::npos; });
}

// Return the years the passage dates itself by, e.g. {"2023"}.
std::vector<std::string> years_in(std::string_view passage) {
    std::vector<std::string> years;
    for (const auto& d : numbers::find_dates(passage, "")) {
        if (d.iso.size() >= 4) years.push_back(d.iso.substr(0, 4));
    }
    return years;
}

}  // namespace

std::optional<Assessment> assess_role(const Context& c) {
    const auto person = c.entity("person");
    const bool role = c.words("role", 0.6);
    const bool no_org = c.field("organization").empty();
    const auto org = c.entity("organization");
    const bool succession = has_any(c.folded, k_succession);
    if (succession) c.note("succession words in the source (former, 接任 ...)");
    if (person && role && (org || no_org)) {
        if (succession) return verdict(0.5, Stance::mentions, "names " + *person + " in a change of " + c.field("role"));
        return verdict(org ? 0.9 : 0.7, Stance::supports,
                          "same person, role" + std::string(org ? " and organisation" : "") + ": " + *person);
    }
    if (role && org && !person) {
        const auto others = other_people(c);
        std::string names;
        for (const auto& o : others) names += (names.empty() ? "" : ", ") + o;
        c.note("other people named: " + (names.empty() ? std::string("none") : names));
        if (others.empty()) return verdict(0.35, Stance::mentions, "same organisation and role; no person named");
        const std::string when = c.field("when");
        const auto years = years_in(c.passage);
        std::string listed;
        for (const auto& y : years) listed += (listed.empty() ? "" : ", ") + y;
        c.note("years: claim " + (when.empty() ? std::string("none") : when) + "; source " + (listed.empty() ? "none" : listed));
        const bool other_time = when.size() >= 4 && !years.empty() &&
                                std::none_of(years.begin(), years.end(), [&](const std::string& y) { return when.starts_with(y); });
        if (succession || other_time) {
            return verdict(0.45, Stance::mentions, "source names " + others.front() + " for another time");
        }
        return verdict(0.8, Stance::contradicts,
                          "same organisation and role; source names " + others.front() + ", claim says " + c.field("person"));
    }
    if (person && org) return verdict(0.4, Stance::mentions, "names " + *person + " and " + *org + "; role not stated");
    return std::nullopt;
}

}  // namespace claimtrack::evidence::detail
