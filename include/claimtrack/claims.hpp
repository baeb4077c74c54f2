#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// Claim detection: the checkable assertions in an article, in Chinese and English.
namespace claimtrack::claims {

// Return the claims in `article`'s text paragraphs (never its title line, noise or source list),
// in document order, with `article`, `kind`, `text`, `span` (byte offsets into `article.body`),
// `fields`, `checkworthiness` and `hedged` set; `id` is 0 and `status` unreviewed.
std::vector<Claim> extract(const Article& article);

// Pass the claims `extract` returns to `take` one at a time as they are found, so a large article's
// claims need not all be held in memory at once.
void extract_each(const Article& article, const std::function<void(Claim)>& take);

// Tells which organisation an article is about from the names in its opening (the first 256 KB of
// its text paragraphs): "the company" in its text means that one.
class CompanyCounter {
public:
    // Count the names in the next text paragraph; past the opening, nothing.
    void add_paragraph(std::string_view text);
    // Return the organisation or name mentioned most, at least twice; empty when there is none.
    const std::string& main_company() const { return m_best; }

private:
    static constexpr std::size_t k_opening = 256 << 10;
    std::size_t m_read = 0;
    std::map<std::string, std::size_t> m_counts;
    std::string m_best;
    std::size_t m_best_count = 1;
};

// Finds the claims of an article given one text paragraph at a time, for an article read as it
// streams: `extract_each` over the same paragraphs gives the same claims. The claims of the sentence
// last read wait for the next one, which may cast doubt on them, or for `finish`.
class Extractor {
public:
    // `company` is the article's main organisation (CompanyCounter) and `date` its date (YYYY-MM-DD or empty).
    Extractor(Id article, std::string date, std::string company, std::function<void(Claim)> take);
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    // Find the claims of text paragraph `text`, which starts at byte `offset` of the article's body.
    void add_paragraph(std::string_view text, std::size_t offset);
    // Pass on the claims still held.
    void finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// One term of a claim's check-worthiness: the feature seen, what in the text showed it, and what it
// added to the score (negative for opinion, personal experience, predictions and questions).
struct ScoreTerm {
    std::string feature;
    std::string detail;
    double weight = 0.0;
};

// Return the terms that sum (clamped to [0,1]) to `claim.checkworthiness`, recomputed from `article`;
// empty when the claim's span no longer yields a claim (one added by hand, say).
std::vector<ScoreTerm> explain_score(const Article& article, const Claim& claim);

}  // namespace claimtrack::claims
