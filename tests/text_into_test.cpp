#include <claimtrack/text.hpp>

#include "text/text_into.hpp"

#include <doctest/doctest.h>

#include <string>
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
