#include "internal.hpp"

#include <claimtrack/text.hpp>

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace claimtrack::html::detail {
namespace {

struct OutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

bool skipped(GumboTag tag) {
    return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
           tag == GUMBO_TAG_NOSCRIPT;
}

std::string tag_name(const GumboElement& element) {
    if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name = lower_ascii(std::string_view(piece.data == nullptr ? "" : piece.data, piece.length));
    // Custom element names keep only characters pugixml handles well in queries.
    std::erase_if(name, [](char c) { return c == ' ' || c == '/' || c == '<' || c == '>'; });
    return name.empty() ? std::string("span") : name;
}

std::string attribute(const GumboElement& element, const char* name) {
    const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
    return found == nullptr ? std::string() : std::string(found->value);
}

void copy_attributes(const GumboElement& element, pugi::xml_node target) {
    for (unsigned i = 0; i < element.attributes.length; ++i) {
        const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
        if (attr->name[0] == '\0' || target.attribute(attr->name)) continue;
        target.append_attribute(attr->name).set_value(attr->value);
    }
}

std::string script_text(const GumboNode& node) {
    std::string out;
    const GumboVector& children = node.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) out += child->v.text.text;
    }
    return out;
}

struct Pending {
    const GumboNode* node;
    pugi::xml_node parent;
    int depth;
};

// Append `node` under `parent`; return the node its children go under, or an empty node.
pugi::xml_node convert_one(Pending item, Dom& dom) {
    const GumboNode& node = *item.node;
    switch (node.type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
        item.parent.append_child(pugi::node_pcdata).set_value(node.v.text.text);
        return {};
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = node.v.element;
        if (element.tag == GUMBO_TAG_SCRIPT && lower_ascii(attribute(element, "type")) == "application/ld+json") {
            dom.json_ld.push_back(script_text(node));
        }
        if (skipped(element.tag)) return {};
        // Past the depth limit children join the deepest kept element, so text is not lost.
        if (item.depth >= k_max_depth) return item.parent;
        pugi::xml_node created = item.parent.append_child(tag_name(element).c_str());
        copy_attributes(element, created);
        return created;
    }
    default:
        return {};
    }
}

}  // namespace

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::unique_ptr<Dom> parse_dom(std::string_view utf8_html) {
    auto dom = std::make_unique<Dom>();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    std::unique_ptr<GumboOutput, OutputDeleter> output(
        gumbo_parse_with_options(&options, utf8_html.data(), utf8_html.size()));
    pugi::xml_node root = dom->doc.append_child("html");
    if (!output || output->root == nullptr) return dom;
    copy_attributes(output->root->v.element, root);
    std::vector<Pending> stack;
    const GumboVector& top = output->root->v.element.children;
    for (unsigned i = top.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(top.data[i]), root, 1});
    while (!stack.empty()) {
        const Pending item = stack.back();
        stack.pop_back();
        const pugi::xml_node into = convert_one(item, *dom);
        if (!into) continue;
        const GumboVector& children = item.node->v.element.children;
        for (unsigned i = children.length; i-- > 0;) {
            stack.push_back({static_cast<const GumboNode*>(children.data[i]), into, item.depth + 1});
        }
    }
    return dom;
}

bool is_hidden(pugi::xml_node node) {
    if (node.attribute("hidden")) return true;
    if (lower_ascii(node.attribute("aria-hidden").value()) == "true") return true;
    const pugi::xml_attribute style = node.attribute("style");
    if (!style) return false;
    std::string css = lower_ascii(style.value());
    std::erase_if(css, [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
    return css.find("display:none") != std::string::npos || css.find("visibility:hidden") != std::string::npos;
}

std::string node_text(pugi::xml_node node) {
    std::string raw;
    walk(
        node,
        [&raw](pugi::xml_node it) {
            if (it.type() == pugi::node_pcdata) raw += it.value();
            if (it.type() != pugi::node_element) return false;
            if (std::strcmp(it.name(), "a") != 0 && std::strcmp(it.name(), "span") != 0 &&
                std::strcmp(it.name(), "b") != 0 && std::strcmp(it.name(), "i") != 0 &&
                std::strcmp(it.name(), "em") != 0 && std::strcmp(it.name(), "strong") != 0)
                raw += ' ';
            return true;
        },
        [](pugi::xml_node) {});
    return text::collapse_space(raw);
}

}  // namespace claimtrack::html::detail
