#include <claimtrack/warc.hpp>

#include "warc/http_message.hpp"
#include "warc/record_parser.hpp"

#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>

#include <fstream>
#include <iterator>

namespace claimtrack::warc {
namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::io, path, "open", "cannot read the file");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Undo the content coding the server applied, as wget's WARCs keep it; say so if we cannot.
void decode_content(FetchResult& result, const std::string& coding) {
    const std::string name = lowercase(coding);
    if (name.empty() || name == "identity") return;
    if (name != "gzip" && name != "x-gzip" && name != "deflate") {
        result.error = "unsupported content-encoding " + coding;
        return;
    }
    try {
        result.body = bytes::gunzip(result.body);
    } catch (const Error& error) {
        result.error = "cannot decode content-encoding " + coding + ": " + error.reason();
    }
}

FetchResult to_result(const Record& record, const HttpMessage& message) {
    FetchResult result;
    std::string target = record.field("WARC-Target-URI");
    if (target.size() >= 2 && target.front() == '<' && target.back() == '>') target = target.substr(1, target.size() - 2);
    result.final_url = target;
    const std::string requested = record.field("WARC-Claimtrack-Requested-URI");
    result.requested_url = requested.empty() ? target : requested;
    result.http_status = message.status;
    result.status_line = message.status_line;
    result.headers = message.headers;
    result.content_type = header_value(message.headers, "Content-Type");
    result.ip = record.field("WARC-IP-Address");
    result.fetched_at = record.field("WARC-Date");
    result.body = message.body;
    if (lowercase(header_value(message.headers, "Transfer-Encoding")).find("chunked") != std::string::npos) {
        result.body = dechunk(result.body);
    }
    decode_content(result, header_value(message.headers, "Content-Encoding"));
    return result;
}

bool is_http_response(const Record& record) {
    if (lowercase(record.field("WARC-Type")) != "response") return false;
    const std::string type = lowercase(record.field("Content-Type"));
    return type.starts_with("application/http") && type.find("msgtype=request") == std::string::npos;
}

}  // namespace

std::vector<FetchResult> read_responses(const std::string& path) {
    std::string data = read_file(path);
    std::string_view origin = "";
    if (data.size() >= 2 && data[0] == '\x1f' && data[1] == '\x8b') {
        try {
            data = bytes::gunzip(data);
        } catch (const Error& error) {
            throw Error(ErrorKind::input, path, error.place(), "gzip: " + error.reason());
        }
        origin = " of the decompressed data";
    }
    std::vector<FetchResult> results;
    for (const Record& record : parse_records(data, path, origin)) {
        if (!is_http_response(record)) continue;
        const auto message = parse_http_response(record.block);
        if (!message || !message->status) {
            throw Error(ErrorKind::input, path, "byte " + std::to_string(record.offset) + std::string(origin),
                        "response record holds no HTTP status line");
        }
        results.push_back(to_result(record, *message));
    }
    return results;
}

}  // namespace claimtrack::warc
