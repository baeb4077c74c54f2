#include "feed.hpp"
#include "internal.hpp"

#include <claimtrack/text.hpp>

#include <algorithm>
#include <array>

namespace claimtrack::html {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t k_date_window = 12;  // paragraphs after the title where a dateline is expected
constexpr std::size_t k_date_scan = 400;   // paragraphs searched for a date or a byline
constexpr std::size_t k_max_byline = 120;  // bytes of a line that can hold a byline
constexpr std::size_t k_max_author = 60;
constexpr std::size_t k_max_name = 12;     // bytes of one name in a byline (four CJK characters)

enum class Kind { html, plain, other };

std::string mime_type(std::string_view content_type) {
    std::string type = detail::lower_ascii(content_type.substr(0, content_type.find(';')));
    std::erase_if(type, [](char c) { return c == ' ' || c == '\t'; });
    return type;
}

bool has_binary_extension(std::string_view url) {
    const std::string path = detail::lower_ascii(url.substr(0, url.find_first_of("?#")));
    for (const char* ext : {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".zip", ".gz", ".mp3", ".mp4", ".doc", ".docx", ".xls", ".xlsx"}) {
        if (path.ends_with(ext)) return true;
    }
    return false;
}

Kind classify(std::string_view bytes, std::string_view content_type, std::string_view url) {
    const std::string type = mime_type(content_type);
    if (type == "text/html" || type == "application/xhtml+xml" || type == "application/xml" || type == "text/xml" ||
        type == "application/rss+xml" || type == "application/atom+xml")
        return Kind::html;
    if (type.starts_with("text/")) return Kind::plain;
    if (!type.empty() && type != "application/octet-stream") return Kind::other;
    // No useful type: sniff the bytes the way a browser would, cautiously.
    if (has_binary_extension(url) || bytes.empty() || text::looks_binary(bytes.substr(0, 4096))) return Kind::other;
    const std::string head = detail::lower_ascii(bytes.substr(0, 1024));
    if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
        head.find("<body") != std::string::npos || head.find("<p>") != std::string::npos)
        return Kind::html;
    return type.empty() ? Kind::plain : Kind::other;
}

// Return how much `paragraph` looks like the dateline of the article at `distance` paragraphs after
// its title (negative: before it), given the date found in it; higher is likelier.
int dateline_score(const std::string& paragraph, const std::string& date, long distance) {
    int score = 0;
    if (date.find('T') != std::string::npos) score += 2;
    if (detail::is_credit_line(paragraph)) score += 3;
    if (paragraph.size() > 300) score -= 3;
    if (distance >= 0 && distance <= static_cast<long>(k_date_window)) score += 3;
    else if (distance < 0 && distance >= -3) score += 1;
    return score;
}

// Return the date of the page's dateline: the dated paragraph that looks most like one, earliest first.
std::string date_in_page(const std::vector<std::string>& page, std::string_view title) {
    long title_at = -1000;
    if (!title.empty()) {
        const auto at = std::find_if(page.begin(), page.end(), [title](const std::string& p) {
            return p.find(title) != std::string::npos;
        });
        if (at != page.end()) title_at = static_cast<long>(at - page.begin());
    }
    std::string best;
    int top = -100;
    for (std::size_t i = 0; i < page.size() && i < k_date_scan; ++i) {
        std::string date = detail::find_date(page[i]);
        if (date.empty()) continue;
        const int score = dateline_score(page[i], date, title_at < 0 ? -1000 : static_cast<long>(i) - title_at);
        if (score > top) {
            top = score;
            best = std::move(date);
        }
    }
    return best;
}

// Return the names after a byline label in `line` ("本报记者 王建宏 张文攀（通讯员）" -> "王建宏 张文攀").
std::string names_after(std::string_view line) {
    static constexpr std::array k_stops = {"（"sv, "("sv, "|"sv, "，"sv, ","sv, "；"sv, "、"sv, "来源"sv,
                                           "编辑"sv, "摄影"sv, "通讯员"sv, "】"sv, "]"sv, "日期"sv, "时间"sv,
                                           "："sv, "？"sv, "。"sv};
    std::size_t end = line.size();
    for (std::string_view stop : k_stops) end = std::min(end, line.find(stop));
    std::string names = text::collapse_space(line.substr(0, end));
    while (names.starts_with("：") || names.starts_with(":")) names = text::collapse_space(names.substr(names[0] == ':' ? 1 : 3));
    // Keep the leading words short enough to be names ("彭冲 山东冠县报道" -> "彭冲").
    std::string kept;
    for (std::size_t start = 0; start < names.size();) {
        const std::size_t space = std::min(names.find(' ', start), names.size());
        const std::string_view word = std::string_view(names).substr(start, space - start);
        if (word.size() > k_max_name || word.find_first_of("0123456789") != std::string_view::npos) break;
        if (!kept.empty()) kept += ' ';
        kept += word;
        start = space + 1;
    }
    return kept.size() >= 2 && kept.size() <= k_max_author ? kept : std::string();
}

// Return the author named after a byline label ("作者：", "本报记者", "编辑：") in a short line of the page.
std::string author_in_page(const std::vector<std::string>& page) {
    static constexpr std::array k_labels = {"作者："sv, "作者:"sv, "文／"sv, "文/"sv, "本报记者"sv, "记者："sv,
                                            "记者"sv,   "责任编辑："sv, "编辑："sv, "编辑:"sv};
    for (std::string_view label : k_labels) {
        for (std::size_t i = 0; i < page.size() && i < k_date_scan; ++i) {
            if (page[i].size() > k_max_byline) continue;
            const auto at = page[i].find(label);
            if (at == std::string::npos) continue;
            if (std::string names = names_after(std::string_view(page[i]).substr(at + label.size())); !names.empty()) return names;
        }
    }
    return {};
}

// Return the start of `text`, enough to tell its language from, cut at a character boundary.
std::string_view language_sample(std::string_view text) {
    constexpr std::size_t k_sample = 16 * 1024;
    if (text.size() <= k_sample) return text;
    std::size_t cut = k_sample;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut);
}

// Return the document in `utf8`, markup already through `prepare_markup`.
Document extract_html(std::string_view utf8, std::string charset) {
    Document doc;
    doc.is_text = true;
    doc.charset = std::move(charset);
    const auto dom = detail::parse_dom(utf8);
    detail::Metadata meta = detail::read_metadata(*dom);
    {
        const std::vector<std::string> page = detail::all_paragraphs(*dom);
        if (meta.published.empty()) meta.published = date_in_page(page, meta.title);
        // A byline in the page names the writer; Chinese sites often put their own name in <meta author>.
        if (std::string byline = author_in_page(page); !byline.empty()) meta.author = std::move(byline);
        else if (std::string credit = detail::author_in_credits(page); !credit.empty()) meta.author = std::move(credit);
    }
    std::vector<std::string> paragraphs = detail::main_paragraphs(*dom);
    if (!paragraphs.empty() && !meta.title.empty() && paragraphs.front() == meta.title) {
        paragraphs.erase(paragraphs.begin());
    }
    std::erase_if(paragraphs, [](const std::string& p) { return detail::is_credit_line(p); });
    for (const std::string& paragraph : paragraphs) detail::add_paragraph(doc, paragraph);
    doc.title = std::move(meta.title);
    doc.published = std::move(meta.published);
    doc.author = std::move(meta.author);
    doc.site = std::move(meta.site);
    doc.language = meta.language.empty() ? text::detect_language(language_sample(doc.text)) : meta.language;
    return doc;
}

Document extract_plain(std::string_view bytes, std::string_view content_type) {
    Decoded decoded = decode(bytes, content_type, Markup::plain);
    Document doc;
    doc.is_text = true;
    doc.charset = decoded.charset;
    doc.text.reserve(decoded.text.size());
    for (std::size_t i = 0; i < decoded.text.size(); ++i) {
        const char c = decoded.text[i];
        if (c != '\r') {
            doc.text += c;
        } else if (i + 1 >= decoded.text.size() || decoded.text[i + 1] != '\n') {
            doc.text += '\n';
        }
    }
    for (std::size_t start = 0; start < doc.text.size();) {
        std::size_t end = doc.text.find("\n\n", start);
        if (end == std::string::npos) end = doc.text.size();
        std::size_t a = start;
        std::size_t b = end;
        while (a < b && (doc.text[a] == ' ' || doc.text[a] == '\n' || doc.text[a] == '\t')) ++a;
        while (b > a && (doc.text[b - 1] == ' ' || doc.text[b - 1] == '\n' || doc.text[b - 1] == '\t')) --b;
        if (a < b) doc.paragraphs.push_back({a, b});
        start = end + 2;
    }
    doc.language = text::detect_language(language_sample(doc.text));
    return doc;
}

// Return the HTML page in `bytes` extracted. Pruning the raw bytes before decoding keeps a huge page
// bounded in memory and spares the decoder (and charset detection) the scripts and styles.
Document extract_page(std::string_view bytes, std::string_view content_type, const Limits& limits) {
    if (detail::ascii_compatible(bytes, content_type)) {
        Decoded decoded;
        bool truncated = false;
        {
            detail::Prepared prepared = detail::prepare_markup(bytes, limits.max_markup);
            decoded = decode(prepared.markup, content_type, Markup::html);
            truncated = prepared.truncated;
        }
        Document doc = extract_html(decoded.text, std::move(decoded.charset));
        doc.truncated = truncated;
        return doc;
    }
    Decoded decoded = decode(bytes, content_type, Markup::html);
    detail::Prepared prepared = detail::prepare_markup(decoded.text, limits.max_markup);
    decoded.text = std::string();
    Document doc = extract_html(prepared.markup, std::move(decoded.charset));
    doc.truncated = prepared.truncated;
    return doc;
}

}  // namespace

void detail::add_paragraph(Document& doc, std::string_view paragraph) {
    if (paragraph.empty()) return;
    if (!doc.text.empty()) doc.text += "\n\n";
    doc.paragraphs.push_back({doc.text.size(), doc.text.size() + paragraph.size()});
    doc.text += paragraph;
}

Document extract(std::string_view bytes, std::string_view content_type, std::string_view url) {
    return extract(bytes, content_type, url, Limits{});
}

Document extract(std::string_view bytes, std::string_view content_type, std::string_view url, const Limits& limits) {
    if (detail::is_feed(bytes, content_type)) return detail::extract_feed(bytes, content_type);
    switch (classify(bytes, content_type, url)) {
    case Kind::html: return extract_page(bytes, content_type, limits);
    case Kind::plain: return extract_plain(bytes, content_type);
    case Kind::other: break;
    }
    return {};
}

Document extract_article(std::string_view utf8_html) {
    const detail::Prepared prepared = detail::prepare_markup(utf8_html, Limits{}.max_markup);
    Document doc = extract_html(prepared.markup, "UTF-8");
    doc.truncated = prepared.truncated;
    return doc;
}

}  // namespace claimtrack::html
