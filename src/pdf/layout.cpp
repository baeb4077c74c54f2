#include "internal.hpp"

#include <claimtrack/pdf.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <array>

namespace claimtrack::pdf {
namespace detail {
namespace {

using namespace std::string_view_literals;

// A line this much shorter than the page's longest line ends its paragraph (or is a heading):
// the lines inside a wrapped paragraph run to the margin.
constexpr double k_short_line = 0.8;

// Return the width of `s` in Latin letters: a CJK character (three UTF-8 bytes) counts two.
std::size_t width(std::string_view s) {
    std::size_t total = 0;
    for (char c : s) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80) total += byte >= 0xE0 ? 2 : 1;
    }
    return total;
}

// Return true if `line` runs on into the next one even though it is short ("Revenue, profit,").
bool continues(std::string_view line) {
    static constexpr std::array k_joiners = {","sv, "-"sv, ";"sv, "\xEF\xBC\x8C"sv, "\xE3\x80\x81"sv, "\xEF\xBC\x9B"sv};
    return std::any_of(k_joiners.begin(), k_joiners.end(), [line](std::string_view j) { return line.ends_with(j); });
}

bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }
bool is_wide(char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }

// Append `line` to `paragraph` the way the wrapped text was meant to read.
void join(std::string& paragraph, std::string_view line) {
    if (paragraph.empty()) {
        paragraph = line;
        return;
    }
    const std::size_t n = paragraph.size();
    if (n >= 2 && paragraph[n - 1] == '-' && is_lower_ascii(paragraph[n - 2]) && is_lower_ascii(line.front())) {
        paragraph.pop_back();  // "gov-" + "ernment"
    } else if (!(is_wide(paragraph.back()) && is_wide(line.front()))) {
        paragraph += ' ';
    }
    paragraph += line;
}

}  // namespace

std::vector<std::string> page_paragraphs(std::string_view page_text) {
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= page_text.size();) {
        std::size_t end = page_text.find_first_of("\n\r\f", start);
        if (end == std::string_view::npos) end = page_text.size();
        lines.push_back(text::collapse_space(page_text.substr(start, end - start)));
        start = end + 1;
    }
    std::size_t longest = 0;
    for (const std::string& line : lines) longest = std::max(longest, width(line));

    std::vector<std::string> paragraphs;
    std::string current;
    const auto flush = [&] {
        if (!current.empty()) paragraphs.push_back(std::move(current));
        current.clear();
    };
    for (const std::string& line : lines) {
        if (line.empty()) {
            flush();
            continue;
        }
        join(current, line);
        if (!continues(line) && static_cast<double>(width(line)) < k_short_line * static_cast<double>(longest)) flush();
    }
    flush();
    return paragraphs;
}

std::string pdf_date(std::string_view value) {
    if (value.starts_with("D:")) value.remove_prefix(2);
    std::size_t digits = 0;
    while (digits < value.size() && digits < 14 && value[digits] >= '0' && value[digits] <= '9') ++digits;
    if (digits < 8) return {};
    const auto number = [value](std::size_t at, std::size_t len) { return std::stoi(std::string(value.substr(at, len))); };
    const int month = number(4, 2);
    const int day = number(6, 2);
    if (number(0, 4) < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return {};
    std::string out = std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" + std::string(value.substr(6, 2));
    if (digits >= 12 && number(8, 2) < 24 && number(10, 2) < 60) {
        out += "T" + std::string(value.substr(8, 2)) + ":" + std::string(value.substr(10, 2));
    }
    return out;
}

}  // namespace detail

std::string page_heading(int number) { return "Page " + std::to_string(number); }

std::optional<int> page_at(std::string_view text, std::size_t at) {
    at = std::min(at, text.size());
    // Headings are whole paragraphs: at the start of the text or after a blank line.
    for (std::size_t pos = text.rfind("Page ", at); pos != std::string_view::npos; pos = pos == 0 ? std::string_view::npos : text.rfind("Page ", pos - 1)) {
        if (pos != 0 && (pos < 2 || text.substr(pos - 2, 2) != "\n\n")) continue;
        std::size_t end = pos + 5;
        int number = 0;
        while (end < text.size() && end < pos + 12 && text[end] >= '0' && text[end] <= '9') number = number * 10 + (text[end++] - '0');
        if (end == pos + 5 || (end < text.size() && text[end] != '\n')) continue;
        return number;
    }
    return std::nullopt;
}

}  // namespace claimtrack::pdf
