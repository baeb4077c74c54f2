#pragma once

#include <claimtrack/fetch.hpp>
#include <claimtrack/model.hpp>
#include <claimtrack/report.hpp>

#include <atomic>
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

struct ReadArticle {
    Article article;
    std::string charset;    // what the bytes were decoded from, e.g. "UTF-8", "GB18030"
    bool detected = false;  // true when guessed from the bytes rather than named or certain
};

// Return the article read from `options.path` (decoded, parsed, its sources found), touching no
// database. Stop with claimtrack::Error when the input is missing, empty, binary or badly encoded.
ReadArticle read_article(const ImportOptions& options);

// Store `article` with its cited sources and claims in one transaction; an article with the same
// body already stored is reported, not stored twice.
ImportResult import_article(Store& store, Article article);

struct ImportedFile {
    ImportResult result;
    std::string charset;    // as in ReadArticle
    bool detected = false;
};

// Read and store the article of `options` as `import` does: read_article then import_article,
// except that a plain-text UTF-8 file is read as it streams, twice (once for its title, language,
// sources and digest, once to store it), so memory stays flat however large the file. Either
// way the stored article is the same, but for its body's type: a streamed body is a BLOB of UTF-8.
// The store is opened (`open_store`) only once the input was read and found good, so a bad input
// creates no database.
ImportedFile import_file(const ImportOptions& options, const std::function<Store&()>& open_store);

enum class Refresh { missing_only, all };

struct FetchOptions {
    std::optional<Id> article;
    int jobs = 16;
    int per_host = 4;
    std::vector<std::string> from_warc;
    std::string warc_out;
    bool allow_private = false;
    long timeout_ms = 60'000;
    // missing_only: sources never fetched or whose last fetch failed; all: every source, with
    // a conditional request (ETag / Last-Modified) where an earlier fetch gave validators.
    Refresh refresh = Refresh::missing_only;
    std::function<void(const fetch::Progress&)> on_progress;  // may be empty
    const std::atomic<bool>* cancel = nullptr;                // set from a signal handler to stop
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
    std::vector<FetchOutcome> results;  // in source order, only the sources fetched this run
    std::size_t ok = 0;
    std::size_t failed = 0;
    std::size_t skipped = 0;      // already fetched, left alone (see Refresh)
    bool interrupted = false;     // cancelled: what finished is stored, the rest is left for the next run
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
    std::size_t reanchored = 0;  // earlier rows whose quote moved with a changed source text
    std::size_t orphaned = 0;    // earlier rows whose quote is gone from it (kept, marked orphaned)
};

// Propose evidence passages for every claim of the article (all articles when not given), on
// `jobs` threads (0: one per core, at most 4), each reading through its own connection; the rows
// are the same whatever the number. An in-memory store is linked on one thread.
LinkSummary link_evidence(Store& store, std::optional<Id> article, unsigned jobs = 0);

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

// Review workflow beyond status decisions (src/app/review_*.cpp). Each call is one transaction.

// Reopen a claim: back to unreviewed, or, when a person rejected it, restore it. Return the row.
Review reopen_claim(Store& store, const ReviewOptions& options);

struct ClaimAddOptions {
    Id article = 0;
    std::string text;
    std::string kind;  // "" guesses it from the extractor, else "event"
    std::vector<std::string> fields;  // name=value
    std::string note;
    std::string reviewer;
};

struct ClaimAddResult {
    Claim claim;
    bool anchored = false;  // the text was found in the article body (else its span is 0..0)
    Id log_row = 0;
};

// Add a claim the extractor missed, anchored in the article body when its text is found there,
// and log it. Stop with claimtrack::Error on an unknown article, empty text, a bad kind or field,
// or a claim with the same text already in the article.
ClaimAddResult add_claim(Store& store, const ClaimAddOptions& options);

struct ClaimEditOptions {
    Id claim = 0;
    std::string kind;                 // "" keeps the kind
    std::vector<std::string> fields;  // name=value; an empty value removes the field
    std::string note;
    std::string reviewer;
};

struct ClaimEditResult {
    Claim claim;         // as it is now
    std::string change;  // what changed, in words
    Id log_row = 0;
};

// Change a claim's kind and fields and log what changed; stop with claimtrack::Error (usage)
// when nothing would change.
ClaimEditResult edit_claim(Store& store, const ClaimEditOptions& options);

// Reject a claim as "not a claim" (a note is required): it stays in the log, hidden from
// listings and reports. Return the row.
Review reject_claim(Store& store, const ReviewOptions& options);

// Accept or reject the evidence link `evidence`; rejecting needs a note, and a rejected link is
// not proposed again by `link_evidence`. Return the row (its `claim` is the link's claim).
enum class EvidenceDecision { accept, reject };
Review decide_evidence(Store& store, Id evidence, EvidenceDecision decision, const std::string& note,
                       const std::string& reviewer);

struct BatchSummary {
    std::size_t rows = 0;
    std::vector<Review> written;
};

// Apply every decision in the batch review file `path` (CSV: claim,action,note,evidence,by) in
// one transaction: all rows or none. Stop with claimtrack::Error "FILE: row N: reason" at the
// first bad row, having written nothing.
BatchSummary review_batch(Store& store, const std::string& path);

}  // namespace claimtrack::app
