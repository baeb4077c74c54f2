#include "internal.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <map>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

// Elements that never nest in practice: void elements, and ones the parser closes implicitly.
bool depth_neutral(std::string_view name) {
    static constexpr std::array k_neutral = {
        "br"sv, "img"sv, "hr"sv, "input"sv, "meta"sv, "link"sv, "area"sv, "base"sv, "col"sv, "embed"sv,
        "param"sv, "source"sv, "track"sv, "wbr"sv, "p"sv, "li"sv, "dt"sv, "dd"sv, "tr"sv, "td"sv, "th"sv,
        "option"sv, "html"sv, "head"sv, "body"sv, "!doctype"sv,
    };
    for (std::string_view n : k_neutral) {
        if (name == n) return true;
    }
    return false;
}

bool raw_text(std::string_view name) {
    return name == "script" || name == "style" || name == "textarea" || name == "title" || name == "xmp" ||
           name == "iframe" || name == "noembed" || name == "noframes";
}

bool dropped_body(std::string_view name) {
    return name == "svg" || name == "noscript" || name == "select" || name == "template" || name == "iframe" || name == "nav" ||
           name == "aside" || name == "button" || name == "footer";
}

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

// Return the index just past the '>' that ends the tag starting at `at`, honouring quotes.
std::size_t tag_end(std::string_view html, std::size_t at) {
    char quote = 0;
    for (std::size_t i = at; i < html.size(); ++i) {
        const char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = html[i - 1] == '=' || html[i - 1] == ' ' ? c : quote;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

struct Tag {
    std::string name;  // lowercase
    std::size_t start = 0;
    bool closing = false;
    std::size_t end = 0;
};

// Read the tag at `at` (html[at] == '<'); empty name for comments and text that is not a tag.
Tag read_tag(std::string_view html, std::size_t at) {
    Tag tag;
    tag.start = at;
    std::size_t i = at + 1;
    if (html.substr(at).starts_with("<!--")) {
        const auto close = html.find("-->", at + 4);
        tag.end = close == std::string_view::npos ? html.size() : close + 3;
        return tag;
    }
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    const std::size_t start = i;
    while (i < html.size() && name_char(html[i])) ++i;
    if (i == start) {
        tag.end = at + 1;
        return tag;
    }
    tag.name = lower_ascii(html.substr(start, i - start));
    tag.end = tag_end(html, i);
    return tag;
}

// Return where "</name" starts at or after `from`, case-insensitively, or the end of `html`.
std::size_t find_close(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        if (lower_ascii(html.substr(at + 2, name.size())) == name) return at;
    }
    return html.size();
}

bool attribute_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/'; }

// Return true for the attributes of `tag` the extractor reads (`value` is the attribute with its
// value); the rest (href, src, srcset, data-*, on*) are about half of a page's bytes once scripts are
// gone, and only cost parsing time.
bool kept_attribute(std::string_view tag, std::string_view name, std::string_view value) {
    static constexpr std::array k_everywhere = {"class"sv, "id"sv, "hidden"sv, "aria-hidden"sv, "itemprop"sv};
    static constexpr std::array k_meta = {"content"sv, "property"sv, "name"sv, "http-equiv"sv, "charset"sv};
    const std::string lower = lower_ascii(name);
    const auto any = [&lower](const auto& names) {
        return std::find(names.begin(), names.end(), std::string_view(lower)) != names.end();
    };
    if (any(k_everywhere)) return true;
    // Only the styles that hide an element matter.
    if (lower == "style") return lower_ascii(value).find("none") != std::string::npos || lower_ascii(value).find("hidden") != std::string::npos;
    if (tag == "meta") return any(k_meta);
    if (tag == "html") return lower == "lang" || lower == "xml:lang";
    if (tag == "time") return lower == "datetime";
    if (tag == "a" || tag == "link") return lower == "rel" || lower == "type";
    return tag == "script" && lower == "type";
}

// Return the opening tag `tag` with only the kept attributes, or nothing when it has no others.
std::optional<std::string> slim_tag(std::string_view html, const Tag& tag) {
    const std::size_t name_end = tag.start + 1 + tag.name.size();
    if (tag.end <= name_end || html[tag.end - 1] != '>') return std::nullopt;
    const std::size_t limit = tag.end - 1;
    std::string kept;
    bool dropped = false;
    for (std::size_t i = name_end; i < limit;) {
        while (i < limit && attribute_space(html[i])) ++i;
        const std::size_t start = i;
        while (i < limit && !attribute_space(html[i]) && html[i] != '=') ++i;
        const std::string_view name = html.substr(start, i - start);
        std::size_t j = i;
        while (j < limit && (html[j] == ' ' || html[j] == '\t' || html[j] == '\n')) ++j;
        if (j < limit && html[j] == '=') {
            ++j;
            while (j < limit && (html[j] == ' ' || html[j] == '\t' || html[j] == '\n')) ++j;
            if (j < limit && (html[j] == '"' || html[j] == '\'')) {
                const std::size_t close = html.find(html[j], j + 1);
                j = close == std::string_view::npos || close >= limit ? limit : close + 1;
            } else {
                while (j < limit && html[j] != ' ' && html[j] != '\t' && html[j] != '\n') ++j;
            }
            i = j;
        }
        if (name.empty()) continue;
        if (kept_attribute(tag.name, name, html.substr(start, i - start))) {
            kept += ' ';
            kept.append(html.substr(start, i - start));
        } else {
            dropped = true;
        }
    }
    if (!dropped) return std::nullopt;
    return std::string("<").append(html.substr(tag.start + 1, tag.name.size())).append(kept).append(">");
}

}  // namespace

Prepared prepare_markup(std::string_view html, std::size_t max_bytes) {
    std::vector<std::string> open;
    std::map<std::string, std::size_t, std::less<>> dropped;
    Prepared result;
    std::string& out = result.markup;
    out.reserve(std::min(html.size(), max_bytes) + 1);
    std::size_t copied = 0;  // html[0, copied) is already in `out` (or dropped)
    // Copy html[copied, to) unless that passes `max_bytes`; then copy what fits, ending after a byte
    // below 0x40 (never inside a UTF-8, GBK, Big5 or Shift_JIS character).
    const auto keep_until = [&](std::size_t to) {
        if (out.size() + (to - copied) <= max_bytes) {
            out.append(html.substr(copied, to - copied));
            copied = to;
            return true;
        }
        std::string_view piece = html.substr(copied, max_bytes > out.size() ? max_bytes - out.size() : 0);
        std::size_t cut = piece.size();
        while (cut > 0 && static_cast<unsigned char>(piece[cut - 1]) >= 0x40) --cut;
        if (cut > 0 && piece[cut - 1] == '<') --cut;  // a tag cut short is dropped by the parser; a lone '<' would be text
        out.append(piece.substr(0, cut));
        result.truncated = true;
        return false;
    };
    const auto drop = [&](std::size_t from, std::size_t to) {
        if (!keep_until(from)) return false;
        copied = to;
        return true;
    };
    const auto slim = [&](const Tag& tag) {
        if (tag.closing) return true;
        if (std::optional<std::string> slimmer = slim_tag(html, tag)) {
            if (!drop(tag.start, tag.end)) return false;
            out += *slimmer;
        }
        return true;
    };
    for (std::size_t at = html.find('<'); at != std::string_view::npos; at = html.find('<', at)) {
        if (out.size() + (at - copied) > max_bytes) {
            keep_until(at);
            return result;
        }
        const Tag tag = read_tag(html, at);
        const std::size_t next = tag.end;
        bool going = true;
        if (tag.name.empty() && html.substr(at).starts_with("<!--")) {
            going = drop(at, next);  // comments only cost parsing time
        } else if (tag.name.empty()) {
        } else if (depth_neutral(tag.name)) {
            going = slim(tag);
        } else if (!tag.closing && dropped_body(tag.name)) {
            // Drawings, menus and embedded frames hold no text a reader wants; parsing them is costly.
            // A self-closed one ("<button ... />") or one never closed keeps what follows: dropping to
            // the end of the page would lose the article after it.
            const std::size_t close = html[next - 2] == '/' ? next : find_close(html, next, tag.name);
            if (close == html.size()) {
                going = slim(tag);
            } else {
                going = slim(tag) && drop(next, close);
                at = close;
                if (!going) return result;
                continue;
            }
        } else if (!tag.closing && raw_text(tag.name)) {
            const std::size_t close = find_close(html, next, tag.name);
            if (tag.name == "script" || tag.name == "style") {
                // Script and style bodies are most of a modern page's bytes; only JSON-LD is read.
                const std::string head = lower_ascii(html.substr(tag.start, next - tag.start));
                if (head.find("ld+json") == std::string::npos) going = drop(next, close);
            }
            at = close;
            if (!going) return result;
            continue;
        } else if (!tag.closing && open.size() >= k_max_markup_depth) {
            ++dropped[tag.name];
            going = drop(at, next);
        } else if (!tag.closing) {
            going = slim(tag);
            open.push_back(tag.name);
        } else if (const auto found = std::find(open.rbegin(), open.rend(), tag.name); found != open.rend()) {
            open.erase(std::prev(found.base()), open.end());
        } else if (auto it = dropped.find(tag.name); it != dropped.end() && it->second > 0) {
            --it->second;
            going = drop(at, next);
        }
        if (!going) return result;
        at = next;
    }
    keep_until(html.size());
    return result;
}

}  // namespace claimtrack::html::detail
