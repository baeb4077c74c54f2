#pragma once

// Shared by the fetch test files: options for a local server and one-call fetch helpers.

#include <claimtrack/fetch.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace claimtrack::test {

// Options for tests: loopback allowed, short timeouts and delays.
inline fetch::Options local_options() {
    fetch::Options options;
    options.private_addresses = fetch::PrivateAddresses::allow;
    options.connect_timeout_ms = 2'000;
    options.timeout_ms = 5'000;
    options.backoff_ms = 20;
    return options;
}

// Fetch `urls` with `options`; return the results in the order of `urls`.
inline std::vector<FetchResult> fetch_urls(const std::vector<std::string>& urls, const fetch::Options& options) {
    std::vector<fetch::Request> requests;
    for (const auto& url : urls) requests.push_back({url, "", ""});
    std::vector<FetchResult> results(urls.size());
    claimtrack::fetch::fetch_all(requests, options, [&](std::size_t index, FetchResult result) {
        results.at(index) = std::move(result);
    });
    return results;
}

// Fetch one `url` and return its result.
inline FetchResult fetch_one(const std::string& url, const fetch::Options& options = local_options()) {
    return fetch_urls({url}, options).at(0);
}

// Return the seconds `work` took.
template <typename Work>
double seconds_for(Work work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace claimtrack::test
