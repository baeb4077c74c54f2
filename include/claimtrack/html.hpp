#pragma once

#include <claimtrack/model.hpp>

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
};

// Return the document in `bytes` as served with `content_type` (may be empty) from `url`:
// HTML/XHTML go through main-text extraction, text/plain is kept as is, anything else has
// `is_text` false. Charset: header, then BOM, then <meta>, then detection. Never throws on bad markup.
Document extract(std::string_view bytes, std::string_view content_type, std::string_view url);

// Return the main text of an HTML article given as a file, for importing (same extraction).
Document extract_article(std::string_view utf8_html);

}  // namespace claimtrack::html
