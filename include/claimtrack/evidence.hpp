#pragma once

#include <claimtrack/model.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
    // Return the built-in table extended by the user's (name, canonical) pairs.
    static Aliases with_user(const std::vector<std::pair<std::string, std::string>>& pairs);
    // Return whether `a` and `b` (folded) name the same entity.
    bool same_entity(std::string_view a, std::string_view b) const;
    // Take `name` out of its group (a group left with one name goes); return false if it was in none.
    bool remove(std::string_view name);

private:
    void reindex();
    std::vector<std::vector<std::string>> m_groups;
    std::unordered_map<std::string, std::size_t> m_group_of;  // folded name → its group in m_groups
};

// Return how many passages of a store hold an index token (with `prefix`, any token it begins),
// or, for tokens joined by spaces, that phrase.
using TermCount = std::function<std::int64_t(std::string_view token, bool prefix)>;

// What a query may cost in a large store, where reading and ranking a token's passages costs more
// than it tells (the ranking still counts every word of the claim): a token in more than `common`
// passages is left out, a phrase is cut to its longest run of other tokens (kept whole when only
// common tokens make it but it is itself rare: "goran zimmer"), and a words query finds passages by
// its rarest words while together they are in at most `budget` passages, its other rare words only
// ranking them. Without `count`, or when that would leave nothing, every token is used.
// A token in at most `ranking` passages may still rank the passages a query's rarer tokens find
// (in a words query, and in a linking query after its names), when ranking uses phrase_weights:
// then it costs a look-up per passage found, not a read of all of its passages. `passages` is how
// many the store has.
struct QueryLimits {
    TermCount count;
    std::int64_t common = 0;
    std::int64_t budget = 0;
    std::int64_t ranking = 0;
    std::int64_t passages = 0;
    bool is_common(std::string_view token, bool prefix) const { return count && count(token, prefix) > common; }
};

// Return `tokens` (index tokens joined by spaces) as one FTS5 phrase: in double quotes, inner
// quotes doubled.
std::string fts5_phrase(std::string_view tokens);

// Return the inverse document frequency of each phrase of FTS5 expression `match`, in FTS5's
// order (left to right), as bm25 computes it, from `limits.count` (a phrase of several tokens
// counts as its rarest token); empty without `limits.count`.
std::vector<double> phrase_weights(std::string_view match, const QueryLimits& limits);

// Return an FTS5 MATCH expression over the index tokens (see text::index_document) built from
// the claim's fields (entities with their aliases, numbers, attribute words), or "" if none.
// `limits` say which tokens are too common to look up.
std::string recall_query(const Claim& claim, const Aliases& aliases, const QueryLimits& limits = {});

// Return `recall_query` narrowed for linking: when the claim names an entity, only passages naming
// it (any alias) match, so the match set stays small in a large store; the other terms rank them.
std::string linking_query(const Claim& claim, const Aliases& aliases, const QueryLimits& limits = {});

// Return whether the extractor typed so few of `claim`'s fields (one or none besides its unit)
// that its words, not its fields, should find passages.
bool few_fields(const Claim& claim);

// Return the index tokens of `text` without common English words and lone letters, each once, in order.
std::vector<std::string> content_tokens(std::string_view text);

// Return an FTS5 MATCH expression for passages sharing any of the first `max_words` content words
// of `text` (English words also in singular or plural), every token quoted; "" if there are none.
std::string words_query(std::string_view text, std::size_t max_words);

// Return the share (0..1) of `wanted` index tokens that occur among the index tokens of `passage`.
double word_overlap(const std::vector<std::string>& wanted, std::string_view passage);

// Return the light stem of an index token: an English word without its plural, -ing, -ed or -ly
// and final e/y (warming ~ warm, increases ~ increas, policies ~ polici); other tokens unchanged.
std::string stem(std::string_view token);

// Return an FTS5 MATCH expression for passages sharing any of the first `max_words` content words
// of `text`, English words asked for by stem prefix ("warm"* finds warming); "" if there are none.
// `limits` say which words are too common, and how many passages the words may match together
// (then the query is "(kept words) AND (kept words OR other rare words)").
std::string stems_query(std::string_view text, std::size_t max_words, const QueryLimits& limits = {});

// What a passage shares with a claim's content words (stemmed).
struct Overlap {
    double words = 0.0;      // share of the claim's content words in the passage
    double pairs = 0.0;      // share of the claim's adjacent content-word pairs adjacent in the passage
    std::size_t shared = 0;  // content words shared
};

// A claim's content words, stemmed, ready to be compared with many passages.
class ClaimWords {
public:
    explicit ClaimWords(std::string_view text);
    // Return what `passage` shares with these words.
    Overlap in(std::string_view passage) const;
    // Return the share of `title`'s content words that are among these words: 1 when the claim
    // names what the page is about ("Sea ice" for a claim about sea ice), 0 for an unrelated page.
    double cover(std::string_view title) const;
    std::size_t size() const { return m_stems.size(); }

private:
    std::vector<std::string> m_stems;
    std::vector<std::pair<std::string, std::string>> m_pairs;
};

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

// Where a quote was found in a document and how well it matched (1 = exactly).
struct Anchor {
    Span span;
    double score = 0.0;
};

// The lowest match score at which an edited quote still counts as the same quote; below it the
// evidence is orphaned rather than attached to other text.
inline constexpr double k_min_anchor_score = 0.85;

// Return where `quote` occurs in `document`: exactly (first occurrence), else ignoring
// differences of whitespace, NFKC compatibility forms and curly quotes; nothing when absent.
std::optional<Span> find_quote(std::string_view document, std::string_view quote);

// Return where the quote of `selector` is in the changed `document`: an exact occurrence chosen
// by its prefix/suffix and then by nearness to the old position, else the closest edited text
// (edit distance) when it scores at least `k_min_anchor_score` and states the same numbers;
// nothing when the quote is gone.
std::optional<Anchor> reanchor(const QuoteSelector& selector, std::string_view document);

// Return the index in `passages` of the passage that overlaps `span` most, nothing if none does.
std::optional<std::size_t> passage_at(const std::vector<Passage>& passages, Span span);

}  // namespace claimtrack::evidence
