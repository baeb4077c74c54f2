#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace claimtrack;

namespace {

std::string utf8(const icu::UnicodeString& units) {
    std::string out;
    units.toUTF8String(out);
    return out;
}

}  // namespace

TEST_CASE("the Traditional-to-Simplified table made at build time gives what ICU's transliterator gives") {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::Transliterator> icu_way(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    // Every character of the blocks the table covers, and some past them (Extension B, which the
    // transliterator still handles at run time), one at a time.
    int changed = 0;
    for (const auto& [first, last] : {std::pair{0x3400, 0x9FFF}, std::pair{0xF900, 0xFAFF}, std::pair{0x20000, 0x20400}}) {
        for (UChar32 c = first; c <= last; ++c) {
            const icu::UnicodeString one(c);
            icu::UnicodeString expected = one;
            icu_way->transliterate(expected);
            const std::string got = text::to_simplified(utf8(one));
            if (got != utf8(expected)) FAIL_CHECK("U+" << std::hex << c << ": " << got << " instead of " << utf8(expected));
            if (expected != one) ++changed;
        }
    }
    CHECK(changed > 2000);  // the table is not empty: about 2,800 characters change
    CHECK(text::to_simplified("國門漢語，說話") == "国门汉语，说话");
    CHECK(text::fold("臺灣的經濟") == "台湾的经济");
}

TEST_CASE("fold's quick path for inert text gives what ICU's NFKC_Casefold and simplify give") {
    // Pieces chosen to meet every branch: ASCII of both cases, Simplified and Traditional Han, CJK
    // punctuation, full-width forms, combining marks after ASCII and after Han, Hangul jamo that
    // compose, compatibility ideographs, Extension B, a surrogate's bytes and other invalid UTF-8.
    const std::vector<std::string> pieces = {
        "A", "z", "Q", " ", ".", "95%", "英伟达", "國門", "臺灣", "，", "。", "“", "”", "、", "（", "）", "：",
        "ＡＢ", "９５％", "e\u0301", "\u0301", "中\u0308", "\u1100\u1161", "\u11A8", "가", "\uF900", "\uFA0E",
        "\U00020000", "\U0002F800", "\xED\xA0\x80", "\xFF", "\xE4\xB8", "ß", "ﬁ", "Ⅻ", "㎏", "\u3000", "〸",
        "é", "Ω", "Å", "ǅ", "ς", "\u00A0", "\u200B", "\uFEFF", "\U0001F600", "İ", "，", "（", "）", "！", "？", "Ｋ",
        "ｋ", "＜", "\u0338", "～", "｟", "\uFF00", "\uFF5F", "\uFF61", "ｶ", "\u3099", "か", "\u3000\u0301",
    };
    std::mt19937 random(7);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const auto count = 1 + random() % 6;
        for (unsigned k = 0; k < count; ++k) s += pieces[random() % pieces.size()];
        const std::string expected = text::detail::fold_with_icu(s);
        if (text::fold(s) != expected) FAIL_CHECK("fold differs for " << s << ": " << text::fold(s) << " instead of " << expected);
    }
    CHECK(text::fold("Nvidia 的份額") == "nvidia 的份额");
}

namespace {

// collapse_space as first written, one character at a time through ICU's White_Space test.
std::string collapse_space_reference(std::string_view text) {
    std::string out;
    bool pending_space = false;
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c < 0 ? std::string("\uFFFD") : std::string(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    return out;
}

}  // namespace

TEST_CASE("collapse_space copying runs whole gives what a character-by-character pass gives") {
    const std::vector<std::string> pieces = {
        " ", "\t", "\n", "\r\n", "\v", "\f", "\u0085", "\u00A0", "\u1680", "\u2000", "\u200A", "\u200B", "\u2028",
        "\u202F", "\u205F", "\u3000", "\uFEFF", "\u180E", "a", "Bc", "95%", "英伟达", "，", "¢", "\u00A1", "\u1681",
        "\u2030", "\u3001", "\uFEFE", "\U0001F600", "\xFF", "\xC2", "\xE2\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
    };
    std::mt19937 random(11);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const auto count = random() % 9;
        for (unsigned k = 0; k < count; ++k) s += pieces[random() % pieces.size()];
        const std::string expected = collapse_space_reference(s);
        if (text::collapse_space(s) != expected) FAIL_CHECK("collapse_space differs for [" << s << "]: [" << text::collapse_space(s) << "]");
    }
}

TEST_CASE("detect_language's shortcuts agree with ICU's scripts: ASCII letters are Latin, U+4E00..U+9FFF Han") {
    for (UChar32 c = 0; c < 0x80; ++c) {
        UErrorCode status = U_ZERO_ERROR;
        const bool latin_letter = uscript_getScript(c, &status) == USCRIPT_LATIN && u_isalpha(c);
        CHECK_MESSAGE(latin_letter == ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')), "U+" << std::hex << c);
    }
    int not_han = 0;
    for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) != USCRIPT_HAN) ++not_han;
    }
    CHECK(not_han == 0);
    CHECK(text::detect_language("英伟达的CEO是黄仁勋，AI芯片很重要。") == "zh");
    CHECK(text::detect_language("Nvidia's chief executive, 黄仁勋, spoke in Washington on Tuesday.") == "en");
}

TEST_CASE("to_utf16 gives every unit the byte offset it came from, for valid and invalid UTF-8") {
    const std::vector<std::string> pieces = {"a", " ", "é", "英", "\U0001F600", "\U00020000", "\xFF", "\xC2", "\xE4\xB8",
                                             "\xED\xA0\x80", "\xF0\x9F", "\x80", "\xF4\x90\x80\x80", "％"};
    std::mt19937 random(5);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const auto count = random() % 8;
        for (unsigned k = 0; k < count; ++k) s += pieces[random() % pieces.size()];
        // The same by appending one code point at a time.
        icu::UnicodeString units;
        std::vector<std::size_t> offsets;
        const auto* data = reinterpret_cast<const std::uint8_t*>(s.data());
        const auto length = static_cast<std::int32_t>(s.size());
        for (std::int32_t i = 0; i < length;) {
            const auto start = static_cast<std::size_t>(i);
            UChar32 c = 0;
            U8_NEXT(data, i, length, c);
            if (c < 0) c = 0xFFFD;
            units.append(c);
            offsets.push_back(start);
            if (c > 0xFFFF) offsets.push_back(start);
        }
        offsets.push_back(s.size());
        const auto got = text::detail::to_utf16(s);
        if (got.units != units || got.offsets != offsets) FAIL_CHECK("to_utf16 differs for [" << s << "]");
    }
}

TEST_CASE("fold's shortcut for U+4E00..U+9FFF holds: every one is inert under NFKC_Casefold") {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    REQUIRE(U_SUCCESS(status));
    int not_inert = 0;
    for (UChar32 c = 0x4E00; c <= 0x9FFF; ++c) {
        if (!normalizer->isInert(c)) ++not_inert;
    }
    CHECK(not_inert == 0);
}
