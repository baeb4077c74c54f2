#include <claimtrack/fetch.hpp>

#include "fetch/transfer.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
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

// Runs every request through one multi handle, within the overall and per-host limits.
class Scheduler {
public:
    Scheduler(const std::vector<Request>& requests, const Options& options, const OnDone& on_done)
        : m_requests(requests), m_options(options), m_on_done(on_done), m_multi(curl_multi_init()),
          m_random(std::random_device{}()) {
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
                m_on_done(i, failed(m_requests[i], m_multi ? target.error : "cannot start libcurl"));
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
        }
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
            m_on_done(pending.index, failed(m_requests[pending.index], "cannot start a transfer"));
            return;
        }
        transfer->index = pending.index;
        transfer->attempt = pending.attempt;
        transfer->host = m_hosts[pending.index];
        ++m_host_load[transfer->host];
        CURL* easy = transfer->easy.get();
        m_running.emplace(easy, std::move(transfer));
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
            Outcome outcome = finish_transfer(transfer, code, m_requests[transfer.index], m_options);
            if (outcome.retryable && transfer.attempt <= m_options.retries) {
                const auto delay = retry_delay(transfer.attempt, outcome.retry_after_ms);
                m_queue.push_back({transfer.index, transfer.attempt + 1, Clock::now() + delay});
            } else if (!cancelled()) {
                m_on_done(transfer.index, std::move(outcome.result));
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
        auto timeout = std::chrono::milliseconds(m_options.cancel != nullptr ? 200 : 1000);
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
};

}  // namespace

void fetch_all(const std::vector<Request>& requests, const Options& options, const OnDone& on_done) {
    init_curl_once();
    Scheduler scheduler(requests, options, on_done);
    scheduler.run();
}

}  // namespace claimtrack::fetch
