#include "content.hpp"

#include <algorithm>
#include <cstring>

namespace claimtrack::html::detail {
namespace {

constexpr std::size_t k_prose_paragraph = 150;

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Add the visible size and the clause punctuation of `text` to `stats`.
void count_text(std::string_view text, Stats& stats) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_space(c)) continue;
        ++stats.len;
        if (c == ',' || (c == '.' && i + 1 < text.size() && is_space(static_cast<unsigned char>(text[i + 1])))) {
            ++stats.punct;
        } else if (c == 0xEF && text.substr(i).starts_with("\xEF\xBC\x8C")) {  // ，
            ++stats.punct;
        } else if (c == 0xE3 && (text.substr(i).starts_with("\xE3\x80\x82") ||  // 。
                                 text.substr(i).starts_with("\xE3\x80\x81"))) {  // 、
            ++stats.punct;
        } else if (c == 0xEF && (text.substr(i).starts_with("\xEF\xBC\x81") ||  // ！
                                 text.substr(i).starts_with("\xEF\xBC\x9F"))) {  // ？
            ++stats.punct;
        }
    }
}

}  // namespace

StatsMap compute_stats(pugi::xml_node root) {
    StatsMap map;
    walk(
        root,
        [&map](pugi::xml_node node) {
            if (node.type() == pugi::node_pcdata) {
                Stats counted;
                count_text(node.value(), counted);
                Stats& parent = map[node.parent().internal_object()];
                parent.len += counted.len;
                parent.punct += counted.punct;
                parent.inline_len += counted.len;
                parent.inline_punct += counted.punct;
                return false;
            }
            return node.type() == pugi::node_element;
        },
        [&map, root](pugi::xml_node node) {
            if (node.type() != pugi::node_element) return;
            Stats& own = map[node.internal_object()];
            if (std::strcmp(node.name(), "a") == 0) own.link_len = own.len;
            if (own.inline_len >= k_prose_paragraph && own.link_len * 4 < own.len && is_block(node.name())) ++own.prose;
            const pugi::xml_node parent = node.parent();
            if (!parent || node == root) return;
            Stats& up = map[parent.internal_object()];
            up.len += own.len;
            up.punct += own.punct;
            up.link_len += own.link_len;
            up.prose += own.prose;
            up.has_block = up.has_block || own.has_block;
            if (is_block(node.name())) {
                up.has_block = true;
            } else {
                up.inline_len += own.inline_len;
                up.inline_punct += own.inline_punct;
            }
        });
    return map;
}

const Stats& stats_of(const StatsMap& stats, pugi::xml_node node) {
    static const Stats k_empty;
    const auto found = stats.find(node.internal_object());
    return found == stats.end() ? k_empty : found->second;
}

double link_density(const Stats& stats) {
    return stats.len == 0 ? 0.0 : static_cast<double>(stats.link_len) / static_cast<double>(stats.len);
}

}  // namespace claimtrack::html::detail
