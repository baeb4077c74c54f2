// detail::is_space answers ASCII and the CJK ideographs itself, and ends_with_abbreviation looks
// for a final '.' before it folds: both must answer as ICU does.
#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <string>
#include <vector>

using namespace claimtrack;

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& span : text::sentences(text)) out.emplace_back(text.substr(span.start, span.end - span.start));
    return out;
}

}  // namespace

TEST_SUITE("text: spaces") {

TEST_CASE("is_space is ICU's White_Space with U+3000, NBSP and U+FEFF, for every code point") {
    int spaces = 0;
    for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
        const bool expected = u_isUWhiteSpace(c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF;
        if (text::detail::is_space(c) != expected) {
            CAPTURE(c);
            CHECK(text::detail::is_space(c) == expected);
        }
        spaces += expected ? 1 : 0;
    }
    CHECK(spaces == 26);  // the 25 of White_Space and U+FEFF
}

TEST_CASE("sentences end after stops that are not '.', and after '.' unless an abbreviation or initial ends there") {
    CHECK(sentence_texts("He spoke! Mr. Smith left? Dr. Who came. J. Doe wrote.") ==
          std::vector<std::string>{"He spoke!", "Mr. Smith left?", "Dr. Who came.", "J. Doe wrote."});
    CHECK(sentence_texts("Nvidia Corp.  Shares rose.\u3000It fell.") == std::vector<std::string>{"Nvidia Corp.  Shares rose.", "It fell."});
    // An abbreviation is a word from a space on: "了。Mr." and "（见U.S." are none, and are cut.
    CHECK(sentence_texts("价格上涨了。Mr. 黄说：好！（见U.S. 报告）结束。") ==
          std::vector<std::string>{"价格上涨了。", "Mr.", "黄说：好！（", "见U.S.", "报告）结束。"});
    // Case folding finds the abbreviation whatever its case; "(Inc." is still "Inc.".
    CHECK(sentence_texts("ACME INC. Rose. (Inc. Rose.) X.") == std::vector<std::string>{"ACME INC. Rose.", "(Inc. Rose.)", "X."});
}

}
