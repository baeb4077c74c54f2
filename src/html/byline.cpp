#include "internal.hpp"

#include <array>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t k_max_name = 12;  // bytes: four CJK characters
constexpr std::size_t k_scan = 400;     // paragraphs searched

bool is_name(std::string_view word) {
    if (word.size() < 2 || word.size() > k_max_name || word.find_first_of("0123456789():.,") != std::string_view::npos) return false;
    for (std::string_view mark : {"（"sv, "）"sv, "："sv, "，"sv, "。"sv}) {
        if (word.find(mark) != std::string_view::npos) return false;
    }
    return true;
}

// Return the first space-separated word of `text`.
std::string_view first_word(std::string_view text) {
    const std::size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) return {};
    text.remove_prefix(start);
    return text.substr(0, text.find(' '));
}

// "……。（信报记者 蔡雪婧）" -> "蔡雪婧"; "（姚峰 上海报道）" -> "姚峰".
std::string credit_in_parentheses(std::string_view paragraph) {
    for (const auto& [open, close] : {std::pair{"（"sv, "）"sv}, std::pair{"("sv, ")"sv}}) {
        if (!paragraph.ends_with(close)) continue;
        const std::size_t at = paragraph.rfind(open);
        if (at == std::string_view::npos) continue;
        const std::string_view inside = paragraph.substr(at + open.size(), paragraph.size() - at - open.size() - close.size());
        if (inside.size() > 60) continue;
        if (const std::size_t reporter = inside.find("记者"); reporter != std::string_view::npos) {
            if (const std::string_view name = first_word(inside.substr(reporter + "记者"sv.size())); is_name(name)) return std::string(name);
        }
        if (inside.ends_with("报道") && inside.find(' ') != std::string_view::npos) {
            if (const std::string_view name = first_word(inside); is_name(name)) return std::string(name);
        }
    }
    return {};
}

// "ggjjzhzz 发表于 2005-9-15" -> "ggjjzhzz" (forum and blog posts).
std::string poster_before(std::string_view paragraph) {
    for (std::string_view marker : {" 发表于"sv, " 张贴"sv}) {
        const std::size_t at = paragraph.find(marker);
        if (at == std::string_view::npos || at == 0) continue;
        const std::string_view before = paragraph.substr(0, at);
        const std::size_t space = before.rfind(' ');
        const std::string_view name = space == std::string_view::npos ? before : before.substr(space + 1);
        if (is_name(name)) return std::string(name);
    }
    return {};
}

}  // namespace

std::string author_in_credits(const std::vector<std::string>& page) {
    for (std::size_t i = 0; i < page.size() && i < k_scan; ++i) {
        if (std::string name = credit_in_parentheses(page[i]); !name.empty()) return name;
    }
    for (std::size_t i = 0; i < page.size() && i < k_scan; ++i) {
        if (page[i].size() > 160) continue;
        if (std::string name = poster_before(page[i]); !name.empty()) return name;
    }
    return {};
}

}  // namespace claimtrack::html::detail
