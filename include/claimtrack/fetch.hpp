#pragma once

#include <claimtrack/model.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

// Fetching URLs with libcurl's multi interface: one event loop, bounded concurrency, never hangs.
namespace claimtrack::fetch {

enum class PrivateAddresses { refuse, allow };

// Where a run stands, for a progress display.
struct Progress {
    std::size_t total = 0;         // requests given
    std::size_t done = 0;          // reported with a response below 400
    std::size_t failed = 0;        // reported with an error or a status of 400 or more
    std::size_t in_flight = 0;     // transfers running now
    std::size_t waiting = 0;       // not started yet, or waiting to retry
    std::uint64_t bytes = 0;       // body bytes received (after decompression), retried attempts included
    double bytes_per_second = 0;   // over the last two seconds or so
    double seconds = 0;            // since the run began
};

struct Options {
    int jobs = 16;                   // transfers in flight overall
    int per_host = 4;                // transfers in flight per host
    long connect_timeout_ms = 10'000;
    long timeout_ms = 60'000;        // whole transfer, per attempt
    long low_speed_bytes = 512;      // cut a transfer slower than this many bytes/s ...
    long low_speed_seconds = 20;     // ... for this long
    int max_redirects = 10;
    std::size_t max_body = 20u << 20;  // after decompression
    std::size_t max_header_bytes = 256u << 10;  // all response header lines together
    int retries = 2;                 // extra attempts for timeouts, resets, 408, 429, 5xx
    long backoff_ms = 500;           // first retry delay, doubled each time, with jitter
    long max_retry_wait_ms = 30'000; // cap on any retry delay, Retry-After included
    PrivateAddresses private_addresses = PrivateAddresses::refuse;
    std::string user_agent;          // empty: a browser-like default naming claimtrack
    std::string accept_language;     // e.g. "zh-CN,zh;q=0.9,en;q=0.8"
    // When set and it becomes true (e.g. from a SIGINT handler), stop within ~0.2 s: transfers in
    // flight are abandoned and requests not yet done are never reported.
    const std::atomic<bool>* cancel = nullptr;
    // When set, called from the event loop at most once per `progress_interval_ms`, and once more
    // when the run ends (not when cancelled).
    std::function<void(const Progress&)> on_progress;
    long progress_interval_ms = 200;
    // When set, called as each attempt starts with the request's index and attempt number (from 1).
    std::function<void(std::size_t index, int attempt)> on_start;
    std::vector<std::string> resolve;            // "host:port:address" used instead of DNS, as curl --resolve
    std::vector<std::string> allowed_addresses;  // exact IPs reachable despite `PrivateAddresses::refuse`
};

struct Request {
    std::string url;
    std::string etag;           // for conditional re-fetch, may be empty
    std::string last_modified;  // for conditional re-fetch, may be empty
    std::string accept_language{};  // sent instead of `Options::accept_language` when not empty
};

// Return the Accept-Language value for sources of an article in `language` ("zh", "en"; any
// other code, "und" or empty gets a neutral English-first list that still accepts Chinese).
std::string accept_language_for(std::string_view language);

// Called once per request as it finishes (any order), with its index in `requests`.
using OnDone = std::function<void(std::size_t index, FetchResult result)>;

// Fetch every request, at most `options.jobs` at once and `options.per_host` per host; failures
// are results with `error` set, never exceptions. Returns when all are done (or cancelled).
// `on_done` runs on the calling thread; an exception from it stops the run and propagates.
void fetch_all(const std::vector<Request>& requests, const Options& options, const OnDone& on_done);

// Return what a person should read from `result`: "ok", "dead" (404, 410), "soft-404" (a 2xx whose
// `title` or short `main_text` says the page is missing, zh or en), "unreachable" (no answer, 5xx,
// 401, 403, 429...), "refused" (private address or scheme), "not-modified" (304), "not-text".
std::string judge_outcome(const FetchResult& result, bool is_text, std::string_view title, std::string_view main_text);

}  // namespace claimtrack::fetch
