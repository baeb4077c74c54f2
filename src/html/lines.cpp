#include "internal.hpp"

#include <array>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t k_max_line = 120;   // bytes; datelines and credits are short
constexpr std::size_t k_max_byline = 60;  // bytes of a "新华社记者 张三" line

// Labels that open a credit or source line rather than prose.
constexpr std::array k_credit_labels = {
    "来源："sv, "来源:"sv, "编辑："sv, "编辑:"sv, "责任编辑"sv, "作者："sv, "作者:"sv, "记者："sv, "本报记者"sv,
    "本报实习生"sv, "本报讯"sv, "原标题："sv, "发表时间"sv, "发布时间"sv, "文章来源"sv, "稿源："sv,
};

// Words that mark a line holding a date as a dateline ("Updated ...", "...更新 来源：...").
constexpr std::array k_dateline_words = {
    "updated"sv, "published"sv, "posted"sv, "更新"sv, "来源"sv, "发布"sv, "发表"sv, "时间"sv, "日期"sv,
};

bool ends_sentence(std::string_view line) {
    for (std::string_view stop : {"."sv, "!"sv, "?"sv, "\xE3\x80\x82"sv, "\xEF\xBC\x81"sv, "\xEF\xBC\x9F"sv}) {
        if (line.ends_with(stop)) return true;
    }
    return false;
}

}  // namespace

bool is_credit_line(std::string_view paragraph) {
    if (paragraph.size() > k_max_line || ends_sentence(paragraph)) return false;
    for (std::string_view label : k_credit_labels) {
        if (paragraph.starts_with(label)) return true;
    }
    if (paragraph.size() <= k_max_byline) {
        for (std::string_view infix : {"记者 "sv, "记者："sv, "通讯员 "sv}) {
            if (paragraph.find(infix) != std::string_view::npos) return true;
        }
    }
    const std::string date = find_date(paragraph);
    if (date.empty()) return false;
    const std::string lower = lower_ascii(paragraph);
    for (std::string_view word : k_dateline_words) {
        if (lower.find(word) != std::string::npos) return true;
    }
    // A line that is little more than a date and a time is a dateline too.
    return date.find('T') != std::string::npos && paragraph.size() <= 40;
}

}  // namespace claimtrack::html::detail
