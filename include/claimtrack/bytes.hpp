#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimtrack::bytes {

// Return the SHA-256 of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

// SHA-256 of data given in pieces: `hex()` after the last `update` equals sha256_hex of them joined.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view data);
    std::string hex();  // ends the digest

private:
    void* m_context;  // EVP_MD_CTX
};

// Return the SHA-1 of `data` in the WARC form "sha1:BASE32".
std::string sha1_base32(std::string_view data);

// Return `data` compressed as one gzip member.
std::string gzip(std::string_view data);

// Return `data` (one or more gzip members, or a zlib/deflate stream) decompressed; stop with
// claimtrack::Error if it is corrupt or grows past `limit` bytes.
std::string gunzip(std::string_view data, std::size_t limit = std::size_t{1} << 30);

}  // namespace claimtrack::bytes
