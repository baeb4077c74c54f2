// classify_line folds only a line's beginning when that decides. These tests hold it to the
// answer of folding the whole line (the first 120 bytes of a long one), on lines built to sit on
// the edges: chrome words and prefixes written full width or in Traditional characters, with
// counters, decorations and spaces around them, combining marks and Hangul where it could cut.
#include "article/internal.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack::article;

namespace {

// Return `ascii` written in full-width forms (！ to ～), spaces as U+3000.
std::string full_width(std::string_view ascii) {
    std::string out;
    for (const char c : ascii) {
        if (c == ' ') {
            out += "\u3000";
            continue;
        }
        const char32_t wide = U'\uFF01' + static_cast<char32_t>(c - '!');
        out += static_cast<char>(0xE0 | (wide >> 12));
        out += static_cast<char>(0x80 | ((wide >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (wide & 0x3F));
    }
    return out;
}

const std::vector<std::string> k_pieces = {
    "this website uses cookies", "This Website Uses Cookies", full_width("this website uses cookies"),
    "all rights reserved", full_width("all rights reserved"), "责任编辑", "責任編輯", "版权所有", "版權所有",
    "©", "copyright", "Photo:", "photo：", " ", "\u3000", "  ", "-", "—", "»", "·", "|", ">", "#", "*", "：", ":",
    "e\u0301", "\u0301", "\u0323\u0301", "\u1100\u1161", "\u1161", "한", "ﬁ", "㈱", "Ａ", "文", "字", "新闻", "報導",
    "The council said", " on Monday", "，", "。", "x", "9", "\t", "Share", "分享到", "评论", "(23)", "12", "参考资料",
    "Sources", "see also", "reprints & permissions", "返回搜狐,查看更多", "500", "640x480",
};

std::string random_line(std::mt19937& random, std::size_t at_least) {
    std::uniform_int_distribution<std::size_t> pick(0, k_pieces.size() - 1);
    std::string line;
    while (line.size() < at_least) line += k_pieces[pick(random)];
    return line;
}

}  // namespace

TEST_CASE("a line's chrome prefix is found as by folding the whole line") {
    const std::vector<std::string> lines = {
        "this website uses cookies to give you the best experience, and by using it you agree to that, "
        "which is why we ask you to read the whole of our policy before you go any further with it today",
        full_width("this website uses cookies") + "，请阅读我们的隐私政策，继续使用即表示同意。这一段文字足够长，超过了整行阅读的长度上限。还要更长一点才行。",
        std::string(40, ' ') + "—— " + full_width("all rights reserved") + std::string(200, 'x'),
        "責任編輯：王小明。本文所有观点仅代表作者本人，与本站无关，请读者自行判断其中的信息是否可靠，谢谢大家。再多写一些文字，让这一行超过上限。",
        std::string(60, '-') + "copyright 2025 " + std::string(150, 'y'),
        "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 " + std::string(200, 'z'),
    };
    for (const std::string& line : lines) {
        REQUIRE(line.size() > 180);
        CAPTURE(line);
        CHECK(detail::classify_line(line).noise == detail::classify_line_whole(line).noise);
        CHECK_FALSE(detail::classify_line(line).heading);
    }
    CHECK(detail::classify_line(lines[0]).noise);
    CHECK(detail::classify_line(lines[1]).noise);
    CHECK(detail::classify_line(lines[2]).noise);
    CHECK(detail::classify_line(lines[3]).noise);
    CHECK(detail::classify_line(lines[4]).noise);
    CHECK_FALSE(detail::classify_line(lines[5]).noise);
}

TEST_CASE("chrome words with decorations that run past the beginning are still chrome") {
    const std::vector<std::string> lines = {
        std::string(10, '-') + " reprints & permissions " + std::string(30, '-'),
        "»»» " + full_width("share this article") + " »»»" + std::string(20, ' '),
        std::string(20, ' ') + "返回搜狐,查看更多" + std::string(30, '*'),
        "### 参考资料 " + std::string(50, '#'),
        "|| 评论(23) ||" + std::string(60, ' ') + "||",
        full_width("Sources") + std::string(40, '-'),
    };
    for (const std::string& line : lines) {
        REQUIRE(line.size() > 48);
        CAPTURE(line);
        const detail::LineKinds whole = detail::classify_line_whole(line);
        CHECK(whole.noise != whole.heading);
        CHECK(detail::classify_line(line).noise == whole.noise);
        CHECK(detail::classify_line(line).heading == whole.heading);
    }
}

TEST_CASE("random lines: the beginning and the whole line agree") {
    std::mt19937 random(20261207);
    int noise = 0;
    int headings = 0;
    for (int n = 0; n < 30000; ++n) {
        // Lengths from a word to past the long-line limit, where each way of deciding begins.
        const std::size_t length = n % 3 == 0 ? 181 + static_cast<std::size_t>(n % 64) : 1 + static_cast<std::size_t>(n % 200);
        const std::string line = n % 5 == 0 ? k_pieces[static_cast<std::size_t>(n) % k_pieces.size()] : random_line(random, length);
        const detail::LineKinds whole = detail::classify_line_whole(line);
        const detail::LineKinds kinds = detail::classify_line(line);
        noise += whole.noise ? 1 : 0;
        headings += whole.heading ? 1 : 0;
        if (kinds.noise != whole.noise || kinds.heading != whole.heading) {
            CAPTURE(line);
            FAIL("the beginning and the whole line disagree");
        }
    }
    // The generator makes chrome lines and headings, so both answers were tried.
    CHECK(noise > 500);
    CHECK(headings > 10);
}
