#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>

namespace claimtrack::evidence {

namespace {

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == U'\u00A0' ||
           c == U'\u3000' || c == U'\u2009' || c == U'\u202F';
}

std::string plain_quote_mark(char32_t c) {
    if (c == U'\u2018' || c == U'\u2019') return "'";
    if (c == U'\u201C' || c == U'\u201D') return "\"";
    return {};
}

// Text with whitespace runs collapsed to one space, NFKC applied per code point and curly
// quotes made straight; `from[k]`/`to[k]` give the original byte span of normalized byte k.
struct Normalized {
    std::string text;
    std::vector<std::size_t> from;
    std::vector<std::size_t> to;
};

Normalized normalize(std::string_view original) {
    const detail::CodePoints cps = detail::code_points_of(original);
    Normalized out;
    for (std::size_t k = 0; k < cps.points.size(); ++k) {
        const char32_t c = cps.points[k];
        std::string piece;
        if (is_space(c)) {
            if (out.text.empty() || out.text.back() == ' ') continue;
            piece = " ";
        } else if (piece = plain_quote_mark(c); piece.empty()) {
            piece = text::nfkc(original.substr(cps.offsets[k], cps.offsets[k + 1] - cps.offsets[k]));
        }
        out.text += piece;
        out.from.insert(out.from.end(), piece.size(), cps.offsets[k]);
        out.to.insert(out.to.end(), piece.size(), cps.offsets[k + 1]);
    }
    return out;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<Span> find_quote(std::string_view document, std::string_view quote) {
    if (quote.empty()) return std::nullopt;
    if (const auto at = document.find(quote); at != std::string_view::npos) return Span{at, at + quote.size()};
    const Normalized doc = normalize(document);
    const Normalized wanted = normalize(quote);
    const std::string_view needle = trim_spaces(wanted.text);
    if (needle.empty()) return std::nullopt;
    const auto at = doc.text.find(needle);
    if (at == std::string::npos) return std::nullopt;
    return Span{doc.from[at], doc.to[at + needle.size() - 1]};
}

std::optional<std::size_t> passage_at(const std::vector<Passage>& passages, Span span) {
    std::optional<std::size_t> best;
    std::size_t best_overlap = 0;
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const Span p = passages[i].span;
        const std::size_t lo = std::max(p.start, span.start);
        const std::size_t hi = std::min(p.end, span.end);
        const std::size_t overlap = hi > lo ? hi - lo : 0;
        if (overlap > best_overlap) {
            best_overlap = overlap;
            best = i;
        }
    }
    return best;
}

}  // namespace claimtrack::evidence
