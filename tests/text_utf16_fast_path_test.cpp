// to_utf16 and first_invalid_utf8 read ASCII runs and three-byte characters themselves and leave
// the rest to ICU's U8_NEXT. They must answer as U8_NEXT alone answers, for valid text and for
// every kind of bad byte.
#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <doctest/doctest.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace claimtrack::text;

namespace {

// The units and offsets of `utf8` by U8_NEXT for every character, the way to_utf16 did before.
detail::Utf16Text by_u8_next(std::string_view utf8) {
    detail::Utf16Text out;
    const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    for (std::int32_t i = 0; i < length;) {
        const auto start = static_cast<std::size_t>(i);
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) c = 0xFFFD;
        out.offsets.push_back(start);
        if (c > 0xFFFF) out.offsets.push_back(start);
        out.units.append(c);
    }
    out.offsets.push_back(utf8.size());
    return out;
}

// The offset of the first byte U8_NEXT finds invalid, or nothing.
std::optional<std::size_t> first_invalid_by_u8_next(std::string_view utf8) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

void check_same(const std::string& bytes) {
    CHECK(first_invalid_utf8(bytes) == first_invalid_by_u8_next(bytes));
    const detail::Utf16Text fast = detail::to_utf16(bytes);
    const detail::Utf16Text slow = by_u8_next(bytes);
    CAPTURE(bytes);
    REQUIRE(fast.units == slow.units);
    REQUIRE(fast.offsets == slow.offsets);
}

}  // namespace

TEST_CASE("three-byte characters and their near misses decode as U8_NEXT decodes them") {
    const std::vector<std::string> cases = {
        "英伟达在中国的市场份额", "“quoted”", "９５％", "\xE0\xA0\x80", "\xEF\xBF\xBF", "\xED\x9F\xBF", "\xEE\x80\x80",
        "\xE0\x80\x80", "\xE0\x9F\xBF",   // overlong
        "\xED\xA0\x80", "\xED\xBF\xBF",   // surrogates
        "\xE4\xB8", "\xE4", "\xE4\xB8\x41", "\xE4\x41\x80", "a\xE4\xB8", "\xE4\xB8\xAD\xE4",  // cut or broken
        "\xF0\x9F\x98\x80", "\xC3\xA9", "\x80", "\xFF", "",
    };
    for (const std::string& bytes : cases) check_same(bytes);
}

TEST_CASE("random bytes heavy in three-byte leads decode as U8_NEXT decodes them") {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> kind(0, 9);
    std::uniform_int_distribution<int> any(0, 255);
    std::uniform_int_distribution<int> continuation(0x80, 0xBF);
    std::uniform_int_distribution<int> lead3(0xE0, 0xEF);
    for (int n = 0; n < 5000; ++n) {
        std::string bytes;
        const int length = 1 + n % 40;
        for (int k = 0; k < length; ++k) {
            const int roll = kind(random);
            if (roll < 5) {
                bytes += static_cast<char>(lead3(random));
                bytes += static_cast<char>(continuation(random));
                if (roll > 0) bytes += static_cast<char>(continuation(random));
            } else if (roll < 7) {
                bytes += static_cast<char>('a' + n % 26);
            } else {
                bytes += static_cast<char>(any(random));
            }
        }
        check_same(bytes);
        // The same bytes after ASCII runs of every length, so the eight-byte steps end anywhere.
        check_same(std::string(static_cast<std::size_t>(n % 19), 'q') + bytes + std::string(static_cast<std::size_t>(n % 11), 'r'));
    }
}
