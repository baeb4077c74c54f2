#pragma once

#include <claimtrack/evidence.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// One agreement check per claim kind; each returns nothing when the passage does not decide.
namespace claimtrack::evidence::detail {

struct Context {
    const Claim& claim;
    std::string_view passage;  // as written
    std::string folded;        // text::fold(passage)
    const Aliases& aliases;
    // What the checks saw, in the order they looked (see Assessment::features).
    mutable std::vector<std::string> features;

    // Return the claim's field `name`, or "".
    std::string field(std::string_view name) const;
    // Return the spelling of field `name`'s entity found in the passage, or nothing.
    std::optional<std::string> entity(std::string_view name) const;
    // Return true if the words of field `name` (or an alias) are in the passage.
    bool words(std::string_view name, double min_overlap) const;
    // Record one feature line.
    void note(std::string line) const { features.push_back(std::move(line)); }
};

// Return an assessment with no features yet (assess adds them).
inline Assessment verdict(double score, Stance stance, std::string reason) {
    Assessment a;
    a.score = score;
    a.stance = stance;
    a.reason = std::move(reason);
    return a;
}

// Return the index tokens of `words` that carry meaning: function and reporting words
// (said, would, 表示, 将 ...) and numbers left out; Han function words split bigrams. (Not
// `evidence::content_tokens`, which drops only common English words, to build recall queries.)
std::vector<std::string> meaningful_tokens(std::string_view words);

std::optional<Assessment> assess_quantity(const Context& c);
std::optional<Assessment> assess_role(const Context& c);
std::optional<Assessment> assess_quote(const Context& c);
std::optional<Assessment> assess_event(const Context& c);
std::optional<Assessment> assess_comparison(const Context& c);

}  // namespace claimtrack::evidence::detail
