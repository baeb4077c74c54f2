#pragma once

#include <string>
#include <string_view>
#include <vector>

// Pieces of the pdf module shared between its .cpp files; not part of the public API.
namespace claimtrack::pdf::detail {

// Return the paragraphs of one page's text as poppler lays it out: hard-wrapped lines joined
// (hyphenated words rejoined, no space between CJK characters), breaks at blank lines and after
// lines well short of the margin (last lines and headings).
std::vector<std::string> page_paragraphs(std::string_view page_text);

// Return a PDF date ("D:20250919102200+08'00'") as ISO 8601 ("2025-09-19T10:22"), as written,
// or empty when it holds no valid date.
std::string pdf_date(std::string_view value);

}  // namespace claimtrack::pdf::detail
