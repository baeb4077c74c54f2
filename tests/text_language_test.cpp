// detect_language counts the letters of eight ASCII bytes at once; it must count as a reader of
// one code point at a time does.
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace claimtrack;

namespace {

// detect_language the plain way: every code point decoded (bad bytes as U+FFFD) and asked of ICU.
std::string reference_language(std::string_view text) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::size_t han = 0;
    std::size_t kana_hangul = 0;
    std::size_t latin = 0;
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) c = 0xFFFD;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_HAN) {
            ++han;
        } else if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL) {
            ++kana_hangul;
        } else if (script == USCRIPT_LATIN && u_isalpha(c)) {
            ++latin;
        }
    }
    if (kana_hangul * 4 > han && kana_hangul * 4 > latin) return "und";
    if (han > 0 && han * 3 >= latin) return "zh";
    if (latin > 0 && latin >= han) return "en";
    return "und";
}

}  // namespace

TEST_SUITE("text: language") {

TEST_CASE("every ASCII byte is counted as a letter exactly when it is one, in runs of eight or not") {
    // One Han character against n letters: "zh" while 3 >= n, "en" after; each byte on its own
    // among seven others that are not letters.
    for (int b = 0; b < 0x80; ++b) {
        const bool letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        for (std::size_t at = 0; at < 16; ++at) {
            std::string text(16, ' ');
            text[at] = static_cast<char>(b);
            text += std::string(3, 'x') + "中";  // three letters and one Han: "zh" unless one more letter
            CAPTURE(b);
            CAPTURE(at);
            CHECK(text::detect_language(text) == (letter ? "en" : "zh"));
        }
    }
}

TEST_CASE("detect_language counts as a reader of one code point at a time, on random text") {
    std::mt19937 random(20261207);
    const std::vector<std::string> pieces{"a", "Z", "m", "@", "[", "`", "{", "0", " ", ".", "\x7f", "\x01", "中", "国",
                                          "の", "カ", "한", "é", "Ω", "ß", "ａ", "Ａ", "\xff", "\xe4\xb8", "\xc3",
                                          "\xed\xa0\x80", "\xe0\x80\x80", "\xe0\xa0\x80", "。", "\xef\xbc\x8c", "𠀀", "\xf0\x9f\x98\x80", "abcdefgh", "ABCDEFGH1", "中文中文"};
    int zh = 0;
    int en = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        const auto count = random() % 40;
        for (std::uint32_t k = 0; k < count; ++k) text += pieces[random() % pieces.size()];
        CAPTURE(text);
        const std::string got = text::detect_language(text);
        REQUIRE(got == reference_language(text));
        zh += got == "zh" ? 1 : 0;
        en += got == "en" ? 1 : 0;
    }
    CHECK(zh > 100);
    CHECK(en > 100);
}

}
