#include <claimtrack/evidence.hpp>

#include "evidence/match.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace claimtrack::evidence {
namespace {

// Quotes longer than this (code points) are only re-anchored exactly: fuzzy matching costs
// their length times the document's.
constexpr std::size_t k_max_fuzzy_quote = 4000;

std::size_t distance_between(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

// Return how many bytes of context agree: the end of `prefix` before `at`, `suffix` after `end`.
std::size_t context_agreement(std::string_view document, std::size_t at, std::size_t end, const QuoteSelector& q) {
    std::size_t before = 0;
    while (before < q.prefix.size() && before < at && q.prefix[q.prefix.size() - 1 - before] == document[at - 1 - before]) {
        ++before;
    }
    std::size_t after = 0;
    while (after < q.suffix.size() && end + after < document.size() && q.suffix[after] == document[end + after]) ++after;
    return before + after;
}

std::optional<Anchor> exact_anchor(const QuoteSelector& q, std::string_view document) {
    std::optional<Anchor> best;
    std::size_t best_context = 0;
    for (auto at = document.find(q.exact); at != std::string_view::npos; at = document.find(q.exact, at + 1)) {
        const std::size_t end = at + q.exact.size();
        const std::size_t context = context_agreement(document, at, end, q);
        const bool better = !best || context > best_context ||
                            (context == best_context && distance_between(at, q.start) < distance_between(best->span.start, q.start));
        if (better) {
            best = Anchor{{at, end}, 1.0};
            best_context = context;
        }
    }
    return best;
}

struct FuzzyEnd {
    std::size_t end = 0;  // code point index one past the match
    std::size_t distance = std::numeric_limits<std::size_t>::max();
};

// Sellers' algorithm: the least edit distance of `pattern` to a substring of `text` ending at each
// position; keep the best end, ties going to the end nearest `near_end`.
FuzzyEnd best_end(const std::u32string& pattern, const std::u32string& text, std::size_t near_end) {
    const std::size_t m = pattern.size();
    std::vector<std::size_t> column(m + 1);
    for (std::size_t i = 0; i <= m; ++i) column[i] = i;
    FuzzyEnd best{0, column[m]};
    for (std::size_t j = 1; j <= text.size(); ++j) {
        std::size_t diagonal = column[0];
        column[0] = 0;
        for (std::size_t i = 1; i <= m; ++i) {
            const std::size_t up = column[i];
            const std::size_t cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
            column[i] = std::min({column[i - 1] + 1, up + 1, diagonal + cost});
            diagonal = up;
        }
        if (column[m] < best.distance ||
            (column[m] == best.distance && distance_between(j, near_end) < distance_between(best.end, near_end))) {
            best = {j, column[m]};
        }
    }
    return best;
}

// Return the start of the best match of `pattern` that ends at `end` in `text`: align the reversed
// pattern with the text read backwards from `end`, and take the length with the least distance.
std::size_t best_start(const std::u32string& pattern, const std::u32string& text, std::size_t end) {
    const std::size_t m = pattern.size();
    const std::size_t window = std::min(end, 2 * m + 1);
    std::vector<std::size_t> previous(window + 1);
    std::vector<std::size_t> current(window + 1);
    for (std::size_t j = 0; j <= window; ++j) previous[j] = j;
    for (std::size_t i = 1; i <= m; ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= window; ++j) {
            const std::size_t cost = pattern[m - i] == text[end - j] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
        }
        std::swap(previous, current);
    }
    std::size_t length = 0;
    for (std::size_t j = 1; j <= window; ++j) {
        const bool better = previous[j] < previous[length] ||
                            (previous[j] == previous[length] && distance_between(j, m) < distance_between(length, m));
        if (better) length = j;
    }
    return end - length;
}

// Return the runs of digits in `text`, in order: an edit that changes a figure is a new statement.
std::vector<std::u32string> digit_runs(std::u32string_view text) {
    std::vector<std::u32string> runs;
    std::u32string run;
    for (char32_t c : text) {
        if (c >= U'0' && c <= U'9') {
            run += c;
        } else if (!run.empty() && c != U',' && c != U'.') {
            runs.push_back(std::move(run));
            run.clear();
        }
    }
    if (!run.empty()) runs.push_back(std::move(run));
    return runs;
}

std::optional<Anchor> fuzzy_anchor(const QuoteSelector& q, std::string_view document) {
    const detail::CodePoints quote = detail::code_points_of(q.exact);
    const detail::CodePoints doc = detail::code_points_of(document);
    const std::size_t m = quote.points.size();
    if (m == 0 || m > k_max_fuzzy_quote || doc.points.empty()) return std::nullopt;
    const auto old_end = std::lower_bound(doc.offsets.begin(), doc.offsets.end(), q.end);
    const auto near_end = static_cast<std::size_t>(old_end - doc.offsets.begin());
    const FuzzyEnd found = best_end(quote.points, doc.points, near_end);
    if (found.end == 0) return std::nullopt;
    const std::size_t start = best_start(quote.points, doc.points, found.end);
    const std::size_t length = std::max(m, found.end - start);
    const double score = 1.0 - static_cast<double>(found.distance) / static_cast<double>(length);
    if (score < k_min_anchor_score) return std::nullopt;
    const std::u32string_view matched(doc.points.data() + start, found.end - start);
    if (digit_runs(matched) != digit_runs(quote.points)) return std::nullopt;
    return Anchor{{doc.offsets[start], doc.offsets[found.end]}, score};
}

}  // namespace

std::optional<Anchor> reanchor(const QuoteSelector& selector, std::string_view document) {
    if (selector.exact.empty()) return std::nullopt;
    if (auto exact = exact_anchor(selector, document)) return exact;
    return fuzzy_anchor(selector, document);
}

}  // namespace claimtrack::evidence
