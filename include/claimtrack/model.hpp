#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack {

using Id = std::int64_t;

// A half-open range [start, end) of UTF-8 byte offsets in some text.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

enum class ParagraphKind { text, title, noise, source_list };

struct Paragraph {
    Span span;
    ParagraphKind kind = ParagraphKind::text;
    bool operator==(const Paragraph&) const = default;
};

// A source as the article cites it: `url` is normalized, `title` is the label the article gives it.
struct CitedSource {
    std::string url;
    std::string title;
    int position = 0;  // 0-based order in the article
    bool operator==(const CitedSource&) const = default;
};

struct Article {
    Id id = 0;
    std::string title;
    std::string date;      // YYYY-MM-DD or empty
    std::string language;  // "zh", "en" or "und"
    std::string format;    // "text", "markdown", "html"
    std::string origin;    // file path, "-" or URL it came from
    std::string body;      // UTF-8 text; every claim span points into it
    std::string sha256;    // of `body`, so re-importing the same content is detected
    std::string imported_at;
    std::vector<Paragraph> paragraphs;
    std::vector<CitedSource> sources;
    bool operator==(const Article&) const = default;
};

enum class ClaimKind { quantity, role, quote, event, comparison };
enum class Status { unreviewed, verified, disputed, unverifiable };
enum class Stance { supports, contradicts, mentions };
enum class Origin { automatic, manual };

// A checkable assertion: `text` is exactly `body.substr(span.start, span.end - span.start)`.
struct Claim {
    Id id = 0;
    Id article = 0;
    ClaimKind kind = ClaimKind::quantity;
    std::string text;
    Span span;
    // Kind-specific fields, see the JSON contract: quantity {subject, attribute, value | from, to, unit},
    // role {person, role, organization, when}, quote {speaker, quote, venue, when},
    // event {actor, action, when}, comparison {subject, relation, object}.
    std::map<std::string, std::string> fields;
    double checkworthiness = 0.0;  // 0..1
    bool hedged = false;
    Status status = Status::unreviewed;
    bool operator==(const Claim&) const = default;
};

struct Source {
    Id id = 0;
    std::string url;
    bool operator==(const Source&) const = default;
};

// One citation of a source by an article, with the source's latest fetch result if any.
struct SourceRow {
    Id id = 0;  // source id
    Id article = 0;
    std::string url;
    std::string title;
    int position = 0;
    std::optional<int> http_status;
    std::string fetched_at;
    std::string error;
    std::string outcome;  // ok, dead, unreachable, not-text, ... ; empty before any fetch
    std::string final_url;
    bool operator==(const SourceRow&) const = default;
};

// One HTTP exchange as the fetcher saw it, or as a WARC file replays it.
struct FetchResult {
    std::string requested_url;
    std::string final_url;           // after redirects
    std::optional<int> http_status;  // absent when no response came
    std::string status_line;         // "HTTP/1.1 200 OK" of the final response
    std::string headers;             // raw header block of the final response, CRLF lines, no status line
    std::string content_type;        // the Content-Type header value
    std::string body;                // payload, transfer and content encodings removed
    std::string request;             // raw request block as sent (for WARC request records), may be empty
    std::string ip;                  // remote address, may be empty
    std::string fetched_at;          // ISO 8601 UTC
    std::string error;               // why it failed (timeout, refused, too large...), empty on success
    int attempts = 0;
    bool operator==(const FetchResult&) const = default;
};

// One fetch of a source, as stored.
struct Snapshot {
    Id id = 0;
    Id source = 0;
    std::string requested_url;
    std::string final_url;
    std::optional<int> http_status;  // absent when no response came
    std::string content_type;
    std::string charset;
    std::string fetched_at;  // ISO 8601 UTC
    std::string sha256;      // of the raw body
    std::string headers;     // raw response header block
    std::string body;        // raw bytes as received
    std::string title;       // from the extractor
    std::string published;   // from the extractor, ISO 8601 when known
    std::string text;        // extracted main text; passages point into it
    std::string error;       // why it failed, empty when it did not
    std::string outcome;     // ok, dead, unreachable, not-text, refused
    std::string warc_file;   // the WARC file it was replayed from or written to, if any
    bool operator==(const Snapshot&) const = default;
};

// A sentence-sized piece of a snapshot's text: the unit evidence points at.
struct Passage {
    Id id = 0;
    Id snapshot = 0;
    int index = 0;  // order within the snapshot
    Span span;      // in the snapshot's `text`
    std::string text;
    bool operator==(const Passage&) const = default;
};

// W3C Web Annotation TextQuoteSelector + TextPositionSelector.
struct QuoteSelector {
    std::string exact;
    std::string prefix;
    std::string suffix;
    std::size_t start = 0;
    std::size_t end = 0;
    bool operator==(const QuoteSelector&) const = default;
};

struct Evidence {
    Id id = 0;
    Id claim = 0;
    Id passage = 0;
    double score = 0.0;  // 0..1
    Stance stance = Stance::mentions;
    std::string reason;
    Origin origin = Origin::automatic;
    QuoteSelector quote;
    bool orphaned = false;
    // Filled on reads for display.
    std::string text;
    std::string url;
    bool operator==(const Evidence&) const = default;
};

// One row of the append-only review log.
struct Review {
    Id id = 0;
    Id claim = 0;
    Status previous = Status::unreviewed;
    Status status = Status::unreviewed;
    std::optional<Id> evidence;
    std::string note;
    std::string reviewer;
    std::string created_at;  // ISO 8601 UTC
    bool operator==(const Review&) const = default;
};

std::string_view to_string(ParagraphKind kind);
std::string_view to_string(ClaimKind kind);
std::string_view to_string(Status status);
std::string_view to_string(Stance stance);
std::string_view to_string(Origin origin);
std::optional<ParagraphKind> paragraph_kind_from(std::string_view name);
std::optional<ClaimKind> claim_kind_from(std::string_view name);
std::optional<Status> status_from(std::string_view name);
std::optional<Stance> stance_from(std::string_view name);
std::optional<Origin> origin_from(std::string_view name);

inline std::string_view format_as(ClaimKind kind) { return to_string(kind); }
inline std::string_view format_as(Status status) { return to_string(status); }
inline std::string_view format_as(Stance stance) { return to_string(stance); }
inline std::string_view format_as(Origin origin) { return to_string(origin); }

// Return the current UTC time as ISO 8601 with seconds, e.g. "2025-11-06T08:00:00Z".
std::string now_iso8601();

}  // namespace claimtrack
