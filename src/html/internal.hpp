#pragma once

#include <claimtrack/html.hpp>

#include <pugixml.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Pieces of the html module shared between its .cpp files; not part of the public API.
namespace claimtrack::html::detail {

// Deeper element nesting than this is flattened into the ancestor at this depth.
inline constexpr int k_max_depth = 400;

// Deeper nesting than this is removed from the markup before parsing.
inline constexpr std::size_t k_max_markup_depth = 300;

struct Dom {
    pugi::xml_document doc;               // one root element "html"
    std::vector<std::string> json_ld;     // bodies of <script type="application/ld+json">
};

// Bytes of markup the parser is given by default: past it the page is cut (`Document::truncated`).
inline constexpr std::size_t k_max_markup = std::size_t{8} << 20;

struct Prepared {
    std::string markup;
    bool truncated = false;  // `max_bytes` was reached and the rest of the page dropped
};

// Return `html` without comments, script and style bodies (JSON-LD kept), most attributes and
// opening tags past `k_max_markup_depth` levels of nesting (with their closing tags), cut before a
// tag once `max_bytes` are kept. The parser slows down badly on deep trees, spends most of its time
// in scripts, and needs ~20 times the markup's size in memory. Works on the raw bytes of any
// charset whose bytes below 0x40 are always ASCII (UTF-8, GBK, Big5, Shift_JIS, single-byte ones).
Prepared prepare_markup(std::string_view html, std::size_t max_bytes);

// Return true if `bytes` served as `content_type` can be pruned before decoding: not UTF-16/32 and
// not a 7-bit stateful charset (HZ, ISO-2022, UTF-7) where '<' may be part of a character.
bool ascii_compatible(std::string_view bytes, std::string_view content_type);

// Return `utf8_html` (already through `prepare_markup`) parsed as a browser would (gumbo), as a
// pugixml tree of elements, attributes and text, without comments, scripts, styles, templates and
// noscript content.
std::unique_ptr<Dom> parse_dom(std::string_view utf8_html);

// Visit the nodes under `root` in document order without recursion: `enter(node)` returns whether
// to descend; `leave(node)` runs once for each entered node after its children.
template <class Enter, class Leave>
void walk(pugi::xml_node root, Enter&& enter, Leave&& leave) {
    pugi::xml_node it = root.first_child();
    while (it) {
        if (enter(it) && it.first_child()) {
            it = it.first_child();
            continue;
        }
        for (;;) {
            leave(it);
            if (pugi::xml_node next = it.next_sibling()) {
                it = next;
                break;
            }
            it = it.parent();
            if (!it || it == root) {
                it = pugi::xml_node();
                break;
            }
        }
    }
}

// Return the ASCII-lowercased copy of `text`.
std::string lower_ascii(std::string_view text);

// Return true if the element is hidden by attribute or inline style.
bool is_hidden(pugi::xml_node node);

// Append `paragraph` to `doc.text` after a blank line and record its span; skip it when empty.
void add_paragraph(Document& doc, std::string_view paragraph);

// Return the text of `node` and its descendants, white space collapsed.
std::string node_text(pugi::xml_node node);

// Return the main text of the page as paragraphs (already collapsed), in reading order. Prunes
// navigation, asides and other chrome from `dom` on the way.
std::vector<std::string> main_paragraphs(Dom& dom);

// Return the visible text of the whole body as paragraphs, for date and byline patterns.
std::vector<std::string> all_paragraphs(const Dom& dom);

// What an element's class and id say about it.
enum class Hint { none, positive, weak_negative, strong_negative };

// Return the hint of the element's class and id ("article-body" positive, "comments" strong negative).
Hint class_hint(pugi::xml_node node);

// Return true for tags whose element starts a new block of text (p, div, li, h2, tr...).
bool is_block(std::string_view tag);

// Return true for tags dropped with everything in them wherever they are (nav, aside, button...).
bool is_chrome(std::string_view tag);

struct Metadata {
    std::string title;
    std::string published;
    std::string author;
    std::string site;
    std::string language;
};

// Return the title, date, author, site and declared language found in `dom`.
Metadata read_metadata(const Dom& dom);

// Return the first full date found in `text` ("2025年9月19日 10:22", "2025-09-19", "Sep 19, 2025")
// as ISO 8601, or empty.
std::string find_date(std::string_view text);

// Return the writer named in a closing credit ("（本报记者 王明）", "（李华 北京报道）") or a
// forum line ("网友甲 发表于 2005-9-15") of `page`, or empty.
std::string author_in_credits(const std::vector<std::string>& page);

// Return true if `paragraph` is a dateline or credit ("2005-04-05 06:40更新 来源：新华网", "编辑：山石",
// "Updated 5:27 am, November 20, 2019") rather than part of the article.
bool is_credit_line(std::string_view paragraph);

}  // namespace claimtrack::html::detail
