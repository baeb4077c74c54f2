#pragma once

#include <claimtrack/model.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The sourcing report: one model, one renderer per format.
namespace claimtrack::report {

struct ClaimEntry {
    Claim claim;
    std::vector<Evidence> evidence;  // best first
    std::vector<Review> history;     // oldest first; the last one holds the current note
};

struct Coverage {
    std::map<Status, int> by_status;
    std::map<ClaimKind, int> by_kind;
    int without_evidence = 0;
    int only_contradicted = 0;          // contradicting evidence and none that supports
    std::vector<Id> unsourced_claims;   // ids of the claims without evidence
    std::vector<Id> contradicted_claims;  // ids of the claims counted in `only_contradicted`
};

// What the report knows about a source beyond its latest fetch: where its text is archived and
// since when it is unchanged.
struct SourceFetch {
    std::string warc_file;        // WARC file its text was replayed from or archived to; empty if none
    std::string text_fetched_at;  // when the text the evidence quotes was fetched; empty if never
    std::string unchanged_since;  // set when the latest fetch found the page not modified since then
};

struct ArticleReport {
    Article article;
    Coverage coverage;
    std::vector<ClaimEntry> claims;
    std::vector<SourceRow> sources;
    std::map<Id, int> evidence_per_source;  // source id → evidence rows that quote it
    std::map<Id, SourceFetch> fetches;      // source id → archive and text age, for fetched sources
};

struct Report {
    std::string generated_at;
    std::vector<ArticleReport> articles;
};

// `claimreview` is schema.org ClaimReview JSON-LD, one per reviewed claim (see docs/report-formats.md).
enum class Format { text, markdown, json, html, csv, claimreview };
enum class Color { off, on };
enum class History { hide, show };

struct RenderOptions {
    Color color = Color::off;
    History history = History::hide;
};

// Return the format called `name`: text|txt, markdown|md, json, html|htm, csv, claimreview|jsonld|json-ld.
std::optional<Format> format_from_name(std::string_view name);

// Return the coverage of `claims`.
Coverage coverage_of(const std::vector<ClaimEntry>& claims);

// Return `report` rendered as `format`.
std::string render(const Report& report, Format format, const RenderOptions& options);

}  // namespace claimtrack::report
