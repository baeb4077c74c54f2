#pragma once

#include <claimtrack/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace claimtrack {
class Store;
}

// Use case: write what the store holds of the sources back out as a WARC file.
namespace claimtrack::app {

struct ExportWarcOptions {
    std::optional<Id> article;  // all articles when not given
    std::string path;           // the WARC file to write (gzip per record)
};

struct ExportWarcSummary {
    std::size_t sources = 0;            // distinct sources of the article(s)
    std::size_t exported = 0;           // sources written as a request and a response record
    std::vector<std::string> skipped;   // URLs with no stored HTTP response (never fetched, unreachable)
};

// Write a warcinfo record, then a request and a response record for the latest stored response
// of each source of `options.article` (all when not given), so `fetch --from-warc` rebuilds the
// same snapshots offline. The file appears only when complete (written aside, then renamed).
// Stop with claimtrack::Error (not_found) on an unknown article, (io) when it cannot be written.
ExportWarcSummary export_warc(const Store& store, const ExportWarcOptions& options);

}  // namespace claimtrack::app
