#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <unicode/translit.h>

#include <array>
#include <memory>
#include <mutex>
#include <vector>

namespace claimtrack::text {
namespace {

// The BMP blocks where Traditional characters live: CJK Extension A, Unified, Compatibility.
constexpr std::array<std::pair<UChar32, UChar32>, 2> k_blocks{{{0x3400, 0x9FFF}, {0xF900, 0xFAFF}}};

// ICU's "Traditional-Simplified" maps character by character, so its answers for the BMP blocks
// are computed once into a table; rarer characters go through the transliterator under a lock.
class Simplifier {
public:
    Simplifier() {
        UErrorCode status = U_ZERO_ERROR;
        m_transliterator.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) m_transliterator.reset();
        icu::UnicodeString all;
        for (const auto& [first, last] : k_blocks) {
            for (UChar32 c = first; c <= last; ++c) all.append(static_cast<UChar>(c));
        }
        icu::UnicodeString mapped = all;
        if (m_transliterator) m_transliterator->transliterate(mapped);
        if (mapped.length() != all.length()) mapped = all;  // not one to one: leave the text alone
        m_table.assign(mapped.getBuffer(), mapped.getBuffer() + mapped.length());
    }

    UChar32 map(UChar32 c) const {
        std::size_t base = 0;
        for (const auto& [first, last] : k_blocks) {
            if (c >= first && c <= last) return m_table[base + static_cast<std::size_t>(c - first)];
            base += static_cast<std::size_t>(last - first + 1);
        }
        return c;
    }

    // Return `c` simplified when it lies outside the table (Extension B and beyond).
    icu::UnicodeString map_rare(UChar32 c) const {
        icu::UnicodeString one(c);
        if (!m_transliterator) return one;
        const std::lock_guard lock(m_mutex);
        m_transliterator->transliterate(one);
        return one;
    }

private:
    std::unique_ptr<icu::Transliterator> m_transliterator;
    std::vector<char16_t> m_table;
    mutable std::mutex m_mutex;
};

const Simplifier& simplifier() {
    static const Simplifier instance;
    return instance;
}

bool may_be_traditional(UChar32 c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000; }

}  // namespace

namespace detail {

icu::UnicodeString simplify(const icu::UnicodeString& units) {
    std::int32_t first = 0;
    while (first < units.length() && !may_be_traditional(units.char32At(first))) first = units.moveIndex32(first, 1);
    if (first == units.length()) return units;
    const Simplifier& table = simplifier();
    // The table maps BMP to BMP, one unit to one unit, so it rewrites a copy in place.
    icu::UnicodeString out = units;
    const std::int32_t length = out.length();
    char16_t* buffer = out.getBuffer(length);
    bool rare = false;
    for (std::int32_t i = first; i < length; ++i) {
        const char16_t unit = buffer[i];
        if (U16_IS_SURROGATE(unit)) {
            rare = true;
        } else {
            buffer[i] = static_cast<char16_t>(table.map(unit));
        }
    }
    out.releaseBuffer(length);
    if (!rare) return out;
    icu::UnicodeString with_rare;
    for (std::int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) {
        const UChar32 c = out.char32At(i);
        if (c >= 0x20000 && c <= 0x3FFFF) {
            with_rare.append(table.map_rare(c));
        } else {
            with_rare.append(c);
        }
    }
    return with_rare;
}

}  // namespace detail

std::string to_simplified(std::string_view text) {
    return detail::to_utf8(detail::simplify(detail::to_utf16(text).units));
}

}  // namespace claimtrack::text
