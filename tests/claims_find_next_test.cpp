// find_next steps through what find_all lists: the detectors walk occurrences with it instead of
// allocating the list, so the two must agree on every text and needle.
#include "claims/claims_detail.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace claimtrack::claims::detail;

namespace {

std::vector<std::size_t> stepped(std::string_view s, std::string_view needle) {
    std::vector<std::size_t> out;
    for (auto at = find_next(s, needle, 0); at != std::string_view::npos; at = find_next(s, needle, at + 1)) out.push_back(at);
    return out;
}

}  // namespace

TEST_CASE("find_next visits the starts find_all lists, in order") {
    const std::vector<std::string> needles = {"the", "at", "half", "The", "a", "星河", "公司", "x", "ab", "\xe6"};
    std::vector<std::string> texts = {"", "t", "the", "The the THE tHe", "other thethe the.", "at at,at;cat at", "half-half halfway",
                                      "星河半导体与星河公司", "星河星河河", "a", "aA aa Aa", "\xe6\x98", "abab ab", "the",
                                      "Thé the", "ＡＢ the ab"};
    std::mt19937 rng(7);
    const std::string pieces[] = {"t", "h", "e", "T", "a", " ", ".", "星", "河", "\xe6", "b", "H", "l", "f", "A"};
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        const auto len = rng() % 24;
        for (unsigned k = 0; k < len; ++k) text += pieces[rng() % std::size(pieces)];
        texts.push_back(text);
    }
    for (const auto& text : texts) {
        for (const auto& needle : needles) {
            CHECK(stepped(text, needle) == find_all(text, needle));
            CHECK(find_next(text, needle, text.size() + 1) == std::string_view::npos);
        }
        CHECK(find_next(text, "", 0) == std::string_view::npos);
        CHECK(find_all(text, "").empty());
    }
}
