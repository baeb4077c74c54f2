#include <claimtrack/text.hpp>

#include "evidence/kinds.hpp"
#include "evidence/match.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack::evidence::detail {

namespace {

// Function and reporting words: they say nothing about what was done.
constexpr auto k_latin_function_words = std::to_array<std::string_view>({
    "said", "says", "say", "saying", "told", "tells", "stated", "states", "announced", "announces", "added",
    "would", "will", "could", "may", "might", "should", "can", "shall", "it", "its", "they", "their", "them",
    "he", "she", "his", "her", "we", "our", "the", "a", "an", "to", "of", "in", "on", "at", "for", "by",
    "with", "from", "and", "or", "as", "has", "have", "had", "is", "are", "was", "were", "be", "been", "that",
    "this", "these", "those", "also", "then", "about", "s"});

// Chinese function and reporting words, blanked out before bigrams are taken (longest first).
constexpr auto k_han_function_words = std::to_array<std::string_view>({
    "表示", "宣布", "指出", "透露", "声称", "称", "说", "了", "的", "将", "会", "在", "就", "也", "已经", "已",
    "于", "把", "被", "并", "其", "是", "和", "与", "及"});

// Han numerals: numbers are compared as values, not as words.
constexpr std::u32string_view k_han_numerals = U"零〇一二三四五六七八九十百千万亿两";

bool is_number_token(std::string_view token) {
    if (!token.empty() && token.front() >= '0' && token.front() <= '9') return true;
    const std::u32string cps = decode(token);
    return !cps.empty() && std::all_of(cps.begin(), cps.end(), [](char32_t c) { return k_han_numerals.find(c) != std::u32string_view::npos; });
}

// Replace every occurrence of `word` in `text` with a space, so no bigram spans the gap.
void blank_out(std::string& text, std::string_view word) {
    for (auto pos = text.find(word); pos != std::string::npos; pos = text.find(word, pos + 1)) {
        text.replace(pos, word.size(), " ");
    }
}

}  // namespace

std::vector<std::string> meaningful_tokens(std::string_view words) {
    std::string cleaned = text::fold(words);
    for (auto w : k_han_function_words) blank_out(cleaned, w);
    std::vector<std::string> out;
    for (auto& token : text::index_tokens(cleaned)) {
        const bool function_word = std::find(k_latin_function_words.begin(), k_latin_function_words.end(), token) !=
                                   k_latin_function_words.end();
        if (!function_word && !is_number_token(token)) out.push_back(std::move(token));
    }
    return out;
}

}  // namespace claimtrack::evidence::detail
