#pragma once

#include <claimtrack/report.hpp>

#include <string>
#include <string_view>
#include <vector>

// Pieces every renderer shares: best evidence, source flags, widths, numbers.
namespace claimtrack::report::detail {

// Return the evidence to show first for `entry` (best not orphaned, else best), or nullptr.
const Evidence* best_evidence(const ClaimEntry& entry);

// Return the last review of `entry`, or nullptr when it was never reviewed.
const Review* last_review(const ClaimEntry& entry);

// Return the fetch outcome of `source` for people: "ok", "DEAD", "FAILED", "not fetched", or the outcome.
std::string source_flag(const SourceRow& source);

// Return true if `source` is dead or failed.
bool is_broken(const SourceRow& source);

// Return how many evidence rows quote `source` in `article`.
int evidence_count(const ArticleReport& article, Id source);

// Return what the report knows of `source`'s archive and age, as phrases for people:
// "unchanged since 2025-11-10T08:00:00Z", "archived in WARC sources.warc.gz".
std::vector<std::string> fetch_notes(const ArticleReport& article, const SourceRow& source);

// Return when the text `evidence` quotes was fetched, or "" when unknown.
std::string evidence_fetched_at(const ArticleReport& article, const Evidence& evidence);

// Return `score` with two decimals: "0.90".
std::string score_text(double score);

// Return the terminal columns `text` takes (East Asian wide characters count two).
std::size_t display_width(std::string_view text);

// Return `text` cut to at most `columns` terminal columns, ending in "…" when cut; newlines become spaces.
std::string clip(std::string_view text, std::size_t columns);

// Return `text` padded with spaces to `columns` terminal columns.
std::string pad(std::string_view text, std::size_t columns);

// Return the coverage line: "5 claims: unreviewed 3, verified 1, ...".
std::string coverage_line(const Coverage& coverage);

// Return which claims need a look: "without evidence 3, 7; only contradicted 9", or "" when none.
std::string attention_line(const Coverage& coverage);

// Return the kinds line: "quantity 2, role 1, ...".
std::string kinds_line(const Coverage& coverage);

// Return the total number of claims in `coverage`.
int claim_total(const Coverage& coverage);

std::string render_text(const Report& report, const RenderOptions& options);
std::string render_markdown(const Report& report, const RenderOptions& options);
std::string render_json(const Report& report, const RenderOptions& options);
std::string render_html(const Report& report, const RenderOptions& options);
std::string render_csv(const Report& report, const RenderOptions& options);
std::string render_claimreview(const Report& report, const RenderOptions& options);

}  // namespace claimtrack::report::detail
