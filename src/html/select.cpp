#include "content.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace claimtrack::html::detail {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t k_min_paragraph = 25;  // bytes of own text before a block counts as prose
constexpr int k_ancestor_levels = 4;
constexpr double k_repeated_share = 0.3;  // of the top score, for an earlier post to win over a longer one
constexpr int k_separate_posts = 6;        // levels up to the common ancestor of two separate posts

bool is_heading(std::string_view tag) {
    return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// Return true for blocks that are prose themselves and only feed their ancestors.
bool is_leaf_prose(std::string_view tag) {
    return tag == "p" || tag == "pre" || tag == "li" || tag == "blockquote" || tag == "dd" || tag == "dt" ||
           tag == "figcaption" || tag == "th" || is_heading(tag);
}

double base_score(pugi::xml_node node) {
    const std::string_view tag = node.name();
    double score = 0;
    if (tag == "article") score = 10;
    else if (tag == "div" || tag == "main") score = 5;
    else if (tag == "section") score = 3;
    else if (tag == "td" || tag == "pre" || tag == "blockquote") score = 3;
    else if (tag == "ul" || tag == "ol" || tag == "dl" || tag == "li" || tag == "form") score = -3;
    else if (is_heading(tag) || tag == "th") score = -5;
    switch (class_hint(node)) {
    case Hint::positive: return score + 25;
    case Hint::weak_negative: return score - 25;
    case Hint::strong_negative: return score - 50;
    case Hint::none: break;
    }
    return score;
}

using Scores = std::unordered_map<const void*, double>;

void add_score(Scores& scores, pugi::xml_node node, double amount) {
    auto [it, fresh] = scores.try_emplace(node.internal_object(), 0.0);
    if (fresh) it->second = base_score(node);
    it->second += amount;
}

Scores score_candidates(pugi::xml_node body, const StatsMap& stats) {
    Scores scores;
    walk(
        body,
        [&](pugi::xml_node node) {
            if (node.type() != pugi::node_element) return false;
            const std::string_view tag = node.name();
            const Stats& s = stats_of(stats, node);
            if (!is_block(tag) || s.inline_len < k_min_paragraph) return true;
            const double points = 1.0 + static_cast<double>(s.inline_punct) +
                                  std::min(static_cast<double>(s.inline_len) / 100.0, 3.0);
            if (!is_leaf_prose(tag)) add_score(scores, node, points);
            pugi::xml_node up = node.parent();
            for (int level = 0; level < k_ancestor_levels && up && up != body.parent(); ++level) {
                add_score(scores, up, level == 0 ? points : points / (level + 1.0));
                up = up.parent();
            }
            return true;
        },
        [](pugi::xml_node) {});
    for (auto& [node, score] : scores) {
        const auto found = stats.find(node);
        if (found != stats.end()) score *= 1.0 - link_density(found->second);
    }
    return scores;
}

bool looks_like_prose(pugi::xml_node node, const Stats& s) {
    const double density = link_density(s);
    if (s.len > 80 && density < 0.25) return true;
    if (s.len == 0 || density > 0.0) return false;
    const std::string text = node_text(node);
    return text.ends_with(".") || text.ends_with("\xE3\x80\x82") || text.find(". ") != std::string::npos;
}

// Return true if `s` holds most of the page's text or punctuation, or (for weak hints) prose.
bool worth_keeping(const Stats& s, const Stats& total, Hint hint) {
    if (s.len * 2 > total.len || s.punct * 2 > total.punct) return true;
    return hint != Hint::strong_negative && s.prose >= 2;
}

// Return how many levels above `a` its nearest common ancestor with `b` is.
int levels_to_common(pugi::xml_node a, pugi::xml_node b) {
    int up = 0;
    for (pugi::xml_node above = a.parent(); above; above = above.parent(), ++up) {
        for (pugi::xml_node other = b.parent(); other; other = other.parent()) {
            if (other == above) return up;
        }
    }
    return up;
}

// On a page of several posts (a blog's front page) the first is the one the page is about: return
// the earliest element with the winner's tag and positive class that scores near it and sits in a
// separate part of the tree (nearby ones are pieces of one article), or the winner.
pugi::xml_node first_of_repeated(pugi::xml_node body, pugi::xml_node winner, const Scores& scores, double top) {
    const std::string_view cls = winner.attribute("class").value();
    if (cls.empty() || class_hint(winner) != Hint::positive) return winner;
    pugi::xml_node first = winner;
    bool passed = false;  // only elements before the winner count
    walk(
        body,
        [&](pugi::xml_node node) {
            passed = passed || node == winner;
            if (passed || first != winner) return false;
            if (node.type() != pugi::node_element) return false;
            if (cls == node.attribute("class").value() && std::strcmp(node.name(), winner.name()) == 0) {
                const auto found = scores.find(node.internal_object());
                if (found != scores.end() && found->second >= top * k_repeated_share &&
                    levels_to_common(winner, node) >= k_separate_posts)
                    first = node;
            }
            return first == winner;
        },
        [](pugi::xml_node) {});
    return first;
}

}  // namespace

void prune(pugi::xml_node body) {
    const StatsMap stats = compute_stats(body);
    const Stats& total = stats_of(stats, body);
    std::vector<pugi::xml_node> doomed;
    walk(
        body,
        [&](pugi::xml_node node) {
            if (node.type() != pugi::node_element) return false;
            const std::string_view tag = node.name();
            const Hint hint = class_hint(node);
            const bool chrome = is_chrome(tag) || is_hidden(node) || hint == Hint::weak_negative ||
                                hint == Hint::strong_negative;
            if (!chrome || tag == "body") return true;
            if (tag != "head" && worth_keeping(stats_of(stats, node), total, is_chrome(tag) || is_hidden(node) ? Hint::strong_negative : hint)) {
                return true;
            }
            doomed.push_back(node);
            return false;
        },
        [](pugi::xml_node) {});
    for (pugi::xml_node node : doomed) node.parent().remove_child(node);
}

std::vector<pugi::xml_node> select_content(pugi::xml_node body, const StatsMap& stats) {
    const Scores scores = score_candidates(body, stats);
    const void* best = nullptr;
    double top = 0;
    for (const auto& [node, score] : scores) {
        if (best == nullptr || score > top) {
            best = node;
            top = score;
        }
    }
    if (best == nullptr) return {body};
    pugi::xml_node winner = body;
    walk(
        body,
        [&](pugi::xml_node node) {
            if (node.internal_object() == best) winner = node;
            return node.type() == pugi::node_element && winner == body;
        },
        [](pugi::xml_node) {});
    if (winner == body || !winner.parent()) return {winner};
    winner = first_of_repeated(body, winner, scores, top);
    const double threshold = std::max(10.0, top * 0.2);
    const std::string_view winner_class = winner.attribute("class").value();
    std::vector<pugi::xml_node> chosen;
    for (pugi::xml_node sibling = winner.parent().first_child(); sibling; sibling = sibling.next_sibling()) {
        if (sibling.type() != pugi::node_element) continue;
        if (sibling == winner) {
            chosen.push_back(sibling);
            continue;
        }
        double bonus = 0;
        if (!winner_class.empty() && winner_class == sibling.attribute("class").value()) bonus = top * 0.2;
        const auto found = scores.find(sibling.internal_object());
        if (found != scores.end() && found->second + bonus >= threshold) {
            chosen.push_back(sibling);
        } else if (std::strcmp(sibling.name(), "p") == 0 &&
                   looks_like_prose(sibling, stats_of(stats, sibling))) {
            chosen.push_back(sibling);
        }
    }
    return chosen;
}

std::vector<std::string> main_paragraphs(Dom& dom) {
    pugi::xml_node body = dom.doc.child("html").child("body");
    if (!body) return {};
    prune(body);
    const StatsMap stats = compute_stats(body);
    return emit_blocks(select_content(body, stats), stats);
}

}  // namespace claimtrack::html::detail
