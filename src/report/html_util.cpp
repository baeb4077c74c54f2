#include "report/html_util.hpp"

#include <claimtrack/numbers.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace claimtrack::report::detail {

namespace {

constexpr std::array<std::string_view, 4> k_number_fields{"value", "from", "to", "upper"};
constexpr std::array<std::string_view, 6> k_name_fields{"person",  "organization", "speaker",
                                                        "subject", "actor",        "object"};

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Return the length of the valid UTF-8 sequence at `at`, or 0 when the bytes there are not one.
std::size_t sequence_length(std::string_view s, std::size_t at) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[at + k]); };
    const unsigned char lead = b(0);
    std::size_t n = 0;
    if (lead >= 0xC2 && lead <= 0xDF)
        n = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        n = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        n = 4;
    if (n == 0 || at + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if (!continuation(b(k))) return 0;
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead == 0xE0 && b(1) < 0xA0) || (lead == 0xED && b(1) >= 0xA0) || (lead == 0xF0 && b(1) < 0x90) ||
        (lead == 0xF4 && b(1) >= 0x90)) {
        return 0;
    }
    return n;
}

void append_ascii(std::string& out, char c) {
    switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\t':
        case '\n':
            out += c;
            break;
        default:
            out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t k = 0; k < prefix.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(s[k])) != prefix[k]) return false;
    }
    return true;
}

struct Mark {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string_view css;  // "num" or "name"
};

bool is_digit_at(std::string_view s, std::size_t at) {
    return at < s.size() && (std::isdigit(static_cast<unsigned char>(s[at])) != 0 || s[at] == '.');
}

// Add every occurrence of `value` in `text`; numbers must not sit inside a longer number.
void mark_occurrences(std::string_view text, std::string_view value, std::string_view css, std::vector<Mark>& marks) {
    if (value.size() < (css == "num" ? 1u : 2u)) return;
    for (auto at = text.find(value); at != std::string_view::npos; at = text.find(value, at + 1)) {
        const std::size_t end = at + value.size();
        if (css == "num" && ((at > 0 && is_digit_at(text, at - 1)) || is_digit_at(text, end))) continue;
        marks.push_back({at, end, css});
    }
}

// Add the quantities `find_quantities` sees in `text` whose value is one of the claim's numbers.
void mark_quantities(std::string_view text, const std::vector<std::string>& numbers, std::vector<Mark>& marks) {
    const auto wanted = [&](double v) {
        return std::find(numbers.begin(), numbers.end(), numbers::format_number(v)) != numbers.end();
    };
    for (const auto& q : numbers::find_quantities(text)) {
        if (wanted(q.value) || (q.upper && wanted(*q.upper))) marks.push_back({q.span.start, q.span.end, "num"});
    }
}

bool on_boundary(std::string_view s, std::size_t at) {
    return at == 0 || at >= s.size() || !continuation(static_cast<unsigned char>(s[at]));
}

// Return `marks` sorted, merged where they overlap, and cut to those lying on character boundaries.
std::vector<Mark> tidy(std::string_view text, std::vector<Mark> marks) {
    std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
    std::vector<Mark> out;
    for (const Mark& m : marks) {
        if (m.start >= m.end || m.end > text.size() || !on_boundary(text, m.start) || !on_boundary(text, m.end))
            continue;
        if (!out.empty() && m.start < out.back().end) {
            out.back().end = std::max(out.back().end, m.end);
        } else {
            out.push_back(m);
        }
    }
    return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t at = 0; at < text.size();) {
        if (static_cast<unsigned char>(text[at]) < 0x80) {
            append_ascii(out, text[at++]);
        } else if (const std::size_t n = sequence_length(text, at); n > 0) {
            out.append(text.substr(at, n));
            at += n;
        } else {
            out += "\xEF\xBF\xBD";
            ++at;
        }
    }
    return out;
}

std::optional<std::string> safe_href(std::string_view url) {
    std::size_t scheme = 0;
    if (starts_with_nocase(url, "https://"))
        scheme = 8;
    else if (starts_with_nocase(url, "http://"))
        scheme = 7;
    if (scheme == 0 || url.size() == scheme || url[scheme] == '/') return std::nullopt;
    for (char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7f) return std::nullopt;
    }
    return escape_html(url);
}

std::string link_html(std::string_view url, std::string_view label) {
    if (const auto href = safe_href(url)) {
        return "<a href=\"" + *href + "\" rel=\"noopener noreferrer nofollow\">" + escape_html(label) + "</a>";
    }
    return "<span class=\"url\">" + escape_html(label) + "</span>";
}

std::string highlight_claim(const Claim& claim) {
    const std::string_view text = claim.text;
    std::vector<Mark> marks;
    std::vector<std::string> numbers;
    for (const auto name : k_number_fields) {
        const auto it = claim.fields.find(std::string(name));
        if (it == claim.fields.end() || it->second.empty()) continue;
        numbers.push_back(it->second);
        mark_occurrences(text, it->second, "num", marks);
    }
    if (!numbers.empty()) mark_quantities(text, numbers, marks);
    for (const auto name : k_name_fields) {
        const auto it = claim.fields.find(std::string(name));
        if (it != claim.fields.end()) mark_occurrences(text, it->second, "name", marks);
    }
    std::string out;
    std::size_t done = 0;
    for (const Mark& m : tidy(text, std::move(marks))) {
        out += escape_html(text.substr(done, m.start - done));
        out += "<mark class=\"" + std::string(m.css) + "\">" + escape_html(text.substr(m.start, m.end - m.start)) +
               "</mark>";
        done = m.end;
    }
    return out + escape_html(text.substr(done));
}

}  // namespace claimtrack::report::detail
