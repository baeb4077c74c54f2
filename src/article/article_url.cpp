#include <claimtrack/article.hpp>

#include "article/internal.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace claimtrack::article {
namespace {

// Query parameters that only say how a reader arrived; lower case, `utm_` handled apart.
constexpr std::array<std::string_view, 36> k_tracking{
    "spm", "from", "originreferrer", "fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid",
    "igshid", "share_token", "scene", "share_source", "share_medium", "share_from", "sharesource",
    "tt_from", "wfr", "vd_source", "isappinstalled", "share_plat", "_hsenc", "_hsmi", "mkt_tok",
    "chksm", "sharer_sharetime", "sharer_shareid", "sharer_shareinfo", "sharer_shareinfo_first",
    "clicktime", "enterid", "ascene", "subscene", "sessionid", "pass_ticket",
};

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_tracking(std::string_view parameter) {
    const auto name = lower(parameter.substr(0, parameter.find('=')));
    if (name.starts_with("utm_")) return true;
    return std::find(k_tracking.begin(), k_tracking.end(), name) != k_tracking.end();
}

std::string clean_query(std::string_view query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        const std::size_t end = std::min(query.find('&', start), query.size());
        const auto parameter = query.substr(start, end - start);
        if (!parameter.empty() && !is_tracking(parameter)) {
            out += out.empty() ? "?" : "&";
            out += parameter;
        }
        start = end + 1;
    }
    return out;
}

bool valid_host(std::string_view host) {
    if (host.empty()) return false;
    if (host.front() == '[') return host.back() == ']';
    return std::all_of(host.begin(), host.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
    });
}

// A bare domain: "host.tld/path", where the last label is letters.
bool is_bare_domain(std::string_view text) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0) return false;
    auto host = text.substr(0, slash);
    host = host.substr(0, host.find(':'));
    const auto dot = host.rfind('.');
    if (dot == std::string_view::npos || host.size() - dot - 1 < 2) return false;
    const auto tld = host.substr(dot + 1);
    return valid_host(host) && std::all_of(tld.begin(), tld.end(), [](unsigned char c) { return std::isalpha(c); });
}

struct Parts {
    std::string scheme;
    std::string_view rest;  // after "scheme://"
};

std::optional<Parts> split_scheme(std::string_view url) {
    const auto colon = url.find(':');
    const auto marker = url.find("://");
    if (marker != std::string_view::npos && marker == colon) {
        auto scheme = lower(url.substr(0, marker));
        if (scheme != "http" && scheme != "https") return std::nullopt;
        return Parts{std::move(scheme), url.substr(marker + 3)};
    }
    if (url.starts_with("//")) return Parts{"https", url.substr(2)};
    if (!is_bare_domain(url)) return std::nullopt;
    return Parts{"https", url};
}

// Return the authority with host lower case and a default port dropped, or nothing if it is malformed.
std::optional<std::string> normalize_authority(std::string_view authority, std::string_view scheme) {
    const auto at = authority.rfind('@');
    const std::string userinfo(at == std::string_view::npos ? std::string_view() : authority.substr(0, at + 1));
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);
    std::string host = lower(authority);
    std::string port;
    const auto colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
        port = host.substr(colon + 1);
        host.erase(colon);
        if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) return std::nullopt;
        if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) port.clear();
    }
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (!valid_host(host)) return std::nullopt;
    return userinfo + host + (port.empty() ? "" : ":" + port);
}

}  // namespace

std::optional<std::string> normalize_url(std::string_view url) {
    const Span trimmed = detail::trim_span(url);
    url = url.substr(trimmed.start, trimmed.end - trimmed.start);
    if (url.empty() || url.find_first_of(" \t\n\r") != std::string_view::npos) return std::nullopt;
    const auto parts = split_scheme(url);
    if (!parts) return std::nullopt;
    auto rest = parts->rest.substr(0, parts->rest.find('#'));
    const auto path_start = std::min(rest.find_first_of("/?"), rest.size());
    const auto authority = normalize_authority(rest.substr(0, path_start), parts->scheme);
    if (!authority) return std::nullopt;
    rest.remove_prefix(path_start);
    const auto query_start = std::min(rest.find('?'), rest.size());
    std::string path(rest.substr(0, query_start));
    if (path.empty()) path = "/";
    const auto query = query_start < rest.size() ? rest.substr(query_start + 1) : std::string_view();
    return parts->scheme + "://" + *authority + path + clean_query(query);
}

}  // namespace claimtrack::article
