#include <claimtrack/app_export.hpp>

#include <claimtrack/error.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/warc.hpp>

#include <filesystem>
#include <set>
#include <system_error>
#include <unistd.h>

namespace claimtrack::app {
namespace {

// Return the reason phrase of common statuses, for a status line the store did not keep.
std::string_view reason_of(int status) {
    switch (status) {
    case 200: return "OK";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
    }
}

// Return the status line of `snapshot`: a failed one kept it as its error, else rebuild it.
std::string status_line_of(const Snapshot& snapshot) {
    if (snapshot.error.starts_with("HTTP/")) return snapshot.error;
    const int status = *snapshot.http_status;
    const std::string_view reason = reason_of(status);
    return "HTTP/1.1 " + std::to_string(status) + (reason.empty() ? "" : " " + std::string(reason));
}

// Return a GET request for `url` as a WARC request record holds it (the store keeps no request,
// so this is the request we make, without the headers that varied).
std::string request_for(const std::string& url) {
    const auto scheme_end = url.find("://");
    const std::string rest = scheme_end == std::string::npos ? url : url.substr(scheme_end + 3);
    const auto slash = rest.find_first_of("/?#");
    const std::string host = rest.substr(0, slash);
    std::string target = slash == std::string::npos ? "/" : rest.substr(slash);
    target = target.substr(0, target.find('#'));
    if (target.empty() || target.front() != '/') target.insert(0, "/");
    return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\n\r\n";
}

FetchResult result_of(const Snapshot& snapshot) {
    FetchResult result;
    result.requested_url = snapshot.requested_url;
    result.final_url = snapshot.final_url.empty() ? snapshot.requested_url : snapshot.final_url;
    result.http_status = snapshot.http_status;
    result.status_line = status_line_of(snapshot);
    result.headers = snapshot.headers;
    result.content_type = snapshot.content_type;
    result.body = snapshot.body;
    result.request = request_for(result.final_url);
    result.fetched_at = snapshot.fetched_at;
    return result;
}

// Removes the partly written file unless `keep` is called.
class PartialFile {
public:
    explicit PartialFile(std::string path) : m_path(std::move(path)) {}
    ~PartialFile() {
        std::error_code ignored;
        if (!m_kept) std::filesystem::remove(m_path, ignored);
    }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    const std::string& path() const { return m_path; }
    void keep() { m_kept = true; }

private:
    std::string m_path;
    bool m_kept = false;
};

}  // namespace

ExportWarcSummary export_warc(const Store& store, const ExportWarcOptions& options) {
    if (options.article && !store.has_article(*options.article)) {
        throw Error(ErrorKind::not_found, "article " + std::to_string(*options.article), "database",
                    "no such article (see `claimtrack articles`)");
    }
    ExportWarcSummary summary;
    std::vector<Snapshot> snapshots;
    std::set<Id> seen;
    for (const SourceRow& row : store.sources(options.article)) {
        if (!seen.insert(row.id).second) continue;
        ++summary.sources;
        const auto id = store.latest_response_snapshot(row.id);
        const auto snapshot = id ? store.snapshot(*id) : std::nullopt;
        if (!snapshot) {
            summary.skipped.push_back(row.url);
            continue;
        }
        snapshots.push_back(*snapshot);
    }

    PartialFile partial(options.path + ".partial-" + std::to_string(::getpid()));
    {
        warc::Writer writer(partial.path(), "claimtrack/0.1 (export-warc)");
        for (const Snapshot& snapshot : snapshots) writer.write(result_of(snapshot));
    }
    std::error_code error;
    std::filesystem::rename(partial.path(), options.path, error);
    if (error) throw Error(ErrorKind::io, options.path, "rename", error.message());
    partial.keep();
    summary.exported = snapshots.size();
    return summary;
}

}  // namespace claimtrack::app
