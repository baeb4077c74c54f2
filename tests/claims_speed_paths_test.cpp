// The extractor's shortcuts must not change what it finds: claims found without their score terms
// (as import finds them) equal those found with them, and each score is the clamped sum of its terms
// added in order, to the bit.
#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"
#include "support/random_texts.hpp"
#include "support/claims_articles.hpp"

#include <claimtrack/claims.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// Return the evaluation articles of tests/claims_eval, each split at blank lines into text paragraphs.
std::vector<Article> eval_articles() {
    std::vector<Article> out;
    const auto dir = std::filesystem::path(CLAIMTRACK_SOURCE_DIR) / "tests" / "claims_eval";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream read;
        read << in.rdbuf();
        const std::string text = read.str();
        std::vector<std::string> paragraphs;
        std::size_t begin = 0;
        while (begin < text.size()) {
            const auto end = std::min(text.find("\n\n", begin), text.size());
            if (end > begin) paragraphs.push_back(text.substr(begin, end - begin));
            begin = end + 2;
        }
        out.push_back(test::text_article(paragraphs));
    }
    return out;
}

// Return `count` random texts of 1..`most` pieces from `pieces`.
std::vector<std::string> random_texts(const std::vector<std::string_view>& pieces, std::size_t count, std::size_t most, unsigned seed) {
    return test::random_texts(pieces, count, 1, most, seed);
}

// Return `list`'s entries, pieces of them (a first character, a cut byte) and some filler.
std::vector<std::string_view> pieces_of(std::span<const std::string_view> list) {
    std::vector<std::string_view> out = {"的", "在", "，", " ", "a", "A", "1", "\xE4", "\x80", "营", "份"};
    for (const std::string_view entry : list) {
        out.push_back(entry);
        out.push_back(entry.substr(0, std::min<std::size_t>(entry.size(), 3)));
        out.push_back(entry.substr(0, entry.size() - 1));
    }
    return out;
}

}  // namespace

TEST_SUITE("claims_speed_paths") {

TEST_CASE("CueSet finds in one scan what first_listed_cue finds in each of its lists") {
    namespace lexicon = claims::lexicon;
    const std::vector<std::span<const std::string_view>> lists = {lexicon::doubts(), lexicon::hedges(), lexicon::opinions(),
                                                                 lexicon::en_future(), lexicon::zh_future()};
    const claims::detail::CueSet set(lists);
    std::vector<claims::detail::CueIndex> each;
    std::vector<std::string_view> pieces = {"I", "Said", "“", "。"};
    for (const auto list : lists) {
        each.emplace_back(list);
        for (const auto piece : pieces_of(list)) pieces.push_back(piece);
    }
    std::vector<std::size_t> seen(lists.size(), 0);
    for (const auto& text : random_texts(pieces, 5000, 6, 5)) {
        const auto found = set.first_listed(text);
        REQUIRE(found.size() == lists.size());
        CAPTURE(text);
        for (std::size_t l = 0; l < lists.size(); ++l) {
            CHECK(found[l] == claims::detail::first_listed_cue(text, each[l]));
            seen[l] += found[l].empty() ? 0 : 1;
        }
    }
    for (const std::size_t n : seen) CHECK(n > 200);
}

TEST_CASE("generic_stem agrees with one search per listed stem") {
    const auto list = claims::lexicon::zh_generic_stems();
    REQUIRE(list.size() > 10);
    std::size_t generic = 0;
    for (const auto& text : random_texts(pieces_of(list), 5000, 4, 9)) {
        bool plain = false;  // the loop `generic_stem` had
        for (const auto word : list) {
            const bool single = word.size() == 3;
            plain = plain || (single ? text.starts_with(word) : text.find(word) != std::string::npos);
        }
        CAPTURE(text);
        CHECK(claims::detail::generic_stem(text) == plain);
        generic += plain ? 1 : 0;
    }
    CHECK(generic > 1000);
    CHECK(generic < 4500);
}

TEST_CASE("find_from finds what string_view::find finds, from every start") {
    const std::vector<std::string_view> pieces = {"星河", "星", "河", "半导体", "英伟达", "，", "a", "ab", "\xE6", "\x98", "\x9F"};
    const std::vector<std::string_view> needles = {"星河", "河半", "半导体", "\x98\x9F", "\xE6\x98\x9F", "ab", "a", "星河星河", "达，a"};
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 3000, 10, 21)) {
        const std::string_view s = text;
        for (const auto needle : needles) {
            for (std::size_t from = 0; from <= s.size() + 1; ++from) {
                CAPTURE(text);
                CAPTURE(needle);
                CAPTURE(from);
                const auto expected = s.find(needle, from);
                CHECK(claims::detail::find_from(s, needle, from) == expected);
                found += expected != std::string_view::npos ? 1 : 0;
            }
        }
    }
    CHECK(found > 10000);
}

TEST_CASE("not_speech_at agrees with trying every phrase at every start that covers the verb") {
    namespace lexicon = claims::lexicon;
    std::vector<std::string_view> pieces = pieces_of(lexicon::zh_not_speech());
    for (const auto verb : lexicon::zh_speech_verbs()) pieces.push_back(verb);
    std::size_t verbs = 0, excluded = 0;
    for (const auto& text : random_texts(pieces, 4000, 6, 17)) {
        const std::string_view s = text;
        for (const auto verb : lexicon::zh_speech_verbs()) {
            for (const std::size_t begin : claims::detail::find_all(s, verb)) {
                const std::size_t end = begin + verb.size();
                bool plain = false;  // the loop `excluded_zh` had
                for (const auto phrase : lexicon::zh_not_speech()) {
                    const std::size_t from = begin >= phrase.size() ? begin - phrase.size() + verb.size() : 0;
                    for (std::size_t at = from; at <= begin && at + phrase.size() <= s.size(); ++at) {
                        plain = plain || (s.compare(at, phrase.size(), phrase) == 0 && at + phrase.size() >= end);
                    }
                }
                CAPTURE(text);
                CAPTURE(begin);
                CHECK(claims::detail::not_speech_at(s, begin, end) == plain);
                ++verbs;
                excluded += plain ? 1 : 0;
            }
        }
    }
    CHECK(verbs > 3000);
    CHECK(excluded > 1000);
}

TEST_CASE("rfind_quick finds what string_view::rfind finds, from every position") {
    const std::vector<std::string_view> pieces = {"他", "她", "被", "在", " from ", "He ", " he ", "a", "\xE4", "\xBB"};
    const std::vector<std::string_view> needles = {"他", "被", " from ", " he ", "He ", "a", "\xBB\x96", "他他", ""};
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 3000, 8, 23)) {
        const std::string_view s = text;
        for (const auto needle : needles) {
            for (std::size_t pos = 0; pos <= s.size() + 1; ++pos) {
                CAPTURE(text);
                CAPTURE(needle);
                CAPTURE(pos);
                const auto expected = s.rfind(needle, pos);
                CHECK(claims::detail::rfind_quick(s, needle, pos) == expected);
                found += expected != std::string_view::npos ? 1 : 0;
            }
            CHECK(claims::detail::rfind_quick(s, needle) == s.rfind(needle));
        }
    }
    CHECK(found > 10000);
}

TEST_CASE("last_attribute finds what the last occurrence (rfind) of each listed attribute gives") {
    const auto list = claims::lexicon::zh_attributes();
    REQUIRE(list.size() > 10);
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces_of(list), 5000, 8, 3)) {
        std::size_t best_at = std::string::npos, best_size = 0;  // the loop `short_zh_attribute` had
        for (const auto noun : list) {
            const auto at = text.rfind(noun);
            if (at == std::string::npos) continue;
            if (best_at == std::string::npos || at + noun.size() > best_at + best_size) {
                best_at = at;
                best_size = noun.size();
            }
        }
        const auto fast = claims::detail::last_attribute(text);
        CAPTURE(text);
        REQUIRE(fast.has_value() == (best_at != std::string::npos));
        if (!fast) continue;
        ++found;
        CHECK(fast->first == best_at + best_size);
        CHECK(fast->second == std::string_view(text).substr(best_at, best_size));
    }
    CHECK(found > 1000);
}

TEST_CASE("claims found without their score terms equal those found with them, scores to the bit") {
    auto articles = eval_articles();
    REQUIRE(articles.size() >= 6);
    articles.push_back(test::text_article({"我觉得英伟达的芯片太聪明了，市场份额还会回到50%吗？",
                                           "Harbor Line said on Tuesday it would drop four of its eleven routes.",
                                           "I think Acme will sell 3 million phones next year, he said."}));
    std::size_t claims_seen = 0;
    for (const auto& article : articles) {
        const auto plain = claims::extract(article);
        const auto scored = claims::detail::extract_scored(article);
        REQUIRE(plain.size() == scored.size());
        for (std::size_t k = 0; k < plain.size(); ++k) {
            CHECK(plain[k] == scored[k].claim);
            REQUIRE_FALSE(scored[k].terms.empty());
            double sum = 0.0;
            for (const auto& t : scored[k].terms) sum += t.weight;
            CHECK(std::clamp(sum, 0.0, 1.0) == plain[k].checkworthiness);  // exactly, not approximately
        }
        claims_seen += plain.size();
    }
    CHECK(claims_seen > 50);
}

}  // TEST_SUITE
