// decode_article for a file read chunk by chunk: the charset is decided from the file's head as
// decode_article decides it from the whole file, and every part of that decision that rests on
// bytes past the head is checked as they stream (ChunkDecoder returns nothing when it fails, and
// the caller reads the file whole so that decode_article gives its own result or error).
//
// Why the head decides as the whole file does, branch by branch of decode_article:
// - `encoding` given: the charset is the one named; the binary check of the raw bytes reads only
//   their first 64 KB. UTF-16/32 named or marked by a BOM, or BOM-less UTF-16 (bomless_utf16
//   reads 4 KB and the size): the binary check of the decoded text reads only its first 64 KB,
//   which ChunkDecoder checks once it has them (Check::not_binary_once_decoded).
// - Detection (no BOM, not UTF-8): icu_guess reads only the first k_detect_sample (1 MB) bytes,
//   so with that head it returns the same guess. A confident multi-byte guess is taken whatever
//   follows; the rest must only decode. Otherwise chinese_guess takes, among GB18030 and Big5,
//   the first best-scoring one that decodes the whole file, and HanScorer scores only the first
//   64 KB of the decoding, which 1 MB of GB18030 or Big5 always yields (at least one UTF-8 byte
//   per two input bytes). A charset that does not decode the head does not decode the file; one
//   that is best on the head and decodes the whole file is therefore also best among those that
//   decode the whole file. When it does not decode the whole file, the decoder fails and the
//   file is read whole. When none is taken on the head none is on the whole file, and the
//   windows-1252 guess rests on latin_shape over all the bytes (Check::latin_shape, at the end).
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include "text/charset_detail.hpp"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <utility>

namespace claimtrack::text {
namespace {

using detail::k_detect_sample;

bool opens(std::string_view charset) {
    try {
        (void)detail::open_converter(charset, Strictness::strict);
        return true;
    } catch (const Error&) {
        return false;
    }
}

// Return the detected plan (detect_and_decode) for a file that is neither UTF-8 nor UTF-16.
std::optional<DecodePlan> detected_plan(std::string_view head, std::uintmax_t size) {
    const auto guess = detail::icu_guess(head);
    const bool confident = guess && guess->confidence >= detail::k_confident;
    const bool multibyte = guess && guess->charset != "windows-1252";
    if (confident && multibyte) {
        if (!opens(guess->charset)) return std::nullopt;
        return DecodePlan{guess->charset, true, DecodePlan::Check::decodes};
    }
    const ChunkDecoder::Chunk chunk = head.size() == size ? ChunkDecoder::Chunk::last : ChunkDecoder::Chunk::more;
    const detail::HanScorer scorer;
    std::optional<std::string> best;
    double best_score = 0;
    for (const char* charset : detail::k_chinese_charsets) {
        ChunkDecoder decoder({charset, true, DecodePlan::Check::decodes});
        const auto utf8 = decoder.decode(head, chunk);
        if (!utf8) continue;
        // Not enough decoded text to score as the whole decoding is scored: not from this head.
        if (chunk == ChunkDecoder::Chunk::more && utf8->size() < detail::k_score_sample) return std::nullopt;
        const auto score = scorer.score(*utf8);
        if (!detail::beats(score, best_score)) continue;
        best_score = score.first;
        best = charset;
    }
    if (best) return DecodePlan{*best, true, DecodePlan::Check::decodes};
    return DecodePlan{"windows-1252", true, DecodePlan::Check::latin_shape};
}

}  // namespace

std::optional<DecodePlan> plan_decoding(std::string_view head, std::uintmax_t size, std::string_view encoding) {
    if (head.size() < std::min<std::uintmax_t>(size, k_detect_sample)) return std::nullopt;
    using Check = DecodePlan::Check;
    if (!encoding.empty()) {
        if (!opens(encoding) || detail::is_utf8_name(encoding)) return std::nullopt;
        if (detail::is_wide_name(encoding)) return DecodePlan{std::string(encoding), false, Check::not_binary_once_decoded};
        if (looks_binary(head)) return std::nullopt;
        return DecodePlan{std::string(encoding), false, Check::decodes};
    }
    if (head.starts_with("\xEF\xBB\xBF")) return std::nullopt;  // UTF-8
    if (head.starts_with("\xFF\xFE")) return DecodePlan{"UTF-16LE", false, Check::not_binary_once_decoded};
    if (head.starts_with("\xFE\xFF")) return DecodePlan{"UTF-16BE", false, Check::not_binary_once_decoded};
    if (auto wide = detail::bomless_utf16(head, size)) return DecodePlan{std::move(*wide), true, Check::not_binary_once_decoded};
    if (looks_binary(head)) return std::nullopt;
    return detected_plan(head, size);
}

struct ChunkDecoder::Impl {
    explicit Impl(DecodePlan p) : plan(std::move(p)), converter(detail::open_converter(plan.charset, Strictness::strict)) {}

    // Append `units` to `out` as UTF-8, holding back a lead surrogate whose pair may follow, and
    // dropping a BOM that begins the text (as to_utf8 does).
    void emit(const UChar* begin, const UChar* end, bool final) {
        const bool hold = !final && end > begin && U16_IS_LEAD(end[-1]);
        if (hold) --end;
        if (!started && end > begin) {
            started = true;
            if (*begin == 0xFEFF) ++begin;
        }
        icu::UnicodeString(false, begin, static_cast<int32_t>(end - begin)).toUTF8String(out);
        carry = hold ? 1 : 0;
        if (hold) units[0] = *end;  // after the units before it are written out: it may overwrite one
    }

    bool convert(std::string_view bytes, Chunk chunk) {
        const bool flush = chunk == Chunk::last;
        if (bytes.empty()) bytes = std::string_view("", 0);  // never a null source for ICU
        const char* source = bytes.data();
        const char* const limit = bytes.data() + bytes.size();
        for (;;) {
            UChar* target = units.data() + carry;
            UErrorCode status = U_ZERO_ERROR;
            ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, limit, nullptr, flush, &status);
            const bool more = status == U_BUFFER_OVERFLOW_ERROR;
            if (U_FAILURE(status) && !more) return false;
            // A held-back lead surrogate was written at units[0] before this round's units.
            const UChar* begin = units.data();
            emit(begin, target, flush && !more);
            if (!more) return true;
        }
    }

    bool check(std::string_view bytes, Chunk chunk) {
        switch (plan.check) {
        case DecodePlan::Check::decodes:
            return true;
        case DecodePlan::Check::latin_shape:
            shape.add(bytes);
            return chunk == Chunk::more || shape.holds();
        case DecodePlan::Check::not_binary_once_decoded:
            // looks_binary reads only the first 64 KB of a text: test them once they are all here.
            if (sample_checked) return true;
            sample.append(std::string_view(out).substr(0, k_binary_sample - sample.size()));
            if (sample.size() < k_binary_sample && chunk == Chunk::more) return true;
            sample_checked = true;
            return !looks_binary(sample);
        }
        return false;
    }

    static constexpr std::size_t k_binary_sample = 64 * 1024;  // what looks_binary reads

    DecodePlan plan;
    detail::Converter converter;
    std::array<UChar, 4096> units{};
    std::size_t carry = 0;  // 1 when units[0] holds a lead surrogate from the round before
    bool started = false;   // some unit was emitted (the BOM check is done)
    bool failed = false;
    std::string out;
    std::string sample;
    bool sample_checked = false;
    detail::LatinShape shape;
};

ChunkDecoder::ChunkDecoder(DecodePlan plan) : m_impl(std::make_unique<Impl>(std::move(plan))) {}
ChunkDecoder::ChunkDecoder(ChunkDecoder&&) noexcept = default;
ChunkDecoder& ChunkDecoder::operator=(ChunkDecoder&&) noexcept = default;
ChunkDecoder::~ChunkDecoder() = default;

std::optional<std::string_view> ChunkDecoder::decode(std::string_view bytes, Chunk chunk) {
    Impl& d = *m_impl;
    d.out.clear();
    if (d.failed || !d.convert(bytes, chunk) || !d.check(bytes, chunk)) {
        d.failed = true;
        return std::nullopt;
    }
    return std::string_view(d.out);
}

}  // namespace claimtrack::text
