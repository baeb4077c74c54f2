#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace claimtrack::warc {

// An HTTP response as a WARC block holds it: status line, raw header block, raw body.
struct HttpMessage {
    std::string status_line;
    std::optional<int> status;
    std::string headers;  // CRLF lines, no status line, no blank line
    std::string body;
};

// Split `block` into status line, headers and body; nothing if it is not an HTTP response.
std::optional<HttpMessage> parse_http_response(std::string_view block);

// Return the value of header `name` (case-insensitive) in `headers`, trimmed, or "".
std::string header_value(std::string_view headers, std::string_view name);

// Return `headers` without Content-Encoding, Transfer-Encoding and Content-Length, then a
// Content-Length of `body_size`: true headers for a body stored decoded.
std::string rewrite_headers(std::string_view headers, std::size_t body_size);

// Return `body` with chunked transfer coding removed; what follows a malformed chunk is dropped.
std::string dechunk(std::string_view body);

// Return a status line for `status` when the result has none: "HTTP/1.1 200".
std::string fallback_status_line(int status);

}  // namespace claimtrack::warc
