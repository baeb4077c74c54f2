// is_short_tail_line stops counting a line's code points once there are more than 24.
#include "article/internal.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace claimtrack;
using namespace claimtrack::article;

namespace {

bool short_tail(const std::string& line) { return detail::is_short_tail_line(line, Span{0, line.size()}); }

std::string repeated(const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t k = 0; k < times; ++k) out += piece;
    return out;
}

}  // namespace

TEST_SUITE("article: short tail lines") {

TEST_CASE("a line of at most 24 code points without a URL is a short tail line, and one more is not") {
    for (const std::string piece : {"a", "中", "é", "😀", "\xff"}) {
        CAPTURE(piece);
        CHECK(short_tail(repeated(piece, 24)));
        CHECK_FALSE(short_tail(repeated(piece, 25)));
        CHECK_FALSE(short_tail(repeated(piece, 200)));
    }
    CHECK(short_tail(repeated("\x80", 500)));  // continuation bytes alone begin no code point
    CHECK(short_tail(""));
    CHECK(short_tail("关注我们 Follow us"));
    CHECK(short_tail(repeated("中", 12) + repeated("a", 12)));
    CHECK_FALSE(short_tail(repeated("中", 12) + repeated("a", 13)));
    // A URL keeps even a short line out.
    CHECK_FALSE(short_tail("see https://example.com/a"));
    CHECK_FALSE(short_tail(repeated("中", 30) + " https://example.com/a"));
}

}
