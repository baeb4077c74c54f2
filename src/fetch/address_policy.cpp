#include "fetch/address_policy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace claimtrack::fetch {
namespace {

struct Range4 {
    std::uint32_t network;
    int prefix;
    const char* kind;
};

// Ranges that a fetch of a cited web page has no business reaching.
constexpr std::array<Range4, 14> k_ranges4{{
    {0x00000000u, 8, "unspecified"},
    {0x0A000000u, 8, "private"},
    {0x64400000u, 10, "shared (carrier-grade NAT)"},
    {0x7F000000u, 8, "loopback"},
    {0xA9FEA9FEu, 32, "cloud metadata"},
    {0xA9FE0000u, 16, "link-local"},
    {0xAC100000u, 12, "private"},
    {0xC0000000u, 24, "IETF protocol assignment"},
    {0xC0A80000u, 16, "private"},
    {0xC6120000u, 15, "benchmarking"},
    {0xE0000000u, 4, "multicast"},
    {0xF0000000u, 4, "reserved"},
    {0xC0000200u, 24, "documentation"},
    {0xCB007100u, 24, "documentation"},
}};

std::optional<std::string> kind_of_v4(std::uint32_t ip) {
    for (const auto& range : k_ranges4) {
        const std::uint32_t mask = range.prefix == 0 ? 0u : ~std::uint32_t{0} << (32 - range.prefix);
        if ((ip & mask) == range.network) return std::string(range.kind);
    }
    return std::nullopt;
}

std::uint32_t v4_at(const unsigned char* bytes) {
    return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) | (std::uint32_t{bytes[2]} << 8) |
           std::uint32_t{bytes[3]};
}

std::optional<std::string> kind_of_v6(const unsigned char* b) {
    static constexpr std::array<unsigned char, 10> k_zero{};
    const bool first80_zero = std::memcmp(b, k_zero.data(), k_zero.size()) == 0;
    if (first80_zero && b[10] == 0xff && b[11] == 0xff) return kind_of_v4(v4_at(b + 12));  // ::ffff:a.b.c.d
    if (first80_zero && b[10] == 0 && b[11] == 0) {
        const std::uint32_t tail = v4_at(b + 12);
        if (tail == 0) return "unspecified";
        if (tail == 1) return "loopback";
        return kind_of_v4(tail);  // deprecated IPv4-compatible form
    }
    if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return kind_of_v4(v4_at(b + 12));  // NAT64
    if ((b[0] & 0xfe) == 0xfc) return "private (unique local)";
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "site-local";
    if (b[0] == 0xff) return "multicast";
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return "documentation";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> private_address_kind(const sockaddr* address) {
    if (address == nullptr) return "unknown";
    if (address->sa_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, address, sizeof v4);
        return kind_of_v4(ntohl(v4.sin_addr.s_addr));
    }
    if (address->sa_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, address, sizeof v6);
        return kind_of_v6(v6.sin6_addr.s6_addr);
    }
    return "non-IP";  // e.g. a Unix socket: never a web page
}

std::optional<std::string> private_address_kind(std::string_view ip) {
    const std::string text(ip);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return kind_of_v4(ntohl(v4.s_addr));
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return kind_of_v6(v6.s6_addr);
    return std::nullopt;
}

std::string address_text(const sockaddr* address) {
    std::array<char, INET6_ADDRSTRLEN> buffer{};
    if (address != nullptr && address->sa_family == AF_INET) {
        sockaddr_in v4{};
        std::memcpy(&v4, address, sizeof v4);
        if (inet_ntop(AF_INET, &v4.sin_addr, buffer.data(), buffer.size()) != nullptr) return buffer.data();
    }
    if (address != nullptr && address->sa_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, address, sizeof v6);
        if (inet_ntop(AF_INET6, &v6.sin6_addr, buffer.data(), buffer.size()) != nullptr) return buffer.data();
    }
    return "";
}

}  // namespace claimtrack::fetch
