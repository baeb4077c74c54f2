#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include "text/charset_detail.hpp"
#include "text/unicode_utf16.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace claimtrack::text {

using detail::Converter;

namespace {

// Share of the non-ASCII characters that must be common Han or CJK punctuation for a Chinese guess.
constexpr double k_common_han_share = 0.8;
constexpr std::string_view k_suggestion =
    "not UTF-8 and the charset could not be detected with confidence; name it with --encoding (e.g. --encoding gb18030)";

struct DetectorDeleter {
    void operator()(UCharsetDetector* detector) const { ucsdet_close(detector); }
};

std::string lower(std::string_view name) {
    std::string out;
    for (const char c : name) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

bool detail::is_utf8_name(std::string_view name) {
    const std::string key = lower(name);
    return key == "utf-8" || key == "utf8";
}

bool detail::is_wide_name(std::string_view name) {
    const std::string key = lower(name);
    return key.starts_with("utf-16") || key.starts_with("utf16") || key.starts_with("utf-32") ||
           key.starts_with("utf32") || key.starts_with("ucs-2") || key.starts_with("ucs2");
}

std::optional<std::string> detail::bomless_utf16(std::string_view bytes, std::uintmax_t size) {
    const std::string_view sample = bytes.substr(0, 4096 & ~std::size_t{1});
    if (size % 2 != 0 || sample.size() < 4) return std::nullopt;
    std::array<std::size_t, 2> nuls{};
    for (std::size_t i = 0; i < sample.size(); ++i) {
        if (sample[i] == '\0') ++nuls[i % 2];
    }
    const std::size_t pairs = sample.size() / 2;
    if (nuls[0] == 0 && nuls[1] * 10 >= pairs * 8) return "UTF-16LE";
    if (nuls[1] == 0 && nuls[0] * 10 >= pairs * 8) return "UTF-16BE";
    return std::nullopt;
}

namespace {

Converter open_plain(const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name, &status));
    if (U_FAILURE(status)) converter.reset();
    return converter;
}

bool is_cjk_punctuation(UChar32 c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) || (c >= 0x2010 && c <= 0x2027) ||
           c == 0x00B7;
}

// Return the two-byte code of `c` in `converter`'s charset, or 0 when it has none.
unsigned code_in(UConverter* converter, UChar32 c) {
    if (converter == nullptr) return 0;
    const icu::UnicodeString units(c);
    std::array<char, 8> out{};
    UErrorCode status = U_ZERO_ERROR;
    ucnv_resetFromUnicode(converter);
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    const int32_t written = ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()),
                                            units.getBuffer(), units.length(), &status);
    if (U_FAILURE(status) || written != 2) return 0;
    return static_cast<unsigned>(static_cast<unsigned char>(out[0])) << 8 | static_cast<unsigned char>(out[1]);
}

}  // namespace

detail::HanScorer::HanScorer() : m_gb(open_plain("GB2312")), m_big5(open_plain("Big5")) {}

std::pair<double, std::size_t> detail::HanScorer::score(std::string_view utf8) const {
    const auto units = detail::to_utf16(utf8.substr(0, k_score_sample)).units;
    std::size_t non_ascii = 0;
    std::size_t good = 0;
    std::size_t han = 0;
    for (std::int32_t i = 0; i < units.length(); i = units.moveIndex32(i, 1)) {
        const UChar32 c = units.char32At(i);
        if (c < 0x80) continue;
        ++non_ascii;
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(c, &status) == USCRIPT_HAN) {
            ++han;
            if (common(c)) ++good;
        } else if (is_cjk_punctuation(c)) {
            ++good;
        }
    }
    if (non_ascii == 0) return {0.0, 0};
    return {static_cast<double>(good) / static_cast<double>(non_ascii), han};
}

bool detail::HanScorer::common(int c) const {
    const unsigned gb = code_in(m_gb.get(), c);
    if (gb >= 0xB0A1 && gb <= 0xD7FE) return true;
    const unsigned big5 = code_in(m_big5.get(), c);
    return big5 >= 0xA440 && big5 <= 0xC67E;
}

bool detail::beats(std::pair<double, std::size_t> score, double best) {
    const auto [share, han] = score;
    return han >= 2 && share >= k_common_han_share && share > best;
}

void detail::LatinShape::add(std::string_view bytes) {
    m_size += bytes.size();
    for (const char ch : bytes) {
        const bool high = static_cast<unsigned char>(ch) >= 0x80;
        if (high) {
            ++m_high;
            if (m_after_high) ++m_paired;  // the byte before is high and followed by a high one
        }
        m_after_high = high;
    }
}

bool detail::LatinShape::holds() const { return m_high > 0 && m_high * 5 <= m_size && m_paired * 10 <= m_high; }

std::optional<detail::IcuGuess> detail::icu_guess(std::string_view bytes) {
    static constexpr std::array<std::string_view, 8> k_allowed{
        "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "Shift_JIS", "EUC-KR", "windows-1252", "ISO-8859-1",
    };
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorDeleter> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return std::nullopt;
    const auto length = static_cast<int32_t>(std::min(bytes.size(), k_detect_sample));
    ucsdet_setText(detector.get(), bytes.data(), length, &status);
    int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status)) return std::nullopt;
    for (int32_t i = 0; i < count; ++i) {
        const char* name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || name == nullptr) return std::nullopt;
        if (std::find(k_allowed.begin(), k_allowed.end(), name) == k_allowed.end()) continue;
        const std::string_view charset = std::string_view(name) == "ISO-8859-1" ? "windows-1252" : name;
        return IcuGuess{std::string(charset), confidence};
    }
    return std::nullopt;
}

namespace {

using detail::bomless_utf16;
using detail::IcuGuess;
using detail::icu_guess;
using detail::is_utf8_name;
using detail::is_wide_name;

[[noreturn]] void throw_binary() {
    throw Error(ErrorKind::input, "input", "content", "binary data (NUL bytes, an image or an archive), not text");
}

std::string strict_utf8(std::string_view bytes) {
    if (const auto bad = first_invalid_utf8(bytes)) {
        throw Error(ErrorKind::input, "input", "byte " + std::to_string(*bad), "invalid UTF-8 byte sequence");
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return std::string(bytes);
}

DecodedText decode_wide(std::string_view bytes, std::string_view charset, bool detected) {
    std::string utf8 = to_utf8(bytes, charset, Strictness::strict);
    if (looks_binary(utf8)) throw_binary();
    return {std::move(utf8), std::string(charset), detected};
}

std::optional<std::string> try_strict(std::string_view bytes, std::string_view charset) {
    try {
        return to_utf8(bytes, charset, Strictness::strict);
    } catch (const Error&) {
        return std::nullopt;
    }
}

// Return the decoding as GB18030 or Big5 whose text is mostly common Han, or nothing.
std::optional<DecodedText> chinese_guess(std::string_view bytes) {
    const detail::HanScorer scorer;
    std::optional<DecodedText> best;
    double best_score = 0;
    for (const char* charset : detail::k_chinese_charsets) {
        auto utf8 = try_strict(bytes, charset);
        if (!utf8) continue;
        const auto score = scorer.score(*utf8);
        if (!detail::beats(score, best_score)) continue;
        best_score = score.first;
        best = DecodedText{std::move(*utf8), charset, true};
    }
    return best;
}

DecodedText decode_guess(std::string_view bytes, const IcuGuess& guess) {
    try {
        return {to_utf8(bytes, guess.charset, Strictness::strict), guess.charset, true};
    } catch (const Error& error) {
        throw Error(ErrorKind::input, "input", error.place(),
                    error.reason() + " (the charset was detected; name the right one with --encoding)");
    }
}

bool latin_shape(std::string_view bytes) {
    detail::LatinShape shape;
    shape.add(bytes);
    return shape.holds();
}

DecodedText detect_and_decode(std::string_view bytes) {
    const auto guess = icu_guess(bytes);
    const bool confident = guess && guess->confidence >= detail::k_confident;
    const bool multibyte = guess && guess->charset != "windows-1252";
    // A confident multi-byte guess rests on character frequencies: it outranks our check.
    if (confident && multibyte) return decode_guess(bytes, *guess);
    if (auto chinese = chinese_guess(bytes)) return std::move(*chinese);
    // ICU is generous with Latin-1 on short texts; stray paired bytes (ÿþ) are damage, not Western text.
    if (latin_shape(bytes)) return decode_guess(bytes, IcuGuess{"windows-1252", guess ? guess->confidence : 0});
    const std::size_t bad = first_invalid_utf8(bytes).value_or(0);
    throw Error(ErrorKind::input, "input", "byte " + std::to_string(bad), std::string(k_suggestion));
}

DecodedText decode_named(std::string_view bytes, std::string_view encoding) {
    if (is_wide_name(encoding)) return decode_wide(bytes, encoding, false);
    if (looks_binary(bytes)) throw_binary();
    if (is_utf8_name(encoding)) return {strict_utf8(bytes), "UTF-8", false};
    return {to_utf8(bytes, encoding, Strictness::strict), std::string(encoding), false};
}

}  // namespace

DecodedText decode_article(std::string bytes, std::string_view encoding) {
    if (!encoding.empty()) return decode_named(bytes, encoding);
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        if (looks_binary(bytes)) throw_binary();
        return {strict_utf8(bytes), "UTF-8", false};
    }
    if (bytes.starts_with("\xFF\xFE")) return decode_wide(bytes, "UTF-16LE", false);
    if (bytes.starts_with("\xFE\xFF")) return decode_wide(bytes, "UTF-16BE", false);
    if (const auto wide = bomless_utf16(bytes, bytes.size())) return decode_wide(bytes, *wide, true);
    if (looks_binary(bytes)) throw_binary();
    if (!first_invalid_utf8(bytes)) return {std::move(bytes), "UTF-8", false};  // the usual case: no copy
    return detect_and_decode(bytes);
}

bool reads_as_utf8(std::string_view head, std::uintmax_t size, std::string_view encoding) {
    if (!encoding.empty()) {
        if (is_wide_name(encoding)) return false;
        if (looks_binary(head)) throw_binary();
        return is_utf8_name(encoding);
    }
    if (head.starts_with("\xEF\xBB\xBF")) {
        if (looks_binary(head)) throw_binary();
        return true;
    }
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || bomless_utf16(head, size)) return false;
    if (looks_binary(head)) throw_binary();
    return true;
}

}  // namespace claimtrack::text
