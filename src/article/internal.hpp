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

// Both answers for one line, folding it once.
struct LineKinds {
    bool noise = false;    // is_noise_line
    bool heading = false;  // is_sources_heading
};
LineKinds classify_line(std::string_view line);

// classify_line the long way, folding the whole line (or the first 120 bytes of a long one), as
// it did before it folded only a line's beginning when that decides (tests compare them).
LineKinds classify_line_whole(std::string_view line);

// Return `text` without white space (ASCII, U+3000, NBSP) at either end, as offsets into it.
Span trim_span(std::string_view text);

// A cited URL seen at byte `at` of the body, with the title the text gives it.
struct SourceMention {
    std::size_t at = 0;
    std::string url;
    std::string label;
};

// Return the cited source of a "title URL" line at `span` of `body`: the line ends with a URL; the title is the rest.
std::optional<SourceMention> title_url_line(std::string_view body, Span span);

// Return true for a short line with no URL: after a source list, site furniture we do not know by name.
bool is_short_tail_line(std::string_view body, Span span);

// Mark the trailing source list of `paragraphs` (spans of `body`; noise already marked), its heading,
// and the short lines after it.
void mark_source_list(std::string_view body, std::vector<Paragraph>& paragraphs, const std::vector<Link>& links);

// Return the URLs `paragraph` cites: its links (`links` ordered by label start), its "title URL"
// line when it is in the source list, and its bare URLs.
std::vector<SourceMention> mentions_in(std::string_view body, const Paragraph& paragraph, const std::vector<const Link*>& links);

// Return the cited sources of `mentions`: in order of appearance, each URL once, with the first title given.
std::vector<CitedSource> cited_sources(std::vector<SourceMention> mentions);

// The language is told from the first 1 MB or so of prose (an article is far shorter; a huge input
// is sampled, not copied).
inline constexpr std::size_t k_language_sample = 1 << 20;

// Add paragraph `text` to the language sample, with a newline, cut on a character boundary so the
// sample stays within k_language_sample; nothing once it is full.
void add_to_prose_sample(std::string& sample, std::string_view text);

// Stop with the error for an input without article text: its first paragraph is on `first_line`
// (0: there is none); `sources` when some of them are a source list.
[[noreturn]] void throw_no_text(std::string_view origin, std::size_t first_line, bool sources);

}  // namespace claimtrack::article::detail
