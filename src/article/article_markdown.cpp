#include <claimtrack/article.hpp>

#include "article/internal.hpp"

#include <cctype>
#include <map>
#include <utility>

namespace claimtrack::article::detail {
namespace {

using References = MarkdownDefinitions;

bool is_alnum_at(std::string_view text, std::size_t at) {
    return at < text.size() && (std::isalnum(static_cast<unsigned char>(text[at])) || static_cast<unsigned char>(text[at]) >= 0x80);
}

bool is_space_at(std::string_view text, std::size_t at) {
    return at >= text.size() || text[at] == ' ' || text[at] == '\t';
}

// Return the index of the bracket closing the one at `open`, or npos.
std::size_t closing(std::string_view text, std::size_t open, char open_char, char close_char) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == open_char) {
            ++depth;
        } else if (text[i] == close_char && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Return the URL of an inline link target "(url "title")".
std::string target_of(std::string_view inside) {
    while (!inside.empty() && inside.front() == ' ') inside.remove_prefix(1);
    if (inside.starts_with('<')) return std::string(inside.substr(1, inside.find('>') - 1));
    return std::string(inside.substr(0, inside.find(' ')));
}

// Renders the inline markup of a line onto `body`, whose first byte is at `base` of the whole body;
// links go to `links` with their labels' spans in the whole body.
class InlineRenderer {
public:
    InlineRenderer(std::string& body, std::vector<Link>& links, const References& references)
        : m_body(body), m_links(links), m_references(references) {}

    void render(std::string_view text, std::size_t base = 0) {
        m_base = base;
        render_part(text);
    }

private:
    void render_part(std::string_view text) {
        std::size_t i = 0;
        while (i < text.size()) i = step(text, i);
    }

    std::size_t at() const { return m_base + m_body.size(); }

    std::size_t step(std::string_view text, std::size_t i) {
        const char c = text[i];
        if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) {
            m_body += text[i + 1];
            return i + 2;
        }
        if (c == '`') return code_span(text, i);
        if ((c == 'h' || c == 'H') && (i == 0 || !is_alnum_at(text, i - 1)) && starts_url(text.substr(i))) {
            return bare_url(text, i);
        }
        if (c == '!' && i + 1 < text.size() && text[i + 1] == '[') return link(text, i + 1, Kind::image);
        if (c == '[') return link(text, i, Kind::link);
        if (c == '<') return autolink(text, i);
        if (c == '*' || c == '_' || c == '~') return emphasis(text, i);
        m_body += c;
        return i + 1;
    }

    enum class Kind { link, image };

    static bool starts_url(std::string_view text) {
        return lower(text.substr(0, 8)) == "https://" || lower(text.substr(0, 7)) == "http://";
    }

    // Copy a bare URL as written: its underscores and asterisks are not emphasis.
    std::size_t bare_url(std::string_view text, std::size_t i) {
        std::size_t end = i;
        while (end < text.size() && static_cast<unsigned char>(text[end]) > 0x20 &&
               static_cast<unsigned char>(text[end]) < 0x7F && text[end] != '<' && text[end] != '>') {
            ++end;
        }
        m_body += text.substr(i, end - i);
        return end;
    }

    std::size_t code_span(std::string_view text, std::size_t i) {
        const auto end = text.find('`', i + 1);
        if (end == std::string_view::npos) {
            m_body += '`';
            return i + 1;
        }
        m_body += text.substr(i + 1, end - i - 1);
        return end + 1;
    }

    std::size_t link(std::string_view text, std::size_t open, Kind kind) {
        const auto close = closing(text, open, '[', ']');
        if (close == std::string_view::npos) {
            m_body += text.substr(kind == Kind::image ? open - 1 : open, kind == Kind::image ? 2 : 1);
            return open + 1;
        }
        const auto label = text.substr(open + 1, close - open - 1);
        std::string target;
        std::size_t next = close + 1;
        if (next < text.size() && text[next] == '(') {
            const auto end = closing(text, next, '(', ')');
            if (end != std::string_view::npos) {
                target = target_of(text.substr(next + 1, end - next - 1));
                next = end + 1;
            }
        } else if (next < text.size() && text[next] == '[') {
            const auto end = text.find(']', next);
            if (end != std::string_view::npos) {
                const auto id = text.substr(next + 1, end - next - 1);
                const auto found = m_references.find(lower(id.empty() ? label : id));
                if (found != m_references.end()) target = found->second;
                next = end + 1;
            }
        } else if (const auto found = m_references.find(lower(label)); found != m_references.end()) {
            target = found->second;
        }
        if (kind == Kind::image) return next;  // images carry no article text
        const std::size_t start = at();
        render_part(label);
        if (!target.empty()) m_links.push_back({{start, at()}, std::move(target)});
        return next;
    }

    std::size_t autolink(std::string_view text, std::size_t i) {
        const auto end = text.find('>', i);
        const auto inside = end == std::string_view::npos ? std::string_view() : text.substr(i + 1, end - i - 1);
        if (!(inside.starts_with("http://") || inside.starts_with("https://")) || inside.find(' ') != std::string_view::npos) {
            m_body += '<';
            return i + 1;
        }
        const std::size_t start = at();
        m_body += inside;
        m_links.push_back({{start, at()}, std::string(inside)});
        return end + 1;
    }

    // Drop emphasis markers; keep a '*' or '_' that sits inside a word ("snake_case", "2*3").
    std::size_t emphasis(std::string_view text, std::size_t i) {
        std::size_t end = i;
        while (end < text.size() && text[end] == text[i]) ++end;
        const bool inside_word = i > 0 && is_alnum_at(text, i - 1) && is_alnum_at(text, end);
        const bool opens = !is_space_at(text, end);
        const bool closes = i > 0 && !is_space_at(text, i - 1);
        const bool lone_tilde = text[i] == '~' && end - i < 2;
        if (inside_word || lone_tilde || !(opens || closes)) {
            m_body += text.substr(i, end - i);
        }
        return end;
    }

    std::string& m_body;
    std::vector<Link>& m_links;
    const References& m_references;
    std::size_t m_base = 0;
};

// Return the line without its block markup: heading hashes, quote markers, bullets.
std::string_view strip_block(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
    line.remove_prefix(indent);
    while (line.starts_with(">")) {
        line.remove_prefix(1);
        while (line.starts_with(" ")) line.remove_prefix(1);
    }
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes > 0 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) {
        line.remove_prefix(hashes);
        while (line.ends_with('#') || line.ends_with(' ')) line.remove_suffix(1);
    }
    if (line.size() > 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') line.remove_prefix(2);
    while (line.starts_with(" ")) line.remove_prefix(1);
    return line;
}

bool is_rule(std::string_view line) {
    std::size_t marks = 0;
    for (const char c : line) {
        if (c == '-' || c == '=' || c == '*' || c == '_') {
            ++marks;
        } else if (c != ' ') {
            return false;
        }
    }
    return marks >= 3;
}

std::optional<std::pair<std::string, std::string>> reference_definition(std::string_view line) {
    while (line.starts_with(" ")) line.remove_prefix(1);
    if (!line.starts_with('[')) return std::nullopt;
    const auto close = line.find("]:");
    if (close == std::string_view::npos || close < 2) return std::nullopt;
    const auto target = target_of(line.substr(close + 2));
    if (target.empty()) return std::nullopt;
    return std::pair{lower(line.substr(1, close - 1)), target};
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}


enum class LineKind { blank, code, heading, item, quote, rule, definition, table, text };

bool is_item_start(std::string_view line) {
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') return true;
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    const auto rest = line.substr(digits);
    return digits > 0 && (rest.starts_with(". ") || rest.starts_with(") "));
}

LineKind kind_of(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) ++indent;
    const auto rest = line.substr(indent);
    if (rest.empty()) return LineKind::blank;
    if (is_rule(line)) return LineKind::rule;
    if (reference_definition(line)) return LineKind::definition;
    if (indent < 4 && rest.starts_with('#') && strip_block(rest).size() < rest.size()) return LineKind::heading;
    if (rest.starts_with('>')) return LineKind::quote;
    if (rest.starts_with('|')) return LineKind::table;
    if (is_item_start(rest)) return LineKind::item;
    return LineKind::text;
}

// A line that ends with a URL or a link is a "title URL" line: it stays a line of its own.
bool ends_with_link(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.ends_with('>') || (line.ends_with(')') && line.find("](") != std::string_view::npos)) return true;
    const auto urls = find_urls(line);
    return !urls.empty() && urls.back().end == line.size();
}

// Chinese paragraphs are rarely wrapped inside a sentence: a line ending one is a paragraph of its own.
bool ends_cjk_sentence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    for (const std::string_view close : {"”", "」", "』", "）"}) {
        if (line.ends_with(close)) line.remove_suffix(close.size());
    }
    return line.ends_with("。") || line.ends_with("！") || line.ends_with("？") || line.ends_with("…");
}

// Return true when `line` continues the paragraph of `above` (a soft line break in Markdown).
bool continues(LineKind above_kind, std::string_view above, LineKind kind, std::string_view line) {
    const bool paragraph_above =
        above_kind == LineKind::text || above_kind == LineKind::item || above_kind == LineKind::quote;
    const bool lazy = kind == LineKind::text || (kind == LineKind::quote && above_kind == LineKind::quote);
    if (!paragraph_above || !lazy) return false;
    if (above.ends_with("  ") || above.ends_with('\\')) return false;  // a hard line break
    if (above_kind == LineKind::quote && kind == LineKind::quote && strip_block(line).empty()) return false;
    if (ends_with_link(above) || ends_with_link(line) || ends_cjk_sentence(above)) return false;
    return !is_noise_line(strip_block(above)) && !is_noise_line(strip_block(line));
}

// Return the first code point of `text` (UTF-8), skipping Markdown markup, or 0.
char32_t first_code_point(std::string_view text) {
    while (!text.empty() && std::string_view(" \t>#*_~`[!").find(text.front()) != std::string_view::npos) {
        text.remove_prefix(1);
    }
    if (text.empty()) return 0;
    const auto lead = static_cast<unsigned char>(text[0]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? lead : lead & (0x3Fu >> (length - 1));
    for (std::size_t i = 1; i < length && i < text.size(); ++i) c = (c << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
    return c;
}

// Return the last code point of `text` (UTF-8), or 0.
char32_t last_code_point(std::string_view text) {
    std::size_t start = text.size();
    while (start > 0 && (static_cast<unsigned char>(text[start - 1]) & 0xC0) == 0x80) --start;
    if (start == 0) return 0;
    return first_code_point(text.substr(start - 1));
}

// Han, kana and CJK punctuation join without a space; Hangul and Latin take one.
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

// End the rendered line: a soft break joins with a space (none between CJK characters).
void append_break(std::string& body, bool soft, std::string_view next_line) {
    if (!soft) {
        body += '\n';
        return;
    }
    while (!body.empty() && (body.back() == ' ' || body.back() == '\t')) body.pop_back();
    const bool tight = is_cjk(last_code_point(body)) && is_cjk(first_code_point(strip_block(next_line)));
    if (!tight) body += ' ';
}

}  // namespace

Rendered render_markdown(std::string_view markdown) {
    const std::string text = normalize_newlines(markdown);
    const auto lines = split_lines(text);
    References references;
    for (const auto line : lines) {
        if (auto definition = reference_definition(line)) references.insert(std::move(*definition));
    }
    Rendered out;
    InlineRenderer renderer(out.body, out.links, references);
    bool in_code = false;
    LineKind previous = LineKind::blank;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const auto line = lines[n];
        const bool fence = line.starts_with("```") || line.starts_with("~~~");
        const LineKind kind = in_code || fence ? LineKind::code : kind_of(line);
        if (n > 0) append_break(out.body, continues(previous, lines[n - 1], kind, line), line);
        if (fence) {
            in_code = !in_code;
        } else if (in_code) {
            out.body += line;
        } else if (kind != LineKind::rule && kind != LineKind::definition) {
            renderer.render(strip_block(line));
        }
        previous = kind;
    }
    // Reference definitions are sources too, though their lines leave the text.
    for (const auto& [label, target] : references) {
        out.links.push_back({{out.body.size(), out.body.size()}, target});
    }
    return out;
}

}  // namespace claimtrack::article::detail

namespace claimtrack::article {

using detail::LineKind;

// The line-at-a-time twin of render_markdown's loop: the same steps, with the body cut at each hard
// line break. A soft break only ever changes the end of the current body line, so one line is held.
struct MarkdownLines::State {
    State(std::function<void(Line&&)> take, MarkdownDefinitions all)
        : each(std::move(take)), references(std::move(all)), renderer(body, links, references) {}

    void add_line(std::string_view line) {
        const bool fence = line.starts_with("```") || line.starts_with("~~~");
        const LineKind kind = in_code || fence ? LineKind::code : detail::kind_of(line);
        if (lines++ > 0) end_line(detail::continues(previous, previous_line, kind, line), line);
        if (fence) {
            in_code = !in_code;
        } else if (in_code) {
            body += line;
        } else if (kind != LineKind::rule && kind != LineKind::definition) {
            renderer.render(detail::strip_block(line), offset);
        }
        previous = kind;
        previous_line.assign(line);
    }

    void end_line(bool soft, std::string_view next_line) {
        if (!soft) {
            give(true);
            return;
        }
        detail::append_break(body, true, next_line);
        // White space dropped at a soft break that a label ended with: the whole read's label would
        // run on into the next line's text.
        for (const detail::Link& link : links) {
            if (link.label.end > offset + body.size()) exact = false;
        }
    }

    void give(bool ended) {
        if (!ended) {
            for (const auto& link : links) {
                if (link.label.start == offset + body.size()) after_text.push_back(link.target);
            }
        }
        Line out{body, offset, ended, {}};
        out.links.reserve(links.size());
        for (auto& link : links) {
            const std::size_t start = std::min(link.label.start - offset, body.size());
            std::string text = body.substr(start, std::min(link.label.end - offset, body.size()) - start);
            out.links.push_back({link.label, std::move(text), std::move(link.target)});
        }
        each(std::move(out));
        offset += body.size() + (ended ? 1 : 0);
        body.clear();
        links.clear();
    }

    std::function<void(Line&&)> each;
    MarkdownDefinitions references;
    std::string body;  // the body line being rendered
    std::vector<detail::Link> links;  // its links
    detail::InlineRenderer renderer;
    std::size_t offset = 0;  // where `body` starts in the whole body
    std::size_t lines = 0;
    std::string previous_line;
    LineKind previous = LineKind::blank;
    bool in_code = false;
    bool exact = true;
    bool finished = false;
    std::vector<std::string> after_text;  // targets of empty labels at the very end
};

MarkdownLines::MarkdownLines(std::function<void(Line&&)> each, MarkdownDefinitions definitions)
    : m_state(std::make_unique<State>(std::move(each), std::move(definitions))) {}

MarkdownLines::~MarkdownLines() = default;

void MarkdownLines::add_line(std::string_view line) { m_state->add_line(line); }

void MarkdownLines::finish() {
    if (m_state->finished) return;
    m_state->finished = true;
    m_state->give(false);
}

bool MarkdownLines::exact() const { return m_state->exact; }

std::optional<std::pair<std::string, std::string>> markdown_definition(std::string_view line) {
    return detail::reference_definition(line);
}

std::vector<std::string> MarkdownLines::targets_after_text() const {
    std::vector<std::string> out = m_state->after_text;
    for (const auto& [label, target] : m_state->references) out.push_back(target);
    return out;
}

}  // namespace claimtrack::article
