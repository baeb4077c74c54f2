#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>

#include <openssl/evp.h>
#include <zlib.h>

#include <array>
#include <memory>

namespace claimtrack::bytes {
namespace {

struct DigestDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

std::string digest(const EVP_MD* kind, std::string_view data) {
    std::unique_ptr<EVP_MD_CTX, DigestDeleter> context(EVP_MD_CTX_new());
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int size = 0;
    if (!context || EVP_DigestInit_ex(context.get(), kind, nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), data.data(), data.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), out.data(), &size) != 1) {
        throw Error(ErrorKind::io, "digest", "openssl", "cannot compute a digest");
    }
    return std::string(reinterpret_cast<const char*>(out.data()), size);
}

std::string hex_of(std::string_view raw) {
    static constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out;
    for (const char byte : raw) {
        const auto c = static_cast<unsigned char>(byte);
        out += k_hex[c >> 4];
        out += k_hex[c & 15];
    }
    return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) { return hex_of(digest(EVP_sha256(), data)); }

Sha256::Sha256() : m_context(EVP_MD_CTX_new()) {
    if (!m_context || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(m_context), EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context));
        throw Error(ErrorKind::io, "digest", "openssl", "cannot compute a digest");
    }
}

Sha256::~Sha256() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context)); }

void Sha256::update(std::string_view data) {
    if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_context), data.data(), data.size()) != 1) {
        throw Error(ErrorKind::io, "digest", "openssl", "cannot compute a digest");
    }
}

std::string Sha256::hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int size = 0;
    if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_context), out.data(), &size) != 1) {
        throw Error(ErrorKind::io, "digest", "openssl", "cannot compute a digest");
    }
    return hex_of(std::string_view(reinterpret_cast<const char*>(out.data()), size));
}

std::string sha1_base32(std::string_view data) {
    static constexpr std::string_view k_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const std::string raw = digest(EVP_sha1(), data);
    std::string out = "sha1:";
    unsigned int buffer = 0;
    int bits = 0;
    for (const unsigned char c : raw) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 5) {
            out += k_alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += k_alphabet[(buffer << (5 - bits)) & 31];
    return out;  // 20 bytes → exactly 32 characters, no padding needed
}

std::string gzip(std::string_view data) {
    z_stream stream{};
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw Error(ErrorKind::io, "gzip", "zlib", "cannot start compression");
    }
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    if (rc != Z_STREAM_END) throw Error(ErrorKind::io, "gzip", "zlib", "compression did not finish");
    return out;
}

std::string gunzip(std::string_view data, std::size_t limit) {
    std::string out;
    std::size_t offset = 0;
    std::array<char, 64 * 1024> chunk{};
    // Concatenated gzip members (one per WARC record) decompress to their concatenation.
    while (offset < data.size()) {
        z_stream stream{};
        if (inflateInit2(&stream, 15 + 32) != Z_OK) throw Error(ErrorKind::io, "gunzip", "zlib", "cannot start");
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + offset));
        stream.avail_in = static_cast<uInt>(data.size() - offset);
        int rc = Z_OK;
        while (rc != Z_STREAM_END) {
            stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
            stream.avail_out = static_cast<uInt>(chunk.size());
            rc = inflate(&stream, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END) {
                const auto at = offset + stream.total_in;
                inflateEnd(&stream);
                throw Error(ErrorKind::input, "compressed data", "byte " + std::to_string(at), "corrupt or truncated");
            }
            out.append(chunk.data(), chunk.size() - stream.avail_out);
            if (out.size() > limit) {
                inflateEnd(&stream);
                throw Error(ErrorKind::input, "compressed data", "byte " + std::to_string(offset + stream.total_in),
                            "larger than " + std::to_string(limit) + " bytes when decompressed");
            }
            if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
                const auto at = offset + stream.total_in;
                inflateEnd(&stream);
                throw Error(ErrorKind::input, "compressed data", "byte " + std::to_string(at), "truncated");
            }
        }
        offset += stream.total_in;
        inflateEnd(&stream);
    }
    return out;
}

}  // namespace claimtrack::bytes
