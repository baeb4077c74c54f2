#include "feed.hpp"
#include "internal.hpp"

#include <claimtrack/text.hpp>

#include <algorithm>
#include <initializer_list>
#include <sstream>

namespace claimtrack::html::detail {
namespace {

// Feed-level and item-level fields, after markup is reduced to text.
struct Entry {
    std::string title;
    std::string published;
    std::string author;
    std::vector<std::string> body;
};

struct Feed {
    std::string title;
    std::string link;
    std::string published;
    std::string author;
    std::string language;
    std::vector<Entry> entries;
};

// Element names carry the feed's own prefix ("atom:entry") when the root had one.
struct Names {
    std::string prefix;
    std::string operator()(std::string_view name) const { return prefix + std::string(name); }
};

// Return the first child of `node` named one of `names` (with the feed's prefix), or a null node.
pugi::xml_node first_child(pugi::xml_node node, const Names& ns, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        const std::string full = name.find(':') == std::string_view::npos ? ns(name) : std::string(name);
        if (pugi::xml_node found = node.child(full.c_str())) return found;
    }
    return {};
}

// Return the text of `node` with white space collapsed (CDATA and entities included).
std::string plain(pugi::xml_node node) {
    std::string out;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) out += child.value();
    }
    return text::collapse_space(out);
}

// Return `markup` (escaped HTML or an XHTML fragment) reduced to paragraphs of visible text.
std::vector<std::string> html_paragraphs(std::string_view markup) {
    if (markup.find_first_of("<&") == std::string_view::npos) {
        std::string one = text::collapse_space(markup);
        return one.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::move(one)};
    }
    return all_paragraphs(*parse_dom(prepare_markup(markup, k_max_markup).markup));
}

// Return the paragraphs of a content element: Atom's type="xhtml" holds elements, type="text"
// plain text, and everything else (RSS description, content:encoded, Atom html) escaped HTML.
std::vector<std::string> content_paragraphs(pugi::xml_node node) {
    const std::string type = lower_ascii(node.attribute("type").value());
    if (type == "xhtml") {
        std::ostringstream markup;
        for (pugi::xml_node child : node.children()) child.print(markup, "", pugi::format_raw);
        return html_paragraphs(markup.str());
    }
    if (type == "text") {
        std::string one = plain(node);
        return one.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::move(one)};
    }
    std::string escaped;
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) escaped += child.value();
    }
    return html_paragraphs(escaped);
}

// Return the text of a title, which Atom may give as HTML.
std::string title_of(pugi::xml_node node) {
    const std::string type = lower_ascii(node.attribute("type").value());
    if (type != "html" && type != "xhtml") return plain(node);
    std::string joined;
    for (const std::string& paragraph : content_paragraphs(node)) joined += (joined.empty() ? "" : " ") + paragraph;
    return joined;
}

// Return the author of an item or feed: Atom <author><name>, RSS <author> or <dc:creator>.
std::string author_of(pugi::xml_node node, const Names& ns) {
    const pugi::xml_node author = first_child(node, ns, {"author", "dc:creator", "managingEditor"});
    if (!author) return {};
    if (const pugi::xml_node name = first_child(author, ns, {"name"})) return plain(name);
    return plain(author);
}

// Return the date of an item or feed as ISO 8601; RSS's RFC 822 dates ("Fri, 19 Sep 2025 10:22:00
// +0000") keep their time as written.
std::string date_of(pugi::xml_node node, const Names& ns) {
    const std::string value = plain(first_child(node, ns, {"pubDate", "published", "dc:date", "updated", "lastBuildDate", "issued"}));
    std::string iso = normalize_date(value);
    if (iso.size() != 10) return iso;
    const auto digit = [&value](std::size_t i) { return i < value.size() && value[i] >= '0' && value[i] <= '9'; };
    for (std::size_t colon = value.find(':'); colon != std::string::npos; colon = value.find(':', colon + 1)) {
        if (colon >= 2 && digit(colon - 2) && digit(colon - 1) && digit(colon + 1) && digit(colon + 2) && value.compare(colon - 2, 2, "24") < 0) {
            return iso + "T" + value.substr(colon - 2, 5);
        }
    }
    return iso;
}

// Return the page link of an Atom feed or entry (rel="alternate" or no rel), or RSS <link>.
std::string link_of(pugi::xml_node node, const Names& ns) {
    const std::string name = ns("link");
    for (pugi::xml_node link : node.children(name.c_str())) {
        const std::string rel = link.attribute("rel").value();
        if (link.attribute("href") && (rel.empty() || rel == "alternate")) return link.attribute("href").value();
        if (!link.attribute("href")) return plain(link);
    }
    return {};
}

Entry entry_of(pugi::xml_node item, const Names& ns) {
    Entry entry;
    entry.title = title_of(first_child(item, ns, {"title"}));
    entry.published = date_of(item, ns);
    entry.author = author_of(item, ns);
    if (const pugi::xml_node content = first_child(item, ns, {"content:encoded", "content", "description", "summary"})) {
        entry.body = content_paragraphs(content);
    }
    return entry;
}

Feed read_feed(const pugi::xml_node root, const Names& ns) {
    // RSS 2.0 puts items in <channel>; RSS 1.0 beside it; Atom entries sit in <feed>.
    const pugi::xml_node channel = first_child(root, ns, {"channel"});
    const pugi::xml_node head = channel ? channel : root;
    Feed feed;
    feed.title = title_of(first_child(head, ns, {"title"}));
    feed.link = link_of(head, ns);
    feed.published = date_of(head, ns);
    feed.author = author_of(head, ns);
    feed.language = first_child(head, ns, {"language", "dc:language"}).text().get();
    if (feed.language.empty()) feed.language = root.attribute("xml:lang").value();
    const auto add_items = [&feed, &ns](pugi::xml_node parent) {
        for (pugi::xml_node item : parent.children()) {
            const std::string name = item.name();
            if (name == ns("item") || name == ns("entry")) feed.entries.push_back(entry_of(item, ns));
        }
    };
    add_items(head);
    if (feed.entries.empty() && head != root) add_items(root);
    return feed;
}

// Return the host of `url` ("https://news.example.com/feed" -> "news.example.com").
std::string host_of(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme == std::string_view::npos) return {};
    url.remove_prefix(scheme + 3);
    return lower_ascii(url.substr(0, url.find_first_of("/?#:")));
}

// Return the charset named in the XML declaration (<?xml ... encoding="GB2312"?>), or empty.
std::string declared_encoding(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, std::min<std::size_t>(bytes.find("?>"), 512));
    const auto at = head.find("encoding=");
    if (!head.starts_with("<?xml") && !head.starts_with("\xEF\xBB\xBF<?xml")) return {};
    if (at == std::string_view::npos || at + 10 >= head.size()) return {};
    const char quote = head[at + 9];
    const auto end = head.find(quote, at + 10);
    return end == std::string_view::npos ? std::string() : std::string(head.substr(at + 10, end - at - 10));
}

void add_entry(Document& doc, const Entry& entry) {
    add_paragraph(doc, entry.title);
    std::string byline;
    if (!entry.published.empty()) byline = "Published " + entry.published;
    if (!entry.author.empty()) byline += (byline.empty() ? "By " : " by ") + entry.author;
    add_paragraph(doc, byline);
    for (const std::string& paragraph : entry.body) add_paragraph(doc, paragraph);
}

}  // namespace

Document extract_feed(std::string_view bytes, std::string_view content_type) {
    std::string type(content_type);
    if (type.find("charset") == std::string::npos) {
        if (std::string declared = declared_encoding(bytes); !declared.empty()) type = "application/xml; charset=" + declared;
    }
    const Decoded decoded = decode(bytes, type, Markup::plain);
    pugi::xml_document xml;
    // A feed broken part-way still gives the items before the break.
    xml.load_buffer(decoded.text.data(), decoded.text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);

    Document doc;
    doc.is_text = true;
    doc.charset = decoded.charset;
    const pugi::xml_node root = xml.document_element();
    const std::string root_name = root.name();
    const auto colon = root_name.find(':');
    const Names ns{colon == std::string::npos || root_name.starts_with("rdf:") ? "" : root_name.substr(0, colon + 1)};
    Feed feed = read_feed(root, ns);
    for (const Entry& entry : feed.entries) add_entry(doc, entry);
    if (feed.published.empty()) {
        // No feed date: the newest item's date stands for it.
        for (const Entry& entry : feed.entries) feed.published = std::max(feed.published, entry.published);
    }
    doc.title = std::move(feed.title);
    doc.site = host_of(feed.link);
    if (doc.site.empty()) doc.site = doc.title;
    doc.published = std::move(feed.published);
    doc.author = std::move(feed.author);
    std::string language = lower_ascii(feed.language.substr(0, feed.language.find_first_of("-_")));
    doc.language = language.empty() ? text::detect_language(doc.text) : std::move(language);
    return doc;
}

}  // namespace claimtrack::html::detail
