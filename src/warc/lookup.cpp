#include <claimtrack/warc.hpp>

#include "warc/http_message.hpp"

namespace claimtrack::warc {
namespace {

// Return `location` made absolute against `base` (enough for the Location headers servers send).
std::string resolve(const std::string& base, const std::string& location) {
    if (location.find("://") != std::string::npos) return location;
    const auto scheme_end = base.find("://");
    if (scheme_end == std::string::npos) return location;
    if (location.starts_with("//")) return base.substr(0, scheme_end + 1) + location;
    const auto path_start = base.find('/', scheme_end + 3);
    const std::string origin = base.substr(0, path_start);
    if (location.starts_with("/")) return origin + location;
    std::string path = path_start == std::string::npos ? "/" : base.substr(path_start);
    path = path.substr(0, path.find_first_of("?#"));
    return origin + path.substr(0, path.rfind('/') + 1) + location;
}

const FetchResult* find_exact(const std::vector<FetchResult>& responses, std::string_view url) {
    // Prefer the last record of a URL: a later fetch in the same file is the fresher one.
    for (auto it = responses.rbegin(); it != responses.rend(); ++it) {
        if (it->requested_url == url || it->final_url == url) return &*it;
    }
    return nullptr;
}

bool is_redirect(const FetchResult& result) {
    const int status = result.http_status.value_or(0);
    return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
           !header_value(result.headers, "Location").empty();
}

}  // namespace

std::optional<FetchResult> find_response(const std::vector<FetchResult>& responses, std::string_view url) {
    const FetchResult* found = find_exact(responses, url);
    for (int hop = 0; found != nullptr && is_redirect(*found) && hop < 10; ++hop) {
        const std::string next = resolve(found->final_url, header_value(found->headers, "Location"));
        const FetchResult* target = find_exact(responses, next);
        if (target == nullptr || target == found) break;  // keep the redirect itself
        found = target;
    }
    if (found == nullptr) return std::nullopt;
    FetchResult result = *found;
    result.requested_url = std::string(url);
    return result;
}

}  // namespace claimtrack::warc
