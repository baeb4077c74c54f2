#pragma once

#include <claimtrack/text.hpp>

#include <unicode/ucnv.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

// What decode_article (charset_detect.cpp) and its streamed twin (charset_stream.cpp) share, so the
// two decide a charset by the same code.
namespace claimtrack::text::detail {

struct ConverterDeleter {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using Converter = std::unique_ptr<UConverter, ConverterDeleter>;

// ICU's confidence (0..100) from which its guess is taken as is.
inline constexpr int k_confident = 50;
// How many leading bytes ICU's detector reads (icu_guess).
inline constexpr std::size_t k_detect_sample = 1 << 20;
// How many leading bytes of a decoding HanScorer scores.
inline constexpr std::size_t k_score_sample = 64 * 1024;
// The Chinese charsets chinese_guess tries, in order (the first wins a tie).
inline constexpr std::array<const char*, 2> k_chinese_charsets{"GB18030", "Big5"};

// Open ICU's converter to Unicode for `charset` ("" for UTF-8): stopping at an invalid sequence
// when strict, else replacing it with U+FFFD. Stop with claimtrack::Error for an unknown charset.
Converter open_converter(std::string_view charset, Strictness strictness);

bool is_utf8_name(std::string_view name);

// Return true for UTF-16 and UTF-32, which hold NUL bytes by design (checked for binary once decoded).
bool is_wide_name(std::string_view name);

// Return "UTF-16LE" or "UTF-16BE" for BOM-less UTF-16 of mostly-ASCII text (every other byte NUL,
// the others never) in a file of `size` bytes that starts with `bytes` (4 KB suffice), else nothing.
std::optional<std::string> bomless_utf16(std::string_view bytes, std::uintmax_t size);

struct IcuGuess {
    std::string charset;
    int confidence = 0;
};

// Return ICU's best guess among the charsets articles come in, with ISO-8859-1 read as
// windows-1252. Only the first k_detect_sample bytes of `bytes` are read.
std::optional<IcuGuess> icu_guess(std::string_view bytes);

// Scores how Chinese a decoding looks: common characters are those in the first level of GB2312
// (frequent Simplified) or of Big5 (frequent Traditional); a wrong decoding yields rare ones.
class HanScorer {
public:
    HanScorer();

    // Return the share of non-ASCII characters in the first k_score_sample bytes of `utf8` that are
    // common Han or CJK punctuation, and how many Han characters were seen there.
    std::pair<double, std::size_t> score(std::string_view utf8) const;

private:
    bool common(int c) const;

    Converter m_gb;
    Converter m_big5;
};

// Return true when a Chinese decoding scored `score` is taken over the best share so far, `best` (0 for none).
bool beats(std::pair<double, std::size_t> score, double best);

// Counts, over bytes given in pieces, what tells Western text in a single-byte charset: mostly
// ASCII, its few high bytes standing alone (é in "café"), where CJK charsets pair them.
class LatinShape {
public:
    void add(std::string_view bytes);
    // Return true when all the bytes added have the shape.
    bool holds() const;

private:
    std::uintmax_t m_size = 0;
    std::uintmax_t m_high = 0;
    std::uintmax_t m_paired = 0;
    bool m_after_high = false;
};

}  // namespace claimtrack::text::detail
