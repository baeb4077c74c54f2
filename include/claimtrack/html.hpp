#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Main text and metadata of a fetched page (gumbo parses, pugixml holds the tree).
namespace claimtrack::html {

struct Document {
    bool is_text = false;   // false for images, binaries and other types with no text
    std::string title;      // og:title, h1 or <title> minus the site name
    std::string published;  // ISO 8601 date or date-time when found
    std::string author;
    std::string site;
    std::string language;
    std::string charset;    // what the bytes were decoded from
    std::string text;       // main text, paragraphs separated by "\n\n"
    std::vector<Span> paragraphs;  // spans in `text`
    bool truncated = false;  // the page was longer than `Limits::max_markup` and its end not read
};

// How much of a page the extractor reads.
struct Limits {
    // Bytes of markup handed to the parser once comments, scripts, styles and most attributes are
    // gone; the rest of the page is dropped and the document marked `truncated`. The parser needs
    // about 20 times this in memory.
    std::size_t max_markup = std::size_t{8} << 20;
};

// Return the document in `bytes` as served with `content_type` (may be empty) from `url`:
// HTML/XHTML go through main-text extraction, text/plain is kept as is, anything else has
// `is_text` false. Charset: header, then BOM, then <meta>, then detection. Never throws on bad markup.
Document extract(std::string_view bytes, std::string_view content_type, std::string_view url);
Document extract(std::string_view bytes, std::string_view content_type, std::string_view url, const Limits& limits);

// Return the main text of an HTML article given as a file, for importing (same extraction).
Document extract_article(std::string_view utf8_html);

struct Decoded {
    std::string text;     // UTF-8
    std::string charset;  // what the bytes were decoded from, e.g. "UTF-8", "GB18030"
};

// Return `bytes` decoded to UTF-8: charset from `content_type`, then BOM, then <meta> in the first
// bytes (when `markup` is html), then detection. A header charset that fails where <meta> works loses.
enum class Markup { html, plain };
Decoded decode(std::string_view bytes, std::string_view content_type, Markup markup);

// Return `value` ("2025年9月19日 10:22", "2025-09-19T10:22:00Z", "September 19, 2025") as ISO 8601
// date or date-time ("2025-09-19T10:22"), or empty when it holds no full date.
std::string normalize_date(std::string_view value);

}  // namespace claimtrack::html
