#pragma once

#include <optional>
#include <string>
#include <string_view>

struct sockaddr;

namespace claimtrack::fetch {

// Return why connecting to `address` is refused by default ("loopback", "private", ...), or
// nothing when it is a public address. IPv4-mapped IPv6 addresses are judged as IPv4.
std::optional<std::string> private_address_kind(const sockaddr* address);

// Return the printable form of `address` ("127.0.0.1", "::1"), or "" for other families.
std::string address_text(const sockaddr* address);

// Return the kind as `private_address_kind` for a textual IP address, or nothing if not an IP.
std::optional<std::string> private_address_kind(std::string_view ip);

}  // namespace claimtrack::fetch
