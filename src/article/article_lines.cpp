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

// Return where a URL starting at `start` ends: URL characters, minus trailing punctuation.
std::size_t url_end(std::string_view line, std::size_t start) {
    std::size_t end = start;
    while (end < line.size() && is_url_char(static_cast<unsigned char>(line[end]))) ++end;
    while (end > start) {
        const char last = line[end - 1];
        const auto url = line.substr(start, end - start);
        const bool unbalanced_close =
            (last == ')' && std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) ||
            (last == ']' && std::count(url.begin(), url.end(), '[') < std::count(url.begin(), url.end(), ']'));
        if (std::string_view(".,;:!?'\"").find(last) == std::string_view::npos && !unbalanced_close) break;
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
        if (auto url = normalize_url(line.substr(i, end - i))) {
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
