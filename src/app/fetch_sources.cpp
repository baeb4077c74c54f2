#include <claimtrack/app.hpp>
#include <claimtrack/article.hpp>
#include <claimtrack/bytes.hpp>
#include <claimtrack/error.hpp>
#include <claimtrack/evidence.hpp>
#include <claimtrack/fetch.hpp>
#include <claimtrack/html.hpp>
#include <claimtrack/pdf.hpp>
#include <claimtrack/store.hpp>
#include <claimtrack/warc.hpp>

#include <map>
#include <memory>
#include <set>

namespace claimtrack::app {
namespace {

struct Target {
    Id source = 0;
    std::string url;
    std::string accept_language;  // from the language of the first article citing it
};

bool succeeded(const std::string& outcome) { return outcome == "ok" || outcome == "not-modified" || outcome == "not-text"; }

// Return the sources to fetch this run, and how many were left alone because they are fetched.
std::pair<std::vector<Target>, std::size_t> targets_of(const Store& store, const FetchOptions& options) {
    std::vector<Target> targets;
    std::set<Id> seen;
    std::map<Id, std::string> languages;  // article id -> Accept-Language value
    std::size_t skipped = 0;
    for (const SourceRow& row : store.sources(options.article)) {
        if (!seen.insert(row.id).second) continue;
        if (options.refresh == Refresh::missing_only && succeeded(row.outcome)) {
            ++skipped;
            continue;
        }
        auto language = languages.find(row.article);
        if (language == languages.end()) {
            const auto article = store.article_header(row.article);
            language = languages.emplace(row.article, fetch::accept_language_for(article ? article->language : "")).first;
        }
        targets.push_back({row.id, row.url, language->second});
    }
    return {targets, skipped};
}

Snapshot snapshot_of(const Target& target, const FetchResult& result, const std::string& warc_file) {
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
    if (snapshot.error.empty() && snapshot.http_status && *snapshot.http_status >= 400) {
        snapshot.error = result.status_line.empty() ? "HTTP " + std::to_string(*snapshot.http_status) : result.status_line;
    }
    return snapshot;
}

struct Extracted {
    html::Document document;
    std::string error;  // why a PDF gave no text
};

// Return the text of a response: PDFs through poppler (each page's text follows a "Page N"
// heading, so passages keep their page), everything else through the HTML extractor.
Extracted extract_body(const FetchResult& result, std::string_view url) {
    if (!pdf::is_pdf(result.body, result.content_type)) return {html::extract(result.body, result.content_type, url), ""};
    pdf::Document pdf_document = pdf::extract(result.body);
    html::Document document;
    document.is_text = pdf_document.is_text;
    document.title = std::move(pdf_document.title);
    document.published = std::move(pdf_document.published);
    document.author = std::move(pdf_document.author);
    document.language = std::move(pdf_document.language);
    document.text = std::move(pdf_document.text);
    document.paragraphs = std::move(pdf_document.paragraphs);
    return {std::move(document), pdf_document.error.empty() ? "" : "PDF " + pdf_document.error};
}

// Store one result as a snapshot with its passages, in a transaction of its own, so an
// interrupted fetch keeps what finished. A body identical to the last one is not stored again.
FetchOutcome store_result(Store& store, const Target& target, const FetchResult& result, const std::string& warc_file) {
    Snapshot snapshot = snapshot_of(target, result, warc_file);
    html::Document document;
    std::vector<Passage> passages;
    if (result.http_status && *result.http_status >= 200 && *result.http_status < 300) {
        Extracted extracted = extract_body(result, snapshot.final_url);
        document = std::move(extracted.document);
        if (snapshot.error.empty()) snapshot.error = std::move(extracted.error);
        if (document.is_text) passages = evidence::split_passages(document.text);
    }
    snapshot.charset = document.charset;
    snapshot.title = document.title;
    snapshot.published = document.published;
    snapshot.text = document.text;
    snapshot.outcome = fetch::judge_outcome(result, document.is_text, document.title, document.text);

    FetchOutcome outcome{target.source, target.url, snapshot.http_status, snapshot.outcome, snapshot.error, passages.size()};
    Store::Transaction transaction(store);
    const auto previous = store.latest_snapshot(target.source);
    if (previous && previous->outcome == "ok" && snapshot.outcome == "ok" && previous->sha256 == snapshot.sha256) {
        outcome.outcome = "unchanged";
        return outcome;
    }
    store.add_snapshot(snapshot, passages);
    transaction.commit();
    return outcome;
}

struct Archive {
    std::string file;
    std::vector<FetchResult> responses;
};

// Return the archived response for `url`: exact (following recorded redirects), else the first
// response whose URL normalizes to the same source.
std::optional<std::pair<FetchResult, std::string>> find_archived(const std::vector<Archive>& archives, const std::string& url) {
    for (const Archive& archive : archives) {
        if (auto found = warc::find_response(archive.responses, url)) return std::pair{std::move(*found), archive.file};
    }
    for (const Archive& archive : archives) {
        for (const FetchResult& response : archive.responses) {
            for (const std::string& candidate : {response.requested_url, response.final_url}) {
                if (article::normalize_url(candidate).value_or(candidate) != url) continue;
                if (auto found = warc::find_response(archive.responses, candidate)) return std::pair{std::move(*found), archive.file};
            }
        }
    }
    return std::nullopt;
}

void count(FetchSummary& summary, const FetchOutcome& outcome) {
    if (succeeded(outcome.outcome) || outcome.outcome == "unchanged") {
        ++summary.ok;
    } else {
        ++summary.failed;
    }
}

void replay(Store& store, const std::vector<Target>& targets, const FetchOptions& options, FetchSummary& summary) {
    std::vector<Archive> archives;
    for (const std::string& file : options.from_warc) archives.push_back({file, warc::read_responses(file)});
    for (const Target& target : targets) {
        if (const auto found = find_archived(archives, target.url)) {
            summary.results.push_back(store_result(store, target, found->first, found->second));
        } else {
            FetchResult missing;
            missing.requested_url = target.url;
            missing.error = "not in the WARC files given";
            summary.results.push_back(store_result(store, target, missing, ""));
        }
        count(summary, summary.results.back());
    }
}

fetch::Options fetch_options_of(const FetchOptions& options) {
    fetch::Options out;
    out.jobs = options.jobs;
    out.per_host = options.per_host;
    out.timeout_ms = options.timeout_ms;
    out.private_addresses = options.allow_private ? fetch::PrivateAddresses::allow : fetch::PrivateAddresses::refuse;
    out.on_progress = options.on_progress;
    out.cancel = options.cancel;
    return out;
}

}  // namespace

FetchSummary fetch_sources(Store& store, const FetchOptions& options) {
    auto [targets, skipped] = targets_of(store, options);
    FetchSummary summary;
    summary.skipped = skipped;
    if (!options.from_warc.empty()) {
        replay(store, targets, options, summary);
        return summary;
    }

    std::unique_ptr<warc::Writer> writer;
    if (!options.warc_out.empty()) writer = std::make_unique<warc::Writer>(options.warc_out, "claimtrack/0.1");

    std::vector<fetch::Request> requests;
    for (const Target& target : targets) {
        fetch::Request request{target.url, "", "", target.accept_language};
        if (options.refresh == Refresh::all) {
            if (const auto validators = store.validators(target.source)) {
                request.etag = validators->etag;
                request.last_modified = validators->last_modified;
            }
        }
        requests.push_back(std::move(request));
    }
    std::vector<std::optional<FetchOutcome>> outcomes(targets.size());
    fetch::fetch_all(requests, fetch_options_of(options), [&](std::size_t index, FetchResult result) {
        if (writer) writer->write(result);
        outcomes[index] = store_result(store, targets[index], result, options.warc_out);
    });
    for (auto& outcome : outcomes) {
        if (!outcome) {
            summary.interrupted = true;
            continue;
        }
        summary.results.push_back(std::move(*outcome));
        count(summary, summary.results.back());
    }
    return summary;
}

}  // namespace claimtrack::app
