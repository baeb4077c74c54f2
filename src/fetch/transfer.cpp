#include "fetch/transfer.hpp"

#include "fetch/address_policy.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

namespace claimtrack::fetch {
namespace {

constexpr const char* k_accept = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";
constexpr const char* k_default_language = "en,zh;q=0.8,*;q=0.5";
// libcurl reads at most this much per read (its default is 16 KB). With 16 KB a 50 KB page takes
// four passes through the event loop, each visiting every transfer, which delayed each response by
// ~14 ms at 64 transfers; curl's own tool uses 100 KB too. Memory: one buffer per running transfer.
constexpr long k_receive_buffer = 100L * 1024;
// The body is reserved up front from Content-Length, up to this much (a lying header cannot make
// us reserve the whole body cap); beyond it the string grows as data arrives.
constexpr curl_off_t k_max_reserve = 4 << 20;

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (transfer.body.size() + n > transfer.max_body) {
        transfer.body_too_large = true;
        return 0;  // anything but `n` aborts the transfer
    }
    if (transfer.body.empty()) {
        curl_off_t length = -1;
        curl_easy_getinfo(transfer.easy.get(), CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
        if (length > 0) {
            transfer.body.reserve(static_cast<std::size_t>(
                std::min({length, k_max_reserve, static_cast<curl_off_t>(transfer.max_body)})));
        }
    }
    transfer.body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    transfer.header_bytes += n;
    if (transfer.header_bytes > transfer.max_header_bytes) {
        transfer.headers_too_large = true;
        return 0;
    }
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    if (line.starts_with("HTTP/")) {
        // A new response begins (after a redirect or a 1xx): keep only the final one.
        transfer.status_line.assign(line);
        while (!transfer.status_line.empty() && transfer.status_line.back() == ' ') transfer.status_line.pop_back();
        transfer.header_block.clear();
    } else if (!line.empty()) {
        transfer.header_block.append(line);
        transfer.header_block += "\r\n";
    }
    return n;
}

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_HEADER_OUT) return 0;
    auto& transfer = *static_cast<Transfer*>(user);
    // Each request of a redirect chain replaces the previous one: keep the last request sent.
    if (transfer.request_block.ends_with("\r\n\r\n")) transfer.request_block.clear();
    transfer.request_block.append(data, size);
    return 0;
}

curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
    auto& transfer = *static_cast<Transfer*>(user);
    const auto kind = private_address_kind(&address->addr);
    const auto& allowed = *transfer.allowed_addresses;
    if (kind && std::ranges::find(allowed, address_text(&address->addr)) == allowed.end()) {
        transfer.refused = address_text(&address->addr) + " (" + *kind + ")";
        return CURL_SOCKET_BAD;
    }
    return socket(address->family, address->socktype, address->protocol);
}

std::string lowercase(std::string text) {
    std::ranges::transform(text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void append(std::unique_ptr<curl_slist, SlistDeleter>& list, const std::string& line) {
    curl_slist* longer = curl_slist_append(list.get(), line.c_str());
    if (longer != nullptr) {
        (void)list.release();
        list.reset(longer);
    }
}

void add_header(Transfer& transfer, const std::string& line) { append(transfer.header_list, line); }

void set_resolve(Transfer& transfer, const Options& options) {
    if (options.resolve.empty()) return;
    for (const std::string& entry : options.resolve) append(transfer.resolve_list, entry);
    curl_easy_setopt(transfer.easy.get(), CURLOPT_RESOLVE, transfer.resolve_list.get());
}

void set_headers(Transfer& transfer, const Request& request, const Options& options) {
    add_header(transfer, std::string("Accept: ") + k_accept);
    const std::string& language = request.accept_language.empty() ? options.accept_language : request.accept_language;
    add_header(transfer, "Accept-Language: " + (language.empty() ? std::string(k_default_language) : language));
    if (!request.etag.empty()) add_header(transfer, "If-None-Match: " + request.etag);
    if (!request.last_modified.empty()) add_header(transfer, "If-Modified-Since: " + request.last_modified);
    curl_easy_setopt(transfer.easy.get(), CURLOPT_HTTPHEADER, transfer.header_list.get());
}

void set_limits(CURL* easy, const Options& options) {
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, options.timeout_ms);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(options.max_redirects));
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body));
}

}  // namespace

std::string accept_language_for(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    if (primary == "zh") return "zh-CN,zh;q=0.9,en;q=0.8";
    if (primary == "en") return "en-US,en;q=0.9";
    return k_default_language;
}

std::string default_user_agent() {
    std::string agent = "Mozilla/5.0 (compatible; claimtrack/0.1; +https://github.com/claimtrack";
    const char* contact = std::getenv("CLAIMTRACK_CONTACT");
    std::string clean;
    for (const char* c = contact; c != nullptr && *c != '\0' && clean.size() < 200; ++c) {
        const auto byte = static_cast<unsigned char>(*c);
        if (byte >= 0x20 && byte != 0x7f && *c != '(' && *c != ')') clean += *c;  // no header injection, no broken comment
    }
    if (!clean.empty()) agent += "; contact: " + clean;
    return agent + ")";
}

Target parse_target(const std::string& url) {
    CURLU* handle = curl_url();
    Target target;
    if (handle == nullptr) return {"", "out of memory"};
    char* scheme = nullptr;
    char* host = nullptr;
    if (curl_url_set(handle, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
        target.error = "invalid URL";
    } else if (curl_url_get(handle, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
               (lowercase(scheme) != "http" && lowercase(scheme) != "https")) {
        target.error = std::string(k_scheme_prefix) + " \"" + std::string(scheme ? scheme : "") + "\" (only http and https)";
    } else if (curl_url_get(handle, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        target.error = "URL has no host";
    } else {
        target.host = lowercase(host);
    }
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(handle);
    return target;
}

std::unique_ptr<Transfer> make_transfer(const Request& request, const Options& options) {
    auto transfer = std::make_unique<Transfer>();
    transfer->easy.reset(curl_easy_init());
    if (!transfer->easy) return nullptr;
    transfer->max_body = options.max_body;
    transfer->max_header_bytes = options.max_header_bytes;
    CURL* easy = transfer->easy.get();
    Transfer* self = transfer.get();
    curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, self);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, k_receive_buffer);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, self->error_buffer.data());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(easy, CURLOPT_AUTOREFERER, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));  // HTTP/2 where TLS offers it
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl was built with
    curl_easy_setopt(easy, CURLOPT_COOKIEFILE, "");       // keep cookies across redirects, like a browser
    const std::string agent = options.user_agent.empty() ? default_user_agent() : options.user_agent;
    curl_easy_setopt(easy, CURLOPT_USERAGENT, agent.c_str());  // curl copies strings
    set_limits(easy, options);
    set_headers(*transfer, request, options);
    set_resolve(*transfer, options);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, self);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, self);
    // The debug callback only runs in verbose mode; it prints nothing, it keeps the request sent.
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, self);
    if (options.private_addresses == PrivateAddresses::refuse) {
        transfer->allowed_addresses = &options.allowed_addresses;
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, self);
    }
    return transfer;
}

}  // namespace claimtrack::fetch
