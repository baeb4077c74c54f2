#pragma once

#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/text.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

// The streamed import of a plain-text or Markdown file (import_stream.cpp).
namespace claimtrack::app::detail {

// What the first pass over a file found.
struct Scan {
    Article article;  // without body and paragraphs
    std::size_t body_size = 0;
    std::size_t paragraphs = 0;
    std::string company;  // the main company, for claims::Extractor
    std::optional<text::DecodePlan> plan;  // how to decode the file, when it is not UTF-8
    article::Format format = article::Format::text;
    article::MarkdownDefinitions definitions;  // Markdown: all the reference definitions
};

// Read `options.path`, a plain-text or Markdown file (`format`), once as it streams (Markdown
// rendered a line at a time): its title, language, sources, digest and main company. Nothing when
// it must be read whole (standard input, a charset or an error that only the whole file tells, a
// Markdown construct the line renderer cannot render as the whole read does); stop with
// claimtrack::Error as read_article would for a bad input.
std::optional<Scan> scan(const ImportOptions& options, article::Format format = article::Format::text);

// Set `result` for the article that already holds the text digested as `sha256` and return true,
// or return false when there is none.
bool already_stored(const Store& store, std::string_view sha256, ImportResult& result);

// Store the article `scanned` from `options.path`, reading the file a second time as it streams
// (body, paragraphs, claims) in one transaction; the same text already stored is reported.
ImportResult import_scanned(Store& store, const ImportOptions& options, Scan scanned);

}  // namespace claimtrack::app::detail
