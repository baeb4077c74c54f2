#pragma once

#include "internal.hpp"

#include <cstddef>
#include <unordered_map>
#include <vector>

// Main-content scoring shared by the selection and the text emission.
namespace claimtrack::html::detail {

struct Stats {
    std::size_t len = 0;           // visible non-space bytes in the element
    std::size_t link_len = 0;      // of those, inside <a>
    std::size_t punct = 0;         // commas and sentence stops, Latin and Chinese
    std::size_t inline_len = 0;    // bytes not inside a nested block element
    std::size_t inline_punct = 0;
    std::size_t prose = 0;         // paragraphs in it with 150+ bytes of their own text, few links
    bool has_block = false;        // some descendant is a block element
};

using StatsMap = std::unordered_map<const void*, Stats>;

// Return the statistics of every element under `root`, keyed by `internal_object()`.
StatsMap compute_stats(pugi::xml_node root);

// Return the statistics of `node`, all zero when it has none.
const Stats& stats_of(const StatsMap& stats, pugi::xml_node node);

// Return the share of the element's text that sits in links, 0..1.
double link_density(const Stats& stats);

// Remove chrome (nav, aside, hidden, furniture by class) from under `body`, keeping anything that
// holds most of the page's text.
void prune(pugi::xml_node body);

// Return the elements that hold the main content, in document order.
std::vector<pugi::xml_node> select_content(pugi::xml_node body, const StatsMap& stats);

// Return the paragraphs of text under `roots`, in reading order.
std::vector<std::string> emit_blocks(const std::vector<pugi::xml_node>& roots, const StatsMap& stats);

}  // namespace claimtrack::html::detail
