#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/fetch.hpp>
#include <claimtrack/html.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/warc.hpp>

#include <map>
#include <memory>
#include <set>

namespace claimtrack::app {
namespace {

// Return what a person should read from a fetch: ok, dead, unreachable, refused or not-text.
std::string outcome_of(const FetchResult& result, const html::Document& document) {
    if (!result.http_status) {
        return result.error.find("refused") != std::string::npos && result.error.find("address") != std::string::npos
                   ? "refused"
                   : "unreachable";
    }
    const int status = *result.http_status;
    if (status == 304) return "not-modified";
    if (status == 404 || status == 410) return "dead";
    if (status >= 400) return "unreachable";
    if (!document.is_text) return "not-text";
    return "ok";
}

struct Target {
    Id source = 0;
    std::string url;
};

std::vector<Target> targets_of(const Store& store, std::optional<Id> article) {
    std::vector<Target> targets;
    std::set<Id> seen;
    for (const SourceRow& row : store.sources(article)) {
        if (seen.insert(row.id).second) targets.push_back({row.id, row.url});
    }
    return targets;
}

// Store one result as a snapshot with its passages, in a transaction of its own, so an
// interrupted fetch keeps what finished.
FetchOutcome store_result(Store& store, const Target& target, const FetchResult& result, const std::string& warc_file) {
    Snapshot snapshot;
    snapshot.source = target.source;
    snapshot.requested_url = result.requested_url.empty() ? target.url : result.requested_url;
    snapshot.final_url = result.final_url.empty() ? snapshot.requested_url : result.final_url;
    snapshot.http_status = result.http_status;
    snapshot.content_type = result.content_type;
    snapshot.fetched_at = result.fetched_at.empty() ? now_iso8601() : result.fetched_at;
    snapshot.headers = result.headers;
    snapshot.body = result.body;
    snapshot.sha256 = bytes::sha256_hex(result.body);
    snapshot.error = result.error;
    snapshot.warc_file = warc_file;

    html::Document document;
    std::vector<Passage> passages;
    if (result.http_status && *result.http_status < 400) {
        document = html::extract(result.body, result.content_type, snapshot.final_url);
        if (document.is_text) passages = evidence::split_passages(document.text);
    }
    snapshot.charset = document.charset;
    snapshot.title = document.title;
    snapshot.published = document.published;
    snapshot.text = document.text;
    snapshot.outcome = outcome_of(result, document);
    if (snapshot.error.empty() && snapshot.http_status && *snapshot.http_status >= 400) {
        snapshot.error = result.status_line.empty() ? "HTTP " + std::to_string(*snapshot.http_status) : result.status_line;
    }

    Store::Transaction transaction(store);
    store.add_snapshot(snapshot, passages);
    transaction.commit();
    return {target.source, target.url, snapshot.http_status, snapshot.outcome, snapshot.error, passages.size()};
}

std::map<std::string, std::pair<FetchResult, std::string>> load_warcs(const std::vector<std::string>& files) {
    std::map<std::string, std::pair<FetchResult, std::string>> by_url;
    for (const std::string& file : files) {
        for (FetchResult& result : warc::read_responses(file)) {
            for (const std::string& url : {result.requested_url, result.final_url}) {
                const auto key = article::normalize_url(url).value_or(url);
                by_url.insert_or_assign(key, std::pair{result, file});
            }
        }
    }
    return by_url;
}

void count(FetchSummary& summary, const FetchOutcome& outcome) {
    if (outcome.outcome == "ok" || outcome.outcome == "not-modified") {
        ++summary.ok;
    } else {
        ++summary.failed;
    }
}

}  // namespace

FetchSummary fetch_sources(Store& store, const FetchOptions& options) {
    const std::vector<Target> targets = targets_of(store, options.article);
    FetchSummary summary;
    summary.results.resize(targets.size());

    if (!options.from_warc.empty()) {
        const auto archived = load_warcs(options.from_warc);
        for (std::size_t i = 0; i < targets.size(); ++i) {
            const auto found = archived.find(targets[i].url);
            if (found == archived.end()) {
                FetchResult missing;
                missing.requested_url = targets[i].url;
                missing.error = "not in the WARC files given";
                summary.results[i] = store_result(store, targets[i], missing, "");
            } else {
                summary.results[i] = store_result(store, targets[i], found->second.first, found->second.second);
            }
            count(summary, summary.results[i]);
        }
        return summary;
    }

    std::unique_ptr<warc::Writer> writer;
    if (!options.warc_out.empty()) writer = std::make_unique<warc::Writer>(options.warc_out, "claimtrack/0.1");

    std::vector<fetch::Request> requests;
    for (const Target& target : targets) requests.push_back({target.url, "", ""});
    fetch::Options fetch_options;
    fetch_options.jobs = options.jobs;
    fetch_options.per_host = options.per_host;
    fetch_options.timeout_ms = options.timeout_ms;
    fetch_options.private_addresses =
        options.allow_private ? fetch::PrivateAddresses::allow : fetch::PrivateAddresses::refuse;
    fetch::fetch_all(requests, fetch_options, [&](std::size_t index, FetchResult result) {
        if (writer) writer->write(result);
        summary.results[index] = store_result(store, targets[index], result, options.warc_out);
        count(summary, summary.results[index]);
    });
    return summary;
}

}  // namespace claimtrack::app
