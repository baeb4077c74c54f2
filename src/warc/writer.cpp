#include <claimtrack/warc.hpp>

#include "warc/http_message.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>

#include <array>
#include <cstdint>
#include <fstream>
#include <random>
#include <utility>
#include <vector>

namespace claimtrack::warc {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// Return one WARC record: version line, `fields`, Content-Length, blank line, `block`, two CRLFs.
std::string record(const Fields& fields, std::string_view block) {
    std::string out = "WARC/1.1\r\n";
    for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    out.append(block);
    out += "\r\n\r\n";
    return out;
}

std::string response_block(const FetchResult& result) {
    const std::string status_line =
        result.status_line.empty() ? fallback_status_line(*result.http_status) : result.status_line;
    return status_line + "\r\n" + rewrite_headers(result.headers, result.body.size()) + "\r\n" + result.body;
}

std::string request_block(const std::string& request) {
    // curl's header block already ends with the blank line; make sure of it for others.
    if (request.ends_with("\r\n\r\n")) return request;
    if (request.ends_with("\r\n")) return request + "\r\n";
    return request + "\r\n\r\n";
}

}  // namespace

struct Writer::Impl {
    std::string path;
    std::ofstream out;
    std::mt19937_64 random{std::random_device{}()};

    // Return a fresh random (version 4) record id: "<urn:uuid:...>".
    std::string record_id() {
        std::array<std::uint8_t, 16> b{};
        for (auto& byte : b) byte = static_cast<std::uint8_t>(random() & 0xff);
        b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40);
        b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80);
        static constexpr std::string_view k_hex = "0123456789abcdef";
        std::string id = "<urn:uuid:";
        for (std::size_t i = 0; i < b.size(); ++i) {
            if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
            id += k_hex[b[i] >> 4];
            id += k_hex[b[i] & 15];
        }
        return id + ">";
    }

    // Append `text` as its own gzip member and flush, so a crash never leaves half a record.
    void append(std::string_view text) {
        const std::string member = bytes::gzip(text);
        out.write(member.data(), static_cast<std::streamsize>(member.size()));
        out.flush();
        if (!out) throw Error(ErrorKind::io, path, "write", "cannot write the WARC file");
    }
};

Writer::Writer(const std::string& path, const std::string& software) : m_impl(std::make_unique<Impl>()) {
    m_impl->path = path;
    m_impl->out.open(path, std::ios::binary | std::ios::trunc);
    if (!m_impl->out) throw Error(ErrorKind::io, path, "open", "cannot create the WARC file");
    const std::string info = "software: " + software +
                             "\r\nformat: WARC File Format 1.1\r\n"
                             "conformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/"
                             "warc-1.1/\r\n";
    const auto slash = path.find_last_of('/');
    m_impl->append(record({{"WARC-Type", "warcinfo"},
                           {"WARC-Record-ID", m_impl->record_id()},
                           {"WARC-Date", now_iso8601()},
                           {"WARC-Filename", slash == std::string::npos ? path : path.substr(slash + 1)},
                           {"Content-Type", "application/warc-fields"}},
                          info));
}

Writer::~Writer() = default;

void Writer::write(const FetchResult& result) {
    if (!result.http_status) return;
    const std::string target = result.final_url.empty() ? result.requested_url : result.final_url;
    const std::string date = result.fetched_at.empty() ? now_iso8601() : result.fetched_at;
    const std::string response_id = m_impl->record_id();
    const std::string block = response_block(result);
    Fields response{{"WARC-Type", "response"},
                    {"WARC-Record-ID", response_id},
                    {"WARC-Date", date},
                    {"WARC-Target-URI", target}};
    if (!result.requested_url.empty() && result.requested_url != target) {
        response.emplace_back("WARC-Claimtrack-Requested-URI", result.requested_url);
    }
    if (!result.ip.empty()) response.emplace_back("WARC-IP-Address", result.ip);
    response.emplace_back("Content-Type", "application/http;msgtype=response");
    response.emplace_back("WARC-Block-Digest", bytes::sha1_base32(block));
    response.emplace_back("WARC-Payload-Digest", bytes::sha1_base32(result.body));
    if (!result.request.empty()) {
        const std::string request = request_block(result.request);
        Fields fields{{"WARC-Type", "request"},
                      {"WARC-Record-ID", m_impl->record_id()},
                      {"WARC-Date", date},
                      {"WARC-Target-URI", target},
                      {"WARC-Concurrent-To", response_id}};
        if (!result.ip.empty()) fields.emplace_back("WARC-IP-Address", result.ip);
        fields.emplace_back("Content-Type", "application/http;msgtype=request");
        fields.emplace_back("WARC-Block-Digest", bytes::sha1_base32(request));
        m_impl->append(record(fields, request));
    }
    m_impl->append(record(response, block));
}

}  // namespace claimtrack::warc
