#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace {

constexpr std::size_t k_min_passage_chars = 12;
constexpr std::size_t k_selector_context = 32;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Return the byte offset `count` code points before `pos` (or 0).
std::size_t back_code_points(std::string_view s, std::size_t pos, std::size_t count) {
    while (pos > 0 && count > 0) {
        --pos;
        while (pos > 0 && is_continuation(static_cast<unsigned char>(s[pos]))) --pos;
        --count;
    }
    return pos;
}

// Return the byte offset `count` code points after `pos` (or the end).
std::size_t forward_code_points(std::string_view s, std::size_t pos, std::size_t count) {
    while (pos < s.size() && count > 0) {
        ++pos;
        while (pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos]))) ++pos;
        --count;
    }
    return pos;
}

// Return `pos` moved back onto the start of its code point.
std::size_t align(std::string_view s, std::size_t pos) {
    pos = std::min(pos, s.size());
    while (pos > 0 && pos < s.size() && is_continuation(static_cast<unsigned char>(s[pos]))) --pos;
    return pos;
}

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

}  // namespace

std::vector<Passage> split_passages(std::string_view text) {
    std::vector<Span> spans;
    for (const Span& s : text::sentences(text)) {
        if (s.end <= s.start || s.end > text.size()) continue;
        spans.push_back(s);
    }
    // Join fragments (image captions, "500", lone headings) to the sentence after them.
    std::vector<Span> merged;
    std::optional<std::size_t> pending_start;
    for (const Span& s : spans) {
        const std::size_t start = pending_start.value_or(s.start);
        const Span joined{start, s.end};
        if (detail::code_points(text.substr(joined.start, joined.end - joined.start)) < k_min_passage_chars) {
            pending_start = start;
            continue;
        }
        pending_start.reset();
        merged.push_back(joined);
    }
    if (pending_start) {
        if (merged.empty()) {
            merged.push_back({*pending_start, spans.back().end});
        } else {
            merged.back().end = spans.back().end;
        }
    }
    std::vector<Passage> passages;
    for (const Span& s : merged) {
        Passage p;
        p.index = static_cast<int>(passages.size());
        p.span = s;
        p.text = std::string(text.substr(s.start, s.end - s.start));
        passages.push_back(std::move(p));
    }
    return passages;
}

QuoteSelector make_selector(std::string_view document, Span span) {
    const std::size_t start = align(document, span.start);
    const std::size_t end = std::max(start, align(document, span.end));
    const std::size_t before = back_code_points(document, start, k_selector_context);
    const std::size_t after = forward_code_points(document, end, k_selector_context);
    QuoteSelector q;
    q.exact = std::string(document.substr(start, end - start));
    q.prefix = std::string(document.substr(before, start - before));
    q.suffix = std::string(document.substr(end, after - end));
    q.start = start;
    q.end = end;
    return q;
}

namespace detail {

namespace {

struct Decoded {
    char32_t point = 0;
    std::size_t length = 1;  // bytes read
};

// Return the code point starting at byte `i` of `text` (an invalid byte is U+FFFD, 1 byte long).
Decoded decode_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return {U'\uFFFD', 1};
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if (!is_continuation(cc)) return {U'\uFFFD', 1};
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    return {cp, len};
}

}  // namespace

std::u32string decode(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode_at(text, i);
        out.push_back(d.point);
        i += d.length;
    }
    return out;
}

CodePoints code_points_of(std::string_view text) {
    CodePoints out;
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode_at(text, i);
        out.offsets.push_back(i);
        out.points.push_back(d.point);
        i += d.length;
    }
    out.offsets.push_back(text.size());
    return out;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return !is_continuation(static_cast<unsigned char>(c));
    }));
}

bool contains_term(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return false;
    const bool word_start = is_word_byte(needle.front());
    const bool word_end = is_word_byte(needle.back());
    for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
         pos = haystack.find(needle, pos + 1)) {
        const std::size_t end = pos + needle.size();
        const bool left_ok = !word_start || pos == 0 || !is_word_byte(haystack[pos - 1]);
        const bool right_ok = !word_end || end == haystack.size() || !is_word_byte(haystack[end]);
        if (left_ok && right_ok) return true;
    }
    return false;
}

std::size_t substring_distance(const std::u32string& needle, const std::u32string& haystack) {
    // Edit distance where the match may start and end anywhere in `haystack` (free leading/trailing text).
    std::vector<std::size_t> prev(haystack.size() + 1, 0);
    std::vector<std::size_t> cur(haystack.size() + 1, 0);
    for (std::size_t i = 1; i <= needle.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= haystack.size(); ++j) {
            const std::size_t subst = prev[j - 1] + (needle[i - 1] == haystack[j - 1] ? 0 : 1);
            cur[j] = std::min({subst, prev[j] + 1, cur[j - 1] + 1});
        }
        std::swap(prev, cur);
    }
    return needle.empty() ? 0 : *std::min_element(prev.begin(), prev.end());
}

}  // namespace detail

}  // namespace claimtrack::evidence
