#pragma once

#include <claimtrack/model.hpp>

#include <optional>
#include <string>
#include <string_view>

// Turning an article's text into an Article: paragraphs, title, noise, cited sources.
namespace claimtrack::article {

enum class Format { text, markdown, html };

// Return the format named by `name` ("text", "txt", "markdown", "md", "html"), or nothing.
std::optional<Format> format_from_name(std::string_view name);

// Return the format implied by a file name's extension (.txt, .md, .markdown, .html, .htm), text otherwise.
Format format_from_path(std::string_view path);

struct ParseOptions {
    std::string title;  // overrides the detected title when not empty
    std::string date;   // YYYY-MM-DD, the article's date, may be empty
    std::string origin;
};

// Return the article in `utf8` text (already decoded, valid UTF-8). For Markdown, link syntax
// becomes its text and link targets become cited sources. The body keeps the text the person
// pasted (CRLF → LF); paragraphs mark the title, noise lines and the trailing source list;
// cited sources come from "title URL" lines, Markdown links and bare URLs, normalized and
// deduplicated. Stop with claimtrack::Error (input) if there is no article text at all.
// `utf8` is taken by value: a plain-text body with LF line ends becomes the article's body as is.
Article parse(std::string utf8, Format format, const ParseOptions& options);

// Return `url` normalized: scheme added (https) to a bare domain, scheme and host lower case,
// default port dropped, fragment and tracking parameters (utm_*, spm, from, originReferrer...)
// removed. Return nothing when it is not an http(s) URL or a bare domain with a path.
std::optional<std::string> normalize_url(std::string_view url);

}  // namespace claimtrack::article
