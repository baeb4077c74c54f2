#include <claimtrack/text.hpp>

#include "article/internal.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <optional>
#include <cctype>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

namespace claimtrack::article::detail {
namespace {

// Whole lines that are site furniture, compared after folding (Traditional reads as Simplified).
constexpr auto k_chrome = std::to_array<std::string_view>({
    // Chinese portals and WeChat accounts
    "站务", "全部专栏", "专栏", "登录", "注册", "登录注册", "退出登录", "分享", "分享到", "转发", "返回搜狐",
    "返回搜狐,查看更多", "查看更多", "加载更多", "更多", "返回顶部", "回到顶部", "返回首页", "首页", "返回", "打开app",
    "下载app", "打开客户端", "下载客户端", "客户端", "点击关注", "关注", "已关注", "关注我们", "广告", "举报", "投诉",
    "纠错", "收藏", "点赞", "在看", "点个在看", "赞赏", "打赏", "阅读原文", "阅读全文", "展开全文", "查看全文", "继续阅读",
    "点击查看", "点击阅读原文", "查看原文", "展开", "收起", "关闭", "相关阅读", "推荐阅读", "延伸推荐", "热门推荐",
    "相关推荐", "为你推荐", "猜你喜欢", "相关文章", "相关新闻", "热门文章", "热门新闻", "热点", "排行榜", "编辑推荐",
    "评论", "发表评论", "写评论", "我要评论", "网友评论", "热门评论", "全部评论", "评论区", "上一篇", "下一篇", "上一页",
    "下一页", "微信", "微博", "朋友圈", "qq", "qq空间", "豆瓣", "扫一扫", "扫码关注", "二维码", "图片", "[图片]", "配图",
    "视频", "打印", "字号", "大 中 小", "订阅", "立即订阅", "免费订阅", "联系我们", "关于我们", "意见反馈", "隐私政策",
    "用户协议", "版权声明", "标签", "阅读", "阅读量", "收听", "播放",
    // English sites
    "share", "share this", "share this article", "share this story", "share on facebook", "share on twitter",
    "share on x", "share on linkedin", "facebook", "twitter", "linkedin", "whatsapp", "reddit", "pinterest", "pin",
    "tweet", "email", "e-mail", "print", "copy link", "link copied", "copied", "subscribe", "subscribe now",
    "subscribe today", "advertisement", "ad", "sponsored", "sign in", "sign out", "log in", "log out", "sign up",
    "register", "my account", "account", "read more", "read next", "up next", "continue reading", "show more",
    "load more", "related", "related articles", "related stories", "related coverage", "related content",
    "most read", "most popular", "trending", "recommended", "recommended for you", "you may also like",
    "you might also like", "comments", "comment", "show comments", "view comments", "leave a comment",
    "add a comment", "join the conversation", "newsletter", "newsletters", "get the newsletter", "follow us",
    "follow", "cookie", "cookies", "cookie settings", "manage cookies", "accept cookies", "accept all",
    "accept", "reject all", "privacy policy", "terms of use", "terms of service", "contact us", "about us",
    "advertise with us", "reprints", "reprints & permissions", "back to top", "skip to content",
    "skip to main content", "skip advertisement", "scroll to continue", "menu", "open menu", "close",
    "search", "home", "next", "previous", "next article", "previous article", "sections", "topics", "tags",
    "site index", "toggle navigation", "navigation", "loading", "loading...", "play video", "watch", "listen",
    "save", "saved", "bookmark", "gift this article", "gift article", "give this article", "[image]", "image",
    "photo", "video",
});

// Line beginnings that mark chrome whatever follows.
constexpr auto k_chrome_prefixes = std::to_array<std::string_view>({
    "责任编辑", "编辑:", "校对:", "审核:", "分享到", "返回搜狐", "版权所有", "免责声明", "特别声明", "声明:",
    "本文仅代表", "本文来自", "转载请", "如需转载", "未经授权", "未经许可", "点击上方", "点击下方", "点击蓝字",
    "长按识别", "长按二维码", "扫码", "扫描二维码", "关注公众号", "欢迎关注", "图片来源", "图源", "©", "copyright",
    "all rights reserved", "advertisement", "listen to this article", "sign up for", "subscribe to",
    "we use cookies", "this site uses cookies", "this website uses cookies", "by continuing to use",
    "photo:", "image:", "credit:", "tags:", "filed under", "story continues", "article continues",
});

constexpr auto k_sources_headings = std::to_array<std::string_view>({
    "sources", "source", "references", "links", "further reading", "参考", "参考资料", "参考文献", "参考链接",
    "来源", "资料来源", "信息来源", "相关链接", "延伸阅读", "原文链接", "引用", "出处", "see also",
});

// A line longer than this is neither a chrome word nor a sources heading: the longest of them, with
// a counter and a few decorations, is under 60 characters, and folding at most makes 3 bytes one.
constexpr std::size_t k_whole_line = 180;
constexpr std::size_t longest(std::span<const std::string_view> words) {
    std::size_t most = 0;
    for (const std::string_view word : words) most = std::max(most, word.size());
    return most;
}
static_assert(3 * std::max(longest(k_chrome), longest(k_sources_headings)) * 2 <= k_whole_line,
              "a chrome word written full width, with as much again of counter and decoration, must stay under k_whole_line");
// Enough of a long line's beginning for the longest chrome prefix, full width, after decorations.
constexpr std::size_t k_head = 120;
// The longest key that can be a chrome word, a counted one (is_counted_chrome), a placeholder
// number or a sources heading, and the longest chrome prefix.
constexpr std::size_t k_counted = 40;
constexpr std::size_t k_placeholder = 12;
constexpr std::size_t k_longest_whole = std::max({longest(k_chrome), longest(k_sources_headings), longest(k_chrome_prefixes), k_counted, k_placeholder});
// How much of a line's beginning is folded first: a little more than k_longest_whole, so that prose
// (which folds to about its own length) needs no more.
constexpr std::size_t k_probe = 48;
static_assert(k_probe > k_longest_whole && k_probe < k_head);

// The first `size` bytes of a line, or fewer so as not to cut a UTF-8 character.
std::string_view whole_characters(std::string_view line, std::size_t size) {
    if (line.size() <= size) return line;
    while (size > 0 && (static_cast<unsigned char>(line[size]) & 0xC0) == 0x80) --size;
    return line.substr(0, size);
}

// The buffers a line's key is made in. Every line of an article is classified, and three strings
// a line (folded, collapsed, trimmed) were an eighth of the import's allocations; these keep their
// capacity from line to line.
struct KeyBuffers {
    std::string folded;
    std::string collapsed;
};

KeyBuffers& key_buffers() {
    thread_local KeyBuffers buffers;
    return buffers;
}

// Return a normalized line for lexicon lookups: folded, collapsed, decorations trimmed. The key
// lives in key_buffers(), valid until the next call.
std::string_view lookup_key(std::string_view line) {
    // Whole characters, never single bytes: the last byte of 读 is also the last byte of ».
    static constexpr std::array<std::string_view, 11> k_decorations{" ", ":", "：", "|", ">", "»", "·", "-", "—", "#", "*"};
    KeyBuffers& buffers = key_buffers();
    text::fold(line, buffers.folded);
    text::collapse_space(buffers.folded, buffers.collapsed);
    std::string_view rest = buffers.collapsed;
    bool trimmed = true;
    while (trimmed) {
        trimmed = false;
        // The end bytes first: most lines have no decoration, and 22 calls to memcmp a line to
        // find none were a fifth of the lookup.
        for (const std::string_view decoration : k_decorations) {
            if (!rest.empty() && rest.front() == decoration.front() && rest.starts_with(decoration)) {
                rest.remove_prefix(decoration.size());
                trimmed = true;
            }
            if (!rest.empty() && rest.back() == decoration.back() && rest.ends_with(decoration)) {
                rest.remove_suffix(decoration.size());
                trimmed = true;
            }
        }
    }
    return rest;
}

// A cut in `line` after which folding cannot change what comes before it: the next character is
// ASCII or a CJK ideograph (U+4E00..U+9FFF), neither of which composes with or reorders against the
// characters before it. Return the first such cut at or after `from` and before `before`, or nothing.
std::optional<std::size_t> stable_cut(std::string_view line, std::size_t from, std::size_t before) {
    for (std::size_t at = from; at < before && at < line.size(); ++at) {
        const auto lead = static_cast<unsigned char>(line[at]);
        if (lead < 0x80) return at;
        if (lead >= 0xE5 && lead <= 0xE9) return at;
        if (lead == 0xE4 && at + 1 < line.size() && static_cast<unsigned char>(line[at + 1]) >= 0xB8) return at;
    }
    return std::nullopt;
}

bool is_placeholder_number(std::string_view key) {
    if (key.empty() || key.size() > k_placeholder) return false;
    // "500", "640x480", "1/3": image sizes and counters, never article text.
    return std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c) || c == 'x' || c == '/'; }) &&
           std::isdigit(static_cast<unsigned char>(key.front()));
}

bool is_chrome_word(std::string_view key) {
    static const std::unordered_set<std::string_view> words(k_chrome.begin(), k_chrome.end());
    return words.contains(key);
}

static_assert(std::none_of(k_chrome_prefixes.begin(), k_chrome_prefixes.end(), [](std::string_view p) { return p.empty(); }));

// True when `key` begins with one of the chrome prefixes (most keys' first byte begins none).
bool has_chrome_prefix(std::string_view key) {
    static const std::bitset<256> firsts = [] {
        std::bitset<256> out;
        for (const std::string_view prefix : k_chrome_prefixes) out.set(static_cast<unsigned char>(prefix.front()));
        return out;
    }();
    if (key.empty() || !firsts.test(static_cast<unsigned char>(key.front()))) return false;
    return std::any_of(k_chrome_prefixes.begin(), k_chrome_prefixes.end(), [&](std::string_view prefix) {
        return prefix.front() == key.front() && key.starts_with(prefix);  // the first byte before a call to memcmp
    });
}

// "12 comments", "评论(23)", "阅读 1024": a chrome word with a counter.
bool is_counted_chrome(std::string_view key) {
    if (key.size() > k_counted || std::none_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); })) {
        return false;
    }
    // At most k_counted bytes: on the stack, not in a string that outgrows its small buffer.
    std::array<char, k_counted> word{};
    std::size_t size = 0;
    for (const char c : key) {
        if (!std::isdigit(static_cast<unsigned char>(c)) && std::string_view(" ()[]+,.").find(c) == std::string_view::npos) {
            word[size++] = c;
        }
    }
    return size > 0 && is_chrome_word(std::string_view(word.data(), size));
}

}  // namespace

LineKinds classify_line_whole(std::string_view line) {
    // Chrome lines are short: a line longer than k_whole cannot fold to a chrome word, a counter, a
    // placeholder or a sources heading (folding shrinks text at most threefold), so it can only be
    // chrome by its beginning, and only its first k_head bytes are folded.
    if (line.size() > k_whole_line) return {has_chrome_prefix(lookup_key(whole_characters(line, k_head))), false};
    const std::string_view key = lookup_key(line);
    LineKinds kinds;
    kinds.noise = key.empty() || is_placeholder_number(key) || is_chrome_word(key) || is_counted_chrome(key) || has_chrome_prefix(key);
    kinds.heading = std::find(k_sources_headings.begin(), k_sources_headings.end(), key) != k_sources_headings.end();
    return kinds;
}

LineKinds classify_line(std::string_view line) {
    // Every line of an article comes through here, and most are prose: the key of their first
    // k_probe bytes, cut where folding cannot reach back, begins the key of the whole line. Once it
    // is longer than any chrome word, counter, placeholder or heading, the whole key is too, and
    // it already holds the longest chrome prefix: the line is chrome only by that prefix.
    if (line.size() > k_probe) {
        if (const auto cut = stable_cut(line, k_probe, std::min(line.size(), k_head))) {
            const std::string_view key = lookup_key(line.substr(0, *cut));
            if (key.size() > k_longest_whole) return {has_chrome_prefix(key), false};
        }
    }
    return classify_line_whole(line);
}

bool is_noise_line(std::string_view line) { return classify_line(line).noise; }

bool is_sources_heading(std::string_view line) { return line.size() <= k_whole_line && classify_line(line).heading; }

}  // namespace claimtrack::article::detail
