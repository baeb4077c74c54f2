#include <claimtrack/fetch.hpp>

#include "fetch/transfer.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimtrack::fetch {
namespace {

// Longer main texts are articles that may mention "page not found"; only short ones are judged.
constexpr std::size_t k_short_text_bytes = 600;
// Titles this short may say just "404" or "Not Found".
constexpr std::size_t k_short_title_bytes = 40;

// Phrases that say the page itself is missing, in a title or a short main text.
constexpr std::array<std::string_view, 38> k_page_missing{
    "page not found", "page does not exist", "page doesn't exist", "page doesn\u2019t exist",
    "page cannot be found", "page can't be found", "page could not be found", "page no longer exists",
    "content not found", "article not found", "story not found", "error 404", "404 error", "404 not found",
    "this page has been removed", "this article has been removed", "this content has been removed",
    "this page has been deleted", "this article has been deleted", "this content has been deleted",
    "\u9875\u9762\u4e0d\u5b58\u5728",            // 页面不存在
    "\u627e\u4e0d\u5230\u9875\u9762",            // 找不到页面
    "\u9875\u9762\u672a\u627e\u5230",            // 页面未找到
    "\u9875\u9762\u627e\u4e0d\u5230",            // 页面找不到
    "\u7f51\u9875\u4e0d\u5b58\u5728",            // 网页不存在
    "\u627e\u4e0d\u5230\u7f51\u9875",            // 找不到网页
    "\u6587\u7ae0\u4e0d\u5b58\u5728",            // 文章不存在
    "\u5185\u5bb9\u4e0d\u5b58\u5728",            // 内容不存在
    "\u8be5\u5185\u5bb9\u5df2\u88ab\u5220\u9664",  // 该内容已被删除
    "\u6587\u7ae0\u5df2\u5220\u9664",            // 文章已删除
    "\u6587\u7ae0\u5df2\u88ab\u5220\u9664",      // 文章已被删除
    "\u5185\u5bb9\u5df2\u5220\u9664",            // 内容已删除
    "\u9875\u9762\u5df2\u5220\u9664",            // 页面已删除
    "\u9801\u9762\u4e0d\u5b58\u5728",            // 頁面不存在
    "\u627e\u4e0d\u5230\u7db2\u9801",            // 找不到網頁
    "\u7db2\u9801\u4e0d\u5b58\u5728",            // 網頁不存在
    "\u6587\u7ae0\u5df2\u522a\u9664",            // 文章已刪除
    "404\u9519\u8bef",                             // 404错误
};

// Phrases that a headline may use about something else, so they count only in a short main text.
constexpr std::array<std::string_view, 12> k_text_only{
    "has been removed", "has been deleted", "no longer available", "is not available", "could not be found",
    "cannot be found", "can't be found", "was not found", "does not exist", "doesn't exist",
    "\u5df2\u88ab\u5220\u9664",  // 已被删除
    "\u5df2\u88ab\u522a\u9664",  // 已被刪除
};

// A short title that starts with one of these says nothing else ("404", "Not Found", "未找到").
constexpr std::array<std::string_view, 3> k_title_starts{"404", "not found", "\u672a\u627e\u5230"};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool contains_any(std::string_view text, auto&& phrases) {
    return std::ranges::any_of(phrases, [&](std::string_view phrase) { return text.find(phrase) != std::string_view::npos; });
}

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool short_title_says_missing(std::string_view title) {
    if (title.size() > k_short_title_bytes) return false;
    for (std::string_view start : k_title_starts) {
        if (!title.starts_with(start)) continue;
        // "404" must be a number of its own, not the start of "4040 jobs".
        const bool digit_after = title.size() > start.size() && std::isdigit(static_cast<unsigned char>(title[start.size()])) != 0;
        if (!digit_after) return true;
    }
    return false;
}

bool says_missing(std::string_view title, std::string_view main_text) {
    const std::string lower_title = lower_ascii(trim(title));
    if (contains_any(lower_title, k_page_missing) || short_title_says_missing(lower_title)) return true;
    if (trim(main_text).size() > k_short_text_bytes) return false;
    const std::string lower_text = lower_ascii(main_text);
    return contains_any(lower_text, k_page_missing) || contains_any(lower_text, k_text_only);
}

}  // namespace

std::string judge_outcome(const FetchResult& result, bool is_text, std::string_view title, std::string_view main_text) {
    if (!result.http_status) {
        const bool refused = result.error.starts_with(k_refused_prefix) || result.error.starts_with(k_scheme_prefix);
        return refused ? "refused" : "unreachable";
    }
    const int status = *result.http_status;
    if (status == 304) return "not-modified";
    if (status == 404 || status == 410) return "dead";
    if (status >= 300) return "unreachable";  // 401, 403, 429, 5xx, and a 3xx that led nowhere
    if (!is_text) return "not-text";
    return says_missing(title, main_text) ? "soft-404" : "ok";
}

}  // namespace claimtrack::fetch
