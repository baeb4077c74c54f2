// `fold_width` decides whether a text needs folding with a scan that passes eight ASCII bytes and
// whole Han characters at once, and folds by runs; both must agree with the byte-at-a-time forms.
#include "text/numbers_detail.hpp"

#include "support/random_texts.hpp"

#include <doctest/doctest.h>

#include <bitset>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack::numbers::detail;

namespace {

// The scan as it was first written: every byte position tried.
bool plain_needs_folding(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        const auto b1 = static_cast<unsigned char>(text[i + 1]);
        const auto b2 = static_cast<unsigned char>(text[i + 2]);
        if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return true;
        if (b0 == 0xF0 && b1 < 0x90) return true;
        if (b0 == 0xEF && ((b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E))) return true;
    }
    return false;
}

// Han characters, characters that fold, their pieces and neighbours, and ASCII runs of every length
// up to past eight (the scan's step), so folding characters sit at every offset of a block.
const std::vector<std::string_view> k_pieces = {
    "a", "ab", "abc", "abcd", "abcde", "abcdefg", "abcdefgh", "abcdefghijk", " ", "1", "\xE4\xB8\x80", "\xE9\xBE\x99",
    "\xE5\xB9\xB4", "\xEF\xBC\x8C", "\xEF\xBC\x91", "\xEF\xBD\x9E", "\xEF\xBD\x9F", "\xEF\xBC\x80", "\xE3\x80\x80",
    "\xE3\x80\x81", "\xE3\x80\x87", "\xF0\x8F\xBC\x91", "\xF0\x9F\x98\x80", "\xE4", "\xE4\xB8", "\x80", "\xBC",
    "\xEF", "\xEF\xBC", "\xE3", "\xE3\x80", "\xC2\xA5", "\xC0\xB1", "\xEE\x80\x80", "\xE2\x80\x94", "\xFF"};

std::vector<std::string> random_texts(std::size_t count, unsigned seed) {
    return claimtrack::test::random_texts(k_pieces, count, 0, 24, seed);
}

}  // namespace

TEST_SUITE("text numbers fold") {

TEST_CASE("a text is left unfolded exactly where the byte-at-a-time scan finds nothing to fold") {
    std::size_t unchanged = 0;
    std::size_t changed = 0;
    for (const auto& text : random_texts(40000, 17)) {
        CAPTURE(text);
        const bool plain = plain_needs_folding(text);
        const Folded folded = fold_width(text);
        CHECK(folded.unchanged == !plain);
        (plain ? changed : unchanged) += 1;
        if (!folded.unchanged) CHECK(folded.origin.size() == folded.text.size() + 1);
    }
    CHECK(unchanged > 2000);
    CHECK(changed > 2000);
}

TEST_CASE("skip_wide_outside stops where a character-by-character walk with decode_at stops") {
    std::bitset<0x10000> starts;
    for (const char32_t c : {U'\u4E00', U'\u5E74', U'\uFF11', U'\u00A5', U'\u3000', U'\u00E4', U'\u00EF'}) starts.set(c);
    std::size_t stops = 0;
    for (const auto& text : random_texts(20000, 19)) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            std::size_t plain = i;
            while (plain < text.size() && static_cast<unsigned char>(text[plain]) >= 0x80u) {
                const CodePoint cp = decode_at(text, plain);
                if (cp.value < starts.size() && starts.test(cp.value)) break;
                plain += cp.length;
            }
            CAPTURE(text);
            CAPTURE(i);
            CHECK(skip_wide_outside(text, i, starts) == plain);
            stops += plain < text.size() && static_cast<unsigned char>(text[plain]) >= 0x80u ? 1 : 0;
        }
    }
    CHECK(stops > 10000);
}

TEST_CASE("folding maps each byte back to the start of its character") {
    const std::string text = "ab\xE4\xB8\x80\xEF\xBC\x91\xE3\x80\x80" "c\xE4\xB8\x80\xE4";
    const Folded folded = fold_width(text);
    REQUIRE_FALSE(folded.unchanged);
    CHECK(folded.text == "ab\xE4\xB8\x80" "1 c\xE4\xB8\x80\xE4");
    CHECK(folded.origin == std::vector<std::size_t>{0, 1, 2, 2, 2, 5, 8, 11, 12, 12, 12, 15, 16});
}

TEST_CASE("an answer of fold_width_shared still held is never folded into again") {
    const std::string first = "a\xEF\xBC\x91" "b";  // a１b
    const std::string second = "\xEF\xBC\x92\xE4\xB8\x80";  // ２一
    const auto held = fold_width_shared(first);
    REQUIRE(held->view(first) == "a1b");
    for (int round = 0; round < 3; ++round) {
        CHECK(fold_width_shared(first)->view(first) == "a1b");
        CHECK(fold_width_shared("plain")->unchanged);
        CHECK(fold_width_shared(second)->view(second) == "2\xE4\xB8\x80");
        CHECK(held->view(first) == "a1b");
    }
    CHECK(held->view(first) == "a1b");
    CHECK(held->origin == std::vector<std::size_t>{0, 1, 4, 5});
    // Released, the buffers are reused, and the answers stay right.
    for (const auto& text : random_texts(2000, 23)) {
        const Folded plain = fold_width(text);
        const auto shared = fold_width_shared(text);
        CAPTURE(text);
        CHECK(shared->unchanged == plain.unchanged);
        CHECK(shared->view(text) == plain.view(text));
        CHECK(shared->origin == plain.origin);
    }
}

}  // TEST_SUITE
