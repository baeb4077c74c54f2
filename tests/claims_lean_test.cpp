// The shortcuts that cut the instructions of claim detection must find what the plain searches they
// replace find, on random texts made of the words looked for, their near misses and odd bytes.
#include "claims/claims_detail.hpp"
#include "claims/lexicon.hpp"

#include "support/random_texts.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack;
using namespace claimtrack::claims::detail;
namespace lexicon = claimtrack::claims::lexicon;

namespace {

std::vector<std::string> random_texts(const std::vector<std::string_view>& pieces, std::size_t count, std::size_t most, unsigned seed) {
    return test::random_texts(pieces, count, 0, most, seed);
}

// Letters, digits, punctuation of both languages, a cut character and stray bytes.
const std::vector<std::string_view> k_filler = {"的", "在", "，", "。", ", ", " ", " ", "a", "re", "X", "s", "1", "１",
                                                "“", "”", "\"", "\xE4", "\x80", "\xE8\xAF", "Said", "CEO", "ceo", "-", "'"};

// The score's first-person test as it was: "我" anywhere, "I" or "my" as a word ignoring case.
bool plain_first_person(std::string_view s) {
    if (s.find("我") != std::string_view::npos) return true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (word_at(s, i, "I") || word_at(s, i, "my")) return true;
    }
    return false;
}

}  // namespace

TEST_SUITE("claims_lean") {

TEST_CASE("a cue scan with the first-person words finds one where the plain search does") {
    static constexpr std::string_view words[] = {"我", "I", "my"};
    const std::array<std::span<const std::string_view>, k_cue_kinds> firsts{lexicon::en_speech_verbs(), lexicon::en_roles(), lexicon::en_comparisons(),
                                                                            lexicon::en_event_verbs(), lexicon::zh_org_suffixes()};
    const CueScan scan(firsts, {lexicon::hedges(), words});
    std::vector<std::string_view> pieces = k_filler;
    for (const std::string_view piece : {"我", "我们", "\xE6\x88", "I", "i", "In", "my", "MY", "My", "myth", "army", "xI", "I'm", "Ian", "AI", "说"}) {
        pieces.push_back(piece);
    }
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 6000, 12, 61)) {
        std::array<std::size_t, k_cue_kinds> first{};
        const bool fast = !scan.scan(text, first)[1].empty();
        CHECK_MESSAGE(fast == plain_first_person(text), text);
        found += fast ? 1 : 0;
    }
    CHECK(found > 100);
    for (const std::string_view edge : {"", "I", "i", "m", "my", "我", "\xE6\x88\x91", "\xE6\x88", "aI", "Ia", "I.", ".my."}) {
        std::array<std::size_t, k_cue_kinds> first{};
        CHECK(!scan.scan(edge, first)[1].empty() == plain_first_person(edge));
    }
}

}

namespace {

// `strip_trailing_verbs` as it was: every word tried in every pass.
std::string_view plain_strip_trailing_verbs(std::string_view text) {
    for (bool again = true; again;) {
        again = false;
        text = trim_view(text);
        for (const auto group : {trailing_marks(), trailing_verbs()}) {
            for (const std::string_view word : group) {
                if (text.ends_with(word)) {
                    text.remove_suffix(word.size());
                    again = true;
                }
            }
        }
        for (const std::string_view adverb : lexicon::zh_trailing_adverbs()) {
            if (text.size() > adverb.size() && text.ends_with(adverb)) {
                text.remove_suffix(adverb.size());
                again = true;
            }
        }
    }
    return text;
}

}  // namespace

TEST_SUITE("claims_lean") {

TEST_CASE("strip_trailing_verbs strips what trying every word in every pass strips") {
    std::vector<std::string_view> pieces = k_filler;
    for (const auto group : {trailing_marks(), trailing_verbs(), lexicon::zh_trailing_adverbs()}) {
        for (const std::string_view word : group) {
            pieces.push_back(word);
            pieces.push_back(word.substr(1));
        }
    }
    for (const std::string_view piece : {"份额", "营收", " ", "　", "revenue", "\xE5\x88", "ing", "ed"}) pieces.push_back(piece);
    std::size_t stripped = 0;
    for (const auto& text : random_texts(pieces, 8000, 8, 62)) {
        const std::string_view fast = strip_trailing_verbs(text);
        CHECK_MESSAGE(fast == plain_strip_trailing_verbs(text), text);
        stripped += fast.size() < trim_view(text).size() ? 1 : 0;
    }
    CHECK(stripped > 1000);
    for (const std::string_view edge : {"", " ", "了", "达到了", "\xE4", "\"", " of", "of", "份额已经"}) {
        CHECK(strip_trailing_verbs(edge) == plain_strip_trailing_verbs(edge));
    }
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("WordSet holds exactly its list's entries") {
    for (const auto list : {lexicon::zh_surnames(), lexicon::zh_name_stops(), lexicon::en_not_names()}) {
        const WordSet set(list);
        std::vector<std::string_view> pieces = k_filler;
        for (const std::string_view word : list) {
            CHECK(set.contains(word));
            pieces.push_back(word);
            pieces.push_back(word.substr(1));
            pieces.push_back(word.substr(0, word.size() - 1));
        }
        for (const auto& text : random_texts(pieces, 4000, 2, 63)) {
            const bool listed = std::find(list.begin(), list.end(), std::string_view(text)) != list.end();
            CHECK_MESSAGE(set.contains(text) == listed, text);
        }
        CHECK(!set.contains(""));
    }
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("CueIndex::occurs and may_occur agree with occurs_at and has_at at every byte") {
    for (const auto list : {lexicon::en_speech_verbs(), lexicon::en_roles(), lexicon::zh_roles(), lexicon::en_not_comparisons(),
                            lexicon::zh_not_event_verbs(), lexicon::en_not_event_verbs(), lexicon::opinions(), lexicon::people()}) {
        const CueIndex index(list);
        std::vector<std::string_view> pieces = k_filler;
        std::vector<std::string> upper;
        for (const std::string_view entry : list) {
            std::string shouted(entry);
            for (char& c : shouted) c = ascii_lower(c) == c && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            upper.push_back(std::move(shouted));
        }
        for (std::size_t k = 0; k < list.size(); ++k) {
            pieces.push_back(list[k]);
            pieces.push_back(list[k].substr(0, std::min<std::size_t>(list[k].size(), 5)));
            pieces.push_back(upper[k]);
        }
        std::size_t hits = 0;
        for (const auto& text : random_texts(pieces, 600, 6, 64)) {
            for (std::size_t i = 0; i <= text.size(); ++i) {
                for (std::uint32_t k = 0; k < list.size(); ++k) {
                    const bool occurs = index.occurs(text, i, k);
                    REQUIRE(occurs == occurs_at(text, i, list[k]));
                    if (has_at(text, i, list[k]) || occurs) REQUIRE(index.may_occur(text, i, k));
                    hits += occurs ? 1 : 0;
                }
            }
        }
        CHECK(hits > 100);
    }
}

TEST_CASE("CueIndex::fold4 lowers exactly the ASCII capitals of each byte") {
    for (unsigned b = 0; b < 256; ++b) {
        for (const unsigned other : {0u, 'A' * 1u, 'z' * 1u, 0xC3u, 0xFFu}) {
            const std::uint32_t bytes = b | other << 8 | b << 16 | other << 24;
            const auto lower = [](unsigned c) { return static_cast<std::uint32_t>(static_cast<unsigned char>(ascii_lower(static_cast<char>(c)))); };
            CHECK(CueIndex::fold4(bytes) == (lower(b) | lower(other) << 8 | lower(b) << 16 | lower(other) << 24));
        }
    }
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("char_length gives the lead byte's length, or 1 where the character is cut") {
    for (unsigned b = 0; b < 256; ++b) {
        const std::size_t full = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        std::string text(1, static_cast<char>(b));
        text += "\x80\x80\x80";
        for (std::size_t size = 1; size <= text.size(); ++size) {
            CHECK(char_length(std::string_view(text).substr(0, size), 0) == (full <= size ? full : 1));
        }
    }
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("find_all finds a Latin word where trying every byte does") {
    const auto plain = [](std::string_view s, std::string_view needle) {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
            if (word_at(s, i, needle)) out.push_back(i);
        }
        return out;
    };
    std::vector<std::string_view> pieces = k_filler;
    for (const std::string_view piece : {"half", "Half", "HALF", "hal", "the", "The", "THE", "them", "at", "At", "cat", "h", "H", "t", "T", "a", "A"}) {
        pieces.push_back(piece);
    }
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 4000, 12, 65)) {
        for (const std::string_view needle : {"half", "the", "at", "a", "the city", "The company", "h"}) {
            const auto fast = find_all(text, needle);
            CHECK_MESSAGE(fast == plain(text, needle), text);
            found += fast.size();
        }
    }
    CHECK(found > 1000);
    for (const std::string_view edge : {"", "h", "ha", "half", "halfhalf", " half", "half "}) CHECK(find_all(edge, "half") == plain(edge, "half"));
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("add_known_names skipping English runs eight bytes at a time finds every form") {
    const std::vector<std::string_view> forms = {"星河", "云杉", "北辰", "é"};
    const std::vector<std::string_view> pieces = {"星河", "云杉", "北辰", "the market ", "a", "bc", "defgh", "Revenue rose by 12%", " ",
                                                  "\xE6", "\x98", "\xC3", "é", "，", "1", "ijklmnopq"};
    KnownNames known;
    for (const std::string_view form : forms) known.add(std::string(form), std::string(form) + "集团");
    std::size_t found = 0;
    for (const auto& text : random_texts(pieces, 3000, 14, 66)) {
        std::vector<Mention> mentions;
        add_known_names(text, known, mentions);
        std::vector<std::size_t> starts;
        for (const auto& m : mentions) starts.push_back(m.begin);
        std::vector<std::size_t> plain;  // no form overlaps another, so each occurrence is a mention
        for (std::size_t i = 0; i < text.size(); ++i) {
            for (const std::string_view form : forms) {
                if (std::string_view(text).substr(i).starts_with(form)) plain.push_back(i);
            }
        }
        CHECK_MESSAGE(starts == plain, text);
        found += starts.size();
    }
    CHECK(found > 1000);
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("refers_to_company ruling texts out by their words answers as the phrase search does") {
    const auto plain = [](std::string_view text) {
        for (const std::string_view word : {"the company", "The company", "the firm", "The firm", "该公司", "这家公司"}) {
            if (text.find(word) != std::string_view::npos) return true;
        }
        const auto at = text.find(" company");
        return at != std::string_view::npos && (text.starts_with("The ") || text.starts_with("the ")) && at < 40;
    };
    std::vector<std::string_view> pieces = k_filler;
    for (const std::string_view piece : {"the ", "The ", "company", " company", "firm", " firm", "he", "公司", "该", "这家", "司", "公", "Rotterdam-based"}) {
        pieces.push_back(piece);
    }
    std::size_t yes = 0;
    for (const auto& text : random_texts(pieces, 6000, 16, 67)) {
        const bool fast = refers_to_company(text);
        CHECK_MESSAGE(fast == plain(text), text);
        yes += fast ? 1 : 0;
    }
    CHECK(yes > 100);
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("find_mentions told where the first organisation suffix is finds what it finds from the start") {
    std::vector<std::string_view> pieces = k_filler;
    for (const std::string_view suffix : lexicon::zh_org_suffixes()) {
        pieces.push_back(suffix);
        pieces.push_back(suffix.substr(1));
    }
    for (const std::string_view piece : {"星河", "北辰", "华岳", "中国", "一家", "位于", "合肥", "\xE6\x98", "Harbor Line"}) pieces.push_back(piece);
    std::size_t orgs = 0;
    for (const auto& text : random_texts(pieces, 4000, 10, 68)) {
        std::size_t first = std::string_view::npos;
        for (std::size_t i = 0; i < text.size() && first == std::string_view::npos; ++i) {
            for (const std::string_view suffix : lexicon::zh_org_suffixes()) {
                if (has_at(text, i, suffix)) first = i;
            }
        }
        const auto told = find_mentions(text, first);
        const auto plain = find_mentions(text, 0);
        REQUIRE(told.size() == plain.size());
        for (std::size_t k = 0; k < told.size(); ++k) {
            CHECK(told[k].begin == plain[k].begin);
            CHECK(told[k].end == plain[k].end);
            CHECK(told[k].name == plain[k].name);
            CHECK(told[k].type == plain[k].type);
            orgs += told[k].type == EntityType::organization ? 1 : 0;
        }
    }
    CHECK(orgs > 500);
}

}

TEST_SUITE("claims_lean") {

TEST_CASE("org_alias ruling names out by their last bytes gives what trying every suffix gives") {
    const auto plain = [](std::string_view name) {
        for (const auto suffix : lexicon::zh_alias_suffixes()) {
            if (!name.ends_with(suffix) || name.size() < suffix.size() + 6) continue;
            const auto stem = name.substr(0, name.size() - suffix.size());
            if (is_han(code_point_at(stem, 0)) && !generic_stem(stem)) return std::string(stem);
        }
        return std::string();
    };
    std::vector<std::string_view> pieces = {"星河", "北辰", "一家", "科技", "中国", "a", "X", "\xE4", "\xBD", "的"};
    for (const std::string_view suffix : lexicon::zh_alias_suffixes()) {
        pieces.push_back(suffix);
        pieces.push_back(suffix.substr(1));
    }
    std::size_t aliases = 0;
    for (const auto& name : random_texts(pieces, 6000, 5, 69)) {
        const std::string fast = org_alias(name);
        CHECK_MESSAGE(fast == plain(name), name);
        aliases += fast.empty() ? 0 : 1;
    }
    CHECK(aliases > 300);
    for (const std::string_view edge : {"", "a", "\xE4", "半导体", "星河半导体"}) CHECK(org_alias(edge) == plain(edge));
}

}
