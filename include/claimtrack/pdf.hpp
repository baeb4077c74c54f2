#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Text and metadata of PDF reports and filings (poppler-cpp), with page numbers kept in the text.
namespace claimtrack::pdf {

// One page of the extracted text: `span` covers its paragraphs, after its "Page N" heading.
struct Page {
    int number = 0;  // 1-based
    Span span;
    bool operator==(const Page&) const = default;
};

struct Document {
    bool is_text = false;   // true when the file opened and text could be read from it
    std::string error;      // why there is no text ("encrypted: a password is needed", ...), else empty
    std::string title;      // document info Title
    std::string author;     // document info Author
    std::string published;  // document info CreationDate as ISO 8601 ("2025-09-19T10:22")
    std::string language;   // "zh", "en" or "und", detected from the text
    int page_count = 0;
    // Each page is a heading paragraph "Page N" followed by that page's paragraphs, blank lines
    // between paragraphs; a passage that starts a page carries its heading.
    std::string text;
    std::vector<Span> paragraphs;  // spans in `text`, headings included
    std::vector<Page> pages;
};

// Return true if `bytes` is a PDF: served as application/pdf or starting with "%PDF-".
bool is_pdf(std::string_view bytes, std::string_view content_type);

// Return the text and metadata of the PDF in `bytes`. Encrypted, damaged or empty files give
// `is_text` false and a one-line `error`; never throws on bad input.
Document extract(std::string_view bytes);

// Return the page that offset `at` of an extracted `text` lies on, read from the "Page N" heading
// before it, so stored snapshot text still tells a passage's page; nothing before the first heading.
std::optional<int> page_at(std::string_view text, std::size_t at);

// Return the heading paragraph that starts page `number` in the extracted text ("Page 3").
std::string page_heading(int number);

}  // namespace claimtrack::pdf
