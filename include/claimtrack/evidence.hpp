#pragma once

#include <claimtrack/model.hpp>

#include <string>
#include <string_view>
#include <vector>

// Evidence: passages of source text, recall queries, agreement and stance, quote selectors.
namespace claimtrack::evidence {

// Return the passages of a snapshot's `text`: its sentences (very short ones joined to the next,
// very long ones kept whole), with `index`, `span` and `text` set; `id` and `snapshot` are 0.
std::vector<Passage> split_passages(std::string_view text);

// Names that mean the same entity across languages and spellings (英伟达 = Nvidia = NVIDIA).
class Aliases {
public:
    // Return the built-in table of companies and people common in tech and business news.
    static Aliases builtin();
    // Make `a` and `b` the same entity (merging their groups).
    void add(std::string_view a, std::string_view b);
    // Return every name in the group of `name` (folded), including `name` itself.
    std::vector<std::string> names_of(std::string_view name) const;
    // Return every group, each a list of spellings.
    std::vector<std::vector<std::string>> groups() const;
    // Take `name` out of its group (a group left with one name goes); return false if it was in none.
    bool remove(std::string_view name);

private:
    std::vector<std::vector<std::string>> m_groups;
};

// Return an FTS5 MATCH expression over the index tokens (see text::index_document) built from
// the claim's fields (entities with their aliases, numbers, attribute words), or "" if none.
std::string recall_query(const Claim& claim, const Aliases& aliases);

struct Assessment {
    double score = 0.0;  // 0..1, how strongly the passage bears on the claim
    Stance stance = Stance::mentions;
    std::string reason;  // short and machine-written: "same subject and attribute; source says 90%, claim says 95%"
    // What the checks saw, one line each: "subject 英伟达 found as \"Nvidia\"", "number: source 90%, claim 95%".
    std::vector<std::string> features;
};

// Return how `passage` bears on `claim`.
Assessment assess(const Claim& claim, std::string_view passage, const Aliases& aliases);

// Days a passage's date may lie after the article's before it is flagged, and years before it.
inline constexpr int k_after_article_days = 2;
inline constexpr int k_long_before_years = 3;

// Return "after-article" if `passage` names a day or month that begins more than
// `k_after_article_days` after `article_date` (YYYY-MM-DD), "long-before" if every date it names
// ends more than `k_long_before_years` before it, else "" (also when either has no date).
std::string temporal_flag(std::string_view passage, std::string_view article_date);

// Return the selector for `span` of `document`: exact text, up to 32 characters of prefix and suffix.
QuoteSelector make_selector(std::string_view document, Span span);

}  // namespace claimtrack::evidence
