#include "feed.hpp"
#include "internal.hpp"

namespace claimtrack::html::detail {
namespace {

constexpr std::size_t k_sniff_window = 4096;  // bytes searched for the root element

// Return the name of the first element in `head`, skipping the XML declaration, processing
// instructions, comments and a doctype; empty when there is none in the window.
std::string_view root_element(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    for (;;) {
        const std::size_t open = head.find('<');
        if (open == std::string_view::npos) return {};
        head.remove_prefix(open);
        const char* close = head.starts_with("<?") ? "?>" : head.starts_with("<!--") ? "-->" : head.starts_with("<!") ? ">" : nullptr;
        if (close == nullptr) break;
        const std::size_t end = head.find(close);
        if (end == std::string_view::npos) return {};
        head.remove_prefix(end);
    }
    head.remove_prefix(1);
    std::size_t end = 0;
    while (end < head.size() && head[end] != ' ' && head[end] != '>' && head[end] != '/' && head[end] != '\n' &&
           head[end] != '\r' && head[end] != '\t')
        ++end;
    return head.substr(0, end);
}

}  // namespace

bool is_feed(std::string_view bytes, std::string_view content_type) {
    std::string type = lower_ascii(content_type.substr(0, content_type.find(';')));
    std::erase_if(type, [](char c) { return c == ' ' || c == '\t'; });
    const bool may_be_xml = type.empty() || type == "application/octet-stream" || type.starts_with("text/") ||
                            type.find("xml") != std::string::npos;
    if (!may_be_xml) return false;
    std::string name = lower_ascii(root_element(bytes.substr(0, k_sniff_window)));
    if (const auto colon = name.find(':'); colon != std::string::npos) name.erase(0, colon + 1);
    return name == "rss" || name == "feed" || name == "rdf";
}

}  // namespace claimtrack::html::detail
