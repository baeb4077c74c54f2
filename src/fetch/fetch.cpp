#include <claimtrack/fetch.hpp>

#include "fetch/transfer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <random>

namespace claimtrack::fetch {
namespace {

using Clock = std::chrono::steady_clock;

struct MultiDeleter {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

// A request waiting for a free slot, or for its retry delay to pass.
struct Pending {
    std::size_t index = 0;
    int attempt = 1;
    Clock::time_point not_before;
};

void init_curl_once() {
    static const bool k_initialized = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)k_initialized;
}

FetchResult failed(const Request& request, std::string error) {
    FetchResult result;
    result.requested_url = request.url;
    result.final_url = request.url;
    result.fetched_at = now_iso8601();
    result.error = std::move(error);
    return result;
}

bool is_failure(const FetchResult& result) {
    return !result.error.empty() || !result.http_status || *result.http_status >= 400;
}

// Counts what finished and reports it to `Options::on_progress`, at most once per interval.
class ProgressMeter {
public:
    explicit ProgressMeter(const Options& options) : m_options(options), m_start(Clock::now()), m_last(m_start) {}

    void count(const FetchResult& result) { ++(is_failure(result) ? m_progress.failed : m_progress.done); }
    void add_bytes(std::size_t bytes) { m_finished_bytes += bytes; }

    // Return true when a report is wanted now: the interval passed, or the run ended (`final`).
    bool due(bool final) const {
        return m_options.on_progress &&
               (final || Clock::now() - m_last >= std::chrono::milliseconds(std::max(1L, m_options.progress_interval_ms)));
    }

    // Report `progress`, completing it with counts and with `bytes_in_flight` of running transfers.
    void report(Progress progress, std::uint64_t bytes_in_flight) {
        const auto now = Clock::now();
        m_last = now;
        progress.done = m_progress.done;
        progress.failed = m_progress.failed;
        progress.bytes = m_finished_bytes + bytes_in_flight;
        progress.seconds = std::chrono::duration<double>(now - m_start).count();
        m_samples.emplace_back(now, progress.bytes);
        while (m_samples.size() > 1 && now - m_samples.front().first > std::chrono::seconds(2)) m_samples.pop_front();
        const auto [since, bytes_then] = m_samples.size() > 1 ? m_samples.front() : std::pair{m_start, std::uint64_t{0}};
        const double span = std::chrono::duration<double>(now - since).count();
        progress.bytes_per_second = span > 0 ? static_cast<double>(progress.bytes - bytes_then) / span : 0.0;
        m_options.on_progress(progress);
    }

    // Return how long the event loop may sleep before the next report is due.
    std::chrono::milliseconds wait_limit() const {
        return std::chrono::milliseconds(m_options.on_progress ? std::max(1L, m_options.progress_interval_ms) : 1000);
    }

private:
    const Options& m_options;
    Clock::time_point m_start;
    Clock::time_point m_last;
    Progress m_progress;
    std::uint64_t m_finished_bytes = 0;
    std::deque<std::pair<Clock::time_point, std::uint64_t>> m_samples;
};

// Runs every request through one multi handle, within the overall and per-host limits.
class Scheduler {
public:
    Scheduler(const std::vector<Request>& requests, const Options& options, const OnDone& on_done)
        : m_requests(requests), m_options(options), m_on_done(on_done), m_multi(curl_multi_init()),
          m_random(std::random_device{}()), m_meter(options) {
        m_jobs = static_cast<std::size_t>(std::max(1, options.jobs));
        m_per_host = std::max(1, options.per_host);
    }
    ~Scheduler() {
        for (auto& [easy, transfer] : m_running) curl_multi_remove_handle(m_multi.get(), easy);
    }
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    void run() {
        const auto now = Clock::now();
        m_hosts.resize(m_requests.size());
        for (std::size_t i = 0; i < m_requests.size(); ++i) {
            Target target = parse_target(m_requests[i].url);
            if (!target.error.empty() || !m_multi) {
                report(i, failed(m_requests[i], m_multi ? target.error : "cannot start libcurl"));
                continue;
            }
            m_hosts[i] = std::move(target.host);
            m_queue.push_back({i, 1, now});
        }
        while ((!m_queue.empty() || !m_running.empty()) && !cancelled()) {
            start_ready();
            int still_running = 0;
            curl_multi_perform(m_multi.get(), &still_running);
            if (collect() == 0) curl_multi_poll(m_multi.get(), nullptr, 0, poll_timeout_ms(), nullptr);
            report_progress(false);
        }
        if (!cancelled()) report_progress(true);
    }

private:
    bool cancelled() const { return m_options.cancel != nullptr && m_options.cancel->load(); }

    void start_ready() {
        const auto now = Clock::now();
        for (auto it = m_queue.begin(); it != m_queue.end() && m_running.size() < m_jobs;) {
            if (it->not_before > now || m_host_load[m_hosts[it->index]] >= m_per_host) {
                ++it;
                continue;
            }
            start(*it);
            it = m_queue.erase(it);
        }
    }

    void start(const Pending& pending) {
        auto transfer = make_transfer(m_requests[pending.index], m_options);
        if (!transfer || curl_multi_add_handle(m_multi.get(), transfer->easy.get()) != CURLM_OK) {
            report(pending.index, failed(m_requests[pending.index], "cannot start a transfer"));
            return;
        }
        transfer->index = pending.index;
        transfer->attempt = pending.attempt;
        transfer->host = m_hosts[pending.index];
        ++m_host_load[transfer->host];
        CURL* easy = transfer->easy.get();
        m_running.emplace(easy, std::move(transfer));
        if (m_options.on_start) m_options.on_start(pending.index, pending.attempt);
    }

    void report(std::size_t index, FetchResult result) {
        m_meter.count(result);
        m_on_done(index, std::move(result));
    }

    void report_progress(bool final) {
        if (!m_meter.due(final)) return;
        std::uint64_t in_flight_bytes = 0;
        for (const auto& [easy, transfer] : m_running) in_flight_bytes += transfer->body.size();
        Progress progress;
        progress.total = m_requests.size();
        progress.in_flight = m_running.size();
        progress.waiting = m_queue.size();
        m_meter.report(progress, in_flight_bytes);
    }

    // Finish every transfer curl reports done; return how many there were.
    int collect() {
        int done = 0;
        int left = 0;
        while (CURLMsg* message = curl_multi_info_read(m_multi.get(), &left)) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL* easy = message->easy_handle;
            const CURLcode code = message->data.result;  // copied: `message` dies with the handle
            curl_multi_remove_handle(m_multi.get(), easy);
            auto node = m_running.extract(easy);
            if (node.empty()) continue;
            Transfer& transfer = *node.mapped();
            --m_host_load[transfer.host];
            ++done;
            m_meter.add_bytes(transfer.body.size());
            Outcome outcome = finish_transfer(transfer, code, m_requests[transfer.index], m_options);
            if (outcome.retryable && transfer.attempt <= m_options.retries) {
                const auto delay = retry_delay(transfer.attempt, outcome.retry_after_ms);
                m_queue.push_back({transfer.index, transfer.attempt + 1, Clock::now() + delay});
            } else if (!cancelled()) {
                report(transfer.index, std::move(outcome.result));
            }
        }
        return done;
    }

    // Exponential backoff with jitter, never shorter than Retry-After, never longer than the cap.
    std::chrono::milliseconds retry_delay(int attempt, long retry_after_ms) {
        const long base = std::max(1L, m_options.backoff_ms) << std::min(attempt - 1, 16);
        std::uniform_int_distribution<long> jitter(base / 2, base);
        const long wait = std::min(std::max(jitter(m_random), retry_after_ms), std::max(0L, m_options.max_retry_wait_ms));
        return std::chrono::milliseconds(wait);
    }

    int poll_timeout_ms() const {
        auto timeout = std::min(m_meter.wait_limit(), std::chrono::milliseconds(m_options.cancel != nullptr ? 200 : 1000));
        const auto now = Clock::now();
        // Requests held back by a limit wait for a transfer to end, which wakes the poll anyway.
        for (const auto& pending : m_queue) {
            if (pending.not_before <= now) continue;
            timeout = std::min(timeout, std::chrono::ceil<std::chrono::milliseconds>(pending.not_before - now));
        }
        return static_cast<int>(timeout.count());
    }

    const std::vector<Request>& m_requests;
    const Options& m_options;
    const OnDone& m_on_done;
    std::unique_ptr<CURLM, MultiDeleter> m_multi;
    std::mt19937 m_random;
    std::size_t m_jobs = 1;
    int m_per_host = 1;
    std::vector<std::string> m_hosts;
    std::list<Pending> m_queue;
    std::map<std::string, int> m_host_load;
    std::map<CURL*, std::unique_ptr<Transfer>> m_running;
    ProgressMeter m_meter;
};

}  // namespace

void fetch_all(const std::vector<Request>& requests, const Options& options, const OnDone& on_done) {
    init_curl_once();
    Scheduler scheduler(requests, options, on_done);
    scheduler.run();
}

}  // namespace claimtrack::fetch
