#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& span : text::sentences(text)) out.emplace_back(text.substr(span.start, span.end - span.start));
    return out;
}

std::string encode_with_icu(std::string_view utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t length = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                        static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(length));
    return out;
}

}  // namespace

TEST_SUITE("text") {

TEST_CASE("nfkc turns full-width digits and percent into ASCII") {
    CHECK(text::nfkc("９５％") == "95%");
    CHECK(text::nfkc("ＡＩ芯片") == "AI芯片");
    CHECK(text::fold("ＮＶＩＤＩＡ Nvidia") == "nvidia nvidia");
}

TEST_CASE("first_invalid_utf8 reports the offset of the first bad byte") {
    CHECK_FALSE(text::first_invalid_utf8("中文 text").has_value());
    CHECK(text::first_invalid_utf8("ab\xFF" "cd") == 2u);
    CHECK(text::first_invalid_utf8("中\xE4\xB8") == 3u);
    CHECK(text::first_invalid_utf8("\xED\xA0\x80") == 0u);  // a surrogate is not UTF-8
}

TEST_CASE("fold gives ASCII text what ICU's NFKC_Casefold gives it") {
    // Followed by é, a character goes through ICU; alone, through the ASCII shortcut.
    for (int c = 1; c < 0x80; ++c) {
        const std::string one(1, static_cast<char>(c));
        CAPTURE(c);
        CHECK(text::fold(one) + "é" == text::fold(one + "é"));
    }
    CHECK(text::fold("Lisa Su, CEO of AMD") == "lisa su, ceo of amd");
}

TEST_CASE("collapse_space folds ideographic and no-break spaces") {
    CHECK(text::collapse_space("  a\u3000\u3000b\u00A0 c\n") == "a b c");
    CHECK(text::collapse_space("") == "");
}

TEST_CASE("sentences split Chinese stops and keep closing quotes with their sentence") {
    const std::string zh = "他说：“芯片很重要。”然后离开了。市场份额下降了！真的吗？";
    CHECK(sentence_texts(zh) ==
          std::vector<std::string>{"他说：“芯片很重要。”", "然后离开了。", "市场份额下降了！", "真的吗？"});
    CHECK(sentence_texts("「我们会赢。」他说。") == std::vector<std::string>{"「我们会赢。」", "他说。"});
}

TEST_CASE("sentences do not split after abbreviations or inside decimals") {
    const std::string en = "Mr. Huang met Dr. Su in the U.S. Capitol on Monday. Revenue rose 3.5 percent. "
                           "Chips, e.g. GPUs, sold well.";
    CHECK(sentence_texts(en) == std::vector<std::string>{"Mr. Huang met Dr. Su in the U.S. Capitol on Monday.",
                                                         "Revenue rose 3.5 percent.", "Chips, e.g. GPUs, sold well."});
    CHECK(sentence_texts("Nvidia Inc. Reported gains.") == std::vector<std::string>{"Nvidia Inc. Reported gains."});
}

TEST_CASE("sentences treat line breaks as hard boundaries and drop empty spans") {
    const std::string text = "  第一行没有句号\n\n- item one\r\nSecond line. Third one.  \n   \n";
    CHECK(sentence_texts(text) ==
          std::vector<std::string>{"第一行没有句号", "- item one", "Second line.", "Third one."});
    const auto spans = text::sentences(text);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0] == Span{2, 2 + std::string("第一行没有句号").size()});
}

TEST_CASE("sentences mix Chinese and English with ASCII punctuation") {
    CHECK(sentence_texts("英伟达的份额从95%降到0,这是真的?The CEO said so. 好吧。") ==
          std::vector<std::string>{"英伟达的份额从95%降到0,这是真的?", "The CEO said so.", "好吧。"});
}

TEST_CASE("sentences never split inside a URL") {
    CHECK(sentence_texts("报道见 https://www.example.com/a.html?ref=pc 。下一句。") ==
          std::vector<std::string>{"报道见 https://www.example.com/a.html?ref=pc 。", "下一句。"});
}

TEST_CASE("index_tokens makes CJK bigrams and folded Latin words") {
    CHECK(text::index_tokens("华为") == std::vector<std::string>{"华为"});
    CHECK(text::index_tokens("黄仁勋") == std::vector<std::string>{"黄仁", "仁勋"});
    CHECK(text::index_tokens("中") == std::vector<std::string>{"中"});
    CHECK(text::index_tokens("Nvidia's 95%") == std::vector<std::string>{"nvidia", "s", "95"});
    CHECK(text::index_tokens("ＧＰＴ-5 grew 3.5亿, 1,200 units.") ==
          std::vector<std::string>{"gpt", "5", "grew", "3.5", "亿", "1200", "units"});
    CHECK(text::index_document("AI芯片") == "ai 芯片");
}

TEST_CASE("detect_language tells Chinese from English") {
    CHECK(text::detect_language("英伟达的CEO是黄仁勋,AI芯片很重要。") == "zh");
    CHECK(text::detect_language("Nvidia's chief executive spoke in Washington.") == "en");
    CHECK(text::detect_language("12345 !!") == "und");
}

TEST_CASE("to_utf8 strict names the byte offset of an invalid sequence") {
    try {
        text::to_utf8("abc\xC3(", "UTF-8", text::Strictness::strict);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK(error.place() == "byte 3");
    }
    CHECK(text::to_utf8("ab\xFF" "c", "UTF-8", text::Strictness::lenient) == "ab\uFFFDc");
    CHECK(text::to_utf8("\xEF\xBB\xBFhi", "utf-8", text::Strictness::strict) == "hi");
    CHECK_THROWS_AS(text::to_utf8("x", "no-such-charset", text::Strictness::strict), Error);
}

TEST_CASE("GBK bytes are detected and decoded back to the same text") {
    const std::string original =
        "英伟达在中国市场的份额由百分之九十五下降为零，黄仁勋在峰会上表示中国将赢得人工智能竞赛。"
        "华为的方案是把数千至数万颗芯片联接成一个超节点，像一台电脑一样工作。";
    const std::string gbk = encode_with_icu(original, "GBK");
    REQUIRE(gbk != original);
    const auto guess = text::detect_charset(gbk);
    REQUIRE(guess.has_value());
    CHECK(guess->charset == "GB18030");
    CHECK(text::to_utf8(gbk, guess->charset, text::Strictness::strict) == original);
    CHECK(text::to_utf8(gbk, "gbk", text::Strictness::strict) == original);
}

TEST_CASE("detect_charset trusts a BOM, then valid UTF-8") {
    CHECK(text::detect_charset("\xFF\xFEh\0i")->charset == "UTF-16LE");
    CHECK(text::detect_charset("\xFE\xFF\0h")->charset == "UTF-16BE");
    CHECK(text::detect_charset("中文")->charset == "UTF-8");
    CHECK_FALSE(text::detect_charset("").has_value());
    const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("h\0i\0", 4);
    CHECK(text::to_utf8(utf16, "UTF-16", text::Strictness::strict) == "hi");
}

TEST_CASE("looks_binary spots NULs, control bytes and file signatures") {
    CHECK(text::looks_binary(std::string("abc\0def", 7)));
    CHECK(text::looks_binary("\x89PNG\r\n\x1A\n...."));
    CHECK(text::looks_binary("%PDF-1.7\n"));
    CHECK(text::looks_binary("\x1F\x8B\x08"));
    CHECK(text::looks_binary("\x01\x02\x03\x04 text"));
    CHECK_FALSE(text::looks_binary("中文文章\n第二段\ttab\r\n"));
    CHECK_FALSE(text::looks_binary(""));
}

TEST_CASE("fold and index_tokens make Traditional and Simplified Chinese match") {
    CHECK(text::to_simplified("輝達的執行長黃仁勳 said 95%") == "辉达的执行长黄仁勋 said 95%");
    CHECK(text::to_simplified("") == "");
    CHECK(text::fold("輝達 NVIDIA") == "辉达 nvidia");
    CHECK(text::index_tokens("輝達") == text::index_tokens("辉达"));
    CHECK(text::index_tokens("黃仁勳") == std::vector<std::string>{"黄仁", "仁勋"});
    CHECK(text::index_document("華為晶片") == text::index_document("华为晶片"));
}

TEST_CASE("decode_article detects GBK and says so") {
    const std::string original =
        "英伟达在中国市场的份额由百分之九十五下降为零，黄仁勋在峰会上表示中国将赢得人工智能竞赛。"
        "华为的方案是把数千至数万颗芯片联接成一个超节点。";
    const auto decoded = text::decode_article(encode_with_icu(original, "GBK"), "");
    CHECK(decoded.utf8 == original);
    CHECK(decoded.charset == "GB18030");
    CHECK(decoded.detected);
}

TEST_CASE("decode_article detects Big5 text") {
    const std::string original = "輝達在中國市場的份額由百分之九十五下降為零，黃仁勳在峰會上表示中國將贏得人工智慧競賽。";
    const auto decoded = text::decode_article(encode_with_icu(original, "Big5"), "");
    CHECK(decoded.utf8 == original);
    CHECK(decoded.charset == "Big5");
    CHECK(decoded.detected);
}

TEST_CASE("decode_article recognises short GBK and Big5 texts by their common characters") {
    const std::string simplified = "中国将赢得AI竞赛。";
    const auto gbk = text::decode_article(encode_with_icu(simplified, "GBK"), "");
    CHECK(gbk.utf8 == simplified);
    CHECK(gbk.charset == "GB18030");
    const std::string traditional = "輝達的執行長是黃仁勳。";
    const auto big5 = text::decode_article(encode_with_icu(traditional, "Big5"), "");
    CHECK(big5.utf8 == traditional);
    CHECK(big5.charset == "Big5");
}

TEST_CASE("decode_article follows a UTF-16 BOM in either byte order") {
    const std::string original = "Nvidia 英伟达\n第二段";
    const auto le = text::decode_article("\xFF\xFE" + encode_with_icu(original, "UTF-16LE"), "");
    CHECK(le.utf8 == original);
    CHECK(le.charset == "UTF-16LE");
    CHECK_FALSE(le.detected);
    const auto be = text::decode_article("\xFE\xFF" + encode_with_icu(original, "UTF-16BE"), "");
    CHECK(be.utf8 == original);
    CHECK(be.charset == "UTF-16BE");
}

TEST_CASE("decode_article reads UTF-8 as is and drops its BOM") {
    CHECK(text::decode_article("中文 text", "").utf8 == "中文 text");
    const auto bom = text::decode_article("\xEF\xBB\xBF中文", "");
    CHECK(bom.utf8 == "中文");
    CHECK(bom.charset == "UTF-8");
    CHECK_FALSE(bom.detected);
}

TEST_CASE("decode_article detects Latin-1 text as windows-1252") {
    const std::string original =
        "The caf\u00E9 served cr\u00E8me br\u00FBl\u00E9e. Se\u00F1or M\u00FCller paid for a na\u00EFve r\u00E9sum\u00E9.";
    const auto decoded = text::decode_article(encode_with_icu(original, "windows-1252"), "");
    CHECK(decoded.utf8 == original);
    CHECK(decoded.charset == "windows-1252");
    CHECK(decoded.detected);
    const std::string line = "Se\u00F1or M\u00FCller said the caf\u00E9 was closed.";
    CHECK(text::decode_article(encode_with_icu(line, "ISO-8859-1"), "").utf8 == line);
    CHECK(text::decode_article(encode_with_icu("Caf\u00E9 au lait", "ISO-8859-1"), "").utf8 == "Caf\u00E9 au lait");
}

TEST_CASE("decode_article with a named encoding converts strictly") {
    const std::string original = "黄仁勋说";
    CHECK(text::decode_article(encode_with_icu(original, "GBK"), "gbk").utf8 == original);
    CHECK(text::decode_article(encode_with_icu(original, "GBK"), "gbk").charset == "gbk");
    try {
        text::decode_article("ok\xFF" "no", "UTF-8");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.place() == "byte 2");
    }
}

TEST_CASE("decode_article refuses bytes it cannot detect and suggests --encoding") {
    try {
        text::decode_article(std::string("\x81\x30\xfe\xfe\x80\xa0\xff\x85\x99\xc3\x28\xe2\x82", 13), "");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::input);
        CHECK(error.place() == "byte 0");
        CHECK(error.reason().find("--encoding") != std::string::npos);
    }
    try {
        text::decode_article("Title\n\nA line \xff\xfe here.\n", "");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.place() == "byte 14");
    }
}

TEST_CASE("decode_article refuses binary data whatever the detector would say") {
    CHECK_THROWS_AS(text::decode_article(std::string("GIF89a\x01\x00\x01\x00\x80", 11), ""), Error);
    CHECK_THROWS_AS(text::decode_article(std::string("PK\x03\x04\x14\x00\x00\x00", 8), ""), Error);
    CHECK_THROWS_AS(text::decode_article(std::string("\xB0\xA1\x00\xB0\xA1\x00\xB0", 7), ""), Error);
    CHECK_THROWS_AS(text::decode_article(std::string("text\0more", 9), "gbk"), Error);
    try {
        text::decode_article("\x89PNG\r\n\x1A\n\xB0\xA1", "");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.reason().find("binary") != std::string::npos);
    }
}

TEST_CASE("decode_article trusts ICU on confident Japanese and Korean text") {
    const std::string japanese = "日本の半導体メーカーは、新しい工場を建設すると発表しました。";
    const auto sjis = text::decode_article(encode_with_icu(japanese, "Shift_JIS"), "");
    CHECK(sjis.utf8 == japanese);
    CHECK(sjis.charset == "Shift_JIS");
    const std::string korean = "삼성전자는 새로운 반도체 공장을 건설한다고 발표했습니다.";
    const auto euc_kr = text::decode_article(encode_with_icu(korean, "EUC-KR"), "");
    CHECK(euc_kr.utf8 == korean);
    CHECK(euc_kr.charset == "EUC-KR");
}

TEST_CASE("decode_article recognises mostly-ASCII UTF-16 without a BOM") {
    const auto decoded = text::decode_article(encode_with_icu("Nvidia chips sold out.", "UTF-16LE"), "");
    CHECK(decoded.utf8 == "Nvidia chips sold out.");
    CHECK(decoded.charset == "UTF-16LE");
    CHECK(decoded.detected);
}

}  // TEST_SUITE
