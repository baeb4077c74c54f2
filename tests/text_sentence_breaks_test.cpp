// sentences() finds line breaks eight bytes at a time; a break must be found wherever it falls in
// a word, and the other characters that begin with its lead byte (0xE2) must not break a line.
#include <claimtrack/text.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimtrack;

TEST_SUITE("text: sentence line breaks") {

TEST_CASE("a line break is a hard boundary wherever it falls among the bytes") {
    for (const std::string brk : {"\n", "\r", "\r\n", "\u2028", "\u2029"}) {
        for (std::size_t before = 0; before < 20; ++before) {
            const std::string text = std::string(before, 'x') + brk + std::string(9 + before % 5, 'y');
            CAPTURE(text);
            std::vector<Span> expected;
            if (before > 0) expected.push_back({0, before});
            expected.push_back({before + brk.size(), text.size()});
            CHECK(text::sentences(text) == expected);
        }
    }
}

TEST_CASE("characters that share a line break's lead byte do not break the line") {
    for (const std::string other : {"\u2014", "\u201C", "\u2019", "\u2026", "\u2030", "\u2027", "\u202A"}) {
        for (std::size_t before = 0; before < 20; ++before) {
            const std::string text = std::string(before, 'x') + other + std::string(9 + before % 5, 'y');
            CAPTURE(text);
            CHECK(text::sentences(text) == std::vector<Span>{{0, text.size()}});
        }
    }
}

}
