#include <claimtrack/article.hpp>
#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/text.hpp>

#include "article/internal.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <utility>

namespace claimtrack::article {
namespace {

using detail::Link;
using Mention = detail::SourceMention;

std::string_view slice(std::string_view text, Span span) { return text.substr(span.start, span.end - span.start); }

std::vector<Paragraph> split_paragraphs(std::string_view body) {
    std::vector<Paragraph> out;
    std::size_t start = 0;
    while (start < body.size()) {
        const auto end = std::min(body.find('\n', start), body.size());
        const Span trimmed = detail::trim_span(body.substr(start, end - start));
        if (trimmed.end > trimmed.start) out.push_back({{start + trimmed.start, start + trimmed.end}, ParagraphKind::text});
        start = end + 1;
    }
    return out;
}

// Return the offset just past a list bullet or number at the start of `line` ("- ", "1. ", "[2] ", "• ").
std::size_t bullet_length(std::string_view line) {
    for (const std::string_view bullet : {"- ", "* ", "+ ", "• ", "· "}) {
        if (line.starts_with(bullet)) return bullet.size();
    }
    std::size_t digits = line.starts_with('[') ? 1 : 0;
    const std::size_t first = digits;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits == first) return 0;
    const auto rest = line.substr(digits);
    if (first == 0 && rest.starts_with("、")) return digits + std::string_view("、").size();
    for (const std::string_view mark : {". ", ") ", "] "}) {
        if (rest.starts_with(mark) && (mark == "] ") == (first == 1)) return digits + 2;
    }
    return 0;
}

}  // namespace

// Return the cited source of a "title URL" line: the line ends with a URL; the title is the rest.
std::optional<Mention> detail::title_url_line(std::string_view body, Span span) {
    const auto line = slice(body, span);
    const auto urls = detail::find_urls(line);
    if (urls.empty() || detail::trim_span(line.substr(urls.back().end)).end != 0) return std::nullopt;
    auto label = line.substr(0, urls.back().start);
    label.remove_prefix(bullet_length(label));
    std::string title(label);
    const std::string_view separators = " \t:|-(<[";
    while (!title.empty() && separators.find(title.back()) != std::string_view::npos) title.pop_back();
    for (const std::string_view wide : {"：", "—", "（", "\u3000"}) {
        while (title.ends_with(wide)) title.erase(title.size() - wide.size());
    }
    return Mention{span.start + urls.back().start, urls.back().url, text::collapse_space(title)};
}

namespace {

// A Markdown source line starts with a link: "- [Title](url), Site".
bool starts_with_link(std::string_view body, Span span, const std::vector<Link>& links) {
    const auto line = slice(body, span);
    const std::size_t start = span.start + bullet_length(line);
    return std::any_of(links.begin(), links.end(), [&](const Link& link) {
        return link.label.start == start && link.label.end > link.label.start && link.label.end <= span.end;
    });
}

bool is_source_line(std::string_view body, Span span, const std::vector<Link>& links) {
    return detail::title_url_line(body, span).has_value() || starts_with_link(body, span, links);
}

}  // namespace

// A short line with no URL after the source list is site furniture we do not know by name.
bool detail::is_short_tail_line(std::string_view body, Span span) {
    constexpr std::size_t k_max_code_points = 24;
    const auto line = slice(body, span);
    // Counted only until there are too many: most lines are prose, and were counted to their end.
    std::size_t code_points = 0;
    for (const char c : line) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++code_points > k_max_code_points) return false;
    }
    return detail::find_urls(line).empty();
}

namespace {

// Return the index past the last paragraph that is not noise and not a short tail line, where a
// source list would end, and how many short tail lines follow it.
std::pair<std::size_t, std::size_t> source_list_end(std::string_view body, const std::vector<Paragraph>& paragraphs,
                                                    const std::vector<Link>& links) {
    constexpr std::size_t k_max_tail = 5;
    std::size_t end = paragraphs.size();
    std::size_t tail = 0;
    while (end > 0) {
        const Paragraph& paragraph = paragraphs[end - 1];
        if (paragraph.kind == ParagraphKind::noise) {
            --end;
        } else if (tail < k_max_tail && !is_source_line(body, paragraph.span, links) &&
                   detail::is_short_tail_line(body, paragraph.span)) {
            --end;
            ++tail;
        } else {
            break;
        }
    }
    return {end, tail};
}

}  // namespace

// Mark the trailing "title URL" lines (and a heading above them) as the source list. Unknown short
// lines after the list are taken as chrome when the list has at least two lines.
void detail::mark_source_list(std::string_view body, std::vector<Paragraph>& paragraphs, const std::vector<Link>& links) {
    const auto [end, tail] = source_list_end(body, paragraphs, links);
    std::size_t start = end;
    std::size_t sources = 0;
    while (start > 0) {
        Paragraph& paragraph = paragraphs[start - 1];
        if (paragraph.kind == ParagraphKind::noise) {
            --start;
        } else if (is_source_line(body, paragraph.span, links)) {
            ++sources;
            --start;
        } else {
            break;
        }
    }
    if (sources == 0 || (tail > 0 && sources < 2)) return;
    for (std::size_t i = start; i < end; ++i) {
        if (paragraphs[i].kind != ParagraphKind::noise) paragraphs[i].kind = ParagraphKind::source_list;
    }
    for (std::size_t i = end; i < paragraphs.size(); ++i) {
        if (paragraphs[i].kind != ParagraphKind::noise) paragraphs[i].kind = ParagraphKind::noise;
    }
    while (start > 0 && paragraphs[start - 1].kind == ParagraphKind::noise) --start;
    if (start > 0 && detail::is_sources_heading(slice(body, paragraphs[start - 1].span))) {
        paragraphs[start - 1].kind = ParagraphKind::source_list;
    }
}

namespace {

void mark_noise_and_sources(std::string_view body, std::vector<Paragraph>& paragraphs, const std::vector<Link>& links) {
    for (auto& paragraph : paragraphs) {
        if (detail::is_noise_line(slice(body, paragraph.span))) paragraph.kind = ParagraphKind::noise;
    }
    detail::mark_source_list(body, paragraphs, links);
}

void mark_title(std::vector<Paragraph>& paragraphs) {
    auto first = std::find_if(paragraphs.begin(), paragraphs.end(),
                              [](const Paragraph& p) { return p.kind == ParagraphKind::text; });
    if (first == paragraphs.end() || first->span.end - first->span.start > 300) return;
    const bool more = std::any_of(first + 1, paragraphs.end(), [](const Paragraph& p) { return p.kind == ParagraphKind::text; });
    if (more) first->kind = ParagraphKind::title;
}

}  // namespace

// `links` are ordered by where their label starts.
std::vector<Mention> detail::mentions_in(std::string_view body, const Paragraph& paragraph,
                                         const std::vector<const Link*>& links) {
    std::vector<Mention> out;
    auto link = std::lower_bound(links.begin(), links.end(), paragraph.span.start,
                                 [](const Link* l, std::size_t at) { return l->label.start < at; });
    for (; link != links.end() && (*link)->label.start < paragraph.span.end; ++link) {
        if (auto url = normalize_url((*link)->target)) {
            out.push_back({(*link)->label.start, std::move(*url), text::collapse_space(slice(body, (*link)->label))});
        }
    }
    if (paragraph.kind == ParagraphKind::source_list) {
        if (auto line = detail::title_url_line(body, paragraph.span)) out.push_back(std::move(*line));
    }
    for (auto& match : detail::find_urls(slice(body, paragraph.span))) {
        out.push_back({paragraph.span.start + match.start, std::move(match.url), ""});
    }
    return out;
}

std::vector<CitedSource> detail::cited_sources(std::vector<Mention> mentions) {
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) { return a.at < b.at; });
    std::vector<CitedSource> out;
    std::unordered_map<std::string, std::size_t> seen;  // url → index in `out`
    for (auto& mention : mentions) {
        const auto [same, added] = seen.try_emplace(mention.url, out.size());
        if (added) {
            out.push_back({std::move(mention.url), std::move(mention.label), static_cast<int>(out.size())});
        } else if (out[same->second].title.empty()) {
            out[same->second].title = std::move(mention.label);
        }
    }
    return out;
}

namespace {

std::vector<CitedSource> collect_sources(std::string_view body, const std::vector<Paragraph>& paragraphs,
                                         const std::vector<Link>& links) {
    std::vector<const Link*> ordered;
    for (const auto& link : links) ordered.push_back(&link);
    std::stable_sort(ordered.begin(), ordered.end(), [](const Link* a, const Link* b) { return a->label.start < b->label.start; });
    std::vector<Mention> mentions;
    for (const auto& paragraph : paragraphs) {
        if (paragraph.kind == ParagraphKind::noise) continue;
        auto found = detail::mentions_in(body, paragraph, ordered);
        mentions.insert(mentions.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }
    for (const auto& link : links) {
        if (link.label.start == body.size()) {  // Markdown reference definitions that no text used
            if (auto url = normalize_url(link.target)) mentions.push_back({body.size(), std::move(*url), ""});
        }
    }
    return detail::cited_sources(std::move(mentions));
}

// Return the title and text paragraphs joined, up to the language sample's size.
std::string prose_sample(std::string_view body, const std::vector<Paragraph>& paragraphs) {
    std::string out;
    for (const auto& paragraph : paragraphs) {
        if (paragraph.kind != ParagraphKind::text && paragraph.kind != ParagraphKind::title) continue;
        if (out.size() >= detail::k_language_sample) break;
        detail::add_to_prose_sample(out, slice(body, paragraph.span));
    }
    return out;
}

// Say why nothing is left: the lines were all noise, all a source list, or there were none.
[[noreturn]] void throw_no_text(std::string_view body, const std::vector<Paragraph>& paragraphs, const ParseOptions& options) {
    std::size_t line = 0;
    if (!paragraphs.empty()) {
        const auto before = body.substr(0, paragraphs.front().span.start);
        line = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    }
    const bool sources = std::any_of(paragraphs.begin(), paragraphs.end(),
                                     [](const Paragraph& p) { return p.kind == ParagraphKind::source_list; });
    detail::throw_no_text(options.origin, line, sources);
}

detail::Rendered render(std::string utf8, Format format) {
    if (format == Format::markdown) return detail::render_markdown(utf8);
    if (format == Format::html) return detail::render_html(utf8);
    // Moved, not copied, when there is no CR to drop: a large article is held once.
    if (utf8.find('\r') == std::string::npos) return {std::move(utf8), {}};
    return {detail::normalize_newlines(utf8), {}};
}

}  // namespace

void detail::add_to_prose_sample(std::string& sample, std::string_view text) {
    if (sample.size() >= k_language_sample) return;
    if (text.size() > k_language_sample - sample.size()) {
        std::size_t cut = k_language_sample - sample.size();
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);
    }
    sample += text;
    sample += '\n';
}

void detail::throw_no_text(std::string_view origin, std::size_t first_line, bool sources) {
    std::string place = "text";
    std::string reason = "no article text (the input is empty or only white space)";
    if (first_line > 0) {
        place = "line " + std::to_string(first_line);
        reason = sources ? "no article text, only a list of sources"
                         : "no article text, only lines that are not prose (image sizes, lone numbers, site menus)";
    }
    throw Error(ErrorKind::input, origin.empty() ? "-" : std::string(origin), place, reason);
}

std::optional<Format> format_from_name(std::string_view name) {
    std::string key(name);
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "text" || key == "txt" || key == "plain") return Format::text;
    if (key == "markdown" || key == "md") return Format::markdown;
    if (key == "html" || key == "htm") return Format::html;
    return std::nullopt;
}

Format format_from_path(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto slash = path.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return Format::text;
    const auto extension = path.substr(dot + 1);
    if (extension == "markdown") return Format::markdown;
    return format_from_name(extension).value_or(Format::text);
}

Article parse(std::string utf8, Format format, const ParseOptions& options) {
    if (const auto bad = text::first_invalid_utf8(utf8)) {
        throw Error(ErrorKind::input, options.origin.empty() ? "-" : options.origin, "byte " + std::to_string(*bad),
                    "invalid UTF-8");
    }
    auto rendered = render(std::move(utf8), format);
    Article article;
    article.body = std::move(rendered.body);
    article.paragraphs = split_paragraphs(article.body);
    mark_noise_and_sources(article.body, article.paragraphs, rendered.links);
    mark_title(article.paragraphs);
    const std::string prose = prose_sample(article.body, article.paragraphs);
    if (prose.empty()) throw_no_text(article.body, article.paragraphs, options);
    const auto title = std::find_if(article.paragraphs.begin(), article.paragraphs.end(),
                                    [](const Paragraph& p) { return p.kind == ParagraphKind::title; });
    article.title = !options.title.empty() ? options.title
                    : title != article.paragraphs.end() ? text::collapse_space(slice(article.body, title->span))
                                                        : std::string();
    article.sources = collect_sources(article.body, article.paragraphs, rendered.links);
    article.language = text::detect_language(prose);
    article.date = options.date;
    article.origin = options.origin;
    article.format = format == Format::markdown ? "markdown" : format == Format::html ? "html" : "text";
    article.sha256 = bytes::sha256_hex(article.body);
    return article;
}

}  // namespace claimtrack::article
