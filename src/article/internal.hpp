#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Pieces of the article reader shared between its files.
namespace claimtrack::article::detail {

// A URL found in a line: byte range in that line and its normalized form.
struct UrlMatch {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string url;
};

// A link in the rendered body: its label's span and its target as written.
struct Link {
    Span label;
    std::string target;
};

// Text ready to be split into paragraphs, with the links its markup held.
struct Rendered {
    std::string body;
    std::vector<Link> links;
};

// Return the http(s) URLs and bare-domain URLs ("example.com/path") in `line`, in order.
std::vector<UrlMatch> find_urls(std::string_view line);

// Return `text` with CRLF and lone CR turned into LF.
std::string normalize_newlines(std::string_view text);

// Return `markdown` rendered as plain text, links replaced by their text and listed.
Rendered render_markdown(std::string_view markdown);

// Return `html` as plain text, one block per line, anchors listed as links.
Rendered render_html(std::string_view html);

// Return true for lines that are not article text: image placeholders, lone numbers, site chrome.
bool is_noise_line(std::string_view line);

// Return true for a heading that introduces a list of sources ("Sources", "参考资料", "来源:").
bool is_sources_heading(std::string_view line);

// Return `text` without white space (ASCII, U+3000, NBSP) at either end, as offsets into it.
Span trim_span(std::string_view text);

}  // namespace claimtrack::article::detail
