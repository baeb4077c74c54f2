#pragma once

#include <claimtrack/fetch.hpp>
#include <claimtrack/model.hpp>

#include <curl/curl.h>

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace claimtrack::fetch {

// How the errors of a request we chose not to make begin; `judge_outcome` reads them back.
constexpr std::string_view k_refused_prefix = "refused to connect to ";
constexpr std::string_view k_scheme_prefix = "unsupported scheme";

struct EasyDeleter {
    void operator()(CURL* easy) const { curl_easy_cleanup(easy); }
};
struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// One attempt at one request: its easy handle and what the callbacks collect. Never moved
// once started, since curl holds pointers to it.
struct Transfer {
    std::size_t index = 0;
    int attempt = 1;
    std::string host;
    std::unique_ptr<CURL, EasyDeleter> easy;
    std::unique_ptr<curl_slist, SlistDeleter> header_list;
    std::unique_ptr<curl_slist, SlistDeleter> resolve_list;
    const std::vector<std::string>* allowed_addresses = nullptr;  // owned by the Options
    std::size_t max_body = 0;
    std::size_t max_header_bytes = 0;
    std::string status_line;
    std::string header_block;
    std::string body;
    std::string request_block;
    std::size_t header_bytes = 0;
    bool body_too_large = false;
    bool headers_too_large = false;
    std::string refused;  // "127.0.0.1 (loopback)" when the address policy stopped a connection
    std::array<char, CURL_ERROR_SIZE> error_buffer{};
};

// What one finished attempt came to, and whether another attempt may do better.
struct Outcome {
    FetchResult result;
    bool retryable = false;
    long retry_after_ms = 0;  // from Retry-After, 0 when absent
};

// Return the lowercased host of `url`, or an error text when it is not an http(s) URL.
struct Target {
    std::string host;
    std::string error;
};
Target parse_target(const std::string& url);

// Return a transfer for `request`, configured from `options` but not yet added to a multi handle.
std::unique_ptr<Transfer> make_transfer(const Request& request, const Options& options);

// Return the outcome of `transfer` which curl finished with `code`.
Outcome finish_transfer(Transfer& transfer, CURLcode code, const Request& request, const Options& options);

// Return the User-Agent sent when `Options::user_agent` is empty: browser-like, naming claimtrack
// and, when $CLAIMTRACK_CONTACT is set (an e-mail or URL), how a site owner reaches the newsroom.
std::string default_user_agent();

}  // namespace claimtrack::fetch
