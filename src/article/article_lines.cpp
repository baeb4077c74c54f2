#include <claimtrack/article.hpp>
#include <claimtrack/text.hpp>

#include "article/internal.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimtrack::article::detail {
namespace {

bool is_url_char(unsigned char c) {
    return c > 0x20 && c < 0x7F && std::string_view("<>\"{}|\\^`").find(static_cast<char>(c)) == std::string_view::npos;
}

// Return where a URL starting at `start` ends: URL characters, minus trailing punctuation and
// unbalanced closing brackets (bracket counts are kept as the end moves, so long runs stay linear).
std::size_t url_end(std::string_view line, std::size_t start) {
    std::size_t end = start;
    std::ptrdiff_t parens = 0;  // '(' minus ')'
    std::ptrdiff_t brackets = 0;
    while (end < line.size() && is_url_char(static_cast<unsigned char>(line[end]))) {
        const char c = line[end++];
        parens += c == '(' ? 1 : c == ')' ? -1 : 0;
        brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
    }
    while (end > start) {
        const char last = line[end - 1];
        const bool unbalanced_close = (last == ')' && parens < 0) || (last == ']' && brackets < 0);
        if (std::string_view(".,;:!?'\"").find(last) == std::string_view::npos && !unbalanced_close) break;
        parens += last == ')' ? 1 : last == '(' ? -1 : 0;
        brackets += last == ']' ? 1 : last == '[' ? -1 : 0;
        --end;
    }
    return end;
}

}  // namespace

Span trim_span(std::string_view text) {
    const auto space_before = [&](std::size_t end) -> std::size_t {
        for (const std::string_view s : {" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00A0", "\uFEFF"}) {
            if (end >= s.size() && text.substr(end - s.size(), s.size()) == s) return s.size();
        }
        return 0;
    };
    const auto space_at = [&](std::size_t start) -> std::size_t {
        for (const std::string_view s : {" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00A0", "\uFEFF"}) {
            if (text.substr(start, s.size()) == s) return s.size();
        }
        return 0;
    };
    std::size_t start = 0;
    std::size_t end = text.size();
    while (start < end && space_at(start) > 0) start += space_at(start);
    while (end > start && space_before(end) > 0) end -= space_before(end);
    return {start, end};
}

std::string normalize_newlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
            out += '\n';
        }
    }
    return out;
}

std::vector<UrlMatch> find_urls(std::string_view line) {
    std::vector<UrlMatch> out;
    // Every URL we take has a slash ("https://", or a bare domain's path): most lines have none.
    if (line.find('/') == std::string_view::npos) return out;
    const std::string folded = [&] {
        std::string copy(line);
        for (char& ch : copy) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        return copy;
    }();
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        const auto previous = static_cast<unsigned char>(i == 0 ? ' ' : line[i - 1]);
        const bool http = folded.compare(i, 4, "http") == 0 && !std::isalnum(previous);
        if (!http && !(std::isalnum(c) && !is_url_char(previous))) {
            ++i;
            continue;
        }
        const std::size_t end = url_end(line, i);
        // A bare domain needs a dot and a path: most words are neither, so skip normalizing them.
        const auto token = line.substr(i, end - i);
        const bool could_be_url = http || (token.find('.') != std::string_view::npos && token.find('/') != std::string_view::npos);
        if (auto url = could_be_url ? normalize_url(token) : std::nullopt) {
            out.push_back({i, end, std::move(*url)});
            i = end;
            continue;
        }
        // Skip the failed token, but not a URL glued inside it ("see:https://...").
        const auto inner = std::string_view(folded).substr(0, end).find("http", i + 1);
        i = inner < end ? inner : std::max(end, i + 1);
    }
    return out;
}

}  // namespace claimtrack::article::detail
