#pragma once

#include <claimtrack/model.hpp>

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3_blob;  // SQLite's handle of an open BLOB

// The SQLite store: the only place with SQL. Every value is bound, never formatted in.
namespace claimtrack {

// Whether a listing shows the claims a person rejected as "not a claim".
enum class RejectedClaims { hide, include };

struct ClaimFilter {
    std::optional<Id> article;
    std::optional<ClaimKind> kind;
    std::optional<Status> status;
    RejectedClaims rejected = RejectedClaims::hide;
};

// What a row of the review log records: a status decision, or a change to the claim or its evidence.
enum class LogAction { status, claim_add, claim_edit, claim_reject, claim_restore, evidence_accept, evidence_reject };
std::string_view to_string(LogAction action);
std::optional<LogAction> log_action_from(std::string_view name);

// One row of the review log with what kind of change it is; `detail` says what a claim edit changed.
struct LogEntry {
    Review review;
    LogAction action = LogAction::status;
    std::string detail;
};

// What the claim table knows beyond `Claim`: who made it, whether its text was found in the body
// (else its span is 0..0), and whether a person rejected it.
struct ClaimState {
    Origin origin = Origin::automatic;
    bool anchored = true;
    bool rejected = false;
};

// A user alias row: `name` is another name of `canonical` (see evidence::Aliases for the built-ins).
struct UserAlias {
    Id id = 0;
    std::string name;
    std::string canonical;
    std::string created_at;
    std::string created_by;
};

// An evidence row whose passage lies in an older snapshot than its source's latest text.
struct StaleEvidence {
    Evidence evidence;
    Id old_snapshot = 0;
    Id new_snapshot = 0;
};

// A person's latest word on an evidence link.
enum class EvidenceVerdict { proposed, accepted, rejected };
std::string_view to_string(EvidenceVerdict verdict);

// A passage found by the full-text index, with where it came from.
struct PassageHit {
    Passage passage;
    Id source = 0;
    std::string url;
    double rank = 0.0;   // FTS5 bm25 rank: lower is better
    std::string title;  // title of the page the passage is on ("" when the page had none)
};

class Store {
public:
    // Open (creating if needed) the database at `path` (":memory:" works), turn on WAL and
    // foreign keys, and migrate it to the latest schema in one transaction. Stop with
    // claimtrack::Error if it cannot be opened or was written by a newer claimtrack.
    explicit Store(const std::string& path);
    ~Store();
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    // Return a second, read-only connection to the same file, for reading in another thread while
    // this one writes (WAL lets it read what was committed); nothing for an in-memory store.
    std::optional<Store> reader() const;

    // The schema version this binary writes, and the one the open file has.
    static int latest_version();
    int version() const;

    // A write transaction (BEGIN IMMEDIATE): rolled back unless `commit` is called.
    class Transaction {
    public:
        explicit Transaction(Store& store);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

    private:
        Store* m_store;
        bool m_done = false;
    };

    // While alive, the page cache is SQLite's default 2 MB instead of the 64 MB kept for index
    // lookups: an append-only bulk write (an import) reads nothing back, and a large cache only
    // holds every written page, so memory would grow with the article. And when no other
    // connection has the file open, it is written through a rollback journal instead of the WAL
    // (restored at the end). Make it before the write's Transaction, end it after.
    class BulkAppend {
    public:
        explicit BulkAppend(Store& store);
        ~BulkAppend();
        BulkAppend(const BulkAppend&) = delete;
        BulkAppend& operator=(const BulkAppend&) = delete;

    private:
        Store* m_store;
        bool m_rollback_journal = false;  // the WAL was left for the write (see store.cpp)
    };

    // Articles. `add_article` stores the article, its paragraphs, sources and citations and
    // returns its id; a source URL already known is reused.
    Id add_article(const Article& article);

    // An article written as it is read, so a large one is never held whole: the constructor adds
    // `article`'s row and citations (not its paragraphs, not its `body`) with `body_size` bytes
    // reserved for the body, stored as a BLOB of its UTF-8; `write` fills them in order and
    // `finish` checks that all were written. Use inside a Transaction, which rolls back a body
    // left unfinished.
    class BodyWriter {
    public:
        BodyWriter(Store& store, const Article& article, std::size_t body_size);
        ~BodyWriter();
        BodyWriter(const BodyWriter&) = delete;
        BodyWriter& operator=(const BodyWriter&) = delete;

        Id article() const { return m_article; }
        // Keep the body's blob open from the next write to finish(), for a caller that writes
        // nothing else to the store meanwhile (SQLite refuses savepoints while a blob is open).
        // Reopened for each piece, the blob costs a walk of its pages up to the piece, which
        // grows with the square of a large body.
        void hold_open() { m_hold = true; }
        void write(std::string_view bytes);
        void finish();

    private:
        void flush();
        void write_blob(std::string_view bytes);
        void close_blob();
        Store* m_store;
        sqlite3_blob* m_blob = nullptr;
        bool m_hold = false;
        Id m_article = 0;
        std::size_t m_size = 0;
        std::size_t m_written = 0;
        std::string m_buffer;
    };

    // Add paragraphs of `article` with their places among its paragraphs, in any order.
    struct NumberedParagraph {
        std::size_t index = 0;
        Paragraph paragraph;
    };
    void add_paragraphs(Id article, std::span<const NumberedParagraph> paragraphs);
    std::optional<Id> find_article_by_sha256(std::string_view sha256) const;
    bool has_article(Id id) const;
    std::optional<Article> article(Id id) const;
    std::vector<Article> articles() const;  // with `body` and `paragraphs`, oldest first
    // The same without `body` and `paragraphs` (sources kept), for lists and reports: an article's
    // body may be tens of megabytes.
    std::optional<Article> article_header(Id id) const;
    std::vector<Article> article_headers() const;
    std::optional<Id> latest_article() const;

    // Claims. `add_claim` returns the new id; `status` is always derived from the review log.
    Id add_claim(const Claim& claim);
    // Add the extracted `claims` in order, as `add_claim` would one by one, several rows per
    // statement (an import of a large article writes hundreds of thousands).
    void add_claims(std::span<const Claim> claims);
    std::optional<Claim> claim(Id id) const;
    std::vector<Claim> claims(const ClaimFilter& filter) const;  // by article, then position
    // Store a claim a person wrote (`origin` manual) and return its id.
    Id add_claim(const Claim& claim, Origin origin);
    // Overwrite the kind and fields of claim `claim.id`; its text and span stay.
    void update_claim(const Claim& claim);
    std::optional<ClaimState> claim_state(Id id) const;
    // Return the claim of `article` whose text is exactly `text`, rejected or not.
    std::optional<Id> find_claim(Id article, std::string_view text) const;

    // Sources with their latest fetch result, one row per citation.
    std::vector<SourceRow> sources(std::optional<Id> article) const;

    // Snapshots and passages (indexed for full-text search as they are added).
    Id add_snapshot(const Snapshot& snapshot, const std::vector<Passage>& passages);
    std::optional<Snapshot> latest_snapshot(Id source) const;
    std::optional<Snapshot> snapshot(Id id) const;
    // Return the extracted text of snapshot `id` alone (its body is not read nor unpacked).
    std::optional<std::string> snapshot_text(Id id) const;
    // Return the ETag and Last-Modified of the latest snapshot of `source` that had a 200
    // response, for a conditional re-fetch; nothing when there is none.
    struct Validators {
        std::string etag;
        std::string last_modified;
    };
    std::optional<Validators> validators(Id source) const;
    std::vector<Passage> passages_of(Id snapshot) const;
    std::optional<Passage> passage(Id id) const;

    // Return passages matching the FTS5 expression `match` (over index tokens), best first,
    // from the latest snapshot that has passages of each source cited by `article` (all when
    // not given), so a failed re-fetch does not hide the text fetched before; a malformed
    // expression finds nothing. `rank` is FTS5's bm25, or, with `weights` (one inverse document
    // frequency per phrase of `match`, see evidence::phrase_weights), the same formula with those
    // weights, which spares reading every phrase's whole doclist to count its passages.
    std::vector<PassageHit> search_passages(std::string_view match, std::optional<Id> article, int limit,
                                            std::span<const double> weights = {}) const;
    // Return how many indexed passages hold the index token `token` (with `prefix`, any token
    // beginning with it, counted once per token), and how many passages there are.
    std::int64_t passages_with(std::string_view token, bool prefix) const;
    std::int64_t indexed_passages() const;
    // Return how many passages FTS5 expression `match` matches (0 for a malformed one).
    std::int64_t passages_matching(std::string_view match) const;

    // Evidence. `replace_automatic_evidence` drops the claim's automatic rows that no review
    // refers to and inserts `rows`; manual rows stay, and a row whose passage text a person
    // rejected for this claim (in any snapshot of the same source) is not inserted again.
    void replace_automatic_evidence(Id claim, const std::vector<Evidence>& rows);
    // Return the claim's evidence that no person rejected: accepted first, then best score,
    // with `text` and `url`.
    std::vector<Evidence> evidence_of(Id claim) const;
    // Return what `evidence_of` returns for every claim of `article`, keyed by claim id (claims
    // without such evidence are absent), read in one query: for a report of many claims.
    std::map<Id, std::vector<Evidence>> evidence_of_article(Id article) const;
    EvidenceVerdict evidence_verdict(Id evidence) const;
    // Store `row` (a manual citation, say) for `row.claim`; return its id, or nothing when the
    // claim already has evidence on that passage.
    std::optional<Id> add_evidence(const Evidence& row);
    std::optional<Evidence> evidence(Id id) const;
    // Overwrite evidence `row.id` with `row`'s passage, score, stance, reason, origin, quote and
    // `orphaned` flag (re-anchoring, or a person citing a passage already proposed).
    void update_evidence(const Evidence& row);
    // Return the rows of the article's claims (all when not given) that a person made or a review
    // refers to, whose passage is not in the latest snapshot with passages of its source.
    std::vector<StaleEvidence> stale_evidence(std::optional<Id> article) const;
    // Return the latest snapshot of `source` that has passages, if any.
    std::optional<Snapshot> latest_text_snapshot(Id source) const;

    // Return the id of the source with (normalized) `url`, if stored.
    std::optional<Id> find_source(std::string_view url) const;
    // Make `article` cite `url` (added at the end of its list with `title`, once); return the source id.
    Id add_citation(Id article, std::string_view url, std::string_view title);

    // User aliases. `add_alias` stores the pair and returns its id, or nothing when the same pair
    // (either way round, compared folded) is stored already; `remove_alias` drops every row
    // naming `name` (folded) and returns how many went.
    std::optional<Id> add_alias(const UserAlias& alias);
    std::vector<UserAlias> aliases() const;  // oldest first
    std::size_t remove_alias(std::string_view name);

    // The append-only review log. `record_review` writes a status row; `record_log` any row.
    Id record_review(const Review& review);
    Id record_log(const LogEntry& entry);
    std::vector<Review> history(Id claim) const;   // every row, oldest first
    std::vector<LogEntry> log(Id claim) const;     // every row with its action, oldest first
    // Return what `history` returns for every claim of `article`, keyed by claim id (claims never
    // reviewed are absent), read in one query.
    std::map<Id, std::vector<Review>> history_of_article(Id article) const;

    // ---- WARC export (src/store/store_export.cpp) ----
    // Return the id of the latest snapshot of `source` holding an HTTP response other than
    // 304 Not Modified (the body a report is built from); nothing when there is none.
    std::optional<Id> latest_response_snapshot(Id source) const;

    // The open connection and its prepared statements (src/store/store_impl.hpp); named here so
    // the store's own helpers can take it, opaque to everyone else.
    struct Impl;

private:
    struct ReadOnly {};
    Store(ReadOnly, const std::string& path);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace claimtrack
