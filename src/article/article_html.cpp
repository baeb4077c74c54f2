#include "article/internal.hpp"

#include <claimtrack/text.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

// A small HTML reader for importing an article file: tags out, blocks as lines, anchors as links.
// Pages fetched as sources go through the html module's full extractor instead.
namespace claimtrack::article::detail {
namespace {

constexpr std::array<std::string_view, 24> k_block_tags{
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "header",
    "footer", "blockquote", "title", "ul", "ol", "table", "figure", "figcaption", "pre", "hr",
};
constexpr std::array<std::string_view, 5> k_skipped_tags{"script", "style", "head", "noscript", "template"};

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string tag_name(std::string_view tag) {
    std::size_t start = tag.starts_with('/') ? 1 : 0;
    std::size_t end = start;
    while (end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[end]))) ++end;
    return lower(tag.substr(start, end - start));
}

std::string attribute(std::string_view tag, std::string_view name) {
    const std::string folded = lower(tag);
    const auto at = folded.find(std::string(name) + "=");
    if (at == std::string::npos) return {};
    auto value = tag.substr(at + name.size() + 1);
    const char quote = value.empty() ? ' ' : value.front();
    if (quote == '"' || quote == '\'') return std::string(value.substr(1, value.find(quote, 1) - 1));
    return std::string(value.substr(0, value.find_first_of(" >")));
}

void append_code_point(std::string& out, unsigned long c) {
    text::append_utf8(out, c == 0 || c > 0x10FFFF ? char32_t{0xFFFD} : static_cast<char32_t>(c));
}

// Append the entity at `html[i]` ('&') and return where it ends.
std::size_t entity(std::string_view html, std::size_t i, std::string& out) {
    const auto end = html.find(';', i);
    if (end == std::string_view::npos || end - i > 10) {
        out += '&';
        return i + 1;
    }
    const auto name = html.substr(i + 1, end - i - 1);
    if (name.starts_with('#')) {
        const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
        append_code_point(out, std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
    } else if (name == "amp") {
        out += '&';
    } else if (name == "lt") {
        out += '<';
    } else if (name == "gt") {
        out += '>';
    } else if (name == "quot") {
        out += '"';
    } else if (name == "apos") {
        out += '\'';
    } else if (name == "nbsp") {
        out += ' ';
    } else {
        out += html.substr(i, end - i + 1);
    }
    return end + 1;
}

class HtmlReader {
public:
    explicit HtmlReader(std::string_view html) : m_html(html) {}

    Rendered read() {
        while (m_at < m_html.size()) {
            const char c = m_html[m_at];
            if (c == '&') {
                m_at = entity(m_html, m_at, m_out.body);
            } else if (c != '<') {
                m_out.body += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
                ++m_at;
            } else if (m_html.substr(m_at, 4) == "<!--") {
                const auto end = m_html.find("-->", m_at);
                m_at = end == std::string_view::npos ? m_html.size() : end + 3;
            } else {
                const auto close = m_html.find('>', m_at);
                if (close == std::string_view::npos) break;
                const auto tag = m_html.substr(m_at + 1, close - m_at - 1);
                m_at = close + 1;
                on_tag(tag);
            }
        }
        return std::move(m_out);
    }

private:
    void on_tag(std::string_view tag) {
        const std::string name = tag_name(tag);
        const bool closing = tag.starts_with('/');
        if (!closing && std::find(k_skipped_tags.begin(), k_skipped_tags.end(), name) != k_skipped_tags.end()) {
            const auto end = lower(m_html.substr(m_at)).find("</" + name);
            m_at = end == std::string::npos ? m_html.size() : m_at + end;
        } else if (name == "a" && !closing) {
            m_link = std::pair{m_out.body.size(), attribute(tag, "href")};
        } else if (name == "a" && m_link) {
            m_out.links.push_back({{m_link->first, m_out.body.size()}, m_link->second});
            m_link.reset();
        } else if (std::find(k_block_tags.begin(), k_block_tags.end(), name) != k_block_tags.end()) {
            m_out.body += '\n';
        }
    }

    std::string_view m_html;
    std::size_t m_at = 0;
    Rendered m_out;
    std::optional<std::pair<std::size_t, std::string>> m_link;
};

}  // namespace

Rendered render_html(std::string_view html) { return HtmlReader(html).read(); }

}  // namespace claimtrack::article::detail
