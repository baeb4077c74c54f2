#include <claimtrack/article.hpp>
#include <claimtrack/text.hpp>

#include "article/internal.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimtrack::article::detail {
namespace {

// Whole lines that are site chrome, compared after folding and trimming.
constexpr std::array<std::string_view, 62> k_chrome{
    "站务", "全部专栏", "专栏", "登录", "注册", "登录注册", "分享", "分享到", "返回搜狐", "返回搜狐,查看更多",
    "查看更多", "返回顶部", "打开app", "下载app", "点击关注", "关注", "已关注", "广告", "举报", "收藏", "点赞",
    "在看", "阅读原文", "阅读全文", "展开全文", "相关阅读", "推荐阅读", "热门推荐", "相关文章", "评论", "发表评论",
    "上一篇", "下一篇", "微信", "微博", "朋友圈", "qq空间", "扫一扫", "扫码关注", "图片", "[图片]", "配图",
    "share", "subscribe", "advertisement", "sign in", "log in", "sign up", "register", "read more", "related",
    "related articles", "comments", "newsletter", "follow us", "back to top", "skip to content", "menu",
    "share this article", "copy link", "[image]", "image",
};

// Line beginnings that mark chrome whatever follows.
constexpr std::array<std::string_view, 14> k_chrome_prefixes{
    "责任编辑", "分享到", "返回搜狐", "版权所有", "免责声明", "©", "copyright", "all rights reserved",
    "advertisement", "图片来源", "图源", "listen to this article", "sign up for", "subscribe to",
};

constexpr std::array<std::string_view, 18> k_sources_headings{
    "sources", "source", "references", "links", "further reading", "参考", "参考资料", "参考文献", "参考链接",
    "来源", "资料来源", "信息来源", "相关链接", "延伸阅读", "原文链接", "引用", "出处", "see also",
};

bool is_url_char(unsigned char c) {
    return c > 0x20 && c < 0x7F && std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) == std::string_view::npos;
}

// Return where a URL starting at `start` ends: URL characters, minus trailing punctuation.
std::size_t url_end(std::string_view line, std::size_t start) {
    std::size_t end = start;
    while (end < line.size() && is_url_char(static_cast<unsigned char>(line[end]))) ++end;
    while (end > start) {
        const char last = line[end - 1];
        const auto url = line.substr(start, end - start);
        const bool unbalanced_close =
            (last == ')' && std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) ||
            (last == ']' && std::count(url.begin(), url.end(), '[') < std::count(url.begin(), url.end(), ']'));
        if (std::string_view(".,;:!?'\"").find(last) == std::string_view::npos && !unbalanced_close) break;
        --end;
    }
    return end;
}

// Return a normalized line for lexicon lookups: folded, collapsed, decorations trimmed.
std::string lookup_key(std::string_view line) {
    std::string key = text::collapse_space(text::fold(line));
    const std::string_view decorations = " :：|>»·-—#*";
    while (!key.empty() && decorations.find(key.back()) != std::string_view::npos) key.pop_back();
    std::size_t start = 0;
    while (start < key.size() && decorations.find(key[start]) != std::string_view::npos) ++start;
    return key.substr(start);
}

bool is_placeholder_number(std::string_view key) {
    if (key.empty() || key.size() > 12) return false;
    // "500", "640x480", "1/3": image sizes and counters, never article text.
    return std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c) || c == 'x' || c == '/'; }) &&
           std::isdigit(static_cast<unsigned char>(key.front()));
}

}  // namespace

Span trim_span(std::string_view text) {
    const auto space_before = [&](std::size_t end) -> std::size_t {
        for (const std::string_view s : {" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00A0", "\uFEFF"}) {
            if (end >= s.size() && text.substr(end - s.size(), s.size()) == s) return s.size();
        }
        return 0;
    };
    const auto space_at = [&](std::size_t start) -> std::size_t {
        for (const std::string_view s : {" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00A0", "\uFEFF"}) {
            if (text.substr(start, s.size()) == s) return s.size();
        }
        return 0;
    };
    std::size_t start = 0;
    std::size_t end = text.size();
    while (start < end && space_at(start) > 0) start += space_at(start);
    while (end > start && space_before(end) > 0) end -= space_before(end);
    return {start, end};
}

std::string normalize_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
            out += '\n';
        }
    }
    return out;
}

bool is_noise_line(std::string_view line) {
    const std::string key = lookup_key(line);
    if (key.empty()) return true;
    if (is_placeholder_number(key)) return true;
    if (std::find(k_chrome.begin(), k_chrome.end(), key) != k_chrome.end()) return true;
    return std::any_of(k_chrome_prefixes.begin(), k_chrome_prefixes.end(),
                       [&](std::string_view prefix) { return key.starts_with(prefix); });
}

bool is_sources_heading(std::string_view line) {
    const std::string key = lookup_key(line);
    return std::find(k_sources_headings.begin(), k_sources_headings.end(), key) != k_sources_headings.end();
}

std::vector<UrlMatch> find_urls(std::string_view line) {
    std::vector<UrlMatch> out;
    const std::string folded = [&] {
        std::string copy(line);
        for (char& ch : copy) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return copy;
    }();
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        const auto previous = static_cast<unsigned char>(i == 0 ? ' ' : line[i - 1]);
        const bool http = folded.compare(i, 4, "http") == 0 && !std::isalnum(previous);
        if (!http && !(std::isalnum(c) && !is_url_char(previous))) {
            ++i;
            continue;
        }
        const std::size_t end = url_end(line, i);
        if (auto url = normalize_url(line.substr(i, end - i))) {
            out.push_back({i, end, std::move(*url)});
            i = end;
            continue;
        }
        // Skip the failed token, but not a URL glued inside it ("see:https://...").
        const auto inner = std::string_view(folded).substr(0, end).find("http", i + 1);
        i = inner < end ? inner : std::max(end, i + 1);
    }
    return out;
}

}  // namespace claimtrack::article::detail
