#pragma once

#include <claimtrack/model.hpp>

#include <memory>
#include <string>
#include <vector>

// WARC 1.1 files: write what we fetch, replay it later (ours and wget's).
namespace claimtrack::warc {

// Appends records to a WARC file, each record its own gzip member.
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
std::vector<FetchResult> read_responses(const std::string& path);

}  // namespace claimtrack::warc
