#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <unicode/translit.h>

#include <array>
#include <memory>
#include <mutex>
#include <vector>

namespace claimtrack::text {
namespace {

// The BMP blocks where Traditional characters live: CJK Extension A, Unified, Compatibility (the
// same in src/text/generate/make_han_table.cpp).
constexpr std::array<std::pair<UChar32, UChar32>, 2> k_blocks{{{0x3400, 0x9FFF}, {0xF900, 0xFAFF}}};

// ICU's "Traditional-Simplified" maps character by character, so its answers for the BMP blocks
// are computed at build time into a table (make_han_table, from the same ICU); rarer characters go
// through the transliterator, made on first need, under a lock.
// The first pair, outside the blocks, only keeps the array from being empty.
constexpr std::pair<char16_t, char16_t> k_simplified[] = {
    {0, 0},
#include "han_table.inc"
};

class Simplifier {
public:
    Simplifier() {
        for (const auto& [first, last] : k_blocks) {
            for (UChar32 c = first; c <= last; ++c) m_table.push_back(static_cast<char16_t>(c));
        }
        for (const auto& [traditional, simplified] : k_simplified) {
            const std::size_t at = index(traditional);
            if (at < m_table.size()) m_table[at] = simplified;
        }
    }

    // The table's entries for U+4E00..U+9FFF, in order.
    const char16_t* unified() const { return m_table.data() + (0x4E00 - 0x3400); }

    UChar32 map(UChar32 c) const {
        const std::size_t at = index(c);
        return at < m_table.size() ? m_table[at] : c;
    }

    // Return `c` simplified when it lies outside the table (Extension B and beyond).
    icu::UnicodeString map_rare(UChar32 c) const {
        icu::UnicodeString one(c);
        const std::lock_guard lock(m_mutex);
        if (!m_made) {
            UErrorCode status = U_ZERO_ERROR;
            m_transliterator.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
            if (U_FAILURE(status)) m_transliterator.reset();
            m_made = true;
        }
        if (m_transliterator) m_transliterator->transliterate(one);
        return one;
    }

private:
    // The place of `c` in m_table, or past its end when `c` is in none of the blocks.
    static std::size_t index(UChar32 c) {
        std::size_t base = 0;
        for (const auto& [first, last] : k_blocks) {
            if (c >= first && c <= last) return base + static_cast<std::size_t>(c - first);
            base += static_cast<std::size_t>(last - first + 1);
        }
        return base;
    }

    mutable std::unique_ptr<icu::Transliterator> m_transliterator;
    mutable bool m_made = false;
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

UChar32 simplify_bmp(UChar32 c) { return may_be_traditional(c) ? simplifier().map(c) : c; }

const char16_t* simplified_unified() { return simplifier().unified(); }

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
