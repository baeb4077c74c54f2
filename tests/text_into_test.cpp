#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace claimtrack;

namespace {

// Texts that take each path of fold and collapse_space, long ones before short ones so a reused
// buffer holds stale bytes past the new result's end.
std::vector<std::string> samples() {
    std::vector<std::string> out = {
        "The Quick Brown Fox jumped over the lazy dog, again and again and again.",
        "",
        "A",
        "輝達公司２０２５年營收成長９５％，　超過預期。",
        "Cafe\xCC\x81 au lait",                    // a combining mark: the ICU path
        "ﾃｽﾄ ㈱ ﬁ",                                  // compatibility forms
        "bad \xFF bytes \xE4\xB8 split",           // invalid and split UTF-8
        "  many   \t spaces\u00A0\u3000 here  ",
        "\u3000\u3000",
        "x",
        "中文 English 混合 Text",
    };
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "Ｌｏｎｇ 長文 text ";
    out.insert(out.begin(), long_text);
    return out;
}

}  // namespace

TEST_CASE("fold into a reused buffer gives what fold returns") {
    std::string buffer;
    for (int round = 0; round < 2; ++round) {
        for (const std::string& text : samples()) {
            text::fold(text, buffer);
            CHECK(buffer == text::fold(text));
        }
    }
}

TEST_CASE("collapse_space into a reused buffer gives what collapse_space returns") {
    std::string buffer;
    for (int round = 0; round < 2; ++round) {
        for (const std::string& text : samples()) {
            text::collapse_space(text, buffer);
            CHECK(buffer == text::collapse_space(text));
        }
    }
    text::collapse_space("  a  b  ", buffer);
    CHECK(buffer == "a b");
    text::collapse_space("", buffer);
    CHECK(buffer.empty());
}

TEST_CASE("to_utf16 into a reused Utf16Text gives what to_utf16 returns") {
    text::detail::Utf16Text reused;
    for (int round = 0; round < 2; ++round) {
        for (const std::string& sample : samples()) {
            text::detail::to_utf16(sample, reused);
            const text::detail::Utf16Text fresh = text::detail::to_utf16(sample);
            CHECK(reused.units == fresh.units);
            CHECK(reused.offsets == fresh.offsets);
        }
    }
}

TEST_CASE("sentences keeps nothing from one call to the next") {
    // sentences reuses buffers within a thread; a thread of its own starts from none, so each
    // text's spans there are what they are without the calls before.
    std::vector<std::string> texts = samples();
    texts.push_back("First one. Second one! Third?\nA new line. And\r\nanother\u2028line here.");
    texts.push_back("Dr. Smith paid 3.5 million at https://x.com/a.html?b=1. Then left.");
    texts.push_back("他说：“今天很好。”然后走了。\n\n第二段。");
    std::vector<std::vector<Span>> fresh;
    for (const std::string& sample : texts) {
        std::vector<Span> spans;
        std::thread([&] { spans = text::sentences(sample); }).join();
        fresh.push_back(spans);
    }
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < texts.size(); ++i) CHECK(text::sentences(texts[i]) == fresh[i]);
    }
}
