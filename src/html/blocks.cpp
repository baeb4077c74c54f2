#include "content.hpp"

#include <claimtrack/text.hpp>

#include <array>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

constexpr double k_link_list_density = 0.5;
constexpr std::size_t k_link_list_max = 600;

// Paragraphs that are a widget's label, not prose.
bool is_label(std::string_view paragraph) {
    static constexpr std::array k_labels = {
        "advertisement"sv, "advertisment"sv, "share"sv,  "share this"sv, "comments"sv, "related"sv,
        "read more"sv,     "广告"sv,         "分享"sv,   "share this article"sv,   "sponsored"sv,
    };
    if (paragraph.size() > 24) return false;
    const std::string lower = lower_ascii(paragraph);
    for (std::string_view label : k_labels) {
        if (lower == label) return true;
    }
    return false;
}

bool is_list_like(std::string_view tag) {
    return tag == "ul" || tag == "ol" || tag == "li" || tag == "div" || tag == "section" || tag == "table" ||
           tag == "p" || tag == "dl" || tag == "tr" || tag == "td" || tag == "tbody";
}

// Return true if no cell of `row` holds blocks: a row of data, not a layout table.
bool is_data_row(pugi::xml_node row, const StatsMap& stats) {
    for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
        if (cell.type() == pugi::node_element && stats_of(stats, cell).has_block) return false;
    }
    return true;
}

class Emitter {
public:
    explicit Emitter(const StatsMap& stats) : m_stats(stats) {}

    bool enter(pugi::xml_node node) {
        if (node.type() == pugi::node_pcdata) {
            m_buffer += node.value();
            return false;
        }
        if (node.type() != pugi::node_element) return false;
        const std::string_view tag = node.name();
        if (tag == "br" || tag == "hr") {
            flush();
            return false;
        }
        if (is_chrome(tag) || is_hidden(node)) return false;
        const Stats& s = stats_of(m_stats, node);
        if (is_list_like(tag) && s.len < k_link_list_max && link_density(s) > k_link_list_density) return false;
        if (tag == "tr" && is_data_row(node, m_stats)) {
            emit_row(node);
            return false;
        }
        if (is_block(tag)) flush();
        return true;
    }

    void leave(pugi::xml_node node) {
        if (node.type() == pugi::node_element && is_block(node.name())) flush();
    }

    std::vector<std::string> finish() {
        flush();
        return std::move(m_out);
    }

private:
    void flush() {
        std::string paragraph = text::collapse_space(m_buffer);
        m_buffer.clear();
        if (!paragraph.empty() && !is_label(paragraph)) m_out.push_back(std::move(paragraph));
    }

    // Emit one table row as its cells joined by " | ".
    void emit_row(pugi::xml_node row) {
        flush();
        std::string line;
        for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
            if (cell.type() != pugi::node_element) continue;
            const std::string value = node_text(cell);
            if (value.empty()) continue;
            if (!line.empty()) line += " | ";
            line += value;
        }
        m_buffer = line;
        flush();
    }

    const StatsMap& m_stats;
    std::string m_buffer;
    std::vector<std::string> m_out;
};

}  // namespace

std::vector<std::string> emit_blocks(const std::vector<pugi::xml_node>& roots, const StatsMap& stats) {
    Emitter emitter(stats);
    for (pugi::xml_node root : roots) {
        if (emitter.enter(root)) {
            walk(
                root, [&emitter](pugi::xml_node node) { return emitter.enter(node); },
                [&emitter](pugi::xml_node node) { emitter.leave(node); });
        }
        emitter.leave(root);
    }
    return emitter.finish();
}

std::vector<std::string> all_paragraphs(const Dom& dom) {
    std::vector<std::string> out;
    std::string buffer;
    const auto flush = [&out, &buffer] {
        std::string paragraph = text::collapse_space(buffer);
        buffer.clear();
        if (!paragraph.empty()) out.push_back(std::move(paragraph));
    };
    walk(
        dom.doc.child("html").child("body"),
        [&](pugi::xml_node node) {
            if (node.type() == pugi::node_pcdata) buffer += node.value();
            if (node.type() != pugi::node_element || is_hidden(node)) return false;
            if (is_block(node.name())) flush();
            return true;
        },
        [&](pugi::xml_node node) {
            if (node.type() == pugi::node_element && is_block(node.name())) flush();
        });
    flush();
    return out;
}

}  // namespace claimtrack::html::detail
