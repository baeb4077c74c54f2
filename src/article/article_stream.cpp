#include <claimtrack/article.hpp>

#include "article/internal.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/text.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace claimtrack::article {
namespace {

// A run of short lines this long cannot be the chrome after a source list (five at most), so its
// first line is settled.
constexpr std::size_t k_short_run = 6;
constexpr std::size_t k_max_held_bytes = 1 << 20;
constexpr std::size_t k_max_title_bytes = 300;

// Strings whose paragraphs have been given, kept for the next lines' text: every line of an article
// is copied into a Finished, and the takers read the text without keeping it, so a line's copy
// reuses a given one's capacity instead of allocating. A few suffice (most lines are given as
// soon as they are read); a long line's buffer is not kept.
constexpr std::size_t k_spare_strings = 8;
constexpr std::size_t k_max_spare_capacity = 1 << 14;

std::vector<std::string>& spare_strings() {
    thread_local std::vector<std::string> spares;
    return spares;
}

// Return `text` in a string, reusing a spare one when there is.
std::string copy_text(std::string_view text) {
    std::vector<std::string>& spares = spare_strings();
    if (spares.empty()) return std::string(text);
    std::string out = std::move(spares.back());
    spares.pop_back();
    out.assign(text);
    return out;
}

// Keep `used`'s capacity for copy_text, when it has a buffer worth keeping.
void keep_spare(std::string&& used) {
    std::vector<std::string>& spares = spare_strings();
    if (spares.size() >= k_spare_strings || used.capacity() <= std::string().capacity() || used.capacity() > k_max_spare_capacity) return;
    spares.push_back(std::move(used));
}

// Return `links`, on a line that starts at byte `start` of the body, as Links of another text in
// which that line starts at byte `at` (their targets left out: only their labels are looked at).
std::vector<detail::Link> local_links(const std::vector<BodyLink>& links, std::size_t start, std::size_t at) {
    std::vector<detail::Link> out;
    out.reserve(links.size());
    for (const BodyLink& link : links) out.push_back({{link.label.start - start + at, link.label.end - start + at}, {}});
    return out;
}

// True when `text` (a paragraph, not noise, starting at `start` of the body) is a Markdown source
// line, led by one of `links`: mark_source_list on the line alone marks it exactly then.
bool led_by_link(const std::string& text, std::size_t start, const std::vector<BodyLink>& links) {
    if (links.empty()) return false;
    std::vector<Paragraph> alone{{{0, text.size()}, ParagraphKind::text}};
    detail::mark_source_list(text, alone, local_links(links, start, 0));
    return alone.front().kind == ParagraphKind::source_list;
}

}  // namespace

ParagraphStream::ParagraphStream(std::function<void(Finished&&)> take) : m_take(std::move(take)) {}

void ParagraphStream::add_line(std::string_view line, std::size_t offset, std::vector<BodyLink> links) {
    ++m_lines;
    const Span trimmed = detail::trim_span(line);
    if (trimmed.end <= trimmed.start) return;
    if (m_first_line == 0) m_first_line = m_lines;
    Held held;
    held.finished.index = m_next++;
    held.finished.text = copy_text(line.substr(trimmed.start, trimmed.end - trimmed.start));
    const std::string_view text = held.finished.text;
    const Span whole{0, text.size()};
    const detail::LineKinds kinds = detail::classify_line(text);
    held.heading = kinds.heading;
    held.finished.paragraph = {{offset + trimmed.start, offset + trimmed.end}, kinds.noise ? ParagraphKind::noise : ParagraphKind::text};
    // parse cites, and takes as leading a line, the links whose label starts in the paragraph.
    const Span span = held.finished.paragraph.span;
    if (!links.empty()) {
        std::erase_if(links, [&](const BodyLink& link) { return link.label.start < span.start || link.label.start >= span.end; });
        std::stable_sort(links.begin(), links.end(), [](const BodyLink& a, const BodyLink& b) { return a.label.start < b.label.start; });
        held.finished.links = std::move(links);
    }
    if (held.finished.paragraph.kind != ParagraphKind::noise) {
        held.source = detail::title_url_line(text, whole).has_value() || led_by_link(held.finished.text, span.start, held.finished.links);
        held.short_line = !held.source && detail::is_short_tail_line(text, whole);
    }
    const bool noise = held.finished.paragraph.kind == ParagraphKind::noise;
    const bool hard = !noise && !held.source && !held.short_line;
    m_held_bytes += text.size();
    m_held.push_back(std::move(held));
    if (hard) {
        // Nothing before a line that is neither source nor short can be in the list; the line itself
        // only as the list's heading.
        cut(m_held.back().heading ? m_held.size() - 1 : m_held.size());
    } else if (m_held.back().source && m_trailing_shorts > 0) {
        // Short lines before a source line are text, the last of them perhaps the list's heading.
        std::size_t last_short = m_held.size() - 1;
        while (!m_held[last_short].short_line) --last_short;
        cut(m_held[last_short].heading ? last_short : last_short + 1);
    } else if (m_held.back().short_line && m_trailing_shorts + 1 >= k_short_run) {
        // Of the trailing short lines, all but the last five are settled.
        std::size_t seen = 0;
        std::size_t settled = m_held.size();
        while (seen < k_short_run) {
            --settled;
            if (m_held[settled].short_line) ++seen;
        }
        cut(m_held[settled].heading ? settled : settled + 1);
    }
    recount_shorts();
    while (m_held_bytes > k_max_held_bytes && !m_held.empty()) flush_front(1);
}

void ParagraphStream::recount_shorts() {
    m_trailing_shorts = 0;
    for (auto it = m_held.rbegin(); it != m_held.rend() && !it->source; ++it) {
        if (it->short_line) ++m_trailing_shorts;
    }
}

// Give the held lines before `keep_from` with the kinds they have: they are settled.
void ParagraphStream::cut(std::size_t keep_from) { flush_front(std::min(keep_from, m_held.size())); }

void ParagraphStream::flush_front(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        m_held_bytes -= m_held.front().finished.text.size();
        Finished finished = std::move(m_held.front().finished);
        m_held.pop_front();
        deliver(std::move(finished));
    }
}

void ParagraphStream::finish() {
    // What is held is the end of the article: mark its source list as `parse` does, on the held lines alone.
    std::string body;
    std::vector<Paragraph> paragraphs;
    std::vector<detail::Link> links;
    for (const Held& held : m_held) {
        const std::size_t start = body.size();
        body += held.finished.text;
        paragraphs.push_back({{start, body.size()}, held.finished.paragraph.kind});
        const auto local = local_links(held.finished.links, held.finished.paragraph.span.start, start);
        links.insert(links.end(), local.begin(), local.end());
        body += '\n';
    }
    detail::mark_source_list(body, paragraphs, links);
    for (std::size_t i = 0; i < paragraphs.size(); ++i) m_held[i].finished.paragraph.kind = paragraphs[i].kind;
    m_held_bytes = 0;
    while (!m_held.empty()) {
        Finished finished = std::move(m_held.front().finished);
        m_held.pop_front();
        deliver(std::move(finished));
    }
    if (m_first_text) {
        m_prose = true;
        m_take(std::move(*m_first_text));  // the only text paragraph: text, not a title
        m_first_text.reset();
    }
}

void ParagraphStream::deliver(Finished&& finished) {
    const ParagraphKind kind = finished.paragraph.kind;
    if (kind == ParagraphKind::source_list) m_sources = true;
    if (kind == ParagraphKind::text) {
        if (!m_title_known && !m_first_text) {
            m_first_text = std::move(finished);
            return;
        }
        m_prose = true;
        if (m_first_text) {
            Finished first = std::move(*m_first_text);
            m_first_text.reset();
            const Span span = first.paragraph.span;
            if (span.end - span.start <= k_max_title_bytes) first.paragraph.kind = ParagraphKind::title;
            m_title_known = true;
            m_take(std::move(first));
            keep_spare(std::move(first.text));
        }
    }
    m_take(std::move(finished));
    keep_spare(std::move(finished.text));
}

void ParagraphStream::require_text(std::string_view origin) const {
    if (!m_prose) detail::throw_no_text(origin, m_first_line, m_sources);
}

// The cited sources as mentions come, one entry a URL, so that a long article citing the same
// sources again and again is held once: what detail::cited_sources keeps of its mentions (the first
// mention of a URL places it; its title is the first non-empty label), by order of (at, arrival).
struct TextScanner::Mentions {
    struct Order {
        std::size_t at = 0;
        std::size_t arrival = 0;
        bool operator<(const Order& other) const { return at != other.at ? at < other.at : arrival < other.arrival; }
    };
    struct Source {
        Order first;
        Order titled;
        std::string title;
    };

    void add(detail::SourceMention mention) {
        const Order order{mention.at, m_arrivals++};
        const auto [found, added] = m_sources.try_emplace(std::move(mention.url));
        Source& source = found->second;
        if (added || order < source.first) source.first = order;
        if (!mention.label.empty() && (source.title.empty() || order < source.titled)) {
            source.titled = order;
            source.title = std::move(mention.label);
        }
    }

    std::vector<CitedSource> cited() {
        std::vector<std::pair<Order, detail::SourceMention>> ordered;
        ordered.reserve(m_sources.size());
        for (auto& [url, source] : m_sources) ordered.push_back({source.first, {source.first.at, url, std::move(source.title)}});
        std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<detail::SourceMention> mentions;
        mentions.reserve(ordered.size());
        for (auto& [order, mention] : ordered) mentions.push_back(std::move(mention));
        return detail::cited_sources(std::move(mentions));
    }

private:
    std::unordered_map<std::string, Source> m_sources;
    std::size_t m_arrivals = 0;
};

TextScanner::TextScanner(ParseOptions options, std::function<void(const ParagraphStream::Finished&)> each)
    : m_options(std::move(options)),
      m_each(std::move(each)),
      m_mentions(std::make_shared<Mentions>()),
      m_stream([this](ParagraphStream::Finished&& finished) { take(std::move(finished)); }) {}

void TextScanner::take(ParagraphStream::Finished&& finished) {
    const Paragraph& paragraph = finished.paragraph;
    if (paragraph.kind == ParagraphKind::title) m_title = text::collapse_space(finished.text);
    if (paragraph.kind == ParagraphKind::title || paragraph.kind == ParagraphKind::text) {
        detail::add_to_prose_sample(m_prose, finished.text);
    }
    if (paragraph.kind != ParagraphKind::noise) {
        // As detail::mentions_in gives them: the links first, then the line's URLs.
        for (const BodyLink& link : finished.links) {
            if (auto url = normalize_url(link.target)) m_mentions->add({link.label.start, std::move(*url), text::collapse_space(link.text)});
        }
        const Paragraph local{{0, finished.text.size()}, paragraph.kind};
        for (auto& mention : detail::mentions_in(finished.text, local, {})) {
            mention.at += paragraph.span.start;
            m_mentions->add(std::move(mention));
        }
    }
    if (m_each) m_each(finished);
}

void TextScanner::cite_after_text(std::string_view target) {
    // After every mention in the text, as parse places them at the end of the body.
    if (auto url = normalize_url(target)) m_mentions->add({static_cast<std::size_t>(-1), std::move(*url), ""});
}

Article TextScanner::finish() {
    m_stream.finish();
    m_stream.require_text(m_options.origin);
    Article article;
    article.title = !m_options.title.empty() ? m_options.title : m_title;
    article.sources = m_mentions->cited();
    article.language = text::detect_language(m_prose);
    article.date = m_options.date;
    article.origin = m_options.origin;
    article.format = "text";
    return article;
}

}  // namespace claimtrack::article
