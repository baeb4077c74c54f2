#pragma once

#include <claimtrack/model.hpp>

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

// Fetching URLs with libcurl's multi interface: one event loop, bounded concurrency, never hangs.
namespace claimtrack::fetch {

enum class PrivateAddresses { refuse, allow };

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
};

struct Request {
    std::string url;
    std::string etag;           // for conditional re-fetch, may be empty
    std::string last_modified;  // for conditional re-fetch, may be empty
};

// Called once per request as it finishes (any order), with its index in `requests`.
using OnDone = std::function<void(std::size_t index, FetchResult result)>;

// Fetch every request, at most `options.jobs` at once and `options.per_host` per host; failures
// are results with `error` set, never exceptions. Returns when all are done (or cancelled).
// `on_done` runs on the calling thread; an exception from it stops the run and propagates.
void fetch_all(const std::vector<Request>& requests, const Options& options, const OnDone& on_done);

}  // namespace claimtrack::fetch
