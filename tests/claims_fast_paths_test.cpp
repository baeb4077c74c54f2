// The cue index and the clause splitter have fast paths: at every byte the index must offer every
// entry that occurs there (as `occurs_at` matches), in list order, checked against a plain scan of
// the list; the splitter must cut as a plain decode of every character does.
#include "claims/claims_detail.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack::claims::detail;

namespace {

// Entries of every shape the key treats apart: ASCII words (any case), one byte, two-byte
// characters, Han (three bytes, one block sharing its first two bytes), CJK punctuation, a
// four-byte character, and fragments shorter than their key.
const std::vector<std::string_view> k_list = {
    "said", "Told", "x", "%", "é", "éa", "据称", "据", "有消息说", "一家", "一", "丁", "与其", "“", "。",
    "\xF0\x9F\x98\x80", "\xE4", "\xE4\xB8", "\xE4\xB8\x80", "中国", "今年", "ÀB",
};

const std::vector<std::string_view> k_texts = {
    "He SAID x% of 据称有消息说一家与其丁一中国今年，“好”。",
    "éa é \xF0\x9F\x98\x80 told TOLD ÀB àb",
    "\xE4",         // a lone lead byte at the end
    "\xE4\xB8",     // a cut character
    "a\xE4\xB8\x80", "一", "",
};

}  // namespace

TEST_CASE("CueIndex offers at each byte every entry that occurs there, in list order") {
    const CueIndex index(k_list);
    for (const std::string_view text : k_texts) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::vector<std::uint32_t> expected;
            for (std::size_t k = 0; k < k_list.size(); ++k) {
                if (occurs_at(text, i, k_list[k])) expected.push_back(static_cast<std::uint32_t>(k));
            }
            const auto offered = index.candidates(text, i);
            std::vector<std::uint32_t> found;
            for (const std::uint32_t k : offered) {
                if (occurs_at(text, i, k_list[k])) found.push_back(k);
            }
            CAPTURE(text);
            CAPTURE(i);
            CHECK(found == expected);
            CHECK(std::is_sorted(offered.begin(), offered.end()));
            CHECK(std::adjacent_find(offered.begin(), offered.end()) == offered.end());
        }
    }
}

TEST_CASE("CueIndex scans find what a plain scan of the list finds") {
    const CueIndex index(k_list);
    for (const std::string_view text : k_texts) {
        std::size_t first = k_list.size();
        for (std::size_t i = 0; i < text.size(); ++i) {
            for (std::size_t k = 0; k < k_list.size(); ++k) {
                if (occurs_at(text, i, k_list[k])) first = std::min(first, k);
            }
        }
        CAPTURE(text);
        CHECK(contains_cue(text, index) == (first < k_list.size()));
        CHECK(first_listed_cue(text, index) == (first < k_list.size() ? k_list[first] : std::string_view()));
    }
}

namespace {

// `split_clauses` as it read before its first-byte test: every character decoded.
std::vector<Clause> split_clauses_plain(std::string_view s) {
    std::vector<Clause> out;
    std::size_t begin = 0;
    int depth = 0;
    bool in_ascii_quote = false;
    for (std::size_t i = 0; i < s.size(); i += char_length(s, i)) {
        const char32_t c = code_point_at(s, i);
        if (c == U'“' || c == U'「' || c == U'《' || c == U'『' || c == U'(' || c == U'（') ++depth;
        if ((c == U'”' || c == U'」' || c == U'》' || c == U'』' || c == U')' || c == U'）') && depth > 0) --depth;
        if (c == U'"') in_ascii_quote = !in_ascii_quote;
        const bool next_wide = i + 1 < s.size() && (s[i + 1] == ' ' || static_cast<unsigned char>(s[i + 1]) >= 0x80u);
        const bool prev_wide = i > 0 && static_cast<unsigned char>(s[i - 1]) >= 0x80u;
        const bool ascii_comma = (c == U',' || c == U';') && (next_wide || prev_wide);
        const bool boundary = c == U'，' || c == U'；' || c == U'：' || ascii_comma;
        if (boundary && depth == 0 && !in_ascii_quote) {
            if (i > begin) out.push_back({begin, i});
            begin = i + char_length(s, i);
            while (begin < s.size() && s[begin] == ' ') ++begin;
        }
    }
    if (s.size() > begin) out.push_back({begin, s.size()});
    if (out.empty()) out.push_back({0, s.size()});
    return out;
}

}  // namespace

TEST_CASE("split_clauses cuts as a plain decode of every character does, over-long forms included") {
    // Every mark it reads, other characters, and over-long or cut forms that decode to a mark.
    const std::vector<std::string_view> pieces = {
        "，", "；", "：", ",", ";", "\"", "(", ")", "（", "）", "“", "”", "「", "」", "《", "》", "『", "』", " ",
        "a", "中", "é", "😀", "\xC0\xAC", "\xC1\xA8", "\xE0\x80\xAC", "\xF0\x80\x80\xBB", "\xF8\x80\x80\xA2",
        "\xF0\x82\x80\x9C", "\xE2\x80", "\xEF", "\x80", "\xC2\xA0",
    };
    std::uint32_t state = 12345;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = 1 + round % 24;
        for (int k = 0; k < length; ++k) {
            state = state * 1103515245u + 12345u;
            text += pieces[(state >> 16) % pieces.size()];
        }
        const auto fast = split_clauses(text);
        const auto plain = split_clauses_plain(text);
        CAPTURE(text);
        REQUIRE(fast.size() == plain.size());
        for (std::size_t k = 0; k < fast.size(); ++k) {
            CHECK(fast[k].begin == plain[k].begin);
            CHECK(fast[k].end == plain[k].end);
        }
    }
}
