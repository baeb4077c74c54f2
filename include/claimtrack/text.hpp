#pragma once

#include <claimtrack/model.hpp>

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Unicode text handling (ICU inside): validation, normalization, sentences, index tokens, charsets.
namespace claimtrack::text {

// Return the byte offset of the first invalid UTF-8 sequence in `bytes`, or nothing if it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// Return true if `bytes` looks binary (NUL bytes or many control characters), not text.
bool looks_binary(std::string_view bytes);

// Return `text` in NFKC (full-width ９５％ becomes 95%).
std::string nfkc(std::string_view text);

// Return `text` in NFKC with case folded and Traditional Chinese made Simplified, for matching.
std::string fold(std::string_view text);
// The same written into `out` (replacing what it held), for a caller that runs once per line and
// keeps the buffer's capacity. `text` must not alias `out`.
void fold(std::string_view text, std::string& out);

// Return the sentences of `text` as byte spans, trimmed of surrounding white space, in order.
// Handles 。！？…, Latin punctuation, quotes that close after the stop, abbreviations, decimals.
std::vector<Span> sentences(std::string_view text);

// Return the search tokens of `text`: folded Latin words and numbers, and overlapping character
// bigrams for runs of Han (Simplified), kana and Hangul (a lone CJK character is its own token).
std::vector<std::string> index_tokens(std::string_view text);

// Return `index_tokens(text)` joined by single spaces: the column the FTS5 index holds.
std::string index_document(std::string_view text);

// Return "zh" when `text` is mostly Han, "en" when mostly Latin letters, else "und".
std::string detect_language(std::string_view text);

// Return `bytes` converted from `charset` (any name ICU knows: gbk, gb18030, big5, shift_jis,
// windows-1252, utf-16...) to UTF-8. A BOM is dropped. Stop with claimtrack::Error (input) naming
// the byte offset when `strict` and a byte sequence is invalid; otherwise replace it with U+FFFD.
enum class Strictness { strict, lenient };
std::string to_utf8(std::string_view bytes, std::string_view charset, Strictness strictness);

struct CharsetGuess {
    std::string charset;  // canonical name, e.g. "UTF-8", "GB18030", "Big5"
    int confidence = 0;   // 0..100 as ICU reports it
};

// Return the most likely charset of `bytes` (BOM first, then ICU detection), or nothing.
std::optional<CharsetGuess> detect_charset(std::string_view bytes);

struct DecodedText {
    std::string utf8;      // the text as UTF-8, without a BOM
    std::string charset;   // the charset used: as named, or canonical ("UTF-8", "GB18030", "Big5", "UTF-16LE")
    bool detected = false; // true when guessed from the bytes, false when named, marked by a BOM or valid UTF-8
};

// Return true when a file of `size` bytes that starts with `head` (its first 64 KB, or all of it)
// is read by decode_article as UTF-8 if all its bytes are valid UTF-8: no UTF-16 BOM or UTF-16
// look, and `encoding` is empty or UTF-8. Stop with decode_article's error when it is binary.
bool reads_as_utf8(std::string_view head, std::uintmax_t size, std::string_view encoding);

// Return an article's `bytes` as UTF-8. With `encoding` ("" for none), convert strictly; without,
// use the BOM, then valid UTF-8, then detection (GB18030, Big5, UTF-16, Shift_JIS, EUC-KR,
// windows-1252). Stop with claimtrack::Error (input) on binary data, an invalid byte, or no confident guess.
// `bytes` is taken by value: valid UTF-8 without a BOM becomes `utf8` as is, not copied.
DecodedText decode_article(std::string bytes, std::string_view encoding);

// How decode_article decodes a file that is not read as UTF-8, decided from the file's head.
struct DecodePlan {
    // What must hold of the whole file besides decoding strictly for the plan to be decode_article's.
    enum class Check { decodes, not_binary_once_decoded, latin_shape };
    std::string charset;    // as DecodedText names it, and as ICU opens it
    bool detected = false;  // as DecodedText says
    Check check = Check::decodes;
    auto operator<=>(const DecodePlan&) const = default;
};

// Return how decode_article decodes a file of `size` bytes whose first bytes are `head` (its first
// MB, or all of it), when reads_as_utf8 is false for it or some byte of it is not UTF-8. Nothing
// when that cannot be told from the head: the file is then read whole for decode_article's result.
std::optional<DecodePlan> plan_decoding(std::string_view head, std::uintmax_t size, std::string_view encoding);

// Decodes a file by `plan` as it is read, chunk after chunk, to the UTF-8 decode_article returns
// for all of it (without a BOM; a character or surrogate pair may be split between chunks).
class ChunkDecoder {
public:
    enum class Chunk { more, last };

    explicit ChunkDecoder(DecodePlan plan);
    ChunkDecoder(ChunkDecoder&&) noexcept;
    ChunkDecoder& operator=(ChunkDecoder&&) noexcept;
    ~ChunkDecoder();

    // Return the UTF-8 of `bytes`, the file's next bytes (`Chunk::last` for its last ones, maybe
    // none), valid until the next call. Nothing, from then on, when the file does not decode by
    // the plan as decode_article would decode it: an invalid sequence, binary text, a failed check.
    std::optional<std::string_view> decode(std::string_view bytes, Chunk chunk);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Return `text` with Traditional Chinese characters turned into Simplified (輝達 → 辉达); other text unchanged.
std::string to_simplified(std::string_view text);

// Append code point `c` to `out` as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t c);

// Return the code points `code_points` encoded as UTF-8.
std::string encode_utf8(std::u32string_view code_points);

// Return `text` with runs of white space (including U+3000 and NBSP) collapsed to one space and trimmed.
std::string collapse_space(std::string_view text);
// The same written into `out` (replacing what it held). `text` must not alias `out`.
void collapse_space(std::string_view text, std::string& out);

}  // namespace claimtrack::text
