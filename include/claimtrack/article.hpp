#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// Reads a plain-text article a line at a time, for an import that never holds the whole text: gives
// each paragraph with the kind `parse` would give it (title, text, noise, source list), as soon as
// later lines can no longer change that kind. A source list is only known at the end, so lines that
// could still belong to one wait: a heading, source lines and up to five short lines (up to 1 MB of
// them; past that the oldest are given as text). Paragraphs come in order but for the first text
// paragraph, which waits to be known as the title or not; each carries its index.
class ParagraphStream {
public:
    struct Finished {
        std::size_t index = 0;  // the paragraph's place among the article's paragraphs
        Paragraph paragraph;    // its span in the body and its final kind
        std::string text;       // the trimmed line
    };

    explicit ParagraphStream(std::function<void(Finished&&)> take);

    // Read the next line of the body (without its line end), which starts at byte `offset` of the body.
    void add_line(std::string_view line, std::size_t offset);
    // Give the paragraphs still waiting; call once, after the last line.
    void finish();

    std::size_t paragraphs() const { return m_next; }
    // Stop with the error `parse` gives when no paragraph is article text (call after `finish`).
    void require_text(std::string_view origin) const;

private:
    struct Held {
        Finished finished;
        bool source = false;      // a "title URL" line
        bool short_line = false;  // a short line without a URL
        bool heading = false;     // a sources heading ("Sources", "参考资料")
    };
    void cut(std::size_t keep_from);
    void flush_front(std::size_t count);
    void deliver(Finished&& finished);
    void recount_shorts();

    std::function<void(Finished&&)> m_take;
    std::deque<Held> m_held;  // lines that may still turn out to be the source list or after it
    std::size_t m_held_bytes = 0;
    std::size_t m_trailing_shorts = 0;  // short lines since the last source line among the held
    std::optional<Finished> m_first_text;
    bool m_title_known = false;
    bool m_prose = false;
    bool m_sources = false;
    std::size_t m_first_line = 0;  // line number of the first paragraph
    std::size_t m_lines = 0;
    std::size_t m_next = 0;
};

// Reads a plain-text article as ParagraphStream does and gathers what `parse` finds besides the
// paragraphs: the title, the language (from the first 1 MB of prose) and the cited sources.
class TextScanner {
public:
    // `each` is also given every paragraph as it is settled (may be empty).
    TextScanner(ParseOptions options, std::function<void(const ParagraphStream::Finished&)> each = {});

    void add_line(std::string_view line, std::size_t offset) { m_stream.add_line(line, offset); }
    // Return the article without its body, paragraphs and sha256; stop with the error `parse`
    // gives when there is no article text.
    Article finish();
    std::size_t paragraphs() const { return m_stream.paragraphs(); }

private:
    void take(ParagraphStream::Finished&& finished);

    ParseOptions m_options;
    std::function<void(const ParagraphStream::Finished&)> m_each;
    std::string m_title;
    std::string m_prose;  // the language sample: the first 1 MB of the title and text paragraphs
    struct Mentions;
    std::shared_ptr<Mentions> m_mentions;
    ParagraphStream m_stream;
};

// Return `url` normalized: scheme added (https) to a bare domain, scheme and host lower case,
// default port dropped, fragment and tracking parameters (utm_*, spm, from, originReferrer...)
// removed. Return nothing when it is not an http(s) URL or a bare domain with a path.
std::optional<std::string> normalize_url(std::string_view url);

}  // namespace claimtrack::article
