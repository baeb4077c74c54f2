#include <claimtrack/evidence.hpp>
#include <claimtrack/text.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace claimtrack::evidence {

namespace {

constexpr std::array<std::string_view, 6> k_entity_fields{"subject", "person", "organization", "speaker", "actor", "object"};
constexpr std::array<std::string_view, 5> k_attribute_fields{"attribute", "role", "action", "relation", "venue"};
constexpr std::array<std::string_view, 3> k_number_fields{"value", "from", "to"};
constexpr std::size_t k_max_quote_tokens = 8;
constexpr std::size_t k_max_text_tokens = 16;

std::string field(const Claim& claim, std::string_view name) {
    const auto it = claim.fields.find(std::string(name));
    return it == claim.fields.end() ? std::string() : it->second;
}

// Return `tokens` as one FTS5 phrase string: double quotes around, inner quotes doubled.
std::string phrase(const std::vector<std::string>& tokens) {
    std::string out = "\"";
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0) out += ' ';
        for (char c : tokens[i]) {
            if (c == '"') out += '"';
            out += c;
        }
    }
    out += '"';
    return out;
}

void add_unique(std::vector<std::string>& terms, std::string term) {
    if (term.size() > 2 && std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(std::move(term));
}

// Add one phrase per spelling of `name` (aliases included).
void add_names(std::vector<std::string>& terms, std::string_view name, const Aliases& aliases) {
    for (const auto& alias : aliases.names_of(name)) add_unique(terms, phrase(text::index_tokens(alias)));
}

}  // namespace

std::string recall_query(const Claim& claim, const Aliases& aliases) {
    std::vector<std::string> groups;
    auto close_group = [&groups](const std::vector<std::string>& terms) {
        if (terms.empty()) return;
        std::string g = "(";
        for (std::size_t i = 0; i < terms.size(); ++i) g += (i > 0 ? " OR " : "") + terms[i];
        groups.push_back(g + ")");
    };
    for (auto name : k_entity_fields) {
        std::vector<std::string> terms;
        add_names(terms, field(claim, name), aliases);
        close_group(terms);
    }
    std::vector<std::string> details;
    for (auto name : k_attribute_fields) add_names(details, field(claim, name), aliases);
    for (auto name : k_number_fields) {
        for (const auto& token : text::index_tokens(field(claim, name))) add_unique(details, phrase({token}));
    }
    const auto quote_tokens = text::index_tokens(field(claim, "quote"));
    for (std::size_t i = 0; i < quote_tokens.size() && i < k_max_quote_tokens; ++i) add_unique(details, phrase({quote_tokens[i]}));
    close_group(details);
    if (groups.empty()) {
        // A claim without fields still has words.
        std::vector<std::string> words;
        for (const auto& token : text::index_tokens(claim.text)) {
            if (words.size() < k_max_text_tokens) add_unique(words, phrase({token}));
        }
        close_group(words);
    }
    std::string query;
    for (std::size_t i = 0; i < groups.size(); ++i) query += (i > 0 ? " OR " : "") + groups[i];
    return query;
}

}  // namespace claimtrack::evidence
