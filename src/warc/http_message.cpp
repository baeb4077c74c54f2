#include "warc/http_message.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace claimtrack::warc {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

// Call `visit(line)` for each line of `text`, without its CR LF.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        visit(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

std::string_view header_name(std::string_view line) {
    const auto colon = line.find(':');
    return colon == std::string_view::npos ? std::string_view{} : trim(line.substr(0, colon));
}

}  // namespace

std::optional<HttpMessage> parse_http_response(std::string_view block) {
    if (!block.starts_with("HTTP/")) return std::nullopt;
    std::size_t head_end = block.find("\r\n\r\n");
    std::size_t body_start = head_end + 4;
    if (head_end == std::string_view::npos) {
        head_end = block.find("\n\n");  // lenient: bare LF line ends
        body_start = head_end + 2;
    }
    if (head_end == std::string_view::npos) {
        head_end = block.size();
        body_start = block.size();
    }
    const std::string_view head = block.substr(0, head_end);
    const auto first_end = head.find('\n');
    HttpMessage message;
    message.status_line = std::string(trim(head.substr(0, first_end)));
    const auto space = message.status_line.find(' ');
    if (space != std::string::npos) {
        int code = 0;
        const char* begin = message.status_line.data() + space + 1;
        const char* end = message.status_line.data() + message.status_line.size();
        const auto [ptr, ec] = std::from_chars(begin, end, code);
        if (ec == std::errc{} && ptr - begin == 3) message.status = code;
    }
    if (first_end != std::string_view::npos) {
        for_each_line(head.substr(first_end + 1), [&](std::string_view line) {
            if (!line.empty()) message.headers.append(line).append("\r\n");
        });
    }
    message.body = std::string(block.substr(body_start));
    return message;
}

std::string header_value(std::string_view headers, std::string_view name) {
    std::string value;
    bool found = false;
    for_each_line(headers, [&](std::string_view line) {
        if (!found && equals_ignoring_case(header_name(line), name)) {
            value = std::string(trim(line.substr(line.find(':') + 1)));
            found = true;
        }
    });
    return value;
}

std::string rewrite_headers(std::string_view headers, std::size_t body_size) {
    std::string out;
    for_each_line(headers, [&](std::string_view line) {
        const auto name = header_name(line);
        if (line.empty() || equals_ignoring_case(name, "Content-Encoding") ||
            equals_ignoring_case(name, "Transfer-Encoding") || equals_ignoring_case(name, "Content-Length")) {
            return;
        }
        out.append(line).append("\r\n");
    });
    out += "Content-Length: " + std::to_string(body_size) + "\r\n";
    return out;
}

std::string dechunk(std::string_view body) {
    std::string out;
    while (!body.empty()) {
        const auto line_end = body.find('\n');
        if (line_end == std::string_view::npos) break;
        std::string_view size_text = trim(body.substr(0, line_end));
        size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
        std::size_t size = 0;
        const auto [ptr, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
        if (ec != std::errc{} || size_text.empty()) break;
        body.remove_prefix(line_end + 1);
        if (size == 0) break;  // trailers follow; nothing of the payload
        out.append(body.substr(0, size));
        if (size >= body.size()) break;
        body.remove_prefix(size);
        if (body.starts_with("\r\n")) body.remove_prefix(2);
        else if (body.starts_with("\n")) body.remove_prefix(1);
    }
    return out;
}

std::string fallback_status_line(int status) { return "HTTP/1.1 " + std::to_string(status); }

}  // namespace claimtrack::warc
