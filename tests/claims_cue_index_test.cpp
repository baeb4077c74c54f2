// The cue index is a fast path: at every byte it must offer every entry that occurs there (as
// `occurs_at` matches), in list order. Checked against a plain scan of the list.
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
