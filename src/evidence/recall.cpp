#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace {

constexpr std::array<std::string_view, 6> k_entity_fields{"subject", "person", "organization", "speaker", "actor", "object"};
constexpr std::array<std::string_view, 5> k_attribute_fields{"attribute", "role", "action", "relation", "venue"};
constexpr std::array<std::string_view, 3> k_number_fields{"value", "from", "to"};
constexpr std::size_t k_max_quote_tokens = 8;
constexpr std::size_t k_max_text_tokens = 16;
constexpr std::size_t k_max_ranking_tokens = 4;
constexpr std::size_t k_max_name_tokens = 4;  // a longer "entity" is a description: its words are details

// English words too common to help find a passage (they only make the match set large).
constexpr std::array<std::string_view, 72> k_stop_words{
    "a",     "about", "also", "an",    "and",   "any",   "are",   "as",    "at",    "be",    "been",  "being",
    "but",   "by",    "can",   "could", "did",   "do",    "does",  "for",   "from",  "had",   "has",   "have",
    "he",    "her",   "his",   "i",     "if",    "in",    "into",  "is",    "it",    "its",   "just",  "more",
    "most",  "no",    "not",   "of",    "on",    "only",  "or",    "our",   "out",   "over",  "said",  "she",
    "so",    "some",  "such",  "than",  "that",  "the",   "their", "then",  "there", "these", "they",  "this",
    "those", "to",    "up",    "very",  "was",   "we",    "were",  "what",  "which", "who",   "will",  "with"};

std::string field(const Claim& claim, std::string_view name) {
    const auto it = claim.fields.find(std::string(name));
    return it == claim.fields.end() ? std::string() : it->second;
}

// Return `tokens` joined by spaces, as TermCount and fts5_phrase take a phrase.
std::string joined(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " ") + t;
    return out;
}

std::string phrase(const std::vector<std::string>& tokens) { return fts5_phrase(joined(tokens)); }

void add_unique(std::vector<std::string>& terms, std::string term) {
    if (term.size() > 2 && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
}

// Add `tokens` as one phrase, cut to its longest run of tokens that are not common (a name's
// bigrams without the 电子 every company shares); when all of them are common, the whole phrase
// if it is not, else nothing.
void add_phrase(std::vector<std::string>& terms, const std::vector<std::string>& tokens, const QueryLimits& limits) {
    if (!limits.count) {
        add_unique(terms, phrase(tokens));
        return;
    }
    std::size_t best_start = 0;
    std::size_t best_size = 0;
    for (std::size_t start = 0; start < tokens.size();) {
        if (limits.is_common(tokens[start], false)) {
            ++start;
            continue;
        }
        std::size_t end = start;
        while (end < tokens.size() && !limits.is_common(tokens[end], false)) ++end;
        if (end - start > best_size) {
            best_start = start;
            best_size = end - start;
        }
        start = end;
    }
    if (best_size == 0) {
        // Every token is common, but together they can be rare: a person's first and last name.
        if (tokens.size() < 2) return;
        if (limits.count(joined(tokens), false) <= limits.common) add_unique(terms, phrase(tokens));
        return;
    }
    const auto first = tokens.begin() + static_cast<std::ptrdiff_t>(best_start);
    add_unique(terms, phrase(std::vector<std::string>(first, first + static_cast<std::ptrdiff_t>(best_size))));
}

bool is_latin_word(std::string_view token) {
    return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Add `token` and, for an English word, its singular or plural (bears ~ bear, policy ~ policies).
void add_word(std::vector<std::string>& terms, const std::string& token, const QueryLimits& limits) {
    add_phrase(terms, {token}, limits);
    if (!is_latin_word(token) || token.size() < 4) return;
    if (token.ends_with("ies")) {
        add_phrase(terms, {token.substr(0, token.size() - 3) + "y"}, limits);
    } else if (token.ends_with("s") && !token.ends_with("ss")) {
        add_phrase(terms, {token.substr(0, token.size() - 1)}, limits);
    } else if (token.ends_with("y")) {
        add_phrase(terms, {token.substr(0, token.size() - 1) + "ies"}, limits);
    } else {
        add_phrase(terms, {token + "s"}, limits);
    }
}

void add_words(std::vector<std::string>& terms, std::string_view text, std::size_t limit, const QueryLimits& limits) {
    std::size_t added = 0;
    for (const auto& token : content_tokens(text)) {
        if (added++ >= limit) break;
        add_word(terms, token, limits);
    }
}

// Add one phrase per spelling of `name` (aliases included).
void add_names(std::vector<std::string>& terms, std::string_view name, const Aliases& aliases, const QueryLimits& limits) {
    for (const auto& alias : aliases.names_of(name)) add_phrase(terms, text::index_tokens(alias), limits);
}

std::string any_of(const std::vector<std::string>& terms) {
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " OR ") + t;
    return out;
}

}  // namespace

std::string fts5_phrase(std::string_view tokens) {
    std::string out = "\"";
    for (char c : tokens) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::vector<std::string> content_tokens(std::string_view text) {
    std::vector<std::string> out;
    for (auto& token : text::index_tokens(text)) {
        const bool stop = std::find(k_stop_words.begin(), k_stop_words.end(), token) != k_stop_words.end();
        if (stop || (token.size() == 1 && is_latin_word(token))) continue;
        if (std::find(out.begin(), out.end(), token) == out.end()) out.push_back(std::move(token));
    }
    return out;
}

bool few_fields(const Claim& claim) {
    const auto typed = std::count_if(claim.fields.begin(), claim.fields.end(),
                                     [](const auto& f) { return f.first != "unit" && !f.second.empty(); });
    return typed <= 1;
}

double word_overlap(const std::vector<std::string>& wanted, std::string_view passage) {
    if (wanted.empty()) return 0.0;
    auto tokens = text::index_tokens(passage);
    std::sort(tokens.begin(), tokens.end());
    const auto hits = std::count_if(wanted.begin(), wanted.end(),
                                    [&](const std::string& t) { return std::binary_search(tokens.begin(), tokens.end(), t); });
    return static_cast<double>(hits) / static_cast<double>(wanted.size());
}

std::string words_query(std::string_view text, std::size_t max_words) {
    std::vector<std::string> terms;
    add_words(terms, text, max_words, {});
    return any_of(terms);
}

namespace {

struct QueryParts {
    std::vector<std::string> names;    // spellings of the entities the claim names
    std::vector<std::string> details;  // attribute words, numbers, quote and claim words
};

QueryParts query_parts(const Claim& claim, const Aliases& aliases, const QueryLimits& limits) {
    QueryParts parts;
    for (auto name : k_entity_fields) {
        const std::string value = field(claim, name);
        if (text::index_tokens(value).size() > k_max_name_tokens) add_words(parts.details, value, k_max_text_tokens, limits);
        else add_names(parts.names, value, aliases, limits);
    }
    for (auto name : k_attribute_fields) {
        add_names(parts.details, field(claim, name), aliases, limits);
        add_words(parts.details, field(claim, name), k_max_text_tokens, limits);
    }
    for (auto name : k_number_fields) {
        for (const auto& token : text::index_tokens(field(claim, name))) add_phrase(parts.details, {token}, limits);
    }
    add_words(parts.details, field(claim, "quote"), k_max_quote_tokens, limits);
    // The claim's own words help most when it names nobody; otherwise a few are enough to rank.
    add_words(parts.details, claim.text, parts.names.empty() ? k_max_text_tokens : k_max_ranking_tokens, limits);
    return parts;
}

}  // namespace

namespace {

std::string recall_of(const QueryParts& parts) {
    if (parts.names.empty() || parts.details.empty()) return any_of(parts.names.empty() ? parts.details : parts.names);
    return any_of(parts.names) + " OR " + any_of(parts.details);
}

std::string linking_of(const QueryParts& parts) {
    if (parts.names.empty() || parts.details.empty()) return any_of(parts.names.empty() ? parts.details : parts.names);
    // Repeating the names lets the details rank the passages that name the entity.
    return "(" + any_of(parts.names) + ") AND (" + any_of(parts.names) + " OR " + any_of(parts.details) + ")";
}

}  // namespace

std::string recall_query(const Claim& claim, const Aliases& aliases, const QueryLimits& limits) {
    std::string query = recall_of(query_parts(claim, aliases, limits));
    // Only common words: then they are all there is to search with.
    if (query.empty() && limits.count) query = recall_of(query_parts(claim, aliases, {}));
    return query;
}

std::string linking_query(const Claim& claim, const Aliases& aliases, const QueryLimits& limits) {
    QueryParts parts = query_parts(claim, aliases, limits);
    if (limits.count && limits.ranking > limits.common && !parts.names.empty()) {
        // The names find the passages; the details only rank them, so commoner ones may.
        QueryLimits ranking = limits;
        ranking.common = limits.ranking;
        parts.details = query_parts(claim, aliases, ranking).details;
    }
    std::string query = linking_of(parts);
    if (query.empty() && limits.count) query = linking_of(query_parts(claim, aliases, {}));
    return query;
}

std::vector<double> phrase_weights(std::string_view match, const QueryLimits& limits) {
    std::vector<double> weights;
    if (!limits.count) return weights;
    const auto n = static_cast<double>(std::max<std::int64_t>(limits.passages, 1));
    for (std::size_t i = 0; i < match.size(); ++i) {
        if (match[i] != '"') continue;
        // A phrase: tokens between quotes ("" is a quote inside), a prefix when * follows.
        std::vector<std::string> tokens(1);
        for (++i; i < match.size(); ++i) {
            if (match[i] == '"') {
                if (i + 1 < match.size() && match[i + 1] == '"') {
                    tokens.back() += '"';
                    ++i;
                    continue;
                }
                break;
            }
            if (match[i] == ' ') tokens.emplace_back();
            else tokens.back() += match[i];
        }
        const bool prefix = i + 1 < match.size() && match[i + 1] == '*';
        std::int64_t count = -1;
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            if (tokens[t].empty()) continue;
            const std::int64_t c = limits.count(tokens[t], prefix && t + 1 == tokens.size());
            count = count < 0 ? c : std::min(count, c);
        }
        const double hits = static_cast<double>(std::max<std::int64_t>(count, 0));
        // FTS5's bm25: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
        weights.push_back(std::max(std::log((n - hits + 0.5) / (hits + 0.5)), 1e-6));
    }
    return weights;
}

}  // namespace claimtrack::evidence
