#include <claimtrack/text.hpp>

#include "text/unicode_utf16.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace claimtrack::text {
namespace {

// Words that end in a full stop without ending the sentence (lower case).
constexpr std::array<std::u16string_view, 36> k_abbreviations{
    u"u.s.", u"u.k.", u"u.n.", u"e.u.", u"e.g.", u"i.e.", u"mr.", u"mrs.", u"ms.", u"dr.",
    u"prof.", u"inc.", u"corp.", u"co.", u"ltd.", u"jr.", u"sr.", u"st.", u"vs.", u"no.",
    u"fig.", u"gen.", u"gov.", u"sen.", u"rep.", u"jan.", u"feb.", u"mar.", u"apr.", u"aug.",
    u"sept.", u"sep.", u"oct.", u"nov.", u"dec.", u"approx.",
};

// Characters that close a quotation or bracket and belong to the sentence before them.
constexpr std::u16string_view k_closers = u"\u201D\u2019\u300D\u300F\")\uFF09\u300B\u3011]'";

std::unique_ptr<icu::BreakIterator> make_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> iterator(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) return nullptr;
    return iterator;
}

bool ends_with_abbreviation(const icu::UnicodeString& units, std::int32_t end) {
    while (end > 0 && detail::is_space(units.charAt(end - 1))) --end;
    // Every abbreviation, and an initial, ends in '.', which case folding neither makes nor
    // changes: without one (a Chinese stop, '?', '!'), no word need be cut out and folded.
    if (end == 0 || units.charAt(end - 1) != u'.') return false;
    std::int32_t start = end;
    // Abbreviations are short; a bounded look back keeps long lines without spaces linear.
    while (start > 0 && end - start < 12 && !detail::is_space(units.charAt(start - 1))) --start;
    icu::UnicodeString word(units, start, end - start);
    word.foldCase();
    // A lone capital initial ("J. Smith") is an abbreviation too.
    if (word.length() == 2 && word.charAt(1) == u'.' && u_isalpha(word.charAt(0))) return true;
    const std::u16string_view view(word.getBuffer(), static_cast<std::size_t>(word.length()));
    // Strip a leading bracket or quote: "(Inc." is still "Inc.".
    auto trimmed = view;
    while (!trimmed.empty() && !u_isalnum(trimmed.front())) trimmed.remove_prefix(1);
    return std::find(k_abbreviations.begin(), k_abbreviations.end(), trimmed) != k_abbreviations.end();
}

bool inside_number(const icu::UnicodeString& units, std::int32_t at) {
    if (at < 2 || at >= units.length()) return false;
    return units.charAt(at - 1) == u'.' && u_isdigit(units.charAt(at - 2)) && u_isdigit(units.charAt(at));
}

bool is_url_unit(char16_t c) { return c > 0x20 && c < 0x7F; }

// A '?' or '.' inside "https://host/a.html?x=1" is part of the URL, not a stop.
bool inside_url(const icu::UnicodeString& units, std::int32_t at) {
    if (at <= 0 || at >= units.length() || !is_url_unit(units.charAt(at)) || !is_url_unit(units.charAt(at - 1))) {
        return false;
    }
    std::int32_t start = at;
    while (start > 0 && at - start < 4096 && is_url_unit(units.charAt(start - 1))) --start;
    const icu::UnicodeString run(units, start, at - start);
    return run.indexOf(u"://") >= 0 || run.startsWith(u"www.");
}

// Write the sentence boundaries of one line into `out`, in UTF-16 units, after our corrections.
void boundaries(icu::BreakIterator& iterator, const icu::UnicodeString& units, std::vector<std::int32_t>& out) {
    // Given as a UText, not the UnicodeString: setText(UnicodeString) keeps a copy for getText()
    // that shares the string's buffer, and the reused line would then allocate a new one for the
    // next line. The UText only points at the units, which outlive this call.
    UErrorCode status = U_ZERO_ERROR;
    UText text = UTEXT_INITIALIZER;
    utext_openConstUnicodeString(&text, &units, &status);
    iterator.setText(&text, status);
    out.assign(1, 0);
    for (std::int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next()) {
        if (b >= units.length()) break;
        if (ends_with_abbreviation(units, b) || inside_number(units, b) || inside_url(units, b)) continue;
        // ICU may cut before a closing quote; it belongs to the sentence it closes, unless a space
        // separates them (then it is an opening straight quote).
        while (b < units.length() && !detail::is_space(units.charAt(b - 1)) &&
               k_closers.find(units.charAt(b)) != std::u16string_view::npos) {
            ++b;
        }
        if (b > out.back() && b < units.length()) out.push_back(b);
    }
    out.push_back(units.length());
    utext_close(&text);
}

void add_trimmed(std::vector<Span>& out, const detail::Utf16Text& line, std::size_t base,
                 std::int32_t start, std::int32_t end) {
    while (start < end && detail::is_space(line.units.char32At(start))) start = line.units.moveIndex32(start, 1);
    while (end > start && detail::is_space(line.units.char32At(end - 1))) end = line.units.moveIndex32(end, -1);
    if (start >= end) return;
    out.push_back({base + line.offsets[static_cast<std::size_t>(start)],
                   base + line.offsets[static_cast<std::size_t>(end)]});
}

std::size_t line_break_length(std::string_view text, std::size_t at) {
    const char c = text[at];
    if (c == '\n' || c == '\r') return 1;
    if (c == '\xE2' && (text.substr(at, 3) == "\u2028" || text.substr(at, 3) == "\u2029")) return 3;
    return 0;
}

// True for the bytes a line break begins with: LF, CR, and the lead byte of U+2028 and U+2029.
bool may_break_line(char c) { return c == '\n' || c == '\r' || c == '\xE2'; }

// Return where the first byte at or after `from` that may begin a line break is, or text's size.
// Eight bytes are tested at once (a paragraph is mostly one line): a word holds one of the three
// when XOR with it leaves a zero byte, which (x - 0x01..) & ~x & 0x80.. tells.
std::size_t next_break(std::string_view text, std::size_t from) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_highs = 0x8080808080808080ULL;
    const auto zero_byte = [](std::uint64_t x) { return (x - k_ones) & ~x & k_highs; };
    std::size_t i = from;
    while (text.size() - i >= sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, sizeof word);
        if ((zero_byte(word ^ (k_ones * '\n')) | zero_byte(word ^ (k_ones * '\r')) | zero_byte(word ^ (k_ones * 0xE2))) != 0) break;
        i += sizeof word;
    }
    while (i < text.size() && !may_break_line(text[i])) ++i;
    return i;
}

}  // namespace

std::vector<Span> sentences(std::string_view text) {
    // This runs on every paragraph: the line in UTF-16, its cuts and the spans are made in buffers
    // kept from call to call (they were five allocations a paragraph), and the spans copied out once.
    struct Scratch {
        detail::Utf16Text line;
        std::vector<std::int32_t> cuts;
        std::vector<Span> spans;
    };
    thread_local std::unique_ptr<icu::BreakIterator> iterator = make_iterator();
    thread_local Scratch scratch;
    detail::Utf16Text& line = scratch.line;
    std::vector<Span>& spans = scratch.spans;
    spans.clear();
    std::size_t line_start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        i = next_break(text, i);
        const std::size_t brk = i < text.size() ? line_break_length(text, i) : 1;
        if (brk == 0) continue;
        detail::to_utf16(text.substr(line_start, i - line_start), line);
        if (iterator) {
            boundaries(*iterator, line.units, scratch.cuts);
            const std::vector<std::int32_t>& cuts = scratch.cuts;
            for (std::size_t k = 0; k + 1 < cuts.size(); ++k) add_trimmed(spans, line, line_start, cuts[k], cuts[k + 1]);
        } else {
            add_trimmed(spans, line, line_start, 0, line.units.length());
        }
        i += brk - 1;
        line_start = i + 1;
    }
    return {spans.begin(), spans.end()};
}

}  // namespace claimtrack::text
