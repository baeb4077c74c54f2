#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

// A Markdown link on a line of the rendered body: its label's span in the body, the label's text and
// the link's target as written.
struct BodyLink {
    Span label;
    std::string text;
    std::string target;
    bool operator==(const BodyLink&) const = default;
};

// Markdown reference definitions ("[label]: url"), by lower-cased label.
using MarkdownDefinitions = std::map<std::string, std::string>;

// Return the reference definition on a line of Markdown: its label, lower-cased, and its target.
// Gathered over the whole text (in code blocks too), the first of a label kept, they are what
// render_markdown resolves reference links by.
std::optional<std::pair<std::string, std::string>> markdown_definition(std::string_view line);

// Renders Markdown a line at a time to the body `parse` renders from the whole text, giving each line
// of that body with its links once the next input line has ended it (soft line breaks join input
// lines). Reference links resolve by `definitions`, those of the whole text (markdown_definition).
// Holds one body line and the previous input line.
class MarkdownLines {
public:
    struct Line {
        std::string_view text;  // without its line end
        std::size_t offset = 0;  // where it starts in the body
        bool ended = false;      // a line end follows it in the body
        std::vector<BodyLink> links;  // in the order render_markdown lists them
    };

    MarkdownLines(std::function<void(Line&&)> each, MarkdownDefinitions definitions);
    ~MarkdownLines();
    MarkdownLines(const MarkdownLines&) = delete;
    MarkdownLines& operator=(const MarkdownLines&) = delete;

    // Read the next input line (without its line end; CRLF and lone CR already read as LF).
    void add_line(std::string_view line);
    // Give the last body line; call once, after the last input line.
    void finish();

    // False when this rendering may differ from the whole read's (a link label that a soft line
    // break cut into); then read the whole text instead.
    bool exact() const;
    // The targets `parse` cites after all the text: links with an empty label at the very end of
    // the body, then every definition, by label (call after `finish`).
    std::vector<std::string> targets_after_text() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

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
        std::vector<BodyLink> links;  // the Markdown links whose label starts in it, by label start
    };

    explicit ParagraphStream(std::function<void(Finished&&)> take);

    // Read the next line of the body (without its line end), which starts at byte `offset` of the
    // body, with the Markdown links rendered on it (a line led by one may be a source line).
    void add_line(std::string_view line, std::size_t offset, std::vector<BodyLink> links = {});
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

// Reads a plain-text article (or the body rendered from Markdown) as ParagraphStream does and gathers what `parse` finds besides the
// paragraphs: the title, the language (from the first 1 MB of prose) and the cited sources.
class TextScanner {
public:
    // `each` is also given every paragraph as it is settled (may be empty).
    TextScanner(ParseOptions options, std::function<void(const ParagraphStream::Finished&)> each = {});

    void add_line(std::string_view line, std::size_t offset, std::vector<BodyLink> links = {}) {
        m_stream.add_line(line, offset, std::move(links));
    }
    // Cite `target` after all the text, as `parse` cites Markdown reference definitions.
    void cite_after_text(std::string_view target);
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
