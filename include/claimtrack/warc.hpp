#pragma once

#include <claimtrack/model.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// WARC 1.1 files: write what we fetch, replay it later (ours and wget's).
namespace claimtrack::warc {

// Appends records to a WARC file, each record its own gzip member. A response record's
// WARC-Target-URI is the final URL (the response belongs to it); after a redirect the URL first
// requested is kept in the extension field WARC-Claimtrack-Requested-URI, which
// `read_responses` reads back into `requested_url`.
class Writer {
public:
    // Open `path` for writing (truncating) and write a warcinfo record naming `software`.
    // Stop with claimtrack::Error (io) if it cannot be created.
    Writer(const std::string& path, const std::string& software);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Write a request record (when `result.request` is set) and a response record for `result`.
    // Results with no HTTP status are skipped.
    void write(const FetchResult& result);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Return every response record in the WARC file at `path` (gzipped per record, whole-file
// gzip, or plain) as fetch results, in file order. Stop with claimtrack::Error (input) naming
// the file and byte offset if it is not a WARC file.
// `requested_url` and `final_url` are WARC-Target-URI (but see `Writer`); bodies come back with
// chunked transfer coding and gzip/deflate content coding undone.
std::vector<FetchResult> read_responses(const std::string& path);

// Return the response for `url` among `responses`, matched on `requested_url` or `final_url` and
// following 3xx responses with a Location recorded in the same file (as wget writes them), at
// most 10 hops; the result's `requested_url` is `url`. Nothing when the file does not have it.
std::optional<FetchResult> find_response(const std::vector<FetchResult>& responses, std::string_view url);

}  // namespace claimtrack::warc
