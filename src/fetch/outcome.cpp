#include "fetch/transfer.hpp"

#include <algorithm>
#include <string_view>

namespace claimtrack::fetch {
namespace {

bool retryable_code(CURLcode code) {
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_HTTP2:
        case CURLE_HTTP2_STREAM:
        case CURLE_SSL_CONNECT_ERROR:
            return true;
        default:
            return false;
    }
}

bool retryable_status(long status) { return status == 408 || status == 429 || status >= 500; }

std::string curl_text(const Transfer& transfer, CURLcode code) {
    const std::string_view detail(transfer.error_buffer.data());
    return detail.empty() ? std::string(curl_easy_strerror(code)) : std::string(detail);
}

std::string error_text(const Transfer& transfer, CURLcode code, const Options& options) {
    if (!transfer.refused.empty()) {
        return std::string(k_refused_prefix) + transfer.refused + " address; allow private addresses to fetch it";
    }
    if (transfer.body_too_large || code == CURLE_FILESIZE_EXCEEDED) {
        return "body larger than " + std::to_string(options.max_body) + " bytes";
    }
    if (transfer.headers_too_large) {
        return "headers larger than " + std::to_string(options.max_header_bytes) + " bytes";
    }
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT: return "timeout: " + curl_text(transfer, code);
        case CURLE_TOO_MANY_REDIRECTS:
            return "too many redirects (more than " + std::to_string(options.max_redirects) + ")";
        case CURLE_UNSUPPORTED_PROTOCOL: return std::string(k_scheme_prefix) + " (only http and https): " + curl_text(transfer, code);
        case CURLE_COULDNT_RESOLVE_HOST: return "cannot resolve host: " + curl_text(transfer, code);
        case CURLE_COULDNT_CONNECT: return "connection failed: " + curl_text(transfer, code);
        default: return curl_text(transfer, code);
    }
}

std::string info_string(CURL* easy, CURLINFO info) {
    char* value = nullptr;
    if (curl_easy_getinfo(easy, info, &value) == CURLE_OK && value != nullptr) return value;
    return "";
}

}  // namespace

Outcome finish_transfer(Transfer& transfer, CURLcode code, const Request& request, const Options& options) {
    CURL* easy = transfer.easy.get();
    Outcome outcome;
    FetchResult& result = outcome.result;
    result.requested_url = request.url;
    result.final_url = info_string(easy, CURLINFO_EFFECTIVE_URL);
    if (result.final_url.empty()) result.final_url = request.url;
    result.ip = info_string(easy, CURLINFO_PRIMARY_IP);
    result.request = std::move(transfer.request_block);
    result.fetched_at = now_iso8601();
    result.attempts = transfer.attempt;
    result.status_line = std::move(transfer.status_line);
    result.headers = std::move(transfer.header_block);
    if (code != CURLE_OK) {
        // A failed transfer keeps what it learnt about the server but claims no response.
        result.error = error_text(transfer, code, options);
        outcome.retryable = transfer.refused.empty() && !transfer.body_too_large && !transfer.headers_too_large &&
                            retryable_code(code);
        return outcome;
    }
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    result.http_status = static_cast<int>(status);
    result.content_type = info_string(easy, CURLINFO_CONTENT_TYPE);
    result.body = std::move(transfer.body);
    outcome.retryable = retryable_status(status);
    curl_off_t retry_after = 0;
    if (curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
        outcome.retry_after_ms = static_cast<long>(std::min<curl_off_t>(retry_after, 86'400)) * 1000;
    }
    return outcome;
}

}  // namespace claimtrack::fetch
