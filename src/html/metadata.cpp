#include "internal.hpp"
#include "json_ld.hpp"

#include <claimtrack/text.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

using MetaMap = std::map<std::string, std::string, std::less<>>;

// Return the content of every <meta> keyed by its lowercased property, name, itemprop or http-equiv.
MetaMap meta_values(const Dom& dom) {
    MetaMap metas;
    walk(
        dom.doc.child("html"),
        [&metas](pugi::xml_node node) {
            if (node.type() != pugi::node_element) return false;
            if (std::strcmp(node.name(), "meta") == 0) {
                const std::string content = text::collapse_space(node.attribute("content").value());
                for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
                    const std::string name = lower_ascii(node.attribute(key).value());
                    if (!name.empty() && !content.empty()) metas.try_emplace(name, content);
                }
            }
            return true;
        },
        [](pugi::xml_node) {});
    return metas;
}

std::string first_meta(const MetaMap& metas, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys) {
        if (const auto found = metas.find(key); found != metas.end()) return found->second;
    }
    return {};
}

std::string first_json_ld(const Dom& dom, std::string_view key) {
    for (const std::string& json : dom.json_ld) {
        if (std::string value = text::collapse_space(json_value(json, key)); !value.empty()) return value;
    }
    return {};
}

// Return the first element named `tag` (and matching `accept`) in document order.
template <class Accept>
pugi::xml_node first_element(const Dom& dom, std::string_view tag, Accept accept) {
    pugi::xml_node found;
    walk(
        dom.doc.child("html"),
        [&](pugi::xml_node node) {
            if (found || node.type() != pugi::node_element) return false;
            if ((tag.empty() || tag == node.name()) && accept(node)) found = node;
            return !found;
        },
        [](pugi::xml_node) {});
    return found;
}

// Drop " - Site", " | Site", "_财新网" style parts: keep the longest segment.
std::string strip_site(std::string_view title) {
    static constexpr std::array k_separators = {" - "sv, " | "sv, " – "sv, " — "sv, "_"sv, " :: "sv, " · "sv, "｜"sv};
    std::string_view best = title;
    for (std::string_view sep : k_separators) {
        if (title.find(sep) == std::string_view::npos) continue;
        std::string_view longest;
        for (std::size_t start = 0;;) {
            const std::size_t end = title.find(sep, start);
            const std::string_view part = title.substr(start, end == std::string_view::npos ? title.size() - start : end - start);
            if (part.size() > longest.size()) longest = part;
            if (end == std::string_view::npos) break;
            start = end + sep.size();
        }
        if (longest.size() < best.size()) best = longest;
    }
    return text::collapse_space(best);
}

std::string read_title(const Dom& dom, const MetaMap& metas) {
    if (std::string t = first_meta(metas, {"og:title", "twitter:title"}); !t.empty()) return strip_site(t);
    if (std::string t = first_json_ld(dom, "headline"); !t.empty()) return t;
    const pugi::xml_node h1 = first_element(dom, "h1", [](pugi::xml_node n) { return !node_text(n).empty(); });
    if (h1) return node_text(h1);
    const pugi::xml_node title = first_element(dom, "title", [](pugi::xml_node) { return true; });
    return title ? strip_site(node_text(title)) : std::string();
}

std::string read_published(const Dom& dom, const MetaMap& metas) {
    if (std::string d = normalize_date(first_json_ld(dom, "datePublished")); !d.empty()) return d;
    if (std::string d = normalize_date(first_meta(metas, {"article:published_time", "og:published_time"})); !d.empty()) return d;
    const pugi::xml_node time = first_element(dom, "time", [](pugi::xml_node n) { return !normalize_date(n.attribute("datetime").value()).empty(); });
    if (time) return normalize_date(time.attribute("datetime").value());
    return normalize_date(first_meta(metas, {"pubdate", "publishdate", "publish-date", "date", "dc.date",
                                             "dc.date.issued", "parsely-pub-date", "sailthru.date",
                                             "article.published", "datepublished", "ptime", "publishtime"}));
}

std::string clean_author(std::string value) {
    value = text::collapse_space(value);
    for (std::string_view prefix : {"By "sv, "by "sv, "BY "sv, "作者："sv, "作者:"sv}) {
        if (value.starts_with(prefix)) value.erase(0, prefix.size());
    }
    if (value.starts_with("http://") || value.starts_with("https://") || value.size() > 120) return {};
    // Markup debris (size="20") and keyword lists of site names are not a person.
    if (value.find_first_of("=\"<>") != std::string::npos || value.find("www.") != std::string::npos ||
        std::count(value.begin(), value.end(), ',') >= 2)
        return {};
    return value;
}

std::string read_author(const Dom& dom, const MetaMap& metas) {
    if (std::string a = clean_author(first_json_ld(dom, "author")); !a.empty()) return a;
    if (std::string a = clean_author(first_meta(metas, {"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"}));
        !a.empty())
        return a;
    const pugi::xml_node byline = first_element(dom, "a", [](pugi::xml_node n) {
        return std::string_view(n.attribute("rel").value()) == "author";
    });
    if (byline) return clean_author(node_text(byline));
    const pugi::xml_node marked = first_element(dom, "", [](pugi::xml_node n) {
        const std::string names = lower_ascii(std::string(n.attribute("class").value()) + " " + n.attribute("id").value());
        if (names.find("byline") == std::string::npos && names.find("author") == std::string::npos) return false;
        const std::size_t size = node_text(n).size();
        return size >= 2 && size <= 80;
    });
    return marked ? clean_author(node_text(marked)) : std::string();
}

std::string primary_language(std::string_view tag) {
    std::string lower = lower_ascii(text::collapse_space(tag));
    if (const auto dash = lower.find_first_of("-_"); dash != std::string::npos) lower.resize(dash);
    return lower.size() >= 2 && lower.size() <= 3 ? lower : std::string();
}

}  // namespace

Metadata read_metadata(const Dom& dom) {
    const MetaMap metas = meta_values(dom);
    Metadata meta;
    meta.title = read_title(dom, metas);
    meta.published = read_published(dom, metas);
    meta.author = read_author(dom, metas);
    meta.site = first_meta(metas, {"og:site_name", "application-name"});
    meta.language = primary_language(dom.doc.child("html").attribute("lang").value());
    if (meta.language.empty()) meta.language = primary_language(first_meta(metas, {"content-language", "language"}));
    return meta;
}

}  // namespace claimtrack::html::detail
