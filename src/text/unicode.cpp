#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <new>
#include <string>

namespace claimtrack::text {

namespace detail {

Utf16Text to_utf16(std::string_view utf8) {
    Utf16Text out;
    to_utf16(utf8, out);
    return out;
}

void to_utf16(std::string_view utf8, Utf16Text& out) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    // Each byte gives at most one UTF-16 unit (four bytes give two), so the units and their offsets
    // are written straight into buffers of `length` units rather than appended one by one (this
    // runs on every paragraph), and the offsets cut to size at the end.
    out.offsets.resize(utf8.size() + 1);
    std::size_t* offsets = out.offsets.data();
    char16_t* buffer = out.units.getBuffer(length + 1);
    if (buffer == nullptr) throw std::bad_alloc();
    std::int32_t units = 0;
    std::int32_t i = 0;
    while (i < length) {
        const auto start = static_cast<std::size_t>(i);
        // Eight ASCII bytes at a time: eight units, eight offsets, one test.
        if (length - i >= 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, data + i, sizeof eight);
            if ((eight & 0x8080808080808080ULL) == 0) {
                for (std::int32_t k = 0; k < 8; ++k) {
                    offsets[units + k] = start + static_cast<std::size_t>(k);
                    buffer[units + k] = data[i + k];
                }
                units += 8;
                i += 8;
                continue;
            }
        }
        if (data[i] < 0x80) {
            offsets[units] = start;
            buffer[units++] = data[i++];
            continue;
        }
        // Three bytes (CJK, curly quotes, full-width forms) decoded here: U8_NEXT's checks cost
        // several times as much. Anything else, and any doubt, goes to U8_NEXT.
        if ((data[i] & 0xF0) == 0xE0 && length - i >= 3 && (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80) {
            const auto c = static_cast<char16_t>(((data[i] & 0x0F) << 12) | ((data[i + 1] & 0x3F) << 6) | (data[i + 2] & 0x3F));
            if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
                offsets[units] = start;
                buffer[units++] = c;
                i += 3;
                continue;
            }
        }
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) c = 0xFFFD;
        offsets[units] = start;
        if (c > 0xFFFF) offsets[units + 1] = start;
        U16_APPEND_UNSAFE(buffer, units, c);
    }
    out.units.releaseBuffer(units);
    offsets[units] = utf8.size();
    out.offsets.resize(static_cast<std::size_t>(units) + 1);
}

std::string to_utf8(const icu::UnicodeString& units) {
    std::string out;
    units.toUTF8String(out);
    return out;
}

bool is_space(UChar32 c) {
    // ASCII and everything past U+3000 (CJK) answered here: they are most of what is asked, and
    // ICU's White_Space there is TAB to CR and the space (text_space_test checks every code point).
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    if (c > 0x3000) return c == 0xFEFF;  // White_Space ends at U+3000
    return u_isUWhiteSpace(c) || c == 0x3000 || c == 0x00A0;
}

}  // namespace detail

namespace {

icu::UnicodeString from_utf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
}

std::string normalize_with(const icu::Normalizer2* normalizer, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    if (normalizer == nullptr) return std::string(text);
    const icu::UnicodeString result = normalizer->normalize(from_utf8(text), status);
    if (U_FAILURE(status)) return std::string(text);
    return detail::to_utf8(result);
}

}  // namespace

namespace {

// True when the three bytes at `at` are one valid UTF-8 character (U+0800..U+FFFF, no surrogate).
bool is_three_byte_character(const std::uint8_t* at) {
    if ((at[0] & 0xF0) != 0xE0 || (at[1] & 0xC0) != 0x80 || (at[2] & 0xC0) != 0x80) return false;
    const auto c = ((at[0] & 0x0F) << 12) | ((at[1] & 0x3F) << 6) | (at[2] & 0x3F);
    return c >= 0x800 && (c < 0xD800 || c > 0xDFFF);
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto length = static_cast<std::int32_t>(bytes.size());
    std::int32_t i = 0;
    while (i < length) {
        // Eight ASCII bytes at a time, and three-byte characters (CJK) checked here: every line of
        // an article comes through here, twice when it streams.
        if (length - i >= 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, data + i, sizeof eight);
            if ((eight & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        if (data[i] < 0x80) {
            ++i;
            continue;
        }
        // A run of three-byte characters (Chinese text) is gone through without going back to
        // the ASCII test between them.
        const std::int32_t run = i;
        while (length - i >= 3 && is_three_byte_character(data + i)) i += 3;
        if (i > run) continue;
        const std::int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::string nfkc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    return normalize_with(icu::Normalizer2::getNFKCInstance(status), text);
}

namespace detail {

std::string fold_with_icu(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (normalizer == nullptr || U_FAILURE(status)) return to_simplified(text);
    const icu::UnicodeString folded = normalizer->normalize(from_utf8(text), status);
    if (U_FAILURE(status)) return to_simplified(text);
    return to_utf8(simplify(folded));
}

}  // namespace detail

namespace {

// Fold `text` without converting it, when every character is ASCII, full-width ASCII, the
// ideographic space, or inert under NFKC_Casefold (it maps to itself and never combines with a
// neighbour: most CJK text and its punctuation, Latin letters without marks). Then folding is
// lowering ASCII and simplifying Han characters, one by one. Return nothing for any other text
// (marks, Hangul jamo, compatibility forms, invalid bytes...); a mark that would combine with the
// character before it is itself not inert, so it sends the text the long way. Write into `out`
// and return true, or return false (`out` then holds no result).
bool fold_inert(std::string_view text, std::string& out) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (normalizer == nullptr || U_FAILURE(status)) return false;
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    const char16_t* unified = detail::simplified_unified();
    // No character here folds longer than it is (Han stays Han, full-width ASCII becomes ASCII),
    // so the output is written into a buffer the input's size and cut to length.
    out.resize(text.size());
    auto* written = reinterpret_cast<std::uint8_t*>(out.data());
    std::int32_t at = 0;
    const auto put_ascii = [&](UChar32 c) {
        written[at++] = static_cast<std::uint8_t>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    };
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = data[i];
        if (c < 0x80) {
            put_ascii(c);
            ++i;
            continue;
        }
        U8_NEXT(data, i, length, c);
        if (c >= 0x4E00 && c <= 0x9FFF) {  // all inert (a test checks): only simplified
            U8_APPEND_UNSAFE(written, at, unified[c - 0x4E00]);
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E) {
            put_ascii(c - 0xFEE0);  // full-width ASCII (，：（）％ in Chinese text): NFKC gives ASCII
            continue;
        }
        if (c == 0x3000) {
            put_ascii(' ');
            continue;
        }
        if (c < 0 || c > 0xFFFF || !normalizer->isInert(c)) return false;
        U8_APPEND_UNSAFE(written, at, detail::simplify_bmp(c));
    }
    out.resize(static_cast<std::size_t>(at));
    return true;
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    fold(text, out);
    return out;
}

void fold(std::string_view text, std::string& out) {
    // ASCII text only changes case under NFKC_Casefold (and has nothing to simplify): the common
    // case of English passages, folded again for every claim they are compared with.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        out.assign(text);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return;
    }
    if (fold_inert(text, out)) return;
    out = detail::fold_with_icu(text);
}

std::string collapse_space(std::string_view text) {
    std::string out;
    collapse_space(text, out);
    return out;
}

void collapse_space(std::string_view text, std::string& out) {
    // Decoded in place rather than through UTF-16: this runs on every extracted paragraph and every
    // line of an article. Runs between spaces are copied whole. Invalid sequences become U+FFFD, as
    // a UTF-16 round trip would make them.
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    out.clear();
    out.reserve(text.size());
    bool pending_space = false;
    std::int32_t run = 0;  // start of the bytes not copied yet, none of them a space
    const auto flush = [&](std::int32_t end) {
        if (end == run) return;
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out.append(text.substr(static_cast<std::size_t>(run), static_cast<std::size_t>(end - run)));
    };
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        const std::uint8_t lead = data[i];
        bool space = false;
        if (lead < 0x80) {
            ++i;
            space = lead == ' ' || (lead >= '\t' && lead <= '\r');
        } else {
            UChar32 c = 0;
            U8_NEXT(data, i, length, c);
            if (c < 0) {
                flush(start);
                if (pending_space && !out.empty()) out += ' ';
                pending_space = false;
                out += "\uFFFD";
                run = i;
                continue;
            }
            // Only these lead bytes begin a space (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000, U+FEFF).
            space = (lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF) && detail::is_space(c);
        }
        if (space) {
            flush(start);
            pending_space = true;
            run = i;
        }
    }
    flush(length);
}

std::string detect_language(std::string_view text) {
    // Read the code points straight from UTF-8 (invalid bytes as U+FFFD, as a UTF-16 copy would
    // have them): the sample is up to a megabyte, and a copy with offsets would be ten.
    const auto* data = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::size_t han = 0;
    std::size_t kana_hangul = 0;
    std::size_t latin = 0;
    for (std::int32_t i = 0; i < length;) {
        // Eight ASCII bytes at a time (most of an English text): a byte is a letter when, made lower
        // case by its 0x20 bit, it lies in 'a'..'z'; the sums below set the high bit of each byte at
        // or past 'a' and of each past 'z', and stay under 0x100, so no byte carries into the next.
        if (length - i >= 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, data + i, sizeof eight);
            constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
            constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
            if ((eight & k_highs) == 0) {
                const std::uint64_t lower = eight | (k_ones * 0x20);
                const std::uint64_t from_a = lower + k_ones * (0x80 - 'a');
                const std::uint64_t past_z = lower + k_ones * (0x80 - 'z' - 1);
                latin += static_cast<std::size_t>(std::popcount(from_a & ~past_z & k_highs));
                i += 8;
                continue;
            }
        }
        if (data[i] < 0x80) {  // ASCII: a letter is Latin, nothing else counts
            const auto b = data[i++];
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++latin;
            continue;
        }
        UChar32 c = 0;
        if ((data[i] & 0xF0) == 0xE0 && length - i >= 3 && (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80 &&
            (c = ((data[i] & 0x0F) << 12) | ((data[i + 1] & 0x3F) << 6) | (data[i + 2] & 0x3F)) >= 0x800 &&
            (c < 0xD800 || c > 0xDFFF)) {
            i += 3;  // a three-byte character (CJK, punctuation), decoded as U8_NEXT would
        } else {
            U8_NEXT(data, i, length, c);
            if (c < 0) c = 0xFFFD;
        }
        if (c >= 0x4E00 && c <= 0x9FFF) {  // CJK Unified Ideographs, all Han
            ++han;
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_HAN) {
            ++han;
        } else if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL) {
            ++kana_hangul;
        } else if (script == USCRIPT_LATIN && u_isalpha(c)) {
            ++latin;
        }
    }
    // A Han character carries about as much as a short Latin word, so weigh it up.
    if (kana_hangul * 4 > han && kana_hangul * 4 > latin) return "und";
    if (han > 0 && han * 3 >= latin) return "zh";
    if (latin > 0 && latin >= han) return "en";
    return "und";
}

std::string index_document(std::string_view text) {
    std::string out;
    for (const auto& token : index_tokens(text)) {
        if (!out.empty()) out += ' ';
        out += token;
    }
    return out;
}

}  // namespace claimtrack::text
