#include <claimtrack/text.hpp>

#include <doctest/doctest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

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
