#include "internal.hpp"

#include <claimtrack/text.hpp>

#include <algorithm>

namespace claimtrack::html {
namespace {

constexpr std::size_t k_date_window = 12;  // paragraphs after the title searched for a date

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

// Join `paragraphs` with blank lines into `doc.text`, recording each one's span.
void assemble(Document& doc, const std::vector<std::string>& paragraphs) {
    for (const std::string& paragraph : paragraphs) {
        if (!doc.text.empty()) doc.text += "\n\n";
        doc.paragraphs.push_back({doc.text.size(), doc.text.size() + paragraph.size()});
        doc.text += paragraph;
    }
}

// Return the date written in the page near its title, else anywhere in the first paragraphs.
std::string date_in_page(const std::vector<std::string>& page, std::string_view title) {
    std::size_t from = 0;
    if (!title.empty()) {
        const auto at = std::find_if(page.begin(), page.end(), [title](const std::string& p) {
            return p.find(title) != std::string::npos;
        });
        if (at != page.end()) from = static_cast<std::size_t>(at - page.begin());
    }
    for (std::size_t i = from; i < page.size() && i < from + k_date_window; ++i) {
        if (std::string date = detail::find_date(page[i]); !date.empty()) return date;
    }
    for (std::size_t i = 0; i < from && i < 200; ++i) {
        if (std::string date = detail::find_date(page[i]); !date.empty()) return date;
    }
    return {};
}

std::string author_in_page(const std::vector<std::string>& page) {
    for (std::size_t i = 0; i < page.size() && i < 200; ++i) {
        for (std::string_view label : {"作者：", "作者:", "文／", "文/"}) {
            const auto at = page[i].find(label);
            if (at == std::string::npos) continue;
            std::string rest = page[i].substr(at + label.size());
            rest = text::collapse_space(rest);
            const auto end = rest.find_first_of(" \t|,;");
            rest = rest.substr(0, end);
            if (!rest.empty() && rest.size() <= 60) return rest;
        }
    }
    return {};
}

Document extract_html(std::string_view utf8, std::string charset) {
    Document doc;
    doc.is_text = true;
    doc.charset = std::move(charset);
    const auto dom = detail::parse_dom(utf8);
    detail::Metadata meta = detail::read_metadata(*dom);
    if (meta.published.empty() || meta.author.empty()) {
        const std::vector<std::string> page = detail::all_paragraphs(*dom);
        if (meta.published.empty()) meta.published = date_in_page(page, meta.title);
        if (meta.author.empty()) meta.author = author_in_page(page);
    }
    std::vector<std::string> paragraphs = detail::main_paragraphs(*dom);
    if (!paragraphs.empty() && !meta.title.empty() && paragraphs.front() == meta.title) {
        paragraphs.erase(paragraphs.begin());
    }
    assemble(doc, paragraphs);
    doc.title = std::move(meta.title);
    doc.published = std::move(meta.published);
    doc.author = std::move(meta.author);
    doc.site = std::move(meta.site);
    doc.language = meta.language.empty() ? text::detect_language(doc.text) : meta.language;
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
    doc.language = text::detect_language(doc.text);
    return doc;
}

}  // namespace

Document extract(std::string_view bytes, std::string_view content_type, std::string_view url) {
    switch (classify(bytes, content_type, url)) {
    case Kind::html: {
        Decoded decoded = decode(bytes, content_type, Markup::html);
        return extract_html(decoded.text, std::move(decoded.charset));
    }
    case Kind::plain: return extract_plain(bytes, content_type);
    case Kind::other: break;
    }
    return {};
}

Document extract_article(std::string_view utf8_html) { return extract_html(utf8_html, "UTF-8"); }

}  // namespace claimtrack::html
