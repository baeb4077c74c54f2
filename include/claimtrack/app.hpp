#pragma once

#include <claimtrack/model.hpp>
#include <claimtrack/report.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace claimtrack {
class Store;
}

// Use cases: where the modules meet. Each takes the store and an options struct, and returns data.
namespace claimtrack::app {

struct ImportOptions {
    std::string path;      // file path or "-" (then `stdin_bytes` is used)
    std::string stdin_bytes;
    std::string format;    // "", "text", "markdown", "html"
    std::string title;
    std::string date;      // YYYY-MM-DD
    std::string encoding;  // "" means UTF-8
};

struct ImportResult {
    Id article = 0;
    bool already_imported = false;
    std::string title;
    std::string language;
    std::size_t claims = 0;
    std::size_t sources = 0;
    std::size_t paragraphs = 0;
};

// Return the article read from `options.path` (decoded, parsed, its sources found), touching no
// database. Stop with claimtrack::Error when the input is missing, empty, binary or badly encoded.
Article read_article(const ImportOptions& options);

// Store `article` with its cited sources and claims in one transaction; an article with the same
// body already stored is reported, not stored twice.
ImportResult import_article(Store& store, Article article);

struct FetchOptions {
    std::optional<Id> article;
    int jobs = 16;
    int per_host = 4;
    std::vector<std::string> from_warc;
    std::string warc_out;
    bool allow_private = false;
    long timeout_ms = 60'000;
};

struct FetchOutcome {
    Id source = 0;
    std::string url;
    std::optional<int> http_status;
    std::string outcome;
    std::string error;
    std::size_t passages = 0;
};

struct FetchSummary {
    std::vector<FetchOutcome> results;  // in source order
    std::size_t ok = 0;
    std::size_t failed = 0;
};

// Fetch (or replay from WARC files) every source of the article (all articles when not given),
// storing one snapshot per source with its extracted text and passages. Failures are recorded.
FetchSummary fetch_sources(Store& store, const FetchOptions& options);

struct LinkSummary {
    std::size_t claims = 0;
    std::size_t claims_with_evidence = 0;
    std::size_t evidence = 0;
    std::size_t supports = 0;
    std::size_t contradicts = 0;
    std::size_t mentions = 0;
};

// Propose evidence passages for every claim of the article (all articles when not given).
LinkSummary link_evidence(Store& store, std::optional<Id> article);

// Return the claim with id `id`, or stop with claimtrack::Error (not_found).
Claim require_claim(const Store& store, Id id);

struct ReviewOptions {
    Id claim = 0;
    Status status = Status::unreviewed;
    std::optional<Id> evidence;
    std::string note;
    std::string reviewer;
};

// Record a review decision in the append-only log and return the row written.
Review review_claim(Store& store, const ReviewOptions& options);

// Return the report model for the article (all articles when not given).
report::Report build_report(const Store& store, std::optional<Id> article);

// Gates for `report --fail-on`: the names in `gates` ("disputed", "unsourced", "dead") that the
// report trips. Stop with claimtrack::Error (usage) on an unknown gate name.
std::vector<std::string> failed_gates(const report::Report& report, const std::vector<std::string>& gates);

}  // namespace claimtrack::app
